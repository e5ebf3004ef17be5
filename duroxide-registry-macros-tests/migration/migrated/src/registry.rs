//! Registry builders for exporting orchestrations and activities

duroxide_registry_macros::registry! {
    lock: "../registry.lock",
    names: names,
    orchestrations: [
        crate::orchestrations::create_instance_1_0_5_orchestration as CREATE_INSTANCE,
        crate::orchestrations::create_instance_1_0_6_orchestration as CREATE_INSTANCE,
        crate::orchestrations::create_instance_1_0_7_orchestration as CREATE_INSTANCE,
    ],
    activities: [
        crate::activities::provision_vm,
        crate::activities::attach_disk,
        crate::activities::cms::create_instance_record,
        crate::activities::cms::delete_instance_record,
        crate::activities::notify_owner,
    ],
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
