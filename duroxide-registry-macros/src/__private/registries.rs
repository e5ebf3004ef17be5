//! What `create_*_registry()` and `list_*()` do with what `registry!` collects.

use super::companion::{Channel, Info, Infos, Register};
use crate::inventory::{ActivityInfo, DeclaredInfo, Implemented, OrchestrationInfo};
use duroxide::runtime::registry::{ActivityRegistry, ActivityRegistryBuilder};
use duroxide::{OrchestrationRegistry, OrchestrationRegistryBuilder};

/// Registers the activities of a registry without a configuration, in list order. (Those that
/// take a `#[config]` parameter hold [`Register::Nothing`]: `registry!` registers them itself,
/// with the configuration.)
#[must_use]
pub fn activities(
    mut builder: ActivityRegistryBuilder,
    infos: &'static [Info],
) -> ActivityRegistryBuilder {
    for info in infos {
        if let Register::Activity(register) = info.register {
            builder = register(builder);
        }
    }
    builder
}

/// The registry of the orchestrations `infos` register, in ascending versions, which duroxide
/// requires of the versions of one name (it panics otherwise): sorted here, stably, so that the
/// list's order does not matter.
#[must_use]
pub fn orchestrations(infos: &'static [Info]) -> OrchestrationRegistry {
    // Nearly always in order already: one pass tells, and then nothing is copied.
    if infos.is_sorted_by_key(|info| info.version_key) {
        return register_orchestrations(infos.iter());
    }
    let mut sorted: Vec<&Info> = infos.iter().collect();
    sorted.sort_by_key(|info| info.version_key);
    register_orchestrations(sorted.into_iter())
}

fn register_orchestrations<'a>(infos: impl Iterator<Item = &'a Info>) -> OrchestrationRegistry {
    let mut builder: OrchestrationRegistryBuilder = OrchestrationRegistry::builder();
    for info in infos {
        if let Register::Orchestration(register) = info.register {
            builder = register(builder);
        }
    }
    builder.build()
}

/// `list_orchestrations()`: the orchestrations registered here, then those registered by hand,
/// then those implemented elsewhere.
#[must_use]
pub fn orchestration_infos(infos: &Infos) -> Vec<OrchestrationInfo> {
    listed(infos)
        .filter(|(info, _)| info.orchestration)
        .map(|(info, implemented)| OrchestrationInfo {
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
            implemented,
        })
        .collect()
}

/// `list_activities()`, in the same order.
#[must_use]
pub fn activity_infos(infos: &Infos) -> Vec<ActivityInfo> {
    listed(infos)
        .filter(|(info, _)| !info.orchestration)
        .map(|(info, implemented)| ActivityInfo {
            name: info.name,
            description: info.description,
            input_type: info.input_type,
            output_type: info.output_type,
            idempotent: info.idempotent,
            retry: info.retry,
            implemented,
        })
        .collect()
}

/// Every item of every list, with where it is implemented. (An entry that is no companion
/// fails the build; its fallback info is of neither kind's list.)
fn listed(infos: &Infos) -> impl Iterator<Item = (&'static Info, Implemented)> {
    let of = |list: &'static [Info], implemented| list.iter().map(move |info| (info, implemented));
    of(infos.orchestrations, Implemented::Here)
        .chain(of(infos.activities, Implemented::Here))
        .chain(of(infos.by_hand, Implemented::ByHand))
        .chain(of(infos.external, Implemented::Elsewhere))
        .filter(|(info, _)| !info.name.is_empty())
}

/// What an entry of `infos` declares of `channel`, for the inventory.
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

/// `verify()`: whether the registries a crate actually builds hold every item its `registry!`
/// lists under `by_hand`, each orchestration at its version.
///
/// # Errors
///
/// Each item the registries lack, in words.
pub fn verify(
    by_hand: &[Info],
    activities: &ActivityRegistry,
    orchestrations: &OrchestrationRegistry,
) -> Result<(), Vec<String>> {
    let missing: Vec<String> = by_hand
        .iter()
        .filter(|info| !info.name.is_empty())
        .filter_map(|info| {
            if !info.orchestration {
                return (!activities.has(info.name)).then(|| {
                    format!(
                        "the activity `{}` is not in the activity registry",
                        info.name
                    )
                });
            }
            let registered = orchestrations
                .list_versions(info.name)
                .iter()
                .any(|version| version.to_string() == info.version);
            (!registered).then(|| {
                format!(
                    "the orchestration `{}` {} is not in the orchestration registry",
                    info.name, info.version
                )
            })
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing)
    }
}
