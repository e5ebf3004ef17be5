//! The harness of a real upgrade: one worker process starts an instance of
//! `duroxide-fleet::orchestration::create-instance` 1.0.7 on a SQLite file and stops while the
//! instance waits for its `approval` event; a second process, on the same file, raises the
//! event and runs the instance to its end.
//!
//! A worker is a [`Fleet`] (the registries it runs, and the types it starts and reads
//! instances with) and a `main` of one line: [`main::<F>()`](main). The worker before the upgrade is
//! [`HandWritten`], built as the binary `handwritten-worker`. The worker after it is
//! [`Migrated`], on the migrated crate `duroxide-fleet`, built as the binary `migrated-worker`.
//!
//! The worker's command line:
//!
//! - `start STORE INSTANCE`: create the store if missing, start `INSTANCE` at version 1.0.7,
//!   wait until its custom status is [`WAITING_FOR_APPROVAL`] (its first activities have
//!   completed and its wait for [`APPROVAL_EVENT`] is in its history), shut down, exit 0.
//! - `resume STORE INSTANCE APPROVER`: open the existing store, check that `INSTANCE` is
//!   waiting for approval, raise [`APPROVAL_EVENT`] with `APPROVER` as its data, wait for the
//!   instance to finish, print its typed output as JSON on a line starting with
//!   [`OUTPUT_PREFIX`], shut down, exit 0.
//!
//! Every other line of stdout says what the worker did; logs go to stderr (`RUST_LOG`). Any
//! failure exits 1 with the reason on stderr.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::runtime::Runtime;
use duroxide::{Client, EventKind, OrchestrationRegistry, OrchestrationStatus};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The orchestration every worker runs, by its wire name.
pub const ORCHESTRATION: &str = "duroxide-fleet::orchestration::create-instance";
/// The version instances are started at: the one that waits for approval.
pub const VERSION: &str = "1.0.7";
/// The external event 1.0.7 waits for between provisioning and the CMS record.
pub const APPROVAL_EVENT: &str = "approval";
/// The custom status of a 1.0.7 instance while it waits for [`APPROVAL_EVENT`].
pub const WAITING_FOR_APPROVAL: &str = "waiting-for-approval";
/// How long a worker waits for an instance to reach a state, on a machine that may be loaded.
pub const TIMEOUT: Duration = Duration::from_secs(300);
/// `resume` prints the finished instance's output, as JSON, after this prefix on a line of its own.
pub const OUTPUT_PREFIX: &str = "output: ";

/// What a worker runs: registries, and the types it starts instances with and reads them back.
pub trait Fleet {
    /// Says which side of the upgrade the worker is on, in what it prints.
    const LABEL: &'static str;
    /// The input of `create-instance`.
    type Input: Serialize;
    /// The output of `create-instance`.
    type Output: Serialize + DeserializeOwned;
    /// All the activities the worker registers.
    fn activities() -> ActivityRegistry;
    /// All the orchestrations the worker registers.
    fn orchestrations() -> OrchestrationRegistry;
    /// The input `start` gives `instance`.
    fn input(instance: &str) -> Self::Input;
}

/// The crate before the upgrade: `fleet-handwritten`, registered by hand.
pub struct HandWritten;

impl Fleet for HandWritten {
    const LABEL: &'static str = "hand-written";
    type Input = fleet_handwritten::CreateInstanceInput;
    type Output = fleet_handwritten::CreateInstanceOutput;

    fn activities() -> ActivityRegistry {
        fleet_handwritten::registry::create_activity_registry()
    }

    fn orchestrations() -> OrchestrationRegistry {
        fleet_handwritten::registry::create_orchestration_registry()
    }

    fn input(instance: &str) -> Self::Input {
        fleet_handwritten::CreateInstanceInput {
            name: instance.to_owned(),
            region: "westeurope".to_owned(),
            size: "standard-2".to_owned(),
            owner: "ops".to_owned(),
            disk_gb: Some(128),
            replaces_record: Some(format!("cms-{instance}-old")),
        }
    }
}

/// The crate after the upgrade: `duroxide-fleet`, the same crate on `duroxide-registry-macros`.
pub struct Migrated;

impl Fleet for Migrated {
    const LABEL: &'static str = "migrated";
    type Input = duroxide_fleet::CreateInstanceInput;
    type Output = duroxide_fleet::CreateInstanceOutput;

    fn activities() -> ActivityRegistry {
        duroxide_fleet::registry::create_activity_registry()
    }

    fn orchestrations() -> OrchestrationRegistry {
        duroxide_fleet::registry::create_orchestration_registry()
    }

    fn input(instance: &str) -> Self::Input {
        duroxide_fleet::CreateInstanceInput {
            name: instance.to_owned(),
            region: "westeurope".to_owned(),
            size: "standard-2".to_owned(),
            owner: "ops".to_owned(),
            disk_gb: Some(128),
            replaces_record: Some(format!("cms-{instance}-old")),
        }
    }
}

/// A worker's `main`: parses the command line, runs the command, exits 0 once it is done.
pub fn main<F: Fleet>() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let command = match args.as_slice() {
        ["start", store, instance] => Command::Start {
            store: Path::new(store),
            instance,
        },
        ["resume", store, instance, approver] => Command::Resume {
            store: Path::new(store),
            instance,
            approver,
        },
        _ => {
            eprintln!("usage: start STORE INSTANCE | resume STORE INSTANCE APPROVER");
            return ExitCode::from(2);
        }
    };
    // duroxide's runtime logs to stdout unless a subscriber is installed first: keep stdout for
    // what the worker says, and the runtime's and the orchestrations' traces on stderr.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "warn,duroxide::orchestration=info,duroxide::activity=info".into());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();

    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match command {
            Command::Start { store, instance } => start::<F>(store, instance).await,
            Command::Resume {
                store,
                instance,
                approver,
            } => resume::<F>(store, instance, approver).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

enum Command<'a> {
    Start {
        store: &'a Path,
        instance: &'a str,
    },
    Resume {
        store: &'a Path,
        instance: &'a str,
        approver: &'a str,
    },
}

/// Opens the SQLite file at `path`, creating it when `create` (`mode=rwc`; plain `sqlite:PATH`
/// opens an existing file only).
pub async fn open_store(path: &Path, create: bool) -> Result<Arc<dyn Provider>, String> {
    let mode = if create { "rwc" } else { "rw" };
    let url = format!("sqlite:{}?mode={mode}", path.display());
    let provider = SqliteProvider::new(&url, None)
        .await
        .map_err(|e| format!("cannot open {url}: {e}"))?;
    Ok(Arc::new(provider))
}

/// `start`: see the crate's documentation.
pub async fn start<F: Fleet>(store_path: &Path, instance: &str) -> Result<(), String> {
    let store = open_store(store_path, true).await?;
    let runtime =
        Runtime::start_with_store(store.clone(), F::activities(), F::orchestrations()).await;
    println!("[{}] runtime started on {}", F::LABEL, store_path.display());
    let result = start_and_wait_for_approval::<F>(&Client::new(store), instance).await;
    runtime.shutdown(Some(10_000)).await;
    result?;
    println!(
        "[{}] runtime shut down with {instance} waiting for `{APPROVAL_EVENT}`",
        F::LABEL
    );
    Ok(())
}

/// Starts `instance` at [`VERSION`] and polls its status until it waits for approval.
pub async fn start_and_wait_for_approval<F: Fleet>(
    client: &Client,
    instance: &str,
) -> Result<(), String> {
    client
        .start_orchestration_versioned_typed(instance, ORCHESTRATION, VERSION, F::input(instance))
        .await
        .map_err(|e| format!("cannot start {instance}: {e}"))?;
    println!(
        "[{}] started {instance} on {ORCHESTRATION} {VERSION}",
        F::LABEL
    );
    let deadline = Instant::now() + TIMEOUT;
    let mut last_seen = None;
    loop {
        let status = client
            .get_orchestration_status(instance)
            .await
            .map_err(|e| format!("cannot read the status of {instance}: {e}"))?;
        match status {
            OrchestrationStatus::Running { custom_status, .. } => {
                if custom_status != last_seen {
                    println!(
                        "[{}] {instance} is running: {}",
                        F::LABEL,
                        custom_status.as_deref().unwrap_or("(no custom status)")
                    );
                }
                if custom_status.as_deref() == Some(WAITING_FOR_APPROVAL) {
                    break;
                }
                last_seen = custom_status;
            }
            OrchestrationStatus::NotFound => {}
            finished => {
                return Err(format!(
                    "{instance} ended before it waited for approval: {finished:?}"
                ))
            }
        }
        if Instant::now() > deadline {
            return Err(format!(
                "{instance} did not wait for approval within {TIMEOUT:?}; last custom status {last_seen:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let history = History::read(client, instance).await?;
    if !history.subscribed(APPROVAL_EVENT) {
        return Err(format!(
            "{instance} says it waits for approval, but its history holds no wait for `{APPROVAL_EVENT}`"
        ));
    }
    println!(
        "[{}] {instance} waits for `{APPROVAL_EVENT}`; activities completed: {}",
        F::LABEL,
        history.completed.join(", ")
    );
    Ok(())
}

/// `resume`: see the crate's documentation.
pub async fn resume<F: Fleet>(
    store_path: &Path,
    instance: &str,
    approver: &str,
) -> Result<(), String> {
    if !store_path.exists() {
        return Err(format!("no store at {}", store_path.display()));
    }
    let store = open_store(store_path, false).await?;
    let client = Client::new(store.clone());
    let before = History::read(&client, instance).await?;
    let status = client
        .get_orchestration_status(instance)
        .await
        .map_err(|e| format!("cannot read the status of {instance}: {e}"))?;
    match &status {
        OrchestrationStatus::Running { custom_status, .. }
            if custom_status.as_deref() == Some(WAITING_FOR_APPROVAL) => {}
        other => return Err(format!("{instance} is not waiting for approval: {other:?}")),
    }
    println!(
        "[{}] {instance} found waiting for `{APPROVAL_EVENT}` on {} {}, after {}",
        F::LABEL,
        before.orchestration,
        before.version,
        before.completed.join(", ")
    );

    let runtime =
        Runtime::start_with_store(store.clone(), F::activities(), F::orchestrations()).await;
    println!("[{}] runtime started on {}", F::LABEL, store_path.display());
    let result = approve_and_wait::<F>(&client, instance, approver).await;
    runtime.shutdown(Some(10_000)).await;
    let output = result?;

    let after = History::read(&client, instance).await?;
    let ran_here: Vec<&str> = after.completed[before.completed.len().min(after.completed.len())..]
        .iter()
        .map(String::as_str)
        .collect();
    println!(
        "[{}] {instance} completed; activities completed here: {}",
        F::LABEL,
        ran_here.join(", ")
    );
    let json =
        serde_json::to_string(&output).map_err(|e| format!("cannot print the output: {e}"))?;
    println!("{OUTPUT_PREFIX}{json}");
    println!("[{}] runtime shut down", F::LABEL);
    Ok(())
}

/// Raises [`APPROVAL_EVENT`] on `instance` and waits for its typed output.
pub async fn approve_and_wait<F: Fleet>(
    client: &Client,
    instance: &str,
    approver: &str,
) -> Result<F::Output, String> {
    client
        .raise_event(instance, APPROVAL_EVENT, approver)
        .await
        .map_err(|e| format!("cannot raise `{APPROVAL_EVENT}` on {instance}: {e}"))?;
    println!(
        "[{}] raised `{APPROVAL_EVENT}` on {instance} with data {approver:?}",
        F::LABEL
    );
    match client
        .wait_for_orchestration_typed::<F::Output>(instance, TIMEOUT)
        .await
    {
        Ok(Ok(output)) => Ok(output),
        Ok(Err(e)) => Err(format!("{instance} failed: {e}")),
        Err(e) => Err(format!("{instance} did not complete: {e}")),
    }
}

/// What an instance's first execution says about it.
pub struct History {
    /// The orchestration's name, from `OrchestrationStarted`.
    pub orchestration: String,
    /// The version the instance is pinned to, from `OrchestrationStarted`.
    pub version: String,
    /// Names of the activities that completed, in order.
    pub completed: Vec<String>,
    /// Names of the external events the instance subscribed to, in order.
    pub subscriptions: Vec<String>,
    /// Names and data of the external events delivered to it, in order.
    pub events: Vec<(String, String)>,
}

impl History {
    /// Reads the first execution of `instance`.
    pub async fn read(client: &Client, instance: &str) -> Result<History, String> {
        let events = client
            .read_execution_history(instance, 1)
            .await
            .map_err(|e| format!("cannot read the history of {instance}: {e}"))?;
        let mut history = History {
            orchestration: String::new(),
            version: String::new(),
            completed: Vec::new(),
            subscriptions: Vec::new(),
            events: Vec::new(),
        };
        let mut scheduled = HashMap::new();
        for event in events {
            match event.kind {
                EventKind::OrchestrationStarted { name, version, .. } => {
                    history.orchestration = name;
                    history.version = version;
                }
                EventKind::ActivityScheduled { name, .. } => {
                    scheduled.insert(event.event_id, name);
                }
                EventKind::ActivityCompleted { .. } => {
                    let name = event
                        .source_event_id
                        .and_then(|id| scheduled.get(&id).cloned())
                        .unwrap_or_else(|| "(unknown activity)".to_owned());
                    history.completed.push(name);
                }
                EventKind::ExternalSubscribed { name } => history.subscriptions.push(name),
                EventKind::ExternalEvent { name, data } => history.events.push((name, data)),
                _ => {}
            }
        }
        if history.orchestration.is_empty() {
            return Err(format!("{instance} has no history"));
        }
        Ok(history)
    }

    /// Whether the instance subscribed to the external event `name`.
    pub fn subscribed(&self, name: &str) -> bool {
        self.subscriptions.iter().any(|n| n == name)
    }
}
