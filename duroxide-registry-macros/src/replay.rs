//! Replays recorded execution histories against a crate's current orchestrations, to prove that
//! an upgrade does not strand an instance in flight; see `docs/upgrading.md`.
//!
//! duroxide resumes an instance by running its orchestration's body again against its history.
//! An upgrade that changes what a version's body schedules, in kind, name, input or order,
//! strands every instance in flight on that version. [`check`] finds that in `cargo test`: it
//! feeds each recorded execution to duroxide's own replay engine ([`ReplayEngine`]), with the
//! handler the registry holds for exactly the recorded name and version, and compares what the
//! code does now with what the history holds. No store is touched and no activity runs: completions come from
//! the history.
//!
//! The engine stops at the first scheduled action that differs from the history. It says so in a
//! message, without the event's position; the position is found by replaying prefixes of the
//! history (a history that diverges at event `k` diverges for every longer prefix), which also
//! gives what the code did there. The engine also stops reading once the body finishes, and does
//! not compare the output, so the check compares what remains of the history, and the output,
//! itself.
//!
//! `registry! { replay: replay, .. }` generates a module that calls these with the crate's own
//! registry: `replay::check(json)` and `replay::capture(client, instance)`.
//!
//! Every function here is `#[inline]`, so that it is compiled into the crates that replay
//! histories (the tests of a crate with `replay:`), not into every crate that depends on this
//! one: compiled here, it was most of this crate's build (`docs/performance.md`).

use duroxide::runtime::replay_engine::{ReplayEngine, TurnResult};
use duroxide::{
    Client, ClientError, ConfigErrorKind, ErrorDetails, Event, EventKind, OrchestrationRegistry,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One recorded execution: an instance's history from `OrchestrationStarted` on, as
/// `Client::read_execution_history(instance, execution_id)` returns it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Execution {
    /// The instance id.
    pub instance: String,
    /// The execution id; each `continue_as_new` starts a new one.
    pub execution_id: u64,
    /// The events, in order.
    pub events: Vec<Event>,
}

/// What [`check`] replayed.
#[derive(Debug, Default)]
pub struct Report {
    /// Executions replayed to their recorded end (or, in flight, to where the history stops)
    /// with the same decisions and the same result.
    pub replayed: Vec<Replayed>,
    /// Executions of orchestrations of other crates (another prefix), which their own crate
    /// checks: `(instance, name)`.
    pub skipped: Vec<(String, String)>,
}

/// One execution that replayed as recorded.
#[derive(Debug)]
pub struct Replayed {
    /// The instance id.
    pub instance: String,
    /// The execution id.
    pub execution_id: u64,
    /// The orchestration's name.
    pub name: String,
    /// The version it ran at.
    pub version: String,
    /// How it ended, or that it is still in flight.
    pub outcome: String,
}

/// Why a history does not replay.
#[derive(Debug)]
pub enum Error {
    /// The file is not JSON, not a list of duroxide events or executions, or an execution does
    /// not start with `OrchestrationStarted`.
    Malformed(String),
    /// The registry holds the orchestration, but not at the recorded version: its instances on
    /// that version could not resume.
    VersionNotRegistered {
        /// The instance id.
        instance: String,
        /// The orchestration's name.
        name: String,
        /// The recorded version.
        version: String,
        /// The versions the registry holds.
        registered: Vec<String>,
    },
    /// The code does something else than the history holds.
    Diverged(Box<Divergence>),
}

/// The first point where the current code and a recorded history part.
#[derive(Debug)]
pub struct Divergence {
    /// The instance id.
    pub instance: String,
    /// The execution id.
    pub execution_id: u64,
    /// The orchestration's name.
    pub name: String,
    /// The version it ran at.
    pub version: String,
    /// The index of the event in the execution's list of events, from 0 (the history's length
    /// when the code goes on where the history ends).
    pub index: usize,
    /// That event's `event_id`, as the JSON shows it.
    pub event_id: Option<u64>,
    /// What the history holds there.
    pub history: String,
    /// What the code does there now.
    pub code: String,
    /// The replay engine's own message, when it detected the difference.
    pub engine: Option<String>,
}

impl fmt::Display for Error {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Malformed(message) => write!(f, "the recorded history is malformed: {message}"),
            Error::VersionNotRegistered {
                instance,
                name,
                version,
                registered,
            } => write!(
                f,
                "instance `{instance}` runs `{name}` at version {version}, which this crate no \
                 longer registers (it registers {registered:?}): keep that version registered \
                 until no instance runs it",
            ),
            Error::Diverged(divergence) => fmt::Display::fmt(divergence, f),
        }
    }
}

impl fmt::Display for Divergence {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "instance `{}` (execution {}) of `{}` {} diverges from its history at event {}",
            self.instance, self.execution_id, self.name, self.version, self.index,
        )?;
        if let Some(event_id) = self.event_id {
            write!(f, " (`event_id` {event_id})")?;
        }
        write!(
            f,
            ":\n  the history holds: {}\n  the code does now:  {}",
            self.history, self.code,
        )?;
        if let Some(engine) = &self.engine {
            write!(f, "\n  the replay engine: {engine}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Records every execution of `instance` and of its sub-orchestrations, as the JSON [`check`]
/// reads: commit it under `tests/histories/` to replay it after every change. The store must
/// support duroxide's management API (its `sqlite` and `postgres` providers do).
///
/// # Errors
///
/// The store's, or a history that cannot be serialized.
#[inline]
pub async fn capture(client: &Client, instance: &str) -> Result<String, ClientError> {
    let tree = client.get_instance_tree(instance).await?;
    let mut executions = Vec::new();
    for id in tree.all_ids {
        for execution_id in client.list_executions(&id).await? {
            let events = client.read_execution_history(&id, execution_id).await?;
            executions.push(Execution {
                instance: id.clone(),
                execution_id,
                events,
            });
        }
    }
    serde_json::to_string_pretty(&executions).map_err(|error| ClientError::InvalidInput {
        message: error.to_string(),
    })
}

/// Replays recorded histories against the orchestrations of `registry`: a file written by
/// [`capture`], or one execution's events as `Client::read_execution_history` returns them,
/// serialized. Each execution is replayed at exactly its recorded version; executions of
/// orchestrations of other crates (whose crate prefix no name of `registry` has) are skipped.
/// The first execution that does not replay is the error.
///
/// # Errors
///
/// The first execution that does not replay, or a malformed file.
#[inline]
pub fn check(json: &str, registry: &OrchestrationRegistry) -> Result<Report, Error> {
    let executions = parse(json)?;
    let prefixes: Vec<String> = registry
        .list_names()
        .iter()
        .filter_map(|name| prefix(name).map(str::to_owned))
        .collect();
    let mut report = Report::default();
    for execution in executions {
        let Some(first) = execution.events.first() else {
            return Err(Error::Malformed(format!(
                "the history of `{}` (execution {}) is empty",
                execution.instance, execution.execution_id
            )));
        };
        let EventKind::OrchestrationStarted { name, .. } = &first.kind else {
            return Err(Error::Malformed(format!(
                "the history of `{}` (execution {}) starts with {} instead of \
                 `OrchestrationStarted`",
                execution.instance,
                execution.execution_id,
                describe(first)
            )));
        };
        let ours = prefix(name).is_some_and(|p| prefixes.iter().any(|q| q == p));
        if !registry.has(name) && !ours {
            report.skipped.push((execution.instance, name.clone()));
            continue;
        }
        report.replayed.push(replay(registry, &execution)?);
    }
    Ok(report)
}

/// The crate prefix of a full name: what comes before its first `::`.
#[inline]
fn prefix(name: &str) -> Option<&str> {
    name.split("::").next()
}

#[inline]
fn parse(json: &str) -> Result<Vec<Execution>, Error> {
    let malformed = |error: serde_json::Error| Error::Malformed(error.to_string());
    let value: serde_json::Value = serde_json::from_str(json).map_err(malformed)?;
    let is_events = value
        .as_array()
        .and_then(|items| items.first())
        .is_some_and(|first| first.get("events").is_none());
    if !is_events {
        return serde_json::from_value(value).map_err(malformed);
    }
    let events: Vec<Event> = serde_json::from_value(value).map_err(malformed)?;
    let (instance, execution_id) = events
        .first()
        .map(|e| (e.instance_id.clone(), e.execution_id))
        .unwrap_or_default();
    Ok(vec![Execution {
        instance,
        execution_id,
        events,
    }])
}

/// A run of the body against the first `k` events of a history.
struct Run {
    result: TurnResult,
    /// The events of the decisions the code made beyond those `k`.
    new: Vec<Event>,
}

/// One execution, replayed against its handler: where the code and the history part, if they
/// do.
struct Replay<'a> {
    execution: &'a Execution,
    name: &'a str,
    version: &'a str,
    /// The events the engine replays: the history without its terminal event.
    body: &'a [Event],
    /// The terminal event, when the history has one.
    end: Option<&'a Event>,
    run: Box<dyn Fn(usize) -> Run + 'a>,
}

#[inline]
fn replay(registry: &OrchestrationRegistry, execution: &Execution) -> Result<Replayed, Error> {
    let events = &execution.events;
    let Some(EventKind::OrchestrationStarted {
        name,
        version,
        input,
        ..
    }) = events.first().map(|e| &e.kind)
    else {
        return Err(Error::Malformed(String::from("no `OrchestrationStarted`")));
    };
    // The exact version, found by its text: duroxide does not re-export semver.
    let registered = registry.list_versions(name);
    let handler = registered
        .iter()
        .find(|v| v.to_string() == *version)
        .and_then(|v| registry.resolve_handler_exact(name, v));
    let Some(handler) = handler else {
        return Err(Error::VersionNotRegistered {
            instance: execution.instance.clone(),
            name: name.clone(),
            version: version.clone(),
            registered: registered.iter().map(ToString::to_string).collect(),
        });
    };
    // The engine does not run a body whose history already ends: the end is compared here.
    let (body, end) = match events.split_last() {
        Some((last, rest)) if last.is_terminal() && !rest.is_empty() => (rest, Some(last)),
        _ => (events.as_slice(), None),
    };
    let run = move |k: usize| {
        let mut engine = ReplayEngine::new(
            execution.instance.clone(),
            execution.execution_id,
            body[..k].to_vec(),
        );
        let result = engine.execute_orchestration(
            handler.clone(),
            input.clone(),
            name.clone(),
            version.clone(),
            "replay-check",
        );
        Run {
            result,
            new: engine.history_delta().to_vec(),
        }
    };
    Replay {
        execution,
        name,
        version,
        body,
        end,
        run: Box::new(run),
    }
    .compare()
}

impl Replay<'_> {
    #[inline]
    fn compare(&self) -> Result<Replayed, Error> {
        let n = self.body.len();
        let full = (self.run)(n);
        if let Some(message) = nondeterminism(&full.result) {
            let k = first_prefix(n, |k| nondeterminism(&(self.run)(k).result).is_some());
            return self.diverged(k - 1, what_the_code_does(&(self.run)(k - 1)), Some(message));
        }
        if finished(&full.result) {
            return self.compare_finished(&full);
        }
        // The history ends in flight: the code must be waiting too, with nothing new.
        match (self.end, full.new.iter().find(|e| is_decision(e))) {
            (None, None) => Ok(self.replayed(String::from("in flight"))),
            (_, Some(c)) => self.diverged(n, describe(c), None),
            (Some(_), None) => self.diverged(
                n,
                String::from("waits for work the history never completed"),
                None,
            ),
        }
    }

    /// Where the body finishes, the rest of the history must hold nothing it did not do, what
    /// it did last must be in the history, and the result must be the recorded one.
    #[inline]
    fn compare_finished(&self, full: &Run) -> Result<Replayed, Error> {
        let n = self.body.len();
        let k = self.finishing_prefix();
        let fresh;
        let at_end = if k == n {
            full
        } else {
            fresh = (self.run)(k);
            &fresh
        };
        let left: Vec<(usize, &Event)> = self
            .body
            .iter()
            .enumerate()
            .skip(k)
            .filter(|(_, e)| is_decision(e) || is_completion(e))
            .collect();
        let done: Vec<&Event> = at_end.new.iter().filter(|e| is_decision(e)).collect();
        for i in 0..left.len().max(done.len()) {
            match (left.get(i), done.get(i)) {
                (Some((_, h)), Some(c)) if same_decision(h, c) => {}
                (Some((index, _)), Some(c)) => return self.diverged(*index, describe(c), None),
                (Some((index, _)), None) => {
                    let code = format!("finishes: {}", result_text(&at_end.result));
                    return self.diverged(*index, code, None);
                }
                (None, Some(c)) => return self.diverged(n, describe(c), None),
                (None, None) => {}
            }
        }
        match self.end {
            Some(end) if same_result(&full.result, end) => {
                Ok(self.replayed(result_text(&full.result)))
            }
            _ => self.diverged(n, result_text(&full.result), None),
        }
    }

    /// The shortest prefix of the history after which the body finishes, given that it finishes
    /// after the whole. A history that replays ends just past its last decision or completion,
    /// which two runs confirm (the body waits before it, and finishes after it), so that a
    /// passing check costs a few replays whatever the history's length; only a history that
    /// does not replay is searched, in `log n` replays.
    #[inline]
    fn finishing_prefix(&self) -> usize {
        let n = self.body.len();
        let finishes = |k: usize| finished(&(self.run)(k).result);
        let last = self
            .body
            .iter()
            .rposition(|e| is_decision(e) || is_completion(e))
            .map_or(0, |i| i + 1);
        if last >= 2 && !finishes(last - 1) && (last == n || finishes(last)) {
            return last;
        }
        first_prefix(n, finishes)
    }

    #[inline]
    fn replayed(&self, outcome: String) -> Replayed {
        Replayed {
            instance: self.execution.instance.clone(),
            execution_id: self.execution.execution_id,
            name: self.name.to_owned(),
            version: self.version.to_owned(),
            outcome,
        }
    }

    #[inline]
    fn diverged<T>(&self, index: usize, code: String, engine: Option<String>) -> Result<T, Error> {
        let events = &self.execution.events;
        Err(Error::Diverged(Box::new(Divergence {
            instance: self.execution.instance.clone(),
            execution_id: self.execution.execution_id,
            name: self.name.to_owned(),
            version: self.version.to_owned(),
            index,
            event_id: events.get(index).map(|e| e.event_id),
            history: events.get(index).map_or_else(
                || String::from("nothing more (the instance is in flight)"),
                describe,
            ),
            code,
            engine,
        })))
    }
}

/// The smallest `k` in `1..=n` for which `diverges(k)` holds, given that it holds for `n` and,
/// once it holds, for every longer prefix.
#[inline]
fn first_prefix(n: usize, diverges: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (1, n);
    while low < high {
        let middle = low + (high - low) / 2;
        if diverges(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    high
}

#[inline]
fn nondeterminism(result: &TurnResult) -> Option<String> {
    match result {
        TurnResult::Failed(
            details @ ErrorDetails::Configuration {
                kind: ConfigErrorKind::Nondeterminism,
                ..
            },
        ) => Some(details.display_message()),
        _ => None,
    }
}

#[inline]
fn finished(result: &TurnResult) -> bool {
    !matches!(result, TurnResult::Continue) && nondeterminism(result).is_none()
}

#[inline]
fn what_the_code_does(run: &Run) -> String {
    match run.new.iter().find(|e| is_decision(e)) {
        Some(event) => describe(event),
        None if finished(&run.result) => format!("finishes: {}", result_text(&run.result)),
        None => String::from("waits, without scheduling anything"),
    }
}

#[inline]
fn same_result(result: &TurnResult, end: &Event) -> bool {
    match (result, &end.kind) {
        (TurnResult::Completed(output), EventKind::OrchestrationCompleted { output: recorded }) => {
            output == recorded
        }
        (TurnResult::Failed(details), EventKind::OrchestrationFailed { details: recorded }) => {
            details == recorded
        }
        (
            TurnResult::ContinueAsNew { input, .. },
            EventKind::OrchestrationContinuedAsNew { input: recorded },
        ) => input == recorded,
        (TurnResult::Cancelled(_), EventKind::OrchestrationFailed { .. }) => true,
        _ => false,
    }
}

/// Events that record a decision of the body.
#[inline]
fn is_decision(event: &Event) -> bool {
    matches!(
        event.kind,
        EventKind::ActivityScheduled { .. }
            | EventKind::TimerCreated { .. }
            | EventKind::ExternalSubscribed { .. }
            | EventKind::QueueSubscribed { .. }
            | EventKind::SubOrchestrationScheduled { .. }
            | EventKind::OrchestrationChained { .. }
            | EventKind::CustomStatusUpdated { .. }
            | EventKind::KeyValueSet { .. }
            | EventKind::KeyValueCleared { .. }
            | EventKind::KeyValuesCleared
            | EventKind::ActivityCancelRequested { .. }
            | EventKind::SubOrchestrationCancelRequested { .. }
    )
}

/// Completions the body waits for.
#[inline]
fn is_completion(event: &Event) -> bool {
    matches!(
        event.kind,
        EventKind::ActivityCompleted { .. }
            | EventKind::ActivityFailed { .. }
            | EventKind::TimerFired { .. }
            | EventKind::SubOrchestrationCompleted { .. }
            | EventKind::SubOrchestrationFailed { .. }
    )
}

/// Whether two decisions are the same by duroxide's own rules: timers by position,
/// sub-orchestrations by name and input, custom status by kind.
#[inline]
fn same_decision(recorded: &Event, made: &Event) -> bool {
    match (&recorded.kind, &made.kind) {
        (EventKind::TimerCreated { .. }, EventKind::TimerCreated { .. })
        | (EventKind::CustomStatusUpdated { .. }, EventKind::CustomStatusUpdated { .. }) => true,
        (
            EventKind::SubOrchestrationScheduled {
                name: a, input: x, ..
            },
            EventKind::SubOrchestrationScheduled {
                name: b, input: y, ..
            },
        ) => a == b && x == y,
        (a, b) => a == b,
    }
}

#[inline]
fn describe(event: &Event) -> String {
    let of = event.source_event_id.unwrap_or_default();
    match &event.kind {
        EventKind::ActivityScheduled { name, input, .. } => {
            format!("activity `{name}` scheduled with {input:?}")
        }
        EventKind::ActivityCompleted { result } => {
            format!("the completion of event #{of} with {result:?}")
        }
        EventKind::TimerCreated { .. } => String::from("a timer created"),
        EventKind::TimerFired { .. } => format!("the timer of event #{of} firing"),
        EventKind::SubOrchestrationScheduled { name, input, .. } => {
            format!("sub-orchestration `{name}` scheduled with {input:?}")
        }
        EventKind::ExternalSubscribed { name } => format!("a wait for event `{name}`"),
        EventKind::OrchestrationCompleted { output } => format!("completion with {output:?}"),
        other => format!("{other:?}"),
    }
}

#[inline]
fn result_text(result: &TurnResult) -> String {
    match result {
        TurnResult::Completed(output) => format!("completes with {output:?}"),
        TurnResult::Failed(details) => format!("fails: {}", details.display_message()),
        TurnResult::ContinueAsNew { input, .. } => format!("continues as new with {input:?}"),
        TurnResult::Cancelled(reason) => format!("is cancelled: {reason}"),
        TurnResult::Continue => String::from("waits"),
    }
}
