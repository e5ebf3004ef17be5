// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

use std::sync::Arc;

pub struct AzureConfig;

#[activity]
pub async fn provision_vm(_ctx: ActivityContext, input: String, #[config] config: Arc<AzureConfig>) -> Result<String, String> { let _ = config; Ok(input) }

registry! {
    config: AzureConfig,
    activities: [provision_vm],
}

fn main() {
    // Without a `Default`, the registry compiles; only the function that needs one does not.
    let _ = create_activity_registry();
}
