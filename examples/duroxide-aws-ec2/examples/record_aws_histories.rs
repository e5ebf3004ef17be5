//! Records the golden histories that `tests/histories.rs` replays (see `docs/upgrading.md`).
//!
//! Runs each end-to-end scenario on an in-memory SQLite store against an in-memory simulated
//! cloud, captures every execution of the instance with `registry::replay::capture` and writes
//! it to `tests/histories/<scenario>.json`. Re-record only when no instance can still be on the
//! recorded code:
//!
//! ```text
//! cargo run -p duroxide-aws-ec2 --example record_aws_histories
//! ```

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::runtime::Runtime;
use duroxide::Client;
use duroxide_aws_ec2::activities::INSTANCE_KIND;
use duroxide_aws_ec2::orchestrations::create_ec2_cluster::create_ec2_cluster_orchestration;
use duroxide_aws_ec2::registry::{create_activity_registry, create_orchestration_registry, replay};
use duroxide_aws_ec2::{AwsError, CreateEc2ClusterInput, CreateEc2ClusterOutput};
use simulated_cloud::{SimulatedCloud, LATENCY_ENV};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

fn main() {
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
        .block_on(record());
}

async fn record() {
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

    let output = create(&client, "golden-create-ec2-cluster", "web", 3).await;
    assert_eq!(
        output.expect("completes").endpoint,
        "http://web-lb.us-east-1.elb.sim"
    );
    write(&client, "golden-create-ec2-cluster", "create-ec2-cluster").await;

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
    let error = create(&client, id, "batch", 3).await.expect_err("fails");
    assert_eq!(
        AwsError::decode(&error),
        Some(AwsError::LimitExceeded {
            resource_type: "ec2-instance".to_owned()
        })
    );
    write(&client, id, "create-ec2-cluster-limit-exceeded").await;

    // Validation refuses an empty cluster before anything is scheduled.
    let id = "golden-create-ec2-cluster-empty";
    create(&client, id, "empty", 0).await.expect_err("refused");
    write(&client, id, "create-ec2-cluster-empty-refused").await;

    runtime.shutdown(None).await;
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
    create_ec2_cluster_orchestration::wait(client, id, Duration::from_secs(30))
        .await
        .expect("finished")
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
