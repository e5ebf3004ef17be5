// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

// `provision-vm` was renamed `provision-machine`, and version 1.0.0 of `deploy` was deleted:
// both are still pinned by the lock, since instances may still run them.
#[activity("fleet", name = "provision-machine")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[orchestration("fleet", version = "2.0.0")]
pub async fn deploy(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

registry! {
    lock: "locks/lock_removed_item.lock",
    orchestrations: [deploy],
    activities: [provision_vm],
}

fn main() {}
