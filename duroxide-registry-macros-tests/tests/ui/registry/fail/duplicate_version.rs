// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[orchestration(name = "deploy", version = "2.0.0")]
pub async fn deploy_v2(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }
#[orchestration(name = "deploy", version = "2.0.0")]
pub async fn deploy_v2_again(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }
#[orchestration]
pub async fn deploy_v1(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }
#[orchestration(name = "deploy", version = "1.0.0")]
pub async fn deploy_v1_explicit(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

registry! {
    orchestrations: [deploy_v2, deploy_v2_again, deploy_v1, deploy_v1_explicit],
}

fn main() {}
