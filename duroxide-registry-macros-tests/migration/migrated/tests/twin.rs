//! The migrated crate against its hand-written twin: the same wire names and versions in the
//! registries, and inventories that agree on everything a consumer relies on.
//!
//! The inventories differ in one inessential way: descriptions. The twin's were typed into
//! `inventory.rs` by hand; the migrated ones are each function's doc comment, as `registry!`
//! reads it. An activity's doc comment is the twin's description with a full stop; an
//! orchestration version's doc comment is longer than the one line the twin's inventory gives
//! it. Descriptions travel in no history, so they are compared only for that.

use duroxide::runtime::registry::ActivityRegistry;
use duroxide::OrchestrationRegistry;
use duroxide_fleet::orchestrations::{
    create_instance_1_0_5_orchestration as v1_0_5, create_instance_1_0_6_orchestration as v1_0_6,
    create_instance_1_0_7_orchestration as v1_0_7,
};

/// Every activity name with its registered versions, sorted.
fn activities(registry: &ActivityRegistry) -> Vec<(String, Vec<String>)> {
    let mut names = registry.list_names();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let versions = registry.list_versions(&name);
            (name, versions.iter().map(ToString::to_string).collect())
        })
        .collect()
}

/// Every orchestration name with its registered versions, and the version a start without one
/// gets, sorted.
fn orchestrations(registry: &OrchestrationRegistry) -> Vec<(String, Vec<String>, Option<String>)> {
    let mut names = registry.list_names();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let versions = registry.list_versions(&name);
            let latest = registry.resolve_version(&name).map(|v| v.to_string());
            (
                name,
                versions.iter().map(ToString::to_string).collect(),
                latest,
            )
        })
        .collect()
}

#[test]
fn the_activity_registries_register_the_same_wire_names_and_versions() {
    let migrated = activities(&duroxide_fleet::registry::create_activity_registry());
    let twin = activities(&fleet_handwritten::registry::create_activity_registry());
    assert_eq!(migrated, twin);
    assert_eq!(migrated.len(), 5);
}

#[test]
fn the_orchestration_registries_register_the_same_wire_names_and_versions() {
    let migrated = orchestrations(&duroxide_fleet::registry::create_orchestration_registry());
    let twin = orchestrations(&fleet_handwritten::registry::create_orchestration_registry());
    assert_eq!(migrated, twin);
    assert_eq!(
        migrated,
        [(
            "duroxide-fleet::orchestration::create-instance".to_owned(),
            vec!["1.0.5".to_owned(), "1.0.6".to_owned(), "1.0.7".to_owned()],
            Some("1.0.7".to_owned()),
        )]
    );
}

#[test]
fn the_public_name_constants_are_the_twins() {
    use duroxide_fleet::activities::{attach_disk, cms, notify_owner, provision_vm};
    use fleet_handwritten::activities as twin;
    assert_eq!(
        duroxide_fleet::names::orchestrations::CREATE_INSTANCE,
        fleet_handwritten::names::orchestrations::CREATE_INSTANCE
    );
    // One name for the family, checked equal for every version by `registry!`.
    for name in [v1_0_5::NAME, v1_0_6::NAME, v1_0_7::NAME] {
        assert_eq!(
            name,
            fleet_handwritten::names::orchestrations::CREATE_INSTANCE
        );
    }
    assert_eq!(
        [v1_0_5::VERSION, v1_0_6::VERSION, v1_0_7::VERSION],
        ["1.0.5", "1.0.6", "1.0.7"]
    );
    assert_eq!(provision_vm::NAME, twin::provision_vm::NAME);
    assert_eq!(attach_disk::NAME, twin::attach_disk::NAME);
    assert_eq!(notify_owner::NAME, twin::notify_owner::NAME);
    assert_eq!(
        cms::create_instance_record::NAME,
        twin::cms::create_instance_record::NAME
    );
    assert_eq!(
        cms::delete_instance_record::NAME,
        twin::cms::delete_instance_record::NAME
    );
}

#[test]
fn the_activity_inventories_agree() {
    let key = |name: &str, input: &str, output: &str, idempotent: bool| {
        (
            name.to_owned(),
            input.to_owned(),
            output.to_owned(),
            idempotent,
        )
    };
    let mut migrated: Vec<_> = duroxide_fleet::inventory::list_activities()
        .iter()
        .map(|a| key(a.name, a.input_type, a.output_type, a.idempotent))
        .collect();
    let mut twin: Vec<_> = fleet_handwritten::inventory::list_activities()
        .iter()
        .map(|a| key(a.name, a.input_type, a.output_type, a.idempotent))
        .collect();
    migrated.sort();
    twin.sort();
    assert_eq!(migrated, twin);

    let mut migrated: Vec<_> = duroxide_fleet::inventory::list_activities()
        .iter()
        .map(|a| (a.name, a.description.to_owned()))
        .collect();
    let mut twin: Vec<_> = fleet_handwritten::inventory::list_activities()
        .iter()
        .map(|a| (a.name, format!("{}.", a.description)))
        .collect();
    migrated.sort();
    twin.sort();
    assert_eq!(migrated, twin, "doc comments, with a full stop");
}

#[test]
fn the_orchestration_inventories_agree() {
    type Key = (String, String, String, String, Vec<String>);
    let key = |name: &str, version: &str, input: &str, output: &str, used: &[&str]| -> Key {
        let used = used.iter().map(|name| (*name).to_owned()).collect();
        (
            name.into(),
            version.into(),
            input.into(),
            output.into(),
            used,
        )
    };
    let mut migrated: Vec<Key> = duroxide_fleet::inventory::list_orchestrations()
        .iter()
        .map(|o| {
            key(
                o.name,
                o.version,
                o.input_type,
                o.output_type,
                &o.activities_used,
            )
        })
        .collect();
    let mut twin: Vec<Key> = fleet_handwritten::inventory::list_orchestrations()
        .iter()
        .map(|o| {
            key(
                o.name,
                o.version,
                o.input_type,
                o.output_type,
                &o.activities_used,
            )
        })
        .collect();
    migrated.sort();
    twin.sort();
    // activities_used in the same order too: the `uses(...)` list (the helpers in `steps.rs`),
    // then what the body schedules itself (`notify-owner`).
    assert_eq!(migrated, twin);
    for info in duroxide_fleet::inventory::list_orchestrations() {
        assert!(
            !info.description.is_empty(),
            "{} {}",
            info.name,
            info.version
        );
    }
}

#[test]
fn activities_used_lists_the_activities_the_helpers_call() {
    use duroxide_fleet::activities::{attach_disk, cms, notify_owner, provision_vm};
    assert_eq!(
        v1_0_5::ACTIVITIES_USED,
        [
            provision_vm::NAME,
            cms::create_instance_record::NAME,
            cms::delete_instance_record::NAME,
            notify_owner::NAME,
        ]
    );
    let with_disk = [
        provision_vm::NAME,
        attach_disk::NAME,
        cms::create_instance_record::NAME,
        cms::delete_instance_record::NAME,
        notify_owner::NAME,
    ];
    assert_eq!(v1_0_6::ACTIVITIES_USED, with_disk);
    assert_eq!(v1_0_7::ACTIVITIES_USED, with_disk);
    // Every one is registered.
    let registry = duroxide_fleet::registry::create_activity_registry();
    for name in with_disk {
        assert!(registry.has(name), "{name}");
    }
}
