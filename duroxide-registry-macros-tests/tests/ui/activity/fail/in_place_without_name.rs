// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration};

pub mod provision_vm {
    use duroxide::ActivityContext;
    use duroxide_registry_macros::activity;

    // In place, as the pattern's `activities/provision_vm.rs` has it: `activity` says nothing
    // about the wire name.
    #[activity("fleet")]
    pub async fn activity(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
}

pub mod create_instance_1_0_5_orchestration {
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::orchestration;

    #[orchestration("fleet", flat, version = "1.0.5")]
    pub async fn create_instance_1_0_5_orchestration(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }
}

fn main() {}
