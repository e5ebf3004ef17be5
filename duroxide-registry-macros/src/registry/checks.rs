//! The cross-item checks of `registry!`, run by the compiler in const evaluation.
//!
//! Everything the checks compare comes from the companions' `__META` (kind flags, prefix and
//! identity fingerprints), so const evaluation compares integers instead of scanning names byte
//! by byte, and the tables hold no references for the borrow checker to relate. One table per
//! list holds a row per entry; one shared computation finds, for every row, its first problem.
//! Each entry then gets a `const` of its own, spanned at its path, that only looks its result
//! up: so every faulty entry is reported, at the entry itself, while the work lives in shared
//! tables. A message is put together only for an entry that has a problem, from templates
//! written once: four messages per row would cost more than the rows themselves. What is
//! generated stays linear in the number of entries, and each entry's part stays small.
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
    let paths = PathIds::new(registry);
    let orchestrations = table(&registry.orchestrations, &paths);
    let activities = table(&registry.activities, &paths);
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
                let row = fixed_index(entries, index)
                    .map_or_else(|| RowOf::Path(paths.id(&text)), RowOf::Index);
                lookups.extend(lookup(entry, list, row));
            }
            seen.push(text);
        }
    }
    let [orchestration_slots, activity_slots] =
        [&registry.orchestrations, &registry.activities].map(|entries| slots(entries.len()));
    let longest = longest_message(registry, first, config_given);
    let helpers = helpers(&report(first, config_given), longest);
    quote! {
        // The helpers serve whichever checks this invocation needs; an empty list needs none.
        #[allow(dead_code)]
        const _: () = {
            const ORCHESTRATIONS: &[Row] = &[#(#orchestrations)*];
            const ACTIVITIES: &[Row] = &[#(#activities)*];
            // The first entry present, whatever `#[cfg]`s removed, sets the prefix.
            const FIRST_PREFIX: u128 = if !ORCHESTRATIONS.is_empty() {
                ORCHESTRATIONS[0].3
            } else if !ACTIVITIES.is_empty() {
                ACTIVITIES[0].3
            } else {
                0
            };
            const ORCHESTRATION_PROBLEMS: [u8; ORCHESTRATIONS.len()] =
                problems::<{ ORCHESTRATIONS.len() }, #orchestration_slots>(ORCHESTRATIONS, true, #config_given);
            const ACTIVITY_PROBLEMS: [u8; ACTIVITIES.len()] =
                problems::<{ ACTIVITIES.len() }, #activity_slots>(ACTIVITIES, false, #config_given);
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

/// One row per entry: `(path id, identity fingerprint, is an orchestration, prefix
/// fingerprint, needs a configuration)`. The path id tells entries with equal names apart.
fn table(entries: &[Entry], paths: &PathIds) -> Vec<TokenStream> {
    entries
        .iter()
        .map(|entry| {
            let (cfgs, path) = (&entry.cfgs, &entry.path);
            let id = paths.id(&path_text(path));
            let [identity, orchestration, prefix, needs_config] = [
                Meta::IdentityFingerprint,
                Meta::Orchestration,
                Meta::PrefixFingerprint,
                Meta::NeedsConfig,
            ]
            .map(|m| m.of(path));
            quote! {
                #(#cfgs)*
                (#id, #identity, #orchestration, #prefix, #needs_config),
            }
        })
        .collect()
}

/// A number for every distinct path as written, in order of first appearance: what a row is
/// found by when `#[cfg]`s hide its index. Exact, where a fingerprint of the text would only be
/// likely to be.
struct PathIds(Vec<String>);

impl PathIds {
    fn new(registry: &Registry) -> PathIds {
        let mut texts: Vec<String> = Vec::new();
        for entry in registry.orchestrations.iter().chain(&registry.activities) {
            let text = path_text(&entry.path);
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
        PathIds(texts)
    }

    fn id(&self, text: &str) -> usize {
        self.0
            .iter()
            .position(|t| t == text)
            .unwrap_or(self.0.len())
    }
}

/// The size of `repeats`' table for a list of `len` entries: a power of two, at least twice the
/// list, so that probing stays short and always finds a free slot.
fn slots(len: usize) -> usize {
    len.saturating_mul(2)
        .max(2)
        .checked_next_power_of_two()
        .unwrap_or(usize::MAX / 2 + 1)
}

/// The entry's row in its table when that is known while expanding: when no entry of the list
/// carries `#[cfg]`, which could remove rows before it.
fn fixed_index(entries: &[Entry], index: usize) -> Option<usize> {
    entries
        .iter()
        .all(|entry| entry.cfgs.is_empty())
        .then_some(index)
}

/// How an entry's `const` finds its row.
enum RowOf {
    /// The row's index, known while expanding.
    Index(usize),
    /// The id of the entry's path, when `#[cfg]`s hide the index.
    Path(usize),
}

/// The entry's own `const`, spanned at its path: it reports the problem `problems` found for its
/// row, if any. `report` tracks its caller, so the error points at the entry, not at `report`;
/// it gets the problem's code alone, not the tables, which keeps each entry's `const` small.
fn lookup(entry: &Entry, list: List, row: RowOf) -> TokenStream {
    let (table, problems, orchestrations) = match list {
        List::Orchestrations => (quote!(ORCHESTRATIONS), quote!(ORCHESTRATION_PROBLEMS), true),
        List::Activities => (quote!(ACTIVITIES), quote!(ACTIVITY_PROBLEMS), false),
    };
    let text = path_text(&entry.path);
    let row = match row {
        RowOf::Index(index) => quote!(#index),
        RowOf::Path(id) => quote!(row_of(#table, #id)),
    };
    let cfgs = &entry.cfgs;
    quote_spanned! {entry_span(&entry.path)=>
        #(#cfgs)*
        const _: () = report(#problems[#row], #text, #orchestrations);
    }
}

/// The placeholder in a message template for the entry's path as written.
const ENTRY: &str = "{entry}";

/// The message templates of an entry's possible problems in `list`, in the order of the codes
/// `problems` gives them: its kind, its prefix, its name, its configuration. Only the first
/// problem an entry has is reported; every faulty entry is. A problem that cannot happen has no
/// template.
fn templates(list: List, first: &str, config_given: bool) -> [Option<String>; 4] {
    let (list_name, other_kind, other_list) = match list {
        List::Orchestrations => ("orchestrations", "activity", "activities"),
        List::Activities => ("activities", "orchestration", "orchestrations"),
    };
    let kind = format!(
        "`{ENTRY}` is an #[{other_kind}], but it is listed under `{list_name}`; move it to `{other_list}: [...]`"
    );
    let prefix = format!(
        "`{ENTRY}` has a different crate prefix from the first entry `{first}`; the pattern wants \
         one prefix for every name of a crate, so give both the same `prefix`"
    );
    let duplicate = match list {
        List::Orchestrations => format!(
            "`{ENTRY}` has the same NAME and VERSION as an earlier entry of `orchestrations`; \
             duroxide would silently keep only one of them. Give it its own `name`, or a distinct \
             `version` if it is a new version of the same orchestration"
        ),
        List::Activities => format!(
            "`{ENTRY}` has the same NAME as an earlier entry of `activities`; duroxide would refuse \
             the second registration. Give it its own `name`"
        ),
    };
    let config = (list == List::Activities && !config_given).then(|| {
        format!(
            "`{ENTRY}` takes a #[config] parameter, but this registry! has no configuration to \
             give it; add `config: YourConfig,` to registry! (it then generates \
             `create_activity_registry_with_config(config)`)"
        )
    });
    [Some(kind), Some(prefix), Some(duplicate), config]
}

/// The length of the longest message any entry could get: the size of the buffer `fail` joins
/// a message in.
fn longest_message(registry: &Registry, first: &str, config_given: bool) -> usize {
    let mut longest = 0;
    for (list, entries) in [
        (List::Orchestrations, &registry.orchestrations),
        (List::Activities, &registry.activities),
    ] {
        let templates = templates(list, first, config_given);
        for entry in entries {
            let text = path_text(&entry.path);
            for template in templates.iter().flatten() {
                longest = longest.max(template.replace(ENTRY, &text).len());
            }
        }
    }
    longest
}

/// `report`: for each list and problem code, the template as pieces for `fail` to join, with
/// the entry's path in place of the placeholder.
fn report(first: &str, config_given: bool) -> TokenStream {
    let arms = [List::Orchestrations, List::Activities]
        .into_iter()
        .flat_map(|list| {
            let orchestrations = list == List::Orchestrations;
            templates(list, first, config_given)
                .into_iter()
                .zip(1u8..)
                .filter_map(move |(template, code)| {
                    let template = template?;
                    let mut pieces = Vec::new();
                    for (i, text) in template.split(ENTRY).enumerate() {
                        if i > 0 {
                            pieces.push(quote!(entry));
                        }
                        if !text.is_empty() {
                            pieces.push(quote!(#text));
                        }
                    }
                    Some(quote!((#orchestrations, #code) => fail(&[#(#pieces),*]),))
                })
        });
    quote! {
        /// Panics with the message of the entry's problem, if it has one. `#[track_caller]`:
        /// the error points at the entry whose `const` called it.
        #[track_caller]
        const fn report(problem: u8, entry: &str, orchestrations: bool) {
            match (orchestrations, problem) {
                #(#arms)*
                _ => {}
            }
        }
    }
}

/// The entry's last segment, where its errors point.
fn entry_span(path: &syn::Path) -> proc_macro2::Span {
    path.segments
        .last()
        .map_or_else(|| path.span(), |s| s.ident.span())
}

fn helpers(report: &TokenStream, longest: usize) -> TokenStream {
    quote! {
        type Row = (usize, u128, bool, u128, bool);

        /// For each row, 0 when it is fine, or 1 + the index in its messages of its first
        /// problem: listed under the wrong kind, another prefix than the first entry's, a name
        /// (and, for orchestrations, version) an earlier row has, a configuration it cannot get.
        const fn problems<const N: usize, const SLOTS: usize>(
            table: &[Row],
            orchestrations: bool,
            config_given: bool,
        ) -> [u8; N] {
            let repeated = repeats::<N, SLOTS>(table);
            let mut problems = [0; N];
            let mut i = 0;
            while i < N {
                let row = &table[i];
                problems[i] = if row.2 != orchestrations {
                    1
                } else if row.3 != FIRST_PREFIX {
                    2
                } else if repeated[i] {
                    3
                } else if row.4 && !config_given {
                    4
                } else {
                    0
                };
                i += 1;
            }
            problems
        }

        #report

        /// Panics with `pieces` joined. The buffer fits the longest message the macro could
        /// give any entry; `#[track_caller]` passes the entry's location through.
        #[track_caller]
        const fn fail(pieces: &[&str]) -> ! {
            let mut bytes = [0u8; #longest];
            let mut len = 0;
            let mut p = 0;
            while p < pieces.len() {
                let piece = pieces[p].as_bytes();
                let mut i = 0;
                while i < piece.len() {
                    bytes[len] = piece[i];
                    len += 1;
                    i += 1;
                }
                p += 1;
            }
            match ::core::str::from_utf8(bytes.split_at(len).0) {
                ::core::result::Result::Ok(message) => ::core::panic!("{}", message),
                ::core::result::Result::Err(_) => ::core::panic!("registry! found a problem with this entry"),
            }
        }

        /// For each row, whether an earlier row has its identity fingerprint: its name and, for
        /// orchestrations, its version. The rows go one by one into an open-addressing table
        /// keyed by that fingerprint (`SLOTS`, a power of two the macro sizes at twice the list
        /// or more, so there is always a free slot): a row that meets an equal row is a
        /// repeat. Linear in the list, and few steps for the const evaluator, which
        /// interprets every one of them. Equal identities always have equal fingerprints, so
        /// no repeat is missed; two different ones share a fingerprint with a chance of 2^-128.
        const fn repeats<const N: usize, const SLOTS: usize>(table: &[Row]) -> [bool; N] {
            // 1 + the index of the row a slot holds; 0 for a free slot.
            let mut slots = [0usize; SLOTS];
            let mut repeated = [false; N];
            let mut i = 0;
            while i < N {
                let mut slot = (table[i].1 as usize) & (SLOTS - 1);
                loop {
                    let held = slots[slot];
                    if held == 0 {
                        slots[slot] = i + 1;
                        break;
                    }
                    if table[held - 1].1 == table[i].1 {
                        repeated[i] = true;
                        break;
                    }
                    slot = (slot + 1) & (SLOTS - 1);
                }
                i += 1;
            }
            repeated
        }

        /// The row of the path with id `path`, for lists whose `#[cfg]`s hide the row's index.
        /// Every entry that asks has a row: its `#[cfg]`s are those of its own `const`.
        const fn row_of(table: &[Row], path: usize) -> usize {
            let mut row = 0;
            while row < table.len() && table[row].0 != path {
                row += 1;
            }
            row
        }
    }
}
