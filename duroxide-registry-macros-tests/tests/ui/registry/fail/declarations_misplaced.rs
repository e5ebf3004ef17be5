// A declaration is implemented elsewhere, so it cannot be registered; `by_hand` and `external`
// list declarations only, and `by_hand` only this crate's own.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

#[activity(prefix = "fleet", name = "provision-vm")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(prefix = "fleet", name = "create-instance")]
pub async fn create_instance(ctx: ActivityContext, input: String) -> Result<String, String>;

#[activity(prefix = "fleet", name = "resize-disk")]
pub async fn resize_disk(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(prefix = "payments-worker", name = "charge-card")]
pub async fn charge_card(ctx: ActivityContext, input: String) -> Result<String, String>;

#[activity(prefix = "payments-worker", name = "refund")]
pub async fn refund(ctx: ActivityContext, input: String) -> Result<String, String>;

registry! {
    activities: [provision_vm, charge_card],
    by_hand: [create_instance, refund],
    external: [resize_disk],
}

fn main() {}
