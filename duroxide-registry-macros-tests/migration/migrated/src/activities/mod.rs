//! Activities for fleet operations
//!
//! Each activity module exports:
//! - `NAME`: The activity name constant for registration
//! - `activity`: The async activity function

pub mod attach_disk;
pub mod notify_owner;
pub mod provision_vm;

// Submodules for related activities
pub mod cms;
