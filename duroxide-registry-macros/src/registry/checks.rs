//! The cross-item checks of `registry!`, run by the compiler in const evaluation.
//!
//! Everything the checks compare comes from the companions' `__META` (kind flags, prefix and
//! identity fingerprints), so const evaluation compares integers instead of scanning names byte
//! by byte. One table per list holds a row per entry, with the messages its problems would
//! need; one shared computation finds, for every row, its first problem. Each entry then gets a
//! `const` of its own, spanned at its path, that only looks its result up: so every faulty entry
//! is reported, at the entry itself, while the work and the text live in shared tables. What is
//! generated stays linear in the number of entries, and each entry's part stays small: a
//! message or a condition inside the entry's own `const` would be compiled once per entry.
//! Everything sits in one anonymous const block: paths resolve as written, and nothing is added
//! to the user's module.

use super::{Entry, Registry};
use crate::args::path_text;
use crate::meta::Meta;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

pub(super) fn generate(registry: &Registry) -> TokenStream {
    let first = registry
        .orchestrations
        .iter()
        .chain(&registry.activities)
        .next()
        .map(|entry| path_text(&entry.path));
    let first = first.as_deref().unwrap_or_default();
    let config_given = registry.config.is_some();
    let orchestrations = table(
        &registry.orchestrations,
        List::Orchestrations,
        first,
        config_given,
    );
    let activities = table(&registry.activities, List::Activities, first, config_given);
    let all_prefixes = registry
        .orchestrations
        .iter()
        .chain(&registry.activities)
        .map(|entry| {
            let (cfgs, path) = (&entry.cfgs, &entry.path);
            let prefix = Meta::PrefixFingerprint.of(path);
            quote!(#(#cfgs)* #prefix,)
        });
    let mut lookups = TokenStream::new();
    // A path listed twice is already reported on its tokens; checking it again adds only noise.
    let mut seen: Vec<String> = Vec::new();
    for (list, entries) in [
        (List::Orchestrations, &registry.orchestrations),
        (List::Activities, &registry.activities),
    ] {
        for (index, entry) in entries.iter().enumerate() {
            let text = path_text(&entry.path);
            if !seen.contains(&text) {
                lookups.extend(lookup(entry, list, fixed_index(entries, index)));
            }
            seen.push(text);
        }
    }
    let helpers = helpers();
    quote! {
        // The helpers serve whichever checks this invocation needs; an empty list needs none.
        #[allow(dead_code)]
        const _: () = {
            const ORCHESTRATIONS: &[Row] = &[#(#orchestrations)*];
            const ACTIVITIES: &[Row] = &[#(#activities)*];
            const ALL_PREFIXES: &[u64] = &[#(#all_prefixes)*];
            const ORCHESTRATION_PROBLEMS: [u8; ORCHESTRATIONS.len()] =
                problems(ORCHESTRATIONS, true, #config_given);
            const ACTIVITY_PROBLEMS: [u8; ACTIVITIES.len()] =
                problems(ACTIVITIES, false, #config_given);
            #helpers
            #lookups
        };
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Orchestrations,
    Activities,
}

/// One row per entry: `(path as written, NAME, version key, identity fingerprint, is an
/// orchestration, prefix fingerprint, needs a configuration, messages)`. The path tells entries
/// with equal names apart; the messages are indexed by the problem codes of `problems`.
fn table(entries: &[Entry], list: List, first: &str, config_given: bool) -> Vec<TokenStream> {
    entries
        .iter()
        .map(|entry| {
            let text = path_text(&entry.path);
            let (cfgs, path) = (&entry.cfgs, &entry.path);
            let [key, identity, orchestration, prefix, needs_config] = [
                Meta::VersionKey,
                Meta::IdentityFingerprint,
                Meta::Orchestration,
                Meta::PrefixFingerprint,
                Meta::NeedsConfig,
            ]
            .map(|m| m.of(path));
            let messages = messages(&text, list, first, config_given);
            quote! {
                #(#cfgs)*
                (#text, #path::NAME, #key, #identity, #orchestration, #prefix, #needs_config, [#(#messages),*]),
            }
        })
        .collect()
}

/// The entry's row in its table when that is known while expanding: when no entry of the list
/// carries `#[cfg]`, which could remove rows before it.
fn fixed_index(entries: &[Entry], index: usize) -> Option<usize> {
    entries
        .iter()
        .all(|entry| entry.cfgs.is_empty())
        .then_some(index)
}

/// The entry's own `const`, spanned at its path: it reports the problem `problems` found for its
/// row, if any. `report` tracks its caller, so the error points at the entry, not at `report`.
fn lookup(entry: &Entry, list: List, index: Option<usize>) -> TokenStream {
    let (table, problems) = match list {
        List::Orchestrations => (quote!(ORCHESTRATIONS), quote!(ORCHESTRATION_PROBLEMS)),
        List::Activities => (quote!(ACTIVITIES), quote!(ACTIVITY_PROBLEMS)),
    };
    let text = path_text(&entry.path);
    // With a known row the result is read directly; otherwise the entry finds its row by path.
    let row = match index {
        Some(index) => quote!(#index),
        None => quote!(row_of(#table, #text)),
    };
    let cfgs = &entry.cfgs;
    quote_spanned! {entry_span(&entry.path)=>
        #(#cfgs)*
        const _: () = report(#table, &#problems, #row);
    }
}

/// The messages of an entry's possible problems, in the order of the codes `problems` gives
/// them: its kind, its prefix, its name, its configuration. Only the first problem an entry has
/// is reported; every faulty entry is. A message that cannot apply is left empty.
fn messages(text: &str, list: List, first: &str, config_given: bool) -> [String; 4] {
    let (list_name, other_kind, other_list) = match list {
        List::Orchestrations => ("orchestrations", "activity", "activities"),
        List::Activities => ("activities", "orchestration", "orchestrations"),
    };
    let kind = format!(
        "`{text}` is an #[{other_kind}], but it is listed under `{list_name}`; move it to `{other_list}: [...]`"
    );
    let prefix = format!(
        "`{text}` has a different crate prefix from the first entry `{first}`; the pattern wants \
         one prefix for every name of a crate, so give both the same `prefix`"
    );
    let duplicate = match list {
        List::Orchestrations => format!(
            "`{text}` has the same NAME and VERSION as an earlier entry of `orchestrations`; \
             duroxide would silently keep only one of them. Give it its own `name`, or a distinct \
             `version` if it is a new version of the same orchestration"
        ),
        List::Activities => format!(
            "`{text}` has the same NAME as an earlier entry of `activities`; duroxide would refuse \
             the second registration. Give it its own `name`"
        ),
    };
    let config = if list == List::Activities && !config_given {
        format!(
            "`{text}` takes a #[config] parameter, but this registry! has no configuration to \
             give it; add `config: YourConfig,` to registry! (it then generates \
             `create_activity_registry_with_config(config)`)"
        )
    } else {
        String::new()
    };
    [kind, prefix, duplicate, config]
}

/// The entry's last segment, where its errors point.
fn entry_span(path: &syn::Path) -> proc_macro2::Span {
    path.segments
        .last()
        .map_or_else(|| path.span(), |s| s.ident.span())
}

fn helpers() -> TokenStream {
    quote! {
        type Row = (
            &'static str,
            &'static str,
            &'static [u8],
            u64,
            bool,
            u64,
            bool,
            [&'static str; 4],
        );

        /// For each row, 0 when it is fine, or 1 + the index in its messages of its first
        /// problem: listed under the wrong kind, another prefix than the first entry's, a name
        /// (and, for orchestrations, version) an earlier row has, a configuration it cannot get.
        const fn problems<const N: usize>(table: &[Row], orchestrations: bool, config_given: bool) -> [u8; N] {
            let repeated = repeats::<N>(table, orchestrations);
            let mut problems = [0; N];
            let mut i = 0;
            while i < N {
                let row = &table[i];
                problems[i] = if row.4 != orchestrations {
                    1
                } else if row.5 != ALL_PREFIXES[0] {
                    2
                } else if repeated[i] {
                    3
                } else if row.6 && !config_given {
                    4
                } else {
                    0
                };
                i += 1;
            }
            problems
        }

        /// Panics with the message of the row's problem, if it has one. `#[track_caller]`: the
        /// error points at the entry whose `const` called it.
        #[track_caller]
        const fn report(table: &[Row], problems: &[u8], row: usize) {
            if problems[row] != 0 {
                ::core::panic!("{}", table[row].7[problems[row] as usize - 1]);
            }
        }

        /// 1 + the index of the first condition that does not hold, or 0.
        const fn first_failed(conditions: &[bool]) -> usize {
            let mut i = 0;
            while i < conditions.len() {
                if !conditions[i] {
                    return i + 1;
                }
                i += 1;
            }
            0
        }

        const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
            if a.len() != b.len() {
                return false;
            }
            let mut i = 0;
            while i < a.len() {
                if a[i] != b[i] {
                    return false;
                }
                i += 1;
            }
            true
        }

        /// `-1`, `0` or `1` as `a` sorts before, with or after `b`. Any total order finds
        /// duplicates, so this is the cheapest one to evaluate rather than the alphabetical one:
        /// lengths first, then bytes from the end, since the names of one list all start with
        /// the same `{crate}::{kind}::`.
        const fn compare(a: &[u8], b: &[u8]) -> i8 {
            if a.len() != b.len() {
                return if a.len() < b.len() { -1 } else { 1 };
            }
            let mut i = a.len();
            while i > 0 {
                i -= 1;
                if a[i] != b[i] {
                    return if a[i] < b[i] { -1 } else { 1 };
                }
            }
            0
        }

        /// Orders rows by identity fingerprint, and rows with equal fingerprints by name (and,
        /// for orchestrations, version), so that equal rows end up side by side. The text is
        /// compared only between fingerprints that are equal, which is rare unless the rows are.
        const fn compare_rows(a: &Row, b: &Row, with_version: bool) -> i8 {
            if a.3 != b.3 {
                return if a.3 < b.3 { -1 } else { 1 };
            }
            let by_name = compare(a.1.as_bytes(), b.1.as_bytes());
            if by_name != 0 || !with_version {
                by_name
            } else {
                compare(a.2, b.2)
            }
        }

        /// For each row, whether an earlier row has its name (and, for orchestrations, its
        /// version). One stable merge sort of the rows, then a pass over neighbours: computed
        /// once for the whole list, in O(n log n), however long the list.
        const fn repeats<const N: usize>(table: &[Row], with_version: bool) -> [bool; N] {
            let mut order = [0; N];
            let mut i = 0;
            while i < N {
                order[i] = i;
                i += 1;
            }
            let mut merged = [0; N];
            let mut width = 1;
            while width < N {
                let mut start = 0;
                while start < N {
                    let middle = if start + width < N { start + width } else { N };
                    let end = if start + 2 * width < N { start + 2 * width } else { N };
                    let (mut left, mut right, mut out) = (start, middle, start);
                    while out < end {
                        let take_left = right >= end
                            || left < middle && compare_rows(&table[order[right]], &table[order[left]], with_version) >= 0;
                        if take_left {
                            merged[out] = order[left];
                            left += 1;
                        } else {
                            merged[out] = order[right];
                            right += 1;
                        }
                        out += 1;
                    }
                    start = end;
                }
                order = merged;
                width *= 2;
            }
            let mut repeated = [false; N];
            let mut i = 1;
            while i < N {
                if compare_rows(&table[order[i - 1]], &table[order[i]], with_version) == 0 {
                    repeated[order[i]] = true;
                }
                i += 1;
            }
            repeated
        }

        /// The row of `path`, for lists whose `#[cfg]`s hide the row's index. Every entry that
        /// asks has a row: its `#[cfg]`s are those of its own `const`.
        const fn row_of(table: &[Row], path: &str) -> usize {
            let mut row = 0;
            while row < table.len() && !bytes_eq(table[row].0.as_bytes(), path.as_bytes()) {
                row += 1;
            }
            row
        }
    }
}
