#![deny(warnings)]
//! Everything on the context is replay-safe, and the guard stays quiet about it: time, ids,
//! timers, waits, joins, selects, custom status, key-value state, sub-orchestrations and
//! activities, in the body, in closures and in `async` blocks.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration};
use std::time::Duration;

#[activity("fleet")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[orchestration("fleet")]
pub async fn child(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[orchestration("fleet")]
pub async fn create_image(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let now = ctx.utc_now().await?;
    let id = ctx.new_guid().await?;
    ctx.trace_info(format!("{id} at {now:?}"));
    ctx.set_custom_status("provisioning");
    ctx.set_kv_value("step", "1");
    let step = ctx.get_kv_value("step").unwrap_or_default();
    let timer = ctx.schedule_timer(Duration::from_secs(1));
    let approval = ctx.schedule_wait("approval");
    let _ = ctx.select2(timer, approval).await;
    let vms = ctx
        .join(vec![provision_vm::call(&ctx, &input), provision_vm::call(&ctx, &step)])
        .await;
    let first = vms.into_iter().next().unwrap_or_else(|| Ok(String::new()))?;
    let later = async { ctx.schedule_timer(Duration::from_millis(1)).await };
    later.await;
    let sub = child::call(&ctx, &first).await?;
    let raw = ctx.schedule_activity("fleet::activity::provision-vm", sub).await?;
    Ok(raw)
}

fn main() {
    assert_eq!(
        create_image::ACTIVITIES_USED,
        ["fleet::activity::provision-vm", "fleet::orchestration::child"]
    );
}
