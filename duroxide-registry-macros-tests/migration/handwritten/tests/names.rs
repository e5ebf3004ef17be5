//! Every wire name and version the hand-written registries expose, pinned. The migrated crate
//! must register exactly these, or instances in flight cannot finish on it.

use fleet_handwritten::activities::{attach_disk, cms, notify_owner, provision_vm};
use fleet_handwritten::names::orchestrations::CREATE_INSTANCE;
use fleet_handwritten::registry::{create_activity_registry, create_orchestration_registry};

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

#[test]
fn activity_registry_exposes_every_activity_by_its_wire_name() {
    assert_eq!(
        sorted(create_activity_registry().list_names()),
        [
            "duroxide-fleet::activity::attach-disk",
            "duroxide-fleet::activity::cms-create-instance-record",
            "duroxide-fleet::activity::cms-delete-instance-record",
            "duroxide-fleet::activity::notify-owner",
            "duroxide-fleet::activity::provision-vm",
        ]
    );
}

#[test]
fn activities_are_registered_at_the_default_version_only() {
    let registry = create_activity_registry();
    for name in registry.list_names() {
        let versions: Vec<String> = registry
            .list_versions(&name)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(versions, ["1.0.0"], "{name}");
    }
}

#[test]
fn orchestration_registry_exposes_create_instance_in_three_versions() {
    let registry = create_orchestration_registry();
    assert_eq!(
        registry.list_names(),
        ["duroxide-fleet::orchestration::create-instance"]
    );
    let versions: Vec<String> = registry
        .list_versions(CREATE_INSTANCE)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(versions, ["1.0.5", "1.0.6", "1.0.7"]);
    assert_eq!(
        registry
            .resolve_version(CREATE_INSTANCE)
            .map(|v| v.to_string()),
        Some("1.0.7".to_owned()),
        "a start without a version runs the latest"
    );
}

#[test]
fn name_constants_are_the_wire_names() {
    assert_eq!(
        CREATE_INSTANCE,
        "duroxide-fleet::orchestration::create-instance"
    );
    assert_eq!(provision_vm::NAME, "duroxide-fleet::activity::provision-vm");
    assert_eq!(attach_disk::NAME, "duroxide-fleet::activity::attach-disk");
    assert_eq!(notify_owner::NAME, "duroxide-fleet::activity::notify-owner");
    // The group is part of the name, and the function is called `activity`: neither the
    // function's name nor the file's name gives this wire name.
    assert_eq!(
        cms::create_instance_record::NAME,
        "duroxide-fleet::activity::cms-create-instance-record"
    );
    assert_eq!(
        cms::delete_instance_record::NAME,
        "duroxide-fleet::activity::cms-delete-instance-record"
    );
}

#[test]
fn inventory_lists_what_the_registries_register() {
    let activities = create_activity_registry();
    let listed: Vec<&str> = fleet_handwritten::inventory::list_activities()
        .iter()
        .map(|info| info.name)
        .collect();
    assert_eq!(listed.len(), activities.count());
    assert!(listed.iter().all(|name| activities.has(name)), "{listed:?}");

    let orchestrations = create_orchestration_registry();
    let listed: Vec<(&str, &str)> = fleet_handwritten::inventory::list_orchestrations()
        .iter()
        .map(|info| (info.name, info.version))
        .collect();
    let registered: Vec<String> = orchestrations
        .list_versions(CREATE_INSTANCE)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        registered
            .iter()
            .map(|v| (CREATE_INSTANCE, v.as_str()))
            .collect::<Vec<_>>()
    );
}
