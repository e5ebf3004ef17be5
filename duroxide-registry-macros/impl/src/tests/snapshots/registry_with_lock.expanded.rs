#[doc(hidden)]
const __DUROXIDE_REGISTRY: ::duroxide_registry_macros::__private::Lists = {
    #[allow(unused_imports)]
    use ::duroxide_registry_macros::__private::NOT_ANNOTATED as __FACTS;
    ::duroxide_registry_macros::__private::Lists {
        orchestrations: &[
            ::duroxide_registry_macros::__private::Row {
                path: 0usize,
                text: "create_instance::v1_0_5",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use create_instance::v1_0_5::*;
                    __FACTS
                },
            },
            ::duroxide_registry_macros::__private::Row {
                path: 1usize,
                text: "create_instance::v1_0_6",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use create_instance::v1_0_6::*;
                    __FACTS
                },
            },
        ],
        activities: &[
            ::duroxide_registry_macros::__private::Row {
                path: 2usize,
                text: "activities::provision_vm",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use activities::provision_vm::*;
                    __FACTS
                },
            },
            #[cfg(feature = "dns")]
            ::duroxide_registry_macros::__private::Row {
                path: 3usize,
                text: "activities::publish_dns",
                facts: {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use activities::publish_dns::*;
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
                use create_instance::v1_0_5::*;
                __INFO
            },
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use create_instance::v1_0_6::*;
                __INFO
            },
        ],
        activities: &[
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use activities::provision_vm::*;
                __INFO
            },
            #[cfg(feature = "dns")]
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use activities::publish_dns::*;
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
        ///The name of `create_instance::v1_0_5`, `create_instance::v1_0_6`, versions of one orchestration.
        pub const CREATE_INSTANCE: &str = {
            #[allow(unused_imports)]
            use ::duroxide_registry_macros::__private::NO_NAME as NAME;
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use super::super::create_instance::v1_0_5::*;
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
        #[cfg(feature = "dns")]
        ///The name of `activities::publish_dns`.
        pub const PUBLISH_DNS: &str = {
            #[allow(unused_imports)]
            use ::duroxide_registry_macros::__private::NO_NAME as NAME;
            {
                #[allow(unused_imports, clippy::wildcard_imports)]
                use super::super::activities::publish_dns::*;
                NAME
            }
        };
    }
}
/// The registry lock of the registries above: one line per registered item, sorted, as
/// the file named by `registry!`'s `lock` should read. Compare it with the file in a
/// test, and write it there when it has grown; see `docs/reference.md`.
#[must_use]
pub fn registry_lock() -> ::std::string::String {
    const _: &str = ::core::include_str!(
        "$CARGO_MANIFEST_DIR/src/tests/snapshots/registry.lock"
    );
    ::duroxide_registry_macros::__private::lock::text(
        __duroxide_infos(),
        [&["", ""], &["", #[cfg(feature = "dns")] "cfg(feature = \"dns\")"], &[]],
        &[
            #[cfg(not(feature = "dns"))]
            ::duroxide_registry_macros::__private::lock::Line {
                kind: ::duroxide_registry_macros::__private::lock::Pinned::Activity,
                name: "duroxide-registry-macros::activity::publish-dns",
                version_key: b"\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF",
                version: "",
                wire: "",
                condition: "cfg(feature = \"dns\")",
            },
        ],
    )
}
/// Replays recorded execution histories against this crate's orchestrations, to prove
/// that an upgrade does not strand an instance in flight; see `docs/upgrading.md`.
///
/// [`capture`] records the histories of an instance (and of its sub-orchestrations) as
/// JSON; [`check`] replays such a file, or a bare list of events as
/// `Client::read_execution_history` returns them, against the registry above.
pub mod replay {
    #[doc(no_inline)]
    pub use ::duroxide_registry_macros::replay::{
        capture, Divergence, Error, Execution, Replayed, Report,
    };
    /// Replays recorded histories against this crate's orchestrations; see
    /// `duroxide_registry_macros::replay::check`.
    ///
    /// # Errors
    ///
    /// The first execution that does not replay, or a malformed file.
    pub fn check(json: &str) -> ::core::result::Result<Report, Error> {
        ::duroxide_registry_macros::replay::check(
            json,
            &super::create_orchestration_registry(),
        )
    }
}
const _: () = {
    use ::duroxide_registry_macros::__private::checks;
    const TABLE: &::duroxide_registry_macros::__private::Lists = &__DUROXIDE_REGISTRY;
    const FINDINGS: &[checks::Finding] = &checks::findings::<
        4usize,
        4usize,
        { checks::slots(4usize) },
    >(
        TABLE,
        [
            checks::Checked::Row(true, 0usize),
            checks::Checked::Row(true, 1usize),
            checks::Checked::Path(false, 2usize),
            checks::Checked::Path(false, 3usize),
        ],
        false,
    );
    const _: () = checks::report(FINDINGS[0usize]);
    const _: () = checks::report(FINDINGS[1usize]);
    const _: () = checks::report(FINDINGS[2usize]);
    #[cfg(feature = "dns")]
    const _: () = checks::report(FINDINGS[3usize]);
    use ::duroxide_registry_macros::__private::lock;
    #[allow(unused_imports)]
    use ::duroxide_registry_macros::__private::NO_INTERFACE as __INTERFACE;
    const INTERFACES: &[&[u128]] = &[
        {
            #[allow(unused_imports, clippy::wildcard_imports)]
            use create_instance::v1_0_5::*;
            __INTERFACE
        },
        {
            #[allow(unused_imports, clippy::wildcard_imports)]
            use create_instance::v1_0_6::*;
            __INTERFACE
        },
    ];
    const PINNED: usize = 4usize + lock::count(INTERFACES);
    const REGISTERED: &lock::Registered<{ checks::slots(PINNED) }> = &lock::registered(
        TABLE,
        INTERFACES,
    );
    const _: () = lock::locked(
        REGISTERED,
        148097649956677154380308259318295567752u128,
        false,
        false,
        "src/tests/snapshots/registry.lock:2 pins the activity `duroxide-registry-macros::activity::provision-vm`, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an activity entry with exactly this NAME), or delete the line once no instance can still be running it. If its entry is under `#[cfg]`, the line must say so at its end, like `cfg(feature = \"x\")`: `registry_lock()` writes it",
    );
    #[cfg(feature = "dns")]
    const _: () = lock::locked(
        REGISTERED,
        316090257308881661061663682974786544744u128,
        false,
        false,
        "src/tests/snapshots/registry.lock:3 pins the activity `duroxide-registry-macros::activity::publish-dns`, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an activity entry with exactly this NAME), or delete the line once no instance can still be running it (the line is checked because `cfg(feature = \"dns\")` holds in this build)",
    );
    const _: () = lock::locked(
        REGISTERED,
        237957964078596509205167672054732268593u128,
        true,
        false,
        "src/tests/snapshots/registry.lock:4 pins the orchestration `duroxide-registry-macros::orchestration::create-instance` at version 1.0.5, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an orchestration entry with exactly this NAME and VERSION), or delete the line once no instance can still be running it. If its entry is under `#[cfg]`, the line must say so at its end, like `cfg(feature = \"x\")`: `registry_lock()` writes it",
    );
    const _: () = {
        #[allow(unused_imports)]
        use ::duroxide_registry_macros::__private::NO_NAME as NAME;
        checks::same_name(
            TABLE,
            1usize,
            0usize,
            [
                {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use create_instance::v1_0_6::*;
                    NAME
                },
                {
                    #[allow(unused_imports, clippy::wildcard_imports)]
                    use create_instance::v1_0_5::*;
                    NAME
                },
            ],
            ["create_instance::v1_0_6", "CREATE_INSTANCE", "create_instance::v1_0_5"],
        )
    };
};
