//! Input and output types for orchestrations

use serde::{Deserialize, Serialize};

/// Input of `create-instance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateInstanceInput {
    /// The instance's name.
    pub name: String,
    /// The region to create it in.
    pub region: String,
    /// Who owns it, and is told once it exists.
    pub owner: String,
}

/// Output of `create-instance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateInstanceOutput {
    /// The VM's identifier.
    pub vm_id: String,
    /// The notification sent to the owner.
    pub notification_id: String,
}
