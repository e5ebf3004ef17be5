//! What the macros generated for the edition-2024 library.

use duroxide_registry_macros_edition2024::{
    ActivityInfo, activities, create_activity_registry, create_orchestration_registry,
    internal_activities, internal_inventory, list_activities, list_orchestrations, names,
    orchestrations,
};

const PREFIX: &str = env!("CARGO_PKG_NAME");

#[test]
fn names_follow_the_convention() {
    assert_eq!(
        activities::provision_vm::NAME,
        format!("{PREFIX}::activity::provision-vm")
    );
    assert_eq!(
        activities::delete::NAME,
        format!("{PREFIX}::activity::delete-vm")
    );
    assert_eq!(activities::r#gen::NAME, format!("{PREFIX}::activity::gen"));
    assert_eq!(
        orchestrations::provision_v1::NAME,
        format!("{PREFIX}::orchestration::provision")
    );
    assert_eq!(
        orchestrations::provision_v2::NAME,
        orchestrations::provision_v1::NAME
    );
    assert_eq!(
        orchestrations::replace::NAME,
        format!("{PREFIX}::orchestration::replace")
    );
    assert_eq!(names::activities::GEN, activities::r#gen::NAME);
    assert_eq!(
        names::orchestrations::PROVISION_V1,
        orchestrations::provision_v1::NAME
    );
    assert_eq!(
        names::orchestrations::PROVISION_V2,
        orchestrations::provision_v2::NAME
    );
}

#[test]
fn companions_describe_the_functions() {
    assert_eq!(
        (
            activities::provision_vm::IDEMPOTENT,
            activities::delete::IDEMPOTENT
        ),
        (true, false)
    );
    assert_eq!(activities::provision_vm::DESCRIPTION, "Provisions a VM.");
    assert_eq!(activities::delete::DESCRIPTION, "Deletes a VM by id");
    assert_eq!(orchestrations::provision_v1::VERSION, "1.0.0");
    assert_eq!(orchestrations::provision_v2::VERSION, "2.0.0");
    assert_eq!(
        orchestrations::provision_v2::ACTIVITIES_USED,
        [
            activities::provision_vm::NAME,
            format!("{PREFIX}::activity::audit").as_str()
        ]
    );
    assert_eq!(
        orchestrations::replace::ACTIVITIES_USED,
        [orchestrations::provision_v2::NAME, activities::delete::NAME]
    );
}

#[test]
fn registries_hold_every_listed_item() {
    let activities = create_activity_registry();
    assert_eq!(activities.count(), 4);
    for name in [
        names::activities::PROVISION_VM,
        names::activities::DELETE,
        names::activities::GEN,
        names::activities::AUDIT,
    ] {
        assert!(activities.has(name), "{name}");
    }
    let orchestrations = create_orchestration_registry();
    assert_eq!(orchestrations.count(), 2);
    let versions: Vec<String> = orchestrations
        .list_versions(names::orchestrations::PROVISION_V1)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(versions, ["1.0.0", "2.0.0"]);
    assert!(orchestrations.has(names::orchestrations::REPLACE));

    let internal = internal_activities();
    assert_eq!(internal.count(), 1);
    assert!(internal.has(&format!("{PREFIX}::activity::tick")));
    assert_eq!(internal_inventory(), [format!("{PREFIX}::activity::tick")]);
}

#[test]
fn inventory_lists_what_the_code_says() {
    let listed = list_activities();
    assert_eq!(listed.len(), 4);
    assert_eq!(
        listed[0],
        ActivityInfo {
            name: activities::provision_vm::NAME,
            description: "Provisions a VM.",
            input_type: "VmRequest",
            output_type: "Vm",
            idempotent: true,
            retry: None,
            implemented: duroxide_registry_macros::inventory::Implemented::Here,
        }
    );
    assert_eq!(listed[1].output_type, "()");
    assert_eq!(listed[2].input_type, "u64");
    let flows = list_orchestrations();
    let rows: Vec<(&str, &str)> = flows.iter().map(|o| (o.name, o.version)).collect();
    assert_eq!(
        rows,
        [
            (orchestrations::provision_v2::NAME, "2.0.0"),
            (orchestrations::provision_v1::NAME, "1.0.0"),
            (orchestrations::replace::NAME, "1.0.0"),
        ]
    );
    let json = serde_json::to_value(&flows[2]).expect("the inventory serializes");
    assert_eq!(json["activities_used"][1], activities::delete::NAME);
}
