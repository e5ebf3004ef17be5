//! What the typed interface helpers of an orchestration return: a custom status as a client
//! reads it from outside the instance, and the future of `continue_as_new`.
//!
//! `#[orchestration(status = DeployStatus)]` generates `deploy::status::get(&client, instance)`
//! and `deploy::status::wait_for_change(&client, instance, last_seen, timeout)`, which return a
//! [`Status`] of the declared type. See `docs/reference.md`, "An orchestration's interface".

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

/// What an orchestration's `continue_as_new(&ctx, &input)` returns: a future that never
/// completes, as duroxide's own, because the execution ends there and the instance continues
/// as a new one. Its output is whatever the body returns, so that
/// `return deploy::continue_as_new(&ctx, &input).await;` type-checks in any orchestration.
///
/// A named type, rather than `impl Future`, so that each orchestration's helper is one plain
/// function for the compiler, not a function and an opaque type.
#[must_use = "the instance continues as new only once this future is awaited and returned"]
pub struct ContinueAsNew<T>(PhantomData<fn() -> T>);

impl<T> ContinueAsNew<T> {
    /// The future; the continue-as-new command is already recorded by the time it exists.
    pub(crate) fn new() -> Self {
        ContinueAsNew(PhantomData)
    }
}

impl<T> std::fmt::Debug for ContinueAsNew<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContinueAsNew")
    }
}

impl<T> Future for ContinueAsNew<T> {
    type Output = Result<T, String>;

    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        // As duroxide's `ContinueAsNewFuture`: the runtime ends the execution on the recorded
        // command and never reads an output.
        Poll::Pending
    }
}

/// A custom status, as a client reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status<T> {
    /// The status the orchestration set last, decoded; `None` before it sets one, or after it
    /// resets it.
    pub value: Option<T>,
    /// duroxide's `custom_status_version`: it grows with every change, and
    /// `wait_for_change(.., version, ..)` returns once it has grown past the given one.
    pub version: u64,
    /// Where the instance is.
    pub state: State,
}

/// Where an instance is, as its status says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// No instance of that id has started.
    NotFound,
    /// It is running.
    Running,
    /// It completed.
    Completed,
    /// It failed.
    Failed,
}

impl State {
    /// Whether the instance has finished, and its status can no longer change.
    #[must_use]
    pub fn is_finished(self) -> bool {
        matches!(self, State::Completed | State::Failed)
    }
}
