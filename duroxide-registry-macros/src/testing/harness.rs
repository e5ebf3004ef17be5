//! The harness a test builds and runs: each method records one wish in its plan.

use super::describe::{Activity, Channel, Inbox, Orchestration};
use super::drive;
use super::plan::{typed, Delivery, Failures, TestPlan, When};
use super::run::Run;
use crate::__private::codec;
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::runtime::RuntimeOptions;
use duroxide::OrchestrationRegistry;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::Duration;

/// Runs orchestrations of a crate end to end on duroxide's in-memory `sqlite` provider, with
/// chosen activities and sub-orchestrations replaced by typed mocks. See the
/// [module documentation](super).
pub struct Harness {
    plan: TestPlan,
}

impl Harness {
    /// The harness over a crate's registries: `Harness::new(registry::create_orchestration_registry(),
    /// registry::create_activity_registry())`. Activities that no mock replaces run as
    /// registered, sub-orchestrations too.
    #[must_use]
    pub fn new(orchestrations: OrchestrationRegistry, activities: ActivityRegistry) -> Self {
        Harness {
            plan: TestPlan::new(orchestrations, activities),
        }
    }

    /// Replaces `activity` by `mock`, under its wire name: the orchestration's code runs
    /// unchanged, and every call of the activity gets the mock's result. The closure takes the
    /// activity's `Input` and returns its `Result<Output, String>`, so a mock of the wrong
    /// type does not compile. A second mock of the same activity replaces the first.
    #[must_use]
    pub fn mock<In, Out, F>(mut self, activity: Activity<In, Out>, mock: F) -> Self
    where
        In: DeserializeOwned + 'static,
        Out: Serialize + 'static,
        F: Fn(In) -> Result<Out, String> + Send + Sync + 'static,
    {
        let name = activity.name();
        self.plan.activity_plans.entry(name).or_default().mock = Some(typed(name, mock));
        self
    }

    /// Makes the first `times` calls of `activity` fail with `message`, before its mock (or
    /// its registered function) runs; later calls run it. The count is shared by every run of
    /// this harness.
    #[must_use]
    pub fn fail_times<In, Out>(
        mut self,
        activity: Activity<In, Out>,
        times: usize,
        message: impl Into<String>,
    ) -> Self {
        self.plan
            .activity_plans
            .entry(activity.name())
            .or_default()
            .failures = Some(Failures {
            remaining: Some(Arc::new(AtomicUsize::new(times))),
            message: message.into(),
        });
        self
    }

    /// Makes every call of `activity` fail with `message`.
    #[must_use]
    pub fn fail<In, Out>(
        mut self,
        activity: Activity<In, Out>,
        message: impl Into<String>,
    ) -> Self {
        self.plan
            .activity_plans
            .entry(activity.name())
            .or_default()
            .failures = Some(Failures {
            remaining: None,
            message: message.into(),
        });
        self
    }

    /// Makes every activity that no mock replaces fail, with an error that names it, instead
    /// of running as registered: for a test that must not reach anything real.
    #[must_use]
    pub fn mocks_only(mut self) -> Self {
        self.plan.mocks_only = true;
        self
    }

    /// Replaces the sub-orchestration `orchestration`, at its version, by `mock`: every call
    /// of it completes with the mock's result, in one turn. Without a mock, sub-orchestrations
    /// run for real, from the registry.
    #[must_use]
    pub fn mock_orchestration<In, Out, F>(
        mut self,
        orchestration: Orchestration<In, Out>,
        mock: F,
    ) -> Self
    where
        In: DeserializeOwned + 'static,
        Out: Serialize + 'static,
        F: Fn(In) -> Result<Out, String> + Send + Sync + 'static,
    {
        let (name, version) = (orchestration.name(), orchestration.version());
        self.plan
            .orchestration_mocks
            .insert((name, version), typed(name, mock));
        self
    }

    /// Delivers `payload` to an event or a queue of the instance `when` the run reaches that
    /// point: `.deliver(event!(deploy::events::approval), &approval, When::Waiting)`.
    ///
    /// # Panics
    ///
    /// If the payload cannot be encoded as JSON, as duroxide's typed calls panic.
    #[must_use]
    pub fn deliver<C>(mut self, channel: C, payload: &C::Payload, when: When) -> Self
    where
        C: Channel,
        C::Payload: Serialize,
    {
        let inbox = channel.inbox();
        let name = match inbox {
            Inbox::Event(name) | Inbox::Queue(name) => name,
        };
        self.plan.deliveries.push(Delivery {
            inbox,
            payload: codec::encode(name, payload),
            when,
        });
        self
    }

    /// How long a run may take before the harness gives up and panics with the instance's
    /// history: 60 seconds unless set.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.plan.timeout = timeout;
        self
    }

    /// The instance id of every run, instead of a generated one (`harness-{name}-{process}-{n}`):
    /// for a golden history whose ids must not change. Each run has a store of its own, so
    /// runs of one harness may share an id.
    #[must_use]
    pub fn instance_id(mut self, id: impl Into<String>) -> Self {
        self.plan.instance_id = Some(id.into());
        self
    }

    /// The runtime's options, instead of the harness's: duroxide's defaults, with dispatchers
    /// that poll every 10 ms so that a test does not wait on them.
    #[must_use]
    pub fn runtime_options(mut self, options: RuntimeOptions) -> Self {
        self.plan.options = options;
        self
    }

    /// Starts `orchestration` with `input` on a fresh store and runtime, delivers what the
    /// test asked for, waits for the instance to complete or fail, and returns what it did.
    /// A harness may run any number of times; each run has its own store and instance.
    ///
    /// # Panics
    ///
    /// If the store or the runtime cannot start, or the instance does not finish within the
    /// timeout: the message holds its history, what it still waits for, and the deliveries
    /// not made.
    pub async fn run<In, Out>(&self, orchestration: Orchestration<In, Out>, input: &In) -> Run<Out>
    where
        In: Serialize,
    {
        let input = codec::encode(orchestration.name(), input);
        let finished = drive::run(
            &self.plan,
            orchestration.name(),
            orchestration.version(),
            input,
        )
        .await;
        Run::new(finished)
    }
}
