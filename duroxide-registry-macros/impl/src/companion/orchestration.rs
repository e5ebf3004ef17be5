//! What only an orchestration's companion holds: `VERSION`, `ACTIVITIES_USED`, the typed helpers
//! that start it from a client or call it as a sub-orchestration, and registration.

use super::shared::{self, function_path};
use crate::fingerprint;
use crate::item::{Helper, Item};
use heck::ToShoutySnakeCase;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};

// The helpers' doc comments, one string each: a `///` line becomes an attribute of five tokens,
// which every companion would carry once per line.
const ACTIVITIES_USED_DOC: &str = concat!(
    "Full names of the activities and sub-orchestrations this orchestration calls through\n",
    "their companion modules, plus those listed in `uses(...)`: in order of first\n",
    "appearance, each resolved by the compiler.",
);
const CALL_DOC: &str = concat!(
    "Runs this orchestration, at exactly [`VERSION`], as a sub-orchestration with an\n",
    "instance id derived from the parent's.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);
const CALL_WITH_ID_DOC: &str = concat!(
    "Runs this orchestration, at exactly [`VERSION`], as a sub-orchestration with the\n",
    "given instance id.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);
const START_DOC: &str = concat!(
    "Starts a new instance of this orchestration, at exactly [`VERSION`].\n",
    "\n",
    "# Errors\n",
    "\n",
    "The input cannot be encoded, or the provider fails to enqueue the instance.",
);
const CONTINUE_AS_NEW_DOC: &str = concat!(
    "Ends this execution and continues the instance as a new one, at exactly [`VERSION`],\n",
    "with `input`: `return deploy::continue_as_new(&ctx, &input).await;`. The future never\n",
    "completes, so it has whatever output type the body returns. Called from an older\n",
    "version's body, it upgrades the instance to this version.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);
const START_DETACHED_DOC: &str = concat!(
    "Starts a new instance of this orchestration, at exactly [`VERSION`], from another\n",
    "orchestration, which does not wait for it.\n",
    "\n",
    "# Errors\n",
    "\n",
    "An instance id that duroxide reserves for sub-orchestrations (`sub::..`), where\n",
    "duroxide's own call panics.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);
const WAIT_DOC: &str = concat!(
    "Waits for an instance to finish: `Ok(Ok(output))` when it completed,\n",
    "`Ok(Err(message))` when it failed.\n",
    "\n",
    "# Errors\n",
    "\n",
    "A timeout, a provider failure, or an output that does not decode as [`Output`].",
);

/// The orchestration's own items, and the `Register` its entry holds.
pub(crate) fn items(item: &Item) -> (TokenStream, TokenStream) {
    let version = &item.version;
    let used = match used_const(item) {
        Some(ident) => quote!(super::#ident),
        None => quote!(&[]),
    };
    let typed = (item.input.is_some() && item.output.is_some()).then(|| typed_helpers(item));
    let (register, entry) = registration(item);
    let items = quote! {
        /// The version this function is registered at, and that its helpers start and call.
        pub const VERSION: &str = #version;

        #[doc = #ACTIVITIES_USED_DOC]
        pub const ACTIVITIES_USED: &[&str] = #used;

        #typed
        #register
    };
    (items, entry)
}

/// The const beside the function that holds what `ACTIVITIES_USED` reports, named after the
/// function. It lives in the function's module, where the paths were written, so they resolve
/// exactly as in the body. Resolving them in the companion instead, one module down, would need
/// `use super::*;` there (a relative path may start with a module of the parent or with a
/// crate): a copy of every name of the parent module, per companion.
pub(crate) fn parent_items(item: &Item) -> TokenStream {
    let Some(ident) = used_const(item) else {
        return TokenStream::new();
    };
    let used = activities_used(item);
    let cfgs = &item.cfgs;
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        const #ident: &[&str] = #used;
    }
}

/// The name of the const `parent_items` defines, when the orchestration uses anything:
/// `__DEPLOY_WEBAPP_ACTIVITIES_USED_1F0A…` for `deploy_webapp`. Upper case like any const, so
/// that no lint needs allowing in the user's module; the hash of the function's own name keeps
/// apart functions whose names differ only in case or underscores (`fooBar`, `foo_bar`).
fn used_const(item: &Item) -> Option<Ident> {
    if item.uses.is_empty() {
        return None;
    }
    let name = item.function.sig.ident.to_string();
    let name = name.trim_start_matches("r#");
    let shouty = name.to_shouty_snake_case();
    let hash = fingerprint::hash(&name);
    // An identifier's characters stay identifier characters in upper case; parsing checks it
    // rather than trusting it, since `format_ident!` would panic on anything else.
    let ident = syn::parse_str(&format!("__{shouty}_ACTIVITIES_USED_{hash:016X}"));
    Some(ident.unwrap_or_else(|_| {
        Ident::new(&format!("__ACTIVITIES_USED_{hash:016X}"), Span::call_site())
    }))
}

/// The `ACTIVITIES_USED` expression. Paths are deduplicated as written; two different paths can
/// still reach one item (`provision_vm::call` and `crate::activities::provision_vm::NAME`), so
/// with more than one entry the names themselves are deduplicated in const evaluation.
fn activities_used(item: &Item) -> TokenStream {
    let names: Vec<TokenStream> = item
        .uses
        .iter()
        .map(|path| {
            // Spanned at the path's last segment, so that an error (a module that is not a
            // companion after all) points at the body's own tokens, never at the attribute.
            let span = path.last_span();
            let path = path.as_written();
            quote_spanned!(span=> #path::NAME)
        })
        .collect();
    if names.len() < 2 {
        return quote!(&[#(#names),*]);
    }
    let count = names.len();
    // A function of the facade keeps each name once, compiled there once for every crate.
    let private = item.support.private();
    quote! {{
        const UNIQUE: ([&str; #count], usize) = #private::checks::unique([#(#names),*]);
        UNIQUE.0.split_at(UNIQUE.1).0
    }}
}

fn typed_helpers(item: &Item) -> TokenStream {
    let (input, output) = shared::payload_types(item);
    let private = item.support.private();
    let duroxide = quote!(#private::duroxide);
    let [call, call_with_id, start_detached] =
        [Helper::Call, Helper::CallWithId, Helper::StartDetached].map(Helper::ident);
    let facade = item.support.facade();
    // Only the orchestration's own body continues as new; a declaration has none here.
    let continue_as_new = (!item.function.is_declaration()).then(|| {
        quote! {
            #[doc = #CONTINUE_AS_NEW_DOC]
            #[inline]
            pub fn continue_as_new<T>(
                ctx: &#duroxide::OrchestrationContext,
                input: &Input,
            ) -> #facade::interface::ContinueAsNew<T> {
                #private::interface::continue_as_new::<#input, T>(ctx, NAME, VERSION, input)
            }
        }
    });
    quote! {
        #[doc = #CALL_DOC]
        #[inline]
        pub fn #call(
            ctx: &#duroxide::OrchestrationContext,
            input: &Input,
        ) -> #duroxide::DurableFuture<::core::result::Result<Output, ::std::string::String>> {
            #private::codec::call::<#input, #output>(ctx, NAME, VERSION, ::core::option::Option::None, input)
        }

        #[doc = #CALL_WITH_ID_DOC]
        #[inline]
        pub fn #call_with_id(
            ctx: &#duroxide::OrchestrationContext,
            instance_id: impl ::core::convert::Into<::std::string::String>,
            input: &Input,
        ) -> #duroxide::DurableFuture<::core::result::Result<Output, ::std::string::String>> {
            let instance_id = ::core::option::Option::Some(::core::convert::Into::into(instance_id));
            #private::codec::call::<#input, #output>(ctx, NAME, VERSION, instance_id, input)
        }

        #[doc = #START_DOC]
        #[inline]
        pub fn start<'a>(
            client: &'a #duroxide::Client,
            instance_id: impl ::core::convert::Into<::std::string::String>,
            input: &'a Input,
        ) -> impl ::core::future::Future<Output = ::core::result::Result<(), #duroxide::ClientError>> + 'a {
            // A plain function returning duroxide's future, not an `async fn` wrapping it: the
            // same future, without a second state machine for the compiler to build.
            let instance_id: ::std::string::String = instance_id.into();
            client.start_orchestration_versioned_typed::<&#input>(instance_id, NAME, VERSION, input)
        }

        #[doc = #WAIT_DOC]
        #[inline]
        pub fn wait<'a>(
            client: &'a #duroxide::Client,
            instance_id: &'a str,
            timeout: ::core::time::Duration,
        ) -> impl ::core::future::Future<
            Output = ::core::result::Result<
                ::core::result::Result<Output, ::std::string::String>,
                #duroxide::ClientError,
            >,
        > + 'a {
            client.wait_for_orchestration_typed::<#output>(instance_id, timeout)
        }

        #continue_as_new

        #[doc = #START_DETACHED_DOC]
        #[inline]
        pub fn #start_detached(
            ctx: &#duroxide::OrchestrationContext,
            instance_id: impl ::core::convert::Into<::std::string::String>,
            input: &Input,
        ) -> ::core::result::Result<(), ::std::string::String> {
            #private::interface::start_detached::<#input>(ctx, NAME, VERSION, instance_id, input)
        }
    }
}

/// The registration the orchestration's entry holds, and its `Register`: a private function,
/// since only the entry names it. While the signature has errors of its own, there is none.
fn registration(item: &Item) -> (TokenStream, TokenStream) {
    let private = item.support.private();
    let nothing = quote!(#private::Register::Nothing);
    if !item.sound {
        return (TokenStream::new(), nothing);
    }
    // A declaration has no function to register: it is implemented elsewhere.
    if item.function.is_declaration() {
        return (shared::declaration_check(item), nothing);
    }
    let function = function_path(&item.function);
    let (input, output) = shared::payload_types(item);
    let context_check = shared::context_check(item);
    let register = if item.explicit_version {
        quote!(builder.register_versioned_typed::<#input, #output, _, _>(NAME, VERSION, #function))
    } else {
        quote!(builder.register_typed::<#input, #output, _, _>(NAME, #function))
    };
    let builder = quote!(#private::duroxide::OrchestrationRegistryBuilder);
    let items = quote! {
        #[inline]
        fn __register(builder: #builder) -> #builder {
            #context_check
            #register
        }
    };
    (items, quote!(#private::Register::Orchestration(__register)))
}
