//! The replay check `registry!` generates, on histories recorded by real runs on SQLite.
//!
//! `recorded` is the code that ran: an orchestration that calls two activities, waits on a
//! timer and runs a sub-orchestration. Its histories are captured with `recorded::replay::capture`.
//! Each other module is the same crate after one edit of that orchestration's body, at the same
//! name and version, with a `registry!` of its own; its `replay::check` must find the edit, at
//! the event where the body now does something else.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::Runtime;
use duroxide::{ActivityContext, Client, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration};
use std::sync::Arc;
use std::time::Duration;

#[activity]
pub async fn charge(_ctx: ActivityContext, input: u32) -> Result<String, String> {
    Ok(format!("charged {input}"))
}

#[activity]
pub async fn ship(_ctx: ActivityContext, input: u32) -> Result<String, String> {
    Ok(format!("shipped {input}"))
}

#[activity]
pub async fn refund(_ctx: ActivityContext, input: u32) -> Result<String, String> {
    Ok(format!("refunded {input}"))
}

#[orchestration]
pub async fn notify(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    Ok(format!("notified: {input}"))
}

#[orchestration]
pub async fn notify_v2(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    Ok(format!("notified again: {input}"))
}

/// The body as it ran, whose histories are recorded.
pub mod recorded {
    use super::{charge, notify, ship};
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};
    use std::time::Duration;

    #[orchestration(name = "fulfil", version = "1.0.0")]
    pub async fn fulfil(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        let charged = charge::call(&ctx, &input).await?;
        let shipped = ship::call(&ctx, &input).await?;
        ctx.schedule_timer(Duration::from_millis(10)).await;
        let notified = notify::call(&ctx, &format!("{charged}, {shipped}")).await?;
        Ok(notified)
    }

    registry! {
        replay: replay,
        orchestrations: [fulfil, notify],
        activities: [charge, ship],
    }
}

/// Unchanged: the same body.
pub mod unchanged {
    use super::{charge, notify, ship};
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};
    use std::time::Duration;

    #[orchestration(name = "fulfil", version = "1.0.0")]
    pub async fn fulfil(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        let charged = charge::call(&ctx, &input).await?;
        let shipped = ship::call(&ctx, &input).await?;
        ctx.schedule_timer(Duration::from_millis(10)).await;
        let notified = notify::call(&ctx, &format!("{charged}, {shipped}")).await?;
        Ok(notified)
    }

    registry! {
        replay: replay,
        orchestrations: [fulfil, notify],
        activities: [charge, ship],
    }
}

/// The two activity calls swapped.
pub mod swapped {
    use super::{charge, notify, ship};
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};
    use std::time::Duration;

    #[orchestration(name = "fulfil", version = "1.0.0")]
    pub async fn fulfil(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        let shipped = ship::call(&ctx, &input).await?;
        let charged = charge::call(&ctx, &input).await?;
        ctx.schedule_timer(Duration::from_millis(10)).await;
        let notified = notify::call(&ctx, &format!("{charged}, {shipped}")).await?;
        Ok(notified)
    }

    registry! {
        replay: replay,
        orchestrations: [fulfil, notify],
        activities: [charge, ship],
    }
}

/// The second activity is another one now (an activity's name changed).
pub mod renamed_activity {
    use super::{charge, notify, refund};
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};
    use std::time::Duration;

    #[orchestration(name = "fulfil", version = "1.0.0")]
    pub async fn fulfil(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        let charged = charge::call(&ctx, &input).await?;
        let shipped = refund::call(&ctx, &input).await?;
        ctx.schedule_timer(Duration::from_millis(10)).await;
        let notified = notify::call(&ctx, &format!("{charged}, {shipped}")).await?;
        Ok(notified)
    }

    registry! {
        replay: replay,
        orchestrations: [fulfil, notify],
        activities: [charge, refund],
    }
}

/// A timer added between the two activities.
pub mod timer_added {
    use super::{charge, notify, ship};
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};
    use std::time::Duration;

    #[orchestration(name = "fulfil", version = "1.0.0")]
    pub async fn fulfil(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        let charged = charge::call(&ctx, &input).await?;
        ctx.schedule_timer(Duration::from_millis(10)).await;
        let shipped = ship::call(&ctx, &input).await?;
        ctx.schedule_timer(Duration::from_millis(10)).await;
        let notified = notify::call(&ctx, &format!("{charged}, {shipped}")).await?;
        Ok(notified)
    }

    registry! {
        replay: replay,
        orchestrations: [fulfil, notify],
        activities: [charge, ship],
    }
}

/// Another sub-orchestration called.
pub mod other_sub_orchestration {
    use super::{charge, notify, notify_v2, ship};
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};
    use std::time::Duration;

    #[orchestration(name = "fulfil", version = "1.0.0")]
    pub async fn fulfil(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        let charged = charge::call(&ctx, &input).await?;
        let shipped = ship::call(&ctx, &input).await?;
        ctx.schedule_timer(Duration::from_millis(10)).await;
        let notified = notify_v2::call(&ctx, &format!("{charged}, {shipped}")).await?;
        Ok(notified)
    }

    registry! {
        replay: replay,
        orchestrations: [fulfil, notify, notify_v2],
        activities: [charge, ship],
    }
}

/// Version 1.0.0 removed: only 2.0.0 is registered.
pub mod version_removed {
    use super::{charge, notify};
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};

    #[orchestration(name = "fulfil", version = "2.0.0")]
    pub async fn fulfil(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        let charged = charge::call(&ctx, &input).await?;
        notify::call(&ctx, &charged).await
    }

    registry! {
        replay: replay,
        orchestrations: [fulfil, notify],
        activities: [charge],
    }
}

const TIMEOUT: Duration = Duration::from_secs(120);

/// Runs `fulfil` 1.0.0 of `recorded` to completion on in-memory SQLite, and captures its
/// histories (its own and its sub-orchestration's).
async fn record(instance: &str) -> String {
    let store: Arc<dyn Provider> = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
    let runtime = Runtime::start_with_store(
        store.clone(),
        recorded::create_activity_registry(),
        recorded::create_orchestration_registry(),
    )
    .await;
    let client = Client::new(store);
    recorded::fulfil::start(&client, instance, &7)
        .await
        .unwrap();
    let output = recorded::fulfil::wait(&client, instance, TIMEOUT)
        .await
        .unwrap();
    assert_eq!(output.unwrap(), "notified: charged 7, shipped 7");
    let captured = recorded::replay::capture(&client, instance).await.unwrap();
    runtime.shutdown(None).await;
    captured
}

/// The recorded history's events, as `describe` names them in a divergence: index 0 is
/// `OrchestrationStarted`, 1 `charge` scheduled, 2 its completion, 3 `ship` scheduled, 4 its
/// completion, 5 the timer created, 6 fired, 7 `notify` scheduled, 8 its completion, 9 the end.
fn divergence(
    result: Result<impl std::fmt::Debug, recorded_error::Error>,
) -> Box<recorded_error::Divergence> {
    match result {
        Err(recorded_error::Error::Diverged(divergence)) => divergence,
        other => panic!("expected a divergence, got {other:?}"),
    }
}

/// Every module's `replay::Error` is its own type; the tests read them through this one shape.
mod recorded_error {
    pub use super::swapped::replay::{Divergence, Error};
}

#[tokio::test]
async fn an_unchanged_body_replays_every_execution_to_the_same_result() {
    let captured = record("replay-unchanged").await;
    let report = unchanged::replay::check(&captured).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<(&str, &str)> = report
        .replayed
        .iter()
        .map(|r| (r.name.as_str(), r.outcome.as_str()))
        .collect();
    // The typed codec records a string output as its raw content.
    let completed = "completes with \"notified: charged 7, shipped 7\"";
    assert_eq!(
        names,
        [
            (unchanged::fulfil::NAME, completed),
            (notify::NAME, completed)
        ]
    );
    assert!(report.skipped.is_empty());
}

#[tokio::test]
async fn each_edit_is_found_at_its_event() {
    let captured = record("replay-edits").await;

    let swapped = divergence(swapped::replay::check(&captured));
    assert_eq!(swapped.index, 1, "{swapped}");
    assert!(swapped.history.contains(charge::NAME), "{swapped}");
    assert!(swapped.code.contains(ship::NAME), "{swapped}");
    assert!(swapped.engine.is_some(), "{swapped}");

    let renamed = renamed_activity::replay::check(&captured).unwrap_err();
    let text = renamed.to_string();
    assert!(text.contains("at event 3"), "{text}");
    assert!(
        text.contains(ship::NAME) && text.contains(refund::NAME),
        "{text}"
    );

    let timer = timer_added::replay::check(&captured)
        .unwrap_err()
        .to_string();
    assert!(timer.contains("at event 3"), "{timer}");
    assert!(
        timer.contains("the code does now:  a timer created"),
        "{timer}"
    );

    let sub = other_sub_orchestration::replay::check(&captured)
        .unwrap_err()
        .to_string();
    assert!(sub.contains("at event 7"), "{sub}");
    assert!(
        sub.contains(notify::NAME) && sub.contains(notify_v2::NAME),
        "{sub}"
    );
}

#[tokio::test]
async fn a_removed_version_is_reported_as_such() {
    let captured = record("replay-removed").await;
    let error = version_removed::replay::check(&captured).unwrap_err();
    match &error {
        version_removed::replay::Error::VersionNotRegistered {
            name,
            version,
            registered,
            ..
        } => {
            assert_eq!(name, version_removed::fulfil::NAME);
            assert_eq!(version, "1.0.0");
            assert_eq!(registered, &["2.0.0"]);
        }
        other => panic!("expected VersionNotRegistered, got {other:?}"),
    }
    assert!(error.to_string().contains("no longer registers"), "{error}");
}

#[tokio::test]
async fn one_execution_as_read_execution_history_returns_it_replays_too() {
    let captured = record("replay-bare").await;
    let executions: Vec<serde_json::Value> = serde_json::from_str(&captured).unwrap();
    let bare = serde_json::to_string(&executions[0]["events"]).unwrap();
    let report = unchanged::replay::check(&bare).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.replayed.len(), 1);
    assert_eq!(report.replayed[0].instance, "replay-bare");
}

#[test]
fn malformed_histories_are_errors_that_say_what_is_wrong() {
    for (json, expected) in [
        ("not json", "the recorded history is malformed: expected"),
        ("[{\"instance\": \"a\"}]", "missing field"),
        (
            "[{\"instance\": \"a\", \"execution_id\": 1, \"events\": []}]",
            "the history of `a` (execution 1) is empty",
        ),
    ] {
        let error = unchanged::replay::check(json).unwrap_err().to_string();
        assert!(error.contains(expected), "{json}: {error}");
    }
}

#[tokio::test]
async fn a_history_that_starts_elsewhere_is_malformed() {
    let captured = record("replay-truncated").await;
    let mut executions: Vec<serde_json::Value> = serde_json::from_str(&captured).unwrap();
    executions[0]["events"].as_array_mut().unwrap().remove(0);
    let json = serde_json::to_string(&executions).unwrap();
    let error = unchanged::replay::check(&json).unwrap_err().to_string();
    assert!(
        error.contains("instead of `OrchestrationStarted`"),
        "{error}"
    );
}

/// Fails the first two attempts for each input, then succeeds: a call that retries.
#[activity]
pub async fn flaky(_ctx: ActivityContext, input: u32) -> Result<u32, String> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static ATTEMPTS: Mutex<Option<HashMap<u32, u32>>> = Mutex::new(None);
    let attempt = {
        let mut attempts = ATTEMPTS.lock().unwrap();
        let count = attempts
            .get_or_insert_with(HashMap::new)
            .entry(input)
            .or_insert(0);
        *count += 1;
        *count
    };
    if attempt < 3 {
        Err(format!("attempt {attempt} failed"))
    } else {
        Ok(input * 10)
    }
}

/// The same declaration of `flaky`, with the defaults `call` retries by, in three editions: as
/// recorded, with its backoff removed, and with fewer attempts. Each is a declaration, so that
/// one name carries three policies; the activity itself is `flaky` above.
macro_rules! retrying {
    ($module:ident, $($retry:tt)*) => {
        pub mod $module {
            use duroxide::{ActivityContext, OrchestrationContext};
            use duroxide_registry_macros::{activity, orchestration, registry};

            #[activity(prefix = "duroxide-registry-macros-tests", name = "flaky", $($retry)*)]
            pub async fn flaky(ctx: ActivityContext, input: u32) -> Result<u32, String>;

            #[orchestration(name = "retrying", version = "1.0.0")]
            pub async fn retrying(ctx: OrchestrationContext, input: u32) -> Result<u32, String> {
                flaky::call(&ctx, &input).await
            }

            registry! {
                replay: replay,
                orchestrations: [retrying],
                external: [flaky],
            }
        }
    };
}

retrying!(
    retry_as_recorded,
    retry(attempts = 3, backoff = fixed(delay = "10ms"))
);
retrying!(retry_without_backoff, retry(attempts = 3, backoff = none));
retrying!(
    retry_fewer_attempts,
    retry(attempts = 2, backoff = fixed(delay = "10ms"))
);

#[tokio::test]
async fn a_changed_retry_policy_is_found_in_a_history_that_retried() {
    let store: Arc<dyn Provider> = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
    let activities = duroxide::runtime::registry::ActivityRegistry::builder()
        .register_typed(flaky::NAME, flaky)
        .build();
    let runtime = Runtime::start_with_store(
        store.clone(),
        activities,
        retry_as_recorded::create_orchestration_registry(),
    )
    .await;
    let client = Client::new(store);
    let instance = "replay-retry";
    retry_as_recorded::retrying::start(&client, instance, &4)
        .await
        .unwrap();
    let output = retry_as_recorded::retrying::wait(&client, instance, TIMEOUT)
        .await
        .unwrap();
    assert_eq!(output, Ok(40), "the third attempt succeeds");
    let captured = retry_as_recorded::replay::capture(&client, instance)
        .await
        .unwrap();
    runtime.shutdown(None).await;

    // As recorded: three attempts with a timer between each.
    retry_as_recorded::replay::check(&captured).unwrap_or_else(|e| panic!("{e}"));
    // No backoff: the second attempt comes where the history holds the first timer.
    let without_backoff = retry_without_backoff::replay::check(&captured)
        .unwrap_err()
        .to_string();
    assert!(
        without_backoff.contains("a timer created") && without_backoff.contains(flaky::NAME),
        "{without_backoff}"
    );
    // Two attempts: the code gives up where the history holds the timer before the third.
    let fewer = retry_fewer_attempts::replay::check(&captured)
        .unwrap_err()
        .to_string();
    assert!(
        fewer.contains("a timer created") && fewer.contains("fails: attempt 2 failed"),
        "{fewer}"
    );
}
