//! What a test names: typed descriptors of activities, orchestrations, events and queues, read
//! from their companions by the macros `activity!`, `orchestration!`, `event!` and `queue!`.
//!
//! A companion is a module, and a module is no value: `activities::provision_vm` in an
//! expression is the user's function, not the companion. The macros turn the companion's path
//! into a value that carries its wire name and, in its type, its `Input` and `Output`: what
//! `NAME`, `VERSION`, `Input`, `Output` and `Payload` already are, so nothing more is generated
//! per item.

use std::fmt;
use std::marker::PhantomData;

/// An activity, typed by its companion: `activity!(activities::provision_vm)`.
///
/// By hand, for an activity without a companion, `Activity::<In, Out>::new(NAME)` states the
/// types itself, and nothing checks them against the function's.
pub struct Activity<In, Out> {
    name: &'static str,
    types: PhantomData<fn(In) -> Out>,
}

/// An orchestration at one version, typed by its companion:
/// `orchestration!(orchestrations::provision_postgres)`.
pub struct Orchestration<In, Out> {
    name: &'static str,
    version: &'static str,
    types: PhantomData<fn(In) -> Out>,
}

/// An event an orchestration declares, typed by its payload:
/// `event!(orchestrations::deploy::events::approval)`.
pub struct Event<T> {
    name: &'static str,
    payload: PhantomData<fn(T)>,
}

/// A queue an orchestration declares, typed by its payload:
/// `queue!(orchestrations::deploy::queues::commands)`.
pub struct Queue<T> {
    name: &'static str,
    payload: PhantomData<fn(T)>,
}

impl<In, Out> Activity<In, Out> {
    /// The activity registered as `name`, with the given types.
    #[must_use]
    pub const fn new(name: &'static str) -> Self {
        Activity {
            name,
            types: PhantomData,
        }
    }

    /// The wire name.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<In, Out> Orchestration<In, Out> {
    /// The orchestration registered as `name` at `version`, with the given types.
    #[must_use]
    pub const fn new(name: &'static str, version: &'static str) -> Self {
        Orchestration {
            name,
            version,
            types: PhantomData,
        }
    }

    /// The wire name.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The version.
    #[must_use]
    pub const fn version(&self) -> &'static str {
        self.version
    }
}

impl<T> Event<T> {
    /// The event of wire name `name`, with payloads of type `T`. An event that no
    /// `#[orchestration(events(..))]` declares (a body's own `ctx.schedule_wait("approval")`) is
    /// named this way: `Event::<String>::new("approval")`.
    #[must_use]
    pub const fn new(name: &'static str) -> Self {
        Event {
            name,
            payload: PhantomData,
        }
    }

    /// The wire name.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<T> Queue<T> {
    /// The queue of wire name `name`, with messages of type `T`.
    #[must_use]
    pub const fn new(name: &'static str) -> Self {
        Queue {
            name,
            payload: PhantomData,
        }
    }

    /// The wire name.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

// Copy without requiring it of the types, which only the `PhantomData` mentions.
impl<In, Out> Clone for Activity<In, Out> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<In, Out> Copy for Activity<In, Out> {}
impl<In, Out> Clone for Orchestration<In, Out> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<In, Out> Copy for Orchestration<In, Out> {}
impl<T> Clone for Event<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Event<T> {}
impl<T> Clone for Queue<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Queue<T> {}

impl<In, Out> fmt::Debug for Activity<In, Out> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "activity `{}`", self.name)
    }
}
impl<In, Out> fmt::Debug for Orchestration<In, Out> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "orchestration `{}` {}", self.name, self.version)
    }
}
impl<T> fmt::Debug for Event<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "event `{}`", self.name)
    }
}
impl<T> fmt::Debug for Queue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "queue `{}`", self.name)
    }
}

/// What an orchestration schedules, as its history names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// An activity, by wire name.
    Activity(&'static str),
    /// A sub-orchestration, by wire name.
    Orchestration(&'static str),
}

/// An activity or an orchestration: something a body calls, whose calls a [`Run`] records
/// and after whose calls a delivery may be made.
///
/// [`Run`]: super::Run
pub trait Callee: Copy {
    /// What a call takes.
    type Input;
    /// The step, as the history names it.
    fn step(&self) -> Step;
}

impl<In, Out> Callee for Activity<In, Out> {
    type Input = In;
    fn step(&self) -> Step {
        Step::Activity(self.name)
    }
}

impl<In, Out> Callee for Orchestration<In, Out> {
    type Input = In;
    fn step(&self) -> Step {
        Step::Orchestration(self.name)
    }
}

/// Where a delivery goes: an event or a queue of the instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Inbox {
    /// An event, by wire name: raised, and dropped by duroxide unless the instance waits for it.
    Event(&'static str),
    /// A queue, by wire name: enqueued, and kept until the instance dequeues it.
    Queue(&'static str),
}

/// An event or a queue, typed by its payload.
pub trait Channel: Copy {
    /// What it carries.
    type Payload;
    /// The inbox, as the history names it.
    fn inbox(&self) -> Inbox;
}

impl<T> Channel for Event<T> {
    type Payload = T;
    fn inbox(&self) -> Inbox {
        Inbox::Event(self.name)
    }
}

impl<T> Channel for Queue<T> {
    type Payload = T;
    fn inbox(&self) -> Inbox {
        Inbox::Queue(self.name)
    }
}

// Documented where `testing` re-exports it as `activity!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __testing_activity {
    (:: $($segment:ident)::+) => {
        $crate::testing::Activity::<:: $($segment)::+ ::Input, :: $($segment)::+ ::Output>::new(
            :: $($segment)::+ ::NAME,
        )
    };
    ($($segment:ident)::+) => {
        $crate::testing::Activity::<$($segment)::+ ::Input, $($segment)::+ ::Output>::new(
            $($segment)::+ ::NAME,
        )
    };
}

// Documented where `testing` re-exports it as `orchestration!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __testing_orchestration {
    (:: $($segment:ident)::+) => {
        $crate::testing::Orchestration::<:: $($segment)::+ ::Input, :: $($segment)::+ ::Output>::new(
            :: $($segment)::+ ::NAME,
            :: $($segment)::+ ::VERSION,
        )
    };
    ($($segment:ident)::+) => {
        $crate::testing::Orchestration::<$($segment)::+ ::Input, $($segment)::+ ::Output>::new(
            $($segment)::+ ::NAME,
            $($segment)::+ ::VERSION,
        )
    };
}

// Documented where `testing` re-exports it as `event!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __testing_event {
    (:: $($segment:ident)::+) => {
        $crate::testing::Event::<:: $($segment)::+ ::Payload>::new(:: $($segment)::+ ::NAME)
    };
    ($($segment:ident)::+) => {
        $crate::testing::Event::<$($segment)::+ ::Payload>::new($($segment)::+ ::NAME)
    };
}

// Documented where `testing` re-exports it as `queue!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __testing_queue {
    (:: $($segment:ident)::+) => {
        $crate::testing::Queue::<:: $($segment)::+ ::Payload>::new(:: $($segment)::+ ::NAME)
    };
    ($($segment:ident)::+) => {
        $crate::testing::Queue::<$($segment)::+ ::Payload>::new($($segment)::+ ::NAME)
    };
}
