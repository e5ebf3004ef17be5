// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

#[orchestration("fleet", version = "1.0.0", allow_nondeterminism = "  ")]
pub async fn create_image(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    Ok(format!("{input} {:?}", std::time::Instant::now()))
}

fn main() {}
