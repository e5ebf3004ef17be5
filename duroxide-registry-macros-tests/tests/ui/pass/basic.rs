#![deny(warnings)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VmIn {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VmOut {
    pub id: String,
}

pub mod activities {
    use super::*;

    /// Provision an Azure VM.
    ///
    /// More details.
    #[activity(idempotent)]
    pub async fn provision_vm(_ctx: ActivityContext, input: VmIn) -> Result<VmOut, String> {
        Ok(VmOut { id: format!("vm-{}", input.name) })
    }
}

pub mod orchestrations {
    use super::*;

    /// Provision things.
    #[orchestration(name = "provision")]
    pub async fn provision_orchestration(ctx: OrchestrationContext, input: VmIn) -> Result<VmOut, String> {
        crate::activities::provision_vm::call(&ctx, &input).await
    }

    /// Provision things, v2.
    #[orchestration(name = "provision", version = "2.0.0")]
    pub async fn provision_v2(ctx: OrchestrationContext, input: VmIn) -> Result<VmOut, String> {
        crate::activities::provision_vm::call(&ctx, &input).await
    }
}

registry! {
    names: names,
    orchestrations: [orchestrations::provision_v2 as PROVISION_V2, orchestrations::provision_orchestration as PROVISION],
    activities: [activities::provision_vm],
}

fn main() {
    assert_eq!(
        activities::provision_vm::NAME,
        "duroxide-registry-macros-tests::activity::provision-vm"
    );
    let _ = create_activity_registry();
    let _ = create_orchestration_registry();
    println!("{:?}", list_orchestrations());
    println!("{:?}", list_activities());
    assert_eq!(names::orchestrations::PROVISION, orchestrations::provision_orchestration::NAME);
}
