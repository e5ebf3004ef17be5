//! Input and output types for orchestrations

use serde::{Deserialize, Serialize};

/// Input of [`crate::names::orchestrations::PROVISION_POSTGRES`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionPostgresInput {
    /// Name of the database; the server's VM is named `{database_name}-vm`.
    pub database_name: String,
    /// Resource group that holds the server and its firewall rules.
    pub resource_group: String,
    /// Pricing tier of the server, for example `Standard_D2s_v3`.
    pub sku: String,
    /// Administrator login.
    pub admin_username: String,
}

/// Output of [`crate::names::orchestrations::PROVISION_POSTGRES`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionPostgresOutput {
    /// Resource id of the server.
    pub server_id: String,
    /// `postgresql://` URL of the new database.
    pub connection_string: String,
    /// Generated administrator password (replay-safe: drawn with `ctx.new_guid()`).
    pub admin_password: String,
}

/// Input of [`crate::names::orchestrations::DEPLOY_WEBAPP`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployWebappInput {
    /// Name of the web app; its plan is named `{app_name}-plan`.
    pub app_name: String,
    /// Resource group that holds the plan and the app.
    pub resource_group: String,
    /// Preferred App Service tier: `premium`, `standard` or `basic`. When the region has no
    /// quota left for it, the next lower tier is used.
    pub tier: String,
    /// URL the app forwards its API calls to.
    pub backend_url: String,
}

/// Output of [`crate::names::orchestrations::DEPLOY_WEBAPP`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployWebappOutput {
    /// Public URL of the app.
    pub app_url: String,
    /// Resource id of the App Service plan the app runs on.
    pub plan_id: String,
    /// The tier actually used.
    pub tier: String,
    /// The requested tier, when the plan has another one: quota forced a lower tier, or a
    /// plan of that name already existed with another tier.
    pub downgraded_from: Option<String>,
}
