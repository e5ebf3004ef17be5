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
    let verify = verify_by_hand(registry);
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
        #verify
        #names
        #lock
        #replay
    }
}

fn activity_registry(registry: &Registry) -> TokenStream {
    let private = registry.support.private();
    let activity_registry = quote!(#private::duroxide::runtime::registry::ActivityRegistry);
    let infos = table::infos();
    let plain = quote! {
        let builder = #private::registries::activities(#activity_registry::builder(), #infos().activities);
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
    let infos = table::infos();
    quote! {
        /// Creates an `OrchestrationRegistry` holding every orchestration listed in `registry!`.
        ///
        /// Versions of one orchestration are registered in ascending order, whatever the order
        /// of the list. Consumers can merge it into their own registry with `.merge()`.
        #[must_use]
        pub fn create_orchestration_registry() -> #private::duroxide::OrchestrationRegistry {
            #private::registries::orchestrations(#infos().orchestrations)
        }
    }
}

/// `verify_by_hand()`, for a registry that lists declarations under `by_hand`: the items the
/// crate still registers by hand, which only the registries it actually builds can show.
fn verify_by_hand(registry: &Registry) -> Option<TokenStream> {
    if registry.by_hand.is_empty() {
        return None;
    }
    let private = registry.support.private();
    let duroxide = quote!(#private::duroxide);
    let infos = table::infos();
    Some(quote! {
        /// Checks that `activities` and `orchestrations`, the registries this crate actually
        /// builds (its generated ones merged with those it still writes by hand), hold every
        /// item `registry!` lists under `by_hand`, each orchestration at its version. Call it in
        /// a test: a hand-written registration that is removed, or never added, fails it.
        ///
        /// # Errors
        ///
        /// Each item the registries lack, in words.
        pub fn verify_by_hand(
            activities: &#duroxide::runtime::registry::ActivityRegistry,
            orchestrations: &#duroxide::OrchestrationRegistry,
        ) -> ::core::result::Result<(), ::std::vec::Vec<::std::string::String>> {
            #private::registries::verify(#infos().by_hand, activities, orchestrations)
        }
    })
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
            #private::registries::orchestration_infos(#infos())
        }

        /// Every activity listed in `registry!`, for discovery at run time.
        #[must_use]
        pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
            #private::registries::activity_infos(#infos())
        }
    }
}
