// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

mod steps {
    use duroxide::OrchestrationContext;

    /// A helper of the crate's own, named and called like a companion's helper.
    pub async fn call(ctx: &OrchestrationContext, step: &str) -> Result<String, String> {
        ctx.trace_info(step);
        Ok(step.to_owned())
    }
}

#[orchestration]
pub async fn deploy(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    steps::call(&ctx, &input).await
}

fn main() {}
