// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;
use std::time::Duration;

#[orchestration("fleet")]
pub async fn create_image(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    tokio::time::sleep(Duration::from_secs(5)).await;
    let _ = tokio::time::timeout(Duration::from_secs(5), async {}).await;
    let worker = std::thread::spawn(|| 1);
    let _ = tokio::spawn(async { 2 });
    Ok(format!("{input}{:?}", worker.join()))
}

fn main() {}
