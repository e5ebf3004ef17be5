use super::property;
use crate::activity_types::{AppServicePlanInput, AppServicePlanOutput, WebAppInput, WebAppOutput};
use crate::config::AzureConfig;
use crate::errors::AzureError;
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;
use simulated_cloud::{provisioning_delay, Properties};
use std::sync::Arc;

/// App Service tiers, best first. The simulated cloud keeps a quota per tier, under the
/// resource kind `azure/app-service-plan/{tier}`.
pub const TIERS: [&str; 3] = ["premium", "standard", "basic"];

/// The tier below `tier`, if any.
#[must_use]
pub fn lower_tier(tier: &str) -> Option<&'static str> {
    let position = TIERS.iter().position(|t| *t == tier)?;
    TIERS.get(position + 1).copied()
}

/// Resource kind of App Service plans of `tier`.
#[must_use]
pub fn plan_kind(tier: &str) -> String {
    format!("azure/app-service-plan/{tier}")
}

/// Resource kind of web apps.
pub const WEB_APP_KIND: &str = "azure/web-app";

/// Create an App Service plan of the requested tier, or return the existing plan of the same name.
///
/// Fails with [`AzureError::QuotaExceeded`] when the tier has no quota left, and with
/// [`AzureError::AuthenticationFailed`] when the configuration lacks credentials.
#[activity(idempotent)]
pub async fn create_app_service_plan(
    ctx: ActivityContext,
    input: AppServicePlanInput,
    #[config] config: Arc<AzureConfig>,
) -> Result<AppServicePlanOutput, String> {
    authenticate(&config)?;
    if !TIERS.contains(&input.tier.as_str()) {
        return Err(AzureError::InvalidRequest {
            message: format!(
                "unknown tier `{}`; expected one of {}",
                input.tier,
                TIERS.join(", ")
            ),
        }
        .into());
    }
    ctx.trace_info(format!(
        "Creating {} App Service plan {} in {}",
        input.tier, input.name, config.location
    ));
    let plan_id = format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Web/serverfarms/{}",
        config.subscription_id, input.resource_group, input.name
    );
    let provisioned = config
        .cloud
        .ensure(&plan_id, &plan_kind(&input.tier), |_| {
            Properties::from([
                ("tier".to_owned(), input.tier.clone()),
                ("location".to_owned(), config.location.clone()),
            ])
        })
        .map_err(AzureError::from)?;
    if provisioned.was_created() {
        tokio::time::sleep(provisioning_delay()).await;
    } else {
        ctx.trace_info("App Service plan already exists, returning existing");
    }
    let plan = provisioned.into_resource();
    Ok(AppServicePlanOutput {
        tier: property(&plan, "tier")?,
        plan_id,
    })
}

/// Deploy a web app onto an existing App Service plan, or return the existing app of the same name.
///
/// Fails with [`AzureError::ResourceNotFound`] when the plan does not exist.
#[activity(idempotent)]
pub async fn deploy_web_app(
    ctx: ActivityContext,
    input: WebAppInput,
    #[config] config: Arc<AzureConfig>,
) -> Result<WebAppOutput, String> {
    authenticate(&config)?;
    if config
        .cloud
        .get(&input.plan_id)
        .map_err(AzureError::from)?
        .is_none()
    {
        return Err(AzureError::ResourceNotFound {
            resource_id: input.plan_id,
        }
        .into());
    }
    ctx.trace_info(format!("Deploying web app {}", input.name));
    let app_id = format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Web/sites/{}",
        config.subscription_id, input.resource_group, input.name
    );
    let provisioned = config
        .cloud
        .ensure(&app_id, WEB_APP_KIND, |_| {
            Properties::from([
                (
                    "host".to_owned(),
                    format!("{}.azurewebsites.sim", input.name),
                ),
                ("plan_id".to_owned(), input.plan_id.clone()),
                ("backend_url".to_owned(), input.backend_url.clone()),
            ])
        })
        .map_err(AzureError::from)?;
    if provisioned.was_created() {
        tokio::time::sleep(provisioning_delay()).await;
    } else {
        ctx.trace_info("Web app already exists, returning existing");
    }
    let app = provisioned.into_resource();
    Ok(WebAppOutput {
        url: format!("https://{}", property(&app, "host")?),
        app_id,
    })
}

/// The simulation's stand-in for a token request: credentials must at least be present.
fn authenticate(config: &AzureConfig) -> Result<(), AzureError> {
    if config.subscription_id.trim().is_empty() || config.tenant_id.trim().is_empty() {
        return Err(AzureError::AuthenticationFailed);
    }
    Ok(())
}
