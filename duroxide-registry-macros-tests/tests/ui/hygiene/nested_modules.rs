#![deny(warnings)]
//! Items in nested modules: `pub`, `pub(crate)`, `pub(super)` and `pub(in path)` functions,
//! private modules, and `registry!` invoked in a parent module (not the crate root), reaching
//! its items through relative, `self::`, `super::` and `crate::` paths. A second `registry!`
//! lives in another module of the same crate.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

pub mod cloud {
    use super::{ActivityContext, OrchestrationContext, activity, orchestration, registry};

    // A private module, reachable from `cloud` only.
    mod compute {
        use super::{ActivityContext, activity};

        pub(crate) mod vm {
            use super::{ActivityContext, activity};

            /// Starts a VM.
            #[activity("cloud")]
            pub(crate) async fn start(_ctx: ActivityContext, id: u32) -> Result<u32, String> {
                Ok(id)
            }

            /// Stops a VM.
            #[activity("cloud")]
            pub(in crate::cloud) async fn stop(
                _ctx: ActivityContext,
                id: u32,
            ) -> Result<u32, String> {
                Ok(id)
            }
        }

        /// Resizes a disk.
        #[activity("cloud")]
        pub(super) async fn resize_disk(_ctx: ActivityContext, size: u64) -> Result<u64, String> {
            Ok(size * 2)
        }

        /// A raw identifier as the function name.
        #[activity("cloud")]
        pub async fn r#type(_ctx: ActivityContext, text: String) -> Result<String, String> {
            Ok(text)
        }
    }

    pub(crate) mod flows {
        use super::{OrchestrationContext, orchestration};

        /// Starts and resizes.
        #[orchestration("cloud")]
        pub(crate) async fn bring_up(ctx: OrchestrationContext, id: u32) -> Result<u64, String> {
            let id = super::compute::vm::start::call(&ctx, &id).await?;
            let _ = crate::cloud::compute::vm::stop::call(&ctx, &id).await?;
            super::compute::resize_disk::call(&ctx, &u64::from(id)).await
        }
    }

    registry! {
        names: names,
        orchestrations: [self::flows::bring_up],
        activities: [
            compute::vm::start,
            self::compute::vm::stop,
            crate::cloud::compute::resize_disk,
            compute::r#type,
        ],
    }

    pub mod inner {
        use super::{ActivityContext, activity, registry};

        mod leaf {
            use super::{ActivityContext, activity};

            /// Deep down.
            #[activity("cloud")]
            pub(super) async fn deep(_ctx: ActivityContext, n: i8) -> Result<i8, String> {
                Ok(-n)
            }
        }

        // A second registry in the same crate, reaching up with `super::`.
        registry! {
            names: names,
            activities: [leaf::deep, super::compute::resize_disk as RESIZE],
        }
    }

    /// Checks, from inside the module tree, what the registries generated.
    ///
    /// # Panics
    ///
    /// When a generated value is not the expected one.
    pub fn check() {
        assert_eq!(compute::vm::start::NAME, "cloud::activity::start");
        assert_eq!(compute::vm::stop::NAME, "cloud::activity::stop");
        assert_eq!(compute::resize_disk::NAME, "cloud::activity::resize-disk");
        assert_eq!(compute::r#type::NAME, "cloud::activity::type");
        assert_eq!(flows::bring_up::NAME, "cloud::orchestration::bring-up");
        assert_eq!(
            flows::bring_up::ACTIVITIES_USED,
            [
                compute::vm::start::NAME,
                compute::vm::stop::NAME,
                compute::resize_disk::NAME
            ]
        );
        assert_eq!(names::activities::START, compute::vm::start::NAME);
        assert_eq!(names::activities::STOP, compute::vm::stop::NAME);
        assert_eq!(names::activities::RESIZE_DISK, compute::resize_disk::NAME);
        assert_eq!(names::activities::TYPE, compute::r#type::NAME);
        assert_eq!(names::orchestrations::BRING_UP, flows::bring_up::NAME);
        assert_eq!(inner::names::activities::DEEP, "cloud::activity::deep");
        assert_eq!(inner::names::activities::RESIZE, compute::resize_disk::NAME);
    }
}

fn main() {
    cloud::check();

    let activities = cloud::create_activity_registry();
    assert_eq!(activities.count(), 4);
    for name in [
        cloud::names::activities::START,
        cloud::names::activities::STOP,
        cloud::names::activities::RESIZE_DISK,
        cloud::names::activities::TYPE,
    ] {
        assert!(activities.has(name), "{name} is not registered");
    }
    let orchestrations = cloud::create_orchestration_registry();
    assert_eq!(orchestrations.count(), 1);
    assert!(orchestrations.has(cloud::names::orchestrations::BRING_UP));

    let listed: Vec<&str> = cloud::list_activities().iter().map(|a| a.name).collect();
    assert_eq!(
        listed,
        [
            "cloud::activity::start",
            "cloud::activity::stop",
            "cloud::activity::resize-disk",
            "cloud::activity::type",
        ]
    );
    assert_eq!(cloud::list_orchestrations()[0].activities_used.len(), 3);

    let inner = cloud::inner::create_activity_registry();
    assert_eq!(inner.count(), 2);
    assert!(inner.has("cloud::activity::deep"));
    assert!(inner.has(cloud::names::activities::RESIZE_DISK));
    assert!(cloud::inner::create_orchestration_registry().count() == 0);
    assert!(cloud::inner::list_orchestrations().is_empty());
    assert_eq!(cloud::inner::list_activities()[0].output_type, "i8");
}
