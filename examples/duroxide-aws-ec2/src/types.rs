//! Input and output types for orchestrations

use serde::{Deserialize, Serialize};

/// Input of [`crate::names::orchestrations::CREATE_EC2_CLUSTER`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateEc2ClusterInput {
    /// Cluster name; instances are named `{cluster_name}-{index}`.
    pub cluster_name: String,
    /// Number of instances, from 1 to [`crate::orchestrations::create_ec2_cluster::MAX_INSTANCES`].
    pub instance_count: u32,
    /// Region, for example `us-east-1`.
    pub region: String,
}

/// Output of [`crate::names::orchestrations::CREATE_EC2_CLUSTER`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateEc2ClusterOutput {
    /// Id of the cluster placement group that holds the instances.
    pub cluster_id: String,
    /// `http://` URL of the load balancer in front of the instances.
    pub endpoint: String,
}
