//! `registry!`'s cross-item checks, evaluated by the compiler in const evaluation.
//!
//! `registry!` generates its table of [`Row`]s and, in one `const _: () = { ... };` block,
//! calls these functions on it: [`findings`] once, and [`report`] once per entry, in a `const`
//! spanned at the entry, so that a faulty entry's error points at it. Only the data and those
//! calls are generated; the logic is here, compiled once.
//!
//! An entry's problems are looked for in the order of [`Problem`]; only the first is reported,
//! and the next one once it is fixed.

use super::companion::{Facts, Lists, Row};
use super::text::{fail, ENTRY};

/// A problem an entry can have, in the order they are looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// None.
    None,
    /// An entry whose module is no companion: its function was never annotated.
    NotAnnotated,
    /// A declaration (a signature without a body): implemented elsewhere, so not registrable.
    Declaration,
    /// An activity listed under `orchestrations`, or the reverse.
    WrongKind,
    /// A crate prefix other than the one most entries share (on a tie, the first entry's), so
    /// that the odd one out is the one reported, wherever it stands in the list and whatever
    /// `#[cfg]`s remove.
    Prefix,
    /// The name (and version) of an earlier entry of the same list.
    Duplicate,
    /// An activity that takes a `#[config]` parameter, in a registry without a configuration.
    Config,
}

impl Problem {
    /// The message for an entry of the list of orchestrations (or of activities), as pieces
    /// for [`fail`], with [`ENTRY`] where the entry's path goes.
    #[must_use]
    pub const fn message(self, orchestrations: bool) -> &'static [&'static str] {
        match (self, orchestrations) {
            (Problem::None, _) => &[],
            (Problem::NotAnnotated, _) => &[
                "`", ENTRY, "` is not an #[activity] or #[orchestration]: annotate its function (in the pattern's file-per-item layout, the `activity` or `orchestration` function of the module `", ENTRY, "`), or remove the entry",
            ],
            (Problem::Declaration, _) => &[
                "`", ENTRY, "` is a declaration (a function without a body): it is implemented elsewhere, so this crate cannot register it; list it under `external: [...]` to show it in the inventory, or under `by_hand: [...]` while this crate still registers it by hand",
            ],
            (Problem::WrongKind, true) => &[
                "`", ENTRY, "` is an #[activity], but it is listed under `orchestrations`; move it to `activities: [...]`",
            ],
            (Problem::WrongKind, false) => &[
                "`", ENTRY, "` is an #[orchestration], but it is listed under `activities`; move it to `orchestrations: [...]`",
            ],
            (Problem::Prefix, _) => &[
                "`", ENTRY, "` has a different crate prefix from the one most entries of this registry! share (on a tie, the first entry's); the pattern wants one prefix for every name of a crate, so give `", ENTRY, "` the same `prefix` as the others",
            ],
            (Problem::Duplicate, true) => &[
                "`", ENTRY, "` has the same NAME and VERSION as an earlier entry of `orchestrations`; duroxide would silently keep only one of them. Give it its own `name`, or a distinct `version` if it is a new version of the same orchestration",
            ],
            (Problem::Duplicate, false) => &[
                "`", ENTRY, "` has the same NAME as an earlier entry of `activities`; duroxide would refuse the second registration. Give it its own `name`",
            ],
            (Problem::Config, _) => &[
                "`", ENTRY, "` takes a #[config] parameter, but this registry! has no configuration to give it; add `config: YourConfig,` to registry! (it then generates `create_activity_registry_with_config(config)`)",
            ],
        }
    }
}

/// The size of [`findings`]' open-addressing table for lists of `len` entries: a power of two,
/// at least twice the list, so that probing stays short and always finds a free slot.
#[must_use]
pub const fn slots(len: usize) -> usize {
    let wanted = if len < 1 { 2 } else { len.saturating_mul(2) };
    match wanted.checked_next_power_of_two() {
        Some(slots) => slots,
        None => usize::MAX / 2 + 1,
    }
}

/// The prefix fingerprint most rows of both lists share; on a tie, the one that comes first.
/// `TOTAL` bounds the distinct prefixes: the number of entries.
#[must_use]
pub const fn reference_prefix<const TOTAL: usize>(lists: &Lists) -> u128 {
    let tables = [lists.orchestrations, lists.activities];
    // Nearly always every row has the first row's prefix, which one pass tells, before any
    // counting; only a registry that fails to build gets further. Entries that are not
    // annotated have no prefix, and do not count.
    let first = if !tables[0].is_empty() {
        tables[0][0].facts
    } else if !tables[1].is_empty() {
        tables[1][0].facts
    } else {
        return 0;
    };
    let first = first.prefix;
    let mut same = true;
    let mut t = 0;
    while t < 2 && same {
        let mut i = 0;
        while i < tables[t].len() && same {
            let facts = &tables[t][i].facts;
            same = facts.prefix == first && facts.annotation.is_annotated();
            i += 1;
        }
        t += 1;
    }
    if same {
        return first;
    }
    // Distinct prefixes in order of first appearance, with how many rows have each.
    let mut seen = [(0u128, 0usize); TOTAL];
    let mut distinct = 0;
    let mut t = 0;
    while t < 2 {
        let mut i = 0;
        while i < tables[t].len() {
            let facts = &tables[t][i].facts;
            if !facts.annotation.is_annotated() {
                i += 1;
                continue;
            }
            let prefix = facts.prefix;
            let mut d = 0;
            while d < distinct && seen[d].0 != prefix {
                d += 1;
            }
            if d == distinct {
                seen[d] = (prefix, 0);
                distinct += 1;
            }
            seen[d].1 += 1;
            i += 1;
        }
        t += 1;
    }
    if distinct == 0 {
        return 0;
    }
    let mut best = 0;
    let mut d = 1;
    while d < distinct {
        if seen[d].1 > seen[best].1 {
            best = d;
        }
        d += 1;
    }
    seen[best].0
}

/// An entry's first problem, in the order of [`Problem`].
const fn problem_of(
    facts: &Facts,
    orchestrations: bool,
    reference: u128,
    repeated: bool,
    config_given: bool,
) -> Problem {
    if !facts.annotation.is_annotated() {
        Problem::NotAnnotated
    } else if facts.annotation.is_declaration() {
        Problem::Declaration
    } else if facts.orchestration != orchestrations {
        Problem::WrongKind
    } else if facts.prefix != reference {
        Problem::Prefix
    } else if repeated {
        Problem::Duplicate
    } else if facts.needs_config && !config_given {
        Problem::Config
    } else {
        Problem::None
    }
}

/// An entry that gets a report: its list, and how its row is found.
#[derive(Clone, Copy)]
pub enum Checked {
    /// An entry of a list without `#[cfg]`s: its index is its row. `true` for `orchestrations`.
    Row(bool, usize),
    /// An entry of a list with `#[cfg]`s, which may remove rows before it: found by its path id.
    Path(bool, usize),
}

/// What [`report`] says of one entry.
#[derive(Clone, Copy)]
pub struct Finding {
    /// The entry's first problem.
    pub problem: Problem,
    /// Whether the entry is listed under `orchestrations`.
    pub orchestrations: bool,
    /// Its path as written.
    pub text: &'static str,
}

/// The finding of every entry of `entries`, in order: each entry's first problem, with the
/// reference prefix and the repeats computed once for the whole table. `TOTAL` is the number of
/// entries as written, which bounds every list, and `SLOTS` is [`slots`] of it.
///
/// The generated code calls this once, behind a reference (`const FINDINGS: &[Finding] =
/// &findings(..)`), and each entry's own `const` reads its element: the per-entry consts then
/// handle no reference to the table, which const evaluation would validate, whole, at each.
#[must_use]
pub const fn findings<const E: usize, const TOTAL: usize, const SLOTS: usize>(
    lists: &Lists,
    entries: [Checked; E],
    config_given: bool,
) -> [Finding; E] {
    let reference = reference_prefix::<TOTAL>(lists);
    let repeated = [
        repeats::<TOTAL, SLOTS>(lists.orchestrations),
        repeats::<TOTAL, SLOTS>(lists.activities),
    ];
    let mut findings = [Finding {
        problem: Problem::None,
        orchestrations: false,
        text: "",
    }; E];
    let mut e = 0;
    while e < E {
        let (orchestrations, row) = match entries[e] {
            Checked::Row(orchestrations, row) => (orchestrations, row),
            Checked::Path(orchestrations, path) => {
                (orchestrations, row_of(lists.list(orchestrations), path))
            }
        };
        let list = lists.list(orchestrations);
        if row == list.len() {
            // An entry its `#[cfg]`s compile out: its `report` is compiled out too.
            e += 1;
            continue;
        }
        let repeated = repeated[if orchestrations { 0 } else { 1 }][row];
        findings[e] = Finding {
            problem: problem_of(
                &list[row].facts,
                orchestrations,
                reference,
                repeated,
                config_given,
            ),
            orchestrations,
            text: list[row].text,
        };
        e += 1;
    }
    findings
}

/// Panics with the message of `finding`'s problem, if it has one. `#[track_caller]`: the error
/// points at the entry whose `const` called it.
#[track_caller]
pub const fn report(finding: Finding) {
    if !matches!(finding.problem, Problem::None) {
        fail(
            finding.problem.message(finding.orchestrations),
            finding.text,
        );
    }
}

/// Checks an entry of `by_hand` (`by_hand` is true) or `external`: a declaration, and for
/// `by_hand`, of this crate, whose prefix is `reference` (0 when no entry has one to compare).
/// `#[track_caller]`: the error points at the entry whose `const` called it.
#[track_caller]
pub const fn declared_entry(facts: Facts, by_hand: bool, reference: u128, text: &str) {
    let list = if by_hand { "by_hand" } else { "external" };
    if !facts.annotation.is_annotated() {
        fail(Problem::NotAnnotated.message(false), text);
    } else if !facts.annotation.is_declaration() {
        fail(
            &[
                "`", ENTRY, "` has a body: it is implemented here, so list it under `activities` or `orchestrations`, where it is registered; `", list, "` lists declarations (functions without a body)",
            ],
            text,
        );
    } else if by_hand && reference != 0 && facts.prefix != reference {
        fail(
            &[
                "`", ENTRY, "` is listed under `by_hand`, which stands for this crate's own items still registered by hand, but its prefix is not this crate's; list it under `external` if another crate or worker implements it",
            ],
            text,
        );
    }
}

/// The row of the entry with path id `path` in `list`, for lists whose `#[cfg]`s may shift rows;
/// a lookup only the entries of such lists make; `list.len()` for an entry its `#[cfg]`s
/// compile out.
#[must_use]
pub const fn row_of(list: &[Row], path: usize) -> usize {
    let mut row = 0;
    while row < list.len() && list[row].path != path {
        row += 1;
    }
    row
}

/// For each row, whether an earlier row has its identity fingerprint: its name and, for
/// orchestrations, its version. The rows go one by one into an open-addressing table keyed by
/// that fingerprint (`SLOTS`, a power of two at least twice `N`, so there is always a free
/// slot): a row that meets an equal row is a repeat. Linear in the list. `N` bounds the list.
const fn repeats<const N: usize, const SLOTS: usize>(table: &[Row]) -> [bool; N] {
    // 1 + the index of the row a slot holds; 0 for a free slot.
    let mut slots = [0usize; SLOTS];
    let mut repeated = [false; N];
    let mut i = 0;
    while i < table.len() {
        let identity = table[i].facts.identity;
        if !table[i].facts.annotation.is_annotated() {
            i += 1;
            continue;
        }
        // Truncation keeps the low bits, which is all a slot number needs.
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = (identity as usize) & (SLOTS - 1);
        loop {
            let held = slots[slot];
            if held == 0 {
                slots[slot] = i + 1;
                break;
            }
            if table[held - 1].facts.identity == identity {
                repeated[i] = true;
                break;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        i += 1;
    }
    repeated
}

/// Panics, naming both, unless the orchestration of row `member` has the name of row `first`:
/// versions listed under one alias must be versions of one orchestration. The names are compared
/// by their fingerprints; `names` (the member's and the first's `NAME`) and `paths` (the
/// member's path, the alias and the first member's path, as written) are for the message.
#[track_caller]
pub const fn same_name(
    lists: &Lists,
    member: usize,
    first: usize,
    names: [&str; 2],
    paths: [&str; 3],
) {
    let (a, b) = (
        &lists.orchestrations[member].facts,
        &lists.orchestrations[first].facts,
    );
    if a.name == b.name || !a.annotation.is_annotated() || !b.annotation.is_annotated() {
        return;
    }
    super::text::join_and_panic(&[
        "`",
        paths[0],
        "` shares `as ",
        paths[1],
        "` with `",
        paths[2],
        "`, but its NAME is `",
        names[0],
        "` and that one's is `",
        names[1],
        "`: versions of one orchestration share one name, so give them the same `name` (or each its own `as ...` if they are different orchestrations)",
    ]);
}

/// The names of `names`, each once, in order of first appearance, and how many there are: an
/// orchestration's `ACTIVITIES_USED` when two paths of its body reach one item.
#[must_use]
pub const fn unique<const N: usize>(names: [&'static str; N]) -> ([&'static str; N], usize) {
    let mut unique = [""; N];
    let mut len = 0;
    let mut i = 0;
    while i < N {
        let mut seen = false;
        let mut j = 0;
        while j < len && !seen {
            seen = super::text::equal(names[i], unique[j]);
            j += 1;
        }
        if !seen {
            unique[len] = names[i];
            len += 1;
        }
        i += 1;
    }
    (unique, len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::companion::{Annotation, Facts, NOT_ANNOTATED};

    const fn facts(identity: u128, orchestration: bool, prefix: u128) -> Facts {
        Facts {
            identity,
            name: identity,
            orchestration,
            prefix,
            needs_config: false,
            annotation: Annotation::Definition,
        }
    }

    const fn row(path: usize, facts: Facts) -> Row {
        Row {
            path,
            text: "x",
            facts,
        }
    }

    /// Every row of one list, by index.
    fn checked<const E: usize>(orchestrations: bool, _: usize) -> [Checked; E] {
        core::array::from_fn(|row| Checked::Row(orchestrations, row))
    }

    fn problems(findings: &[Finding]) -> Vec<Problem> {
        findings.iter().map(|f| f.problem).collect()
    }

    #[test]
    fn a_declaration_is_refused_where_items_are_registered() {
        static ACTIVITIES: [Row; 2] = [
            row(0, facts(1, false, 3)),
            row(
                1,
                Facts {
                    annotation: Annotation::Declaration,
                    ..facts(2, false, 3)
                },
            ),
        ];
        let lists = Lists {
            orchestrations: &[],
            activities: &ACTIVITIES,
            by_hand: &[],
            external: &[],
        };
        let found = findings::<2, 2, { slots(2) }>(&lists, checked(false, 2), false);
        assert_eq!(problems(&found), [Problem::None, Problem::Declaration]);
    }

    #[test]
    fn by_hand_and_external_take_declarations_and_by_hand_this_crates_own() {
        let declared = Facts {
            annotation: Annotation::Declaration,
            ..facts(1, false, 3)
        };
        declared_entry(declared, true, 3, "mine");
        declared_entry(declared, false, 9, "theirs");
        declared_entry(declared, true, 0, "nothing to compare with");
        let refused = |facts: Facts, by_hand: bool, reference: u128| {
            std::panic::catch_unwind(|| declared_entry(facts, by_hand, reference, "x")).is_err()
        };
        assert!(
            refused(declared, true, 9),
            "another crate's prefix under by_hand"
        );
        assert!(
            refused(facts(1, false, 3), false, 3),
            "a definition under external"
        );
        assert!(refused(NOT_ANNOTATED, true, 3), "no companion");
    }

    #[test]
    fn an_entry_found_by_its_path_and_one_not_annotated() {
        static ACTIVITIES: [Row; 2] = [
            row(7, facts(1, false, 3)),
            Row {
                path: 9,
                text: "hand::written",
                facts: NOT_ANNOTATED,
            },
        ];
        let lists = Lists {
            orchestrations: &[],
            activities: &ACTIVITIES,
            by_hand: &[],
            external: &[],
        };
        let found = findings::<2, 2, { slots(2) }>(
            &lists,
            [Checked::Path(false, 9), Checked::Path(false, 7)],
            false,
        );
        assert_eq!(problems(&found), [Problem::NotAnnotated, Problem::None]);
        assert_eq!(found[0].text, "hand::written");
    }

    #[test]
    #[should_panic(expected = "`x` is an #[orchestration], but it is listed under `activities`")]
    fn a_finding_is_reported_with_its_message() {
        report(Finding {
            problem: Problem::WrongKind,
            orchestrations: false,
            text: "x",
        });
    }

    #[test]
    fn slots_are_a_power_of_two_at_least_twice_the_list() {
        assert_eq!(slots(0), 2);
        assert_eq!(slots(1), 2);
        assert_eq!(slots(3), 8);
        assert_eq!(slots(250), 512);
    }

    #[test]
    fn the_odd_prefix_out_is_the_problem_wherever_it_stands() {
        static ACTIVITIES: [Row; 3] = [
            row(0, facts(1, false, 9)),
            row(1, facts(2, false, 7)),
            row(2, facts(3, false, 7)),
        ];
        let lists = Lists {
            orchestrations: &[],
            activities: &ACTIVITIES,
            by_hand: &[],
            external: &[],
        };
        assert_eq!(reference_prefix::<3>(&lists), 7);
        let found = findings::<3, 3, { slots(3) }>(&lists, checked(false, 3), false);
        assert_eq!(
            problems(&found),
            [Problem::Prefix, Problem::None, Problem::None]
        );
    }

    #[test]
    fn repeats_and_wrong_kinds_are_found_in_order() {
        static ORCHESTRATIONS: [Row; 4] = [
            row(0, facts(5, true, 1)),
            row(1, facts(6, false, 1)),
            row(2, facts(5, true, 1)),
            row(3, facts(5 + (1 << 64), true, 1)),
        ];
        let lists = Lists {
            orchestrations: &ORCHESTRATIONS,
            activities: &[],
            by_hand: &[],
            external: &[],
        };
        let found = findings::<4, 4, { slots(4) }>(&lists, checked(true, 4), false);
        assert_eq!(
            problems(&found),
            [
                Problem::None,
                Problem::WrongKind,
                Problem::Duplicate,
                Problem::None
            ]
        );
    }

    #[test]
    fn unique_keeps_the_first_of_each_name() {
        let (names, len) = unique(["a", "b", "a", "c", "b"]);
        assert_eq!(&names[..len], ["a", "b", "c"]);
    }

    #[test]
    fn a_row_is_found_by_its_path() {
        static ACTIVITIES: [Row; 2] = [row(4, facts(0, false, 0)), row(2, facts(0, false, 0))];
        assert_eq!(row_of(&ACTIVITIES, 2), 1);
    }
}
