//! Orchestrations for Azure ARM operations
//!
//! Each file holds one `#[orchestration]` function; its companion module of the same name
//! exports `NAME`, `VERSION`, `ACTIVITIES_USED` and the typed helpers `start`, `wait`
//! (from a client) and `call` (as a sub-orchestration).

pub mod deploy_webapp;
pub mod provision_postgres;
