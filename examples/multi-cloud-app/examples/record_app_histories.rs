//! Records the golden histories of `my-app::orchestration::deploy-multi-cloud` that
//! `tests/histories.rs` replays (see `docs/upgrading.md` in the repository).
//!
//! Runs each scenario on an in-memory SQLite store against an in-memory simulated cloud, with
//! the three crates' registries composed as the app composes them, captures every execution of
//! the deployment and of its sub-orchestrations with `registry::replay::capture`, and writes it
//! to `tests/histories/<scenario>.json`. The replay check replays the app's own executions and
//! skips the libraries' (their crates replay their own histories).
//!
//! ```text
//! cargo run -p multi-cloud-app --example record_app_histories              # every scenario
//! cargo run -p multi-cloud-app --example record_app_histories -- SCENARIO  # only these
//! ```
//!
//! Re-record a scenario only when no instance can still be on the recorded code: a file
//! recorded by an older version of the orchestration is the proof that an instance started by
//! that version still replays, so it is kept, and new behaviour gets new scenarios.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::runtime::Runtime;
use duroxide::Client;
use duroxide_azure_arm::AzureConfig;
use multi_cloud_app::orchestrations::deploy_multi_cloud_app;
use multi_cloud_app::registry::{
    composed_activity_registry, composed_orchestration_registry, replay,
};
use multi_cloud_app::types::{
    Approval, DeployCommand, DeployMultiCloudInput, DeployStopped, Phase, Progress,
};
use simulated_cloud::{SimulatedCloud, LATENCY_ENV};
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

/// A scenario: drives one deployment, given the client and its instance id, to its end.
type Scenario = for<'a> fn(&'a Client, &'a str) -> Pin<Box<dyn Future<Output = ()> + 'a>>;

/// Every scenario, by the name of its file.
const SCENARIOS: &[(&str, Scenario)] = &[
    // Recorded before the approval existed: a deployment that code started must still replay.
    ("deploy-multi-cloud", |client, id| {
        Box::pin(deploy_straight_through(client, id))
    }),
    ("deploy-multi-cloud-approved-and-scaled", |client, id| {
        Box::pin(approve_after_scaling(client, id))
    }),
    ("deploy-multi-cloud-cancelled", |client, id| {
        Box::pin(cancel_at_the_approval(client, id))
    }),
    ("deploy-multi-cloud-rejected", |client, id| {
        Box::pin(reject(client, id))
    }),
];

fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    if let Some(unknown) = wanted
        .iter()
        .find(|name| !SCENARIOS.iter().any(|(known, _)| known == name))
    {
        let known: Vec<&str> = SCENARIOS.iter().map(|(name, _)| *name).collect();
        eprintln!(
            "unknown scenario `{unknown}`; the scenarios: {}",
            known.join(", ")
        );
        std::process::exit(2);
    }
    // Resources are ready at once unless asked otherwise; set before any thread starts.
    if std::env::var_os(LATENCY_ENV).is_none() {
        std::env::set_var(LATENCY_ENV, "0");
    }
    // The activities use the ambient cloud: a fresh one, whatever `DUROXIDE_SIM_CLOUD` says.
    SimulatedCloud::install_ambient(SimulatedCloud::in_memory()).expect("nothing chose it yet");
    // duroxide logs every trace line unless a subscriber is installed; `RUST_LOG` brings them back.
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error")),
        )
        .with_writer(std::io::stderr)
        .init();
    tokio::runtime::Runtime::new()
        .expect("a tokio runtime")
        .block_on(record(&wanted));
}

async fn record(wanted: &[String]) {
    // All in-memory stores of one process share one database: every instance id is unique.
    let store = Arc::new(
        SqliteProvider::new_in_memory()
            .await
            .expect("a SQLite store"),
    );
    let runtime = Runtime::start_with_store(
        store.clone(),
        composed_activity_registry(AzureConfig::from_env()).expect("activities compose"),
        composed_orchestration_registry().expect("orchestrations compose"),
    )
    .await;
    let client = Client::new(store);
    for (scenario, drive) in SCENARIOS {
        if !wanted.is_empty() && !wanted.iter().any(|name| name == scenario) {
            continue;
        }
        let id = format!("golden-{scenario}");
        drive(&client, &id).await;
        write(&client, &id, scenario).await;
    }
    runtime.shutdown(None).await;
}

fn input(name: &str, instance_count: u32, require_approval: bool) -> DeployMultiCloudInput {
    DeployMultiCloudInput {
        name: name.to_owned(),
        instance_count,
        web_tier: "premium".to_owned(),
        require_approval,
    }
}

/// `deploy web --instances 2`: the four steps, straight through.
async fn deploy_straight_through(client: &Client, id: &str) {
    deploy_multi_cloud_app::start(client, id, &input("web", 2, false))
        .await
        .expect("started");
    let output = deploy_multi_cloud_app::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
        .expect("completes");
    assert_eq!(output.dns_name, "web.multi-cloud.sim");
}

/// `deploy shop --require-approval --instances 3`; at the approval step, `scale shop 5` then
/// `scale shop 2` (the last wins), then `approve shop`: the cluster is resized from 3 to 2 by
/// `resize-ec2-cluster` before DNS is published.
async fn approve_after_scaling(client: &Client, id: &str) {
    let progress = start_and_wait_for_the_approval(client, id, "shop", 3).await;
    for instances in [5, 2] {
        let scale = DeployCommand::Scale { instances };
        deploy_multi_cloud_app::queues::commands::enqueue(client, id, &scale)
            .await
            .expect("enqueued");
    }
    wait_for(client, id, |p| p.notes.len() == progress.notes.len() + 2).await;
    answer(client, id, true).await;
    deploy_multi_cloud_app::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
        .expect("completes");
    let last = wait_for(client, id, |_| true).await;
    assert_eq!((last.instances, last.pending_instances), (2, None));
}

/// `deploy gone --require-approval`; at the approval step, `cancel gone --reason changed`.
async fn cancel_at_the_approval(client: &Client, id: &str) {
    start_and_wait_for_the_approval(client, id, "gone", 1).await;
    let cancel = DeployCommand::Cancel {
        reason: Some("changed".to_owned()),
    };
    deploy_multi_cloud_app::queues::commands::enqueue(client, id, &cancel)
        .await
        .expect("enqueued");
    let error = deploy_multi_cloud_app::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
        .expect_err("cancelled");
    assert_eq!(
        DeployStopped::decode(&error),
        Some(DeployStopped::Cancelled {
            step: 4,
            reason: Some("changed".to_owned())
        })
    );
}

/// `deploy late --require-approval`; `reject late`.
async fn reject(client: &Client, id: &str) {
    start_and_wait_for_the_approval(client, id, "late", 1).await;
    answer(client, id, false).await;
    let error = deploy_multi_cloud_app::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
        .expect_err("rejected");
    assert!(matches!(
        DeployStopped::decode(&error),
        Some(DeployStopped::Rejected { .. })
    ));
}

async fn start_and_wait_for_the_approval(
    client: &Client,
    id: &str,
    name: &str,
    instances: u32,
) -> Progress {
    deploy_multi_cloud_app::start(client, id, &input(name, instances, true))
        .await
        .expect("started");
    // An approval raised before the deployment waits for it would be dropped.
    wait_for(client, id, |p| p.phase == Phase::AwaitingApproval).await
}

async fn answer(client: &Client, id: &str, approved: bool) {
    let approval = Approval {
        approved,
        reason: None,
    };
    deploy_multi_cloud_app::events::approval::raise(client, id, &approval)
        .await
        .expect("raised");
}

/// Waits until the typed status satisfies `done`, and returns it.
async fn wait_for(client: &Client, id: &str, done: impl Fn(&Progress) -> bool) -> Progress {
    let mut version = 0;
    loop {
        let status = deploy_multi_cloud_app::status::wait_for_change(client, id, version, TIMEOUT)
            .await
            .expect("the status changes");
        if let Some(progress) = status.value.filter(|p| done(p)) {
            return progress;
        }
        assert!(!status.state.is_finished(), "{id} finished first");
        version = status.version;
    }
}

/// Captures every execution of `id` and writes it to `tests/histories/<scenario>.json`.
async fn write(client: &Client, id: &str, scenario: &str) {
    let json = replay::capture(client, id).await.expect("captured");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/histories")
        .join(format!("{scenario}.json"));
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder created");
    std::fs::write(&path, json + "\n").expect("file written");
    println!("wrote {}", path.display());
}
