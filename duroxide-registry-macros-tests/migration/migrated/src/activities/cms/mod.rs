//! Activities on the configuration management system (CMS)
//!
//! Their wire names carry the group: `duroxide-fleet::activity::cms-{name}`.

pub mod create_instance_record;
pub mod delete_instance_record;
