//! What each command does, once the command line has been parsed and checked.

use crate::cli::{AnswerArgs, Cli, Command, DeployArgs};
use crate::error::CliError;
use crate::orchestrations::{deploy_multi_cloud_app, replace_instance};
use crate::store::{Access, StoreSpec, DEFAULT_STORE};
use crate::types::{
    Approval, DeployCommand, DeployMultiCloudInput, DeployMultiCloudOutput, DeployStopped, Phase,
    Progress, ReplaceInstanceInput,
};
use crate::{graph, inventory};
use duroxide::providers::Provider;
use duroxide::runtime::{ObservabilityConfig, Runtime, RuntimeOptions};
use duroxide::{Client, ClientError, OrchestrationStatus};
use duroxide_aws_ec2::AwsError;
use duroxide_azure_arm::{AzureConfig, AzureError};
use duroxide_registry_macros::interface::{State, Status};
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
        Command::Approve(ref args) => answer(&cli.store, args, true).await,
        Command::Reject(ref args) => answer(&cli.store, args, false).await,
        Command::Cancel {
            ref name,
            ref reason,
            timeout,
        } => {
            let cancel = DeployCommand::Cancel {
                reason: reason.clone(),
            };
            send_command(&cli.store, name, &cancel, Duration::from_secs(timeout)).await
        }
        Command::Scale {
            ref name,
            instances,
            timeout,
        } => {
            let scale = DeployCommand::Scale { instances };
            send_command(&cli.store, name, &scale, Duration::from_secs(timeout)).await
        }
        Command::Replace {
            ref name,
            index,
            timeout,
        } => replace(&cli, name, index, Duration::from_secs(timeout)).await,
        Command::Graph { dot } => {
            let crates = inventory::discover();
            print!(
                "{}",
                if dot {
                    graph::dot(&crates)
                } else {
                    graph::mermaid(&crates)
                }
            );
            Ok(())
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
                require_approval: args.require_approval,
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
    let outcome = follow(&client, name, args.timeout(), &cli.store).await;
    runtime.shutdown(None).await;
    print_outcome(name, outcome?)
}

/// Prints every step of the deployment, and every note of what it did with its commands, once
/// and in order, until it ends; then returns its typed result. It samples the typed status
/// (`deploy_multi_cloud_app::status::wait_for_change`), at most every
/// [`progress_poll_interval`].
async fn follow(
    client: &Client,
    instance: &str,
    timeout: Duration,
    store: &StoreSpec,
) -> Result<Result<DeployMultiCloudOutput, String>, CliError> {
    let deadline = Instant::now() + timeout;
    let timed_out = || {
        CliError::Failed(format!(
            "deployment `{instance}` did not finish within {}s; it is still recorded, and running \
             `deploy {instance}` again (or a worker) continues it",
            timeout.as_secs()
        ))
    };
    let mut display = StepDisplay::new(instance, store);
    let mut seen = 0;
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        match deploy_multi_cloud_app::status::wait_for_change(client, instance, seen, remaining)
            .await
        {
            Ok(status) => {
                // The last status lists the steps that ran since the previous sample.
                if let Some(progress) = &status.value {
                    for line in display.lines(progress) {
                        println!("{line}");
                    }
                }
                if status.state.is_finished() {
                    break;
                }
                seen = status.version;
            }
            Err(ClientError::Timeout) => return Err(timed_out()),
            Err(error) => return Err(error.into()),
        }
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(timed_out());
        }
        tokio::time::sleep(progress_poll_interval().min(remaining)).await;
    }
    Ok(deploy_multi_cloud_app::wait(client, instance, FINISHED_WAIT).await?)
}

/// How long to wait for the result of a deployment already known to have finished: reading
/// it takes milliseconds, but a loaded machine may take seconds.
const FINISHED_WAIT: Duration = Duration::from_secs(60);

/// Turns sampled progress into `[N/TOTAL] message` lines, and a `  - note` line for each note,
/// so that every step and note is shown once and in order, including those that came between
/// two samples: a later sample lists every step started so far ([`Progress::steps`]) and every
/// note ([`Progress::notes`]). At the approval step, it says how to answer, once.
#[derive(Debug, Default)]
pub struct StepDisplay {
    /// The last step shown; 0 before the first.
    shown: u32,
    /// How many notes were shown.
    notes_shown: usize,
    /// How to answer the approval, shown once; none when empty.
    hint: String,
}

impl StepDisplay {
    /// A display for the deployment `instance` recorded in `store`, which the hint names.
    #[must_use]
    pub fn new(instance: &str, store: &StoreSpec) -> Self {
        let store = if store.to_string() == DEFAULT_STORE {
            String::new()
        } else {
            format!(" --store '{store}'")
        };
        StepDisplay {
            hint: format!(
                "      from another terminal: `multi-cloud-app{store} approve {instance}`, or \
                 `reject`, `cancel`, `scale {instance} N`"
            ),
            ..StepDisplay::default()
        }
    }

    /// The lines of the steps and notes in `progress` not shown yet, in order.
    pub fn lines(&mut self, progress: &Progress) -> Vec<String> {
        let mut lines = Vec::new();
        for (step, message) in progress.started() {
            if step > self.shown {
                lines.push(format!("[{step}/{}] {message}", progress.total));
                self.shown = step;
                let waiting = progress.phase == Phase::AwaitingApproval && step == progress.step;
                if waiting && !self.hint.is_empty() {
                    lines.push(std::mem::take(&mut self.hint));
                }
            }
            while let Some(note) = progress
                .notes
                .get(self.notes_shown)
                .filter(|note| note.step <= step)
            {
                lines.push(format!("  - {}", note.text));
                self.notes_shown += 1;
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
        Err(error) => Err(CliError::Failed(match DeployStopped::decode(&error) {
            Some(stopped) => format!(
                "deployment `{name}` was {stopped}: nothing more was provisioned or published, and \
                 what was provisioned stays"
            ),
            None => format!("deployment `{name}` failed: {}", describe_failure(&error)),
        })),
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
    if let Some(stopped) = DeployStopped::decode(error) {
        return stopped.to_string();
    }
    if let Some(azure) = AzureError::decode(error) {
        return format!("Azure: {azure}");
    }
    if let Some(aws) = AwsError::decode(error) {
        return format!("AWS: {aws}");
    }
    error.to_owned()
}

/// `replace NAME INDEX`: reads the completed deployment's cluster (its output and the size its
/// status ends with), runs `replace-instance` on an embedded worker, and prints what it did.
/// Each replacement is an instance of its own, `{NAME}-replace-{INDEX}-{N}`, N counting from 1.
async fn replace(cli: &Cli, name: &str, index: u32, timeout: Duration) -> Result<(), CliError> {
    install_cloud(&cli.cloud)?;
    let store = cli.store.open(Access::Existing).await?;
    let client = Client::new(store.clone());
    let typed = deploy_multi_cloud_app::status::get(&client, name).await?;
    if typed.state != State::Completed {
        return Err(match typed.state {
            State::NotFound => not_found(name, &cli.store),
            state => CliError::Failed(format!(
                "deployment `{name}` is {}: only a completed deployment's instances can be replaced",
                format!("{state:?}").to_lowercase()
            )),
        });
    }
    let output = deploy_multi_cloud_app::wait(&client, name, FINISHED_WAIT)
        .await?
        .map_err(|error| CliError::Failed(format!("deployment `{name}` failed: {error}")))?;
    let instance_count = typed.value.map_or(0, |progress| progress.instances);
    if instance_count == 0 {
        return Err(CliError::Failed(format!(
            "deployment `{name}` does not say how many instances its cluster has (it was recorded \
             by an older version)"
        )));
    }
    if index >= instance_count {
        return Err(CliError::Failed(format!(
            "deployment `{name}` has instances 0 to {}, not {index}",
            instance_count - 1
        )));
    }
    let mut attempt = 1;
    let instance = loop {
        let id = format!("{name}-replace-{index}-{attempt}");
        if matches!(
            client.get_orchestration_status(&id).await?,
            OrchestrationStatus::NotFound
        ) {
            break id;
        }
        attempt += 1;
    };
    let input = ReplaceInstanceInput {
        deployment: name.to_owned(),
        index,
        instance_count,
        cluster_id: output.cluster_id,
    };
    replace_instance::start(&client, instance.as_str(), &input).await?;
    let runtime = start_runtime(store, crate::cli::DEFAULT_CONCURRENCY).await?;
    let outcome = replace_instance::wait(&client, &instance, timeout).await;
    runtime.shutdown(None).await;
    match outcome {
        Ok(Ok(replaced)) => {
            let terminated = replaced
                .terminated
                .as_deref()
                .unwrap_or("none, it was gone");
            println!(
                "Instance {} of deployment `{name}` replaced ({instance}):\n  terminated  {terminated}\n  launched    {}\n  behind      {}",
                replaced.instance, replaced.instance_id, replaced.endpoint
            );
            Ok(())
        }
        Ok(Err(error)) => Err(CliError::Failed(format!(
            "replacing instance {index} of deployment `{name}` failed: {}",
            describe_failure(&error)
        ))),
        Err(ClientError::Timeout) => Err(CliError::Failed(format!(
            "instance {index} of deployment `{name}` was not replaced within {}s; `{instance}` \
             is still recorded, and a worker continues it",
            timeout.as_secs()
        ))),
        Err(error) => Err(error.into()),
    }
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
    // The typed status, and the result once there is one.
    let typed = deploy_multi_cloud_app::status::get(client, instance).await?;
    if typed.state == State::NotFound {
        return Err(not_found(instance, store));
    }
    let mut report = serde_json::json!({
        "instance": instance,
        "status": format!("{:?}", typed.state),
        "progress": typed.value,
    });
    match client.get_orchestration_status(instance).await? {
        OrchestrationStatus::Completed { output, .. } => {
            report["output"] = serde_json::from_str::<serde_json::Value>(&output)
                .unwrap_or(serde_json::Value::String(output));
        }
        OrchestrationStatus::Failed { details, .. } => {
            report["error"] = describe_failure(&details.display_message()).into();
        }
        OrchestrationStatus::Running { .. } | OrchestrationStatus::NotFound => {}
    }
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
    println!("{instance}: {:?}", typed.state);
    if let Some(progress) = &typed.value {
        print!("{}", describe_progress(progress, typed.state));
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

/// The typed status, as `status NAME` prints it: the step (while it is not completed), the
/// phase and the cluster's size of a deployment that takes an approval, and every note.
fn describe_progress(progress: &Progress, state: State) -> String {
    let mut out = String::new();
    if state != State::Completed {
        out.push_str(&format!(
            "  step {}/{}: {}\n",
            progress.step, progress.total, progress.message
        ));
    }
    if progress.approval_required {
        out.push_str(&format!("  phase     {}\n", progress.phase));
        if progress.phase == Phase::AwaitingApproval && state == State::Running {
            out.push_str("            answer with `approve`, `reject`; or `cancel`, `scale`\n");
        }
    }
    if progress.instances > 0 {
        let pending = progress
            .pending_instances
            .map(|n| format!(", {n} once approved"))
            .unwrap_or_default();
        out.push_str(&format!("  instances {}{pending}\n", progress.instances));
    }
    for note in &progress.notes {
        out.push_str(&format!("  - {}\n", note.text));
    }
    out
}

fn not_found(instance: &str, store: &StoreSpec) -> CliError {
    CliError::Failed(format!(
        "no deployment `{instance}` in {store} (one submitted with --detach appears once a \
         worker has started it)"
    ))
}

/// The typed status of a deployment that takes an approval and commands, and has not
/// finished; waits (until `deadline`) for its first status if it has none yet.
async fn controllable(
    client: &Client,
    store: &StoreSpec,
    instance: &str,
    deadline: Instant,
) -> Result<(Status<Progress>, Progress), CliError> {
    let mut status = deploy_multi_cloud_app::status::get(client, instance).await?;
    loop {
        if status.state == State::NotFound {
            return Err(not_found(instance, store));
        }
        if status.state.is_finished() {
            let how = match status.value.as_ref().map(|p| p.phase) {
                Some(phase @ (Phase::Cancelled | Phase::Rejected)) => phase.to_string(),
                _ => format!("{:?}", status.state).to_lowercase(),
            };
            return Err(CliError::Failed(format!(
                "deployment `{instance}` has finished ({how}); it takes no more answers or commands"
            )));
        }
        if let Some(progress) = status.value.clone() {
            if !progress.approval_required {
                return Err(CliError::Failed(format!(
                    "deployment `{instance}` was started without --require-approval: it runs \
                     straight through, and takes no approval and no commands"
                )));
            }
            return Ok((status, progress));
        }
        // Started, but it has not published its first status yet.
        status = wait_for_change(client, instance, status.version, deadline)
            .await?
            .ok_or_else(|| {
                CliError::Failed(format!(
                    "deployment `{instance}` has published no status yet (is a `deploy \
                     {instance}` or a `worker` running it?)"
                ))
            })?;
    }
}

/// The typed status once it has changed past `version`, or the instance has finished; `None`
/// at `deadline`.
async fn wait_for_change(
    client: &Client,
    instance: &str,
    version: u64,
    deadline: Instant,
) -> Result<Option<Status<Progress>>, CliError> {
    let remaining = deadline.saturating_duration_since(Instant::now());
    match deploy_multi_cloud_app::status::wait_for_change(client, instance, version, remaining)
        .await
    {
        Ok(status) => Ok(Some(status)),
        Err(ClientError::Timeout) => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// Waits until the deployment's status satisfies `done`, or it finishes; `None` at `deadline`.
async fn wait_until(
    client: &Client,
    instance: &str,
    mut status: Status<Progress>,
    deadline: Instant,
    done: impl Fn(&Progress) -> bool,
) -> Result<Option<Status<Progress>>, CliError> {
    loop {
        if status.state.is_finished() || status.value.as_ref().is_some_and(&done) {
            return Ok(Some(status));
        }
        match wait_for_change(client, instance, status.version, deadline).await? {
            Some(next) => status = next,
            None => return Ok(None),
        }
    }
}

/// `approve NAME` and `reject NAME`: waits for the approval step (an event raised before the
/// deployment waits for it would be dropped), raises the `approval` event, and waits for the
/// deployment to take it.
async fn answer(store: &StoreSpec, args: &AnswerArgs, approved: bool) -> Result<(), CliError> {
    let client = Client::new(store.open(Access::Existing).await?);
    let name = args.name.as_str();
    let deadline = Instant::now() + Duration::from_secs(args.timeout);
    let (status, progress) = controllable(&client, store, name, deadline).await?;
    if progress.phase == Phase::Running {
        println!(
            "Deployment `{name}` is at step {}/{}; waiting for its approval step",
            progress.step, progress.total
        );
    }
    let at_gate = wait_until(&client, name, status, deadline, |p| {
        p.phase != Phase::Running
    })
    .await?
    .ok_or_else(|| {
        CliError::Failed(format!(
            "deployment `{name}` did not reach its approval step within {}s (is a `deploy \
             {name}` or a `worker` running it?)",
            args.timeout
        ))
    })?;
    let phase = at_gate.value.as_ref().map(|p| p.phase);
    if at_gate.state.is_finished() || phase != Some(Phase::AwaitingApproval) {
        let what = phase.map_or_else(|| "finished".to_owned(), |p| p.to_string());
        return Err(CliError::Failed(format!(
            "deployment `{name}` is not waiting for approval: it is {what}"
        )));
    }
    let approval = Approval {
        approved,
        reason: args.reason.clone(),
    };
    deploy_multi_cloud_app::events::approval::raise(&client, name, &approval).await?;
    let verb = if approved { "approved" } else { "rejected" };
    let taken = wait_until(&client, name, at_gate, deadline, |p| {
        p.phase != Phase::AwaitingApproval
    })
    .await?;
    match taken.and_then(|s| s.value) {
        Some(p) if p.phase == Phase::Approved => {
            println!("Deployment `{name}` approved: it goes on to publish DNS");
        }
        Some(p) if p.phase == Phase::Rejected => {
            println!("Deployment `{name}` rejected: it stopped before publishing DNS");
        }
        Some(p) if p.phase == Phase::Cancelled => {
            return Err(CliError::Failed(format!(
                "deployment `{name}` was cancelled before it took the answer"
            )));
        }
        _ => println!(
            "Deployment `{name}` {verb}; the answer is recorded, and the deployment takes it \
             when a `deploy {name}` or a `worker` runs it"
        ),
    }
    Ok(())
}

/// `cancel NAME` and `scale NAME N`: enqueues the command on the deployment's `commands` queue
/// (a queue keeps it until the deployment serves it), and waits for the deployment to say what
/// it did with it.
async fn send_command(
    store: &StoreSpec,
    name: &str,
    command: &DeployCommand,
    timeout: Duration,
) -> Result<(), CliError> {
    let client = Client::new(store.open(Access::Existing).await?);
    let deadline = Instant::now() + timeout;
    let (status, progress) = controllable(&client, store, name, deadline).await?;
    if !progress.phase.takes_commands() {
        return Err(CliError::Failed(format!(
            "deployment `{name}` is {}: it takes no more commands",
            progress.phase
        )));
    }
    deploy_multi_cloud_app::queues::commands::enqueue(&client, name, command).await?;
    let notes = progress.notes.len();
    let taken = wait_until(&client, name, status, deadline, |p| {
        p.notes.len() > notes || !p.phase.takes_commands()
    })
    .await?;
    let Some(status) = taken else {
        println!(
            "Command sent to deployment `{name}`; it is queued, and the deployment serves it \
             when a `deploy {name}` or a `worker` runs it"
        );
        return Ok(());
    };
    let progress = status.value.unwrap_or(progress);
    match progress.notes.get(notes) {
        Some(note) => {
            println!("Deployment `{name}`: {}", note.text);
            Ok(())
        }
        None => Err(CliError::Failed(format!(
            "deployment `{name}` is {} and did not serve the command",
            progress.phase
        ))),
    }
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
            phase: Phase::Running,
            approval_required: false,
            instances: 3,
            pending_instances: None,
            notes: Vec::new(),
        }
    }

    fn note(step: u32, text: &str) -> crate::types::Note {
        crate::types::Note {
            step,
            text: text.to_owned(),
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

    #[test]
    fn notes_are_shown_once_after_the_step_they_belong_to_and_the_hint_once() {
        let mut display = StepDisplay::new("demo", &StoreSpec::SqliteMemory);
        let mut sample = progress(2);
        sample.total = 5;
        sample.notes = vec![note(1, "scale to 4: created with 4")];
        assert_eq!(
            display.lines(&sample),
            [
                "[1/5] step 1",
                "  - scale to 4: created with 4",
                "[2/5] step 2"
            ]
        );
        // Two steps and two notes between samples, at the approval step.
        let mut sample = progress(4);
        sample.total = 5;
        sample.phase = Phase::AwaitingApproval;
        sample.notes = vec![
            note(1, "scale to 4: created with 4"),
            note(3, "scale to 2: applied once approved"),
            note(4, "scale to 2: the cluster has 2 already"),
        ];
        let lines = display.lines(&sample);
        assert_eq!(
            lines[..3],
            [
                "[3/5] step 3",
                "  - scale to 2: applied once approved",
                "[4/5] step 4"
            ]
        );
        assert!(
            lines[3].contains("`multi-cloud-app --store 'sqlite::memory:' approve demo`"),
            "{lines:?}"
        );
        assert_eq!(lines[4], "  - scale to 2: the cluster has 2 already");
        assert!(display.lines(&sample).is_empty());
        sample.phase = Phase::Approved;
        sample.notes.push(note(4, "approved"));
        assert_eq!(display.lines(&sample), ["  - approved"]);
    }
}
