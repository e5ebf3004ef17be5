//! Scale an EC2 cluster on command, for as long as it runs.

use crate::orchestrations::create_ec2_cluster::MAX_INSTANCES;
use crate::orchestrations::resize_ec2_cluster::resize_ec2_cluster_orchestration;
use crate::types::{
    Ec2ClusterScalerInput, Ec2ClusterScalerOutput, ResizeEc2ClusterInput, ScaleConfirmation,
    ScalerCommand, ScalerPhase, ScalerStatus,
};
use duroxide::{Either2, OrchestrationContext};
use duroxide_registry_macros::orchestration;
use std::time::Duration;

/// Scale an EC2 cluster on command: serve `scale` and `stop` commands from the `commands`
/// queue, ask for a `confirm` event before any scale-down, and continue as new every
/// `commands_per_execution` commands.
///
/// - **`scale`** to the size the cluster has, or to a size out of range, changes nothing (the
///   status's `last` says why). Growing runs `resize-ec2-cluster` at once. Shrinking first
///   sets the phase `awaiting-confirmation` and waits for a `confirm` event, at most
///   `confirm_timeout_secs`: approved, it resizes; refused or unanswered, the cluster keeps
///   its size.
/// - **`stop`** completes the instance with what it did.
/// - Commands are served one at a time, in the order they were enqueued. Those enqueued while
///   the scaler resizes or waits for a confirmation wait in the queue, and survive
///   `continue_as_new`; a `confirm` raised when no scale-down waits for one is dropped, as
///   duroxide drops every event nobody waits for.
/// - A resize that fails (the account's instance limit, say) fails the instance, since the
///   size of the cluster is then unknown.
#[orchestration(
    name = "ec2-cluster-scaler",
    events(confirm = ScaleConfirmation),
    queues(commands = ScalerCommand),
    status = ScalerStatus
)]
pub async fn ec2_cluster_scaler_orchestration(
    ctx: OrchestrationContext,
    input: Ec2ClusterScalerInput,
) -> Result<Ec2ClusterScalerOutput, String> {
    let mut state = input;
    let execution = state.executions + 1;
    let report = |state: &Ec2ClusterScalerInput, phase: ScalerPhase, target: Option<u32>| {
        ec2_cluster_scaler_orchestration::status::set(
            &ctx,
            &ScalerStatus {
                phase,
                target,
                instance_count: state.instance_count,
                commands_served: state.commands_served,
                execution,
                last: state.last.clone(),
            },
        );
    };

    for _ in 0..state.commands_per_execution.max(1) {
        report(&state, ScalerPhase::Waiting, None);
        let command = ec2_cluster_scaler_orchestration::queues::commands::dequeue(&ctx).await?;
        state.commands_served += 1;
        let instances = match command {
            ScalerCommand::Stop => {
                state.last = Some("stopped".to_owned());
                report(&state, ScalerPhase::Stopped, None);
                return Ok(Ec2ClusterScalerOutput {
                    instance_count: state.instance_count,
                    commands_served: state.commands_served,
                    executions: execution,
                });
            }
            ScalerCommand::Scale { instances } => instances,
        };
        let from = state.instance_count;
        if instances == 0 || instances > MAX_INSTANCES {
            state.last = Some(format!(
                "scale to {instances} ignored: a cluster has between 1 and {MAX_INSTANCES} instances"
            ));
            continue;
        }
        if instances == from {
            state.last = Some(format!("scale to {instances} ignored: already {from}"));
            continue;
        }
        if instances < from {
            report(&state, ScalerPhase::AwaitingConfirmation, Some(instances));
            let answer = ctx
                .select2(
                    ec2_cluster_scaler_orchestration::events::confirm::wait(&ctx),
                    ctx.schedule_timer(Duration::from_secs(state.confirm_timeout_secs)),
                )
                .await;
            let refusal = match answer {
                Either2::First(confirmation) => {
                    let confirmation = confirmation?;
                    (!confirmation.approved).then(|| format!("refused by {}", confirmation.by))
                }
                Either2::Second(()) => Some(format!(
                    "not confirmed within {}s",
                    state.confirm_timeout_secs
                )),
            };
            if let Some(refusal) = refusal {
                state.last = Some(format!("scale from {from} to {instances} {refusal}"));
                continue;
            }
        }
        report(&state, ScalerPhase::Resizing, Some(instances));
        let resized = resize_ec2_cluster_orchestration::call(
            &ctx,
            &ResizeEc2ClusterInput {
                cluster_name: state.cluster_name.clone(),
                region: state.region.clone(),
                cluster_id: state.cluster_id.clone(),
                from,
                to: instances,
            },
        )
        .await?;
        state.instance_count = resized.instance_count;
        state.last = Some(format!("scaled from {from} to {instances}"));
    }

    // The history stays short: the next execution starts empty, with the state carried in
    // its input, and finds the commands not served yet still in the queue.
    state.executions = execution;
    ec2_cluster_scaler_orchestration::continue_as_new(&ctx, &state).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::INSTANCE_KIND;
    use crate::orchestrations::create_ec2_cluster::create_ec2_cluster_orchestration;
    use crate::types::CreateEc2ClusterInput;
    use duroxide::providers::sqlite::SqliteProvider;
    use duroxide::runtime::Runtime;
    use duroxide::Client;
    use simulated_cloud::SimulatedCloud;
    use std::sync::Arc;

    const TIMEOUT: Duration = Duration::from_secs(30);

    /// Waits until the scaler's typed status has `phase` with `commands_served`, and returns it.
    async fn wait_for(client: &Client, id: &str, phase: ScalerPhase, served: u32) -> ScalerStatus {
        let mut version = 0;
        loop {
            let status = ec2_cluster_scaler_orchestration::status::wait_for_change(
                client, id, version, TIMEOUT,
            )
            .await
            .unwrap();
            if let Some(value) = status
                .value
                .filter(|s| s.phase == phase && s.commands_served == served)
            {
                return value;
            }
            assert!(
                !status.state.is_finished(),
                "{id} finished before {phase:?}"
            );
            version = status.version;
        }
    }

    /// The instances of `cluster` in the cloud, and the targets of its load balancer.
    fn cluster_in_cloud(cluster: &str) -> (Vec<String>, Vec<String>) {
        let resources = SimulatedCloud::ambient().resources().unwrap();
        let instances = resources
            .iter()
            .filter(|r| r.kind == INSTANCE_KIND && r.id.contains(&format!("instance/{cluster}-")))
            .map(|r| r.properties["instance_id"].clone())
            .collect();
        let balancer = resources
            .iter()
            .find(|r| r.id.ends_with(&format!("/{cluster}-lb")))
            .unwrap();
        let targets = balancer.properties["targets"]
            .split(',')
            .map(str::to_owned)
            .collect();
        (instances, targets)
    }

    async fn scale(client: &Client, id: &str, command: ScalerCommand) {
        ec2_cluster_scaler_orchestration::queues::commands::enqueue(client, id, &command)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn grows_shrinks_on_confirmation_ignores_bad_sizes_and_continues_as_new() {
        let _serial = crate::test_support::one_runtime_at_a_time().await;
        let store = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
        let runtime = Runtime::start_with_store(
            store.clone(),
            crate::registry::create_activity_registry(),
            crate::registry::create_orchestration_registry(),
        )
        .await;
        let client = Client::new(store);
        let cluster = CreateEc2ClusterInput {
            cluster_name: "elastic".to_owned(),
            instance_count: 2,
            region: "us-east-1".to_owned(),
        };
        create_ec2_cluster_orchestration::start(&client, "scaler-test-cluster", &cluster)
            .await
            .unwrap();
        let created =
            create_ec2_cluster_orchestration::wait(&client, "scaler-test-cluster", TIMEOUT)
                .await
                .unwrap()
                .unwrap();

        let id = "scaler-test";
        let input = Ec2ClusterScalerInput {
            cluster_name: "elastic".to_owned(),
            region: "us-east-1".to_owned(),
            cluster_id: created.cluster_id,
            instance_count: 2,
            commands_per_execution: 2,
            confirm_timeout_secs: 300,
            commands_served: 0,
            executions: 0,
            last: None,
        };
        ec2_cluster_scaler_orchestration::start(&client, id, &input)
            .await
            .unwrap();
        wait_for(&client, id, ScalerPhase::Waiting, 0).await;
        // All queued at once: served one at a time, across executions.
        for instances in [4, 1, 0, 3, 2] {
            scale(&client, id, ScalerCommand::Scale { instances }).await;
        }
        scale(&client, id, ScalerCommand::Stop).await;

        // The shrink to 1 waits for its confirmation; approved, it resizes.
        let asking = wait_for(&client, id, ScalerPhase::AwaitingConfirmation, 2).await;
        assert_eq!((asking.target, asking.instance_count), (Some(1), 4));
        let yes = ScaleConfirmation {
            approved: true,
            by: "ops".to_owned(),
        };
        ec2_cluster_scaler_orchestration::events::confirm::raise(&client, id, &yes)
            .await
            .unwrap();
        // The shrink from 3 to 2, in the third execution, is refused.
        let asking = wait_for(&client, id, ScalerPhase::AwaitingConfirmation, 5).await;
        assert_eq!((asking.target, asking.execution), (Some(2), 3));
        let no = ScaleConfirmation {
            approved: false,
            by: "lead".to_owned(),
        };
        ec2_cluster_scaler_orchestration::events::confirm::raise(&client, id, &no)
            .await
            .unwrap();

        let output = ec2_cluster_scaler_orchestration::wait(&client, id, TIMEOUT)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            output,
            Ec2ClusterScalerOutput {
                instance_count: 3,
                commands_served: 6,
                executions: 3
            }
        );
        assert_eq!(client.list_executions(id).await.unwrap().len(), 3);
        let status = ec2_cluster_scaler_orchestration::status::get(&client, id)
            .await
            .unwrap()
            .value
            .unwrap();
        assert_eq!(status.phase, ScalerPhase::Stopped);
        let (mut instances, mut targets) = cluster_in_cloud("elastic");
        instances.sort();
        targets.sort();
        assert_eq!(instances.len(), 3);
        assert_eq!(instances, targets);
        runtime.shutdown(None).await;
    }

    #[tokio::test]
    async fn an_unanswered_scale_down_is_refused_when_its_timer_fires() {
        let _serial = crate::test_support::one_runtime_at_a_time().await;
        let store = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
        let runtime = Runtime::start_with_store(
            store.clone(),
            crate::registry::create_activity_registry(),
            crate::registry::create_orchestration_registry(),
        )
        .await;
        let client = Client::new(store);
        let id = "scaler-test-timeout";
        // No cluster is needed: nothing is resized.
        let input = Ec2ClusterScalerInput {
            cluster_name: "idle".to_owned(),
            region: "us-east-1".to_owned(),
            cluster_id: "pg-none".to_owned(),
            instance_count: 3,
            commands_per_execution: 10,
            confirm_timeout_secs: 1,
            commands_served: 0,
            executions: 0,
            last: None,
        };
        ec2_cluster_scaler_orchestration::start(&client, id, &input)
            .await
            .unwrap();
        wait_for(&client, id, ScalerPhase::Waiting, 0).await;
        scale(&client, id, ScalerCommand::Scale { instances: 1 }).await;
        let after = wait_for(&client, id, ScalerPhase::Waiting, 1).await;
        assert_eq!(
            after.last.as_deref(),
            Some("scale from 3 to 1 not confirmed within 1s")
        );
        assert_eq!(after.instance_count, 3);
        // A confirmation now waits for nothing: dropped, and the stop still ends it.
        let late = ScaleConfirmation {
            approved: true,
            by: "late".to_owned(),
        };
        ec2_cluster_scaler_orchestration::events::confirm::raise(&client, id, &late)
            .await
            .unwrap();
        scale(&client, id, ScalerCommand::Stop).await;
        let output = ec2_cluster_scaler_orchestration::wait(&client, id, TIMEOUT)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(output.instance_count, 3);
        runtime.shutdown(None).await;
    }
}
