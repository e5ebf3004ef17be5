//! The replay check `registry! { replay: replay, .. }` generates: `replay::check(json)` runs
//! recorded histories against the crate's current orchestrations, and
//! `replay::capture(client, instance)` records them.
//!
//! duroxide resumes an instance by running its orchestration's body again against its history.
//! An upgrade that changes what a version's body schedules, in kind, name, input or order,
//! strands every instance in flight on that version. The check finds that in `cargo test`: it
//! feeds each recorded execution to duroxide's own replay engine
//! (`duroxide::runtime::replay_engine::ReplayEngine`), with the handler the registry holds for
//! exactly the recorded name and version, and compares what the code does now with what the
//! history holds. No store is touched and no activity runs: completions come from the history.
//!
//! The engine stops at the first scheduled action that differs from the history. It says so in
//! a message, without the event's position; the position is found by replaying prefixes of the
//! history (a history that diverges at event `k` diverges for every longer prefix), which also
//! gives what the code did there. The engine also stops reading once the body finishes, and does
//! not compare the output, so the check compares what remains of the history, and the output,
//! itself.
//!
//! All of it is generated once per `registry!` that asks for it (`replay: replay`), in a module
//! of its own, so that the crate needs no other dependency than duroxide, serde and serde_json,
//! which it already has, and a crate that does not ask pays nothing for it.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

pub(super) fn module(module: &Ident) -> TokenStream {
    quote! {
        /// Replays recorded execution histories against this crate's orchestrations, to prove
        /// that an upgrade does not strand an instance in flight; see `docs/upgrading.md`.
        ///
        /// [`capture`] records the histories of an instance (and of its sub-orchestrations) as
        /// JSON; [`check`] replays such a file, or a bare list of events as
        /// `Client::read_execution_history` returns them, against the registry above.
        #[allow(
            clippy::missing_errors_doc,
            clippy::too_many_lines,
            clippy::module_name_repetitions,
            clippy::needless_pass_by_value
        )]
        pub mod #module {
            use ::core::clone::Clone;
            use ::core::convert::From;
            use ::core::default::Default;
            use ::core::fmt;
            use ::core::iter::{Iterator, IntoIterator};
            use ::core::option::Option::{self, None, Some};
            use ::core::result::Result::{self, Err, Ok};
            use ::duroxide::runtime::replay_engine::{ReplayEngine, TurnResult};
            use ::duroxide::{ConfigErrorKind, ErrorDetails, Event, EventKind};
            use ::std::string::{String, ToString};
            use ::std::vec::Vec;

            /// One recorded execution: an instance's history from `OrchestrationStarted` on, as
            /// `Client::read_execution_history(instance, execution_id)` returns it.
            #[derive(::core::fmt::Debug, ::serde::Serialize, ::serde::Deserialize)]
            pub struct Execution {
                /// The instance id.
                pub instance: String,
                /// The execution id; each `continue_as_new` starts a new one.
                pub execution_id: u64,
                /// The events, in order.
                pub events: Vec<Event>,
            }

            /// What [`check`] replayed.
            #[derive(::core::fmt::Debug, ::core::default::Default)]
            pub struct Report {
                /// Executions replayed to their recorded end (or, in flight, to where the history
                /// stops) with the same decisions and the same result.
                pub replayed: Vec<Replayed>,
                /// Executions of orchestrations of other crates (another prefix), which their
                /// own crate checks: `(instance, name)`.
                pub skipped: Vec<(String, String)>,
            }

            /// One execution that replayed as recorded.
            #[derive(::core::fmt::Debug)]
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
            #[derive(::core::fmt::Debug)]
            pub enum Error {
                /// The file is not JSON, not a list of duroxide events or executions, or an
                /// execution does not start with `OrchestrationStarted`.
                Malformed(String),
                /// This crate registers the orchestration, but not at the recorded version: its
                /// instances on that version could not resume.
                VersionNotRegistered {
                    /// The instance id.
                    instance: String,
                    /// The orchestration's name.
                    name: String,
                    /// The recorded version.
                    version: String,
                    /// The versions this crate registers.
                    registered: Vec<String>,
                },
                /// The code does something else than the history holds.
                Diverged(::std::boxed::Box<Divergence>),
            }

            /// The first point where the current code and a recorded history part.
            #[derive(::core::fmt::Debug)]
            pub struct Divergence {
                /// The instance id.
                pub instance: String,
                /// The execution id.
                pub execution_id: u64,
                /// The orchestration's name.
                pub name: String,
                /// The version it ran at.
                pub version: String,
                /// The index of the event in the execution's list of events, from 0 (the
                /// history's length when the code goes on where the history ends).
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
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    match self {
                        Error::Malformed(message) => {
                            ::core::write!(f, "the recorded history is malformed: {message}")
                        }
                        Error::VersionNotRegistered { instance, name, version, registered } => ::core::write!(
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
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    ::core::write!(
                        f,
                        "instance `{}` (execution {}) of `{}` {} diverges from its history at event {}",
                        self.instance, self.execution_id, self.name, self.version, self.index,
                    )?;
                    if let Some(event_id) = self.event_id {
                        ::core::write!(f, " (`event_id` {event_id})")?;
                    }
                    ::core::write!(
                        f,
                        ":\n  the history holds: {}\n  the code does now:  {}",
                        self.history, self.code,
                    )?;
                    if let Some(engine) = &self.engine {
                        ::core::write!(f, "\n  the replay engine: {engine}")?;
                    }
                    Ok(())
                }
            }

            impl ::std::error::Error for Error {}

            /// Records every execution of `instance` and of its sub-orchestrations, as the JSON
            /// [`check`] reads: commit it under `tests/histories/` to replay it after every change.
            /// The store must support duroxide's management API (SQLite and PostgreSQL do).
            pub async fn capture(
                client: &::duroxide::Client,
                instance: &str,
            ) -> Result<String, ::duroxide::ClientError> {
                let tree = client.get_instance_tree(instance).await?;
                let mut executions = Vec::new();
                for id in tree.all_ids {
                    for execution_id in client.list_executions(&id).await? {
                        let events = client.read_execution_history(&id, execution_id).await?;
                        executions.push(Execution { instance: Clone::clone(&id), execution_id, events });
                    }
                }
                ::serde_json::to_string_pretty(&executions)
                    .map_err(|error| ::duroxide::ClientError::InvalidInput { message: error.to_string() })
            }

            /// Replays recorded histories against this crate's orchestrations: a file written by
            /// [`capture`], or one execution's events as `Client::read_execution_history`
            /// returns them, serialized. Each execution is replayed at exactly its recorded
            /// version; executions of other crates' orchestrations are skipped. The first
            /// execution that does not replay is the error.
            pub fn check(json: &str) -> Result<Report, Error> {
                let executions = parse(json)?;
                let registry = super::create_orchestration_registry();
                let prefixes: Vec<String> = super::list_orchestrations()
                    .into_iter()
                    .filter_map(|info| info.name.split("::").next().map(ToString::to_string))
                    .collect();
                let mut report = Report::default();
                for execution in executions {
                    let Some(first) = execution.events.first() else {
                        return Err(Error::Malformed(::std::format!(
                            "the history of `{}` (execution {}) is empty",
                            execution.instance, execution.execution_id
                        )));
                    };
                    let EventKind::OrchestrationStarted { name, .. } = &first.kind else {
                        return Err(Error::Malformed(::std::format!(
                            "the history of `{}` (execution {}) starts with {} instead of `OrchestrationStarted`",
                            execution.instance, execution.execution_id, describe(first)
                        )));
                    };
                    let prefix = name.split("::").next().unwrap_or_default();
                    if !registry.has(name) && !prefixes.iter().any(|p| p == prefix) {
                        report.skipped.push((execution.instance, Clone::clone(name)));
                        continue;
                    }
                    report.replayed.push(replay(&registry, &execution)?);
                }
                Ok(report)
            }

            fn parse(json: &str) -> Result<Vec<Execution>, Error> {
                let malformed = |error: ::serde_json::Error| Error::Malformed(error.to_string());
                let value: ::serde_json::Value = ::serde_json::from_str(json).map_err(malformed)?;
                let is_events = value
                    .as_array()
                    .and_then(|items| items.first())
                    .is_some_and(|first| first.get("events").is_none());
                if !is_events {
                    return ::serde_json::from_value(value).map_err(malformed);
                }
                let events: Vec<Event> = ::serde_json::from_value(value).map_err(malformed)?;
                let (instance, execution_id) = events
                    .first()
                    .map(|e| (Clone::clone(&e.instance_id), e.execution_id))
                    .unwrap_or_default();
                Ok(::std::vec![Execution { instance, execution_id, events }])
            }

            /// A run of the body against the first `k` events of a history.
            struct Run {
                result: TurnResult,
                /// The events of the decisions the code made beyond those `k`.
                new: Vec<Event>,
            }

            fn replay(
                registry: &::duroxide::OrchestrationRegistry,
                execution: &Execution,
            ) -> Result<Replayed, Error> {
                let events = &execution.events;
                let (name, version, input) = match events.first().map(|e| &e.kind) {
                    Some(EventKind::OrchestrationStarted { name, version, input, .. }) => (name, version, input),
                    _ => return Err(Error::Malformed(String::from("no `OrchestrationStarted`"))),
                };
                // The exact version, found by its text: duroxide does not re-export semver.
                let registered = registry.list_versions(name);
                let handler = registered
                    .iter()
                    .find(|v| v.to_string() == *version)
                    .and_then(|v| registry.resolve_handler_exact(name, v));
                let Some(handler) = handler else {
                    return Err(Error::VersionNotRegistered {
                        instance: Clone::clone(&execution.instance),
                        name: Clone::clone(name),
                        version: Clone::clone(version),
                        registered: registered.iter().map(ToString::to_string).collect(),
                    });
                };
                // The engine does not run a body whose history already ends: the end is
                // compared here.
                let (body, end) = match events.split_last() {
                    Some((last, rest)) if last.is_terminal() && !rest.is_empty() => (rest, Some(last)),
                    _ => (events.as_slice(), None),
                };
                let run = |k: usize| {
                    let mut engine = ReplayEngine::new(
                        Clone::clone(&execution.instance),
                        execution.execution_id,
                        body[..k].to_vec(),
                    );
                    let result = engine.execute_orchestration(
                        Clone::clone(&handler),
                        Clone::clone(input),
                        Clone::clone(name),
                        Clone::clone(version),
                        "replay-check",
                    );
                    Run { result, new: engine.history_delta().to_vec() }
                };
                let diverged = |index: usize, code: String, engine: Option<String>| {
                    Err(Error::Diverged(::std::boxed::Box::new(Divergence {
                        instance: Clone::clone(&execution.instance),
                        execution_id: execution.execution_id,
                        name: Clone::clone(name),
                        version: Clone::clone(version),
                        index,
                        event_id: events.get(index).map(|e| e.event_id),
                        history: events
                            .get(index)
                            .map_or_else(|| String::from("nothing more (the instance is in flight)"), describe),
                        code,
                        engine,
                    })))
                };
                let n = body.len();
                let full = run(n);
                if let Some(message) = nondeterminism(&full.result) {
                    let k = first_prefix(n, |k| nondeterminism(&run(k).result).is_some());
                    return diverged(k - 1, what_the_code_does(&run(k - 1)), Some(message));
                }
                if finished(&full.result) {
                    // Where the body finishes, the rest of the history must hold nothing it did
                    // not do, and what it did last must be in the history.
                    let k = first_prefix(n, |k| finished(&run(k).result));
                    let at_end = run(k);
                    let left: Vec<(usize, &Event)> = body
                        .iter()
                        .enumerate()
                        .skip(k)
                        .filter(|(_, e)| is_decision(e) || is_completion(e))
                        .collect();
                    let done: Vec<&Event> = at_end.new.iter().filter(|e| is_decision(e)).collect();
                    for i in 0..::core::cmp::max(left.len(), done.len()) {
                        match (left.get(i), done.get(i)) {
                            (Some((_, h)), Some(c)) if same_decision(h, c) => {}
                            (Some((index, _)), Some(c)) => return diverged(*index, describe(c), None),
                            (Some((index, _)), None) => {
                                return diverged(*index, ::std::format!("finishes: {}", result_text(&at_end.result)), None);
                            }
                            (None, Some(c)) => return diverged(n, describe(c), None),
                            (None, None) => {}
                        }
                    }
                    return match end {
                        Some(end) if same_result(&full.result, end) => Ok(Replayed {
                            instance: Clone::clone(&execution.instance),
                            execution_id: execution.execution_id,
                            name: Clone::clone(name),
                            version: Clone::clone(version),
                            outcome: result_text(&full.result),
                        }),
                        _ => diverged(n, result_text(&full.result), None),
                    };
                }
                // The history ends in flight: the code must be waiting too, with nothing new.
                match (end, full.new.iter().find(|e| is_decision(e))) {
                    (None, None) => Ok(Replayed {
                        instance: Clone::clone(&execution.instance),
                        execution_id: execution.execution_id,
                        name: Clone::clone(name),
                        version: Clone::clone(version),
                        outcome: String::from("in flight"),
                    }),
                    (_, Some(c)) => diverged(n, describe(c), None),
                    (Some(_), None) => diverged(n, String::from("waits for work the history never completed"), None),
                }
            }

            /// The smallest `k` in `1..=n` for which `diverges(k)` holds, given that it holds for
            /// `n` and, once it holds, for every longer prefix.
            fn first_prefix(n: usize, diverges: impl ::core::ops::Fn(usize) -> bool) -> usize {
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

            fn nondeterminism(result: &TurnResult) -> Option<String> {
                match result {
                    TurnResult::Failed(
                        details @ ErrorDetails::Configuration { kind: ConfigErrorKind::Nondeterminism, .. },
                    ) => Some(details.display_message()),
                    _ => None,
                }
            }

            fn finished(result: &TurnResult) -> bool {
                !::core::matches!(result, TurnResult::Continue) && nondeterminism(result).is_none()
            }

            fn what_the_code_does(run: &Run) -> String {
                match run.new.iter().find(|e| is_decision(e)) {
                    Some(event) => describe(event),
                    None if finished(&run.result) => ::std::format!("finishes: {}", result_text(&run.result)),
                    None => String::from("waits, without scheduling anything"),
                }
            }

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
            fn is_decision(event: &Event) -> bool {
                ::core::matches!(
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
            fn is_completion(event: &Event) -> bool {
                ::core::matches!(
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
            fn same_decision(recorded: &Event, made: &Event) -> bool {
                match (&recorded.kind, &made.kind) {
                    (EventKind::TimerCreated { .. }, EventKind::TimerCreated { .. })
                    | (EventKind::CustomStatusUpdated { .. }, EventKind::CustomStatusUpdated { .. }) => true,
                    (
                        EventKind::SubOrchestrationScheduled { name: a, input: x, .. },
                        EventKind::SubOrchestrationScheduled { name: b, input: y, .. },
                    ) => a == b && x == y,
                    (a, b) => a == b,
                }
            }

            fn describe(event: &Event) -> String {
                let of = event.source_event_id.unwrap_or_default();
                match &event.kind {
                    EventKind::ActivityScheduled { name, input, .. } => {
                        ::std::format!("activity `{name}` scheduled with {input:?}")
                    }
                    EventKind::ActivityCompleted { result } => {
                        ::std::format!("the completion of event #{of} with {result:?}")
                    }
                    EventKind::TimerCreated { .. } => String::from("a timer created"),
                    EventKind::TimerFired { .. } => ::std::format!("the timer of event #{of} firing"),
                    EventKind::SubOrchestrationScheduled { name, input, .. } => {
                        ::std::format!("sub-orchestration `{name}` scheduled with {input:?}")
                    }
                    EventKind::ExternalSubscribed { name } => ::std::format!("a wait for event `{name}`"),
                    EventKind::OrchestrationCompleted { output } => ::std::format!("completion with {output:?}"),
                    other => ::std::format!("{other:?}"),
                }
            }

            fn result_text(result: &TurnResult) -> String {
                match result {
                    TurnResult::Completed(output) => ::std::format!("completes with {output:?}"),
                    TurnResult::Failed(details) => ::std::format!("fails: {}", details.display_message()),
                    TurnResult::ContinueAsNew { input, .. } => ::std::format!("continues as new with {input:?}"),
                    TurnResult::Cancelled(reason) => ::std::format!("is cancelled: {reason}"),
                    TurnResult::Continue => String::from("waits"),
                }
            }
        }
    }
}
