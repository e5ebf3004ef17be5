// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

pub struct Vm;
impl Vm {
    #[activity]
    pub async fn provision(&self, input: String) -> Result<String, String> { Ok(input) }
}

fn main() {}
