// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::OrchestrationContext;
use duroxide_registry_macros::{orchestration, registry};

pub mod create_instance {
    pub mod v1 {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        #[orchestration("fleet", flat, name = "create-instance")]
        pub async fn orchestration(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }
    }
}

pub mod delete_instance {
    pub mod v1 {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        #[orchestration("fleet", flat, name = "delete-instance")]
        pub async fn orchestration(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }
    }
}

// Both entries end in `v1`: their `names` constants would both be `V1`.
registry! {
    names: names,
    orchestrations: [create_instance::v1, delete_instance::v1],
}

fn main() {}
