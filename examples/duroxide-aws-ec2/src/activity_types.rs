//! Input and output types for activities

use serde::{Deserialize, Serialize};

/// Input of [`crate::activities::create_placement_group::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementGroupInput {
    /// Group name, unique within the region.
    pub name: String,
    /// Region of the group.
    pub region: String,
}

/// Output of [`crate::activities::create_placement_group::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementGroupOutput {
    /// Id of the group, `pg-…`.
    pub group_id: String,
}

/// Input of [`crate::activities::launch_instance::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaunchInstanceInput {
    /// Instance name, unique within the region: the idempotency key.
    pub name: String,
    /// Region of the instance.
    pub region: String,
    /// Placement group to launch into; it must exist.
    pub placement_group_id: String,
}

/// Output of [`crate::activities::launch_instance::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaunchInstanceOutput {
    /// Id of the instance, `i-…`.
    pub instance_id: String,
    /// Private address of the instance.
    pub private_ip: String,
}

/// Input of [`crate::activities::create_load_balancer::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadBalancerInput {
    /// Load balancer name, unique within the region.
    pub name: String,
    /// Region of the load balancer.
    pub region: String,
    /// Ids of the instances to route to; each must exist.
    pub target_instance_ids: Vec<String>,
}

/// Output of [`crate::activities::create_load_balancer::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadBalancerOutput {
    /// ARN of the load balancer.
    pub load_balancer_arn: String,
    /// Public DNS name of the load balancer.
    pub dns_name: String,
}

/// Input of [`crate::activities::terminate_instance::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminateInstanceInput {
    /// Instance name, as launched.
    pub name: String,
    /// Region of the instance.
    pub region: String,
}

/// Output of [`crate::activities::terminate_instance::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminateInstanceOutput {
    /// Id of the instance terminated; `None` when no instance of that name was running (it was
    /// terminated already, by an earlier attempt of the same activity, say).
    pub instance_id: Option<String>,
}

/// Input of [`crate::activities::set_load_balancer_targets::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadBalancerTargetsInput {
    /// Name of an existing load balancer.
    pub name: String,
    /// Region of the load balancer.
    pub region: String,
    /// Ids of the instances to route to from now on, replacing the previous ones; each must
    /// exist.
    pub target_instance_ids: Vec<String>,
}
