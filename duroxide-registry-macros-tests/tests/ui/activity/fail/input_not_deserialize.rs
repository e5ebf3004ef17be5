// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[derive(serde::Serialize)]
pub struct VmIn { pub name: String }

#[activity]
pub async fn provision_vm(_ctx: ActivityContext, input: VmIn) -> Result<String, String> { Ok(input.name) }

fn main() {}
