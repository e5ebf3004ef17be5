#![deny(warnings)]
//! An old version kept only so that its in-flight instances can replay must stay byte for byte
//! as it ran, clock and all: `allow_nondeterminism` turns the guard off for it, with the reason.
//! The new version is deterministic.

use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

#[orchestration(
    "fleet",
    name = "create-image",
    version = "1.0.0",
    allow_nondeterminism = "1.0.0 must replay exactly as it ran; new instances start 1.0.2"
)]
pub async fn create_image_1_0_0(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let started = std::time::Instant::now();
    Ok(format!("{input} in {:?}", started.elapsed()))
}

#[orchestration("fleet", name = "create-image", version = "1.0.2")]
pub async fn create_image_1_0_2(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let started = ctx.utc_now().await?;
    Ok(format!("{input} at {started:?}"))
}

fn main() {
    assert_eq!(create_image_1_0_0::VERSION, "1.0.0");
    assert_eq!(create_image_1_0_2::NAME, create_image_1_0_0::NAME);
}
