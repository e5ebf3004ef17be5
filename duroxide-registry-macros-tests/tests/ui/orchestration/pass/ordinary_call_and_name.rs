#![deny(warnings)]
//! Ordinary functions and constants that happen to be called `call` or `NAME` are not
//! companions: they never enter `ACTIVITIES_USED`, and never change what compiles. Only
//! companion-shaped uses count: a helper called with the context first, and a `NAME` given to a
//! `ctx.schedule_*` call.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration};

mod retry {
    /// Not a companion helper: its first argument is not the context.
    pub fn call(attempts: u32) -> u32 {
        attempts * 2
    }
}

mod limits {
    /// Not a companion's name: it is never scheduled.
    pub const NAME: &str = "limits";
}

#[activity("fleet")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[activity("fleet")]
pub async fn legacy(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[orchestration("fleet")]
pub async fn deploy(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let attempts = retry::call(1);
    ctx.trace_info(format!("{} {attempts}", limits::NAME));
    let vm = provision_vm::call(&ctx, &input).await?;
    let raw: String = ctx.schedule_activity_typed::<String, String>(legacy::NAME, &vm).await?;
    Ok(raw)
}

fn main() {
    assert_eq!(
        deploy::ACTIVITIES_USED,
        ["fleet::activity::provision-vm", "fleet::activity::legacy"]
    );
}
