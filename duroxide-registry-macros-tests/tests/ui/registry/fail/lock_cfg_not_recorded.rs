// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

#[activity("fleet")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[cfg(any())]
#[activity("fleet")]
pub async fn publish_dns(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

// `publish_dns` is compiled out in this build, but its lock line does not say that it depends
// on a `cfg`: the lock cannot be checked, and the message says how to record the condition.
registry! {
    lock: "locks/lock_cfg_not_recorded.lock",
    activities: [provision_vm, #[cfg(any())] publish_dns],
}

fn main() {}
