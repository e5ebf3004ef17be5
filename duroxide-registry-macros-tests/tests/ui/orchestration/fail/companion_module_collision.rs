// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

// The pattern's layout re-exports the function from the file of the same name, which collides
// with the companion module that `#[orchestration]` generates beside the function.
pub mod orchestrations {
    pub mod create_instance_1_0_5_orchestration {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        #[orchestration("fleet", name = "create-instance", version = "1.0.5")]
        pub async fn create_instance_1_0_5_orchestration(_ctx: OrchestrationContext, input: String) -> Result<String, String> { Ok(input) }
    }
    pub use create_instance_1_0_5_orchestration::create_instance_1_0_5_orchestration;
}

fn main() {}
