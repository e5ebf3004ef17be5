//! Work the app calls but does not implement: declarations of items another crate or worker
//! registers.
//!
//! A declaration is a body-less signature under `#[activity]`: it gives the app the typed
//! companion (`NAME`, `call`, `call_once`, `retry_policy`, ...) of an activity whose code runs
//! elsewhere, without linking that code and without registering anything. `registry!` lists it
//! under `external`, so that `list` and `graph` show what the app depends on, and
//! `tests/declarations.rs` checks it against the implementing crate's own inventory
//! (`inventory::check_declarations`).
//!
//! Here the worker that implements it is `duroxide-aws-ec2`, which this process also runs: the
//! app merges the library's activity registry (`registry::composed_activity_registry`), which
//! stands in for an EC2 worker deployed apart from the app, on machines with the cloud's
//! credentials.

use duroxide::ActivityContext;
// The payload types are the library's own. The app links the library anyway (it runs its
// orchestrations as sub-orchestrations), and sharing the types keeps the payloads byte for byte
// the worker's. An app that did not link the worker would define its own types of the same names
// and fields: `check_declarations` compares type names (without their paths), not fields.
use duroxide_aws_ec2::activity_types::{TerminateInstanceInput, TerminateInstanceOutput};
use duroxide_registry_macros::activity;

/// Terminate one EC2 instance; an instance of that name that is already gone is no error
/// (implemented by `duroxide-aws-ec2`'s worker).
///
/// The app calls it with three attempts, 200 ms apart: terminating is idempotent, so a retry
/// after a lost answer is safe. `call` applies this policy; `call_once` schedules one attempt.
#[activity(
    prefix = "duroxide-aws-ec2",
    name = "terminate-instance",
    retry(attempts = 3, backoff = fixed(delay = "200ms"))
)]
pub async fn terminate_instance(
    ctx: ActivityContext,
    input: TerminateInstanceInput,
) -> Result<TerminateInstanceOutput, String>;
