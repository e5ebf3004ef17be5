#[doc(hidden)]
const __DUROXIDE_REGISTRY: ::duroxide_registry_macros::__private::Lists = {
    #[allow(unused_imports)]
    use ::duroxide_registry_macros::__private::NotAnnotated as __Companion;
    ::duroxide_registry_macros::__private::Lists {
        orchestrations: &[
            ::duroxide_registry_macros::__private::Row {
                path: 0usize,
                text: "orchestrations::provision_postgres_v2",
                entry: {
                    #[allow(unused_imports)]
                    use orchestrations::provision_postgres_v2::*;
                    <__Companion as ::duroxide_registry_macros::__private::Companion>::ENTRY
                },
            },
        ],
        activities: &[
            ::duroxide_registry_macros::__private::Row {
                path: 1usize,
                text: "activities::provision_vm",
                entry: {
                    #[allow(unused_imports)]
                    use activities::provision_vm::*;
                    <__Companion as ::duroxide_registry_macros::__private::Companion>::ENTRY
                },
            },
            #[cfg(feature = "firewall")]
            ::duroxide_registry_macros::__private::Row {
                path: 2usize,
                text: "activities::configure_firewall",
                entry: {
                    #[allow(unused_imports)]
                    use activities::configure_firewall::*;
                    <__Companion as ::duroxide_registry_macros::__private::Companion>::ENTRY
                },
            },
        ],
    }
};
/// Creates an `ActivityRegistry` holding every activity listed in `registry!`.
///
/// Consumers can merge it into their own registry with `.merge()`.
#[must_use]
pub fn create_activity_registry() -> ::duroxide_registry_macros::__private::duroxide::runtime::registry::ActivityRegistry {
    ::duroxide_registry_macros::__private::registries::activities(&__DUROXIDE_REGISTRY)
        .build()
}
/// Creates an `OrchestrationRegistry` holding every orchestration listed in `registry!`.
///
/// Versions of one orchestration are registered in ascending order, whatever the order
/// of the list. Consumers can merge it into their own registry with `.merge()`.
#[must_use]
pub fn create_orchestration_registry() -> ::duroxide_registry_macros::__private::duroxide::OrchestrationRegistry {
    const ORDER: [usize; __DUROXIDE_REGISTRY.orchestrations.len()] = ::duroxide_registry_macros::__private::checks::version_order(
        __DUROXIDE_REGISTRY.orchestrations,
    );
    ::duroxide_registry_macros::__private::registries::orchestrations(
        &__DUROXIDE_REGISTRY,
        &ORDER,
    )
}
#[doc(no_inline)]
pub use ::duroxide_registry_macros::inventory::{ActivityInfo, OrchestrationInfo};
/// Every orchestration listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_orchestrations() -> ::std::vec::Vec<OrchestrationInfo> {
    ::duroxide_registry_macros::__private::registries::orchestration_infos(
        &__DUROXIDE_REGISTRY,
    )
}
/// Every activity listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
    ::duroxide_registry_macros::__private::registries::activity_infos(
        &__DUROXIDE_REGISTRY,
    )
}
/// Name constants of everything listed in `registry!`, as the pattern's `names.rs` has them.
pub mod names {
    /// Orchestration names.
    pub mod orchestrations {
        ///The name of `orchestrations::provision_postgres_v2`.
        pub const PROVISION_POSTGRES: &str = super::super::__DUROXIDE_REGISTRY
            .entry(true, 0usize)
            .name;
    }
    /// Activity names.
    pub mod activities {
        ///The name of `activities::provision_vm`.
        pub const PROVISION_VM: &str = super::super::__DUROXIDE_REGISTRY
            .entry(false, super::super::__DUROXIDE_REGISTRY.row_of(false, 1usize))
            .name;
        #[cfg(feature = "firewall")]
        ///The name of `activities::configure_firewall`.
        pub const CONFIGURE_FIREWALL: &str = super::super::__DUROXIDE_REGISTRY
            .entry(false, super::super::__DUROXIDE_REGISTRY.row_of(false, 2usize))
            .name;
    }
}
const _: () = {
    use ::duroxide_registry_macros::__private::checks;
    const REFERENCE: u128 = checks::reference_prefix::<3usize>(&__DUROXIDE_REGISTRY);
    const ORCHESTRATIONS: [checks::Problem; __DUROXIDE_REGISTRY.orchestrations.len()] = checks::problems::<
        { __DUROXIDE_REGISTRY.orchestrations.len() },
        { checks::slots(1usize) },
    >(&__DUROXIDE_REGISTRY, true, REFERENCE, false);
    const ACTIVITIES: [checks::Problem; __DUROXIDE_REGISTRY.activities.len()] = checks::problems::<
        { __DUROXIDE_REGISTRY.activities.len() },
        { checks::slots(2usize) },
    >(&__DUROXIDE_REGISTRY, false, REFERENCE, false);
    const REPORT: checks::Report = checks::Report {
        lists: &__DUROXIDE_REGISTRY,
        orchestrations: &ORCHESTRATIONS,
        activities: &ACTIVITIES,
        entries: &[
            checks::Checked::Row(true, 0usize),
            checks::Checked::Path(false, 1usize),
            checks::Checked::Path(false, 2usize),
        ],
    };
    const _: () = checks::check(&REPORT, 0usize);
    const _: () = checks::check(&REPORT, 1usize);
    #[cfg(feature = "firewall")]
    const _: () = checks::check(&REPORT, 2usize);
};
