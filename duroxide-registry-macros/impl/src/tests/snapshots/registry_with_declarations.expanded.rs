#[doc(hidden)]
const __DUROXIDE_REGISTRY: ::duroxide_registry_macros::__private::Lists = {
    #[allow(unused_imports)]
    use ::duroxide_registry_macros::__private::NOT_ANNOTATED as __FACTS;
    ::duroxide_registry_macros::__private::Lists {
        orchestrations: &[
            ::duroxide_registry_macros::__private::Row {
                path: 0usize,
                text: "orchestrations::deploy",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use orchestrations::deploy::*;
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
        ],
        by_hand: &[
            ::duroxide_registry_macros::__private::Row {
                path: 2usize,
                text: "legacy::create_instance",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use legacy::create_instance::*;
                    __FACTS
                },
            },
        ],
        external: &[
            ::duroxide_registry_macros::__private::Row {
                path: 3usize,
                text: "payments::charge_card",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use payments::charge_card::*;
                    __FACTS
                },
            },
        ],
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
                use orchestrations::deploy::*;
                __INFO
            },
        ],
        activities: &[
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use activities::provision_vm::*;
                __INFO
            },
        ],
        by_hand: &[
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use legacy::create_instance::*;
                __INFO
            },
        ],
        external: &[
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use payments::charge_card::*;
                __INFO
            },
        ],
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
/// Checks that `activities` and `orchestrations`, the registries this crate actually
/// builds (its generated ones merged with those it still writes by hand), hold every
/// item `registry!` lists under `by_hand`, each orchestration at its version. Call it in
/// a test: a hand-written registration that is removed, or never added, fails it.
///
/// # Errors
///
/// Each item the registries lack, in words.
pub fn verify_by_hand(
    activities: &::duroxide_registry_macros::__private::duroxide::runtime::registry::ActivityRegistry,
    orchestrations: &::duroxide_registry_macros::__private::duroxide::OrchestrationRegistry,
) -> ::core::result::Result<(), ::std::vec::Vec<::std::string::String>> {
    ::duroxide_registry_macros::__private::registries::verify(
        __duroxide_infos().by_hand,
        activities,
        orchestrations,
    )
}
const _: () = {
    use ::duroxide_registry_macros::__private::checks;
    const TABLE: &::duroxide_registry_macros::__private::Lists = &__DUROXIDE_REGISTRY;
    const FINDINGS: &[checks::Finding] = &checks::findings::<
        2usize,
        2usize,
        { checks::slots(2usize) },
    >(
        TABLE,
        [checks::Checked::Row(true, 0usize), checks::Checked::Row(false, 0usize)],
        false,
    );
    const _: () = checks::report(FINDINGS[0usize]);
    const _: () = checks::report(FINDINGS[1usize]);
    #[allow(unused_imports)]
    use ::duroxide_registry_macros::__private::NOT_ANNOTATED as __FACTS;
    const REFERENCE: u128 = checks::reference_prefix::<2usize>(TABLE);
    const _: () = checks::declared_entry(
        {
            #[allow(unused_imports, clippy::wildcard_imports)]
            use legacy::create_instance::*;
            __FACTS
        },
        true,
        REFERENCE,
        "legacy::create_instance",
    );
    const _: () = checks::declared_entry(
        {
            #[allow(unused_imports, clippy::wildcard_imports)]
            use payments::charge_card::*;
            __FACTS
        },
        false,
        REFERENCE,
        "payments::charge_card",
    );
};
