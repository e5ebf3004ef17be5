//! Pieces of generated code that the activity and orchestration companions both use.

use crate::item::{Function, Item, Kind};
use crate::signature;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Type;

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
/// its type, written under another name, is not duroxide's context of the item's kind (an alias
/// to the other one, say):
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
    // Written as the context it must be, the type needs no check of its own: the check serves
    // aliases (`Ctx`), and costs a closure per item. A declaration keeps it, since it is where
    // the context type the removed signature named is still used.
    if signature::context_is_named_right(item.kind, context) && !item.function.is_declaration() {
        return TokenStream::new();
    }
    let private = item.support.private();
    let expected = match item.kind {
        Kind::Activity => quote!(#private::duroxide::ActivityContext),
        Kind::Orchestration => quote!(#private::duroxide::OrchestrationContext),
    };
    let rewritten = item.scope.ty(context);
    quote_spanned! {context.span()=>
        let _ = |ctx: #rewritten| -> #expected { ctx };
    }
}

/// What stands in for a declaration's registration: its context check, in a `const` of its
/// own. It holds the declaration to a context of the right kind, as a definition is held, and
/// it is where the context type, which the removed signature named, is still used: a
/// `use duroxide::ActivityContext;` written for the declaration is not left unused.
pub(crate) fn declaration_check(item: &Item) -> TokenStream {
    let check = context_check(item);
    if check.is_empty() {
        return check;
    }
    quote! {
        const _: () = {
            #check
        };
    }
}

/// `super::name`: the annotated function, seen from its companion.
pub(crate) fn function_path(function: &Function) -> TokenStream {
    let ident = &function.sig.ident;
    quote!(super::#ident)
}
