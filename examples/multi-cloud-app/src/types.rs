//! Input and output types of the app's orchestration and activity.

use serde::{Deserialize, Serialize};

/// Input of [`crate::names::orchestrations::DEPLOY_MULTI_CLOUD`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployMultiCloudInput {
    /// Deployment name; every resource is named after it. See [`validate_name`].
    pub name: String,
    /// Number of EC2 instances in the compute cluster.
    pub instance_count: u32,
    /// Preferred App Service tier of the web front end: `premium`, `standard` or `basic`.
    pub web_tier: String,
    /// Wait for an [`Approval`] before publishing DNS, and serve [`DeployCommand`]s until
    /// then. Absent from the inputs of deployments started before it existed, which run
    /// straight through, as they did; left out of the JSON when `false`, so such an input is
    /// the bytes it always was.
    #[serde(default, skip_serializing_if = "is_false")]
    pub require_approval: bool,
}

// serde's `skip_serializing_if` passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

/// The `approval` event of [`crate::names::orchestrations::DEPLOY_MULTI_CLOUD`]: the answer a
/// deployment started with `require_approval` waits for before it publishes DNS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// Publish (`true`), or stop the deployment (`false`).
    pub approved: bool,
    /// Why, if the approver said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A message on the `commands` queue of a deployment started with `require_approval`:
/// `{"command":"cancel","reason":"..."}` or `{"command":"scale","instances":5}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "kebab-case")]
pub enum DeployCommand {
    /// Stop the deployment now, before it publishes anything more.
    Cancel {
        /// Why, if the sender said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Give the EC2 cluster `instances` instances (1 to 20): the cluster is created with that
    /// many if it has not been yet, and resized to it after the approval otherwise.
    Scale {
        /// The size asked for.
        instances: u32,
    },
}

/// How a deployment that did not complete was stopped: the error of the orchestration, as
/// JSON, which [`DeployStopped::decode`] reads back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stopped", rename_all = "kebab-case")]
pub enum DeployStopped {
    /// A `cancel` command stopped it during `step`.
    Cancelled {
        /// The step it was at.
        step: u32,
        /// Why, if the sender said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The approval was refused.
    Rejected {
        /// Why, if the approver said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

impl DeployStopped {
    /// The error string the orchestration returns.
    #[must_use]
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| self.to_string())
    }

    /// Reads an orchestration's error; `None` when it is not a [`DeployStopped`].
    #[must_use]
    pub fn decode(error: &str) -> Option<Self> {
        serde_json::from_str(error).ok()
    }
}

impl std::fmt::Display for DeployStopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (what, reason) = match self {
            DeployStopped::Cancelled { step, reason } => {
                (format!("cancelled at step {step}"), reason)
            }
            DeployStopped::Rejected { reason } => ("rejected".to_owned(), reason),
        };
        match reason {
            Some(reason) => write!(f, "{what} ({reason})"),
            None => f.write_str(&what),
        }
    }
}

/// Output of [`crate::names::orchestrations::DEPLOY_MULTI_CLOUD`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployMultiCloudOutput {
    /// `postgresql://` URL of the database on Azure.
    pub db_connection: String,
    /// Resource id of the database server.
    pub db_server_id: String,
    /// Placement group of the AWS cluster.
    pub cluster_id: String,
    /// Load balancer URL of the AWS cluster.
    pub cluster_endpoint: String,
    /// Public URL of the web front end on Azure.
    pub app_url: String,
    /// The App Service tier the front end got.
    pub web_tier: String,
    /// The preferred tier, when quota forced a lower one.
    pub web_tier_downgraded_from: Option<String>,
    /// The DNS name published for the deployment.
    pub dns_name: String,
}

/// The typed custom status of [`crate::names::orchestrations::DEPLOY_MULTI_CLOUD`]
/// (`status = Progress`): where the deployment is, read with
/// `deploy_multi_cloud_app::status::get` and `wait_for_change`.
///
/// A client samples the status, so it may miss a step that starts and finishes between two
/// samples; `steps` lists every step started so far, and `notes` everything the deployment
/// did with its commands, so that it can show the ones it missed.
///
/// Every field added after the first four has a default, so that a status written by an older
/// deployment still decodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Current step, from 1; equal to `total` once the last step has finished.
    pub step: u32,
    /// Number of steps.
    pub total: u32,
    /// What the current step does.
    pub message: String,
    /// What each step started so far does, from step 1 to `step` (the last is `message`).
    /// Empty in a status written before this field existed.
    #[serde(default)]
    pub steps: Vec<String>,
    /// What the deployment is doing.
    #[serde(default)]
    pub phase: Phase,
    /// Whether it was started with `require_approval`, and so takes an approval and commands.
    #[serde(default)]
    pub approval_required: bool,
    /// How many instances the EC2 cluster has, or will be created with; 0 in a status written
    /// before this field existed.
    #[serde(default)]
    pub instances: u32,
    /// The size a `scale` asked for once the cluster existed: applied after the approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_instances: Option<u32>,
    /// What the deployment did with each command and answer it received, in order.
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// One entry of [`Progress::notes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The step the deployment was at.
    pub step: u32,
    /// What it did.
    pub text: String,
}

/// What a deployment is doing, in its [`Progress`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Running its steps. One started with `require_approval` takes commands meanwhile.
    #[default]
    Running,
    /// Waiting for its `approval` event (and taking commands) before it publishes DNS.
    AwaitingApproval,
    /// Approved: finishing on its own, without taking commands.
    Approved,
    /// Stopped by a `cancel` command.
    Cancelled,
    /// Stopped because its approval was refused.
    Rejected,
}

impl Phase {
    /// Whether a deployment in this phase, started with `require_approval`, still serves its
    /// `commands` queue.
    #[must_use]
    pub fn takes_commands(self) -> bool {
        matches!(self, Phase::Running | Phase::AwaitingApproval)
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Phase::Running => "running",
            Phase::AwaitingApproval => "awaiting approval",
            Phase::Approved => "approved",
            Phase::Cancelled => "cancelled",
            Phase::Rejected => "rejected",
        })
    }
}

impl Progress {
    /// The steps started so far, as `(number, message)`, from step 1. A status written before
    /// `steps` existed gives only the current step.
    pub fn started(&self) -> impl Iterator<Item = (u32, &str)> + '_ {
        let complete = self.steps.len() == self.step as usize;
        let (first, messages) = if complete {
            (1, self.steps.as_slice())
        } else {
            (self.step, std::slice::from_ref(&self.message))
        };
        (first..).zip(messages.iter().map(String::as_str))
    }
}

/// Input of [`crate::activities::publish_dns_record::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsRecordInput {
    /// Host label; the record is `{name}.multi-cloud.sim`.
    pub name: String,
    /// Where the record points (a CNAME target).
    pub target: String,
}

/// Output of [`crate::activities::publish_dns_record::NAME`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsRecordOutput {
    /// Fully qualified name of the record.
    pub fqdn: String,
}

/// Input of [`crate::names::orchestrations::REPLACE_INSTANCE`]: one instance of a completed
/// deployment's EC2 cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplaceInstanceInput {
    /// The deployment; its cluster is `{deployment}-cluster`.
    pub deployment: String,
    /// The instance to replace, from 0: `{deployment}-cluster-{index}`.
    pub index: u32,
    /// How many instances the cluster has.
    pub instance_count: u32,
    /// The cluster's placement group, `cluster_id` of [`DeployMultiCloudOutput`].
    pub cluster_id: String,
}

/// Output of [`crate::names::orchestrations::REPLACE_INSTANCE`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplaceInstanceOutput {
    /// The instance's name, which the replacement keeps.
    pub instance: String,
    /// Id of the instance terminated; `None` when it was gone already.
    pub terminated: Option<String>,
    /// Id of the instance launched in its place, which the load balancer now routes to.
    pub instance_id: String,
    /// `http://` URL of the cluster's load balancer, unchanged.
    pub endpoint: String,
}

/// Longest accepted deployment name: resource names derived from it must stay within the
/// clouds' limits.
pub const MAX_NAME_LEN: usize = 30;

/// A deployment name becomes an instance id and part of every resource and DNS name, so it
/// must be a DNS label: lowercase letters, digits and inner hyphens, starting with a letter.
///
/// # Errors
///
/// Says what is wrong with the name.
pub fn validate_name(name: &str) -> Result<(), String> {
    let problem = if name.is_empty() {
        "is empty"
    } else if name.len() > MAX_NAME_LEN {
        "is longer than 30 characters"
    } else if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        "must start with a lowercase letter"
    } else if name.ends_with('-') {
        "must not end with `-`"
    } else if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        "may hold only lowercase letters, digits and `-`"
    } else {
        return Ok(());
    };
    Err(format!("invalid deployment name `{name}`: it {problem}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_and_statuses_written_before_the_approval_existed_still_decode() {
        let input: DeployMultiCloudInput =
            serde_json::from_str(r#"{"name":"demo","instance_count":3,"web_tier":"premium"}"#)
                .unwrap();
        assert!(!input.require_approval);
        // Without approval, the input is the bytes it always was.
        assert_eq!(
            serde_json::to_string(&input).unwrap(),
            r#"{"name":"demo","instance_count":3,"web_tier":"premium"}"#
        );
        let status: Progress =
            serde_json::from_str(r#"{"step":2,"total":4,"message":"m","steps":["a","m"]}"#)
                .unwrap();
        assert_eq!(
            (status.phase, status.approval_required, status.instances),
            (Phase::Running, false, 0)
        );
        assert!(status.notes.is_empty());
    }

    #[test]
    fn commands_and_stops_have_the_documented_json() {
        let scale = DeployCommand::Scale { instances: 5 };
        assert_eq!(
            serde_json::to_string(&scale).unwrap(),
            r#"{"command":"scale","instances":5}"#
        );
        let cancel: DeployCommand = serde_json::from_str(r#"{"command":"cancel"}"#).unwrap();
        assert_eq!(cancel, DeployCommand::Cancel { reason: None });
        let stopped = DeployStopped::Cancelled {
            step: 2,
            reason: Some("wrong region".to_owned()),
        };
        assert_eq!(
            DeployStopped::decode(&stopped.encode()),
            Some(stopped.clone())
        );
        assert_eq!(stopped.to_string(), "cancelled at step 2 (wrong region)");
        assert_eq!(DeployStopped::decode("boom"), None);
    }

    #[test]
    fn names_must_be_dns_labels() {
        assert!(validate_name("demo").is_ok());
        assert!(validate_name("shop-2").is_ok());
        for bad in [
            "",
            "Demo",
            "2fast",
            "a_b",
            "trailing-",
            "a.b",
            &"x".repeat(31),
        ] {
            assert!(validate_name(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
