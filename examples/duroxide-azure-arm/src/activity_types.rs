//! Input and output types for activities

use serde::{Deserialize, Serialize};

/// Input of [`crate::activities::provision_vm::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionVMInput {
    /// VM name, unique within its resource group.
    pub name: String,
    /// Resource group of the VM.
    pub resource_group: String,
}

/// Output of [`crate::activities::provision_vm::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionVMOutput {
    /// Resource id of the VM.
    pub vm_id: String,
    /// Private address of the VM.
    pub ip_address: String,
}

/// Input of [`crate::activities::configure_firewall::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirewallConfig {
    /// Resource group whose firewall gets the rules.
    pub resource_group: String,
    /// Rules to allow; existing rules of the same name are kept as they are.
    pub rules: Vec<FirewallRule>,
}

/// One inbound allow rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirewallRule {
    /// Rule name, unique within the resource group.
    pub name: String,
    /// Destination port.
    pub port: u16,
    /// `tcp` or `udp`.
    pub protocol: String,
}

/// Output of [`crate::activities::configure_firewall::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirewallOutput {
    /// Resource ids of the rules, in the order they were given.
    pub rule_ids: Vec<String>,
}

/// Input of [`crate::activities::create_app_service_plan::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppServicePlanInput {
    /// Plan name, unique within its resource group.
    pub name: String,
    /// Resource group of the plan.
    pub resource_group: String,
    /// `premium`, `standard` or `basic`.
    pub tier: String,
}

/// Output of [`crate::activities::create_app_service_plan::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppServicePlanOutput {
    /// Resource id of the plan.
    pub plan_id: String,
    /// Tier of the plan. An existing plan keeps the tier it was created with.
    pub tier: String,
}

/// Input of [`crate::activities::deploy_web_app::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebAppInput {
    /// App name; it becomes the host name `{name}.azurewebsites.sim`.
    pub name: String,
    /// Resource group of the app.
    pub resource_group: String,
    /// Resource id of the plan to run on; it must exist.
    pub plan_id: String,
    /// URL the app forwards its API calls to.
    pub backend_url: String,
}

/// Output of [`crate::activities::deploy_web_app::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebAppOutput {
    /// Resource id of the app.
    pub app_id: String,
    /// Public URL of the app.
    pub url: String,
}
