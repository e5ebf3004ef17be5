// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

pub mod activities {
    use duroxide::ActivityContext;
    use duroxide_registry_macros::activity;

    #[activity]
    pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
}

registry! {
    activities: [activities::super::activities::provision_vm, Self],
}

fn main() {}
