//! Run-time cost of the macros against the hand-written pattern, on code written by the
//! generator (see `build.rs`): 250 activities and 250 orchestrations in each form.
//!
//! 1. `create_activity_registry()` and `create_orchestration_registry()`.
//! 2. End-to-end activity dispatch on in-memory SQLite: an orchestration fans out `count` calls
//!    of one activity, through `schedule_activity_typed` with the name constant by hand and
//!    through the companion's typed `call` with the macros.
//!
//! `cargo bench -p registry-bench --bench runtime`; `-- --quick` only checks that it runs.
//! The forms alternate, each sample swapping which goes first, and every ratio is the median
//! of the per-sample ratios macros / hand, shown with its interquartile range as the noise.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::runtime::{ObservabilityConfig, Runtime, RuntimeOptions};
use duroxide::{Client, OrchestrationRegistry};
use registry_bench::measure::process_cpu;
use registry_bench::stats::{median, quantile};
use std::error::Error;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

// The fixtures are library code embedded in a binary: most of their public items, such as the
// inventory and the crate-root re-exports, are unused here, which is all these lints report.
#[allow(dead_code, unused_imports)]
mod hand {
    include!(concat!(env!("OUT_DIR"), "/hand.rs"));
}

#[allow(dead_code, unused_imports)]
mod macros {
    include!(concat!(env!("OUT_DIR"), "/macros.rs"));
}

struct Config {
    /// Samples per registry comparison, and calls timed in each sample.
    registry_samples: usize,
    registry_calls: usize,
    /// Activities per dispatch run, and timed runs per form.
    dispatch_count: u32,
    dispatch_rounds: usize,
    /// Orchestration and worker dispatchers of the runtime. One of each: duroxide's in-memory
    /// SQLite is one shared-cache database, whose connections fail each other with "database is
    /// deadlocked" and back off 200 ms or more; more dispatchers time more backoffs.
    concurrency: usize,
}

const FULL: Config = Config {
    registry_samples: 101,
    registry_calls: 20,
    dispatch_count: 1000,
    dispatch_rounds: 10,
    concurrency: 1,
};
const QUICK: Config = Config {
    registry_samples: 3,
    registry_calls: 2,
    dispatch_count: 20,
    dispatch_rounds: 1,
    concurrency: 1,
};

#[derive(Clone, Copy)]
enum Form {
    Hand,
    Macros,
}

/// Hand first in even samples, macros first in odd ones.
fn order(sample: usize) -> [Form; 2] {
    if sample % 2 == 0 {
        [Form::Hand, Form::Macros]
    } else {
        [Form::Macros, Form::Hand]
    }
}

/// Paired measurements of one quantity, per form.
#[derive(Default)]
struct Comparison {
    hand: Vec<f64>,
    macros: Vec<f64>,
}

impl Comparison {
    fn push(&mut self, form: Form, value: f64) {
        match form {
            Form::Hand => self.hand.push(value),
            Form::Macros => self.macros.push(value),
        }
    }

    fn row(&self, what: &str, unit: &str, scale: f64) -> String {
        let ratios: Vec<f64> = self
            .hand
            .iter()
            .zip(&self.macros)
            .map(|(h, m)| m / h)
            .collect();
        format!(
            "| {what} | {} | {:.1} {unit} | {:.1} {unit} | **{:.3}** | {:.3}–{:.3} |",
            ratios.len(),
            median(&self.hand) * scale,
            median(&self.macros) * scale,
            median(&ratios),
            quantile(&ratios, 0.25),
            quantile(&ratios, 0.75),
        )
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let config = config(std::env::args().skip(1))?;
    let mut rows = vec![
        "| benchmark | samples | hand (median) | macros (median) | ratio macros/hand | ratio IQR |"
            .to_owned(),
        "|---|---|---|---|---|---|".to_owned(),
    ];
    let activities = compare_creation(
        &config,
        hand::registry::create_activity_registry,
        macros::registry::create_activity_registry,
    );
    rows.push(activities.row("create_activity_registry(), 250 activities", "µs", 1e6));
    let orchestrations = compare_creation(
        &config,
        hand::registry::create_orchestration_registry,
        macros::registry::create_orchestration_registry,
    );
    rows.push(orchestrations.row(
        "create_orchestration_registry(), 251 orchestrations",
        "µs",
        1e6,
    ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let (wall, cpu) = runtime.block_on(compare_dispatch(&config))?;
    let count = config.dispatch_count;
    rows.push(wall.row(
        &format!("dispatch, wall per activity ({count} per run)"),
        "µs",
        1e6,
    ));
    rows.push(cpu.row(
        &format!("dispatch, process CPU per activity ({count} per run)"),
        "µs",
        1e6,
    ));
    println!("{}", rows.join("\n"));
    Ok(())
}

/// `--quick` for the CI smoke test; `--count N`, `--rounds R` and `--concurrency C` change the
/// dispatch runs.
fn config(mut args: impl Iterator<Item = String>) -> Result<Config, Box<dyn Error>> {
    let mut config = FULL;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--quick" => config = QUICK,
            "--count" => config.dispatch_count = value()?.parse()?,
            "--rounds" => config.dispatch_rounds = value()?.parse()?,
            "--concurrency" => config.concurrency = value()?.parse()?,
            // cargo bench passes `--bench` to every bench binary.
            "--bench" => {}
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    Ok(config)
}

/// Seconds per call of each form's `create`, one sample of `registry_calls` calls at a time.
fn compare_creation<R>(config: &Config, hand: fn() -> R, macros: fn() -> R) -> Comparison {
    let mut comparison = Comparison::default();
    for sample in 0..config.registry_samples {
        for form in order(sample) {
            let create = match form {
                Form::Hand => hand,
                Form::Macros => macros,
            };
            comparison.push(form, seconds_per_call(config.registry_calls, create));
        }
    }
    comparison
}

/// Dropping the registries is left out of the timing: only creation is compared.
fn seconds_per_call<R>(calls: usize, create: fn() -> R) -> f64 {
    let mut made = Vec::with_capacity(calls);
    let start = Instant::now();
    for _ in 0..calls {
        made.push(black_box(create()));
    }
    let elapsed = start.elapsed();
    drop(made);
    elapsed.as_secs_f64() / calls as f64
}

/// Wall and process CPU seconds per activity, from one runtime that serves both forms.
async fn compare_dispatch(config: &Config) -> Result<(Comparison, Comparison), Box<dyn Error>> {
    let store = Arc::new(SqliteProvider::new_in_memory().await?);
    let activities = ActivityRegistry::builder()
        .merge(hand::registry::create_activity_registry())
        .merge(macros::registry::create_activity_registry())
        .build();
    let orchestrations = OrchestrationRegistry::builder()
        .merge(hand::registry::create_orchestration_registry())
        .merge(macros::registry::create_orchestration_registry())
        .build();
    // The default 100 ms idle poll would quantize every run to whole polls; 5 ms keeps the
    // measurement about dispatch rather than about sleeping. Info logs would print a line per
    // activity, timing the terminal more than the runtime.
    let options = RuntimeOptions {
        dispatcher_min_poll_interval: Duration::from_millis(5),
        orchestration_concurrency: config.concurrency,
        worker_concurrency: config.concurrency,
        observability: ObservabilityConfig {
            log_level: "warn".to_owned(),
            ..ObservabilityConfig::default()
        },
        ..RuntimeOptions::default()
    };
    let runtime =
        Runtime::start_with_options(store.clone(), activities, orchestrations, options).await;
    let client = Client::new(store);
    let (mut wall, mut cpu) = (Comparison::default(), Comparison::default());
    // Round 0 warms up SQLite, the runtime and the caches, and is not recorded.
    for round in 0..=config.dispatch_rounds {
        for form in order(round) {
            let (round_wall, round_cpu) =
                dispatch_once(&client, form, round, config.dispatch_count).await?;
            if round > 0 {
                let count = f64::from(config.dispatch_count);
                wall.push(form, round_wall.as_secs_f64() / count);
                cpu.push(form, round_cpu.as_secs_f64() / count);
            }
        }
    }
    runtime.shutdown(None).await;
    Ok((wall, cpu))
}

/// Starts one dispatch loop and waits for it, each form through its own API.
async fn dispatch_once(
    client: &Client,
    form: Form,
    round: usize,
    count: u32,
) -> Result<(Duration, Duration), Box<dyn Error>> {
    // In-memory SQLite providers of one process share one database: ids must be unique.
    let timeout = Duration::from_secs(300);
    let (cpu_before, start) = (process_cpu(), Instant::now());
    let calls = match form {
        Form::Hand => {
            let id = format!("hand-{round}");
            let input = hand::types::DispatchLoopInput {
                name: "bench".to_owned(),
                count,
            };
            client
                .start_orchestration_typed(&id, hand::names::orchestrations::DISPATCH_LOOP, &input)
                .await?;
            client
                .wait_for_orchestration_typed::<hand::types::DispatchLoopOutput>(&id, timeout)
                .await??
                .ids
                .len()
        }
        Form::Macros => {
            let id = format!("macros-{round}");
            let input = macros::types::DispatchLoopInput {
                name: "bench".to_owned(),
                count,
            };
            macros::orchestrations::dispatch_loop::start(client, &id, &input).await?;
            macros::orchestrations::dispatch_loop::wait(client, &id, timeout)
                .await??
                .ids
                .len()
        }
    };
    let elapsed = (start.elapsed(), process_cpu().saturating_sub(cpu_before));
    if calls != count as usize {
        return Err(format!("a dispatch loop made {calls} calls instead of {count}").into());
    }
    Ok(elapsed)
}
