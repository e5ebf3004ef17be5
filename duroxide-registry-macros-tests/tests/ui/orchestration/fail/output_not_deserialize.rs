// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[derive(serde::Serialize)]
pub struct Out { pub id: String }

#[orchestration]
pub async fn deploy(_ctx: OrchestrationContext, input: String) -> Result<Out, String> { Ok(Out { id: input }) }

fn main() {}
