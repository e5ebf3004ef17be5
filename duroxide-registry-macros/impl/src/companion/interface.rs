//! An orchestration's declared interface (`events(..)`, `queues(..)`, `status = ..`, `kv(..)`):
//! a module per kind in the companion, a module per item in it, each with the item's wire name,
//! its payload type and its typed helpers on both sides. The helpers are thin wrappers over the
//! facade's `__private::interface`, which encodes and decodes exactly as duroxide's typed calls
//! do; an orchestration that declares nothing generates nothing here.

use crate::item::{Channel, Declared, Item};
use crate::text::tokens_as_written;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Type;

// The helpers' doc comments, one string each: a `///` line becomes an attribute of five tokens.
const WAIT_DOC: &str = concat!(
    "Waits for the next raise of this event, inside the orchestration. Composes with\n",
    "`ctx.select2` and `ctx.join`. duroxide drops an event raised before the instance waits\n",
    "for it: a sender that may be early should use a queue. A payload that does not decode\n",
    "is an `Err` naming the event, its wire name and the type; it never panics.",
);
const RAISE_DOC: &str = concat!(
    "Raises this event on `instance`, from a client: `raise_event_typed` with this wire\n",
    "name. The instance receives it only if it is waiting for it then (or later in the\n",
    "same turn); an earlier raise is dropped.\n",
    "\n",
    "# Errors\n",
    "\n",
    "The provider's.",
);
const DEQUEUE_DOC: &str = concat!(
    "Takes the next message of this queue, inside the orchestration, waiting for one if\n",
    "there is none. Messages enqueued before the instance dequeues are kept, in order.\n",
    "Composes with `ctx.select2` and `ctx.join`. A payload that does not decode is an\n",
    "`Err` naming the queue, its wire name and the type; it never panics.",
);
const ENQUEUE_DOC: &str = concat!(
    "Enqueues a message on `instance`, from a client: `enqueue_event_typed` with this\n",
    "wire name. The queue keeps it until the instance dequeues it.\n",
    "\n",
    "# Errors\n",
    "\n",
    "The provider's.",
);
const KV_SET_DOC: &str = "Sets this value, inside the orchestration (`set_kv_value_typed`).";
const KV_GET_DOC: &str = concat!(
    "This value as this instance last set it, inside the orchestration; `None` if it never\n",
    "did, or cleared it.\n",
    "\n",
    "# Errors\n",
    "\n",
    "A value that does not decode, named with its key, wire name and type.",
);
const KV_GET_FROM_DOC: &str = concat!(
    "The value another instance holds under this key, inside the orchestration: read once,\n",
    "recorded, and replayed from the history.",
);
const KV_CLEAR_DOC: &str = "Clears this value, inside the orchestration.";
const KV_FETCH_DOC: &str = concat!(
    "The value `instance` holds, from a client; `None` if it never set it.\n",
    "\n",
    "# Errors\n",
    "\n",
    "The provider's, or a value that does not decode (`ClientError::InvalidInput`).",
);
const KV_WAIT_DOC: &str = concat!(
    "Waits until `instance` sets this value, from a client.\n",
    "\n",
    "# Errors\n",
    "\n",
    "A timeout, the provider's, or a value that does not decode.",
);
const STATUS_SET_DOC: &str = concat!(
    "Sets the custom status, inside the orchestration, encoded as duroxide's typed calls\n",
    "encode: a `String` status is its raw text.",
);
const STATUS_RESET_DOC: &str = "Clears the custom status, inside the orchestration.";
const STATUS_CURRENT_DOC: &str = concat!(
    "The custom status as this instance last set it, inside the orchestration.\n",
    "\n",
    "# Errors\n",
    "\n",
    "A status that does not decode.",
);
const STATUS_GET_DOC: &str = concat!(
    "The custom status of `instance`, from a client, with its version and the instance's\n",
    "state.\n",
    "\n",
    "# Errors\n",
    "\n",
    "The provider's, or a status that does not decode (`ClientError::InvalidInput`).",
);
const STATUS_WAIT_DOC: &str = concat!(
    "Waits until the custom status of `instance` changes past `last_seen_version`, or the\n",
    "instance finishes, from a client.\n",
    "\n",
    "# Errors\n",
    "\n",
    "A timeout, the provider's, or a status that does not decode.",
);

/// The interface's items in the companion; nothing when nothing is declared.
pub(crate) fn items(item: &Item) -> TokenStream {
    let interface = &item.args.interface;
    if interface.is_empty() || !item.sound {
        return TokenStream::new();
    }
    let mut out = TokenStream::new();
    for channel in Channel::ALL {
        // A key declared twice is an error of its own (`rules.rs`); the first is generated.
        let mut declared: Vec<&Declared> = Vec::new();
        for d in interface.of(channel) {
            if !declared.iter().any(|first| first.key == d.key) {
                declared.push(d);
            }
        }
        if declared.is_empty() {
            continue;
        }
        let aliases = declared.iter().map(|d| alias(item, channel, d));
        let modules = declared.iter().map(|d| item_module(item, channel, d));
        let module = Ident::new(channel.key().text(), Span::call_site());
        let doc = format!(
            "The {} this orchestration declares, each with its wire name, payload type and \
             typed helpers.",
            channel.plural()
        );
        out.extend(quote! {
            #(#aliases)*
            #[doc = #doc]
            pub mod #module {
                #(#modules)*
            }
        });
    }
    if let Some(status) = &interface.status {
        out.extend(status_module(item, status));
    }
    out
}

/// The hidden alias of a payload type, at the companion's level, where the companion's scope
/// rewrites the type as written beside the function; the item's module names it two levels up.
fn alias_name(channel: Channel, declared: &Declared) -> Ident {
    let key = declared.key.to_string();
    format_ident!(
        "__{}_{}",
        channel.key().text(),
        key.trim_start_matches("r#")
    )
}

fn alias(item: &Item, channel: Channel, declared: &Declared) -> TokenStream {
    let name = alias_name(channel, declared);
    let ty = item.scope.ty(&declared.ty);
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        pub type #name = #ty;
    }
}

/// `Payload`, spanned at the user's type: an unmet bound on a helper's generic argument is then
/// reported at the declaration, not inside generated code.
fn payload_at(ty: &Type) -> Ident {
    Ident::new("Payload", ty.span())
}

/// The item's `Described`, for the facade's messages, in the item's module (`orchestration`
/// names the orchestration's `NAME` from there, `wire` the item's).
fn described(
    item: &Item,
    orchestration: &TokenStream,
    (channel, key, wire): (&str, &str, TokenStream),
    payload_type: &Type,
) -> TokenStream {
    let private = item.support.private();
    let payload_type = tokens_as_written(payload_type);
    quote! {
        const DESCRIBED: #private::interface::Described = #private::interface::Described {
            orchestration: #orchestration,
            channel: #channel,
            key: #key,
            wire: #wire,
            payload_type: #payload_type,
        };
    }
}

fn item_module(item: &Item, channel: Channel, declared: &Declared) -> TokenStream {
    let private = item.support.private();
    let duroxide = quote!(#private::duroxide);
    let interface = quote!(#private::interface);
    let key = &declared.key;
    let key_text = key.to_string().trim_start_matches("r#").to_owned();
    let wire = declared.wire_name();
    let alias = alias_name(channel, declared);
    let payload = payload_at(&declared.ty);
    let described = described(
        item,
        &quote!(super::super::NAME),
        (channel.word(), &key_text, quote!(NAME)),
        &declared.ty,
    );
    let name_doc = format!(
        "The {}'s wire name: `{wire}`. Its payload is `{}`.",
        channel.noun(),
        tokens_as_written(&declared.ty)
    );
    // The future a client helper returns, spanned at the payload type: rustc checks there that
    // duroxide's future is well formed, which needs `Payload: Serialize`.
    let sent = quote_spanned! {declared.ty.span()=>
        impl ::core::future::Future<Output = ::core::result::Result<(), #duroxide::ClientError>> + 'a
    };
    let helpers = match channel {
        Channel::Event => quote! {
            #[doc = #WAIT_DOC]
            #[inline]
            pub fn wait(
                ctx: &#duroxide::OrchestrationContext,
            ) -> #duroxide::DurableFuture<::core::result::Result<Payload, ::std::string::String>> {
                #interface::wait::<#payload>(ctx, &DESCRIBED)
            }

            #[doc = #RAISE_DOC]
            #[inline]
            pub fn raise<'a>(
                client: &'a #duroxide::Client,
                instance: impl ::core::convert::Into<::std::string::String>,
                payload: &'a Payload,
            ) -> #sent {
                client.raise_event_typed::<#payload>(::core::convert::Into::into(instance), NAME, payload)
            }
        },
        Channel::Queue => quote! {
            #[doc = #DEQUEUE_DOC]
            #[inline]
            pub fn dequeue(
                ctx: &#duroxide::OrchestrationContext,
            ) -> #duroxide::DurableFuture<::core::result::Result<Payload, ::std::string::String>> {
                #interface::dequeue::<#payload>(ctx, &DESCRIBED)
            }

            #[doc = #ENQUEUE_DOC]
            #[inline]
            pub fn enqueue<'a>(
                client: &'a #duroxide::Client,
                instance: impl ::core::convert::Into<::std::string::String>,
                payload: &'a Payload,
            ) -> #sent {
                client.enqueue_event_typed::<#payload>(::core::convert::Into::into(instance), NAME, payload)
            }
        },
        Channel::Kv => quote! {
            #[doc = #KV_SET_DOC]
            #[inline]
            pub fn set(ctx: &#duroxide::OrchestrationContext, value: &Payload) {
                ctx.set_kv_value_typed::<#payload>(NAME, value);
            }

            #[doc = #KV_GET_DOC]
            #[inline]
            pub fn get(
                ctx: &#duroxide::OrchestrationContext,
            ) -> ::core::result::Result<::core::option::Option<Payload>, ::std::string::String> {
                #interface::kv_get::<#payload>(ctx, &DESCRIBED)
            }

            #[doc = #KV_GET_FROM_DOC]
            #[inline]
            pub fn get_from(
                ctx: &#duroxide::OrchestrationContext,
                instance: impl ::core::convert::Into<::std::string::String>,
            ) -> #duroxide::DurableFuture<
                ::core::result::Result<::core::option::Option<Payload>, ::std::string::String>,
            > {
                #interface::kv_get_from::<#payload>(ctx, instance, &DESCRIBED)
            }

            #[doc = #KV_CLEAR_DOC]
            #[inline]
            pub fn clear(ctx: &#duroxide::OrchestrationContext) {
                ctx.clear_kv_value(NAME);
            }

            #[doc = #KV_FETCH_DOC]
            #[inline]
            pub fn fetch<'a>(
                client: &'a #duroxide::Client,
                instance: &'a str,
            ) -> impl ::core::future::Future<
                Output = ::core::result::Result<::core::option::Option<Payload>, #duroxide::ClientError>,
            > + 'a {
                #interface::kv_fetch::<#payload>(client, instance, &DESCRIBED)
            }

            #[doc = #KV_WAIT_DOC]
            #[inline]
            pub fn wait<'a>(
                client: &'a #duroxide::Client,
                instance: &'a str,
                timeout: ::core::time::Duration,
            ) -> impl ::core::future::Future<Output = ::core::result::Result<Payload, #duroxide::ClientError>> + 'a {
                #interface::kv_wait::<#payload>(client, instance, timeout, &DESCRIBED)
            }
        },
    };
    let module_doc = format!(
        "The {} `{key_text}`, on the wire `{wire}`: its name, payload and helpers.",
        channel.noun()
    );
    quote_spanned! {key.span()=>
        #[doc = #module_doc]
        #[allow(non_snake_case)]
        pub mod #key {
            #[doc = #name_doc]
            pub const NAME: &str = #wire;

            /// The payload type, as declared.
            pub type Payload = super::super::#alias;

            #described
            #helpers
        }
    }
}

fn status_module(item: &Item, status: &Type) -> TokenStream {
    let private = item.support.private();
    let duroxide = quote!(#private::duroxide);
    let interface = quote!(#private::interface);
    let ty = item.scope.ty(status);
    let payload = payload_at(status);
    let described = described(
        item,
        &quote!(super::NAME),
        ("status", "status", quote!("")),
        status,
    );
    let facade = item.support.facade();
    let status_type = quote!(#facade::interface::Status<Payload>);
    quote! {
        /// The custom status this orchestration declares, typed, with its helpers on both sides.
        pub mod status {
            /// The status type, as declared.
            pub type Payload = super::__status;

            #described

            #[doc = #STATUS_SET_DOC]
            #[inline]
            pub fn set(ctx: &#duroxide::OrchestrationContext, status: &Payload) {
                #interface::set_status::<#payload>(ctx, &DESCRIBED, status);
            }

            #[doc = #STATUS_RESET_DOC]
            #[inline]
            pub fn reset(ctx: &#duroxide::OrchestrationContext) {
                ctx.reset_custom_status();
            }

            #[doc = #STATUS_CURRENT_DOC]
            #[inline]
            pub fn current(
                ctx: &#duroxide::OrchestrationContext,
            ) -> ::core::result::Result<::core::option::Option<Payload>, ::std::string::String> {
                #interface::current_status::<#payload>(ctx, &DESCRIBED)
            }

            #[doc = #STATUS_GET_DOC]
            #[inline]
            pub fn get<'a>(
                client: &'a #duroxide::Client,
                instance: &'a str,
            ) -> impl ::core::future::Future<Output = ::core::result::Result<#status_type, #duroxide::ClientError>> + 'a {
                #interface::get_status::<#payload>(client, instance, &DESCRIBED)
            }

            #[doc = #STATUS_WAIT_DOC]
            #[inline]
            pub fn wait_for_change<'a>(
                client: &'a #duroxide::Client,
                instance: &'a str,
                last_seen_version: u64,
                timeout: ::core::time::Duration,
            ) -> impl ::core::future::Future<Output = ::core::result::Result<#status_type, #duroxide::ClientError>> + 'a {
                #interface::wait_for_status_change::<#payload>(client, instance, last_seen_version, timeout, &DESCRIBED)
            }
        }

        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        pub type __status = #ty;
    }
}
