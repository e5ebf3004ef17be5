// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;
use std::time::Instant;

// Version 1.0.0 of a real image-creation orchestration shipped both of these.
#[orchestration("fleet")]
pub async fn create_image(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let started = std::time::SystemTime::now(); // fully qualified
    let elapsed = || Instant::now(); // imported, and inside a closure
    Ok(format!("{input} {started:?} {:?}", elapsed()))
}

fn main() {}
