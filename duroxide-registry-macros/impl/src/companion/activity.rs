//! What only an activity's companion holds: the function under the pattern's `activity` name,
//! `IDEMPOTENT`, the typed helpers that schedule it from an orchestration, and registration.

use super::shared::{self, function_path};
use crate::item::{Helper, Item};
use crate::scope;
use proc_macro2::TokenStream;
use quote::quote;

// The helpers' doc comments, one string each: a `///` line becomes an attribute of five tokens,
// which every companion would carry once per line.
const IDEMPOTENT_DOC: &str = concat!(
    "Whether the activity is idempotent: running it again with the same input has no\n",
    "further effect, so duroxide may safely retry it.",
);
const ACTIVITY_DOC: &str = concat!(
    "The activity function itself, under the name the pattern's consumers use\n",
    "(`activities::provision_vm::activity`).",
);
const REGISTER_WITH_CONFIG_DOC: &str = concat!(
    "Registers this activity with `config`, for consumers that pick activities\n",
    "one by one instead of merging the crate's whole registry.",
);
const CALL_DOC: &str = concat!(
    "Schedules this activity from an orchestration.\n",
    "\n",
    "The input and output types are checked at compile time. The returned future composes\n",
    "with `ctx.join` and `ctx.select2`.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);
const CALL_WITH_DEFAULTS_DOC: &str = concat!(
    "Schedules this activity from an orchestration, with the retry and timeout defaults its\n",
    "annotation declares ([`retry_policy`]).\n",
    "\n",
    "The input and output types are checked at compile time. duroxide runs the retries as a\n",
    "loop of activities and timers, so this future does not go into `ctx.select2` or\n",
    "`ctx.join`; [`call_once`] does.\n",
    "\n",
    "# Errors\n",
    "\n",
    "The activity's last error, a timeout, or a failure to decode the output.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);
const CALL_ONCE_DOC: &str = concat!(
    "Schedules this activity exactly once, without the declared retry and timeout.\n",
    "\n",
    "The returned future composes with `ctx.join` and `ctx.select2`.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);
const RETRY_POLICY_DOC: &str = concat!(
    "The retry and timeout defaults the annotation declares, which [`call`] applies: a\n",
    "starting point for `call_with_retry`, too.",
);
const CALL_WITH_RETRY_DOC: &str = concat!(
    "Schedules this activity from an orchestration, retrying failures by `policy`.\n",
    "\n",
    "# Errors\n",
    "\n",
    "The activity's last error, a timeout, or a failure to decode the output.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);
const CALL_ON_SESSION_DOC: &str = concat!(
    "Schedules this activity on the worker that owns `session_id`.\n",
    "\n",
    "# Panics\n",
    "\n",
    "Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.",
);

/// The activity's own items, and the `Register` its entry holds.
pub(crate) fn items(item: &Item) -> (TokenStream, TokenStream) {
    let idempotent = item.idempotent;
    let typed = (item.input.is_some() && item.output.is_some()).then(|| typed_helpers(item));
    let (register, entry) = registration(item);
    let items = quote! {
        #[doc = #IDEMPOTENT_DOC]
        pub const IDEMPOTENT: bool = #idempotent;

        #typed
        #register
    };
    (items, entry)
}

fn typed_helpers(item: &Item) -> TokenStream {
    // `activity` is the function itself, re-exported: the pattern's consumer path without a
    // second body for the compiler to check. It is left out while the signature is broken.
    let activity = (item.sound && !item.function.is_declaration()).then(|| {
        let ident = &item.function.sig.ident;
        let vis = scope::visibility(&item.function.vis);
        quote! {
            #[doc = #ACTIVITY_DOC]
            #[allow(unused_imports)]
            #vis use super::#ident as activity;
        }
    });
    let private = item.support.private();
    let duroxide = quote!(#private::duroxide);
    let with_config = match &item.config {
        Some(config) if item.sound => {
            let config = item.scope.ty(config);
            quote! {
                /// The type of the activity's `#[config]` parameter.
                pub type Config = #config;

                #[doc = #REGISTER_WITH_CONFIG_DOC]
                #[inline]
                pub fn register_with_config(
                    builder: #duroxide::runtime::registry::ActivityRegistryBuilder,
                    config: &Config,
                ) -> #duroxide::runtime::registry::ActivityRegistryBuilder {
                    __register_with_config(builder, config)
                }
            }
        }
        _ => TokenStream::new(),
    };
    let (input, output) = shared::payload_types(item);
    let [call, call_with_retry, call_on_session] =
        [Helper::Call, Helper::CallWithRetry, Helper::CallOnSession].map(Helper::ident);
    let calls = match &item.args.defaults {
        None => quote! {
            #[doc = #CALL_DOC]
            #[inline]
            pub fn #call(
                ctx: &#duroxide::OrchestrationContext,
                input: &Input,
            ) -> #duroxide::DurableFuture<::core::result::Result<Output, ::std::string::String>> {
                ctx.schedule_activity_typed::<#input, #output>(NAME, input)
            }
        },
        Some(defaults) => {
            let policy = defaults.policy(&duroxide);
            let call_once = Helper::CallOnce.ident();
            quote! {
                #[doc = #RETRY_POLICY_DOC]
                #[must_use]
                pub fn retry_policy() -> #duroxide::RetryPolicy {
                    #policy
                }

                #[doc = #CALL_WITH_DEFAULTS_DOC]
                #[inline]
                pub fn #call<'a>(
                    ctx: &'a #duroxide::OrchestrationContext,
                    input: &'a Input,
                ) -> impl ::core::future::Future<Output = ::core::result::Result<Output, ::std::string::String>> + 'a {
                    ctx.schedule_activity_with_retry_typed::<#input, #output>(NAME, input, retry_policy())
                }

                #[doc = #CALL_ONCE_DOC]
                #[inline]
                pub fn #call_once(
                    ctx: &#duroxide::OrchestrationContext,
                    input: &Input,
                ) -> #duroxide::DurableFuture<::core::result::Result<Output, ::std::string::String>> {
                    ctx.schedule_activity_typed::<#input, #output>(NAME, input)
                }
            }
        }
    };
    quote! {
        #activity
        #with_config
        #calls

        #[doc = #CALL_WITH_RETRY_DOC]
        #[inline]
        pub fn #call_with_retry<'a>(
            ctx: &'a #duroxide::OrchestrationContext,
            input: &'a Input,
            policy: #duroxide::RetryPolicy,
        ) -> impl ::core::future::Future<Output = ::core::result::Result<Output, ::std::string::String>> + 'a {
            ctx.schedule_activity_with_retry_typed::<#input, #output>(NAME, input, policy)
        }

        #[doc = #CALL_ON_SESSION_DOC]
        #[inline]
        pub fn #call_on_session(
            ctx: &#duroxide::OrchestrationContext,
            input: &Input,
            session_id: impl ::core::convert::Into<::std::string::String>,
        ) -> #duroxide::DurableFuture<::core::result::Result<Output, ::std::string::String>> {
            ctx.schedule_activity_on_session_typed::<#input, #output>(NAME, input, session_id)
        }
    }
}

/// The activity's registration, and the `Register` its `__INFO` holds: `__register`, private
/// (only `__INFO` names it), for a registry without configuration; for an activity with a
/// `#[config]` parameter, nothing there (`registry!` refuses to list it without a `config`), and
/// `__register_with_config`, which a registry with a configuration calls.
fn registration(item: &Item) -> (TokenStream, TokenStream) {
    let private = item.support.private();
    let function = function_path(&item.function);
    let builder = quote!(#private::duroxide::runtime::registry::ActivityRegistryBuilder);
    let (input, output) = shared::payload_types(item);
    let context_check = shared::context_check(item);
    let nothing = quote!(#private::Register::Nothing);
    if !item.sound {
        return (TokenStream::new(), nothing);
    }
    // A declaration has no function to register: it is implemented elsewhere.
    if item.function.is_declaration() {
        return (shared::declaration_check(item), nothing);
    }
    if item.registers_with_config() {
        let register = quote! {
            #[doc(hidden)]
            #[inline]
            pub fn __register_with_config(builder: #builder, config: &Config) -> #builder {
                #context_check
                let config = ::core::clone::Clone::clone(config);
                builder.register_typed::<#input, #output, _, _>(NAME, move |ctx: #private::duroxide::ActivityContext, input: Input| {
                    #function(ctx, input, ::core::clone::Clone::clone(&config))
                })
            }
        };
        return (register, nothing);
    }
    let register = quote! {
        #[inline]
        fn __register(builder: #builder) -> #builder {
            #context_check
            builder.register_typed::<#input, #output, _, _>(NAME, #function)
        }
    };
    (register, quote!(#private::Register::Activity(__register)))
}
