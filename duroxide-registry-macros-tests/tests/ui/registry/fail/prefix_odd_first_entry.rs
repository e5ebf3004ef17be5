// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

#[activity("azure-activities")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
#[activity("azure-arm")]
pub async fn configure_firewall(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
#[activity("azure-arm")]
pub async fn deploy_webapp(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

// The first entry is the odd one out: it alone is reported, against the prefix most entries
// share, and not the two entries that agree with each other.
registry! {
    activities: [provision_vm, configure_firewall, deploy_webapp],
}

fn main() {}
