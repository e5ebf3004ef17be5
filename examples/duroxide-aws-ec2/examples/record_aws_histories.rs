//! Records the golden histories that `tests/histories.rs` replays (see `docs/upgrading.md`).
//!
//! Runs each end-to-end scenario on an in-memory SQLite store against an in-memory simulated
//! cloud, captures every execution of the instance with `registry::replay::capture` and writes
//! it to `tests/histories/<scenario>.json`. Re-record only when no instance can still be on the
//! recorded code:
//!
//! ```text
//! cargo run -p duroxide-aws-ec2 --example record_aws_histories               # every scenario
//! cargo run -p duroxide-aws-ec2 --example record_aws_histories -- SCENARIO   # only these
//! ```
//!
//! A scenario is named by its file. The three `create-ec2-cluster` scenarios run together, since
//! each sets up the next (the instance limit counts the instances the first launched); naming
//! one of them runs all three and writes only the one named.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::runtime::Runtime;
use duroxide::Client;
use duroxide_aws_ec2::activities::INSTANCE_KIND;
use duroxide_aws_ec2::orchestrations::create_ec2_cluster::create_ec2_cluster_orchestration;
use duroxide_aws_ec2::orchestrations::ec2_cluster_scaler::ec2_cluster_scaler_orchestration as scaler;
use duroxide_aws_ec2::registry::{create_activity_registry, create_orchestration_registry, replay};
use duroxide_aws_ec2::{
    AwsError, CreateEc2ClusterInput, CreateEc2ClusterOutput, Ec2ClusterScalerInput,
    Ec2ClusterScalerOutput, ScaleConfirmation, ScalerCommand, ScalerPhase, ScalerStatus,
};
use simulated_cloud::{SimulatedCloud, LATENCY_ENV};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Every scenario, by file name, in the order they run.
const SCENARIOS: [&str; 5] = [
    "create-ec2-cluster",
    "create-ec2-cluster-limit-exceeded",
    "create-ec2-cluster-empty-refused",
    "ec2-cluster-scaler",
    "ec2-cluster-scaler-confirmation-timeout",
];

const TIMEOUT: Duration = Duration::from_secs(30);

fn main() {
    let named: Vec<String> = std::env::args().skip(1).collect();
    if let Some(unknown) = named
        .iter()
        .find(|name| !SCENARIOS.contains(&name.as_str()))
    {
        eprintln!(
            "unknown scenario `{unknown}`; the scenarios: {}",
            SCENARIOS.join(", ")
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
        .init();
    tokio::runtime::Runtime::new()
        .expect("a tokio runtime")
        .block_on(record(&Wanted(named)));
}

/// The scenarios asked for on the command line; all of them when none is named.
struct Wanted(Vec<String>);

impl Wanted {
    fn has(&self, scenario: &str) -> bool {
        self.0.is_empty() || self.0.iter().any(|name| name == scenario)
    }

    fn any(&self, prefix: &str) -> bool {
        SCENARIOS
            .iter()
            .any(|scenario| scenario.starts_with(prefix) && self.has(scenario))
    }
}

async fn record(wanted: &Wanted) {
    // All in-memory stores of one process share one database: every instance id is unique.
    let store = Arc::new(
        SqliteProvider::new_in_memory()
            .await
            .expect("a SQLite store"),
    );
    let runtime = Runtime::start_with_store(
        store.clone(),
        create_activity_registry(),
        create_orchestration_registry(),
    )
    .await;
    let client = Client::new(store);

    if wanted.any("create-ec2-cluster") {
        record_create(&client, wanted).await;
    }
    if wanted.has("ec2-cluster-scaler") {
        record_scaler(&client).await;
    }
    if wanted.has("ec2-cluster-scaler-confirmation-timeout") {
        record_scaler_timeout(&client).await;
    }
    runtime.shutdown(None).await;
}

/// `create-ec2-cluster`: completing, failing at the instance limit, refusing an empty cluster.
async fn record_create(client: &Client, wanted: &Wanted) {
    let output = create(client, "golden-create-ec2-cluster", "web", 3).await;
    assert_eq!(
        output.expect("completes").endpoint,
        "http://web-lb.us-east-1.elb.sim"
    );
    write_if(
        wanted,
        client,
        "golden-create-ec2-cluster",
        "create-ec2-cluster",
    )
    .await;

    // The account may launch two more instances; the cluster asks for three. The fan-out
    // records two launches and one failure, and the orchestration fails with the limit.
    let cloud = SimulatedCloud::ambient();
    let launched = cloud
        .resources()
        .expect("resources")
        .iter()
        .filter(|r| r.kind == INSTANCE_KIND)
        .count();
    cloud
        .set_quota(INSTANCE_KIND, u32::try_from(launched).expect("a few") + 2)
        .expect("quota set");
    let id = "golden-create-ec2-cluster-limit-exceeded";
    let error = create(client, id, "batch", 3).await.expect_err("fails");
    assert_eq!(
        AwsError::decode(&error),
        Some(AwsError::LimitExceeded {
            resource_type: "ec2-instance".to_owned()
        })
    );
    write_if(wanted, client, id, "create-ec2-cluster-limit-exceeded").await;

    // Validation refuses an empty cluster before anything is scheduled.
    let id = "golden-create-ec2-cluster-empty";
    create(client, id, "empty", 0).await.expect_err("refused");
    write_if(wanted, client, id, "create-ec2-cluster-empty-refused").await;

    // The limit was for this scenario only.
    cloud
        .set_quota(INSTANCE_KIND, u32::MAX)
        .expect("quota lifted");
}

/// `ec2-cluster-scaler`: a cluster of two, scaled by six commands queued at once, two per
/// execution: grow to 4; shrink to 1, confirmed; 0, ignored; grow to 3 (each resize a
/// `resize-ec2-cluster` sub-orchestration); shrink to 2, refused; stop. Three executions,
/// joined by `continue_as_new`, the queue's messages surviving each.
async fn record_scaler(client: &Client) {
    let cluster = create(client, "golden-scaler-cluster", "fleet", 2)
        .await
        .expect("the cluster is created");
    let id = "golden-ec2-cluster-scaler";
    let input = scaler_input("fleet", cluster.cluster_id, 2, 2, 300);
    scaler::start(client, id, &input).await.expect("started");
    // Queue messages for an instance that has not started are dropped: wait until it runs.
    wait_for(client, id, ScalerPhase::Waiting, 0).await;
    for command in [4, 1, 0, 3, 2]
        .map(|instances| ScalerCommand::Scale { instances })
        .into_iter()
        .chain([ScalerCommand::Stop])
    {
        scaler::queues::commands::enqueue(client, id, &command)
            .await
            .expect("enqueued");
    }
    // An event raised before the scaler waits for it would be dropped: answer each prompt.
    for (served, approved, by) in [(2, true, "ops"), (5, false, "lead")] {
        wait_for(client, id, ScalerPhase::AwaitingConfirmation, served).await;
        let answer = ScaleConfirmation {
            approved,
            by: by.to_owned(),
        };
        scaler::events::confirm::raise(client, id, &answer)
            .await
            .expect("raised");
    }
    let output = scaler::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
        .expect("completes");
    assert_eq!(
        output,
        Ec2ClusterScalerOutput {
            instance_count: 3,
            commands_served: 6,
            executions: 3
        }
    );
    write(client, id, "ec2-cluster-scaler").await;
}

/// `ec2-cluster-scaler-confirmation-timeout`: a shrink nobody confirms is refused when its
/// timer fires; then stop.
async fn record_scaler_timeout(client: &Client) {
    let id = "golden-ec2-cluster-scaler-timeout";
    // Nothing is resized, so no cluster is needed.
    let input = scaler_input("idle", "pg-none".to_owned(), 3, 10, 1);
    scaler::start(client, id, &input).await.expect("started");
    wait_for(client, id, ScalerPhase::Waiting, 0).await;
    let shrink = ScalerCommand::Scale { instances: 1 };
    scaler::queues::commands::enqueue(client, id, &shrink)
        .await
        .expect("enqueued");
    let refused = wait_for(client, id, ScalerPhase::Waiting, 1).await;
    assert_eq!(
        refused.last.as_deref(),
        Some("scale from 3 to 1 not confirmed within 1s")
    );
    scaler::queues::commands::enqueue(client, id, &ScalerCommand::Stop)
        .await
        .expect("enqueued");
    let output = scaler::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
        .expect("completes");
    assert_eq!(output.instance_count, 3);
    write(client, id, "ec2-cluster-scaler-confirmation-timeout").await;
}

fn scaler_input(
    cluster_name: &str,
    cluster_id: String,
    instance_count: u32,
    commands_per_execution: u32,
    confirm_timeout_secs: u64,
) -> Ec2ClusterScalerInput {
    Ec2ClusterScalerInput {
        cluster_name: cluster_name.to_owned(),
        region: "us-east-1".to_owned(),
        cluster_id,
        instance_count,
        commands_per_execution,
        confirm_timeout_secs,
        commands_served: 0,
        executions: 0,
        last: None,
    }
}

/// Waits until the scaler's typed status is `phase` with `served` commands served.
async fn wait_for(client: &Client, id: &str, phase: ScalerPhase, served: u32) -> ScalerStatus {
    let mut version = 0;
    loop {
        let status = scaler::status::wait_for_change(client, id, version, TIMEOUT)
            .await
            .expect("the status changes");
        if let Some(value) = status
            .value
            .filter(|s| s.phase == phase && s.commands_served == served)
        {
            return value;
        }
        assert!(
            !status.state.is_finished(),
            "{id} finished before {phase:?}"
        );
        version = status.version;
    }
}

async fn create(
    client: &Client,
    id: &str,
    cluster_name: &str,
    instance_count: u32,
) -> Result<CreateEc2ClusterOutput, String> {
    let input = CreateEc2ClusterInput {
        cluster_name: cluster_name.to_owned(),
        instance_count,
        region: "us-east-1".to_owned(),
    };
    create_ec2_cluster_orchestration::start(client, id, &input)
        .await
        .expect("started");
    create_ec2_cluster_orchestration::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
}

async fn write_if(wanted: &Wanted, client: &Client, id: &str, scenario: &str) {
    if wanted.has(scenario) {
        write(client, id, scenario).await;
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
