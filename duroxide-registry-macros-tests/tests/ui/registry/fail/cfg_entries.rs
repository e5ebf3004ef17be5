// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[activity(name = "provision-vm")]
pub async fn a(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
#[activity(name = "provision-vm")]
pub async fn b(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
#[activity]
pub async fn distinct(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
#[orchestration]
pub async fn deploy(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

// With `#[cfg]` on entries, rows can no longer be numbered while expanding: the entry removed
// here shifts every row after it. Each problem is still reported at its own entry.
registry! {
    activities: [
        #[cfg(any())] missing,
        a,
        #[cfg(all())] distinct,
        b,
        deploy,
    ],
}

fn main() {}
