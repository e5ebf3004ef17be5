//! One run: a fresh store and runtime, the instance started, deliveries made as the history
//! reaches their points, and everything read back once the instance has finished.

use super::describe::Inbox;
use super::history;
use super::plan::{Delivery, TestPlan, When};
use super::registries;
use crate::replay::{self, Execution};
use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::Runtime;
use duroxide::{Client, ClientError, OrchestrationStatus};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often the harness reads the instance while it runs.
const POLL: Duration = Duration::from_millis(25);

/// What a finished run hands to [`Run`].
pub(super) struct Finished {
    pub(super) instance: String,
    pub(super) status: OrchestrationStatus,
    pub(super) capture: String,
    pub(super) executions: Vec<Execution>,
}

/// Runs `name` at `version` with the encoded `input` to its end.
pub(super) async fn run(plan: &TestPlan, name: &str, version: &str, input: String) -> Finished {
    let run = next_run();
    let store = store(run).await;
    let runtime = Runtime::start_with_options(
        store.clone(),
        registries::activities(plan),
        registries::orchestrations(plan),
        plan.options.clone(),
    )
    .await;
    let client = Client::new(store);
    let instance = plan
        .instance_id
        .clone()
        .unwrap_or_else(|| fresh_id(name, run));
    let outcome = drive(plan, &client, &instance, name, version, input).await;
    // Shut down before reading or panicking, so that no runtime outlives its test.
    runtime.shutdown(Some(1000)).await;
    let status = match outcome {
        Ok(status) => status,
        Err(problem) => panic!("{}", problem.message(plan, &client, &instance).await),
    };
    let capture = replay::capture(&client, &instance)
        .await
        .unwrap_or_else(|error| {
            panic!("harness: cannot read the history of `{instance}`: {error}")
        });
    let executions = serde_json::from_str(&capture)
        .unwrap_or_else(|error| panic!("harness: cannot read back the history: {error}"));
    Finished {
        instance,
        status,
        capture,
        executions,
    }
}

/// A store of its own: an in-memory database of duroxide's `sqlite` provider, named for this
/// run. (`SqliteProvider::new_in_memory()` opens `sqlite::memory:?cache=shared`, which, by the
/// sqlx version, is a database of its own or one shared by the whole process; runtimes on a
/// shared one would serve each other's instances, with each other's mocks.)
async fn store(run: u64) -> Arc<dyn Provider> {
    let url = format!(
        "sqlite:file:duroxide-registry-macros-harness-{}-{run}?mode=memory&cache=shared",
        std::process::id()
    );
    match SqliteProvider::new(&url, None).await {
        Ok(store) => Arc::new(store),
        Err(error) => panic!("harness: cannot open an in-memory `sqlite` store: {error}"),
    }
}

/// A number unique in the process, for the run's store and instance id.
fn next_run() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// An instance id unique in the process, so that no two runs ever meet on one, whatever
/// store they share.
fn fresh_id(name: &str, run: u64) -> String {
    let short = name.rsplit("::").next().unwrap_or(name);
    format!("harness-{short}-{}-{run}", std::process::id())
}

/// Why a run did not finish.
enum Problem {
    Start(ClientError),
    Store(ClientError),
    Deliver(ClientError),
    TimedOut(Vec<Delivery>),
}

impl Problem {
    async fn message(&self, plan: &TestPlan, client: &Client, instance: &str) -> String {
        let executions = read(client, instance).await.unwrap_or_default();
        let history = history::describe(&executions);
        match self {
            Problem::Start(error) => format!("harness: cannot start `{instance}`: {error}"),
            Problem::Store(error) => format!("harness: cannot read `{instance}`: {error}"),
            Problem::Deliver(error) => format!("harness: cannot deliver to `{instance}`: {error}"),
            Problem::TimedOut(pending) => format!(
                "harness: `{instance}` did not finish within {:?}.\n\
                 Deliveries not made: {}.\n\
                 Its history (an activity scheduled and never completed may be neither \
                 registered nor mocked; a timer fires on the wall clock):\n{history}",
                plan.timeout,
                describe_pending(pending),
            ),
        }
    }
}

fn describe_pending(pending: &[Delivery]) -> String {
    if pending.is_empty() {
        return String::from("none");
    }
    let lines: Vec<String> = pending
        .iter()
        .map(|delivery| format!("{:?} {:?}", delivery.inbox, delivery.when))
        .collect();
    lines.join("; ")
}

/// Starts the instance and serves its deliveries until it finishes.
async fn drive(
    plan: &TestPlan,
    client: &Client,
    instance: &str,
    name: &str,
    version: &str,
    input: String,
) -> Result<OrchestrationStatus, Problem> {
    client
        .start_orchestration_versioned(instance, name, version, input)
        .await
        .map_err(Problem::Start)?;
    let deadline = Instant::now() + plan.timeout;
    let mut pending: Vec<Delivery> = plan.deliveries.clone();
    let mut sent: Vec<Sent> = Vec::new();
    loop {
        let status = client
            .get_orchestration_status(instance)
            .await
            .map_err(Problem::Store)?;
        if matches!(
            status,
            OrchestrationStatus::Completed { .. } | OrchestrationStatus::Failed { .. }
        ) {
            return Ok(status);
        }
        if Instant::now() > deadline {
            return Err(Problem::TimedOut(pending));
        }
        if !pending.is_empty() {
            deliver(client, instance, &mut pending, &mut sent).await?;
        }
        tokio::time::sleep(POLL).await;
    }
}

/// An event raised and not yet seen in the history: the next one to it waits, since duroxide
/// drops an event that arrives while the instance does not wait for it.
struct Sent {
    inbox: Inbox,
    /// How many the history had held before this one.
    before: usize,
}

/// Makes every pending delivery whose point the history has reached, in order per inbox.
async fn deliver(
    client: &Client,
    instance: &str,
    pending: &mut Vec<Delivery>,
    sent: &mut Vec<Sent>,
) -> Result<(), Problem> {
    let tree = read(client, instance).await.map_err(Problem::Store)?;
    let own: Vec<Execution> = tree
        .iter()
        .filter(|execution| execution.instance == instance)
        .map(copy)
        .collect();
    if own.is_empty() {
        // Not started yet: duroxide drops a queue message sent before the instance exists.
        return Ok(());
    }
    sent.retain(|s| history::received(&own, s.inbox) <= s.before);
    let mut blocked: Vec<Inbox> = sent.iter().map(|s| s.inbox).collect();
    let mut index = 0;
    while index < pending.len() {
        let delivery = &pending[index];
        let ready = !blocked.contains(&delivery.inbox) && reached(delivery, &tree, &own);
        if !ready {
            // Later deliveries to the same inbox wait for this one.
            blocked.push(delivery.inbox);
            index += 1;
            continue;
        }
        let delivery = pending.remove(index);
        send(client, instance, &delivery)
            .await
            .map_err(Problem::Deliver)?;
        if let Inbox::Event(_) = delivery.inbox {
            sent.push(Sent {
                inbox: delivery.inbox,
                before: history::received(&own, delivery.inbox),
            });
            blocked.push(delivery.inbox);
        }
    }
    Ok(())
}

/// Whether the run has reached a delivery's point.
fn reached(delivery: &Delivery, tree: &[Execution], own: &[Execution]) -> bool {
    let waiting = || history::waits_on(own, delivery.inbox);
    let is_event = matches!(delivery.inbox, Inbox::Event(_));
    match delivery.when {
        When::Started => !is_event || waiting(),
        When::Waiting => waiting(),
        When::After(step, n) => history::completed(tree, step) >= n && (!is_event || waiting()),
    }
}

async fn send(client: &Client, instance: &str, delivery: &Delivery) -> Result<(), ClientError> {
    let payload = delivery.payload.clone();
    match delivery.inbox {
        Inbox::Event(name) => client.raise_event(instance, name, payload).await,
        Inbox::Queue(name) => client.enqueue_event(instance, name, payload).await,
    }
}

/// Every execution of the instance and of its sub-orchestrations, read as
/// [`replay::capture`] records them.
async fn read(client: &Client, instance: &str) -> Result<Vec<Execution>, ClientError> {
    let capture = replay::capture(client, instance).await?;
    serde_json::from_str(&capture).map_err(|error| ClientError::InvalidInput {
        message: error.to_string(),
    })
}

fn copy(execution: &Execution) -> Execution {
    Execution {
        instance: execution.instance.clone(),
        execution_id: execution.execution_id,
        events: execution.events.clone(),
    }
}
