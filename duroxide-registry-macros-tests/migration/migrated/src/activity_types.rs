//! Input and output types for activities

use serde::{Deserialize, Serialize};

/// Input of `provision-vm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionVmInput {
    /// The VM's name.
    pub name: String,
    /// The region to provision in.
    pub region: String,
    /// The VM size.
    pub size: String,
}

/// Output of `provision-vm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionVmOutput {
    /// The VM's identifier.
    pub vm_id: String,
    /// The VM's private address.
    pub ip_address: String,
}

/// Input of `attach-disk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachDiskInput {
    /// The VM to attach the disk to.
    pub vm_id: String,
    /// The disk's size in GiB.
    pub size_gb: u32,
}

/// Output of `attach-disk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachDiskOutput {
    /// The disk's identifier.
    pub disk_id: String,
}

/// Input of `cms-create-instance-record`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CmsInstanceRecord {
    /// The instance's name.
    pub instance_name: String,
    /// The instance's VM.
    pub vm_id: String,
    /// The VM's private address.
    pub ip_address: String,
    /// The instance's data disk, if it has one.
    pub disk_id: Option<String>,
    /// Who approved the instance, if approval was asked for.
    pub approved_by: Option<String>,
}

/// Output of `cms-create-instance-record`, input of `cms-delete-instance-record`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CmsRecordRef {
    /// The record's identifier.
    pub record_id: String,
}

/// Output of `cms-delete-instance-record`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CmsDeleteOutput {
    /// Whether a record was deleted.
    pub deleted: bool,
}

/// Input of `notify-owner`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotifyOwnerInput {
    /// Who to notify.
    pub owner: String,
    /// What to tell them.
    pub message: String,
}

/// Output of `notify-owner`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotifyOwnerOutput {
    /// The notification's identifier.
    pub notification_id: String,
}
