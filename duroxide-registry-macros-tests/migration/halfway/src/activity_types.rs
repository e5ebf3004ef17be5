//! Input and output types for activities

use serde::{Deserialize, Serialize};

/// Input of `provision-vm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionVmInput {
    /// The VM's name.
    pub name: String,
    /// The region to provision in.
    pub region: String,
}

/// Output of `provision-vm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionVmOutput {
    /// The VM's identifier.
    pub vm_id: String,
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
