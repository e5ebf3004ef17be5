//! What `registry!` generates besides its checks: `create_orchestration_registry()`,
//! `create_activity_registry()` (and `_with_config`), the inventory, and the `names` module.

use super::lock::{self, Lock};
use super::names::{self, Names};
use super::parse::{Entry, Registry};
use super::replay;
use crate::companion::meta::Meta;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

pub(super) fn registry(registry: &Registry, names: &Names, lock: Option<&Lock>) -> TokenStream {
    let info_types = info_types();
    let activities = activity_registry(&registry.activities, registry.config.as_ref());
    let orchestrations = orchestration_registry(&registry.orchestrations);
    let inventory = inventory(registry);
    let names = registry
        .names
        .as_ref()
        .map(|module| names::module(module, names));
    let lock = lock.map(|lock| lock::function(lock, registry));
    let replay = registry.replay.as_ref().map(replay::module);
    quote! {
        #info_types
        #activities
        #orchestrations
        #inventory
        #names
        #lock
        #replay
    }
}

fn info_types() -> TokenStream {
    quote! {
        /// What the inventory says about one orchestration. Every field comes from the code.
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::serde::Serialize)]
        pub struct OrchestrationInfo {
            /// The full name, `{crate}::orchestration::{name}`.
            pub name: &'static str,
            /// The first paragraph of the function's doc comment.
            pub description: &'static str,
            /// The input type, as written in the signature.
            pub input_type: &'static str,
            /// The output type, as written in the signature.
            pub output_type: &'static str,
            /// Full names of the activities and sub-orchestrations it calls.
            pub activities_used: ::std::vec::Vec<&'static str>,
            /// The version it is registered at.
            pub version: &'static str,
        }

        /// What the inventory says about one activity. Every field comes from the code.
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::serde::Serialize)]
        pub struct ActivityInfo {
            /// The full name, `{crate}::activity::{name}`.
            pub name: &'static str,
            /// The first paragraph of the function's doc comment.
            pub description: &'static str,
            /// The input type, as written in the signature.
            pub input_type: &'static str,
            /// The output type, as written in the signature.
            pub output_type: &'static str,
            /// Whether duroxide may safely run it again with the same input.
            pub idempotent: bool,
        }
    }
}

fn activity_registry(entries: &[Entry], config: Option<&syn::Type>) -> TokenStream {
    let Some(config) = config else {
        let steps = entries.iter().map(|entry| {
            let (cfgs, path) = (&entry.cfgs, &entry.path);
            let register = entry.item("__register_activity");
            quote_spanned! {path.span()=>
                #(#cfgs)*
                let builder = #register(builder);
            }
        });
        return quote! {
            /// Creates an `ActivityRegistry` holding every activity listed in `registry!`.
            ///
            /// Consumers can merge it into their own registry with `.merge()`.
            #[must_use]
            pub fn create_activity_registry() -> ::duroxide::runtime::registry::ActivityRegistry {
                let builder = ::duroxide::runtime::registry::ActivityRegistry::builder();
                #(#steps)*
                builder.build()
            }
        };
    };
    let steps = entries.iter().map(|entry| {
        let (cfgs, path) = (&entry.cfgs, &entry.path);
        let (register, configured) = (entry.item("__register_activity"), Meta::Configured.of(path));
        quote_spanned! {path.span()=>
            #(#cfgs)*
            let builder = #register(builder);
            #(#cfgs)*
            let builder = Configured::register(#configured, builder, &config);
        }
    });
    let builder = quote!(::duroxide::runtime::registry::ActivityRegistryBuilder);
    // Spanned at the configuration type: an activity whose `#[config]` type differs is a type
    // mismatch whose note then points at the type the registry gives.
    let configured_trait = quote_spanned! {config.span()=>
        trait Configured<C> {
            fn register(self, builder: #builder, config: &::std::sync::Arc<C>) -> #builder;
        }
    };
    let default = quote_spanned!(config.span()=> <#config as ::core::default::Default>::default());
    quote! {
        /// Creates an `ActivityRegistry` holding every activity listed in `registry!`; those
        /// with a `#[config]` parameter share `config`.
        ///
        /// Consumers can merge it into their own registry with `.merge()`.
        #[must_use]
        pub fn create_activity_registry_with_config(
            config: #config,
        ) -> ::duroxide::runtime::registry::ActivityRegistry {
            // Registers an entry by the type of its configured slot: `()` when it takes no
            // configuration (its plain registration did the work), its configured
            // registration when it does. Once here, instead of a function in every companion.
            #configured_trait
            impl<C> Configured<C> for () {
                #[inline]
                fn register(self, builder: #builder, _config: &::std::sync::Arc<C>) -> #builder {
                    builder
                }
            }
            impl<C> Configured<C> for fn(#builder, &::std::sync::Arc<C>) -> #builder {
                #[inline]
                fn register(self, builder: #builder, config: &::std::sync::Arc<C>) -> #builder {
                    self(builder, config)
                }
            }
            let config = ::std::sync::Arc::new(config);
            let builder = ::duroxide::runtime::registry::ActivityRegistry::builder();
            #(#steps)*
            builder.build()
        }

        /// Creates an `ActivityRegistry` holding every activity listed in `registry!`, with the
        /// default configuration.
        ///
        /// Consumers can merge it into their own registry with `.merge()`.
        #[must_use]
        pub fn create_activity_registry() -> ::duroxide::runtime::registry::ActivityRegistry {
            create_activity_registry_with_config(#default)
        }
    }
}

fn orchestration_registry(entries: &[Entry]) -> TokenStream {
    let version_order = version_order();
    let registrations = entries.iter().map(|entry| {
        let (cfgs, path) = (&entry.cfgs, &entry.path);
        let register = entry.item("__register_orchestration");
        quote_spanned!(path.span()=> #(#cfgs)* #register,)
    });
    let keys = entries.iter().map(|entry| {
        let (cfgs, path) = (&entry.cfgs, &entry.path);
        {
            let key = Meta::VersionKey.of(path);
            quote_spanned!(path.span()=> #(#cfgs)* #key,)
        }
    });
    let in_order = entries.iter().map(|entry| {
        let (cfgs, path) = (&entry.cfgs, &entry.path);
        let register = entry.item("__register_orchestration");
        quote_spanned! {path.span()=>
            #(#cfgs)*
            let builder = #register(builder);
        }
    });
    quote! {
        /// Creates an `OrchestrationRegistry` holding every orchestration listed in `registry!`.
        ///
        /// Versions of one orchestration are registered in ascending order, whatever the order
        /// of the list. Consumers can merge it into their own registry with `.merge()`.
        #[must_use]
        pub fn create_orchestration_registry() -> ::duroxide::OrchestrationRegistry {
            type Builder = ::duroxide::OrchestrationRegistryBuilder;
            const REGISTER: &[fn(Builder) -> Builder] = &[#(#registrations)*];
            const KEYS: &[&[u8]] = &[#(#keys)*];
            // duroxide panics on a version registered after a later one; sorting at compile
            // time makes that impossible at no run-time cost.
            const ORDER: [usize; KEYS.len()] = version_order(KEYS);
            // Usually the list is already in order; then direct calls, which inline, do it.
            const IN_ORDER: bool = {
                let mut i = 0;
                while i < ORDER.len() && ORDER[i] == i {
                    i += 1;
                }
                i == ORDER.len()
            };
            #version_order
            let builder = ::duroxide::OrchestrationRegistry::builder();
            if IN_ORDER {
                #(#in_order)*
                builder.build()
            } else {
                let mut builder = builder;
                for &index in &ORDER {
                    builder = REGISTER[index](builder);
                }
                builder.build()
            }
        }
    }
}

fn inventory(registry: &Registry) -> TokenStream {
    let orchestrations = registry.orchestrations.iter().map(|entry| {
        let (cfgs, path) = (&entry.cfgs, &entry.path);
        let description = entry.item("DESCRIPTION");
        let [input_type, output_type, uses, version] =
            [Meta::InputType, Meta::OutputType, Meta::Uses, Meta::Version].map(|m| m.of(path));
        let name = entry.name();
        quote_spanned! {path.span()=>
            #(#cfgs)*
            OrchestrationInfo {
                name: #name,
                description: #description,
                input_type: #input_type,
                output_type: #output_type,
                activities_used: #uses.to_vec(),
                version: #version,
            },
        }
    });
    let activities = registry.activities.iter().map(|entry| {
        let (cfgs, path) = (&entry.cfgs, &entry.path);
        let description = entry.item("DESCRIPTION");
        let [input_type, output_type, idempotent] =
            [Meta::InputType, Meta::OutputType, Meta::Idempotent].map(|m| m.of(path));
        let name = entry.name();
        quote_spanned! {path.span()=>
            #(#cfgs)*
            ActivityInfo {
                name: #name,
                description: #description,
                input_type: #input_type,
                output_type: #output_type,
                idempotent: #idempotent,
            },
        }
    });
    quote! {
        /// Every orchestration listed in `registry!`, for discovery at run time.
        #[must_use]
        pub fn list_orchestrations() -> ::std::vec::Vec<OrchestrationInfo> {
            ::std::vec![#(#orchestrations)*]
        }

        /// Every activity listed in `registry!`, for discovery at run time.
        #[must_use]
        pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
            ::std::vec![#(#activities)*]
        }
    }
}

/// A const insertion sort of the version keys: stable, so equal keys keep the list's order.
fn version_order() -> TokenStream {
    quote! {
        const fn version_order<const N: usize>(keys: &[&[u8]]) -> [usize; N] {
            const fn less(a: &[u8], b: &[u8]) -> bool {
                let mut i = 0;
                while i < a.len() && i < b.len() {
                    if a[i] != b[i] {
                        return a[i] < b[i];
                    }
                    i += 1;
                }
                a.len() < b.len()
            }
            let mut order = [0; N];
            let mut i = 0;
            while i < N {
                order[i] = i;
                i += 1;
            }
            let mut i = 1;
            while i < N {
                let mut j = i;
                while j > 0 && less(keys[order[j]], keys[order[j - 1]]) {
                    let moved = order[j];
                    order[j] = order[j - 1];
                    order[j - 1] = moved;
                    j -= 1;
                }
                i += 1;
            }
            order
        }
    }
}
