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
use multi_cloud_app::types::DeployMultiCloudInput;
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
const SCENARIOS: &[(&str, Scenario)] = &[("deploy-multi-cloud", |client, id| {
    Box::pin(deploy_straight_through(client, id))
})];

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

fn input(name: &str, instance_count: u32) -> DeployMultiCloudInput {
    DeployMultiCloudInput {
        name: name.to_owned(),
        instance_count,
        web_tier: "premium".to_owned(),
    }
}

/// `deploy web --instances 2`: the four steps, straight through.
async fn deploy_straight_through(client: &Client, id: &str) {
    deploy_multi_cloud_app::start(client, id, &input("web", 2))
        .await
        .expect("started");
    let output = deploy_multi_cloud_app::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
        .expect("completes");
    assert_eq!(output.dns_name, "web.multi-cloud.sim");
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
