//! The cross-item checks of `registry!`, run by the compiler in const evaluation.
//!
//! Each entry gets its own `const _`, spanned at its path, which panics with the message of the
//! entry's first problem, so every faulty entry is reported at once, at the entry itself. What
//! the checks compare (kind flags, prefix and identity fingerprints) comes from the companions'
//! `__META`, so const evaluation compares integers instead of scanning names byte by byte. The tables and helpers are shared,
//! which keeps the generated code linear in the number of entries. Everything sits in one
//! anonymous const block: paths resolve as written, and nothing is added to the user's module.

use super::{Entry, Registry};
use crate::args::path_text;
use crate::meta::Meta;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

pub(super) fn generate(registry: &Registry) -> TokenStream {
    let orchestrations = table(&registry.orchestrations);
    let activities = table(&registry.activities);
    let all_prefixes = registry
        .orchestrations
        .iter()
        .chain(&registry.activities)
        .map(|entry| {
            let (cfgs, path) = (&entry.cfgs, &entry.path);
            let prefix = Meta::PrefixFingerprint.of(path);
            quote!(#(#cfgs)* #prefix,)
        });
    let first = registry
        .orchestrations
        .iter()
        .chain(&registry.activities)
        .next()
        .map(|entry| path_text(&entry.path));
    let mut asserts = TokenStream::new();
    // A path listed twice is already reported on its tokens; checking it again adds only noise.
    let mut seen: Vec<String> = Vec::new();
    let mut first_listing = |entry: &Entry| {
        let text = path_text(&entry.path);
        let first = !seen.contains(&text);
        seen.push(text);
        first
    };
    for (index, entry) in registry.orchestrations.iter().enumerate() {
        if first_listing(entry) {
            let index = fixed_index(&registry.orchestrations, index);
            let checks = entry_checks(entry, List::Orchestrations, index, first.as_deref());
            asserts.extend(checks.into_const(entry));
        }
    }
    for (index, entry) in registry.activities.iter().enumerate() {
        if !first_listing(entry) {
            continue;
        }
        let index = fixed_index(&registry.activities, index);
        let mut checks = entry_checks(entry, List::Activities, index, first.as_deref());
        if registry.config.is_none() {
            checks.push(config_check(entry));
        }
        asserts.extend(checks.into_const(entry));
    }
    let helpers = helpers();
    quote! {
        // The helpers serve whichever checks this invocation needs; an empty list needs none.
        #[allow(dead_code)]
        const _: () = {
            const ORCHESTRATIONS: &[Row] = &[#(#orchestrations)*];
            const ACTIVITIES: &[Row] = &[#(#activities)*];
            const ORCHESTRATION_REPEATS: [bool; ORCHESTRATIONS.len()] = repeats(ORCHESTRATIONS, true);
            const ACTIVITY_REPEATS: [bool; ACTIVITIES.len()] = repeats(ACTIVITIES, false);
            const ALL_PREFIXES: &[u64] = &[#(#all_prefixes)*];
            #helpers
            #asserts
        };
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Orchestrations,
    Activities,
}

/// Rows of `(path as written, NAME, version key, identity fingerprint)`: the path tells entries
/// with equal names apart.
fn table(entries: &[Entry]) -> Vec<TokenStream> {
    entries
        .iter()
        .map(|entry| {
            let text = path_text(&entry.path);
            let (cfgs, path) = (&entry.cfgs, &entry.path);
            let [key, identity] = [Meta::VersionKey, Meta::IdentityFingerprint].map(|m| m.of(path));
            quote!(#(#cfgs)* (#text, #path::NAME, #key, #identity),)
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

/// What must hold of one entry, each with the message that says what to do when it does not, in
/// the order they are reported.
struct Checks(Vec<(TokenStream, String)>);

impl Checks {
    fn push(&mut self, check: (TokenStream, String)) {
        self.0.push(check);
    }

    /// One `const` per entry, spanned at its path, with one `panic!`: the first condition that
    /// fails picks its message. So an entry reports one problem at a time, the most basic first
    /// (its kind, its prefix, its name, its configuration), and every faulty entry is reported.
    /// An `assert!` per condition, or a `const` per condition reporting all of them, would give
    /// the compiler three or four times the code to expand and check, for every entry.
    fn into_const(self, entry: &Entry) -> TokenStream {
        let cfgs = &entry.cfgs;
        let (conditions, messages): (Vec<_>, Vec<_>) = self.0.into_iter().unzip();
        quote_spanned! {entry_span(&entry.path)=>
            #(#cfgs)*
            const _: () = {
                let failed = first_failed(&[#(#conditions),*]);
                if failed > 0 {
                    ::core::panic!("{}", [#(#messages),*][failed - 1]);
                }
            };
        }
    }
}

fn entry_checks(entry: &Entry, list: List, index: Option<usize>, first: Option<&str>) -> Checks {
    let path = &entry.path;
    let text = path_text(path);
    let span = entry_span(path);
    let orchestrations = list == List::Orchestrations;
    let (list_name, other_kind, other_list, table, repeats) = if orchestrations {
        let lists = (quote!(ORCHESTRATIONS), quote!(ORCHESTRATION_REPEATS));
        ("orchestrations", "activity", "activities", lists.0, lists.1)
    } else {
        let lists = (quote!(ACTIVITIES), quote!(ACTIVITY_REPEATS));
        (
            "activities",
            "orchestration",
            "orchestrations",
            lists.0,
            lists.1,
        )
    };
    // With a known row the shared result is read; otherwise the entry finds its row by path.
    let first_of_its_name = match index {
        Some(index) => quote!(!#repeats[#index]),
        None => quote!(!repeated(#table, &#repeats, #text)),
    };
    let kind_message = format!(
        "`{text}` is an #[{other_kind}], but it is listed under `{list_name}`; move it to `{other_list}: [...]`"
    );
    let duplicate_message = if orchestrations {
        format!(
            "`{text}` has the same NAME and VERSION as an earlier entry of `orchestrations`; \
             duroxide would silently keep only one of them. Give it its own `name`, or a distinct \
             `version` if it is a new version of the same orchestration"
        )
    } else {
        format!(
            "`{text}` has the same NAME as an earlier entry of `activities`; duroxide would refuse \
             the second registration. Give it its own `name`"
        )
    };
    let prefix_message = format!(
        "`{text}` has a different crate prefix from the first entry `{}`; the pattern wants one \
         prefix for every name of a crate, so give both the same `prefix`",
        first.unwrap_or_default()
    );
    let [kind, prefix] = [Meta::Orchestration, Meta::PrefixFingerprint].map(|m| m.of(path));
    Checks(vec![
        (
            quote_spanned!(span=> #kind == #orchestrations),
            kind_message,
        ),
        (
            quote_spanned!(span=> #prefix == ALL_PREFIXES[0]),
            prefix_message,
        ),
        (first_of_its_name, duplicate_message),
    ])
}

/// The entry's last segment, where its errors point.
fn entry_span(path: &syn::Path) -> proc_macro2::Span {
    path.segments
        .last()
        .map_or_else(|| path.span(), |s| s.ident.span())
}

/// An activity with a `#[config]` parameter cannot be registered without a configuration.
fn config_check(entry: &Entry) -> (TokenStream, String) {
    let path = &entry.path;
    let text = path_text(path);
    let message = format!(
        "`{text}` takes a #[config] parameter, but this registry! has no configuration to give it; \
         add `config: YourConfig,` to registry! (it then generates \
         `create_activity_registry_with_config(config)`)"
    );
    let needs_config = Meta::NeedsConfig.of(path);
    (quote_spanned!(entry_span(path)=> !#needs_config), message)
}

fn helpers() -> TokenStream {
    quote! {
        type Row = (&'static str, &'static str, &'static [u8], u64);

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

        /// `repeats` for the row of `path`, for lists whose `#[cfg]`s hide the row's index.
        const fn repeated(table: &[Row], repeats: &[bool], path: &str) -> bool {
            let mut own = 0;
            while own < table.len() && !bytes_eq(table[own].0.as_bytes(), path.as_bytes()) {
                own += 1;
            }
            own < table.len() && repeats[own]
        }
    }
}
