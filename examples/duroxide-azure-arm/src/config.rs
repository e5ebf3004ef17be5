//! Configuration injected into the activities that take `#[config] config: Arc<AzureConfig>`,
//! the pattern document's "Configuration Injection".

use simulated_cloud::SimulatedCloud;

/// Credentials, region and the cloud client shared by this crate's configured activities.
///
/// Hand it to [`crate::registry::create_activity_registry_with_config`];
/// [`crate::registry::create_activity_registry`] uses [`AzureConfig::from_env`].
#[derive(Debug, Clone)]
pub struct AzureConfig {
    /// Subscription the resources are billed to; an empty one is refused with
    /// [`crate::errors::AzureError::AuthenticationFailed`].
    pub subscription_id: String,
    /// Directory tenant of the credentials.
    pub tenant_id: String,
    /// Region new resources go to, for example `westeurope`.
    pub location: String,
    /// The (simulated) cloud the activities talk to.
    pub cloud: SimulatedCloud,
}

impl AzureConfig {
    /// Reads `AZURE_SUBSCRIPTION_ID`, `AZURE_TENANT_ID` and `AZURE_LOCATION`. Unset variables get
    /// simulation defaults, so that the examples run on a machine with no Azure account. The
    /// cloud is [`SimulatedCloud::ambient`].
    #[must_use]
    pub fn from_env() -> Self {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        AzureConfig {
            subscription_id: var(
                "AZURE_SUBSCRIPTION_ID",
                "00000000-0000-0000-0000-000000000000",
            ),
            tenant_id: var("AZURE_TENANT_ID", "simulated-tenant"),
            location: var("AZURE_LOCATION", "westeurope"),
            cloud: SimulatedCloud::ambient(),
        }
    }
}

impl Default for AzureConfig {
    fn default() -> Self {
        Self::from_env()
    }
}
