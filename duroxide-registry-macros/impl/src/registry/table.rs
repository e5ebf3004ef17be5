//! How `registry!` reads the items it lists, from their companions: once for the checks, into
//! a const table, and once for run time, in a function.
//!
//! - `__DUROXIDE_REGISTRY`, a hidden module-level const (the facade's `Lists`), holds a `Row` of
//!   each entry's `__FACTS`: integers and flags, which the checks, the lock's checks and the
//!   family checks read in const evaluation.
//! - `__duroxide_infos()`, a hidden function (the facade's `Infos`), returns each entry's
//!   `__INFO`: the strings and registrations the registries, the inventory and `registry_lock()`
//!   use, as static data (the compiler promotes the constant expression), read once per entry.
//!   A function rather than a const, so that a `cargo check` does not evaluate them.
//!
//! ```text
//! const __DUROXIDE_REGISTRY: Lists = {
//!     use ::duroxide_registry_macros::__private::NOT_ANNOTATED as __FACTS;
//!     Lists {
//!         orchestrations: &[Row { path: 0, text: "deploy", facts: { use deploy::*; __FACTS } }],
//!         activities: &[/* one row per entry, under the entry's own #[cfg]s */],
//!         by_hand: &[],      // declarations this crate still registers by hand
//!         external: &[],     // declarations of items implemented elsewhere
//!     }
//! };
//! ```
//!
//! The glob brings the companion's item, which shadows the fallback of the outer block; a module
//! that is no companion has none, and the fallback's facts say so, which the entry's check
//! reports, at the entry (see the facade's `__private/companion.rs`). The run-time read falls
//! back to an `Info` that adds nothing, so an entry that is not annotated is reported once.

use super::parse::{Entry, Registry};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};

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
        for entry in registry.entries() {
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

/// The table's const, and the function that returns the infos.
pub(super) fn definition(registry: &Registry, paths: &PathIds) -> TokenStream {
    let private = registry.support.private();
    let lists = registry.lists();
    let rows = lists.map(|entries| {
        entries.iter().map(|entry| {
            let (cfgs, text) = (&entry.cfgs, &entry.text);
            let id = paths.id(text);
            let facts = read(entry, "__FACTS");
            quote!(#(#cfgs)* #private::Row { path: #id, text: #text, facts: #facts },)
        })
    });
    let infos = lists.map(|entries| {
        entries.iter().map(|entry| {
            let cfgs = &entry.cfgs;
            let info = read(entry, "__INFO");
            quote!(#(#cfgs)* #info,)
        })
    });
    let [orchestrations, activities, by_hand, external] = rows;
    let [orchestration_infos, activity_infos, by_hand_infos, external_infos] = infos;
    let (table, infos) = (name(), self::infos());
    quote! {
        #[doc(hidden)]
        const #table: #private::Lists = {
            #[allow(unused_imports)]
            use #private::NOT_ANNOTATED as __FACTS;
            #private::Lists {
                orchestrations: &[#(#orchestrations)*],
                activities: &[#(#activities)*],
                by_hand: &[#(#by_hand)*],
                external: &[#(#external)*],
            }
        };

        #[doc(hidden)]
        fn #infos() -> &'static #private::Infos {
            #[allow(unused_imports)]
            use #private::NOT_ANNOTATED_INFO as __INFO;
            &#private::Infos {
                orchestrations: &[#(#orchestration_infos)*],
                activities: &[#(#activity_infos)*],
                by_hand: &[#(#by_hand_infos)*],
                external: &[#(#external_infos)*],
            }
        }
    }
}

/// The name of the function that returns the infos.
pub(super) fn infos() -> proc_macro2::Ident {
    proc_macro2::Ident::new("__duroxide_infos", Span::call_site())
}

/// `{ use path::*; item }`, spanned at the entry: the companion's hidden `item` when the entry
/// is a companion, else whatever the enclosing block imports under its name.
pub(super) fn read(entry: &Entry, item: &str) -> TokenStream {
    read_at(entry, &entry.path.to_token_stream(), item)
}

/// As [`read`], with the entry's path written as `path` (as seen from a module below, say).
pub(super) fn read_at(entry: &Entry, path: &TokenStream, item: &str) -> TokenStream {
    let item = proc_macro2::Ident::new(item, entry.span);
    quote_spanned! {entry.span=>
        {
            #[allow(unused_imports, clippy::wildcard_imports)]
            use #path::*;
            #item
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
