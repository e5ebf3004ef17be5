//! Orchestrations for fleet operations
//!
//! `create-instance` is registered in three versions, one file each, named after the version.
//! Instances started on an older version keep replaying it, so a version's file is never edited
//! once it has shipped: a change is a new file and a new registration.

pub mod steps;

pub mod create_instance_1_0_5_orchestration;
pub use create_instance_1_0_5_orchestration::create_instance_1_0_5_orchestration;

pub mod create_instance_1_0_6_orchestration;
pub use create_instance_1_0_6_orchestration::create_instance_1_0_6_orchestration;

pub mod create_instance_1_0_7_orchestration;
pub use create_instance_1_0_7_orchestration::create_instance_1_0_7_orchestration;
