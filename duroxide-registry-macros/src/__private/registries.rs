//! What `create_*_registry()` and `list_*()` do with what `registry!` collects.

use super::companion::{Channel, Info, Infos, Register};
use crate::inventory::{ActivityInfo, DeclaredInfo, OrchestrationInfo};
use duroxide::runtime::registry::ActivityRegistryBuilder;
use duroxide::{OrchestrationRegistry, OrchestrationRegistryBuilder};

/// Registers an activity of a registry without a configuration (`registry!` calls this once per
/// entry, with the entry's `__INFO.register`, which an optimized build reads as a constant).
#[inline]
#[must_use]
pub fn register_activity(
    builder: ActivityRegistryBuilder,
    register: Register,
) -> ActivityRegistryBuilder {
    match register {
        Register::Activity(register) => register(builder),
        Register::Orchestration(_) | Register::Nothing => builder,
    }
}

/// The registry of the orchestrations `steps` register, each with its version's sort key, in
/// ascending versions, which duroxide requires of the versions of one name (it panics
/// otherwise): sorted here, stably, so that the list's order does not matter.
#[must_use]
pub fn orchestrations(steps: &mut [(&'static [u8], Register)]) -> OrchestrationRegistry {
    // Nearly always in order already: one pass tells, where a sort would prepare to move.
    if !steps.is_sorted_by_key(|(key, _)| *key) {
        steps.sort_by_key(|(key, _)| *key);
    }
    let mut builder: OrchestrationRegistryBuilder = OrchestrationRegistry::builder();
    for (_, register) in steps.iter() {
        if let Register::Orchestration(register) = register {
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
            events: declared(info, Channel::Event),
            queues: declared(info, Channel::Queue),
            kv: declared(info, Channel::Kv),
            status: info.status,
        })
        .collect()
}

/// What `info` declares of `channel`, for the inventory.
fn declared(info: &Info, channel: Channel) -> Vec<DeclaredInfo> {
    info.interface
        .iter()
        .filter(|declared| declared.channel == channel)
        .map(|declared| DeclaredInfo {
            key: declared.key,
            wire_name: declared.wire,
            payload_type: declared.payload_type,
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
