//! Deploy an Azure Web App.

use crate::activities;
use crate::activity_types::{AppServicePlanInput, WebAppInput};
use crate::errors::AzureError;
use crate::types::{DeployWebappInput, DeployWebappOutput};
use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

/// Deploy an Azure Web App: an App Service plan, stepping down a tier whenever the region has
/// no quota left for the requested one, and the app on that plan.
#[orchestration(name = "deploy-webapp")]
pub async fn deploy_webapp_orchestration(
    ctx: OrchestrationContext,
    input: DeployWebappInput,
) -> Result<DeployWebappOutput, String> {
    ctx.trace_info(format!(
        "Deploying web app {} ({} tier)",
        input.app_name, input.tier
    ));

    let mut tier = input.tier.clone();
    let plan = loop {
        let plan_input = AppServicePlanInput {
            name: format!("{}-plan", input.app_name),
            resource_group: input.resource_group.clone(),
            tier: tier.clone(),
        };
        match activities::create_app_service_plan::call(&ctx, &plan_input).await {
            Ok(plan) => break plan,
            // The activity serializes an AzureError into its error string; decoding it lets the
            // orchestration tell a quota problem, which a lower tier can work around, from one
            // that no retry would fix.
            Err(error) => match (AzureError::decode(&error), activities::lower_tier(&tier)) {
                (Some(AzureError::QuotaExceeded { resource_type }), Some(lower)) => {
                    ctx.trace_warn(format!(
                        "No quota left for {resource_type}; trying the {lower} tier"
                    ));
                    tier = lower.to_owned();
                }
                _ => return Err(error),
            },
        }
    };

    let app = activities::deploy_web_app::call(
        &ctx,
        &WebAppInput {
            name: input.app_name.clone(),
            resource_group: input.resource_group.clone(),
            plan_id: plan.plan_id.clone(),
            backend_url: input.backend_url.clone(),
        },
    )
    .await?;

    Ok(DeployWebappOutput {
        app_url: app.url,
        plan_id: plan.plan_id,
        downgraded_from: (plan.tier != input.tier).then(|| input.tier.clone()),
        tier: plan.tier,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::AzureConfig;
    use crate::registry::{create_activity_registry_with_config, create_orchestration_registry};
    use duroxide::providers::sqlite::SqliteProvider;
    use duroxide::runtime::Runtime;
    use duroxide::Client;
    use simulated_cloud::SimulatedCloud;
    use std::sync::Arc;
    use std::time::Duration;

    /// A configuration with a cloud of its own, so quotas set by one test touch no other.
    fn isolated_config() -> AzureConfig {
        AzureConfig {
            cloud: SimulatedCloud::in_memory(),
            ..AzureConfig::from_env()
        }
    }

    /// Runs the orchestration to its end, through the typed `start` and `wait` helpers.
    async fn deploy(
        config: AzureConfig,
        instance: &str,
        tier: &str,
    ) -> Result<DeployWebappOutput, String> {
        let _serial = crate::test_support::one_runtime_at_a_time().await;
        let store = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
        let runtime = Runtime::start_with_store(
            store.clone(),
            create_activity_registry_with_config(config),
            create_orchestration_registry(),
        )
        .await;
        let client = Client::new(store);
        let input = DeployWebappInput {
            app_name: instance.to_owned(),
            resource_group: format!("{instance}-rg"),
            tier: tier.to_owned(),
            backend_url: "http://backend.sim".to_owned(),
        };
        deploy_webapp_orchestration::start(&client, instance, &input)
            .await
            .unwrap();
        let result = deploy_webapp_orchestration::wait(&client, instance, Duration::from_secs(20))
            .await
            .unwrap();
        runtime.shutdown(None).await;
        result
    }

    #[tokio::test]
    async fn deploys_on_the_requested_tier_when_quota_allows() {
        let config = isolated_config();
        let cloud = config.cloud.clone();
        let output = deploy(config, "webapp-plain", "premium").await.unwrap();
        assert_eq!(output.tier, "premium");
        assert_eq!(output.downgraded_from, None);
        assert_eq!(output.app_url, "https://webapp-plain.azurewebsites.sim");
        let app = cloud
            .resources()
            .unwrap()
            .into_iter()
            .find(|r| r.kind == activities::WEB_APP_KIND);
        assert_eq!(app.unwrap().properties["plan_id"], output.plan_id);
    }

    #[tokio::test]
    async fn quota_exceeded_is_decoded_and_answered_with_a_lower_tier() {
        let config = isolated_config();
        let cloud = config.cloud.clone();
        cloud
            .set_quota(&activities::plan_kind("premium"), 0)
            .unwrap();
        let output = deploy(config, "webapp-fallback", "premium").await.unwrap();
        assert_eq!(output.tier, "standard");
        assert_eq!(output.downgraded_from.as_deref(), Some("premium"));
        let plan = cloud.get(&output.plan_id).unwrap().unwrap();
        assert_eq!(plan.kind, activities::plan_kind("standard"));
    }

    #[tokio::test]
    async fn the_last_quota_error_reaches_the_caller_as_a_decodable_azure_error() {
        let config = isolated_config();
        for tier in activities::TIERS {
            config
                .cloud
                .set_quota(&activities::plan_kind(tier), 0)
                .unwrap();
        }
        let error = deploy(config, "webapp-no-quota", "premium")
            .await
            .unwrap_err();
        assert_eq!(
            AzureError::decode(&error),
            Some(AzureError::QuotaExceeded {
                resource_type: "app-service-plan/basic".to_owned()
            })
        );
    }

    #[tokio::test]
    async fn authentication_failure_is_not_retried_on_another_tier() {
        let config = AzureConfig {
            subscription_id: String::new(),
            ..isolated_config()
        };
        let cloud = config.cloud.clone();
        let error = deploy(config, "webapp-no-credentials", "premium")
            .await
            .unwrap_err();
        assert_eq!(
            AzureError::decode(&error),
            Some(AzureError::AuthenticationFailed)
        );
        assert!(cloud.resources().unwrap().is_empty());
    }
}
