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
#[activity(name = "provision-vm")]
pub async fn c(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

// Every repeat is reported, not only the first.
registry! {
    activities: [a, b, distinct, c],
}

fn main() {}
