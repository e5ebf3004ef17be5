#![deny(warnings)]
//! The pattern's file-per-item layout, annotated where it stands: `activities/provision_vm.rs`
//! holds `pub async fn activity`, and `#[activity]` puts `NAME`, the types and the helpers beside
//! it, in that module. `flat` does the same for a function of any name.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

pub mod activities {
    /// `activities/provision_vm.rs`, as the pattern's document writes it.
    pub mod provision_vm {
        use duroxide::ActivityContext;
        use duroxide_registry_macros::activity;

        /// Provision a VM.
        #[activity("fleet", name = "provision-vm", idempotent)]
        pub async fn activity(_ctx: ActivityContext, input: String) -> Result<String, String> {
            Ok(format!("vm-{input}"))
        }
    }

    /// An activity whose function has a name of its own, in a file of its own.
    pub mod cms {
        pub mod create_instance_record {
            use duroxide::ActivityContext;
            use duroxide_registry_macros::activity;

            #[activity("fleet", flat, name = "cms-create-instance-record")]
            pub async fn create_record(_ctx: ActivityContext, input: u32) -> Result<u32, String> {
                Ok(input + 1)
            }
        }
    }
}

pub mod orchestrations {
    pub mod create_instance_1_0_5_orchestration {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        #[orchestration("fleet", flat, name = "create-instance", version = "1.0.5")]
        pub async fn create_instance_1_0_5_orchestration(
            ctx: OrchestrationContext,
            input: String,
        ) -> Result<String, String> {
            crate::activities::provision_vm::call(&ctx, &input).await
        }
    }
    // The re-export the pattern's layout uses: no module of the function's name is generated, so
    // nothing collides with it.
    pub use create_instance_1_0_5_orchestration::create_instance_1_0_5_orchestration;
}

// Module-form items still sit beside them.
#[activity("fleet")]
pub async fn notify_owner(_ctx: ActivityContext, input: String) -> Result<(), String> {
    let _ = input;
    Ok(())
}

#[orchestration("fleet", name = "delete-instance")]
pub async fn delete_instance(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    Ok(input)
}

registry! {
    names: names,
    orchestrations: [orchestrations::create_instance_1_0_5_orchestration as CREATE_INSTANCE, delete_instance],
    activities: [
        activities::provision_vm,
        activities::cms::create_instance_record,
        notify_owner,
    ],
}

fn main() {
    use activities::{cms, provision_vm};
    use orchestrations::create_instance_1_0_5_orchestration as v1_0_5;
    assert_eq!(provision_vm::NAME, "fleet::activity::provision-vm");
    assert!(provision_vm::IDEMPOTENT);
    assert_eq!(provision_vm::DESCRIPTION, "Provision a VM.");
    let _: fn(ActivityContext, provision_vm::Input) -> _ = provision_vm::activity;
    let _ = provision_vm::call;
    assert_eq!(cms::create_instance_record::NAME, "fleet::activity::cms-create-instance-record");
    // `flat` keeps the function's own name, and adds the pattern's `activity` beside it.
    let _ = cms::create_instance_record::create_record;
    let _ = cms::create_instance_record::activity;
    let _: cms::create_instance_record::Output = 1u32;
    assert_eq!(v1_0_5::NAME, "fleet::orchestration::create-instance");
    assert_eq!(v1_0_5::VERSION, "1.0.5");
    assert_eq!(v1_0_5::ACTIVITIES_USED, ["fleet::activity::provision-vm"]);
    let _ = v1_0_5::wait;
    // The re-exported function is the function.
    let _ = orchestrations::create_instance_1_0_5_orchestration;
    assert_eq!(names::orchestrations::CREATE_INSTANCE, v1_0_5::NAME);
    assert_eq!(names::activities::PROVISION_VM, provision_vm::NAME);
    assert_eq!(names::activities::CREATE_INSTANCE_RECORD, cms::create_instance_record::NAME);

    let orchestrations = create_orchestration_registry();
    assert_eq!(orchestrations.list_versions(v1_0_5::NAME).len(), 1);
    let activities = create_activity_registry();
    let mut registered = activities.list_names();
    registered.sort();
    assert_eq!(
        registered,
        [
            "fleet::activity::cms-create-instance-record",
            "fleet::activity::notify-owner",
            "fleet::activity::provision-vm",
        ]
    );
    assert_eq!(list_activities()[0].description, "Provision a VM.");
}
