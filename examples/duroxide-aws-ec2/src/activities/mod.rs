//! Activities for EC2 operations
//!
//! Each activity is a function annotated with `#[activity]`; its companion module of the same
//! name exports `NAME`, `activity` and the typed `call` helpers. All of them are idempotent:
//! they return the existing resource of the same name instead of creating a second one. They
//! find the simulated cloud in the environment
//! ([`SimulatedCloud::ambient`](simulated_cloud::SimulatedCloud::ambient)), as an SDK finds its
//! credentials.

use crate::activity_types::{
    LaunchInstanceInput, LaunchInstanceOutput, LoadBalancerInput, LoadBalancerOutput,
    LoadBalancerTargetsInput, PlacementGroupInput, PlacementGroupOutput, TerminateInstanceInput,
    TerminateInstanceOutput,
};
use crate::errors::AwsError;
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;
use simulated_cloud::{
    address, provisioning_delay, Properties, Provisioned, Resource, SimulatedCloud,
};

/// Resource kind of placement groups in the simulated cloud.
pub const PLACEMENT_GROUP_KIND: &str = "aws/placement-group";
/// Resource kind of EC2 instances; a quota on it limits how many can exist.
pub const INSTANCE_KIND: &str = "aws/ec2-instance";
/// Resource kind of load balancers.
pub const LOAD_BALANCER_KIND: &str = "aws/load-balancer";

/// Create a cluster placement group, or return the existing group of the same name.
#[activity(idempotent)]
pub async fn create_placement_group(
    ctx: ActivityContext,
    input: PlacementGroupInput,
) -> Result<PlacementGroupOutput, String> {
    ctx.trace_info(format!(
        "Creating placement group {} in {}",
        input.name, input.region
    ));
    let arn = format!(
        "arn:aws:ec2:{}:placement-group/{}",
        input.region, input.name
    );
    let group = provision(&ctx, &arn, PLACEMENT_GROUP_KIND, |serial| {
        Properties::from([("group_id".to_owned(), format!("pg-{serial:012x}"))])
    })
    .await?;
    Ok(PlacementGroupOutput {
        group_id: property(&group, "group_id")?,
    })
}

/// Launch one EC2 instance into a placement group, or return the running instance of the same name.
#[activity(idempotent)]
pub async fn launch_instance(
    ctx: ActivityContext,
    input: LaunchInstanceInput,
) -> Result<LaunchInstanceOutput, String> {
    ctx.trace_info(format!(
        "Launching instance {} in {}",
        input.name, input.region
    ));
    let cloud = SimulatedCloud::ambient();
    let group_exists = cloud.resources().map_err(AwsError::from)?.iter().any(|r| {
        r.kind == PLACEMENT_GROUP_KIND
            && r.properties.get("group_id") == Some(&input.placement_group_id)
    });
    if !group_exists {
        return Err(AwsError::NotFound {
            resource_id: input.placement_group_id,
        }
        .into());
    }
    let arn = format!("arn:aws:ec2:{}:instance/{}", input.region, input.name);
    let instance = provision(&ctx, &arn, INSTANCE_KIND, |serial| {
        Properties::from([
            ("instance_id".to_owned(), format!("i-{serial:017x}")),
            ("private_ip".to_owned(), address(serial)),
            (
                "placement_group_id".to_owned(),
                input.placement_group_id.clone(),
            ),
        ])
    })
    .await?;
    Ok(LaunchInstanceOutput {
        instance_id: property(&instance, "instance_id")?,
        private_ip: property(&instance, "private_ip")?,
    })
}

/// Create a load balancer routing to the given instances, or return the existing one of the same name.
#[activity(idempotent)]
pub async fn create_load_balancer(
    ctx: ActivityContext,
    input: LoadBalancerInput,
) -> Result<LoadBalancerOutput, String> {
    ctx.trace_info(format!(
        "Creating load balancer {} for {} instance(s)",
        input.name,
        input.target_instance_ids.len()
    ));
    let cloud = SimulatedCloud::ambient();
    let launched = instance_ids(&cloud)?;
    if let Some(missing) = input
        .target_instance_ids
        .iter()
        .find(|id| !launched.contains(id))
    {
        return Err(AwsError::NotFound {
            resource_id: missing.clone(),
        }
        .into());
    }
    let arn = format!(
        "arn:aws:elasticloadbalancing:{}:loadbalancer/app/{}",
        input.region, input.name
    );
    let balancer = provision(&ctx, &arn, LOAD_BALANCER_KIND, |_| {
        Properties::from([
            (
                "dns_name".to_owned(),
                format!("{}.{}.elb.sim", input.name, input.region),
            ),
            ("targets".to_owned(), input.target_instance_ids.join(",")),
        ])
    })
    .await?;
    Ok(LoadBalancerOutput {
        dns_name: property(&balancer, "dns_name")?,
        load_balancer_arn: balancer.id,
    })
}

/// Terminate one EC2 instance; an instance of that name that is already gone is no error.
#[activity(idempotent)]
pub async fn terminate_instance(
    ctx: ActivityContext,
    input: TerminateInstanceInput,
) -> Result<TerminateInstanceOutput, String> {
    ctx.trace_info(format!(
        "Terminating instance {} in {}",
        input.name, input.region
    ));
    let arn = format!("arn:aws:ec2:{}:instance/{}", input.region, input.name);
    let Some(instance) = SimulatedCloud::ambient()
        .remove(&arn)
        .map_err(AwsError::from)?
    else {
        ctx.trace_info(format!("{arn} is already gone"));
        return Ok(TerminateInstanceOutput { instance_id: None });
    };
    tokio::time::sleep(provisioning_delay()).await;
    Ok(TerminateInstanceOutput {
        instance_id: Some(property(&instance, "instance_id")?),
    })
}

/// Make an existing load balancer route to exactly the given instances.
#[activity(idempotent)]
pub async fn set_load_balancer_targets(
    ctx: ActivityContext,
    input: LoadBalancerTargetsInput,
) -> Result<LoadBalancerOutput, String> {
    ctx.trace_info(format!(
        "Routing load balancer {} to {} instance(s)",
        input.name,
        input.target_instance_ids.len()
    ));
    let cloud = SimulatedCloud::ambient();
    let launched = instance_ids(&cloud)?;
    if let Some(missing) = input
        .target_instance_ids
        .iter()
        .find(|id| !launched.contains(id))
    {
        return Err(AwsError::NotFound {
            resource_id: missing.clone(),
        }
        .into());
    }
    let arn = format!(
        "arn:aws:elasticloadbalancing:{}:loadbalancer/app/{}",
        input.region, input.name
    );
    let targets = input.target_instance_ids.join(",");
    let balancer = cloud
        .update(&arn, |properties| {
            properties.insert("targets".to_owned(), targets);
        })
        .map_err(AwsError::from)?
        .ok_or(AwsError::NotFound { resource_id: arn })?;
    Ok(LoadBalancerOutput {
        dns_name: property(&balancer, "dns_name")?,
        load_balancer_arn: balancer.id,
    })
}

/// The ids of every instance of the cloud.
fn instance_ids(cloud: &SimulatedCloud) -> Result<Vec<String>, AwsError> {
    Ok(cloud
        .resources()?
        .into_iter()
        .filter(|r| r.kind == INSTANCE_KIND)
        .filter_map(|r| r.properties.get("instance_id").cloned())
        .collect())
}

/// The idempotent create shared by the activities: an existing resource is returned at once, a
/// new one after the simulated provisioning time.
async fn provision(
    ctx: &ActivityContext,
    id: &str,
    kind: &str,
    properties: impl FnOnce(u64) -> Properties,
) -> Result<Resource, AwsError> {
    let provisioned = SimulatedCloud::ambient().ensure(id, kind, properties)?;
    match provisioned {
        Provisioned::Created(resource) => {
            tokio::time::sleep(provisioning_delay()).await;
            Ok(resource)
        }
        Provisioned::Existing(resource) => {
            ctx.trace_info(format!("{id} already exists, returning existing"));
            Ok(resource)
        }
    }
}

fn property(resource: &Resource, key: &str) -> Result<String, AwsError> {
    resource
        .properties
        .get(key)
        .cloned()
        .ok_or_else(|| AwsError::ServiceError {
            message: format!("{} has no `{key}` property", resource.id),
        })
}
