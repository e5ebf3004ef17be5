//! What `create_*_registry()` and `list_*()` do with what `registry!` collects.

use super::companion::{Info, Infos, Register};
use crate::inventory::{ActivityInfo, OrchestrationInfo};
use duroxide::runtime::registry::{ActivityRegistry, ActivityRegistryBuilder};
use duroxide::{OrchestrationRegistry, OrchestrationRegistryBuilder};

/// A builder holding every activity of `infos` that registers without a configuration.
#[must_use]
pub fn activities(infos: &Infos) -> ActivityRegistryBuilder {
    let mut builder = ActivityRegistry::builder();
    for info in &infos.activities {
        if let Register::Activity(register) = info.register {
            builder = register(builder);
        }
    }
    builder
}

/// The registry of every orchestration of `infos`, registered in ascending versions, which
/// duroxide requires of the versions of one name (it panics otherwise): sorted here, stably, so
/// that the list's order does not matter.
#[must_use]
pub fn orchestrations(infos: &Infos) -> OrchestrationRegistry {
    let mut in_order: Vec<&Info> = infos.orchestrations.iter().collect();
    in_order.sort_by_key(|info| info.version_key);
    let mut builder: OrchestrationRegistryBuilder = OrchestrationRegistry::builder();
    for info in in_order {
        if let Register::Orchestration(register) = info.register {
            builder = register(builder);
        }
    }
    builder.build()
}

/// `list_orchestrations()`.
#[must_use]
pub fn orchestration_infos(infos: &Infos) -> Vec<OrchestrationInfo> {
    infos
        .orchestrations
        .iter()
        .map(|info| OrchestrationInfo {
            name: info.name,
            description: info.description,
            input_type: info.input_type,
            output_type: info.output_type,
            activities_used: info.uses.to_vec(),
            version: info.version,
        })
        .collect()
}

/// `list_activities()`.
#[must_use]
pub fn activity_infos(infos: &Infos) -> Vec<ActivityInfo> {
    infos
        .activities
        .iter()
        .map(|info| ActivityInfo {
            name: info.name,
            description: info.description,
            input_type: info.input_type,
            output_type: info.output_type,
            idempotent: info.idempotent,
        })
        .collect()
}
