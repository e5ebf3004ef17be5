//! The app's orchestrations: `deploy-multi-cloud`, the pattern's "Cross-Crate Orchestration
//! Composition" (Pattern 5), with an interface of its own (an `approval` event, a `commands`
//! queue and a typed status); and `replace-instance`, which calls an activity it only declares
//! ([`crate::declared`]).

use crate::activities::publish_dns_record;
use crate::declared::terminate_instance;
use crate::types::{
    Approval, DeployCommand, DeployMultiCloudInput, DeployMultiCloudOutput, DeployStopped,
    DnsRecordInput, Note, Phase, Progress, ReplaceInstanceInput, ReplaceInstanceOutput,
};
use duroxide::{Either2, OrchestrationContext};
use duroxide_aws_ec2::activity_types::TerminateInstanceInput;
use duroxide_aws_ec2::orchestrations::create_ec2_cluster::{
    create_ec2_cluster_orchestration, MAX_INSTANCES,
};
use duroxide_aws_ec2::orchestrations::resize_ec2_cluster::resize_ec2_cluster_orchestration;
use duroxide_aws_ec2::types::{CreateEc2ClusterInput, ResizeEc2ClusterInput};
use duroxide_azure_arm::orchestrations::deploy_webapp::deploy_webapp_orchestration;
use duroxide_azure_arm::orchestrations::provision_postgres::provision_postgres_orchestration;
use duroxide_azure_arm::types::{DeployWebappInput, ProvisionPostgresInput};
use duroxide_registry_macros::orchestration;
use std::future::Future;

/// Region of the AWS part of every deployment.
pub const AWS_REGION: &str = "us-east-1";

/// Number of steps a deployment reports.
pub const STEPS: u32 = 4;

/// Number of steps a deployment started with `require_approval` reports: the approval is one.
pub const STEPS_WITH_APPROVAL: u32 = 5;

/// Deploy an application across two clouds: PostgreSQL on Azure, an EC2 cluster on AWS, an Azure
/// web app in front of the cluster, and a DNS record for the app.
///
/// Started with `require_approval`, it waits for its `approval` event before it publishes DNS,
/// and serves its `commands` queue until then: `cancel` stops it at once, and `scale` sets the
/// cluster's size (see the README, "Approval, commands and status"). Without, it runs straight through, with the
/// very history it always had, so that a deployment started before the approval existed
/// replays (`tests/histories/deploy-multi-cloud.json`).
#[orchestration(
    "my-app",
    name = "deploy-multi-cloud",
    events(approval = Approval),
    queues(commands = DeployCommand),
    status = Progress
)]
pub async fn deploy_multi_cloud_app(
    ctx: OrchestrationContext,
    input: DeployMultiCloudInput,
) -> Result<DeployMultiCloudOutput, String> {
    let name = &input.name;
    let resource_group = format!("{name}-rg");
    let mut deployment = Deployment::new(&input);

    deployment.report(&ctx, format!("Provisioning PostgreSQL {name}-db on Azure"));
    let db = deployment
        .serve(
            &ctx,
            provision_postgres_orchestration::call(
                &ctx,
                &ProvisionPostgresInput {
                    database_name: format!("{name}-db"),
                    resource_group: resource_group.clone(),
                    sku: "Standard_D2s_v3".to_owned(),
                    admin_username: "dbadmin".to_owned(),
                },
            ),
        )
        .await?;

    // A `scale` served so far sets the size the cluster is created with.
    let instances = deployment.progress.instances;
    deployment.cluster_started = true;
    deployment.report(
        &ctx,
        format!("Creating EC2 cluster {name}-cluster ({instances} instances) on AWS"),
    );
    let cluster = deployment
        .serve(
            &ctx,
            create_ec2_cluster_orchestration::call(
                &ctx,
                &CreateEc2ClusterInput {
                    cluster_name: format!("{name}-cluster"),
                    instance_count: instances,
                    region: AWS_REGION.to_owned(),
                },
            ),
        )
        .await?;

    deployment.report(
        &ctx,
        format!(
            "Deploying web app {name}-web on Azure ({} tier)",
            input.web_tier
        ),
    );
    let web = deployment
        .serve(
            &ctx,
            deploy_webapp_orchestration::call(
                &ctx,
                &DeployWebappInput {
                    app_name: format!("{name}-web"),
                    resource_group,
                    tier: input.web_tier.clone(),
                    backend_url: cluster.endpoint.clone(),
                },
            ),
        )
        .await?;

    if input.require_approval {
        deployment.await_approval(&ctx, name).await?;
    }

    match deployment.progress.pending_instances.take() {
        Some(to) => {
            let from = deployment.progress.instances;
            deployment.report(
                &ctx,
                format!(
                    "Resizing EC2 cluster {name}-cluster from {from} to {to} instances, then \
                     publishing DNS record for {name}"
                ),
            );
            let resized = resize_ec2_cluster_orchestration::call(
                &ctx,
                &ResizeEc2ClusterInput {
                    cluster_name: format!("{name}-cluster"),
                    region: AWS_REGION.to_owned(),
                    cluster_id: cluster.cluster_id.clone(),
                    from,
                    to,
                },
            )
            .await?;
            deployment.progress.instances = resized.instance_count;
            deployment.publish(&ctx);
        }
        None => deployment.report(&ctx, format!("Publishing DNS record for {name}")),
    }
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

/// Replace one EC2 instance of a deployment's cluster: terminate it, launch a fresh one of the
/// same name, and route the load balancer to it.
///
/// The termination goes through a declaration only ([`crate::declared::terminate_instance`]:
/// the EC2 worker implements it, with the retry the declaration states); the relaunch and the
/// routing are `duroxide-aws-ec2`'s `resize-ec2-cluster` at the cluster's own size, which
/// launches every missing instance and points the load balancer at exactly the cluster's
/// instances. Both steps are idempotent, so a replayed or retried replacement replaces once.
#[orchestration("my-app", name = "replace-instance")]
pub async fn replace_instance(
    ctx: OrchestrationContext,
    input: ReplaceInstanceInput,
) -> Result<ReplaceInstanceOutput, String> {
    if input.index >= input.instance_count {
        return Err(format!(
            "deployment `{}` has instances 0 to {}, not {}",
            input.deployment,
            input.instance_count.saturating_sub(1),
            input.index
        ));
    }
    let cluster_name = format!("{}-cluster", input.deployment);
    let instance = format!("{cluster_name}-{}", input.index);
    ctx.trace_info(format!("Replacing instance {instance}"));
    let terminated = terminate_instance::call(
        &ctx,
        &TerminateInstanceInput {
            name: instance.clone(),
            region: AWS_REGION.to_owned(),
        },
    )
    .await?;
    let cluster = resize_ec2_cluster_orchestration::call(
        &ctx,
        &ResizeEc2ClusterInput {
            cluster_name,
            region: AWS_REGION.to_owned(),
            cluster_id: input.cluster_id.clone(),
            from: input.instance_count,
            to: input.instance_count,
        },
    )
    .await?;
    let index = usize::try_from(input.index).unwrap_or(usize::MAX);
    let instance_id = cluster
        .instance_ids
        .get(index)
        .cloned()
        .ok_or_else(|| format!("the resized cluster has no instance {instance}"))?;
    Ok(ReplaceInstanceOutput {
        instance,
        terminated: terminated.instance_id,
        instance_id,
        endpoint: cluster.endpoint,
    })
}

/// A deployment's state, which it publishes as its typed status for clients to poll with
/// `deploy_multi_cloud_app::status::wait_for_change`.
struct Deployment {
    progress: Progress,
    /// Whether the cluster's step has started: a `scale` then waits for the approval.
    cluster_started: bool,
}

impl Deployment {
    fn new(input: &DeployMultiCloudInput) -> Self {
        let total = if input.require_approval {
            STEPS_WITH_APPROVAL
        } else {
            STEPS
        };
        Deployment {
            progress: Progress {
                step: 0,
                total,
                message: String::new(),
                steps: Vec::new(),
                phase: Phase::Running,
                approval_required: input.require_approval,
                instances: input.instance_count,
                pending_instances: None,
                notes: Vec::new(),
            },
            cluster_started: false,
        }
    }

    /// Starts the next step, and publishes it. Without `require_approval`, this is the only
    /// status update, once per step, as it always was: duroxide records each update in the
    /// history (matched by kind, not by value), so adding one would break the replay of a
    /// deployment started by older code.
    fn report(&mut self, ctx: &OrchestrationContext, message: String) {
        self.progress.steps.push(message.clone());
        self.progress.step = u32::try_from(self.progress.steps.len()).unwrap_or(u32::MAX);
        ctx.trace_info(format!(
            "[{}/{}] {message}",
            self.progress.step, self.progress.total
        ));
        self.progress.message = message;
        self.publish(ctx);
    }

    fn publish(&self, ctx: &OrchestrationContext) {
        deploy_multi_cloud_app::status::set(ctx, &self.progress);
    }

    fn note(&mut self, ctx: &OrchestrationContext, text: String) {
        ctx.trace_info(text.clone());
        self.progress.notes.push(Note {
            step: self.progress.step,
            text,
        });
        self.publish(ctx);
    }

    /// Runs a step's work. With `require_approval`, serves the `commands` queue meanwhile:
    /// `ctx.select2` of the work and the next command, again after each command, until the
    /// work is done (a cancel drops the work, and duroxide cancels the sub-orchestration).
    /// Without, it only awaits the work, as it always did.
    async fn serve<T>(
        &mut self,
        ctx: &OrchestrationContext,
        work: impl Future<Output = Result<T, String>>,
    ) -> Result<T, String> {
        if !self.progress.approval_required {
            return work.await;
        }
        let mut work = std::pin::pin!(work);
        loop {
            let next = deploy_multi_cloud_app::queues::commands::dequeue(ctx);
            match ctx.select2(work.as_mut(), next).await {
                Either2::First(result) => return result,
                Either2::Second(command) => self.command(ctx, command)?,
            }
        }
    }

    /// Waits for the approval, serving commands meanwhile. Approved, the deployment goes on
    /// and takes no more commands; refused, it stops.
    async fn await_approval(
        &mut self,
        ctx: &OrchestrationContext,
        name: &str,
    ) -> Result<(), String> {
        self.progress.phase = Phase::AwaitingApproval;
        self.report(
            ctx,
            format!("Waiting for approval to publish DNS for {name}"),
        );
        loop {
            // The approval first: when both arrive in one turn, it wins, deterministically.
            let approval = deploy_multi_cloud_app::events::approval::wait(ctx);
            let next = deploy_multi_cloud_app::queues::commands::dequeue(ctx);
            match ctx.select2(approval, next).await {
                Either2::First(Ok(Approval { approved: true, .. })) => {
                    self.progress.phase = Phase::Approved;
                    self.note(ctx, "approved".to_owned());
                    return Ok(());
                }
                Either2::First(Ok(Approval {
                    approved: false,
                    reason,
                })) => {
                    self.progress.phase = Phase::Rejected;
                    self.note(ctx, with_reason("rejected", reason.as_deref()));
                    return Err(DeployStopped::Rejected { reason }.encode());
                }
                Either2::First(Err(error)) => {
                    self.note(ctx, format!("an approval was ignored: {error}"));
                }
                Either2::Second(command) => self.command(ctx, command)?,
            }
        }
    }

    /// Serves one command. Every outcome is a note, so that `status` shows it:
    ///
    /// - `cancel` stops the deployment where it is: the error is [`DeployStopped::Cancelled`].
    /// - `scale N`, before the cluster's step starts, sets the size it is created with; later,
    ///   it is kept as `pending_instances` and applied after the approval, before DNS is
    ///   published, by `resize-ec2-cluster`. The last one received wins; the size the cluster
    ///   already has clears a pending one; one out of range (1 to 20) is ignored.
    /// - A message that does not decode is ignored.
    fn command(
        &mut self,
        ctx: &OrchestrationContext,
        command: Result<DeployCommand, String>,
    ) -> Result<(), String> {
        match command {
            Err(error) => self.note(ctx, format!("a command was ignored: {error}")),
            Ok(DeployCommand::Cancel { reason }) => {
                self.progress.phase = Phase::Cancelled;
                self.note(ctx, with_reason("cancelled", reason.as_deref()));
                return Err(DeployStopped::Cancelled {
                    step: self.progress.step,
                    reason,
                }
                .encode());
            }
            Ok(DeployCommand::Scale { instances }) => {
                let outcome = if instances == 0 || instances > MAX_INSTANCES {
                    format!(
                        "scale to {instances} ignored: a cluster has 1 to {MAX_INSTANCES} instances"
                    )
                } else if !self.cluster_started {
                    self.progress.instances = instances;
                    format!("scale to {instances}: the cluster will be created with {instances}")
                } else if instances == self.progress.instances {
                    self.progress.pending_instances = None;
                    format!("scale to {instances}: the cluster has {instances} already")
                } else {
                    self.progress.pending_instances = Some(instances);
                    format!("scale to {instances}: applied once approved, before DNS is published")
                };
                self.note(ctx, outcome);
            }
        }
        Ok(())
    }
}

fn with_reason(what: &str, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!("{what}: {reason}"),
        None => what.to_owned(),
    }
}
