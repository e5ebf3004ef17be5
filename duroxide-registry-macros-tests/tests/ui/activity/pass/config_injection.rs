#![deny(warnings)]
//! Activities with a #[config] parameter, registered by registry!'s config key.

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};
use std::sync::Arc;

#[derive(Debug, Default, PartialEq)]
pub struct AzureConfig {
    pub subscription_id: String,
}

/// Provision a VM with the subscription from the configuration.
#[activity(idempotent)]
pub async fn provision_vm(
    _ctx: ActivityContext,
    input: String,
    #[config] config: Arc<AzureConfig>,
) -> Result<String, String> {
    Ok(format!("{}/{input}", config.subscription_id))
}

#[activity]
pub async fn plain(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

registry! {
    config: AzureConfig,
    activities: [provision_vm, plain],
}

fn same_type<T>(_: fn(T) -> T) {}

fn main() {
    let registry = create_activity_registry_with_config(AzureConfig { subscription_id: "sub-1".into() });
    assert!(registry.has(provision_vm::NAME) && registry.has(plain::NAME));
    assert_eq!(create_activity_registry().count(), 2);
    same_type::<provision_vm::Config>(|x: Arc<AzureConfig>| x);
    let _: fn(ActivityContext, String, Arc<AzureConfig>) -> _ = provision_vm::activity;
    assert_eq!(list_activities()[0].input_type, "String");

    // Selective import, the pattern's Pattern 3, for an activity that takes configuration.
    let config = Arc::new(AzureConfig { subscription_id: "sub-2".into() });
    let picked = provision_vm::register_with_config(duroxide::runtime::registry::ActivityRegistry::builder(), &config)
        .build();
    assert!(picked.has(provision_vm::NAME) && !picked.has(plain::NAME));
}
