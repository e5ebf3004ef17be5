//! Name constants for orchestrations
//!
//! Note: Activity names are co-located with their implementations
//! in the activities/ module for better IDE navigation (F12 support).

/// Orchestration names
pub mod orchestrations {
    /// Create a fleet instance: provision its VM, record it in the CMS and tell its owner.
    ///
    /// Registered in three versions, each in a file of its own:
    /// - `1.0.5`: [`crate::orchestrations::create_instance_1_0_5_orchestration()`]
    /// - `1.0.6`: [`crate::orchestrations::create_instance_1_0_6_orchestration()`] (adds a data disk)
    /// - `1.0.7`: [`crate::orchestrations::create_instance_1_0_7_orchestration()`] (waits for the
    ///   `approval` event before the CMS record)
    ///
    /// **Input:** [`crate::types::CreateInstanceInput`]  
    /// **Output:** [`crate::types::CreateInstanceOutput`]  
    /// **Activities used:**
    /// - [`crate::activities::provision_vm::NAME`]
    /// - [`crate::activities::attach_disk::NAME`]
    /// - [`crate::activities::cms::create_instance_record::NAME`]
    /// - [`crate::activities::cms::delete_instance_record::NAME`]
    /// - [`crate::activities::notify_owner::NAME`]
    pub const CREATE_INSTANCE: &str = "duroxide-fleet::orchestration::create-instance";
}
