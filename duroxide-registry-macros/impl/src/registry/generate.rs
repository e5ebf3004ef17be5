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
        .map(|module| names::module(module, names, registry, paths));
    let lock = lock.map(|lock| lock::function(lock, registry, paths));
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
    let table = table::name();
    let activity_registry = quote!(#private::duroxide::runtime::registry::ActivityRegistry);
    let Some(config) = &registry.config else {
        return quote! {
            /// Creates an `ActivityRegistry` holding every activity listed in `registry!`.
            ///
            /// Consumers can merge it into their own registry with `.merge()`.
            #[must_use]
            pub fn create_activity_registry() -> #activity_registry {
                #private::registries::activities(&#table).build()
            }
        };
    };
    // Each activity's configured slot, read again, with the same fallback as the table's read,
    // which has no slot (the checks report an entry that is not annotated). A slot that takes
    // another configuration is the error, at the entry.
    let steps = registry.activities.iter().map(|entry| {
        let cfgs = &entry.cfgs;
        let slot = table::read(entry, quote!(CONFIGURED), &private);
        let at_entry = registry.support.private_at(entry.span);
        quote_spanned! {entry.span=>
            #(#cfgs)*
            let builder = #at_entry::registries::configure(builder, &config, {
                #[allow(unused_imports)]
                use #private::NotAnnotated as __Companion;
                #slot
            });
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
            let config = ::std::sync::Arc::new(config);
            let builder = #private::registries::activities(&#table);
            #(#steps)*
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
    let table = table::name();
    quote! {
        /// Creates an `OrchestrationRegistry` holding every orchestration listed in `registry!`.
        ///
        /// Versions of one orchestration are registered in ascending order, whatever the order
        /// of the list. Consumers can merge it into their own registry with `.merge()`.
        #[must_use]
        pub fn create_orchestration_registry() -> #private::duroxide::OrchestrationRegistry {
            // duroxide panics on a version registered after a later one; the order is found in
            // const evaluation.
            const ORDER: [usize; #table.orchestrations.len()] =
                #private::checks::version_order(#table.orchestrations);
            #private::registries::orchestrations(&#table, &ORDER)
        }
    }
}

fn inventory(registry: &Registry) -> TokenStream {
    let (private, inventory) = (registry.support.private(), registry.support.inventory());
    let table = table::name();
    quote! {
        #[doc(no_inline)]
        pub use #inventory::{ActivityInfo, OrchestrationInfo};

        /// Every orchestration listed in `registry!`, for discovery at run time.
        #[must_use]
        pub fn list_orchestrations() -> ::std::vec::Vec<OrchestrationInfo> {
            #private::registries::orchestration_infos(&#table)
        }

        /// Every activity listed in `registry!`, for discovery at run time.
        #[must_use]
        pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
            #private::registries::activity_infos(&#table)
        }
    }
}
