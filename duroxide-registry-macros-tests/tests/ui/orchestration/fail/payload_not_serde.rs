// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

/// Neither `Serialize` nor `Deserialize`.
pub struct Decision {
    pub approved: bool,
}

#[orchestration(events(approval = Decision))]
pub async fn deploy(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

fn main() {}
