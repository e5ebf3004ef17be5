#![deny(warnings)]
//! A configuration without a `Default`: the crate compiles, and a consumer builds the activity
//! registry with `create_activity_registry_with_config` (only `create_activity_registry()`, which
//! would need the default, cannot be called).

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};
use std::sync::Arc;

/// Needs a real endpoint: no sensible default.
pub struct AzureConfig {
    pub endpoint: String,
}

/// Provision a VM against the configured endpoint.
#[activity(prefix = "fleet")]
pub async fn provision_vm(_ctx: ActivityContext, input: String, #[config] config: Arc<AzureConfig>) -> Result<String, String> {
    Ok(format!("{input}@{}", config.endpoint))
}

registry! {
    config: AzureConfig,
    activities: [provision_vm],
}

fn main() {
    let registry = create_activity_registry_with_config(AzureConfig {
        endpoint: "https://management.azure.com".to_owned(),
    });
    assert!(registry.has("fleet::activity::provision-vm"));
}
