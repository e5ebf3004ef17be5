//! The companion module generated beside every annotated function: the parts shared by
//! activities and orchestrations, and the expansion entry point both attributes go through.

use crate::args::Kind;
use crate::diagnostics::Diagnostics;
use crate::item::Item;
use crate::meta;
use crate::signature::{self, Function};
use crate::text::tokens_as_written;
use crate::{activity, orchestration};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Type, Visibility};

/// Expands `#[activity]` or `#[orchestration]`. Never fails: problems become `compile_error!`s
/// next to the untouched function and as much of its companion as can be built.
pub(crate) fn expand(kind: Kind, args: TokenStream, input: TokenStream) -> TokenStream {
    let function = match Function::parse(input.clone()) {
        Ok(function) => function,
        Err(_) => return not_a_function(kind, input),
    };
    let mut diagnostics = Diagnostics::default();
    let item = Item::from_tokens(kind, args, function, &mut diagnostics);
    let degraded = !item.signature_ok;
    let mut output = item.function.to_token_stream();
    if !item.is_method {
        if item.kind == Kind::Orchestration {
            output.extend(orchestration::parent_items(&item));
        }
        output.extend(module(&item, degraded));
    }
    diagnostics.emit_into(&mut output);
    output
}

fn not_a_function(kind: Kind, input: TokenStream) -> TokenStream {
    // Point at what the item is (`struct`, `const`, ...), past its attributes and visibility.
    let first = (|stream: ParseStream| {
        stream.call(Attribute::parse_outer)?;
        stream.parse::<Visibility>()?;
        let span = stream.step(|cursor| match cursor.token_tree() {
            Some((tree, rest)) => Ok((tree.span(), rest)),
            None => Err(cursor.error("no item after the attributes")),
        })?;
        stream.parse::<TokenStream>()?;
        Ok(span)
    })
    .parse2(input.clone())
    .unwrap_or_else(|_| {
        input
            .clone()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |t| t.span())
    });
    let (example, context) = match kind {
        Kind::Activity => ("provision_vm", "ActivityContext"),
        Kind::Orchestration => ("deploy_webapp", "OrchestrationContext"),
    };
    let message = format!(
        "#[{}] goes on an `async fn` declared at module level, like `pub async fn {example}(ctx: \
         {context}, input: YourInput) -> Result<YourOutput, String>`",
        kind.segment(),
    );
    let error = syn::Error::new(first, message).into_compile_error();
    quote!(#input #error)
}

/// The companion module. When `degraded`, the signature has errors of its own: registration
/// becomes a no-op and its type checks are left out, so nothing cascades from the companion.
fn module(item: &Item, degraded: bool) -> TokenStream {
    let ident = &item.function.sig.ident;
    let vis = &item.function.vis;
    let cfgs = &item.cfgs;
    let kind = item.kind.segment();
    let module_doc = format!(
        "Registry items of the {kind} [`{ident}()`]: its name, its types and typed helpers to call it."
    );
    let name = &item.full_name;
    let name_doc = name_doc(item);
    let description = &item.description;
    let aliases = type_aliases(item);
    let specific = match item.kind {
        Kind::Activity => activity::items(item, degraded),
        Kind::Orchestration => orchestration::items(item, degraded),
    };
    let hidden = meta::definition(item);
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
        #[doc = #module_doc]
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

/// The input and output types for the turbofish of every duroxide call the companion makes,
/// as written in the signature and spanned there. rustc reports an unmet bound of an explicit
/// generic argument at that argument, so a missing serde impl (or `Send`) is reported on the
/// user's type, not inside generated code, without a check item of its own.
pub(crate) fn payload_types(item: &Item) -> (TokenStream, TokenStream) {
    let written =
        |ty: &Option<Type>, alias: TokenStream| ty.as_ref().map_or(alias, |ty| item.scope.ty(ty));
    (
        written(&item.input, quote!(Input)),
        written(&item.output, quote!(Output)),
    )
}

/// A statement, for the registration's body, that fails on the user's context parameter when
/// its type is not duroxide's context of the item's kind (an alias to the other one, say):
/// a plain "expected `ActivityContext`, found `OrchestrationContext`" there, before the
/// registration's own less direct error. A closure, checked with the body that holds it, rather
/// than an item of its own.
pub(crate) fn context_check(item: &Item) -> TokenStream {
    let Some(context) = &item.context else {
        return TokenStream::new();
    };
    if signature::context_is_wrong_kind(item.kind, context) {
        return TokenStream::new();
    }
    let expected = match item.kind {
        Kind::Activity => quote!(::duroxide::ActivityContext),
        Kind::Orchestration => quote!(::duroxide::OrchestrationContext),
    };
    let rewritten = item.scope.ty(context);
    quote_spanned! {context.span()=>
        let _ = |ctx: #rewritten| -> #expected { ctx };
    }
}

/// `super::name`: the annotated function, seen from its companion.
pub(crate) fn function_path(function: &Function) -> TokenStream {
    let ident = &function.sig.ident;
    quote!(super::#ident)
}
