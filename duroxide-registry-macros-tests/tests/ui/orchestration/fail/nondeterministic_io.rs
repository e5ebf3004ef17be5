// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;
use std::fs::File;

// A stand-in for the `reqwest` crate, which this test crate does not depend on.
mod reqwest {
    pub async fn get(_url: &str) -> Result<String, String> { Ok(String::new()) }
}

#[orchestration("fleet")]
pub async fn create_image(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let account = std::env::var("AZURE_STORAGE_ACCOUNT").map_err(|e| e.to_string())?;
    let template = std::fs::read_to_string("template.json").map_err(|e| e.to_string())?;
    let _log = File::open("log.txt");
    let _page = reqwest::get("https://example.com").await?;
    Ok(format!("{input} {account} {template}"))
}

fn main() {}
