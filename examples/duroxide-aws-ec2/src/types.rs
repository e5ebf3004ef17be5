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

/// Input of [`crate::names::orchestrations::RESIZE_EC2_CLUSTER`]: a cluster made by
/// `create-ec2-cluster`, and the size it should have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResizeEc2ClusterInput {
    /// The cluster's name, as created.
    pub cluster_name: String,
    /// The cluster's region.
    pub region: String,
    /// The cluster's placement group, `cluster_id` of [`CreateEc2ClusterOutput`].
    pub cluster_id: String,
    /// How many instances it has now: instances `0..from` exist.
    pub from: u32,
    /// How many it should have, from 1 to
    /// [`crate::orchestrations::create_ec2_cluster::MAX_INSTANCES`].
    pub to: u32,
}

/// Output of [`crate::names::orchestrations::RESIZE_EC2_CLUSTER`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResizeEc2ClusterOutput {
    /// How many instances the cluster has now.
    pub instance_count: u32,
    /// Their ids, in the order of their names, which the load balancer routes to.
    pub instance_ids: Vec<String>,
    /// `http://` URL of the load balancer, unchanged by a resize.
    pub endpoint: String,
}

/// Input of [`crate::names::orchestrations::EC2_CLUSTER_SCALER`]: the cluster it scales, and,
/// once it continues as new, what it carries from one execution to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ec2ClusterScalerInput {
    /// The cluster's name, as created.
    pub cluster_name: String,
    /// The cluster's region.
    pub region: String,
    /// The cluster's placement group, `cluster_id` of [`CreateEc2ClusterOutput`].
    pub cluster_id: String,
    /// How many instances the cluster has.
    pub instance_count: u32,
    /// Commands one execution serves before it continues as new, which keeps each history
    /// short; at least 1. 10 when absent.
    #[serde(default = "default_commands_per_execution")]
    pub commands_per_execution: u32,
    /// How long a scale-down waits for its confirmation, in seconds; unanswered, it is
    /// refused. 300 when absent.
    #[serde(default = "default_confirm_timeout_secs")]
    pub confirm_timeout_secs: u64,
    /// Commands served by the earlier executions; 0 when starting.
    #[serde(default)]
    pub commands_served: u32,
    /// Executions before this one; 0 when starting.
    #[serde(default)]
    pub executions: u32,
    /// What the last command served did, if any.
    #[serde(default)]
    pub last: Option<String>,
}

fn default_commands_per_execution() -> u32 {
    10
}

fn default_confirm_timeout_secs() -> u64 {
    300
}

/// A message on the scaler's `commands` queue: `{"command":"scale","instances":4}` or
/// `{"command":"stop"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "kebab-case")]
pub enum ScalerCommand {
    /// Resize the cluster to `instances` (1 to `MAX_INSTANCES`). Growing happens at once;
    /// shrinking waits for a `confirm` event.
    Scale {
        /// The size asked for.
        instances: u32,
    },
    /// End the scaler, which completes with what it did.
    Stop,
}

/// The scaler's `confirm` event: the answer to a scale-down it waits for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleConfirmation {
    /// Whether the scale-down may go ahead.
    pub approved: bool,
    /// Who answered.
    pub by: String,
}

/// What the scaler is doing, in its [`ScalerStatus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScalerPhase {
    /// Waiting for the next command.
    Waiting,
    /// Waiting for the `confirm` event of a scale-down to `target`: raise it now (an event
    /// raised at any other time is dropped).
    AwaitingConfirmation,
    /// Resizing the cluster to `target`.
    Resizing,
    /// Stopped by a `stop` command.
    Stopped,
}

/// The scaler's custom status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalerStatus {
    /// What it is doing.
    pub phase: ScalerPhase,
    /// The size it is resizing to, or asks confirmation for.
    pub target: Option<u32>,
    /// How many instances the cluster has.
    pub instance_count: u32,
    /// Commands served so far, over every execution.
    pub commands_served: u32,
    /// The current execution, from 1; each `continue_as_new` adds one.
    pub execution: u32,
    /// What the last command served did.
    pub last: Option<String>,
}

/// Output of [`crate::names::orchestrations::EC2_CLUSTER_SCALER`], once stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ec2ClusterScalerOutput {
    /// How many instances the cluster has.
    pub instance_count: u32,
    /// Commands served, the `stop` included.
    pub commands_served: u32,
    /// How many executions the instance ran.
    pub executions: u32,
}
