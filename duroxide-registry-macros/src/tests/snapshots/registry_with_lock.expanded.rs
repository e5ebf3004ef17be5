/// What the inventory says about one orchestration. Every field comes from the code.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::cmp::PartialEq,
    ::serde::Serialize
)]
pub struct OrchestrationInfo {
    /// The full name, `{crate}::orchestration::{name}`.
    pub name: &'static str,
    /// The first paragraph of the function's doc comment.
    pub description: &'static str,
    /// The input type, as written in the signature.
    pub input_type: &'static str,
    /// The output type, as written in the signature.
    pub output_type: &'static str,
    /// Full names of the activities and sub-orchestrations it calls.
    pub activities_used: ::std::vec::Vec<&'static str>,
    /// The version it is registered at.
    pub version: &'static str,
}
/// What the inventory says about one activity. Every field comes from the code.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::cmp::PartialEq,
    ::serde::Serialize
)]
pub struct ActivityInfo {
    /// The full name, `{crate}::activity::{name}`.
    pub name: &'static str,
    /// The first paragraph of the function's doc comment.
    pub description: &'static str,
    /// The input type, as written in the signature.
    pub input_type: &'static str,
    /// The output type, as written in the signature.
    pub output_type: &'static str,
    /// Whether duroxide may safely run it again with the same input.
    pub idempotent: bool,
}
/// Creates an `ActivityRegistry` holding every activity listed in `registry!`.
///
/// Consumers can merge it into their own registry with `.merge()`.
#[must_use]
pub fn create_activity_registry() -> ::duroxide::runtime::registry::ActivityRegistry {
    let builder = ::duroxide::runtime::registry::ActivityRegistry::builder();
    let builder = activities::provision_vm::__register_activity(builder);
    #[cfg(feature = "dns")]
    let builder = activities::publish_dns::__register_activity(builder);
    builder.build()
}
/// Creates an `OrchestrationRegistry` holding every orchestration listed in `registry!`.
///
/// Versions of one orchestration are registered in ascending order, whatever the order
/// of the list. Consumers can merge it into their own registry with `.merge()`.
#[must_use]
pub fn create_orchestration_registry() -> ::duroxide::OrchestrationRegistry {
    type Builder = ::duroxide::OrchestrationRegistryBuilder;
    const REGISTER: &[fn(Builder) -> Builder] = &[
        create_instance::v1_0_5::__register_orchestration,
        create_instance::v1_0_6::__register_orchestration,
    ];
    const KEYS: &[&[u8]] = &[
        create_instance::v1_0_5::__META_V2.3,
        create_instance::v1_0_6::__META_V2.3,
    ];
    const ORDER: [usize; KEYS.len()] = version_order(KEYS);
    const IN_ORDER: bool = {
        let mut i = 0;
        while i < ORDER.len() && ORDER[i] == i {
            i += 1;
        }
        i == ORDER.len()
    };
    const fn version_order<const N: usize>(keys: &[&[u8]]) -> [usize; N] {
        const fn less(a: &[u8], b: &[u8]) -> bool {
            let mut i = 0;
            while i < a.len() && i < b.len() {
                if a[i] != b[i] {
                    return a[i] < b[i];
                }
                i += 1;
            }
            a.len() < b.len()
        }
        let mut order = [0; N];
        let mut i = 0;
        while i < N {
            order[i] = i;
            i += 1;
        }
        let mut i = 1;
        while i < N {
            let mut j = i;
            while j > 0 && less(keys[order[j]], keys[order[j - 1]]) {
                let moved = order[j];
                order[j] = order[j - 1];
                order[j - 1] = moved;
                j -= 1;
            }
            i += 1;
        }
        order
    }
    let builder = ::duroxide::OrchestrationRegistry::builder();
    if IN_ORDER {
        let builder = create_instance::v1_0_5::__register_orchestration(builder);
        let builder = create_instance::v1_0_6::__register_orchestration(builder);
        builder.build()
    } else {
        let mut builder = builder;
        for &index in &ORDER {
            builder = REGISTER[index](builder);
        }
        builder.build()
    }
}
/// Every orchestration listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_orchestrations() -> ::std::vec::Vec<OrchestrationInfo> {
    ::std::vec![
        OrchestrationInfo { name : create_instance::v1_0_5::NAME, description :
        create_instance::v1_0_5::DESCRIPTION, input_type :
        create_instance::v1_0_5::__META_V2.0, output_type :
        create_instance::v1_0_5::__META_V2.1, activities_used :
        create_instance::v1_0_5::__META_V2.5.to_vec(), version :
        create_instance::v1_0_5::__META_V2.2, }, OrchestrationInfo { name :
        create_instance::v1_0_6::NAME, description :
        create_instance::v1_0_6::DESCRIPTION, input_type :
        create_instance::v1_0_6::__META_V2.0, output_type :
        create_instance::v1_0_6::__META_V2.1, activities_used :
        create_instance::v1_0_6::__META_V2.5.to_vec(), version :
        create_instance::v1_0_6::__META_V2.2, },
    ]
}
/// Every activity listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
    ::std::vec![
        ActivityInfo { name : activities::provision_vm::NAME, description :
        activities::provision_vm::DESCRIPTION, input_type :
        activities::provision_vm::__META_V2.0, output_type :
        activities::provision_vm::__META_V2.1, idempotent :
        activities::provision_vm::__META_V2.4, }, #[cfg(feature = "dns")] ActivityInfo {
        name : activities::publish_dns::NAME, description :
        activities::publish_dns::DESCRIPTION, input_type :
        activities::publish_dns::__META_V2.0, output_type :
        activities::publish_dns::__META_V2.1, idempotent :
        activities::publish_dns::__META_V2.4, },
    ]
}
/// Name constants of everything listed in `registry!`, as the pattern's `names.rs` has them.
pub mod names {
    /// Orchestration names.
    pub mod orchestrations {
        ///The name of `create_instance::v1_0_5`, `create_instance::v1_0_6`, versions of one orchestration.
        pub const CREATE_INSTANCE: &str = super::super::create_instance::v1_0_5::NAME;
    }
    /// Activity names.
    pub mod activities {
        ///The name of `activities::provision_vm`.
        pub const PROVISION_VM: &str = super::super::activities::provision_vm::NAME;
        #[cfg(feature = "dns")]
        ///The name of `activities::publish_dns`.
        pub const PUBLISH_DNS: &str = super::super::activities::publish_dns::NAME;
    }
}
/// The registry lock of the registries above: one line per registered item, sorted, as
/// the file named by `registry!`'s `lock` should read. Compare it with the file in a
/// test, and write it there when it has grown; see `docs/reference.md`.
#[must_use]
pub fn registry_lock() -> ::std::string::String {
    const _: &str = ::core::include_str!(
        "$CARGO_MANIFEST_DIR/src/tests/snapshots/registry.lock"
    );
    let mut items: ::std::vec::Vec<(bool, &str, &[u8], &str, &str)> = ::std::vec![
        (true, create_instance::v1_0_5::NAME, create_instance::v1_0_5::__META_V2.3,
        create_instance::v1_0_5::__META_V2.2, ""), (true, create_instance::v1_0_6::NAME,
        create_instance::v1_0_6::__META_V2.3, create_instance::v1_0_6::__META_V2.2, ""),
        (false, activities::provision_vm::NAME, activities::provision_vm::__META_V2.3,
        activities::provision_vm::__META_V2.2, ""), #[cfg(feature = "dns")] (false,
        activities::publish_dns::NAME, activities::publish_dns::__META_V2.3,
        activities::publish_dns::__META_V2.2, "cfg(feature = \"dns\")"),
        #[cfg(not(feature = "dns"))] (false,
        "duroxide-registry-macros::activity::publish-dns",
        b"\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF", "",
        "cfg(feature = \"dns\")"),
    ];
    items.sort_unstable();
    let mut text = ::std::string::String::from(
        "# registry.lock: wire names pinned by registry! (duroxide-registry-macros). Delete a line only once no instance can still run it.\n",
    );
    for (is_orchestration, name, _, version, cfg) in items {
        text.push_str(if is_orchestration { "orchestration" } else { "activity     " });
        text.push(' ');
        text.push_str(name);
        if is_orchestration {
            text.push(' ');
            text.push_str(version);
        }
        if !cfg.is_empty() {
            text.push(' ');
            text.push_str(cfg);
        }
        text.push('\n');
    }
    text
}
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
pub mod replay {
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
                Error::VersionNotRegistered { instance, name, version, registered } => {
                    ::core::write!(
                        f,
                        "instance `{instance}` runs `{name}` at version {version}, which this crate no \
                             longer registers (it registers {registered:?}): keep that version registered \
                             until no instance runs it",
                    )
                }
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
                f, ":\n  the history holds: {}\n  the code does now:  {}", self.history,
                self.code,
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
                executions
                    .push(Execution {
                        instance: Clone::clone(&id),
                        execution_id,
                        events,
                    });
            }
        }
        ::serde_json::to_string_pretty(&executions)
            .map_err(|error| ::duroxide::ClientError::InvalidInput {
                message: error.to_string(),
            })
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
                return Err(
                    Error::Malformed(
                        ::std::format!(
                            "the history of `{}` (execution {}) is empty", execution
                            .instance, execution.execution_id
                        ),
                    ),
                );
            };
            let EventKind::OrchestrationStarted { name, .. } = &first.kind else {
                return Err(
                    Error::Malformed(
                        ::std::format!(
                            "the history of `{}` (execution {}) starts with {} instead of `OrchestrationStarted`",
                            execution.instance, execution.execution_id, describe(first)
                        ),
                    ),
                );
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
        let value: ::serde_json::Value = ::serde_json::from_str(json)
            .map_err(malformed)?;
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
            Some(EventKind::OrchestrationStarted { name, version, input, .. }) => {
                (name, version, input)
            }
            _ => return Err(Error::Malformed(String::from("no `OrchestrationStarted`"))),
        };
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
        let (body, end) = match events.split_last() {
            Some((last, rest)) if last.is_terminal() && !rest.is_empty() => {
                (rest, Some(last))
            }
            _ => (events.as_slice(), None),
        };
        let run = |k: usize| {
            let mut engine = ReplayEngine::new(
                Clone::clone(&execution.instance),
                execution.execution_id,
                body[..k].to_vec(),
            );
            let result = engine
                .execute_orchestration(
                    Clone::clone(&handler),
                    Clone::clone(input),
                    Clone::clone(name),
                    Clone::clone(version),
                    "replay-check",
                );
            Run {
                result,
                new: engine.history_delta().to_vec(),
            }
        };
        let diverged = |index: usize, code: String, engine: Option<String>| {
            Err(
                Error::Diverged(
                    ::std::boxed::Box::new(Divergence {
                        instance: Clone::clone(&execution.instance),
                        execution_id: execution.execution_id,
                        name: Clone::clone(name),
                        version: Clone::clone(version),
                        index,
                        event_id: events.get(index).map(|e| e.event_id),
                        history: events
                            .get(index)
                            .map_or_else(
                                || String::from("nothing more (the instance is in flight)"),
                                describe,
                            ),
                        code,
                        engine,
                    }),
                ),
            )
        };
        let n = body.len();
        let full = run(n);
        if let Some(message) = nondeterminism(&full.result) {
            let k = first_prefix(n, |k| nondeterminism(&run(k).result).is_some());
            return diverged(k - 1, what_the_code_does(&run(k - 1)), Some(message));
        }
        if finished(&full.result) {
            let k = first_prefix(n, |k| finished(&run(k).result));
            let at_end = run(k);
            let left: Vec<(usize, &Event)> = body
                .iter()
                .enumerate()
                .skip(k)
                .filter(|(_, e)| is_decision(e) || is_completion(e))
                .collect();
            let done: Vec<&Event> = at_end
                .new
                .iter()
                .filter(|e| is_decision(e))
                .collect();
            for i in 0..::core::cmp::max(left.len(), done.len()) {
                match (left.get(i), done.get(i)) {
                    (Some((_, h)), Some(c)) if same_decision(h, c) => {}
                    (Some((index, _)), Some(c)) => {
                        return diverged(*index, describe(c), None);
                    }
                    (Some((index, _)), None) => {
                        return diverged(
                            *index,
                            ::std::format!("finishes: {}", result_text(& at_end.result)),
                            None,
                        );
                    }
                    (None, Some(c)) => return diverged(n, describe(c), None),
                    (None, None) => {}
                }
            }
            return match end {
                Some(end) if same_result(&full.result, end) => {
                    Ok(Replayed {
                        instance: Clone::clone(&execution.instance),
                        execution_id: execution.execution_id,
                        name: Clone::clone(name),
                        version: Clone::clone(version),
                        outcome: result_text(&full.result),
                    })
                }
                _ => diverged(n, result_text(&full.result), None),
            };
        }
        match (end, full.new.iter().find(|e| is_decision(e))) {
            (None, None) => {
                Ok(Replayed {
                    instance: Clone::clone(&execution.instance),
                    execution_id: execution.execution_id,
                    name: Clone::clone(name),
                    version: Clone::clone(version),
                    outcome: String::from("in flight"),
                })
            }
            (_, Some(c)) => diverged(n, describe(c), None),
            (Some(_), None) => {
                diverged(
                    n,
                    String::from("waits for work the history never completed"),
                    None,
                )
            }
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
                details @ ErrorDetails::Configuration {
                    kind: ConfigErrorKind::Nondeterminism,
                    ..
                },
            ) => Some(details.display_message()),
            _ => None,
        }
    }
    fn finished(result: &TurnResult) -> bool {
        !::core::matches!(result, TurnResult::Continue)
            && nondeterminism(result).is_none()
    }
    fn what_the_code_does(run: &Run) -> String {
        match run.new.iter().find(|e| is_decision(e)) {
            Some(event) => describe(event),
            None if finished(&run.result) => {
                ::std::format!("finishes: {}", result_text(& run.result))
            }
            None => String::from("waits, without scheduling anything"),
        }
    }
    fn same_result(result: &TurnResult, end: &Event) -> bool {
        match (result, &end.kind) {
            (
                TurnResult::Completed(output),
                EventKind::OrchestrationCompleted { output: recorded },
            ) => output == recorded,
            (
                TurnResult::Failed(details),
                EventKind::OrchestrationFailed { details: recorded },
            ) => details == recorded,
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
            event.kind, EventKind::ActivityScheduled { .. } | EventKind::TimerCreated {
            .. } | EventKind::ExternalSubscribed { .. } | EventKind::QueueSubscribed { ..
            } | EventKind::SubOrchestrationScheduled { .. } |
            EventKind::OrchestrationChained { .. } | EventKind::CustomStatusUpdated { ..
            } | EventKind::KeyValueSet { .. } | EventKind::KeyValueCleared { .. } |
            EventKind::KeyValuesCleared | EventKind::ActivityCancelRequested { .. } |
            EventKind::SubOrchestrationCancelRequested { .. }
        )
    }
    /// Completions the body waits for.
    fn is_completion(event: &Event) -> bool {
        ::core::matches!(
            event.kind, EventKind::ActivityCompleted { .. } | EventKind::ActivityFailed {
            .. } | EventKind::TimerFired { .. } | EventKind::SubOrchestrationCompleted {
            .. } | EventKind::SubOrchestrationFailed { .. }
        )
    }
    /// Whether two decisions are the same by duroxide's own rules: timers by position,
    /// sub-orchestrations by name and input, custom status by kind.
    fn same_decision(recorded: &Event, made: &Event) -> bool {
        match (&recorded.kind, &made.kind) {
            (EventKind::TimerCreated { .. }, EventKind::TimerCreated { .. })
            | (
                EventKind::CustomStatusUpdated { .. },
                EventKind::CustomStatusUpdated { .. },
            ) => true,
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
            EventKind::TimerFired { .. } => {
                ::std::format!("the timer of event #{of} firing")
            }
            EventKind::SubOrchestrationScheduled { name, input, .. } => {
                ::std::format!("sub-orchestration `{name}` scheduled with {input:?}")
            }
            EventKind::ExternalSubscribed { name } => {
                ::std::format!("a wait for event `{name}`")
            }
            EventKind::OrchestrationCompleted { output } => {
                ::std::format!("completion with {output:?}")
            }
            other => ::std::format!("{other:?}"),
        }
    }
    fn result_text(result: &TurnResult) -> String {
        match result {
            TurnResult::Completed(output) => ::std::format!("completes with {output:?}"),
            TurnResult::Failed(details) => {
                ::std::format!("fails: {}", details.display_message())
            }
            TurnResult::ContinueAsNew { input, .. } => {
                ::std::format!("continues as new with {input:?}")
            }
            TurnResult::Cancelled(reason) => ::std::format!("is cancelled: {reason}"),
            TurnResult::Continue => String::from("waits"),
        }
    }
}
#[allow(dead_code)]
const _: () = {
    struct Row {
        path: usize,
        facts: (u128, bool, u128, bool),
    }
    #[derive(Clone, Copy)]
    enum Problem {
        None,
        WrongKind,
        Prefix,
        Duplicate,
        Config,
    }
    /// The crate prefix most rows share.
    struct Reference {
        prefix: u128,
    }
    /// An entry that gets a report: its list, its row there, and its path as written.
    struct Entry {
        orchestrations: bool,
        row: usize,
        text: &'static str,
    }
    const ORCHESTRATIONS: &[Row] = &[
        Row {
            path: 0usize,
            facts: create_instance::v1_0_5::__FACTS_V2,
        },
        Row {
            path: 1usize,
            facts: create_instance::v1_0_6::__FACTS_V2,
        },
    ];
    const ACTIVITIES: &[Row] = &[
        Row {
            path: 2usize,
            facts: activities::provision_vm::__FACTS_V2,
        },
        #[cfg(feature = "dns")]
        Row {
            path: 3usize,
            facts: activities::publish_dns::__FACTS_V2,
        },
    ];
    const REFERENCE: Reference = reference_prefix::<
        4usize,
    >([ORCHESTRATIONS, ACTIVITIES]);
    const ORCHESTRATION_PROBLEMS: [Problem; ORCHESTRATIONS.len()] = problems::<
        { ORCHESTRATIONS.len() },
        4usize,
    >(ORCHESTRATIONS, true, false);
    const ACTIVITY_PROBLEMS: [Problem; ACTIVITIES.len()] = problems::<
        { ACTIVITIES.len() },
        4usize,
    >(ACTIVITIES, false, false);
    const ACTIVITY_ROWS: [usize; 4usize] = rows_by_path::<4usize>(ACTIVITIES);
    const ENTRIES: &[Entry] = &[
        Entry {
            orchestrations: true,
            row: 0usize,
            text: "create_instance::v1_0_5",
        },
        Entry {
            orchestrations: true,
            row: 1usize,
            text: "create_instance::v1_0_6",
        },
        Entry {
            orchestrations: false,
            row: ACTIVITY_ROWS[2usize],
            text: "activities::provision_vm",
        },
        Entry {
            orchestrations: false,
            row: ACTIVITY_ROWS[3usize],
            text: "activities::publish_dns",
        },
    ];
    /// Every registered row's identity and kind, by open addressing on the identity.
    const REGISTERED: [(bool, u128, bool); 8usize] = registered::<
        8usize,
    >([ORCHESTRATIONS, ACTIVITIES]);
    const fn registered<const SLOTS: usize>(
        tables: [&[Row]; 2],
    ) -> [(bool, u128, bool); SLOTS] {
        let mut set = [(false, 0u128, false); SLOTS];
        let mut t = 0;
        while t < 2 {
            let mut i = 0;
            while i < tables[t].len() {
                let row = &tables[t][i];
                let mut slot = (row.facts.0 as usize) & (SLOTS - 1);
                while set[slot].0 {
                    slot = (slot + 1) & (SLOTS - 1);
                }
                set[slot] = (true, row.facts.0, row.facts.1);
                i += 1;
            }
            t += 1;
        }
        set
    }
    /// Panics with `message` unless an item of this identity and kind is registered.
    #[track_caller]
    const fn locked(identity: u128, orchestration: bool, message: &str) {
        let mut slot = (identity as usize) & (REGISTERED.len() - 1);
        while REGISTERED[slot].0 {
            if REGISTERED[slot].1 == identity && REGISTERED[slot].2 == orchestration {
                return;
            }
            slot = (slot + 1) & (REGISTERED.len() - 1);
        }
        ::core::panic!("{}", message)
    }
    const _: () = locked(
        148097649956677154380308259318295567752u128,
        false,
        "src/tests/snapshots/registry.lock:2 pins the activity `duroxide-registry-macros::activity::provision-vm`, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an activity entry with exactly this NAME), or delete the line once no instance can still be running it. If its entry is under `#[cfg]`, the line must say so at its end, like `cfg(feature = \"x\")`: `registry_lock()` writes it",
    );
    #[cfg(feature = "dns")]
    const _: () = locked(
        316090257308881661061663682974786544744u128,
        false,
        "src/tests/snapshots/registry.lock:3 pins the activity `duroxide-registry-macros::activity::publish-dns`, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an activity entry with exactly this NAME), or delete the line once no instance can still be running it (the line is checked because `cfg(feature = \"dns\")` holds in this build)",
    );
    const _: () = locked(
        237957964078596509205167672054732268593u128,
        true,
        "src/tests/snapshots/registry.lock:4 pins the orchestration `duroxide-registry-macros::orchestration::create-instance` at version 1.0.5, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an orchestration entry with exactly this NAME and VERSION), or delete the line once no instance can still be running it. If its entry is under `#[cfg]`, the line must say so at its end, like `cfg(feature = \"x\")`: `registry_lock()` writes it",
    );
    /// Panics, naming both, unless `name` and `first` are equal.
    #[track_caller]
    const fn same_name<const CAPACITY: usize>(
        name: &str,
        first: &str,
        paths: [&str; 3],
    ) {
        let (x, y) = (name.as_bytes(), first.as_bytes());
        let mut equal = x.len() == y.len();
        let mut i = 0;
        while equal && i < x.len() {
            equal = x[i] == y[i];
            i += 1;
        }
        if equal {
            return;
        }
        let pieces = [
            "`",
            paths[0],
            "` shares `as ",
            paths[1],
            "` with `",
            paths[2],
            "`, but its NAME is `",
            name,
            "` and that one's is `",
            first,
            "`: versions of one orchestration share one name, so give them the same `name` (or each its own `as ...` if they are different orchestrations)",
        ];
        let mut bytes = [0u8; CAPACITY];
        let mut len = 0;
        let mut p = 0;
        while p < pieces.len() {
            let piece = pieces[p].as_bytes();
            let mut i = 0;
            while i < piece.len() {
                bytes[len] = piece[i];
                len += 1;
                i += 1;
            }
            p += 1;
        }
        match ::core::str::from_utf8(bytes.split_at(len).0) {
            ::core::result::Result::Ok(message) => ::core::panic!("{}", message),
            ::core::result::Result::Err(_) => {
                ::core::panic!("versions listed under one alias have different names")
            }
        }
    }
    const _: () = same_name::<
        {
            create_instance::v1_0_6::NAME.len() + create_instance::v1_0_5::NAME.len()
                + 265usize
        },
    >(
        create_instance::v1_0_6::NAME,
        create_instance::v1_0_5::NAME,
        ["create_instance::v1_0_6", "CREATE_INSTANCE", "create_instance::v1_0_5"],
    );
    /// Each row's first problem, in the order of `enum Problem`.
    const fn problems<const N: usize, const SLOTS: usize>(
        table: &[Row],
        orchestrations: bool,
        config_given: bool,
    ) -> [Problem; N] {
        let repeated = repeats::<N, SLOTS>(table);
        let mut problems = [Problem::None; N];
        let mut i = 0;
        while i < N {
            let row = &table[i];
            problems[i] = if row.facts.1 != orchestrations {
                Problem::WrongKind
            } else if row.facts.2 != REFERENCE.prefix {
                Problem::Prefix
            } else if repeated[i] {
                Problem::Duplicate
            } else if row.facts.3 && !config_given {
                Problem::Config
            } else {
                Problem::None
            };
            i += 1;
        }
        problems
    }
    /// For each row, whether an earlier row has its identity fingerprint: its name and, for
    /// orchestrations, its version. The rows go one by one into an open-addressing table
    /// keyed by that fingerprint (`SLOTS`, a power of two at least twice the list, so there
    /// is always a free slot): a row that meets an equal row is a repeat. Linear in the list.
    /// Equal identities always have equal fingerprints, so no repeat is missed; two
    /// different ones share a fingerprint with a chance of 2^-128.
    const fn repeats<const N: usize, const SLOTS: usize>(table: &[Row]) -> [bool; N] {
        let mut slots = [0usize; SLOTS];
        let mut repeated = [false; N];
        let mut i = 0;
        while i < N {
            let mut slot = (table[i].facts.0 as usize) & (SLOTS - 1);
            loop {
                let held = slots[slot];
                if held == 0 {
                    slots[slot] = i + 1;
                    break;
                }
                if table[held - 1].facts.0 == table[i].facts.0 {
                    repeated[i] = true;
                    break;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            i += 1;
        }
        repeated
    }
    /// The prefix most rows of both tables share; on a tie, the prefix that comes first.
    /// `TOTAL` bounds the distinct prefixes, which are few.
    const fn reference_prefix<const TOTAL: usize>(tables: [&[Row]; 2]) -> Reference {
        let first = if !tables[0].is_empty() {
            tables[0][0].facts.2
        } else if !tables[1].is_empty() {
            tables[1][0].facts.2
        } else {
            return Reference { prefix: 0 };
        };
        let mut same = true;
        let mut t = 0;
        while t < 2 && same {
            let table = tables[t];
            let mut i = 0;
            while i < table.len() && same {
                same = table[i].facts.2 == first;
                i += 1;
            }
            t += 1;
        }
        if same {
            return Reference { prefix: first };
        }
        let mut seen = [(0u128, 0usize); TOTAL];
        let mut distinct = 0;
        let mut t = 0;
        while t < 2 {
            let table = tables[t];
            let mut i = 0;
            while i < table.len() {
                let mut d = 0;
                while d < distinct && seen[d].0 != table[i].facts.2 {
                    d += 1;
                }
                if d == distinct {
                    seen[d] = (table[i].facts.2, 0);
                    distinct += 1;
                }
                seen[d].1 += 1;
                i += 1;
            }
            t += 1;
        }
        let mut best = 0;
        let mut d = 1;
        while d < distinct {
            if seen[d].1 > seen[best].1 {
                best = d;
            }
            d += 1;
        }
        Reference { prefix: seen[best].0 }
    }
    /// The row of each path id in `table`, for lists whose `#[cfg]`s hide the rows' indices.
    /// Every entry that looks its row up has one: its `#[cfg]`s are those of its own `const`.
    const fn rows_by_path<const PATHS: usize>(table: &[Row]) -> [usize; PATHS] {
        let mut rows = [0; PATHS];
        let mut row = 0;
        while row < table.len() {
            rows[table[row].path] = row;
            row += 1;
        }
        rows
    }
    /// Panics with the message of `ENTRIES[number]`'s problem, if it has one.
    /// `#[track_caller]`, like `fail`: the error points at the entry whose `const` called it.
    #[track_caller]
    const fn check(number: usize) {
        let Entry { orchestrations, row, text: entry } = ENTRIES[number];
        let problem = if orchestrations {
            ORCHESTRATION_PROBLEMS[row]
        } else {
            ACTIVITY_PROBLEMS[row]
        };
        match (orchestrations, problem) {
            (true, Problem::WrongKind) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` is an #[activity], but it is listed under `orchestrations`; move it to `activities: [...]`",
                    ],
                )
            }
            (true, Problem::Prefix) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` has a different crate prefix from the one most entries of this registry! share (on a tie, the first entry's); the pattern wants one prefix for every name of a crate, so give `",
                        entry,
                        "` the same `prefix` as the others",
                    ],
                )
            }
            (true, Problem::Duplicate) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` has the same NAME and VERSION as an earlier entry of `orchestrations`; duroxide would silently keep only one of them. Give it its own `name`, or a distinct `version` if it is a new version of the same orchestration",
                    ],
                )
            }
            (false, Problem::WrongKind) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` is an #[orchestration], but it is listed under `activities`; move it to `orchestrations: [...]`",
                    ],
                )
            }
            (false, Problem::Prefix) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` has a different crate prefix from the one most entries of this registry! share (on a tie, the first entry's); the pattern wants one prefix for every name of a crate, so give `",
                        entry,
                        "` the same `prefix` as the others",
                    ],
                )
            }
            (false, Problem::Duplicate) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` has the same NAME as an earlier entry of `activities`; duroxide would refuse the second registration. Give it its own `name`",
                    ],
                )
            }
            (false, Problem::Config) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` takes a #[config] parameter, but this registry! has no configuration to give it; add `config: YourConfig,` to registry! (it then generates `create_activity_registry_with_config(config)`)",
                    ],
                )
            }
            _ => {}
        }
    }
    /// Panics with `pieces` joined. The buffer fits the longest message the macro could
    /// give any entry; `#[track_caller]` passes the entry's location through.
    #[track_caller]
    const fn fail(pieces: &[&str]) -> ! {
        let mut bytes = [0u8; 259usize];
        let mut len = 0;
        let mut p = 0;
        while p < pieces.len() {
            let piece = pieces[p].as_bytes();
            let mut i = 0;
            while i < piece.len() {
                bytes[len] = piece[i];
                len += 1;
                i += 1;
            }
            p += 1;
        }
        match ::core::str::from_utf8(bytes.split_at(len).0) {
            ::core::result::Result::Ok(message) => ::core::panic!("{}", message),
            ::core::result::Result::Err(_) => {
                ::core::panic!("registry! found a problem with this entry")
            }
        }
    }
    const _: () = check(0usize);
    const _: () = check(1usize);
    const _: () = check(2usize);
    #[cfg(feature = "dns")]
    const _: () = check(3usize);
};
