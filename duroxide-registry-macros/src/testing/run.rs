//! What a run did, typed: its output, the calls its body made, its custom status, its
//! history, and the history as `replay::capture` records it.

use super::describe::Callee;
use super::drive::Finished;
use super::history;
use crate::__private::codec;
use crate::replay::Execution;
use duroxide::{Event, OrchestrationStatus};
use serde::de::DeserializeOwned;
use std::any::type_name;
use std::fmt;
use std::marker::PhantomData;

/// A finished run of an orchestration whose output is `Out`: returned by
/// [`Harness::run`](super::Harness::run).
pub struct Run<Out> {
    finished: Finished,
    output: PhantomData<fn() -> Out>,
}

impl<Out> Run<Out> {
    pub(super) fn new(finished: Finished) -> Self {
        Run {
            finished,
            output: PhantomData,
        }
    }

    /// The instance id.
    #[must_use]
    pub fn instance_id(&self) -> &str {
        &self.finished.instance
    }

    /// The output, or the message the instance failed with (as the companion's `wait`
    /// returns it).
    ///
    /// # Errors
    ///
    /// The instance failed: its message. Or the output does not decode as `Out`.
    pub fn output(&self) -> Result<Out, String>
    where
        Out: DeserializeOwned,
    {
        match &self.finished.status {
            OrchestrationStatus::Completed { output, .. } => codec::decode(Ok(output.clone()))
                .map_err(|error| {
                    format!(
                        "the output of `{}` does not decode as `{}`: {error}",
                        self.finished.instance,
                        type_name::<Out>()
                    )
                }),
            OrchestrationStatus::Failed { details, .. } => Err(details.display_message()),
            other => Err(format!(
                "`{}` has not finished: {other:?}",
                self.finished.instance
            )),
        }
    }

    /// Whether the instance completed (rather than failed).
    #[must_use]
    pub fn completed(&self) -> bool {
        matches!(self.finished.status, OrchestrationStatus::Completed { .. })
    }

    /// The inputs of every call of `callee`, an activity or a sub-orchestration, in the order
    /// the body made them: the instance's own calls, over its executions, then those of its
    /// sub-orchestrations. Retries are calls too. Mocked or not, every call is here.
    ///
    /// # Panics
    ///
    /// If a recorded input does not decode as the callee's `Input` (a descriptor written by
    /// hand with other types than the function's).
    #[must_use]
    pub fn calls<C>(&self, callee: C) -> Vec<C::Input>
    where
        C: Callee,
        C::Input: DeserializeOwned,
    {
        history::inputs(&self.finished.executions, callee.step())
            .into_iter()
            .map(|raw| {
                codec::decode(Ok(raw.to_owned())).unwrap_or_else(|error| {
                    panic!(
                        "a call of {:?} has an input that does not decode as `{}`: {error}",
                        callee.step(),
                        type_name::<C::Input>()
                    )
                })
            })
            .collect()
    }

    /// The custom status the instance ended with, decoded as its typed helpers decode it:
    /// `run.status::<deploy::status::Payload>()`, the type its `#[orchestration(status = ..)]`
    /// declares. `Ok(None)` when it set none. A body that sets raw strings reads as `String`.
    ///
    /// # Errors
    ///
    /// The status does not decode as `T`.
    pub fn status<T: DeserializeOwned>(&self) -> Result<Option<T>, String> {
        let raw = match &self.finished.status {
            OrchestrationStatus::Running { custom_status, .. }
            | OrchestrationStatus::Completed { custom_status, .. }
            | OrchestrationStatus::Failed { custom_status, .. } => custom_status.clone(),
            OrchestrationStatus::NotFound => None,
        };
        raw.map(|raw| codec::decode(Ok(raw)))
            .transpose()
            .map_err(|error| {
                format!(
                    "the custom status of `{}` does not decode as `{}`: {error}",
                    self.finished.instance,
                    type_name::<T>()
                )
            })
    }

    /// The instance's own history: every event of every execution, in order.
    #[must_use]
    pub fn history(&self) -> Vec<&Event> {
        self.finished
            .executions
            .iter()
            .filter(|execution| execution.instance == self.finished.instance)
            .flat_map(|execution| &execution.events)
            .collect()
    }

    /// Every execution of the instance and of its sub-orchestrations, as [`capture`](Self::capture)
    /// records them.
    #[must_use]
    pub fn executions(&self) -> &[Execution] {
        &self.finished.executions
    }

    /// The histories as [`replay::capture`](crate::replay::capture) records them, read once
    /// the instance finished: the JSON to commit as a golden history, or to check at once
    /// with `registry::replay::check(run.capture())`.
    #[must_use]
    pub fn capture(&self) -> &str {
        &self.finished.capture
    }
}

impl<Out> fmt::Debug for Run<Out> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Run")
            .field("instance", &self.finished.instance)
            .field("status", &self.finished.status)
            .finish_non_exhaustive()
    }
}
