// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

/// The event `InstanceDeleted` was renamed `instance-deleted`, and the queue `commands` removed:
/// instances of 1.0.0 waiting on them could no longer be reached.
#[orchestration("fleet", version = "1.0.0", events(deleted = String as "instance-deleted"), kv(progress = u32))]
pub async fn deploy(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

registry! {
    lock: "locks/lock_removed_event.lock",
    orchestrations: [deploy],
}

fn main() {}
