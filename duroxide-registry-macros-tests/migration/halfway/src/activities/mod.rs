//! Activities, file per item: `provision_vm` migrated, `notify_owner` still hand-written.

pub mod notify_owner;
pub mod provision_vm;
