//! Cost of the replay check (`replay::check`) against the length of the history it replays.
//!
//! One orchestration, `chain`, calls one activity `calls` times in sequence. Each call records
//! two events (`ActivityScheduled`, `ActivityCompleted`) and the execution two more
//! (`OrchestrationStarted`, `OrchestrationCompleted`), so `calls` of 49, 499 and 4,999 record
//! histories of 100, 1,000 and 10,000 events. They are real histories: each is run to
//! completion on duroxide's in-memory SQLite and captured with the generated
//! `replay::capture`, then checked, with no store and no runtime, three ways:
//!
//! 1. `replay::check` of the unchanged body, which passes.
//! 2. `replay::check` of an edited body, whose last activity call has another input: the
//!    engine reports the divergence, and the check finds its event by replaying prefixes.
//! 3. One pass of duroxide's `ReplayEngine` over the whole history (the history already
//!    parsed), the unit the check is made of: the ratio check / pass is how many passes a check
//!    costs.
//!
//! `cargo bench -p registry-bench --bench replay`; `-- --quick` only checks that it runs (the
//! 100-event history, one repetition). `--reps R` changes the repetitions, every figure being
//! the median of them; `--calls N`, repeatable, replaces the three sizes with histories of
//! `2N + 2` events.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::runtime::replay_engine::{ReplayEngine, TurnResult};
use duroxide::runtime::{ObservabilityConfig, Runtime, RuntimeOptions};
use duroxide::{ActivityContext, Client, EventKind, OrchestrationRegistry};
use duroxide_registry_macros::activity;
use registry_bench::stats::median;
use std::error::Error;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[activity]
pub async fn step(_ctx: ActivityContext, input: u32) -> Result<u32, String> {
    Ok(input)
}

/// The body as it ran: the histories are recorded from it.
pub mod recorded {
    use super::step;
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};

    #[orchestration(name = "chain", version = "1.0.0")]
    pub async fn chain(ctx: OrchestrationContext, calls: u32) -> Result<u64, String> {
        let mut sum = 0u64;
        for i in 0..calls {
            sum += u64::from(step::call(&ctx, &i).await?);
        }
        Ok(sum)
    }

    registry! {
        replay: replay,
        orchestrations: [chain],
        activities: [step],
    }
}

/// The same name and version, edited: the last call has another input.
pub mod edited {
    use super::step;
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};

    #[orchestration(name = "chain", version = "1.0.0")]
    pub async fn chain(ctx: OrchestrationContext, calls: u32) -> Result<u64, String> {
        let mut sum = 0u64;
        for i in 0..calls {
            let input = if i + 1 == calls { i + 1_000_000 } else { i };
            sum += u64::from(step::call(&ctx, &input).await?);
        }
        Ok(sum)
    }

    registry! {
        replay: replay,
        orchestrations: [chain],
        activities: [step],
    }
}

struct Config {
    /// Activity calls per recorded history.
    calls: Vec<u32>,
    /// Timed repetitions of each measurement.
    reps: usize,
}

/// `--quick` for the CI smoke test; `--reps R`; `--calls N`, repeatable, instead of the three
/// sizes.
fn config(mut args: impl Iterator<Item = String>) -> Result<Config, Box<dyn Error>> {
    let (mut quick, mut reps, mut calls) = (false, 11, Vec::new());
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--quick" => quick = true,
            "--reps" => reps = value()?.parse()?,
            "--calls" => calls.push(value()?.parse()?),
            // cargo bench passes `--bench` to every bench binary.
            "--bench" => {}
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    if quick {
        (reps, calls) = (1, vec![49]);
    } else if calls.is_empty() {
        calls = vec![49, 499, 4999];
    }
    if reps == 0 {
        return Err("--reps must be at least 1".into());
    }
    if calls.contains(&0) {
        return Err("--calls must be at least 1: the edited body changes the last call".into());
    }
    Ok(Config { calls, reps })
}

/// One recorded history and what was measured on it.
struct Row {
    events: usize,
    bytes: usize,
    record: Duration,
    pass: f64,
    diverged: f64,
    engine: f64,
    divergence_at: usize,
}

fn main() -> Result<(), Box<dyn Error>> {
    let config = config(std::env::args().skip(1))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let histories = runtime.block_on(record_all(&config.calls))?;
    drop(runtime);

    let mut rows = Vec::new();
    for (calls, json, record) in histories {
        rows.push(measure(&config, calls, &json, record)?);
    }
    println!("{}", table(&rows, config.reps));
    Ok(())
}

/// Runs `chain` once per size on one in-memory SQLite store and captures each history.
async fn record_all(calls: &[u32]) -> Result<Vec<(u32, String, Duration)>, Box<dyn Error>> {
    let store = Arc::new(SqliteProvider::new_in_memory().await?);
    // As in the runtime benchmark: a 5 ms idle poll instead of 100 ms, one dispatcher of each
    // kind (in-memory SQLite is one shared-cache database), and no log line per activity.
    let options = RuntimeOptions {
        dispatcher_min_poll_interval: Duration::from_millis(5),
        orchestration_concurrency: 1,
        worker_concurrency: 1,
        observability: ObservabilityConfig {
            log_level: "warn".to_owned(),
            ..ObservabilityConfig::default()
        },
        ..RuntimeOptions::default()
    };
    let runtime = Runtime::start_with_options(
        store.clone(),
        recorded::create_activity_registry(),
        recorded::create_orchestration_registry(),
        options,
    )
    .await;
    let client = Client::new(store);
    let mut histories = Vec::new();
    for &count in calls {
        // In-memory SQLite providers of one process share one database: ids must be unique.
        let instance = format!("replay-bench-{count}-{}", std::process::id());
        let start = Instant::now();
        recorded::chain::start(&client, &instance, &count).await?;
        let sum = recorded::chain::wait(&client, &instance, Duration::from_secs(1800)).await??;
        let elapsed = start.elapsed();
        let expected = u64::from(count) * u64::from(count.saturating_sub(1)) / 2;
        if sum != expected {
            return Err(format!("`chain` of {count} calls returned {sum}, not {expected}").into());
        }
        let json = recorded::replay::capture(&client, &instance).await?;
        eprintln!(
            "recorded {count} calls in {:.1} s ({} bytes of JSON)",
            elapsed.as_secs_f64(),
            json.len()
        );
        histories.push((count, json, elapsed));
    }
    runtime.shutdown(None).await;
    Ok(histories)
}

fn measure(
    config: &Config,
    calls: u32,
    json: &str,
    record: Duration,
) -> Result<Row, Box<dyn Error>> {
    let executions: Vec<duroxide_registry_macros::replay::Execution> = serde_json::from_str(json)?;
    let [execution] = executions.as_slice() else {
        return Err(format!("expected one execution, captured {}", executions.len()).into());
    };
    let events = execution.events.len();
    let expected = 2 * calls as usize + 2;
    if events != expected {
        return Err(format!("{calls} calls recorded {events} events, not {expected}").into());
    }

    // Correctness first, untimed: the unchanged body passes, the edited one diverges at the
    // last `ActivityScheduled` (the history's third-last event).
    let report = recorded::replay::check(json).map_err(|e| e.to_string())?;
    if report.replayed.len() != 1 {
        return Err(format!("replayed {} executions, not 1", report.replayed.len()).into());
    }
    let divergence_at = match edited::replay::check(json) {
        Err(edited::replay::Error::Diverged(divergence)) => divergence.index,
        other => return Err(format!("expected a divergence, got {other:?}").into()),
    };
    if divergence_at != events - 3 {
        return Err(format!("diverged at event {divergence_at}, not {}", events - 3).into());
    }

    let pass = time(config.reps, || {
        black_box(recorded::replay::check(black_box(json)).is_ok());
    });
    let diverged = time(config.reps, || {
        black_box(edited::replay::check(black_box(json)).is_err());
    });
    let registry = recorded::create_orchestration_registry();
    let engine = time(config.reps, || {
        black_box(engine_pass(&registry, execution));
    });
    Ok(Row {
        events,
        bytes: json.len(),
        record,
        pass,
        diverged,
        engine,
        divergence_at,
    })
}

/// One run of duroxide's replay engine over the whole history but its terminal event, as the
/// check runs it, with the body finishing at the end.
fn engine_pass(
    registry: &OrchestrationRegistry,
    execution: &duroxide_registry_macros::replay::Execution,
) -> bool {
    let Some(EventKind::OrchestrationStarted {
        name,
        version,
        input,
        ..
    }) = execution.events.first().map(|e| &e.kind)
    else {
        panic!("a captured history starts with `OrchestrationStarted`");
    };
    let handler = registry
        .list_versions(name)
        .iter()
        .find(|v| v.to_string() == *version)
        .and_then(|v| registry.resolve_handler_exact(name, v))
        .expect("the recorded version is registered");
    let body = &execution.events[..execution.events.len() - 1];
    let mut engine = ReplayEngine::new(
        execution.instance.clone(),
        execution.execution_id,
        body.to_vec(),
    );
    let result = engine.execute_orchestration(
        handler,
        input.clone(),
        name.clone(),
        version.clone(),
        "replay-bench",
    );
    assert!(
        matches!(result, TurnResult::Completed(_)),
        "the whole history replays to completion"
    );
    true
}

/// The median of `reps` timings of `f`, in seconds.
fn time(reps: usize, mut f: impl FnMut()) -> f64 {
    let samples: Vec<f64> = (0..reps)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    median(&samples)
}

fn table(rows: &[Row], reps: usize) -> String {
    let mut lines = vec![
        format!("## replay::check (median of {reps})"),
        String::new(),
        "| events | JSON | recorded in | check, passing | per event | check, last call diverges | per event | one engine pass | per event | check / pass |".to_owned(),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|".to_owned(),
    ];
    for row in rows {
        let n = row.events as f64;
        lines.push(format!(
            "| {} | {:.0} KiB | {:.1} s | {:.2} ms | {:.2} µs | {:.2} ms | {:.2} µs | {:.2} ms | {:.2} µs | {:.1} |",
            row.events,
            row.bytes as f64 / 1024.0,
            row.record.as_secs_f64(),
            row.pass * 1e3,
            row.pass / n * 1e6,
            row.diverged * 1e3,
            row.diverged / n * 1e6,
            row.engine * 1e3,
            row.engine / n * 1e6,
            row.pass / row.engine,
        ));
    }
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        if rows.len() > 1 {
            let per = |t: f64, row: &Row| t / row.events as f64;
            lines.push(String::new());
            lines.push(format!(
                "Per-event cost, {} events / {} events: passing {:.2}, diverging {:.2}, engine pass {:.2} (1.00 is linear).",
                last.events,
                first.events,
                per(last.pass, last) / per(first.pass, first),
                per(last.diverged, last) / per(first.diverged, first),
                per(last.engine, last) / per(first.engine, first),
            ));
        }
    }
    let at: Vec<String> = rows.iter().map(|r| r.divergence_at.to_string()).collect();
    lines.push(format!(
        "Divergences found at event {} (the last `ActivityScheduled` of each history).",
        at.join(", ")
    ));
    lines.join("\n")
}
