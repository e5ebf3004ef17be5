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

/// Progress, published by the orchestration as its custom status (JSON) for clients to poll.
///
/// A client samples the status, so it may miss a step that starts and finishes between two
/// samples; `steps` lists every step started so far, so that it can show the ones it missed.
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
