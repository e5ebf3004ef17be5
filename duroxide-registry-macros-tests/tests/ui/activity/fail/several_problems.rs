// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

#[activity(name = "Provision_VM", nmae = "x", prefix = "My Crate")]
pub fn provision_vm<T>(input: T) { let _ = input; }

fn main() {}
