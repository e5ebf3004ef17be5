//! Registry builders for exporting orchestrations and activities

use crate::activities;
use crate::names::orchestrations;
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::OrchestrationRegistry;

/// Create an OrchestrationRegistry with all orchestrations from this crate.
///
/// `create-instance` is registered in all its versions: an instance replays the version it
/// started on, and a new instance starts on the latest unless its start names a version.
///
/// Consumers can merge this into their own registry using `.merge()`.
pub fn create_orchestration_registry() -> OrchestrationRegistry {
    OrchestrationRegistry::builder()
        .register_versioned_typed(
            orchestrations::CREATE_INSTANCE,
            "1.0.5",
            crate::orchestrations::create_instance_1_0_5_orchestration,
        )
        .register_versioned_typed(
            orchestrations::CREATE_INSTANCE,
            "1.0.6",
            crate::orchestrations::create_instance_1_0_6_orchestration,
        )
        .register_versioned_typed(
            orchestrations::CREATE_INSTANCE,
            "1.0.7",
            crate::orchestrations::create_instance_1_0_7_orchestration,
        )
        .build()
}

/// Create an ActivityRegistry with all activities from this crate.
///
/// Consumers can merge this into their own registry using `.merge()`.
pub fn create_activity_registry() -> ActivityRegistry {
    ActivityRegistry::builder()
        // Use NAME from each activity module
        .register_typed(
            activities::provision_vm::NAME,
            activities::provision_vm::activity,
        )
        .register_typed(
            activities::attach_disk::NAME,
            activities::attach_disk::activity,
        )
        .register_typed(
            activities::cms::create_instance_record::NAME,
            activities::cms::create_instance_record::activity,
        )
        .register_typed(
            activities::cms::delete_instance_record::NAME,
            activities::cms::delete_instance_record::activity,
        )
        .register_typed(
            activities::notify_owner::NAME,
            activities::notify_owner::activity,
        )
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_orchestration_registry_can_be_created() {
        let _registry = create_orchestration_registry();
    }

    #[test]
    fn test_activity_registry_can_be_created() {
        let _registry = create_activity_registry();
    }
}
