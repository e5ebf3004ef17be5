#[doc(hidden)]
const __DUROXIDE_REGISTRY: ::duroxide_registry_macros::__private::Lists = {
    #[allow(unused_imports)]
    use ::duroxide_registry_macros::__private::NOT_ANNOTATED as __FACTS;
    ::duroxide_registry_macros::__private::Lists {
        orchestrations: &[
            ::duroxide_registry_macros::__private::Row {
                path: 0usize,
                text: "orchestrations::provision_postgres_v2",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use orchestrations::provision_postgres_v2::*;
                    __FACTS
                },
            },
        ],
        activities: &[
            ::duroxide_registry_macros::__private::Row {
                path: 1usize,
                text: "activities::provision_vm",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use activities::provision_vm::*;
                    __FACTS
                },
            },
            #[cfg(feature = "firewall")]
            ::duroxide_registry_macros::__private::Row {
                path: 2usize,
                text: "activities::configure_firewall",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use activities::configure_firewall::*;
                    __FACTS
                },
            },
        ],
        by_hand: &[],
        external: &[],
    }
};
#[doc(hidden)]
fn __duroxide_infos() -> &'static ::duroxide_registry_macros::__private::Infos {
    #[allow(unused_imports)]
    use ::duroxide_registry_macros::__private::NOT_ANNOTATED_INFO as __INFO;
    &::duroxide_registry_macros::__private::Infos {
        orchestrations: &[
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use orchestrations::provision_postgres_v2::*;
                __INFO
            },
        ],
        activities: &[
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use activities::provision_vm::*;
                __INFO
            },
            #[cfg(feature = "firewall")]
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use activities::configure_firewall::*;
                __INFO
            },
        ],
        by_hand: &[],
        external: &[],
    }
}
/// Creates an `ActivityRegistry` holding every activity listed in `registry!`.
///
/// Consumers can merge it into their own registry with `.merge()`.
#[must_use]
pub fn create_activity_registry() -> ::duroxide_registry_macros::__private::duroxide::runtime::registry::ActivityRegistry {
    let builder = ::duroxide_registry_macros::__private::registries::activities(
        ::duroxide_registry_macros::__private::duroxide::runtime::registry::ActivityRegistry::builder(),
        __duroxide_infos().activities,
    );
    builder.build()
}
/// Creates an `OrchestrationRegistry` holding every orchestration listed in `registry!`.
///
/// Versions of one orchestration are registered in ascending order, whatever the order
/// of the list. Consumers can merge it into their own registry with `.merge()`.
#[must_use]
pub fn create_orchestration_registry() -> ::duroxide_registry_macros::__private::duroxide::OrchestrationRegistry {
    ::duroxide_registry_macros::__private::registries::orchestrations(
        __duroxide_infos().orchestrations,
    )
}
#[doc(no_inline)]
pub use ::duroxide_registry_macros::inventory::{ActivityInfo, OrchestrationInfo};
/// Every orchestration listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_orchestrations() -> ::std::vec::Vec<OrchestrationInfo> {
    ::duroxide_registry_macros::__private::registries::orchestration_infos(
        __duroxide_infos(),
    )
}
/// Every activity listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
    ::duroxide_registry_macros::__private::registries::activity_infos(__duroxide_infos())
}
/// Name constants of everything listed in `registry!`, as the pattern's `names.rs` has them.
pub mod names {
    /// Orchestration names.
    pub mod orchestrations {
        ///The name of `orchestrations::provision_postgres_v2`.
        pub const PROVISION_POSTGRES: &str = {
            #[allow(unused_imports)]
            use ::duroxide_registry_macros::__private::NO_NAME as NAME;
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use super::super::orchestrations::provision_postgres_v2::*;
                NAME
            }
        };
    }
    /// Activity names.
    pub mod activities {
        ///The name of `activities::provision_vm`.
        pub const PROVISION_VM: &str = {
            #[allow(unused_imports)]
            use ::duroxide_registry_macros::__private::NO_NAME as NAME;
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use super::super::activities::provision_vm::*;
                NAME
            }
        };
        #[cfg(feature = "firewall")]
        ///The name of `activities::configure_firewall`.
        pub const CONFIGURE_FIREWALL: &str = {
            #[allow(unused_imports)]
            use ::duroxide_registry_macros::__private::NO_NAME as NAME;
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use super::super::activities::configure_firewall::*;
                NAME
            }
        };
    }
}
const _: () = {
    use ::duroxide_registry_macros::__private::checks;
    const TABLE: &::duroxide_registry_macros::__private::Lists = &__DUROXIDE_REGISTRY;
    const FINDINGS: &[checks::Finding] = &checks::findings::<
        3usize,
        3usize,
        { checks::slots(3usize) },
    >(
        TABLE,
        [
            checks::Checked::Row(true, 0usize),
            checks::Checked::Path(false, 1usize),
            checks::Checked::Path(false, 2usize),
        ],
        false,
    );
    const _: () = checks::report(FINDINGS[0usize]);
    const _: () = checks::report(FINDINGS[1usize]);
    #[cfg(feature = "firewall")]
    const _: () = checks::report(FINDINGS[2usize]);
};
