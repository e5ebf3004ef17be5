//! Input and output types for orchestrations

use serde::{Deserialize, Serialize};

/// Input of `create-instance`, shared by all its versions: fields that a version does not use
/// are ignored by it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateInstanceInput {
    /// The instance's name, unique in the fleet.
    pub name: String,
    /// The region to provision in.
    pub region: String,
    /// The VM size.
    pub size: String,
    /// Who asked for the instance, and is told when it is ready.
    pub owner: String,
    /// Size of the data disk in GiB (1.0.6 and later; 64 when absent).
    #[serde(default)]
    pub disk_gb: Option<u32>,
    /// A CMS record this instance replaces, deleted once the new one is written.
    #[serde(default)]
    pub replaces_record: Option<String>,
}

/// Output of `create-instance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateInstanceOutput {
    /// The VM's identifier.
    pub vm_id: String,
    /// The VM's private address.
    pub ip_address: String,
    /// The data disk's identifier (1.0.6 and later).
    #[serde(default)]
    pub disk_id: Option<String>,
    /// Who approved the instance (1.0.7 and later).
    #[serde(default)]
    pub approved_by: Option<String>,
    /// The instance's CMS record.
    pub record_id: String,
    /// The record that was replaced and deleted, if any.
    #[serde(default)]
    pub deleted_record: Option<String>,
    /// The notification sent to the owner.
    pub notification_id: String,
}
