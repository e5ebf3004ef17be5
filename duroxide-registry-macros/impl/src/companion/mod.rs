//! The companion module generated beside every annotated function: a module of the function's
//! name and visibility holding its `NAME`, types, typed helpers and registration.
//!
//! This file assembles it from the parts both kinds share; `activity.rs` and `orchestration.rs`
//! add what only one kind has, `for_registry.rs` the hidden items `registry!` reads, and `shared.rs`
//! the pieces of generated code several of them use.

mod activity;
mod for_registry;
mod interface;
mod orchestration;
mod shared;

use crate::item::{Item, Kind};
use crate::text::tokens_as_written;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, ToTokens};
use syn::Type;

/// The function, as written, and everything generated beside it: the companion module and, for
/// an orchestration, the hidden const its `ACTIVITIES_USED` reads. A method gets no companion,
/// since no module can go in an `impl` block; its error says so.
pub(crate) fn generate(item: &Item) -> TokenStream {
    let mut output = item.function.to_token_stream();
    if !item.is_method {
        if item.kind == Kind::Orchestration {
            output.extend(orchestration::parent_items(item));
        }
        if item.in_place {
            output.extend(in_place(item));
        } else {
            let ident = &item.function.sig.ident;
            output.extend(module(item, ident, None));
        }
    }
    output
}

/// The companion's items in the function's own module, where the pattern's file-per-item layout
/// has them (`activities/provision_vm.rs` holds `NAME` and `activity`). They are generated in a
/// hidden module, exactly as a companion, and brought in by a glob, which any item the module
/// declares itself shadows; `NAME` is declared directly, so that a hand-written `NAME` left
/// beside it, or a second function in place in the same module, is a duplicate definition at
/// once rather than a silent shadowing.
fn in_place(item: &Item) -> TokenStream {
    let ident = &item.function.sig.ident;
    let hidden = format_ident!("__{}_companion", ident.to_string().trim_start_matches("r#"));
    let vis = &item.function.vis;
    let cfgs = &item.cfgs;
    let name = &item.full_name;
    let name_doc = name_doc(item);
    let module = module(item, &hidden, Some(quote!(#[doc(hidden)])));
    quote! {
        #module

        #(#cfgs)*
        #[doc(inline)]
        #[allow(unused_imports)]
        #vis use self::#hidden::*;

        #(#cfgs)*
        #[doc = #name_doc]
        #[allow(dead_code)]
        #vis const NAME: &str = #name;
    }
}

/// The companion module, named `ident`. When the signature has errors of its own (the item is
/// not `sound`), nothing is registered and the code that relies on the signature is left out,
/// so nothing cascades from the companion.
fn module(item: &Item, ident: &Ident, doc: Option<TokenStream>) -> TokenStream {
    let function = &item.function.sig.ident;
    let vis = &item.function.vis;
    let cfgs = &item.cfgs;
    let kind = item.kind.segment();
    let module_doc = doc.unwrap_or_else(|| {
        let text = if item.function.is_declaration() {
            format!(
                "Registry items of the {kind} `{}`, declared here and implemented elsewhere: its \
                 name, its types and typed helpers to call it.",
                item.full_name
            )
        } else {
            format!(
                "Registry items of the {kind} [`{function}()`]: its name, its types and typed \
                 helpers to call it."
            )
        };
        quote!(#[doc = #text])
    });
    let name = &item.full_name;
    let name_doc = name_doc(item);
    let description = &item.description;
    let aliases = type_aliases(item);
    let (specific, register) = match item.kind {
        Kind::Activity => activity::items(item),
        Kind::Orchestration => orchestration::items(item),
    };
    let interface = interface::items(item);
    let hidden = for_registry::definition(item, &register);
    let glob = item.scope.glob().then(|| {
        quote! {
            // The function's types are written relative to its module; the glob makes the names
            // that cannot be reached through `super::` resolve here.
            #[allow(unused_imports, clippy::wildcard_imports)]
            use super::*;
        }
    });
    quote! {
        #(#cfgs)*
        #module_doc
        // A companion offers every helper and a crate uses some; unused ones are not its mistakes.
        // The module is named after the function, whatever case the user allowed for it, and
        // wraps and registers it even when the user deprecated it (replay still needs it).
        #[allow(
            dead_code,
            deprecated,
            unreachable_pub,
            non_snake_case,
            clippy::module_name_repetitions
        )]
        #vis mod #ident {
            #glob

            #[doc = #name_doc]
            pub const NAME: &str = #name;

            /// The description: the first paragraph of the function's doc comment, or the
            /// `description` argument.
            pub const DESCRIPTION: &str = #description;

            #aliases
            #specific
            #interface
            #hidden
        }
    }
}

fn name_doc(item: &Item) -> String {
    let written = |ty: &Option<Type>| {
        ty.as_ref().map_or_else(
            || "?".to_owned(),
            |ty| format!("`{}`", tokens_as_written(ty)),
        )
    };
    let mut doc = format!(
        "The {} name for registration and scheduling: `{}`.\n\n**Input:** {}  \n**Output:** {}  \n",
        item.kind.segment(),
        item.full_name,
        written(&item.input),
        written(&item.output),
    );
    match item.kind {
        Kind::Activity => {
            let yes_no = if item.idempotent { "Yes" } else { "No" };
            doc.push_str(&format!("**Idempotent:** {yes_no}\n"));
        }
        Kind::Orchestration => {
            doc.push_str(&format!("**Version:** `{}`\n", item.version));
            if !item.uses.is_empty() {
                doc.push_str("**Activities used:**\n");
                for used in &item.uses {
                    doc.push_str(&format!("- `{}`\n", used.text()));
                }
            }
        }
    }
    if !item.description.is_empty() {
        doc.push('\n');
        doc.push_str(&item.description);
    }
    doc
}

/// `Input` and `Output`, as written in the signature. A user type that is itself called `Input`
/// or `Output` would be shadowed by the alias, so such a name is reached through `super::`.
fn type_aliases(item: &Item) -> TokenStream {
    let input = item.input.as_ref().map(|ty| {
        let ty = item.scope.ty(ty);
        quote! {
            /// The input type, as written in the function's signature.
            pub type Input = #ty;
        }
    });
    let output = item.output.as_ref().map(|ty| {
        let ty = item.scope.ty(ty);
        quote! {
            /// The output type: the `Ok` type of the function's `Result`.
            pub type Output = #ty;
        }
    });
    quote!(#input #output)
}
