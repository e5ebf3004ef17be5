//! Create an EC2 cluster.

use crate::activities;
use crate::activity_types::{LaunchInstanceInput, LoadBalancerInput, PlacementGroupInput};
use crate::types::{CreateEc2ClusterInput, CreateEc2ClusterOutput};
use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

/// The most instances one cluster may have.
pub const MAX_INSTANCES: u32 = 20;

/// Create an EC2 cluster: a placement group, its instances launched in parallel, and a load
/// balancer in front of them.
#[orchestration(name = "create-ec2-cluster")]
pub async fn create_ec2_cluster_orchestration(
    ctx: OrchestrationContext,
    input: CreateEc2ClusterInput,
) -> Result<CreateEc2ClusterOutput, String> {
    if input.instance_count == 0 || input.instance_count > MAX_INSTANCES {
        return Err(format!(
            "instance_count must be between 1 and {MAX_INSTANCES}, not {}",
            input.instance_count
        ));
    }
    ctx.trace_info(format!(
        "Creating cluster {} with {} instance(s) in {}",
        input.cluster_name, input.instance_count, input.region
    ));

    let group = activities::create_placement_group::call(
        &ctx,
        &PlacementGroupInput {
            name: input.cluster_name.clone(),
            region: input.region.clone(),
        },
    )
    .await?;

    // Fan out: every instance launches at once, and ctx.join waits for all of them,
    // deterministically on replay.
    let launches: Vec<LaunchInstanceInput> = (0..input.instance_count)
        .map(|index| LaunchInstanceInput {
            name: format!("{}-{index}", input.cluster_name),
            region: input.region.clone(),
            placement_group_id: group.group_id.clone(),
        })
        .collect();
    let pending = launches
        .iter()
        .map(|launch| activities::launch_instance::call(&ctx, launch))
        .collect();
    let instances = ctx
        .join(pending)
        .await
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;

    let balancer = activities::create_load_balancer::call(
        &ctx,
        &LoadBalancerInput {
            name: format!("{}-lb", input.cluster_name),
            region: input.region.clone(),
            target_instance_ids: instances.into_iter().map(|i| i.instance_id).collect(),
        },
    )
    .await?;

    Ok(CreateEc2ClusterOutput {
        cluster_id: group.group_id,
        endpoint: format!("http://{}", balancer.dns_name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::{INSTANCE_KIND, LOAD_BALANCER_KIND};
    use duroxide::providers::sqlite::SqliteProvider;
    use duroxide::runtime::Runtime;
    use duroxide::Client;
    use simulated_cloud::SimulatedCloud;
    use std::sync::Arc;
    use std::time::Duration;

    /// The pattern's "Testing Your Library": runtime on in-memory SQLite, typed start and wait.
    async fn create(
        instance: &str,
        input: &CreateEc2ClusterInput,
    ) -> Result<CreateEc2ClusterOutput, String> {
        let _serial = crate::test_support::one_runtime_at_a_time().await;
        let store = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
        let runtime = Runtime::start_with_store(
            store.clone(),
            crate::registry::create_activity_registry(),
            crate::registry::create_orchestration_registry(),
        )
        .await;
        let client = Client::new(store);
        client
            .start_orchestration_typed(
                instance,
                crate::names::orchestrations::CREATE_EC2_CLUSTER,
                input,
            )
            .await
            .unwrap();
        let output = client
            .wait_for_orchestration_typed(instance, Duration::from_secs(20))
            .await
            .unwrap();
        runtime.shutdown(None).await;
        output
    }

    fn input(cluster_name: &str, instance_count: u32) -> CreateEc2ClusterInput {
        CreateEc2ClusterInput {
            cluster_name: cluster_name.to_owned(),
            instance_count,
            region: "us-east-1".to_owned(),
        }
    }

    #[tokio::test]
    async fn launches_every_instance_behind_one_load_balancer() {
        let output = create("ec2-fan-out", &input("fan-out", 3)).await.unwrap();
        assert_eq!(output.endpoint, "http://fan-out-lb.us-east-1.elb.sim");

        let resources = SimulatedCloud::ambient().resources().unwrap();
        let instances: Vec<_> = resources
            .iter()
            .filter(|r| {
                r.kind == INSTANCE_KIND && r.properties["placement_group_id"] == output.cluster_id
            })
            .collect();
        assert_eq!(instances.len(), 3);
        let balancer = resources
            .iter()
            .find(|r| r.kind == LOAD_BALANCER_KIND && r.id.ends_with("/fan-out-lb"));
        let targets = &balancer.unwrap().properties["targets"];
        for instance in instances {
            assert!(targets.contains(&instance.properties["instance_id"]));
        }
    }

    #[tokio::test]
    async fn a_second_run_for_the_same_cluster_reuses_every_resource() {
        let first = create("ec2-again-1", &input("again", 2)).await.unwrap();
        let second = create("ec2-again-2", &input("again", 2)).await.unwrap();
        assert_eq!(first, second);
        let counts = SimulatedCloud::ambient().creation_counts().unwrap();
        let ours: Vec<_> = counts
            .iter()
            .filter(|(id, _)| id.contains("/again"))
            .collect();
        assert_eq!(
            ours.len(),
            4,
            "group, two instances, load balancer: {ours:?}"
        );
        assert!(ours.iter().all(|(_, &count)| count == 1));
    }

    #[tokio::test]
    async fn an_empty_cluster_is_refused_before_anything_is_created() {
        let error = create("ec2-empty", &input("empty", 0)).await.unwrap_err();
        assert_eq!(error, "instance_count must be between 1 and 20, not 0");
        let resources = SimulatedCloud::ambient().resources().unwrap();
        assert!(!resources.iter().any(|r| r.id.contains("/empty")));
    }
}
