//! End-to-end, on duroxide's SQLite provider: work declared in one place and implemented in
//! another, and the retry and timeout defaults a declaration states.
//!
//! `worker` stands for another crate, or a worker in another language: it defines and registers
//! the items. `caller` only declares them, with the defaults it calls them by, and registers
//! nothing of them. The runtime merges the worker's registries, as a deployment would run the
//! worker beside the caller, and the names meet at run time.
//!
//! duroxide 0.1.32 shares one in-memory database among all `new_in_memory()` providers of a
//! process, so every test uses instance ids of its own.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::runtime::Runtime;
use duroxide::{Client, EventKind, OrchestrationRegistry};
use std::sync::Arc;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

/// The implementation: its own crate prefix, its own registry.
mod worker {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration, registry};
    use std::collections::HashMap;
    use std::sync::Mutex;
    use std::time::Duration;

    /// How many times each input has been attempted.
    static ATTEMPTS: Mutex<Option<HashMap<String, u32>>> = Mutex::new(None);

    /// Fails the first two attempts for each input, then succeeds.
    #[activity(prefix = "remote-worker")]
    pub async fn flaky(_ctx: ActivityContext, input: String) -> Result<String, String> {
        let attempt = {
            let mut attempts = ATTEMPTS.lock().unwrap();
            let count = attempts
                .get_or_insert_with(HashMap::new)
                .entry(input.clone())
                .or_insert(0);
            *count += 1;
            *count
        };
        if attempt < 3 {
            Err(format!("attempt {attempt} failed"))
        } else {
            Ok(format!("{input} on attempt {attempt}"))
        }
    }

    /// Takes two seconds.
    #[activity(prefix = "remote-worker")]
    pub async fn slow(_ctx: ActivityContext, input: String) -> Result<String, String> {
        tokio::time::sleep(Duration::from_secs(2)).await;
        Ok(input)
    }

    /// Counts the words of its input.
    #[orchestration(prefix = "remote-worker", version = "1.2.0")]
    pub async fn count_words(_ctx: OrchestrationContext, input: String) -> Result<usize, String> {
        Ok(input.split_whitespace().count())
    }

    registry! {
        orchestrations: [count_words],
        activities: [flaky, slow],
    }
}

/// The caller: declarations only, with the defaults it calls them by.
mod caller {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration, registry};

    /// Fails twice, then succeeds (the worker's).
    #[activity(prefix = "remote-worker", name = "flaky", retry(attempts = 3, backoff = fixed(delay = "100ms")))]
    pub async fn flaky(ctx: ActivityContext, input: String) -> Result<String, String>;

    /// Takes two seconds (the worker's); this caller waits half a second.
    #[activity(prefix = "remote-worker", name = "slow", timeout = "500ms")]
    pub async fn slow(ctx: ActivityContext, input: String) -> Result<String, String>;

    /// Counts words (the worker's).
    #[orchestration(prefix = "remote-worker", name = "count-words", version = "1.2.0")]
    pub async fn count_words(ctx: OrchestrationContext, input: String) -> Result<usize, String>;

    /// Calls `flaky` with its declared retry.
    #[orchestration(prefix = "shop")]
    pub async fn with_retry(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        flaky::call(&ctx, &input).await
    }

    /// Calls `flaky` once.
    #[orchestration(prefix = "shop")]
    pub async fn once(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        flaky::call_once(&ctx, &input).await
    }

    /// Calls `slow` with its declared timeout.
    #[orchestration(prefix = "shop")]
    pub async fn timed(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        slow::call(&ctx, &input).await
    }

    /// Runs the worker's orchestration as a sub-orchestration, through its declaration.
    #[orchestration(prefix = "shop")]
    pub async fn delegate(ctx: OrchestrationContext, input: String) -> Result<usize, String> {
        count_words::call(&ctx, &input).await
    }

    registry! {
        orchestrations: [with_retry, once, timed, delegate],
        external: [flaky, slow, count_words],
    }
}

async fn start() -> (Arc<Runtime>, Client) {
    let store: Arc<dyn Provider> = Arc::new(SqliteProvider::new_in_memory().await.expect("SQLite"));
    // The caller registers no activity: the worker's registry provides them.
    let activities = ActivityRegistry::builder()
        .merge(caller::create_activity_registry())
        .merge(worker::create_activity_registry())
        .build();
    let orchestrations = OrchestrationRegistry::builder()
        .merge(caller::create_orchestration_registry())
        .merge(worker::create_orchestration_registry())
        .build();
    let runtime = Runtime::start_with_store(store.clone(), activities, orchestrations).await;
    (runtime, Client::new(store))
}

/// How many times `instance` scheduled an activity.
async fn activities_scheduled(client: &Client, instance: &str) -> usize {
    let history = client
        .read_execution_history(instance, 1)
        .await
        .expect("the history");
    history
        .iter()
        .filter(|event| matches!(event.kind, EventKind::ActivityScheduled { .. }))
        .count()
}

#[tokio::test]
async fn a_declared_retry_policy_retries_an_activity_that_fails_twice() {
    let (runtime, client) = start().await;
    let id = "decl-retry";
    caller::with_retry::start(&client, id, &"retry-input".to_owned())
        .await
        .unwrap();
    let output = caller::with_retry::wait(&client, id, TIMEOUT)
        .await
        .unwrap();
    assert_eq!(output, Ok("retry-input on attempt 3".to_owned()));
    assert_eq!(activities_scheduled(&client, id).await, 3);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn call_once_does_not_retry() {
    let (runtime, client) = start().await;
    let id = "decl-once";
    caller::once::start(&client, id, &"once-input".to_owned())
        .await
        .unwrap();
    let output = caller::once::wait(&client, id, TIMEOUT).await.unwrap();
    let message = output.expect_err("the first attempt fails, and is not retried");
    assert!(message.contains("attempt 1 failed"), "{message}");
    assert_eq!(activities_scheduled(&client, id).await, 1);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn a_declared_timeout_fires() {
    let (runtime, client) = start().await;
    let id = "decl-timeout";
    caller::timed::start(&client, id, &"slow-input".to_owned())
        .await
        .unwrap();
    let output = caller::timed::wait(&client, id, TIMEOUT).await.unwrap();
    let message = output.expect_err("the attempt times out");
    assert!(message.contains("timed out"), "{message}");
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn a_declared_orchestration_is_started_waited_on_and_called_through_its_declaration() {
    let (runtime, client) = start().await;
    // From a client, with the declaration's typed helpers: the worker's orchestration runs.
    let id = "decl-count-words";
    caller::count_words::start(&client, id, &"three little words".to_owned())
        .await
        .unwrap();
    let output = caller::count_words::wait(&client, id, TIMEOUT)
        .await
        .unwrap();
    assert_eq!(output, Ok(3));
    let info = client.get_orchestration_status(id).await.unwrap();
    assert!(
        matches!(info, duroxide::OrchestrationStatus::Completed { .. }),
        "{info:?}"
    );
    // As a sub-orchestration, at the declared version.
    let id = "decl-delegate";
    caller::delegate::start(&client, id, &"a b c d".to_owned())
        .await
        .unwrap();
    assert_eq!(
        caller::delegate::wait(&client, id, TIMEOUT).await.unwrap(),
        Ok(4)
    );
    runtime.shutdown(None).await;
}

#[test]
fn the_declarations_match_the_worker_and_the_inventory_marks_them() {
    use duroxide_registry_macros::inventory::{check_declarations, Implemented};
    let declared = (caller::list_orchestrations(), caller::list_activities());
    let implemented = (worker::list_orchestrations(), worker::list_activities());
    check_declarations((&declared.0, &declared.1), (&implemented.0, &implemented.1)).unwrap();
    let external: Vec<&str> = declared
        .1
        .iter()
        .filter(|a| a.implemented == Implemented::Elsewhere)
        .map(|a| a.name)
        .collect();
    assert_eq!(external, [worker::flaky::NAME, worker::slow::NAME]);
    assert_eq!(declared.1[0].retry, Some("3 attempts, fixed 100ms"));
    assert_eq!(declared.1[1].retry, Some("1 attempt, timeout 500ms"));
}
