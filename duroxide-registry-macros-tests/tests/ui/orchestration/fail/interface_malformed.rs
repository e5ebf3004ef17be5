// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

pub struct Decision;

#[orchestration(
    events(approval, deleted = Decision as 5),
    queues = Decision,
    status(Decision),
    signals(go = Decision),
)]
pub async fn deploy(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

fn main() {}
