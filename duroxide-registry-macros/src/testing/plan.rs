//! A harness's plan, as a test builds it: the crate's registries, what replaces which activity
//! or sub-orchestration, what is delivered when, and how long to wait.

use super::describe::{Callee, Inbox, Step};
use crate::__private::codec;
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::runtime::RuntimeOptions;
use duroxide::OrchestrationRegistry;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A mock or a registered handler, on raw payloads: duroxide's typed codec is applied around
/// the test's typed closure once, here, so that the registries deal in strings only.
pub(super) type RawFn = Arc<dyn Fn(String) -> Result<String, String> + Send + Sync>;

/// Everything a test asked of a harness: what a run reads.
pub(super) struct TestPlan {
    pub(super) orchestrations: OrchestrationRegistry,
    pub(super) activities: ActivityRegistry,
    pub(super) activity_plans: HashMap<&'static str, ActivityPlan>,
    pub(super) orchestration_mocks: HashMap<(&'static str, &'static str), RawFn>,
    pub(super) mocks_only: bool,
    pub(super) deliveries: Vec<Delivery>,
    pub(super) timeout: Duration,
    pub(super) instance_id: Option<String>,
    pub(super) options: RuntimeOptions,
}

/// What the harness does when an activity is called.
#[derive(Default, Clone)]
pub(super) struct ActivityPlan {
    /// Calls that fail before the activity runs, and with what.
    pub(super) failures: Option<Failures>,
    /// The test's closure, in place of the registered function.
    pub(super) mock: Option<RawFn>,
}

/// Injected failures. The count is shared by every run of one harness, so that a test can
/// fail a first run and see a second one succeed.
#[derive(Clone)]
pub(super) struct Failures {
    /// `None`: every call fails.
    pub(super) remaining: Option<Arc<AtomicUsize>>,
    pub(super) message: String,
}

impl Failures {
    /// Whether this call fails: takes one from the count.
    pub(super) fn take(&self) -> bool {
        self.remaining.as_ref().is_none_or(|remaining| {
            remaining
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                .is_ok()
        })
    }
}

/// A payload for the instance, and the point of the run at which it is sent.
#[derive(Debug, Clone)]
pub(super) struct Delivery {
    pub(super) inbox: Inbox,
    /// Encoded as duroxide's typed `raise_event_typed` and `enqueue_event_typed` encode.
    pub(super) payload: String,
    pub(super) when: When,
}

/// When the harness delivers an event or a queue message to the instance.
///
/// Deliveries to one event or queue are made in the order the test gave them. duroxide drops
/// an event raised while the instance does not wait for it, so an event is only ever raised
/// once the instance waits for it (and, with [`When::after`], once the call has also
/// completed), and the next one to the same event once the instance has received it. A queue
/// keeps its messages, so a queue message is enqueued as soon as its condition holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// As soon as the instance has started: for a queue, at once; for an event, once the
    /// instance waits for it.
    Started,
    /// Once the instance waits for it: `ctx.schedule_wait`, an event's `wait`, or a queue's
    /// `dequeue`.
    Waiting,
    /// Once the given activity or sub-orchestration has completed (or failed) this many
    /// times, counted over the instance, its sub-orchestrations and its executions.
    After(Step, usize),
}

impl When {
    /// Once the first call of `callee` has completed: `When::after(activity!(a::b))`.
    #[must_use]
    pub fn after<C: Callee>(callee: C) -> When {
        When::After(callee.step(), 1)
    }

    /// Once the `n`-th call of `callee` has completed.
    #[must_use]
    pub fn after_call<C: Callee>(callee: C, n: usize) -> When {
        When::After(callee.step(), n)
    }
}

impl fmt::Debug for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Started => f.write_str("once started"),
            When::Waiting => f.write_str("once the instance waits for it"),
            When::After(step, n) => write!(f, "after call {n} of {step:?}"),
        }
    }
}

impl TestPlan {
    /// Nothing mocked, nothing delivered, a minute to finish.
    pub(super) fn new(orchestrations: OrchestrationRegistry, activities: ActivityRegistry) -> Self {
        TestPlan {
            orchestrations,
            activities,
            activity_plans: HashMap::new(),
            orchestration_mocks: HashMap::new(),
            mocks_only: false,
            deliveries: Vec::new(),
            timeout: Duration::from_secs(60),
            instance_id: None,
            options: runtime_options(),
        }
    }
}

/// duroxide's defaults, with dispatchers that poll every 10 ms: the default, 100 ms per step,
/// would be most of a short test's time.
fn runtime_options() -> RuntimeOptions {
    RuntimeOptions {
        dispatcher_min_poll_interval: Duration::from_millis(10),
        ..RuntimeOptions::default()
    }
}

/// A typed closure on raw payloads, as duroxide's `register_typed` wraps a typed function:
/// the input decoded by its codec, the output encoded by it.
pub(super) fn typed<In, Out, F>(name: &'static str, mock: F) -> RawFn
where
    In: DeserializeOwned + 'static,
    Out: Serialize + 'static,
    F: Fn(In) -> Result<Out, String> + Send + Sync + 'static,
{
    Arc::new(move |raw: String| {
        let input = codec::decode::<In>(Ok(raw))
            .map_err(|error| format!("{name}: the mock's input does not decode: {error}"))?;
        mock(input).map(|output| codec::encode(name, &output))
    })
}
