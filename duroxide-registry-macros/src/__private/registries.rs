//! What `create_*_registry()` and `list_*()` do with `registry!`'s table.

use super::companion::{Configured, Lists, Register};
use crate::inventory::{ActivityInfo, OrchestrationInfo};
use duroxide::runtime::registry::{ActivityRegistry, ActivityRegistryBuilder};
use duroxide::{OrchestrationRegistry, OrchestrationRegistryBuilder};
use std::sync::Arc;

/// A builder holding every activity of `lists` that registers without a configuration.
#[must_use]
pub fn activities(lists: &Lists) -> ActivityRegistryBuilder {
    let mut builder = ActivityRegistry::builder();
    for row in lists.activities {
        if let Register::Activity(register) = row.entry.register {
            builder = register(builder);
        }
    }
    builder
}

/// Registers an activity of a registry with the configuration `C`, by its configured slot.
#[inline]
pub fn configure<C, S: Configured<C>>(
    builder: ActivityRegistryBuilder,
    config: &Arc<C>,
    slot: S,
) -> ActivityRegistryBuilder {
    slot.register(builder, config)
}

/// The registry of every orchestration of `lists`, registered in `order`: ascending versions,
/// which duroxide requires ([`version_order`](super::checks::version_order)).
#[must_use]
pub fn orchestrations(lists: &Lists, order: &[usize]) -> OrchestrationRegistry {
    let mut builder: OrchestrationRegistryBuilder = OrchestrationRegistry::builder();
    for &index in order {
        if let Register::Orchestration(register) = lists.orchestrations[index].entry.register {
            builder = register(builder);
        }
    }
    builder.build()
}

/// `list_orchestrations()`.
#[must_use]
pub fn orchestration_infos(lists: &Lists) -> Vec<OrchestrationInfo> {
    lists
        .orchestrations
        .iter()
        .map(|row| OrchestrationInfo {
            name: row.entry.name,
            description: row.entry.description,
            input_type: row.entry.input_type,
            output_type: row.entry.output_type,
            activities_used: row.entry.uses.to_vec(),
            version: row.entry.version,
        })
        .collect()
}

/// `list_activities()`.
#[must_use]
pub fn activity_infos(lists: &Lists) -> Vec<ActivityInfo> {
    lists
        .activities
        .iter()
        .map(|row| ActivityInfo {
            name: row.entry.name,
            description: row.entry.description,
            input_type: row.entry.input_type,
            output_type: row.entry.output_type,
            idempotent: row.entry.idempotent,
        })
        .collect()
}
