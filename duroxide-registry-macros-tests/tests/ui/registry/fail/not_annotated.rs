// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

pub mod activities {
    /// The pattern's hand-written `activities/provision_vm.rs`, not annotated yet.
    pub mod provision_vm {
        use duroxide::ActivityContext;

        pub const NAME: &str = "fleet::activity::provision-vm";

        pub async fn activity(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
    }

    /// A function without its attribute.
    pub async fn open_port(_ctx: duroxide::ActivityContext, input: String) -> Result<String, String> { Ok(input) }
}

registry! {
    activities: [activities::provision_vm, activities::open_port],
}

fn main() {}
