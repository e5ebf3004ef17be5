//! Every version of `create-instance`, end to end on duroxide's in-memory SQLite provider: what
//! each one schedules, in order, and what it returns. A copy of `fleet-handwritten`'s
//! `tests/versions.rs` with only the crate's name changed: the migrated bodies do the same.
//!
//! duroxide 0.1.32 shares one in-memory database among the providers of a process, so every
//! test uses instance ids of its own.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::Runtime;
use duroxide::{Client, EventKind, OrchestrationStatus};
use duroxide_fleet::names::orchestrations::CREATE_INSTANCE;
use duroxide_fleet::orchestrations::steps;
use duroxide_fleet::registry::{create_activity_registry, create_orchestration_registry};
use duroxide_fleet::{CreateInstanceInput, CreateInstanceOutput};
use std::sync::Arc;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(120);

const PROVISION_VM: &str = "duroxide-fleet::activity::provision-vm";
const ATTACH_DISK: &str = "duroxide-fleet::activity::attach-disk";
const CMS_CREATE: &str = "duroxide-fleet::activity::cms-create-instance-record";
const CMS_DELETE: &str = "duroxide-fleet::activity::cms-delete-instance-record";
const NOTIFY_OWNER: &str = "duroxide-fleet::activity::notify-owner";

fn input(name: &str, replaces_record: Option<&str>) -> CreateInstanceInput {
    CreateInstanceInput {
        name: name.to_owned(),
        region: "westeurope".to_owned(),
        size: "standard-2".to_owned(),
        owner: "ops".to_owned(),
        disk_gb: None,
        replaces_record: replaces_record.map(str::to_owned),
    }
}

async fn start() -> (Arc<Runtime>, Client) {
    let store: Arc<dyn Provider> = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
    let runtime = Runtime::start_with_store(
        store.clone(),
        create_activity_registry(),
        create_orchestration_registry(),
    )
    .await;
    (runtime, Client::new(store))
}

/// The activities the instance scheduled, in order, and the version it ran.
async fn scheduled(client: &Client, instance: &str) -> (String, Vec<String>) {
    let mut version = String::new();
    let mut names = Vec::new();
    for event in client.read_execution_history(instance, 1).await.unwrap() {
        match event.kind {
            EventKind::OrchestrationStarted { version: v, .. } => version = v,
            EventKind::ActivityScheduled { name, .. } => names.push(name),
            _ => {}
        }
    }
    (version, names)
}

async fn finish(client: &Client, instance: &str) -> CreateInstanceOutput {
    client
        .wait_for_orchestration_typed::<CreateInstanceOutput>(instance, TIMEOUT)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn version_1_0_5_provisions_records_and_notifies() {
    let (runtime, client) = start().await;
    let id = "versions-1-0-5";
    client
        .start_orchestration_versioned_typed(
            id,
            CREATE_INSTANCE,
            "1.0.5",
            input("web", Some("cms-web-old")),
        )
        .await
        .unwrap();
    let output = finish(&client, id).await;
    assert_eq!(
        output,
        CreateInstanceOutput {
            vm_id: "vm-westeurope-web".to_owned(),
            ip_address: "10.0.0.72".to_owned(),
            disk_id: None,
            approved_by: None,
            record_id: "cms-web".to_owned(),
            deleted_record: Some("cms-web-old".to_owned()),
            notification_id: "note-ops-25".to_owned(),
        }
    );
    let (version, names) = scheduled(&client, id).await;
    assert_eq!(version, "1.0.5");
    assert_eq!(names, [PROVISION_VM, CMS_CREATE, CMS_DELETE, NOTIFY_OWNER]);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn version_1_0_6_adds_a_data_disk() {
    let (runtime, client) = start().await;
    let id = "versions-1-0-6";
    client
        .start_orchestration_versioned_typed(id, CREATE_INSTANCE, "1.0.6", input("db", None))
        .await
        .unwrap();
    let output = finish(&client, id).await;
    assert_eq!(
        output.disk_id.as_deref(),
        Some("disk-vm-westeurope-db-64gb")
    );
    assert_eq!(output.approved_by, None);
    assert_eq!(output.deleted_record, None);
    let (version, names) = scheduled(&client, id).await;
    assert_eq!(version, "1.0.6");
    assert_eq!(names, [PROVISION_VM, ATTACH_DISK, CMS_CREATE, NOTIFY_OWNER]);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn version_1_0_7_waits_for_approval_before_the_cms_record_and_is_the_default() {
    let (runtime, client) = start().await;
    let id = "versions-1-0-7";
    // No version given: the latest registered one.
    client
        .start_orchestration_typed(id, CREATE_INSTANCE, input("cache", None))
        .await
        .unwrap();
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match client.get_orchestration_status(id).await.unwrap() {
            OrchestrationStatus::Running { custom_status, .. }
                if custom_status.as_deref() == Some(steps::WAITING_FOR_APPROVAL) =>
            {
                break
            }
            OrchestrationStatus::Running { .. } | OrchestrationStatus::NotFound => {}
            other => panic!("{id} ended before approval: {other:?}"),
        }
        assert!(Instant::now() < deadline, "{id} never waited for approval");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (version, names) = scheduled(&client, id).await;
    assert_eq!(version, "1.0.7");
    assert_eq!(names, [PROVISION_VM, ATTACH_DISK]);

    client
        .raise_event(id, steps::APPROVAL_EVENT, "grace")
        .await
        .unwrap();
    let output = finish(&client, id).await;
    assert_eq!(output.approved_by.as_deref(), Some("grace"));
    assert_eq!(
        output.disk_id.as_deref(),
        Some("disk-vm-westeurope-cache-64gb")
    );
    let (_, names) = scheduled(&client, id).await;
    assert_eq!(names, [PROVISION_VM, ATTACH_DISK, CMS_CREATE, NOTIFY_OWNER]);
    match client.get_orchestration_status(id).await.unwrap() {
        OrchestrationStatus::Completed { custom_status, .. } => {
            assert_eq!(custom_status.as_deref(), Some(steps::DONE))
        }
        other => panic!("{other:?}"),
    }
    runtime.shutdown(None).await;
}
