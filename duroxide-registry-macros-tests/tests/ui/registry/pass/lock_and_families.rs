#![deny(warnings)]
//! A registry lock that pins every registered item (one line under a `cfg(...)` that does not
//! hold, carried over as it is), and a version family: three versions of one orchestration in
//! their own modules, sharing one `names` constant and one `NAME`, re-exported by the family.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

pub mod create_instance {
    pub mod v1_0_5 {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        #[orchestration("fleet", flat, name = "create-instance", version = "1.0.5")]
        pub async fn create_instance(_ctx: OrchestrationContext, input: u32) -> Result<u32, String> {
            Ok(input)
        }
    }
    pub mod v1_0_6 {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        #[orchestration("fleet", flat, name = "create-instance", version = "1.0.6")]
        pub async fn create_instance(_ctx: OrchestrationContext, input: u32) -> Result<u32, String> {
            Ok(input + 1)
        }
    }
    pub mod v1_0_7 {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        #[orchestration("fleet", flat, name = "create-instance", version = "1.0.7")]
        pub async fn create_instance(_ctx: OrchestrationContext, input: u32) -> Result<u32, String> {
            Ok(input + 2)
        }
    }
    /// The family's one name, for bodies and consumers: `registry!` checks that every version
    /// has it.
    pub use v1_0_7::NAME;
}

#[activity("fleet")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[cfg(any())]
#[activity("fleet")]
pub async fn publish_dns(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[orchestration("fleet")]
pub async fn unpinned(_ctx: OrchestrationContext, input: u32) -> Result<u32, String> {
    Ok(input)
}

registry! {
    lock: "locks/lock_and_families.lock",
    names: names,
    orchestrations: [
        create_instance::v1_0_7 as CREATE_INSTANCE,
        create_instance::v1_0_5 as CREATE_INSTANCE,
        create_instance::v1_0_6 as CREATE_INSTANCE,
        unpinned,
    ],
    activities: [provision_vm, #[cfg(any())] publish_dns],
}

fn main() {
    assert_eq!(names::orchestrations::CREATE_INSTANCE, "fleet::orchestration::create-instance");
    assert_eq!(create_instance::NAME, names::orchestrations::CREATE_INSTANCE);
    let versions: Vec<String> = create_orchestration_registry()
        .list_versions(create_instance::NAME)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(versions, ["1.0.5", "1.0.6", "1.0.7"]);
    // What the file should read: the pinned lines, the new `unpinned`, and the line of the
    // compiled-out entry carried over as the file has it.
    let expected = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/locks/lock_and_families.next"
    ))
    .unwrap();
    assert_eq!(registry_lock(), expected);
}
