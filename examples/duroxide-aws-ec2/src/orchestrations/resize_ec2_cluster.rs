//! Resize an EC2 cluster.

use crate::activities;
use crate::activity_types::{
    LaunchInstanceInput, LoadBalancerTargetsInput, TerminateInstanceInput,
};
use crate::orchestrations::create_ec2_cluster::MAX_INSTANCES;
use crate::types::{ResizeEc2ClusterInput, ResizeEc2ClusterOutput};
use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

/// Resize an EC2 cluster made by `create-ec2-cluster`: launch or terminate instances so that it
/// has the size asked for, and route its load balancer to exactly those.
///
/// Instances are named `{cluster_name}-{index}`, so the cluster keeps instances `0..to`: it
/// launches the missing ones (launching an existing one returns it, with its id), terminates
/// `to..from`, and then points the load balancer at instances `0..to`. Every step is
/// idempotent, so a retried or replayed resize changes nothing twice.
#[orchestration(name = "resize-ec2-cluster")]
pub async fn resize_ec2_cluster_orchestration(
    ctx: OrchestrationContext,
    input: ResizeEc2ClusterInput,
) -> Result<ResizeEc2ClusterOutput, String> {
    if input.to == 0 || input.to > MAX_INSTANCES {
        return Err(format!(
            "a cluster has between 1 and {MAX_INSTANCES} instances, not {}",
            input.to
        ));
    }
    ctx.trace_info(format!(
        "Resizing cluster {} from {} to {} instance(s)",
        input.cluster_name, input.from, input.to
    ));
    let instance = |index: u32| format!("{}-{index}", input.cluster_name);

    let launches: Vec<LaunchInstanceInput> = (0..input.to)
        .map(|index| LaunchInstanceInput {
            name: instance(index),
            region: input.region.clone(),
            placement_group_id: input.cluster_id.clone(),
        })
        .collect();
    let pending = launches
        .iter()
        .map(|launch| activities::launch_instance::call(&ctx, launch))
        .collect();
    let kept = ctx
        .join(pending)
        .await
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;

    let terminations: Vec<TerminateInstanceInput> = (input.to..input.from)
        .map(|index| TerminateInstanceInput {
            name: instance(index),
            region: input.region.clone(),
        })
        .collect();
    if !terminations.is_empty() {
        let pending = terminations
            .iter()
            .map(|termination| activities::terminate_instance::call(&ctx, termination))
            .collect();
        ctx.join(pending)
            .await
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
    }

    let instance_ids: Vec<String> = kept.into_iter().map(|i| i.instance_id).collect();
    let balancer = activities::set_load_balancer_targets::call(
        &ctx,
        &LoadBalancerTargetsInput {
            name: format!("{}-lb", input.cluster_name),
            region: input.region.clone(),
            target_instance_ids: instance_ids.clone(),
        },
    )
    .await?;

    Ok(ResizeEc2ClusterOutput {
        instance_count: input.to,
        instance_ids,
        endpoint: format!("http://{}", balancer.dns_name),
    })
}
