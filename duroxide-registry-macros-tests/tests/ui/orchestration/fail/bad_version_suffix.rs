// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[orchestration(name = "provision-postgres@2")]
pub async fn provision_postgres(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

fn main() {}
