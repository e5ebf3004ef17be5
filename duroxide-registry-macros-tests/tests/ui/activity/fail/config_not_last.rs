// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

use std::sync::Arc;
#[activity]
pub async fn provision_vm(_ctx: ActivityContext, #[config] input: Arc<String>) -> Result<String, String> { Ok(input.to_string()) }

fn main() {}
