//! What the typed interface helpers of an orchestration return to a client: a custom status as
//! read from outside the instance.
//!
//! `#[orchestration(status = DeployStatus)]` generates `deploy::status::get(&client, instance)`
//! and `deploy::status::wait_for_change(&client, instance, last_seen, timeout)`, which return a
//! [`Status`] of the declared type. See `docs/reference.md`, "An orchestration's interface".

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
