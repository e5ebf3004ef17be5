//! The app's orchestration: the pattern's "Cross-Crate Orchestration Composition" (Pattern 5).

use crate::activities::publish_dns_record;
use crate::types::{DeployMultiCloudInput, DeployMultiCloudOutput, DnsRecordInput, Progress};
use duroxide::OrchestrationContext;
use duroxide_aws_ec2::orchestrations::create_ec2_cluster::create_ec2_cluster_orchestration;
use duroxide_aws_ec2::types::CreateEc2ClusterInput;
use duroxide_azure_arm::orchestrations::deploy_webapp::deploy_webapp_orchestration;
use duroxide_azure_arm::orchestrations::provision_postgres::provision_postgres_orchestration;
use duroxide_azure_arm::types::{DeployWebappInput, ProvisionPostgresInput};
use duroxide_registry_macros::orchestration;

/// Region of the AWS part of every deployment.
pub const AWS_REGION: &str = "us-east-1";

/// Number of steps a deployment reports.
pub const STEPS: u32 = 4;

/// Deploy an application across two clouds: PostgreSQL on Azure, an EC2 cluster on AWS, an Azure
/// web app in front of the cluster, and a DNS record for the app.
#[orchestration("my-app", name = "deploy-multi-cloud")]
pub async fn deploy_multi_cloud_app(
    ctx: OrchestrationContext,
    input: DeployMultiCloudInput,
) -> Result<DeployMultiCloudOutput, String> {
    let name = &input.name;
    let resource_group = format!("{name}-rg");
    let mut progress = Reporter::default();

    progress.report(&ctx, format!("Provisioning PostgreSQL {name}-db on Azure"));
    let db = provision_postgres_orchestration::call(
        &ctx,
        &ProvisionPostgresInput {
            database_name: format!("{name}-db"),
            resource_group: resource_group.clone(),
            sku: "Standard_D2s_v3".to_owned(),
            admin_username: "dbadmin".to_owned(),
        },
    )
    .await?;

    progress.report(
        &ctx,
        format!(
            "Creating EC2 cluster {name}-cluster ({} instances) on AWS",
            input.instance_count
        ),
    );
    let cluster = create_ec2_cluster_orchestration::call(
        &ctx,
        &CreateEc2ClusterInput {
            cluster_name: format!("{name}-cluster"),
            instance_count: input.instance_count,
            region: AWS_REGION.to_owned(),
        },
    )
    .await?;

    progress.report(
        &ctx,
        format!(
            "Deploying web app {name}-web on Azure ({} tier)",
            input.web_tier
        ),
    );
    let web = deploy_webapp_orchestration::call(
        &ctx,
        &DeployWebappInput {
            app_name: format!("{name}-web"),
            resource_group,
            tier: input.web_tier.clone(),
            backend_url: cluster.endpoint.clone(),
        },
    )
    .await?;

    progress.report(&ctx, format!("Publishing DNS record for {name}"));
    let dns = publish_dns_record::call(
        &ctx,
        &DnsRecordInput {
            name: name.clone(),
            target: web.app_url.clone(),
        },
    )
    .await?;

    Ok(DeployMultiCloudOutput {
        db_connection: db.connection_string,
        db_server_id: db.server_id,
        cluster_id: cluster.cluster_id,
        cluster_endpoint: cluster.endpoint,
        app_url: web.app_url,
        web_tier: web.tier,
        web_tier_downgraded_from: web.downgraded_from,
        dns_name: dns.fqdn,
    })
}

/// Publishes progress as the custom status, which clients poll with `wait_for_status_change`.
/// Each status lists every step so far, so that a client that missed one can still show it.
#[derive(Default)]
struct Reporter {
    steps: Vec<String>,
}

impl Reporter {
    /// Starts the next step. Only the status payload is recorded, and duroxide matches a
    /// replayed status update by kind, not by value, so histories written before `steps`
    /// existed still replay.
    fn report(&mut self, ctx: &OrchestrationContext, message: String) {
        self.steps.push(message.clone());
        let step = u32::try_from(self.steps.len()).unwrap_or(u32::MAX);
        ctx.trace_info(format!("[{step}/{STEPS}] {message}"));
        let progress = Progress {
            step,
            total: STEPS,
            message,
            steps: self.steps.clone(),
        };
        // A struct of strings and integers always serializes; an empty status is the fallback
        // that keeps this function total.
        ctx.set_custom_status(serde_json::to_string(&progress).unwrap_or_default());
    }
}
