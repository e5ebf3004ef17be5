// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

pub mod cms {
    use duroxide::ActivityContext;
    use duroxide_registry_macros::activity;

    #[activity("fleet", flat, name = "cms-create-record")]
    pub async fn create_record(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

    // A second function in place in the same module: the module can hold one `NAME`.
    #[activity("fleet", flat, name = "cms-delete-record")]
    pub async fn delete_record(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
}

fn main() {}
