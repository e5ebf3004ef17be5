use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration};

#[activity]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[orchestration(crate_prefix)]
pub async fn deploy(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    Ok(input)
}

fn main() {}
