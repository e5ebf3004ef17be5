// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[activity]
pub struct ProvisionVm;

#[orchestration]
pub const DEPLOY: &str = "deploy";

fn main() {}
