//! Activities for Azure ARM operations
//!
//! Each activity is a function annotated with `#[activity]`. Its companion module of the same
//! name exports `NAME`, `activity`, the typed `call` helpers and what the inventory reports, so
//! consumers write `activities::provision_vm::NAME` exactly as in the pattern.
//!
//! `provision_vm` and `configure_firewall` keep the pattern's two-argument shape, because
//! consumers register `activities::provision_vm::activity` directly (Pattern 3). They find the
//! cloud the way an SDK finds its credentials: in the environment
//! ([`SimulatedCloud::ambient`](simulated_cloud::SimulatedCloud::ambient)). The web-app
//! activities take the injected [`AzureConfig`](crate::config::AzureConfig) instead.
//!
//! Every activity is idempotent: it returns an existing resource of the same name rather than
//! creating a second one, so duroxide may run it again after a crash.

mod firewall;
mod vm;
mod web;

pub use firewall::{configure_firewall, FIREWALL_RULE_KIND};
pub use vm::{provision_vm, VM_KIND};
pub use web::{
    create_app_service_plan, deploy_web_app, lower_tier, plan_kind, TIERS, WEB_APP_KIND,
};

use crate::errors::AzureError;
use simulated_cloud::Resource;

/// A property the activity itself recorded when it created the resource.
fn property(resource: &Resource, key: &str) -> Result<String, AzureError> {
    resource
        .properties
        .get(key)
        .cloned()
        .ok_or_else(|| AzureError::ServiceError {
            message: format!("{} has no `{key}` property", resource.id),
        })
}
