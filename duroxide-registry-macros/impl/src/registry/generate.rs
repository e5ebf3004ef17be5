//! What `registry!` generates besides its checks: the table, `create_orchestration_registry()`,
//! `create_activity_registry()` (and `_with_config`), the inventory, and on request the `names`
//! module, `registry_lock()` and the `replay` module. Each is a thin call of the facade's support
//! code on the table.

use super::lock::{self, Lock};
use super::names::{self, Names};
use super::parse::Registry;
use super::replay;
use super::table::{self, PathIds};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

pub(super) fn registry(
    registry: &Registry,
    names: &Names,
    lock: Option<&Lock>,
    paths: &PathIds,
) -> TokenStream {
    let definition = table::definition(registry, paths);
    let activities = activity_registry(registry);
    let orchestrations = orchestration_registry(registry);
    let inventory = inventory(registry);
    let names = registry
        .names
        .as_ref()
        .map(|module| names::module(module, names, registry));
    let lock = lock.map(|lock| lock::function(lock, registry));
    let replay = registry
        .replay
        .as_ref()
        .map(|module| replay::module(module, &registry.support));
    quote! {
        #definition
        #activities
        #orchestrations
        #inventory
        #names
        #lock
        #replay
    }
}

fn activity_registry(registry: &Registry) -> TokenStream {
    let private = registry.support.private();
    let activity_registry = quote!(#private::duroxide::runtime::registry::ActivityRegistry);
    // One registration per entry, read from its `__INFO` (the fallback's registers nothing):
    // direct calls, with nothing collected at run time.
    let plain = registry.activities.iter().map(|entry| {
        let cfgs = &entry.cfgs;
        let info = table::read(entry, "__INFO");
        quote_spanned! {entry.span=>
            #(#cfgs)*
            let builder = #private::registries::register_activity(builder, #info.register);
        }
    });
    let plain = quote! {
        #[allow(unused_imports)]
        use #private::NOT_ANNOTATED_INFO as __INFO;
        let builder = #activity_registry::builder();
        #(#plain)*
    };
    let Some(config) = &registry.config else {
        return quote! {
            /// Creates an `ActivityRegistry` holding every activity listed in `registry!`.
            ///
            /// Consumers can merge it into their own registry with `.merge()`.
            #[must_use]
            pub fn create_activity_registry() -> #activity_registry {
                #plain
                builder.build()
            }
        };
    };
    // Each activity's `__register_with_config`, called with the registry's configuration; an
    // entry without one (no `#[config]` parameter, or no companion) falls back to the facade's
    // `not_configured`, which registers nothing. A configuration of another type is a type
    // mismatch, at the entry.
    let configured = registry.activities.iter().map(|entry| {
        let cfgs = &entry.cfgs;
        let register = table::read(entry, "__register_with_config");
        quote_spanned! {entry.span=>
            #(#cfgs)*
            let builder = #register(builder, &config);
        }
    });
    let default = quote_spanned!(config.span()=> <#config as ::core::default::Default>::default());
    let has_default = quote_spanned!(config.span()=> for<'a> #config: ::core::default::Default);
    quote! {
        /// Creates an `ActivityRegistry` holding every activity listed in `registry!`; those
        /// with a `#[config]` parameter share `config`.
        ///
        /// Consumers can merge it into their own registry with `.merge()`.
        #[must_use]
        pub fn create_activity_registry_with_config(config: #config) -> #activity_registry {
            #[allow(unused_imports)]
            use #private::not_configured as __register_with_config;
            let config = ::std::sync::Arc::new(config);
            #plain
            #(#configured)*
            builder.build()
        }

        /// Creates an `ActivityRegistry` holding every activity listed in `registry!`, with the
        /// default configuration.
        ///
        /// Consumers can merge it into their own registry with `.merge()`.
        #[must_use]
        pub fn create_activity_registry() -> #activity_registry
        where
            // Higher-ranked, so that rustc checks the bound where the function is called, not
            // here: a configuration without a default leaves this function uncallable (use
            // `_with_config`), not the crate uncompilable.
            #has_default,
        {
            create_activity_registry_with_config(#default)
        }
    }
}

fn orchestration_registry(registry: &Registry) -> TokenStream {
    let private = registry.support.private();
    let steps = registry.orchestrations.iter().map(|entry| {
        let cfgs = &entry.cfgs;
        let info = table::read(entry, "__INFO");
        quote_spanned! {entry.span=>
            #(#cfgs)*
            {
                let info = #info;
                (info.version_key, info.register)
            },
        }
    });
    quote! {
        /// Creates an `OrchestrationRegistry` holding every orchestration listed in `registry!`.
        ///
        /// Versions of one orchestration are registered in ascending order, whatever the order
        /// of the list. Consumers can merge it into their own registry with `.merge()`.
        #[must_use]
        pub fn create_orchestration_registry() -> #private::duroxide::OrchestrationRegistry {
            #[allow(unused_imports)]
            use #private::NOT_ANNOTATED_INFO as __INFO;
            #private::registries::orchestrations(&mut [#(#steps)*])
        }
    }
}

fn inventory(registry: &Registry) -> TokenStream {
    let (private, inventory) = (registry.support.private(), registry.support.inventory());
    let infos = table::infos();
    quote! {
        #[doc(no_inline)]
        pub use #inventory::{ActivityInfo, OrchestrationInfo};

        /// Every orchestration listed in `registry!`, for discovery at run time.
        #[must_use]
        pub fn list_orchestrations() -> ::std::vec::Vec<OrchestrationInfo> {
            #private::registries::orchestration_infos(&#infos())
        }

        /// Every activity listed in `registry!`, for discovery at run time.
        #[must_use]
        pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
            #private::registries::activity_infos(&#infos())
        }
    }
}
