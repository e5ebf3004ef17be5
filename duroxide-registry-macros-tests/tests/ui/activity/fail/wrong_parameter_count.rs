// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[activity]
pub async fn provision_vm(input: String) -> Result<String, String> { Ok(input) }
#[orchestration]
pub async fn deploy(_ctx: OrchestrationContext, input: String, extra: u32) -> Result<String, String> { let _ = extra; Ok(input) }
#[activity]
pub async fn none() -> Result<String, String> { Ok(String::new()) }

fn main() {}
