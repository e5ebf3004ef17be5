//! What a companion tells `registry!` about its item, defined once.
//!
//! Macro invocations share nothing, so `registry!` never sees the items it lists: it reads each
//! one from its companion, through two hidden items every companion defines:
//!
//! - `__FACTS`, a [`Facts`]: integers and flags only, what `registry!`'s checks compare in const
//!   evaluation. `registry!` reads them once per entry, into its table of [`Row`]s, which the
//!   checks, the lock's checks and the `names` module's family checks read.
//! - `__INFO`, an [`Info`]: the strings and the registration that the registries, the inventory
//!   and `registry_lock()` use at run time. `registry!` reads them in the function that collects
//!   its [`Infos`], which only run-time code calls, so that they are never evaluated by a
//!   `cargo check`. (Strings in a const the checks evaluate are a large part of a check's cost:
//!   `docs/performance-history.md`, "Ninth round".)
//!
//! An activity with a `#[config]` parameter also defines `__register_with_config`, which a
//! registry with a configuration calls.
//!
//! # How an entry is read
//!
//! ```text
//! {
//!     use ::duroxide_registry_macros::__private::NOT_ANNOTATED as __FACTS;
//!     ...
//!     Row { path: 0, text: "activities::provision_vm", facts: {
//!         use activities::provision_vm::*;
//!         __FACTS
//!     } }
//! }
//! ```
//!
//! The glob brings the companion's own `__FACTS`, which shadows the fallback of the outer block.
//! A module that is not a companion (the pattern's hand-written `provision_vm.rs`, say) has
//! none, so the fallback is read instead: facts that say so, which `registry!`'s check of the
//! entry reports, at the entry, naming it and saying what to annotate. A plain function without
//! its attribute is no module: the glob itself is then an error too. Every other read of an
//! entry has a fallback of its own, which adds nothing, so that one read reports.

use duroxide::runtime::registry::{ActivityRegistryBuilder, OrchestrationRegistryBuilder};
use std::sync::Arc;

/// What `registry!`'s checks compare about an entry: integers and flags only, so that const
/// evaluation compares names and prefixes in one step instead of byte by byte, and reads no
/// reference.
///
/// The fingerprints are 128 bits: equal values always give equal fingerprints, and two
/// different ones share one with a chance of 2^-128. Every fingerprint a registry compares comes
/// from the macros of one build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// Fingerprint of what makes two registrations collide: the name, and for orchestrations
    /// the version.
    pub identity: u128,
    /// Fingerprint of the full name alone, which the versions of one orchestration share.
    pub name: u128,
    /// Whether the item is an orchestration.
    pub orchestration: bool,
    /// Fingerprint of the crate prefix.
    pub prefix: u128,
    /// Whether the activity takes a `#[config]` parameter.
    pub needs_config: bool,
    /// What the entry is: an annotated definition, a declaration, or no companion at all.
    pub annotation: Annotation,
}

/// What a `registry!` entry is, by what its companion says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Annotation {
    /// No companion: a module whose function was never annotated ([`NOT_ANNOTATED`]'s facts).
    Missing,
    /// An annotated function with a body, which the crate registers.
    Definition,
    /// A declaration: a signature without a body, for work implemented elsewhere, which this
    /// crate can name and call but not register.
    Declaration,
}

impl Annotation {
    /// Whether the entry has a companion at all.
    #[must_use]
    pub const fn is_annotated(self) -> bool {
        !matches!(self, Annotation::Missing)
    }

    /// Whether the entry is a declaration.
    #[must_use]
    pub const fn is_declaration(self) -> bool {
        matches!(self, Annotation::Declaration)
    }
}

/// The facts of an entry whose module is no companion.
pub const NOT_ANNOTATED: Facts = Facts {
    identity: 0,
    name: 0,
    orchestration: false,
    prefix: 0,
    needs_config: false,
    annotation: Annotation::Missing,
};

/// What the registries, the inventory and the lock read about an item, at run time.
#[derive(Clone, Copy)]
pub struct Info {
    /// The full name, `{crate}::{kind}::{name}`.
    pub name: &'static str,
    /// The first paragraph of the function's doc comment, or the `description` argument.
    pub description: &'static str,
    /// The input type, as written in the signature.
    pub input_type: &'static str,
    /// The output type, as written in the signature.
    pub output_type: &'static str,
    /// The version it is registered at (`1.0.0` for activities).
    pub version: &'static str,
    /// The version as a key whose byte order is semver's order.
    pub version_key: &'static [u8],
    /// Whether the item is an orchestration.
    pub orchestration: bool,
    /// An activity's `IDEMPOTENT`.
    pub idempotent: bool,
    /// An activity's declared retry and timeout defaults, in words; `None` without any.
    pub retry: Option<&'static str>,
    /// An orchestration's `ACTIVITIES_USED`.
    pub uses: &'static [&'static str],
    /// How a registry without a configuration registers it.
    pub register: Register,
    /// An orchestration's declared events, queues and KV keys.
    pub interface: &'static [Declared],
    /// An orchestration's declared custom status type, as written.
    pub status: Option<&'static str>,
}

/// One event, queue or KV key an orchestration declares.
#[derive(Clone, Copy, Debug)]
pub struct Declared {
    /// Which kind of item it is.
    pub channel: Channel,
    /// The key as declared.
    pub key: &'static str,
    /// The wire name.
    pub wire: &'static str,
    /// The payload type, as written.
    pub payload_type: &'static str,
}

/// A kind of declared item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// `events(..)`.
    Event,
    /// `queues(..)`.
    Queue,
    /// `kv(..)`.
    Kv,
}

/// The `NAME` an entry whose module is no companion (and has no `NAME` of its own) has, for
/// `registry!`'s `names` module and family checks: the build fails on its facts.
pub const NO_NAME: &str = "";

/// The run-time side of an entry whose module is no companion (the build fails on its facts).
pub const NOT_ANNOTATED_INFO: Info = Info {
    name: "",
    description: "",
    input_type: "",
    output_type: "",
    version: "",
    version_key: &[],
    orchestration: false,
    idempotent: false,
    retry: None,
    uses: &[],
    register: Register::Nothing,
    interface: &[],
    status: None,
};

/// The fingerprints of what an entry that declares no event, queue or KV key declares: none.
pub const NO_INTERFACE: &[u128] = &[];

/// The registration of an entry in a registry without a configuration.
#[derive(Clone, Copy)]
pub enum Register {
    /// An activity: `builder.register_typed(NAME, function)`.
    Activity(fn(ActivityRegistryBuilder) -> ActivityRegistryBuilder),
    /// An orchestration, at its version.
    Orchestration(fn(OrchestrationRegistryBuilder) -> OrchestrationRegistryBuilder),
    /// Nothing: an activity that takes a `#[config]` parameter, which only
    /// `__register_with_config` registers, or an item whose signature has errors of its own.
    Nothing,
}

/// What a registry with a configuration finds for an entry that has no
/// `__register_with_config` (an activity without a `#[config]` parameter, or an entry that is
/// no companion): nothing to register. An activity whose configuration is of another type than
/// the registry's is a type mismatch at the entry.
#[inline]
#[must_use]
pub fn not_configured<C>(builder: ActivityRegistryBuilder, _: &Arc<C>) -> ActivityRegistryBuilder {
    builder
}

/// One entry of a `registry!` list: its path id (equal for entries with equal paths), its path
/// as written, and its companion's facts.
#[derive(Clone, Copy)]
pub struct Row {
    /// A number per distinct path as written: what finds an entry's row when `#[cfg]`s remove
    /// rows before it.
    pub path: usize,
    /// The path as written, for messages.
    pub text: &'static str,
    /// What the companion says.
    pub facts: Facts,
}

/// The table `registry!` generates for its checks: every entry of every list, in list order,
/// minus those its `#[cfg]`s remove.
pub struct Lists {
    /// The `orchestrations` list.
    pub orchestrations: &'static [Row],
    /// The `activities` list.
    pub activities: &'static [Row],
    /// The `by_hand` list: declarations of this crate's items that it still registers by hand.
    pub by_hand: &'static [Row],
    /// The `external` list: declarations of items implemented elsewhere.
    pub external: &'static [Row],
}

impl Lists {
    /// The list of orchestrations, or of activities.
    #[must_use]
    pub const fn list(&self, orchestrations: bool) -> &'static [Row] {
        if orchestrations {
            self.orchestrations
        } else {
            self.activities
        }
    }
}

/// What `registry!` reads at run time: every entry's [`Info`], in the order and under the
/// `#[cfg]`s of the table. Static data, which the registries and the inventory iterate without
/// copying it.
pub struct Infos {
    /// The `orchestrations` list.
    pub orchestrations: &'static [Info],
    /// The `activities` list.
    pub activities: &'static [Info],
    /// The `by_hand` list.
    pub by_hand: &'static [Info],
    /// The `external` list.
    pub external: &'static [Info],
}
