// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[orchestration(
    events(approval = String, approval = String, deleted = String as "", gone = String as "__duroxide_gone"),
    queues(commands = String, orders = String as "commands", query = String as "the query"),
    kv(progress = u32, progress_v2 = u32 as "progress"),
)]
pub async fn deploy(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }

fn main() {}
