#![deny(warnings)]
//! `crate = "..."` (attributes) and `crate: ...` (registry!): a crate that re-exports
//! duroxide-registry-macros under a path of its own points the generated code there.

/// An SDK that bundles the macros under its own name.
pub mod sdk {
    pub use ::duroxide_registry_macros as registry_macros;
}

use sdk::registry_macros::{activity, orchestration, registry};

pub mod activities {
    use super::activity;
    use duroxide::ActivityContext;

    /// Provision a VM.
    #[activity(prefix = "fleet", crate = "crate::sdk::registry_macros", idempotent)]
    pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
        Ok(input)
    }
}

pub mod orchestrations {
    use super::orchestration;
    use duroxide::OrchestrationContext;

    /// Deploy.
    #[orchestration(prefix = "fleet", version = "2.0.0", crate = "crate::sdk::registry_macros")]
    pub async fn deploy(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        crate::activities::provision_vm::call(&ctx, &input).await
    }
}

registry! {
    crate: crate::sdk::registry_macros,
    names: names,
    orchestrations: [orchestrations::deploy],
    activities: [activities::provision_vm],
}

fn main() {
    assert_eq!(activities::provision_vm::NAME, "fleet::activity::provision-vm");
    assert!(activities::provision_vm::IDEMPOTENT);
    assert_eq!(orchestrations::deploy::VERSION, "2.0.0");
    assert_eq!(names::orchestrations::DEPLOY, "fleet::orchestration::deploy");
    assert!(create_orchestration_registry().has("fleet::orchestration::deploy"));
    assert!(create_activity_registry().has("fleet::activity::provision-vm"));
    let inventory: Vec<sdk::registry_macros::inventory::OrchestrationInfo> = list_orchestrations();
    assert_eq!(inventory[0].version, "2.0.0");
    assert_eq!(inventory[0].activities_used, ["fleet::activity::provision-vm"]);
}
