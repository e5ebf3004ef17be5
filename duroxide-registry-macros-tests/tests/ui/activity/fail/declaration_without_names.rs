// A declaration (a signature without a body) names work implemented elsewhere: defaults taken
// from this crate would name the wrong item, so the prefix and the name must be written.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration};

/// Charge a card (the payments worker, in Python).
#[activity]
pub async fn charge_card(ctx: ActivityContext, input: String) -> Result<String, String>;

/// Provision PostgreSQL (duroxide-azure-arm): the prefix is given, the name is not.
#[orchestration(prefix = "duroxide-azure-arm", version = "1.0.0")]
pub async fn provision_postgres(ctx: OrchestrationContext, input: String) -> Result<String, String>;

fn main() {}
