//! Orchestrations for EC2 operations
//!
//! Each file holds one `#[orchestration]` function; its companion module of the same name
//! exports `NAME`, `VERSION`, `ACTIVITIES_USED` and the typed helpers `start`, `wait` and
//! `call`.

pub mod create_ec2_cluster;
pub mod ec2_cluster_scaler;
pub mod resize_ec2_cluster;
