//! What `registry!`'s `list_orchestrations()` and `list_activities()` return: one type for every
//! crate, so that an application merges the inventories of all the libraries it composes into
//! one `Vec` without converting anything. Every field comes from the code.
//!
//! The pattern's paths keep working: each `registry!` re-exports both types where it is
//! invoked, so `my_crate::inventory::OrchestrationInfo` can be re-exported from there.

use serde::Serialize;

/// What the inventory says about one orchestration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrchestrationInfo {
    /// The full name, `{crate}::orchestration::{name}`.
    pub name: &'static str,
    /// The first paragraph of the function's doc comment.
    pub description: &'static str,
    /// The input type, as written in the signature.
    pub input_type: &'static str,
    /// The output type, as written in the signature.
    pub output_type: &'static str,
    /// Full names of the activities and sub-orchestrations it calls.
    pub activities_used: Vec<&'static str>,
    /// The version it is registered at.
    pub version: &'static str,
    /// The events it declares (`events(..)`), each with its wire name and payload type.
    pub events: Vec<DeclaredInfo>,
    /// The queues it declares (`queues(..)`).
    pub queues: Vec<DeclaredInfo>,
    /// The KV keys it declares (`kv(..)`).
    pub kv: Vec<DeclaredInfo>,
    /// The type of its custom status (`status = ..`), as written.
    pub status: Option<&'static str>,
}

/// One event, queue or KV key an orchestration declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeclaredInfo {
    /// The key it is declared under, which names its module (`deploy::events::approval`).
    pub key: &'static str,
    /// Its name on the wire.
    pub wire_name: &'static str,
    /// The payload type, as written.
    pub payload_type: &'static str,
}

/// What the inventory says about one activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityInfo {
    /// The full name, `{crate}::activity::{name}`.
    pub name: &'static str,
    /// The first paragraph of the function's doc comment.
    pub description: &'static str,
    /// The input type, as written in the signature.
    pub input_type: &'static str,
    /// The output type, as written in the signature.
    pub output_type: &'static str,
    /// Whether duroxide may safely run it again with the same input.
    pub idempotent: bool,
}
