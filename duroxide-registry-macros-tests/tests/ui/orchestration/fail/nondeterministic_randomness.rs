// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

// Stand-ins for the `rand` and `uuid` crates, which this test crate does not depend on: the
// guard reads paths as written.
mod rand {
    pub fn random<T: Default>() -> T { T::default() }
}
mod uuid {
    pub struct Uuid;
    impl Uuid {
        pub fn new_v4() -> Self { Uuid }
    }
}
use uuid::Uuid;

#[orchestration("fleet")]
pub async fn create_image(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let seed = rand::random::<u64>();
    let _id = async move { Uuid::new_v4() }.await; // inside an `async` block
    Ok(format!("{input}-{seed}"))
}

fn main() {}
