//! The cross-item checks of `registry!`, run by the compiler in const evaluation.
//!
//! Each entry gets its own `const _: () = assert!(..)`, spanned at its path, so every problem is
//! reported at once and points at the entry that causes it. The tables and helpers are shared,
//! which keeps the generated code linear in the number of entries. Everything sits in one
//! anonymous const block: paths resolve as written, and nothing is added to the user's module.

use super::{Entry, Registry};
use crate::args::path_text;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

pub(super) fn generate(registry: &Registry) -> TokenStream {
    let orchestrations = table(&registry.orchestrations);
    let activities = table(&registry.activities);
    let all_names = registry
        .orchestrations
        .iter()
        .chain(&registry.activities)
        .map(|entry| {
            let (cfgs, path) = (&entry.cfgs, &entry.path);
            quote!(#(#cfgs)* #path::NAME,)
        });
    let first = registry
        .orchestrations
        .iter()
        .chain(&registry.activities)
        .next()
        .map(|entry| path_text(&entry.path));
    let mut asserts = TokenStream::new();
    for entry in &registry.orchestrations {
        asserts.extend(entry_checks(entry, List::Orchestrations, first.as_deref()));
    }
    for entry in &registry.activities {
        asserts.extend(entry_checks(entry, List::Activities, first.as_deref()));
        if registry.config.is_none() {
            asserts.extend(config_check(entry));
        }
    }
    let helpers = helpers();
    quote! {
        // The helpers serve whichever checks this invocation needs; an empty list needs none.
        #[allow(dead_code)]
        const _: () = {
            const ORCHESTRATIONS: &[(&str, &str, &[u8])] = &[#(#orchestrations)*];
            const ACTIVITIES: &[(&str, &str, &[u8])] = &[#(#activities)*];
            const ALL_NAMES: &[&str] = &[#(#all_names)*];
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

/// Rows of `(path as written, NAME, version key)`: the path tells entries with equal names apart.
fn table(entries: &[Entry]) -> Vec<TokenStream> {
    entries
        .iter()
        .map(|entry| {
            let text = path_text(&entry.path);
            let (cfgs, path) = (&entry.cfgs, &entry.path);
            quote!(#(#cfgs)* (#text, #path::NAME, #path::__VERSION_KEY),)
        })
        .collect()
}

fn entry_checks(entry: &Entry, list: List, first: Option<&str>) -> TokenStream {
    let (cfgs, path) = (&entry.cfgs, &entry.path);
    let text = path_text(path);
    let span = path
        .segments
        .last()
        .map_or_else(|| path.span(), |s| s.ident.span());
    let (kind, other_kind, list_name, other_list, table, with_version) = match list {
        List::Orchestrations => (
            "orchestration",
            "activity",
            "orchestrations",
            "activities",
            quote!(ORCHESTRATIONS),
            true,
        ),
        List::Activities => (
            "activity",
            "orchestration",
            "activities",
            "orchestrations",
            quote!(ACTIVITIES),
            false,
        ),
    };
    let kind_message = format!(
        "`{text}` is an #[{other_kind}], but it is listed under `{list_name}`; move it to `{other_list}: [...]`"
    );
    let duplicate_message = if with_version {
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
    quote_spanned! {span=>
        #(#cfgs)*
        const _: () = ::core::assert!(kind_is(#path::NAME, #kind), #kind_message);
        #(#cfgs)*
        const _: () = ::core::assert!(
            first_of_its_name(#table, #text, #with_version),
            #duplicate_message
        );
        #(#cfgs)*
        const _: () = ::core::assert!(
            same_prefix(#path::NAME, ALL_NAMES[0]),
            #prefix_message
        );
    }
}

/// An activity with a `#[config]` parameter cannot be registered without a configuration.
fn config_check(entry: &Entry) -> TokenStream {
    let (cfgs, path) = (&entry.cfgs, &entry.path);
    let text = path_text(path);
    let span = path
        .segments
        .last()
        .map_or_else(|| path.span(), |s| s.ident.span());
    let message = format!(
        "`{text}` takes a #[config] parameter, but this registry! has no configuration to give it; \
         add `config: YourConfig,` to registry! (it then generates \
         `create_activity_registry_with_config(config)`)"
    );
    quote_spanned! {span=>
        #(#cfgs)*
        const _: () = ::core::assert!(!#path::__NEEDS_CONFIG, #message);
    }
}

fn helpers() -> TokenStream {
    quote! {
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

        /// Where the first `::` starts: the end of the crate prefix.
        const fn prefix_len(name: &[u8]) -> usize {
            let mut i = 0;
            while i + 1 < name.len() {
                if name[i] == b':' && name[i + 1] == b':' {
                    return i;
                }
                i += 1;
            }
            name.len()
        }

        const fn same_prefix(a: &str, b: &str) -> bool {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let (len_a, len_b) = (prefix_len(a), prefix_len(b));
            len_a == len_b && bytes_eq(a.split_at(len_a).0, b.split_at(len_b).0)
        }

        /// Whether `name` reads `{prefix}::{kind}::...`.
        const fn kind_is(name: &str, kind: &str) -> bool {
            let (name, kind) = (name.as_bytes(), kind.as_bytes());
            let start = prefix_len(name) + 2;
            let end = start + kind.len();
            end + 2 <= name.len()
                && bytes_eq(name.split_at(end).0.split_at(start).1, kind)
                && name[end] == b':'
                && name[end + 1] == b':'
        }

        /// Whether no entry listed before `path` has its name (and, for orchestrations, its
        /// version).
        const fn first_of_its_name(table: &[(&str, &str, &[u8])], path: &str, with_version: bool) -> bool {
            let mut own = 0;
            while own < table.len() && !bytes_eq(table[own].0.as_bytes(), path.as_bytes()) {
                own += 1;
            }
            let mut i = 0;
            while i < own {
                let same_name = bytes_eq(table[i].1.as_bytes(), table[own].1.as_bytes());
                if same_name && (!with_version || bytes_eq(table[i].2, table[own].2)) {
                    return false;
                }
                i += 1;
            }
            true
        }

    }
}
