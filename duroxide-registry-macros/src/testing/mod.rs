//! Testing an orchestration in a few lines: a typed harness with activity mocks, recorded
//! calls, injected failures, deliveries to events and queues, and golden-history capture.
//! Behind the cargo feature `testing`, for dev-dependencies:
//!
//! ```toml
//! [dev-dependencies]
//! duroxide-registry-macros = { version = "0.1", features = ["testing"] }
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! ```
//!
//! ```
//! # use duroxide::{ActivityContext, OrchestrationContext};
//! # use serde::{Deserialize, Serialize};
//! # #[derive(Serialize, Deserialize, Debug, PartialEq)]
//! # pub struct VmRequest { pub name: String, pub resource_group: String }
//! # #[derive(Serialize, Deserialize)]
//! # pub struct Vm { pub id: String, pub ip_address: String }
//! # #[derive(Serialize, Deserialize)]
//! # pub struct Database { pub connection_string: String }
//! # pub mod activities {
//! #     use super::*;
//! #     /// Provisions a VM.
//! #     #[duroxide_registry_macros::activity]
//! #     pub async fn provision_vm(_ctx: ActivityContext, input: VmRequest) -> Result<Vm, String> {
//! #         Err(format!("no cloud in a doctest: {}", input.name))
//! #     }
//! # }
//! # pub mod orchestrations {
//! #     use super::*;
//! #     /// Provisions a database on a VM.
//! #     #[duroxide_registry_macros::orchestration]
//! #     pub async fn provision_postgres(ctx: OrchestrationContext, input: VmRequest) -> Result<Database, String> {
//! #         let vm = crate::activities::provision_vm::call(&ctx, &input).await?;
//! #         Ok(Database { connection_string: format!("postgresql://{}:5432/{}", vm.ip_address, input.name) })
//! #     }
//! # }
//! # pub mod registry {
//! #     use crate::{activities, orchestrations};
//! #     duroxide_registry_macros::registry! {
//! #         orchestrations: [orchestrations::provision_postgres],
//! #         activities: [activities::provision_vm],
//! #     }
//! # }
//! use duroxide_registry_macros::testing::{activity, orchestration, Harness};
//!
//! # #[tokio::main] async fn main() { provision_postgres_connects_to_the_vm_it_made().await }
//! // #[tokio::test]
//! async fn provision_postgres_connects_to_the_vm_it_made() {
//!     let input = VmRequest { name: "orders".into(), resource_group: "rg".into() };
//!     let run = Harness::new(registry::create_orchestration_registry(), registry::create_activity_registry())
//!         .mock(activity!(activities::provision_vm), |vm| {
//!             Ok(Vm { id: format!("vm-{}", vm.name), ip_address: "10.0.0.9".into() })
//!         })
//!         .run(orchestration!(orchestrations::provision_postgres), &input)
//!         .await;
//!     assert_eq!(run.output().unwrap().connection_string, "postgresql://10.0.0.9:5432/orders");
//!     assert_eq!(run.calls(activity!(activities::provision_vm)), [input]);
//! }
//! ```
//!
//! # What a run is
//!
//! [`Harness::run`] starts the orchestration, at exactly its companion's `VERSION`, on a fresh
//! in-memory store of duroxide's `sqlite` provider with a runtime of its own, under a fresh
//! instance id; it makes the deliveries the test asked for as the history reaches their
//! points, waits until the instance completes or fails, shuts the runtime down, and returns a
//! [`Run`]. Nothing is simulated: the body runs as in production, every call goes through
//! duroxide's history, and sub-orchestrations, `continue_as_new`, retries and timers behave
//! as they do in production.
//!
//! # Naming items: `activity!`, `orchestration!`, `event!`, `queue!`
//!
//! A companion is a module, and a module is no value (`activities::provision_vm` in an
//! expression is the function). Each macro takes the path of a companion, as `registry!` lists
//! it, and gives a descriptor whose type carries the companion's types:
//! `activity!(activities::provision_vm)` is `Activity::<provision_vm::Input,
//! provision_vm::Output>::new(provision_vm::NAME)`. It reads what the companion has anyway
//! (`NAME`, `VERSION`, `Input`, `Output`, `Payload`), so testing adds nothing to what the
//! macros generate for an item. A mock is then checked against those types: a closure that
//! takes another input, or returns another output, is a compile error at the closure, naming
//! both types. (Inferring the types from the function item itself would not find its `NAME`,
//! nor work for in-place items, whose path names a module.)
//!
//! The macros share their names with the attributes `#[activity]` and `#[orchestration]`, as
//! the items they name do. A test module of its own (`mod tests`, `tests/*.rs`) imports them
//! by name; a module that already imports the attributes by name writes
//! `testing::activity!(..)` instead.
//!
//! An item without a companion (a hand-written activity, an event a body waits for with
//! `ctx.schedule_wait`) is named by hand, with types the test states:
//! `Activity::<In, Out>::new(NAME)`, `Event::<String>::new("approval")`.
//!
//! # Mocks and failures
//!
//! - [`Harness::mock`] replaces an activity, under its wire name, by a closure from its `Input`
//!   to `Result<Output, String>`. The orchestration's code runs unchanged.
//! - [`Harness::fail_times`] makes the first calls of an activity fail with a given message,
//!   then lets its mock (or the registered function) run: a retry policy, or a fallback, meets
//!   a real failure. The count is kept across the runs of one harness. [`Harness::fail`] fails
//!   every call.
//! - Activities that are not mocked run as registered. With [`Harness::mocks_only`], they
//!   fail instead, with an error that names the activity.
//! - [`Harness::mock_orchestration`] replaces a sub-orchestration at its version; without it,
//!   sub-orchestrations run for real from the registry.
//!
//! duroxide's registry builders keep the first registration of a name and ignore later ones,
//! so the harness does not layer mocks over the crate's registry: it rebuilds both registries,
//! registering each name once, behind the test's plan for it.
//!
//! # What a run did
//!
//! [`Run::output`] is the typed result (or the failure's message), [`Run::calls`] the typed
//! inputs of every call of an activity or sub-orchestration, in order, [`Run::status`] the
//! custom status, typed by the companion (`run.status::<deploy::status::Payload>()`),
//! [`Run::instance_id`], [`Run::history`] and [`Run::executions`] the rest, and
//! [`Run::capture`] the JSON [`replay::capture`](crate::replay::capture) writes, for a golden
//! history: `registry::replay::check(run.capture())`, or a file written once and replayed
//! after every change (`docs/upgrading.md`).
//!
//! # Events and queues
//!
//! [`Harness::deliver`] sends a typed payload to an event or a queue the orchestration
//! declares, at a point of the run ([`When`]): once the instance waits for it, or once a
//! given activity or sub-orchestration call has completed. duroxide drops an event raised
//! while the instance does not wait for it, so an event is only ever raised once the instance
//! waits; a queue keeps its messages, so a queue message is enqueued as soon as its point is
//! reached.
//!
//! # Timers run on the wall clock
//!
//! duroxide 0.1.32 fires a timer when its time has come, by the wall clock: the harness
//! cannot skip one, and a `ctx.schedule_timer(Duration::from_secs(300))` that nothing races
//! makes a test wait five minutes. Keep tests fast in one of two ways:
//!
//! - **Short durations through the input or the configuration.** A body that reads its
//!   timeouts from its input (`Duration::from_secs(input.confirm_timeout_secs)`) runs with
//!   `1` in a test, and the timer fires after a second.
//! - **Race the timer with an event.** A body that waits for an event or a timer, whichever
//!   comes first (`ctx.select2(events::confirm::wait(&ctx), ctx.schedule_timer(..))`), gets
//!   the event from [`Harness::deliver`] with [`When::Waiting`], and the timer never matters.
//!
//! # Isolation
//!
//! Each run opens an in-memory database of its own, named for the run (rather than
//! `SqliteProvider::new_in_memory()`, whose database is, depending on the sqlx version, shared
//! by the whole process), and a runtime of its own: mocks of one test never serve another
//! test's instance, and tests run in parallel. Each run also has an instance id unique in the
//! process (`harness-{name}-{process}-{n}`), unless the test sets one with
//! [`Harness::instance_id`].
//!
//! duroxide logs to stdout, warnings included (failed activities, retries, a busy in-memory
//! database retried): install a `tracing-subscriber` with a test writer to keep test output
//! readable.

mod describe;
mod drive;
mod harness;
mod history;
mod plan;
mod registries;
mod run;

pub use describe::{Activity, Callee, Channel, Event, Inbox, Orchestration, Queue, Step};
pub use harness::Harness;
pub use plan::When;
pub use run::Run;

/// The typed descriptor of an activity, from the path of its companion:
/// `activity!(activities::provision_vm)` is an
/// [`Activity`]`<provision_vm::Input, provision_vm::Output>` named `provision_vm::NAME`.
#[doc(inline)]
pub use crate::__testing_activity as activity;

/// The typed descriptor of an orchestration at its version, from the path of its companion:
/// `orchestration!(orchestrations::provision_postgres)` is an [`Orchestration`] named
/// `provision_postgres::NAME` at `provision_postgres::VERSION`.
#[doc(inline)]
pub use crate::__testing_orchestration as orchestration;

/// The typed descriptor of a declared event: `event!(orchestrations::deploy::events::approval)`
/// is an [`Event`]`<approval::Payload>` named `approval::NAME`.
#[doc(inline)]
pub use crate::__testing_event as event;

/// The typed descriptor of a declared queue: `queue!(orchestrations::deploy::queues::commands)`
/// is a [`Queue`]`<commands::Payload>` named `commands::NAME`.
#[doc(inline)]
pub use crate::__testing_queue as queue;
