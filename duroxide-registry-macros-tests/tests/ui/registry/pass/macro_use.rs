#![deny(warnings)]
//! `#[macro_use] extern crate duroxide_registry_macros;` at the crate root brings the three macros
//! into every module without a `use` line, as a real crate of 53 files did.

#[macro_use]
extern crate duroxide_registry_macros;

pub mod activities {
    use duroxide::ActivityContext;

    /// Provision a VM.
    #[activity(prefix = "fleet")]
    pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
        Ok(input)
    }
}

pub mod orchestrations {
    use duroxide::OrchestrationContext;

    /// Deploy.
    #[orchestration(prefix = "fleet")]
    pub async fn deploy(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        crate::activities::provision_vm::call(&ctx, &input).await
    }
}

pub mod registry {
    registry! {
        names: names,
        orchestrations: [crate::orchestrations::deploy],
        activities: [crate::activities::provision_vm],
    }
}

fn main() {
    assert_eq!(activities::provision_vm::NAME, "fleet::activity::provision-vm");
    assert_eq!(orchestrations::deploy::ACTIVITIES_USED, ["fleet::activity::provision-vm"]);
    assert_eq!(registry::names::orchestrations::DEPLOY, "fleet::orchestration::deploy");
    let orchestrations = registry::create_orchestration_registry();
    assert!(orchestrations.has("fleet::orchestration::deploy"));
    let activities = registry::create_activity_registry();
    assert!(activities.has("fleet::activity::provision-vm"));
    assert_eq!(registry::list_activities()[0].name, "fleet::activity::provision-vm");
}
