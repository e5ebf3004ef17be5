//! Fleet orchestrations and activities for Duroxide, written by hand.
//!
//! This is the crate that a real upgrade starts from: laid out exactly as the cross-crate
//! registry pattern prescribes (one file per item, `pub const NAME` beside
//! `pub async fn activity`, versions of one orchestration in files of their own), with wire
//! names under the prefix `duroxide-fleet`. Its twin `duroxide-fleet` is the same crate moved
//! over to `duroxide-registry-macros`; `../registry.lock` pins the names both must register.
//!
//! # Quick Start
//!
//! ```rust,no_run
//! use fleet_handwritten::registry::{create_activity_registry, create_orchestration_registry};
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
pub mod names;
pub mod orchestrations;
pub mod registry;
pub mod types;

// Optional: runtime discovery
pub mod inventory;

// Re-export commonly used types for convenience
pub use activity_types::*;
pub use types::*;
