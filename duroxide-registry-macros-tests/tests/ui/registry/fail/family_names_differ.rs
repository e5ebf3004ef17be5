// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::OrchestrationContext;
use duroxide_registry_macros::{orchestration, registry};

#[orchestration("fleet", name = "create-instance", version = "1.0.5")]
pub async fn create_instance_v1_0_5(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

// A typo in one version's repeated name would register a separate orchestration.
#[orchestration("fleet", name = "create-instnace", version = "1.0.6")]
pub async fn create_instance_v1_0_6(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

registry! {
    names: names,
    orchestrations: [
        create_instance_v1_0_5 as CREATE_INSTANCE,
        create_instance_v1_0_6 as CREATE_INSTANCE,
    ],
}

fn main() {}
