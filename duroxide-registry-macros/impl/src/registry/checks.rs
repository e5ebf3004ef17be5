//! The cross-item checks of `registry!`, which the compiler runs in const evaluation.
//!
//! Macro invocations share nothing, so `registry!` cannot see the items it lists: it has their
//! paths, and the table of what their companions say (`table.rs`). The checks are functions of
//! the facade (`__private/checks.rs`), written and tested there once; this file generates the
//! calls, in one `const _: () = { ... };` block, so that nothing is added to the user's module:
//!
//! ```text
//! const _: () = {
//!     use ::duroxide_registry_macros::__private::checks;
//!     const REFERENCE: u128 = checks::reference_prefix::<3>(&__DUROXIDE_REGISTRY);
//!     const ORCHESTRATIONS: [checks::Problem; N] = checks::problems::<N, SLOTS>(..);
//!     const ACTIVITIES: [checks::Problem; M] = checks::problems::<M, SLOTS>(..);
//!     const REPORT: checks::Report = checks::Report { .., entries: &[Row(true, 0), ..] };
//!     const _: () = checks::check(&REPORT, 0);    // one per entry, spanned at the entry
//! };
//! ```
//!
//! `problems` gives every row its first problem; `check(&REPORT, n)`, spanned at entry `n` and
//! under its `#[cfg]`s, panics with that entry's message, and a const panic is the compile error
//! at the entry. An entry of a list with `#[cfg]`s is found by its path id, since a removed
//! entry shifts the rows after it. What is generated per entry stays small: one `Checked` and
//! one `const` that is a call with one integer.

use super::lock::{self, Lock};
use super::names::{self, Names};
use super::parse::Registry;
use super::table::{self, List, PathIds};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

pub(super) fn generate(
    registry: &Registry,
    names: &Names,
    lock: Option<&Lock>,
    paths: &PathIds,
) -> TokenStream {
    let private = registry.support.private();
    let table = table::name();
    let config_given = registry.config.is_some();
    let total = registry.orchestrations.len() + registry.activities.len();
    // The open-addressing tables are sized by the lists as written: `#[cfg]`s only shorten them.
    let [orchestration_count, activity_count] = List::BOTH.map(|list| list.entries(registry).len());
    let Reports { entries, consts } = reports(registry, paths);
    let lock = lock.map(|lock| lock::checks(lock, registry));
    let families = names::family_checks(names, registry, paths);
    quote! {
        const _: () = {
            use #private::checks;
            const REFERENCE: u128 = checks::reference_prefix::<#total>(&#table);
            const ORCHESTRATIONS: [checks::Problem; #table.orchestrations.len()] =
                checks::problems::<{ #table.orchestrations.len() }, { checks::slots(#orchestration_count) }>(&#table, true, REFERENCE, #config_given);
            const ACTIVITIES: [checks::Problem; #table.activities.len()] =
                checks::problems::<{ #table.activities.len() }, { checks::slots(#activity_count) }>(&#table, false, REFERENCE, #config_given);
            const REPORT: checks::Report = checks::Report {
                lists: &#table,
                orchestrations: &ORCHESTRATIONS,
                activities: &ACTIVITIES,
                entries: &[#(#entries),*],
            };
            #consts
            #lock
            #families
        };
    }
}

/// What reports the entries' problems: `entries`, one `Checked` per reported entry, and for
/// each of them `const _: () = checks::check(&REPORT, n);`, spanned at its path and under its
/// `#[cfg]`s. A path listed twice is already reported on its tokens; checking it again would
/// only add noise.
struct Reports {
    entries: Vec<TokenStream>,
    consts: TokenStream,
}

fn reports(registry: &Registry, paths: &PathIds) -> Reports {
    let mut entries = Vec::new();
    let mut consts = TokenStream::new();
    let mut seen: Vec<&str> = Vec::new();
    for list in List::BOTH {
        let orchestrations = list.is_orchestrations();
        let has_cfgs = list.has_cfgs(registry);
        for (index, entry) in list.entries(registry).iter().enumerate() {
            if seen.contains(&entry.text.as_str()) {
                continue;
            }
            seen.push(&entry.text);
            let number = entries.len();
            let cfgs = &entry.cfgs;
            consts.extend(quote_spanned! {entry.span=>
                #(#cfgs)*
                const _: () = checks::check(&REPORT, #number);
            });
            // Without `#[cfg]`s in the list, nothing can shift the rows before this one.
            entries.push(if has_cfgs {
                let id = paths.id(&entry.text);
                quote!(checks::Checked::Path(#orchestrations, #id))
            } else {
                quote!(checks::Checked::Row(#orchestrations, #index))
            });
        }
    }
    Reports { entries, consts }
}
