// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

#[cfg(any())]
#[activity("azure-arm")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
#[activity("azure-arm")]
pub async fn configure_firewall(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }
#[activity("azure-activities")]
pub async fn deploy_webapp(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

// The first entry is compiled out: the message names the entry the reference prefix comes
// from, `configure_firewall`, and never the entry that is not there.
registry! {
    activities: [#[cfg(any())] provision_vm, configure_firewall, deploy_webapp],
}

fn main() {}
