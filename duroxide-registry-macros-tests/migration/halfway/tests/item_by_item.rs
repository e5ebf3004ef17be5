//! The crate midway: `notify-owner` is still written and registered by hand, declared under
//! `registry!`'s `by_hand`, with the lock on.
//!
//! `registry!` checks at compile time that every line of `registry.lock` is registered by it or
//! listed under `by_hand`; it cannot see what the crate registers by hand. These tests check
//! that part: `verify_by_hand` on the registries the crate actually builds passes, and fails,
//! naming the item, on the registries it would build without the hand-written registration.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::runtime::Runtime;
use duroxide::Client;
use duroxide_registry_macros::inventory::Implemented;
use fleet_halfway::registry::{self, generated, verify_by_hand};
use fleet_halfway::{activities, by_hand, orchestrations, CreateInstanceInput};
use std::sync::Arc;
use std::time::Duration;

const MISSING: &str =
    "the activity `fleet-halfway::activity::notify-owner` is not in the activity registry";

#[test]
fn the_registries_the_crate_builds_register_the_item_listed_by_hand() {
    verify_by_hand(
        &registry::create_activity_registry(),
        &registry::create_orchestration_registry(),
    )
    .unwrap();
}

#[test]
fn without_its_hand_written_registration_the_check_names_the_item() {
    // `create_activity_registry` with its `.merge(register_by_hand())` line deleted: it still
    // compiles, since the lock line is satisfied by the `by_hand` entry, and this check fails.
    let activities = ActivityRegistry::builder()
        .merge(generated::create_activity_registry())
        .build();
    let missing =
        verify_by_hand(&activities, &registry::create_orchestration_registry()).unwrap_err();
    assert_eq!(missing, [MISSING]);
}

#[test]
fn a_hand_written_registration_under_another_name_fails_the_check() {
    // The hand-written name drifted from the declared one (a typo in `NAME`, say).
    let activities = ActivityRegistry::builder()
        .merge(generated::create_activity_registry())
        .register_typed(
            "fleet-halfway::activity::notify-ownr",
            activities::notify_owner::activity,
        )
        .build();
    let missing =
        verify_by_hand(&activities, &registry::create_orchestration_registry()).unwrap_err();
    assert_eq!(missing, [MISSING]);
}

#[test]
fn registry_lock_is_the_file_and_pins_the_item_registered_by_hand() {
    // UPDATE_EXPECT=1 cargo test rewrites registry.lock; read the diff before committing it.
    expect_test::expect_file![concat!(env!("CARGO_MANIFEST_DIR"), "/registry.lock")]
        .assert_eq(&registry::registry_lock());
    assert!(registry::registry_lock()
        .lines()
        .any(|line| line.ends_with(" fleet-halfway::activity::notify-owner")));
}

#[test]
fn the_declaration_names_the_hand_written_item_and_the_inventory_marks_it() {
    assert_eq!(by_hand::notify_owner::NAME, activities::notify_owner::NAME);
    let listed: Vec<(&str, Implemented)> = registry::list_activities()
        .iter()
        .map(|a| (a.name, a.implemented))
        .collect();
    assert_eq!(
        listed,
        [
            (activities::provision_vm::NAME, Implemented::Here),
            (activities::notify_owner::NAME, Implemented::ByHand),
        ]
    );
    assert_eq!(
        orchestrations::create_instance::ACTIVITIES_USED,
        [
            activities::provision_vm::NAME,
            activities::notify_owner::NAME
        ]
    );
}

#[tokio::test]
async fn the_migrated_orchestration_calls_the_hand_written_activity_through_its_declaration() {
    let store: Arc<dyn Provider> = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
    let runtime = Runtime::start_with_store(
        store.clone(),
        registry::create_activity_registry(),
        registry::create_orchestration_registry(),
    )
    .await;
    let client = Client::new(store);
    let input = CreateInstanceInput {
        name: "web-1".to_owned(),
        region: "westeurope".to_owned(),
        owner: "ada".to_owned(),
    };
    let id = "halfway-create-web-1";
    orchestrations::create_instance::start(&client, id, &input)
        .await
        .unwrap();
    let output = orchestrations::create_instance::wait(&client, id, Duration::from_secs(120))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(output.vm_id, "vm-westeurope-web-1");
    // The hand-written activity's own output: `note-{owner}-{message length}`.
    let message = "web-1 is ready (vm-westeurope-web-1)";
    assert_eq!(
        output.notification_id,
        format!("note-ada-{}", message.len())
    );
    runtime.shutdown(None).await;
}
