//! What each command does, once the command line has been parsed and checked.

use crate::cli::{Cli, Command, DeployArgs};
use crate::error::CliError;
use crate::inventory;
use crate::orchestrations::deploy_multi_cloud_app;
use crate::store::{Access, StoreSpec};
use crate::types::{DeployMultiCloudInput, DeployMultiCloudOutput, Progress};
use duroxide::providers::Provider;
use duroxide::runtime::{ObservabilityConfig, Runtime, RuntimeOptions};
use duroxide::{Client, ClientError, OrchestrationStatus};
use duroxide_aws_ec2::AwsError;
use duroxide_azure_arm::{AzureConfig, AzureError};
use simulated_cloud::SimulatedCloud;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Runs a parsed command line.
///
/// # Errors
///
/// What went wrong, as a [`CliError`] whose exit code the caller uses.
pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::List { json } => {
            list(json);
            Ok(())
        }
        Command::Deploy(ref args) => deploy(&cli, args).await,
        Command::Worker { concurrency } => worker(&cli, concurrency).await,
        Command::Status { ref instance, json } => {
            status(&cli.store, instance.as_deref(), json).await
        }
    }
}

fn list(json: bool) {
    let crates = inventory::discover();
    if json {
        // Plain structs of strings always serialize.
        println!(
            "{}",
            serde_json::to_string_pretty(&crates).unwrap_or_default()
        );
    } else {
        print!("{}", inventory::render_table(&crates));
    }
}

/// Makes `--cloud` the cloud every activity of this process talks to.
fn install_cloud(spec: &str) -> Result<SimulatedCloud, CliError> {
    let cloud = SimulatedCloud::from_spec(spec);
    SimulatedCloud::install_ambient(cloud.clone())
        .map_err(|_| CliError::Failed("the simulated cloud was chosen twice".to_owned()))?;
    Ok(cloud)
}

/// Runtime settings for this app.
fn runtime_options(concurrency: usize) -> RuntimeOptions {
    RuntimeOptions {
        orchestration_concurrency: concurrency,
        worker_concurrency: concurrency,
        // Work locked by a process that was killed becomes available again after these
        // timeouts; short ones let a restarted deployment, or another worker, resume quickly.
        // Locks are renewed while work runs, so long activities are not cut short.
        orchestrator_lock_timeout: Duration::from_secs(5),
        worker_lock_timeout: Duration::from_secs(5),
        // Progress goes to stdout; duroxide's own logs only on request (RUST_LOG, on stderr).
        observability: ObservabilityConfig {
            log_level: "error".to_owned(),
            ..ObservabilityConfig::default()
        },
        ..RuntimeOptions::default()
    }
}

async fn start_runtime(
    store: Arc<dyn Provider>,
    concurrency: usize,
) -> Result<Arc<Runtime>, CliError> {
    let orchestrations =
        crate::registry::composed_orchestration_registry().map_err(CliError::Failed)?;
    let activities = crate::registry::composed_activity_registry(AzureConfig::from_env())
        .map_err(CliError::Failed)?;
    Ok(Runtime::start_with_options(
        store,
        activities,
        orchestrations,
        runtime_options(concurrency),
    )
    .await)
}

async fn deploy(cli: &Cli, args: &DeployArgs) -> Result<(), CliError> {
    install_cloud(&cli.cloud)?;
    let store = cli.store.open(Access::Create).await?;
    let client = Client::new(store.clone());
    let name = &args.name;
    match client.get_orchestration_status(name).await? {
        // Deploying is idempotent: a finished deployment is reported, not redone.
        OrchestrationStatus::Completed { .. } | OrchestrationStatus::Failed { .. } => {
            println!("Deployment `{name}` had already finished");
            let outcome = deploy_multi_cloud_app::wait(&client, name, FINISHED_WAIT).await?;
            return print_outcome(name, outcome);
        }
        OrchestrationStatus::NotFound => {
            let input = DeployMultiCloudInput {
                name: name.clone(),
                instance_count: args.instances,
                web_tier: args.tier.to_string(),
            };
            deploy_multi_cloud_app::start(&client, name.as_str(), &input).await?;
            println!("Deployment `{name}` submitted to {}", cli.store);
        }
        OrchestrationStatus::Running { .. } => {
            println!("Deployment `{name}` was already in progress; resuming it");
        }
    }
    if args.detach {
        return Ok(());
    }
    let runtime = start_runtime(store, args.concurrency).await?;
    let outcome = follow(&client, name, args.timeout()).await;
    runtime.shutdown(None).await;
    print_outcome(name, outcome?)
}

/// Prints every step of the deployment, once and in order, until it ends; then returns its
/// typed result.
async fn follow(
    client: &Client,
    instance: &str,
    timeout: Duration,
) -> Result<Result<DeployMultiCloudOutput, String>, CliError> {
    let deadline = Instant::now() + timeout;
    let timed_out = || {
        CliError::Failed(format!(
            "deployment `{instance}` did not finish within {}s; it is still recorded, and running \
             `deploy {instance}` again (or a worker) continues it",
            timeout.as_secs()
        ))
    };
    let mut display = StepDisplay::default();
    let mut show = |custom_status: Option<String>| {
        if let Some(progress) = custom_status.as_deref().and_then(decode_progress) {
            for line in display.lines(&progress) {
                println!("{line}");
            }
        }
    };
    let mut seen = 0;
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        match client
            .wait_for_status_change(instance, seen, progress_poll_interval(), remaining)
            .await
        {
            Ok(OrchestrationStatus::Running {
                custom_status,
                custom_status_version,
            }) => {
                seen = custom_status_version;
                show(custom_status);
            }
            Ok(OrchestrationStatus::NotFound) => {}
            // The last status lists the steps that ran since the previous sample.
            Ok(
                OrchestrationStatus::Completed { custom_status, .. }
                | OrchestrationStatus::Failed { custom_status, .. },
            ) => {
                show(custom_status);
                break;
            }
            Err(ClientError::Timeout) => return Err(timed_out()),
            Err(error) => return Err(error.into()),
        }
        if Instant::now() >= deadline {
            return Err(timed_out());
        }
    }
    Ok(deploy_multi_cloud_app::wait(client, instance, FINISHED_WAIT).await?)
}

/// How long to wait for the result of a deployment already known to have finished: reading
/// it takes milliseconds, but a loaded machine may take seconds.
const FINISHED_WAIT: Duration = Duration::from_secs(60);

/// Turns sampled progress into `[N/TOTAL] message` lines, so that every step is shown once and
/// in order, including one that started and finished between two samples: a later sample
/// lists every step started so far ([`Progress::steps`]).
#[derive(Debug, Default)]
pub struct StepDisplay {
    /// The last step shown; 0 before the first.
    shown: u32,
}

impl StepDisplay {
    /// The lines of the steps in `progress` not shown yet, in order.
    pub fn lines(&mut self, progress: &Progress) -> Vec<String> {
        let mut lines = Vec::new();
        for (step, message) in progress.started() {
            if step > self.shown {
                lines.push(format!("[{step}/{}] {message}", progress.total));
                self.shown = step;
            }
        }
        lines
    }
}

/// Environment variable: how often, in milliseconds, `deploy` samples the deployment's progress.
pub const PROGRESS_POLL_ENV: &str = "DUROXIDE_PROGRESS_POLL_MS";

/// How often `deploy` samples progress: [`PROGRESS_POLL_ENV`] milliseconds, or 100. A slow
/// sampler must still show every step; the tests set it high to prove that.
fn progress_poll_interval() -> Duration {
    let millis = std::env::var(PROGRESS_POLL_ENV)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(100);
    Duration::from_millis(millis)
}

fn decode_progress(status: &str) -> Option<Progress> {
    serde_json::from_str(status).ok()
}

fn print_outcome(
    name: &str,
    outcome: Result<DeployMultiCloudOutput, String>,
) -> Result<(), CliError> {
    match outcome {
        Ok(output) => {
            println!("Deployment `{name}` completed:");
            print!("{}", describe_output(&output));
            Ok(())
        }
        Err(error) => Err(CliError::Failed(format!(
            "deployment `{name}` failed: {}",
            describe_failure(&error)
        ))),
    }
}

fn describe_output(output: &DeployMultiCloudOutput) -> String {
    let tier = match &output.web_tier_downgraded_from {
        Some(preferred) => format!("{} tier; no quota left for {preferred}", output.web_tier),
        None => format!("{} tier", output.web_tier),
    };
    format!(
        "  database  {}\n  cluster   {} ({})\n  web app   {} ({tier})\n  dns       {}\n",
        output.db_connection,
        output.cluster_endpoint,
        output.cluster_id,
        output.app_url,
        output.dns_name
    )
}

/// Shows a library's domain error in words when the failure carries one.
fn describe_failure(error: &str) -> String {
    if let Some(azure) = AzureError::decode(error) {
        return format!("Azure: {azure}");
    }
    if let Some(aws) = AwsError::decode(error) {
        return format!("AWS: {aws}");
    }
    error.to_owned()
}

async fn worker(cli: &Cli, concurrency: usize) -> Result<(), CliError> {
    let cloud = install_cloud(&cli.cloud)?;
    let store = cli.store.open(Access::Create).await?;
    let runtime = start_runtime(store, concurrency).await?;
    println!(
        "Worker ready: store {}, cloud {}, concurrency {concurrency}. Stop with Ctrl-C or SIGTERM.",
        cli.store,
        cloud.location()
    );
    let stopped_by = wait_for_stop_signal().await;
    println!("Worker stopping ({stopped_by})");
    runtime.shutdown(None).await;
    Ok(())
}

async fn wait_for_stop_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            return tokio::select! {
                _ = tokio::signal::ctrl_c() => "interrupted",
                _ = terminate.recv() => "terminated",
            };
        }
    }
    let _ = tokio::signal::ctrl_c().await;
    "interrupted"
}

async fn status(store: &StoreSpec, instance: Option<&str>, json: bool) -> Result<(), CliError> {
    let client = Client::new(store.open(Access::Existing).await?);
    match instance {
        Some(instance) => status_of_one(&client, store, instance, json).await,
        None => status_of_all(&client, json).await,
    }
}

async fn status_of_one(
    client: &Client,
    store: &StoreSpec,
    instance: &str,
    json: bool,
) -> Result<(), CliError> {
    let mut report = match client.get_orchestration_status(instance).await? {
        OrchestrationStatus::NotFound => {
            return Err(CliError::Failed(format!(
                "no deployment `{instance}` in {store} (one submitted with --detach appears \
                 once a worker has started it)"
            )));
        }
        OrchestrationStatus::Running { custom_status, .. } => serde_json::json!({
            "instance": instance,
            "status": "Running",
            "progress": custom_status.as_deref().and_then(decode_progress),
        }),
        OrchestrationStatus::Completed { output, .. } => serde_json::json!({
            "instance": instance,
            "status": "Completed",
            "output": serde_json::from_str::<serde_json::Value>(&output).unwrap_or(serde_json::Value::String(output)),
        }),
        OrchestrationStatus::Failed { details, .. } => serde_json::json!({
            "instance": instance,
            "status": "Failed",
            "error": describe_failure(&details.display_message()),
        }),
    };
    // How many times the instance ran from the start (continue-as-new would add more): a
    // deployment that completed exactly once has one.
    if client.has_management_capability() {
        report["executions"] = client.list_executions(instance).await?.len().into();
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
        return Ok(());
    }
    println!(
        "{instance}: {}",
        report["status"].as_str().unwrap_or_default()
    );
    if let Some(progress) = report
        .get("progress")
        .and_then(|p| serde_json::from_value::<Progress>(p.clone()).ok())
    {
        println!(
            "  step {}/{}: {}",
            progress.step, progress.total, progress.message
        );
    }
    if let Some(output) = report.get("output") {
        match serde_json::from_value::<DeployMultiCloudOutput>(output.clone()) {
            Ok(output) => print!("{}", describe_output(&output)),
            Err(_) => println!("  output: {output}"),
        }
    }
    if let Some(error) = report.get("error").and_then(serde_json::Value::as_str) {
        println!("  error: {error}");
    }
    Ok(())
}

async fn status_of_all(client: &Client, json: bool) -> Result<(), CliError> {
    let mut rows = Vec::new();
    for instance in client.list_all_instances().await? {
        let info = client.get_instance_info(&instance).await?;
        // Sub-orchestrations belong to their deployment; list only what users started.
        if info.parent_instance_id.is_none() {
            rows.push(serde_json::json!({
                "instance": info.instance_id,
                "orchestration": info.orchestration_name,
                "status": info.status,
            }));
        }
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        );
        return Ok(());
    }
    if rows.is_empty() {
        println!("No deployments yet.");
        return Ok(());
    }
    let mut table = crate::table::plain(["NAME", "STATUS", "ORCHESTRATION"]);
    for row in &rows {
        table.add_row(
            ["instance", "status", "orchestration"]
                .map(|field| row[field].as_str().unwrap_or_default()),
        );
    }
    print!("{}", crate::table::render(&table));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progress(step: u32) -> Progress {
        let steps: Vec<String> = (1..=step).map(|n| format!("step {n}")).collect();
        Progress {
            step,
            total: 4,
            message: steps.last().cloned().unwrap_or_default(),
            steps,
        }
    }

    #[test]
    fn steps_missed_between_two_samples_are_shown_in_order() {
        let mut display = StepDisplay::default();
        assert_eq!(
            display.lines(&progress(2)),
            ["[1/4] step 1", "[2/4] step 2"]
        );
        assert_eq!(
            display.lines(&progress(4)),
            ["[3/4] step 3", "[4/4] step 4"]
        );
    }

    #[test]
    fn a_step_sampled_twice_is_shown_once() {
        let mut display = StepDisplay::default();
        assert_eq!(display.lines(&progress(1)), ["[1/4] step 1"]);
        assert!(display.lines(&progress(1)).is_empty());
        assert_eq!(display.lines(&progress(2)), ["[2/4] step 2"]);
        assert!(display.lines(&progress(2)).is_empty());
    }

    #[test]
    fn a_status_without_the_list_of_steps_shows_its_own_step() {
        // Written by a version of the orchestration from before `steps`.
        let legacy: Progress =
            serde_json::from_str(r#"{"step":3,"total":4,"message":"step 3"}"#).unwrap();
        let mut display = StepDisplay::default();
        assert_eq!(display.lines(&legacy), ["[3/4] step 3"]);
        assert_eq!(display.lines(&progress(4)), ["[4/4] step 4"]);
    }
}
