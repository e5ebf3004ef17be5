//! Registry builders for exporting orchestrations and activities: what `registry!` generates
//! for the migrated items, merged with what is still registered by hand.

use crate::activities;
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::OrchestrationRegistry;

/// What `registry!` generates. Its `create_activity_registry()` registers the migrated
/// activities only; the crate's own [`create_activity_registry`] adds the hand-written ones.
pub mod generated {
    duroxide_registry_macros::registry! {
        // On from the first migrated item: every line must stay registered, by `registry!` or,
        // for `by_hand` entries, by hand (which `verify_by_hand` checks in a test).
        lock: "registry.lock",
        orchestrations: [crate::orchestrations::create_instance],
        activities: [crate::activities::provision_vm],
        // Still registered by hand: each entry is a declaration with this crate's prefix.
        by_hand: [crate::by_hand::notify_owner],
    }
}

pub use generated::{
    list_activities, list_orchestrations, registry_lock, verify_by_hand, ActivityInfo,
    OrchestrationInfo,
};

/// Every orchestration of this crate (all migrated).
///
/// Consumers can merge this into their own registry using `.merge()`.
#[must_use]
pub fn create_orchestration_registry() -> OrchestrationRegistry {
    generated::create_orchestration_registry()
}

/// Every activity of this crate: the migrated ones, from `registry!`, merged with those still
/// registered by hand ([`register_by_hand`]).
///
/// Consumers can merge this into their own registry using `.merge()`.
#[must_use]
pub fn create_activity_registry() -> ActivityRegistry {
    ActivityRegistry::builder()
        .merge(generated::create_activity_registry())
        .merge(register_by_hand())
        .build()
}

/// The activities not migrated yet, registered as the hand-written crate always did.
#[must_use]
pub fn register_by_hand() -> ActivityRegistry {
    ActivityRegistry::builder()
        .register_typed(
            activities::notify_owner::NAME,
            activities::notify_owner::activity,
        )
        .build()
}
