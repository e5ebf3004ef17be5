// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

use std::sync::Arc;
#[orchestration]
pub async fn deploy(_ctx: OrchestrationContext, input: String, #[config] cfg: Arc<String>) -> Result<String, String> { let _ = cfg; Ok(input) }

fn main() {}
