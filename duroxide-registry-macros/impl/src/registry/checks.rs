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
//!     const TABLE: &Lists = &__DUROXIDE_REGISTRY;
//!     const FINDINGS: &[checks::Finding] =
//!         &checks::findings::<3, 3, SLOTS>(TABLE, [Row(true, 0), Row(false, 0), ..], false);
//!     const _: () = checks::report(FINDINGS[0]);    // one per entry, spanned at the entry
//! };
//! ```
//!
//! `findings` gives every entry its first problem, with its path as written; `report`, in a
//! `const` spanned at entry `n` and under its `#[cfg]`s, panics with that entry's message, and a
//! const panic is the compile error at the entry. An entry of a list with `#[cfg]`s is found by
//! its path id, since a removed entry shifts the rows after it. What is generated per entry
//! stays small: one `Checked` and one `const` that reads one element of `FINDINGS`. No
//! per-entry `const` names the table or `FINDINGS` by reference: const evaluation validates
//! every reference a const hands to a call (`&TABLE`), whole, and 250 entries would each pay for
//! the whole table.

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
    // The lists as written bound the lists as compiled: `#[cfg]`s only shorten them.
    let total = registry.orchestrations.len() + registry.activities.len();
    let Reports { entries, consts } = reports(registry, paths);
    let count = entries.len();
    let lock = lock.map(|lock| lock::checks(lock, registry));
    let families = names::family_checks(names, registry, paths);
    let declarations = declarations(registry, total);
    quote! {
        const _: () = {
            use #private::checks;
            const TABLE: &#private::Lists = &#table;
            const FINDINGS: &[checks::Finding] = &checks::findings::<#count, #total, { checks::slots(#total) }>(
                TABLE,
                [#(#entries),*],
                #config_given,
            );
            #consts
            #declarations
            #lock
            #families
        };
    }
}

/// The checks of the entries of `by_hand` and `external`, one `const` each, spanned at the entry
/// and under its `#[cfg]`s: each is a declaration, and one listed `by_hand` has this crate's
/// prefix. They read their facts again rather than from the table: such entries are few, and
/// most registries have none, for which nothing is generated.
fn declarations(registry: &Registry, total: usize) -> TokenStream {
    if registry.by_hand.is_empty() && registry.external.is_empty() {
        return TokenStream::new();
    }
    let private = registry.support.private();
    let lists = [(true, &registry.by_hand), (false, &registry.external)];
    let consts = lists.into_iter().flat_map(|(by_hand, entries)| {
        entries.iter().map(move |entry| {
            let (cfgs, text) = (&entry.cfgs, &entry.text);
            let facts = table::read(entry, "__FACTS");
            quote_spanned! {entry.span=>
                #(#cfgs)*
                const _: () = checks::declared_entry(#facts, #by_hand, REFERENCE, #text);
            }
        })
    });
    quote! {
        #[allow(unused_imports)]
        use #private::NOT_ANNOTATED as __FACTS;
        const REFERENCE: u128 = checks::reference_prefix::<#total>(TABLE);
        #(#consts)*
    }
}

/// What reports the entries' problems: `entries`, one `Checked` per reported entry, and for
/// each of them `const _: () = checks::report(FINDINGS[n]);`, spanned at its path and under its
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
                const _: () = checks::report(FINDINGS[#number]);
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
