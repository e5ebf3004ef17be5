//! The one table `registry!` generates, and how the rest of its expansion reads it.
//!
//! Every entry is read from its companion exactly once, into a `Row` of the hidden module-level
//! const `__DUROXIDE_REGISTRY` (the facade's `Lists`):
//!
//! ```text
//! const __DUROXIDE_REGISTRY: Lists = {
//!     use ::duroxide_registry_macros::__private::NotAnnotated as __Companion;
//!     Lists {
//!         orchestrations: &[Row { path: 0, text: "deploy", entry: {
//!             use deploy::*;
//!             <__Companion as Companion>::ENTRY
//!         } }],
//!         activities: &[/* one row per entry, under the entry's own #[cfg]s */],
//!     }
//! };
//! ```
//!
//! The glob brings the companion's `__Companion`, which shadows the fallback; a module that is
//! no companion has none, and the fallback, which is no `Companion`, is the one error at the
//! entry (see the facade's `__private/companion.rs`). The registries, the inventory, the `names`
//! module, the checks and the lock all read the table, never the companions again, so an entry
//! that is not annotated cannot be reported twice.

use super::parse::{Entry, Registry};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

/// The name of the table's const.
pub(super) fn name() -> proc_macro2::Ident {
    proc_macro2::Ident::new("__DUROXIDE_REGISTRY", Span::call_site())
}

/// One of `registry!`'s two lists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum List {
    Orchestrations,
    Activities,
}

impl List {
    pub(super) const BOTH: [List; 2] = [List::Orchestrations, List::Activities];

    pub(super) fn entries(self, registry: &Registry) -> &[Entry] {
        match self {
            List::Orchestrations => &registry.orchestrations,
            List::Activities => &registry.activities,
        }
    }

    pub(super) fn is_orchestrations(self) -> bool {
        self == List::Orchestrations
    }

    /// The list's field of the table.
    pub(super) fn field(self) -> proc_macro2::Ident {
        let name = if self.is_orchestrations() {
            "orchestrations"
        } else {
            "activities"
        };
        proc_macro2::Ident::new(name, Span::call_site())
    }

    /// Whether an entry of the list carries `#[cfg]`s, which may remove rows before others.
    pub(super) fn has_cfgs(self, registry: &Registry) -> bool {
        self.entries(registry)
            .iter()
            .any(|entry| !entry.cfgs.is_empty())
    }
}

/// A number for every distinct path as written, in order of first appearance: what a row is
/// found by when `#[cfg]`s hide its index. Exact, where a fingerprint of the text would only be
/// likely to be.
pub(super) struct PathIds(Vec<String>);

impl PathIds {
    pub(super) fn new(registry: &Registry) -> PathIds {
        let mut texts: Vec<String> = Vec::new();
        for entry in registry.orchestrations.iter().chain(&registry.activities) {
            if !texts.contains(&entry.text) {
                texts.push(entry.text.clone());
            }
        }
        PathIds(texts)
    }

    pub(super) fn id(&self, text: &str) -> usize {
        self.0
            .iter()
            .position(|t| t == text)
            .unwrap_or(self.0.len())
    }
}

/// The table's const.
pub(super) fn definition(registry: &Registry, paths: &PathIds) -> TokenStream {
    let private = registry.support.private();
    let [orchestrations, activities] =
        List::BOTH.map(|list| rows(list.entries(registry), paths, &private));
    let table = name();
    quote! {
        #[doc(hidden)]
        const #table: #private::Lists = {
            #[allow(unused_imports)]
            use #private::NotAnnotated as __Companion;
            #private::Lists {
                orchestrations: &[#(#orchestrations)*],
                activities: &[#(#activities)*],
            }
        };
    }
}

fn rows(entries: &[Entry], paths: &PathIds, private: &TokenStream) -> Vec<TokenStream> {
    entries
        .iter()
        .map(|entry| {
            let (cfgs, text) = (&entry.cfgs, &entry.text);
            let id = paths.id(text);
            let read = read(entry, quote!(ENTRY), private);
            quote! {
                #(#cfgs)*
                #private::Row { path: #id, text: #text, entry: #read },
            }
        })
        .collect()
}

/// `{ use path::*; <__Companion as Companion>::ITEM }`, spanned at the entry: the companion's
/// item when the entry is one, else the fallback's, whatever the enclosing block imports as
/// `__Companion`.
pub(super) fn read(entry: &Entry, item: TokenStream, private: &TokenStream) -> TokenStream {
    let path = &entry.path;
    let companion = proc_macro2::Ident::new("__Companion", entry.span);
    quote_spanned! {entry.span=>
        {
            #[allow(unused_imports, clippy::wildcard_imports)]
            use #path::*;
            <#companion as #private::Companion>::#item
        }
    }
}

/// Where an entry's row is read from.
pub(super) struct At<'a> {
    pub(super) registry: &'a Registry,
    pub(super) paths: &'a PathIds,
    /// The table, as seen from where the row is read.
    pub(super) table: TokenStream,
}

impl At<'_> {
    /// The expression of an entry's row in its list: its index, when no entry of the list has a
    /// `#[cfg]` (nothing can remove a row before it), else its row looked up by path id.
    pub(super) fn row(&self, list: List, index: usize, entry: &Entry) -> TokenStream {
        if !list.has_cfgs(self.registry) {
            return quote!(#index);
        }
        let (table, field, id) = (&self.table, list.field(), self.paths.id(&entry.text));
        let private = self.registry.support.private();
        quote!(#private::checks::row_of(#table.#field, #id))
    }
}
