//! End-to-end: real orchestrations on duroxide's SQLite provider, in memory and on a file,
//! driven only through the generated helpers.
//!
//! duroxide 0.1.32 shares one in-memory database among all `new_in_memory()` providers of a
//! process, so every test uses instance ids of its own.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::Runtime;
use duroxide::{Client, EventKind, OrchestrationRegistry};
use duroxide_registry_macros_tests::types::{ProvisionPostgresInput, ProvisionPostgresOutput};
use duroxide_registry_macros_tests::{activities, billing, handwritten, orchestrations, registry};
use std::sync::Arc;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(20);

async fn in_memory() -> Arc<dyn Provider> {
    Arc::new(
        SqliteProvider::new_in_memory()
            .await
            .expect("in-memory SQLite"),
    )
}

async fn start(store: &Arc<dyn Provider>) -> (Arc<Runtime>, Client) {
    let runtime = Runtime::start_with_store(
        store.clone(),
        registry::create_activity_registry(),
        registry::create_orchestration_registry(),
    )
    .await;
    (runtime, Client::new(store.clone()))
}

fn postgres_input(name: &str) -> ProvisionPostgresInput {
    ProvisionPostgresInput {
        database_name: name.to_owned(),
        resource_group: format!("rg-{name}"),
    }
}

/// The names of the activities and sub-orchestrations an instance scheduled, from its history.
async fn scheduled_names(client: &Client, instance: &str) -> Vec<String> {
    let history = client
        .read_execution_history(instance, 1)
        .await
        .expect("history");
    let mut names = Vec::new();
    for event in history {
        let name = match event.kind {
            EventKind::ActivityScheduled { name, .. }
            | EventKind::SubOrchestrationScheduled { name, .. } => name,
            _ => continue,
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

#[tokio::test]
async fn typed_start_and_wait_run_activities_through_every_helper() {
    let store = in_memory().await;
    let (runtime, client) = start(&store).await;
    let id = "e2e-helpers";
    let input = postgres_input("orders");
    orchestrations::provision_postgres_orchestration::start(&client, id, &input)
        .await
        .unwrap();
    let output: ProvisionPostgresOutput =
        orchestrations::provision_postgres_orchestration::wait(&client, id, TIMEOUT)
            .await
            .unwrap()
            .unwrap();

    assert_eq!(output.server_id, "vm-rg-orders-orders-vm");
    assert_eq!(
        output.connection_string,
        "postgresql://10.0.0.4:5432/orders"
    );
    // call_with_retry: the first attempt failed, the retry opened both ports.
    assert_eq!(output.open_ports, 2);
    assert_eq!(activities::attempts("configure_firewall", "rg-orders"), 2);
    // call_on_session: the activity saw the session it was pinned to.
    assert_eq!(output.session_worker.as_deref(), Some("db-session"));

    // The inventory cannot lie: what it says the orchestration uses is what history shows it used.
    let listed = registry::list_orchestrations();
    let info = listed
        .iter()
        .find(|o| o.name == orchestrations::provision_postgres_orchestration::NAME)
        .unwrap();
    assert_eq!(info.activities_used, scheduled_names(&client, id).await);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn sub_orchestrations_run_through_call_and_call_with_id() {
    let store = in_memory().await;
    let (runtime, client) = start(&store).await;
    let id = "e2e-stack";
    orchestrations::deploy_stack::start(&client, id, &postgres_input("stack"))
        .await
        .unwrap();
    let output = orchestrations::deploy_stack::wait(&client, id, TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        output.primary.connection_string,
        "postgresql://10.0.0.4:5432/stack"
    );
    assert_eq!(
        output.replica.connection_string,
        "postgresql://10.0.0.4:5432/stack-replica"
    );

    // call_with_id used the id it was given; call derived one from the parent's.
    let history = client.read_execution_history(id, 1).await.unwrap();
    let children: Vec<String> = history
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::SubOrchestrationScheduled { instance, .. } => Some(instance),
            _ => None,
        })
        .collect();
    assert_eq!(children.len(), 2);
    assert!(
        duroxide::is_auto_generated_sub_orch_id(&children[0]),
        "{children:?}"
    );
    assert_eq!(children[1], format!("{id}::replica"));
    for child in &children {
        let child_id = duroxide::build_child_instance_id(id, child);
        let status = client.get_orchestration_status(&child_id).await.unwrap();
        assert!(
            matches!(status, duroxide::OrchestrationStatus::Completed { .. }),
            "{child_id}: {status:?}"
        );
    }
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn each_version_helper_starts_exactly_its_own_version() {
    let store = in_memory().await;
    let (runtime, client) = start(&store).await;
    orchestrations::greet::start(&client, "e2e-greet-v1", &"ada".to_owned())
        .await
        .unwrap();
    orchestrations::greet_v2::start(&client, "e2e-greet-v2", &"ada".to_owned())
        .await
        .unwrap();
    let v1: String = orchestrations::greet::wait(&client, "e2e-greet-v1", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    let v2: (String, u32) = orchestrations::greet_v2::wait(&client, "e2e-greet-v2", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(v1, "hello ada (v1)");
    assert_eq!(v2, ("hello ada".to_owned(), 2));

    // A start by name alone gets duroxide's policy, the latest version: the helper is what pins.
    client
        .start_orchestration_typed("e2e-greet-latest", orchestrations::greet::NAME, "bob")
        .await
        .unwrap();
    let latest: (String, u32) = client
        .wait_for_orchestration_typed("e2e-greet-latest", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(latest.1, 2);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn versioned_sub_orchestration_payloads_match_the_typed_api_byte_for_byte() {
    let store = in_memory().await;
    let (runtime, client) = start(&store).await;
    let id = "e2e-payloads";
    // A JSON string is the case duroxide's codec special-cases: it travels as raw content.
    let input = "quoted \"text\" and ünïcode".to_owned();
    orchestrations::compare_payloads::start(&client, id, &input)
        .await
        .unwrap();
    let output = orchestrations::compare_payloads::wait(&client, id, TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        output,
        format!("hello {input} (v1)|hello {input} (v2)|{input}")
    );

    let history = client.read_execution_history(id, 1).await.unwrap();
    let payloads: Vec<String> = history
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::SubOrchestrationScheduled { input, .. } => Some(input),
            _ => None,
        })
        .collect();
    assert_eq!(payloads.len(), 2);
    assert_eq!(
        payloads[0], payloads[1],
        "helper and typed API must write the same bytes"
    );
    assert_eq!(payloads[0], input);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn registries_with_different_prefixes_merge_and_run() {
    let store = in_memory().await;
    let orchestrations = OrchestrationRegistry::builder()
        .merge(registry::create_orchestration_registry())
        .merge(billing::create_orchestration_registry())
        .build_result()
        .expect("the two prefixes cannot collide");
    let activities = duroxide::runtime::registry::ActivityRegistry::builder()
        .merge(registry::create_activity_registry())
        .merge(billing::create_activity_registry())
        .build_result()
        .expect("the two prefixes cannot collide");
    let runtime = Runtime::start_with_store(store.clone(), activities, orchestrations).await;
    let client = Client::new(store.clone());
    billing::settle::start(&client, "e2e-billing", &1250)
        .await
        .unwrap();
    assert_eq!(
        billing::settle::wait(&client, "e2e-billing", TIMEOUT)
            .await
            .unwrap()
            .unwrap(),
        "charged 1250"
    );
    orchestrations::greet::start(&client, "e2e-merged-greet", &"eve".to_owned())
        .await
        .unwrap();
    assert_eq!(
        orchestrations::greet::wait(&client, "e2e-merged-greet", TIMEOUT)
            .await
            .unwrap()
            .unwrap(),
        "hello eve (v1)"
    );
    assert!(billing::settle::NAME.starts_with("duroxide-billing::orchestration::"));
    runtime.shutdown(None).await;
}

#[test]
fn names_are_byte_identical_to_the_hand_written_pattern() {
    use handwritten::names;
    let derived = [
        registry::names::orchestrations::APPROVAL,
        registry::names::activities::RESERVE_IP,
        orchestrations::provision_postgres_orchestration::NAME,
        activities::provision_vm::NAME,
        activities::configure_firewall::NAME,
    ];
    assert_eq!(derived, names::ALL);
    assert_eq!(
        registry::names::orchestrations::PROVISION_POSTGRES,
        names::ALL[2]
    );
}

/// Starts an instance on the hand-written registries, stops the runtime mid-flight, and lets the
/// macro-built registries finish it: history replays by name, so this only works if every name
/// and payload is unchanged.
async fn migrate_in_flight_instance(store: Arc<dyn Provider>, id: &str) {
    let old = Runtime::start_with_store(
        store.clone(),
        handwritten::create_activity_registry(),
        handwritten::create_orchestration_registry(),
    )
    .await;
    let client = Client::new(store.clone());
    client
        .start_orchestration_typed(id, handwritten::names::orchestrations::APPROVAL, "db")
        .await
        .unwrap();
    // Wait until the first activity has completed and the instance waits for its event.
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    loop {
        let history = client
            .read_execution_history(id, 1)
            .await
            .unwrap_or_default();
        if history
            .iter()
            .any(|e| matches!(e.kind, EventKind::ActivityCompleted { .. }))
        {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the first activity never completed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    old.shutdown(None).await;

    let (new, client) = start(&store).await;
    client.raise_event(id, "approved", "grace").await.unwrap();
    let output = handwritten::migrated::approval::wait(&client, id, TIMEOUT)
        .await
        .unwrap();
    assert_eq!(
        output.unwrap(),
        "10.1.0.7/db,10.1.0.7/db-2 approved by grace"
    );
    new.shutdown(None).await;
}

#[tokio::test]
async fn an_in_flight_instance_survives_the_switch_in_memory() {
    migrate_in_flight_instance(in_memory().await, "e2e-migrate-memory").await;
}

#[tokio::test]
async fn an_in_flight_instance_survives_the_switch_on_a_file() {
    let path = std::env::temp_dir().join(format!(
        "duroxide-registry-macros-e2e-{}.db",
        std::process::id()
    ));
    let url = format!("sqlite:{}?mode=rwc", path.display());
    let store: Arc<dyn Provider> =
        Arc::new(SqliteProvider::new(&url, None).await.expect("file SQLite"));
    migrate_in_flight_instance(store.clone(), "e2e-migrate-file").await;
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
