//! Fleet orchestrations and activities for Duroxide, on `duroxide-registry-macros`.
//!
//! This is the crate that a real upgrade ends on: `fleet-handwritten` moved over in place,
//! file per item, with the same wire names under the prefix `duroxide-fleet`, which
//! `../registry.lock` (written from the hand-written twin) pins at compile time.
//!
//! # Quick Start
//!
//! ```rust,no_run
//! use duroxide_fleet::registry::{create_activity_registry, create_orchestration_registry};
//!
//! let orchestrations = create_orchestration_registry();
//! let activities = create_activity_registry();
//! // Runtime::start_with_store(store, activities, orchestrations).await;
//! ```
//!
//! # Available Orchestrations
//!
//! - [`names::orchestrations::CREATE_INSTANCE`] - Create a fleet instance (1.0.5, 1.0.6, 1.0.7)
//!
//! # Available Activities
//!
//! - [`activities::provision_vm::NAME`] - Provision a VM
//! - [`activities::attach_disk::NAME`] - Attach a data disk to a VM
//! - [`activities::cms::create_instance_record::NAME`] - Record an instance in the CMS
//! - [`activities::cms::delete_instance_record::NAME`] - Delete an instance's CMS record
//! - [`activities::notify_owner::NAME`] - Tell an instance's owner about it

pub mod activities;
pub mod activity_types;
pub mod orchestrations;
pub mod registry;
pub mod types;

// Optional: runtime discovery
pub mod inventory {
    pub use crate::registry::{
        list_activities, list_orchestrations, ActivityInfo, OrchestrationInfo,
    };
}
pub use registry::names;

// Re-export commonly used types for convenience
pub use activity_types::*;
pub use types::*;
