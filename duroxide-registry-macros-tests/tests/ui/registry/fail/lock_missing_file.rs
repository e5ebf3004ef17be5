// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

#[activity("fleet")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

registry! {
    lock: "locks/no_such.lock",
    activities: [provision_vm],
}

fn main() {}
