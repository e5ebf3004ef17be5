//! A mock whose closure takes another activity's input: the error is at the closure, with the
//! input the activity takes and the one the mock takes.

mod library {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration, registry};
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    pub struct VmRequest {
        pub name: String,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Vm {
        pub id: String,
    }

    #[derive(Serialize, Deserialize)]
    pub struct FirewallRules {
        pub ports: Vec<u16>,
    }

    /// Provisions a VM.
    #[activity(prefix = "ui")]
    pub async fn provision_vm(_ctx: ActivityContext, input: VmRequest) -> Result<Vm, String> {
        Ok(Vm { id: input.name })
    }

    /// Opens ports.
    #[activity(prefix = "ui")]
    pub async fn open_ports(_ctx: ActivityContext, input: FirewallRules) -> Result<usize, String> {
        Ok(input.ports.len())
    }

    /// Provisions a VM and opens its SSH port.
    #[orchestration(prefix = "ui")]
    pub async fn provision(ctx: OrchestrationContext, input: VmRequest) -> Result<Vm, String> {
        let vm = provision_vm::call(&ctx, &input).await?;
        open_ports::call(&ctx, &FirewallRules { ports: vec![22] }).await?;
        Ok(vm)
    }

    registry! {
        orchestrations: [provision],
        activities: [provision_vm, open_ports],
    }
}

use duroxide_registry_macros::testing::{activity, Harness};
use library::*;

fn main() {
    let _harness = Harness::new(create_orchestration_registry(), create_activity_registry())
        // The mock meant for `open_ports`, given to `provision_vm`.
        .mock(activity!(provision_vm), |rules: FirewallRules| Ok(rules.ports.len()));
}
