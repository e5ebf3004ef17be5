//! The app's declaration of `duroxide-aws-ec2::activity::terminate-instance`
//! (`src/declared.rs`): the app only declares it, the EC2 library implements and registers it.
//!
//! - End to end, on SQLite: `replace-instance` schedules the activity by its declared name, and
//!   the library's registration, merged into the worker as the app runs it, executes it: the
//!   orchestration gets the library activity's real output.
//! - Checked against the real thing: `inventory::check_declarations` compares the declaration
//!   with `duroxide-aws-ec2`'s own inventory, and fails when the two differ.
//!
//! duroxide 0.1.32 shares one in-memory database among all `new_in_memory()` providers of a
//! process, and the simulated cloud is one per process, so every test names its instances and
//! resources after itself.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::Runtime;
use duroxide::{Client, EventKind, OrchestrationStatus};
use duroxide_aws_ec2::orchestrations::create_ec2_cluster::create_ec2_cluster_orchestration;
use duroxide_aws_ec2::types::CreateEc2ClusterInput;
use duroxide_azure_arm::AzureConfig;
use duroxide_registry_macros::inventory::{check_declarations, Difference, Implemented};
use multi_cloud_app::declared::terminate_instance;
use multi_cloud_app::orchestrations::{replace_instance, AWS_REGION};
use multi_cloud_app::registry;
use multi_cloud_app::types::ReplaceInstanceInput;
use simulated_cloud::SimulatedCloud;
use std::sync::Arc;
use std::time::Duration;

/// Generous: the machine running the tests may be loaded.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The instance `name` of the simulated cloud, with its id.
fn instance_id(cloud: &SimulatedCloud, name: &str) -> Option<String> {
    let arn = format!("arn:aws:ec2:{AWS_REGION}:instance/{name}");
    let resource = cloud.get(&arn).expect("the simulated cloud")?;
    resource.properties.get("instance_id").cloned()
}

/// duroxide logs to stdout unless a subscriber is installed: errors only, unless `RUST_LOG`.
fn quiet_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_declared_activity_runs_on_the_library_s_registration_and_returns_its_output() {
    quiet_logs();
    // The app's own registry does not register what it only declares...
    assert!(!registry::create_activity_registry().has(terminate_instance::NAME));
    assert_eq!(
        terminate_instance::NAME,
        duroxide_aws_ec2::activities::terminate_instance::NAME
    );
    // ...the worker the app runs has it from the library, which stands in for the EC2 worker.
    let activities = registry::composed_activity_registry(AzureConfig::default()).unwrap();
    assert!(activities.has(terminate_instance::NAME));
    let orchestrations = registry::composed_orchestration_registry().unwrap();

    let store: Arc<dyn Provider> = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
    let runtime = Runtime::start_with_store(store.clone(), activities, orchestrations).await;
    let client = Client::new(store);

    // A cluster of two, as a deployment named `decl-replace` has it.
    let deployment = "decl-replace";
    let cluster = format!("{deployment}-cluster");
    let created = format!("{deployment}-create-cluster");
    let create = CreateEc2ClusterInput {
        cluster_name: cluster.clone(),
        instance_count: 2,
        region: AWS_REGION.to_owned(),
    };
    create_ec2_cluster_orchestration::start(&client, created.as_str(), &create)
        .await
        .unwrap();
    let cluster_output = create_ec2_cluster_orchestration::wait(&client, &created, TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    let cloud = SimulatedCloud::ambient();
    let instance = format!("{cluster}-1");
    let old = instance_id(&cloud, &instance).expect("instance 1 is launched");

    let id = format!("{deployment}-replace-1-1");
    let input = ReplaceInstanceInput {
        deployment: deployment.to_owned(),
        index: 1,
        instance_count: 2,
        cluster_id: cluster_output.cluster_id,
    };
    replace_instance::start(&client, id.as_str(), &input)
        .await
        .unwrap();
    let output = replace_instance::wait(&client, &id, TIMEOUT)
        .await
        .unwrap()
        .unwrap();

    // The library's activity terminated the instance, and said which: its real output.
    assert_eq!(output.instance, instance);
    assert_eq!(output.terminated.as_deref(), Some(old.as_str()));
    // The relaunched instance has a new id, which is what the cloud holds now.
    assert_ne!(output.instance_id, old);
    assert_eq!(
        instance_id(&cloud, &instance).as_deref(),
        Some(output.instance_id.as_str())
    );
    assert_eq!(output.endpoint, cluster_output.endpoint);
    assert!(cloud
        .removals()
        .unwrap()
        .iter()
        .any(|removal| removal.id.ends_with(&format!("instance/{instance}"))));

    // It was scheduled under the declared name, once: it succeeded at its first attempt.
    let history = client.read_execution_history(&id, 1).await.unwrap();
    let scheduled: Vec<&str> = history
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::ActivityScheduled { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(scheduled, [terminate_instance::NAME]);
    assert!(matches!(
        client.get_orchestration_status(&id).await.unwrap(),
        OrchestrationStatus::Completed { .. }
    ));
    runtime.shutdown(None).await;
}

#[test]
fn the_declaration_matches_the_ec2_library_s_inventory() {
    let app = (registry::list_orchestrations(), registry::list_activities());
    let ec2 = (
        duroxide_aws_ec2::registry::list_orchestrations(),
        duroxide_aws_ec2::registry::list_activities(),
    );
    check_declarations((&app.0, &app.1), (&ec2.0, &ec2.1)).unwrap();

    // What was checked: the app's one external item, with the types as the app writes them.
    let external: Vec<_> = app
        .1
        .iter()
        .filter(|a| a.implemented == Implemented::Elsewhere)
        .collect();
    assert_eq!(external.len(), 1);
    assert_eq!(external[0].name, terminate_instance::NAME);
    assert_eq!(
        (external[0].input_type, external[0].output_type),
        ("TerminateInstanceInput", "TerminateInstanceOutput")
    );
    assert_eq!(external[0].retry, Some("3 attempts, fixed 200ms"));
    // `check_declarations` leaves a declaration alone when the implementation has no item of
    // its crate prefix at all (it belongs to another crate), so a typo in a declaration's
    // prefix would pass it: check that every declaration names an item of the library.
    for declared in &external {
        assert!(
            ec2.1.iter().any(|a| a.name == declared.name),
            "{} is no activity of duroxide-aws-ec2",
            declared.name
        );
    }
    assert!(app
        .0
        .iter()
        .all(|o| o.implemented == Implemented::Here && o.name.starts_with("my-app::")));
}

#[test]
fn a_library_that_changed_the_activity_fails_the_check() {
    let app = (registry::list_orchestrations(), registry::list_activities());
    let ec2_orchestrations = duroxide_aws_ec2::registry::list_orchestrations();

    // The library's inventory, had it changed the activity's output type.
    let mut changed = duroxide_aws_ec2::registry::list_activities();
    let terminate = changed
        .iter_mut()
        .find(|a| a.name == terminate_instance::NAME)
        .unwrap();
    terminate.output_type = "crate::activity_types::TerminateInstanceResult";
    let mismatches = check_declarations((&app.0, &app.1), (&ec2_orchestrations, &changed))
        .unwrap_err()
        .0;
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    assert_eq!(mismatches[0].name, terminate_instance::NAME);
    assert_eq!(
        mismatches[0].difference,
        Difference::Type {
            which: "output",
            declared: "TerminateInstanceOutput",
            implemented: "crate::activity_types::TerminateInstanceResult",
        }
    );
    assert!(mismatches[0]
        .to_string()
        .contains("declared with output `TerminateInstanceOutput`"));

    // Had it renamed the activity: the declared name is registered no more.
    let mut renamed = duroxide_aws_ec2::registry::list_activities();
    renamed.retain(|a| a.name != terminate_instance::NAME);
    let mismatches = check_declarations((&app.0, &app.1), (&ec2_orchestrations, &renamed))
        .unwrap_err()
        .0;
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    assert_eq!(mismatches[0].difference, Difference::Missing);
}
