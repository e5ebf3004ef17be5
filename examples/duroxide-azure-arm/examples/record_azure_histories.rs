//! Records the golden histories that `tests/histories.rs` replays (see `docs/upgrading.md`).
//!
//! Runs each end-to-end scenario on an in-memory SQLite store against an in-memory simulated
//! cloud, captures every execution of the instance with `registry::replay::capture` and writes
//! it to `tests/histories/<scenario>.json`. Re-record only when no instance can still be on the
//! recorded code:
//!
//! ```text
//! cargo run -p duroxide-azure-arm --example record_azure_histories
//! ```

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::runtime::Runtime;
use duroxide::Client;
use duroxide_azure_arm::orchestrations::deploy_webapp::deploy_webapp_orchestration;
use duroxide_azure_arm::orchestrations::provision_postgres::provision_postgres_orchestration;
use duroxide_azure_arm::registry::{
    create_activity_registry_with_config, create_orchestration_registry, replay,
};
use duroxide_azure_arm::{activities, AzureConfig, DeployWebappInput, ProvisionPostgresInput};
use simulated_cloud::{SimulatedCloud, LATENCY_ENV};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

fn main() {
    // Resources are ready at once unless asked otherwise; set before any thread starts.
    if std::env::var_os(LATENCY_ENV).is_none() {
        std::env::set_var(LATENCY_ENV, "0");
    }
    // `provision-vm` and `configure-firewall` use the ambient cloud: a fresh one, whatever
    // `DUROXIDE_SIM_CLOUD` says.
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
    let client = Client::new(store.clone());

    let config = simulated_config();
    let runtime = start(&store, config).await;
    let input = ProvisionPostgresInput {
        database_name: "orders".to_owned(),
        resource_group: "orders-rg".to_owned(),
        sku: "Basic".to_owned(),
        admin_username: "orders_admin".to_owned(),
    };
    let id = "golden-provision-postgres";
    provision_postgres_orchestration::start(&client, id, &input)
        .await
        .expect("started");
    let output = provision_postgres_orchestration::wait(&client, id, TIMEOUT)
        .await
        .expect("finished");
    output.expect("provision-postgres completes");
    write(&client, id, "provision-postgres").await;
    runtime.shutdown(None).await;

    let runtime = start(&store, simulated_config()).await;
    let output = deploy(&client, "golden-deploy-webapp", "shop").await;
    assert_eq!(
        output.downgraded_from, None,
        "deployed on the requested tier"
    );
    write(&client, "golden-deploy-webapp", "deploy-webapp").await;
    runtime.shutdown(None).await;

    // The region has no premium plan left: the plan activity fails with QuotaExceeded and the
    // orchestration calls it again one tier lower.
    let config = simulated_config();
    config
        .cloud
        .set_quota(&activities::plan_kind("premium"), 0)
        .expect("quota set");
    let runtime = start(&store, config).await;
    let id = "golden-deploy-webapp-quota-fallback";
    let output = deploy(&client, id, "blog").await;
    assert_eq!(output.tier, "standard", "retried one tier lower");
    write(&client, id, "deploy-webapp-quota-fallback").await;
    runtime.shutdown(None).await;
}

/// A configuration with a cloud of its own and fixed credentials, so the files hold nothing of
/// the recording machine's environment.
fn simulated_config() -> AzureConfig {
    AzureConfig {
        subscription_id: "00000000-0000-0000-0000-000000000000".to_owned(),
        tenant_id: "simulated-tenant".to_owned(),
        location: "westeurope".to_owned(),
        cloud: SimulatedCloud::in_memory(),
    }
}

async fn start(store: &Arc<SqliteProvider>, config: AzureConfig) -> Arc<Runtime> {
    Runtime::start_with_store(
        store.clone(),
        create_activity_registry_with_config(config),
        create_orchestration_registry(),
    )
    .await
}

async fn deploy(client: &Client, id: &str, app: &str) -> duroxide_azure_arm::DeployWebappOutput {
    let input = DeployWebappInput {
        app_name: app.to_owned(),
        resource_group: format!("{app}-rg"),
        tier: "premium".to_owned(),
        backend_url: "http://backend.sim".to_owned(),
    };
    deploy_webapp_orchestration::start(client, id, &input)
        .await
        .expect("started");
    deploy_webapp_orchestration::wait(client, id, TIMEOUT)
        .await
        .expect("finished")
        .expect("deploy-webapp completes")
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
