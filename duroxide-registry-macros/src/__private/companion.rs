//! What a companion tells `registry!` about its item, defined once.
//!
//! Macro invocations share nothing, so `registry!` never sees the items it lists: it reads each
//! one from its companion, through the [`Companion`] trait. Every companion implements [`Item`]
//! on a private marker type and names `Annotated<marker>`, a [`Companion`], as its hidden
//! `__Companion`. `registry!` reads every entry once, into its table of [`Row`]s; every registry,
//! inventory, check and constant it generates reads that table.
//!
//! # The one read of an entry
//!
//! ```text
//! {
//!     use ::duroxide_registry_macros::__private::NotAnnotated as __Companion;
//!     ...
//!     Row { path: 0, text: "activities::provision_vm", entry: {
//!         use activities::provision_vm::*;
//!         <__Companion as Companion>::ENTRY
//!     } }
//! }
//! ```
//!
//! The glob brings the companion's own `__Companion`, which shadows the fallback of the outer
//! block. A module that is not a companion (the pattern's hand-written `provision_vm.rs`, say)
//! has none, so the fallback, [`NotAnnotated`], is read instead: an entry whose facts say so,
//! which `registry!`'s check of the entry reports, at the entry, naming it and saying what to
//! annotate. (A trait error could say so too, but rustc reports one unmet bound of a body once,
//! so a second entry that is not annotated would go unreported.) A plain function without its
//! attribute is no module: the glob itself is then the one error. Everything else reads the
//! table, not the companion again, so nothing cascades.

use duroxide::runtime::registry::{ActivityRegistryBuilder, OrchestrationRegistryBuilder};
use std::sync::Arc;

/// Everything `registry!` reads about one item.
#[derive(Clone, Copy)]
pub struct Entry {
    /// The full name, `{crate}::{kind}::{name}`.
    pub name: &'static str,
    /// The first paragraph of the function's doc comment, or the `description` argument.
    pub description: &'static str,
    /// What the checks compare.
    pub facts: Facts,
    /// The input type, as written in the signature.
    pub input_type: &'static str,
    /// The output type, as written in the signature.
    pub output_type: &'static str,
    /// The version it is registered at (`1.0.0` for activities).
    pub version: &'static str,
    /// The version as a key whose byte order is semver's order.
    pub version_key: &'static [u8],
    /// An activity's `IDEMPOTENT`.
    pub idempotent: bool,
    /// An orchestration's `ACTIVITIES_USED`.
    pub uses: &'static [&'static str],
    /// How a registry without a configuration registers it.
    pub register: Register,
}

/// The registration of an entry in a registry without a configuration.
#[derive(Clone, Copy)]
pub enum Register {
    /// An activity: `builder.register_typed(NAME, function)`.
    Activity(fn(ActivityRegistryBuilder) -> ActivityRegistryBuilder),
    /// An orchestration, at its version.
    Orchestration(fn(OrchestrationRegistryBuilder) -> OrchestrationRegistryBuilder),
    /// Nothing: an activity that takes a `#[config]` parameter, which only its configured slot
    /// registers, or an item whose signature has errors of its own.
    Nothing,
}

/// What `registry!`'s checks compare about an entry: integers and flags only, so that const
/// evaluation compares names and prefixes in one step instead of byte by byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// Fingerprint of what makes two registrations collide: the name, and for orchestrations
    /// the version. Equal identities always have equal fingerprints; two different ones share
    /// one with a chance of 2^-128. Every fingerprint a registry compares comes from the macros
    /// of one build.
    pub identity: u128,
    /// Whether the item is an orchestration.
    pub orchestration: bool,
    /// Fingerprint of the crate prefix.
    pub prefix: u128,
    /// Whether the activity takes a `#[config]` parameter.
    pub needs_config: bool,
    /// Whether the entry is an annotated item at all; [`NotAnnotated`]'s is not.
    pub annotated: bool,
}

/// What a companion says about its item, implemented on a private marker type of the companion.
pub trait Item {
    /// The entry.
    const ENTRY: Entry;
    /// `()`, or for an activity with a `#[config]` parameter,
    /// `fn(ActivityRegistryBuilder, &Arc<C>) -> ActivityRegistryBuilder`.
    type Configured;
    /// How a registry with a configuration registers the entry; see [`Configured`].
    const CONFIGURED: Self::Configured;
}

/// A companion's `__Companion`: the [`Companion`] of its marker type `T`. Through this one
/// generic impl, a type that is no `Companion` gets an error that lists no companion types.
pub struct Annotated<T>(core::marker::PhantomData<T>, core::convert::Infallible);

#[diagnostic::do_not_recommend]
impl<T: Item> Companion for Annotated<T> {
    const ENTRY: Entry = T::ENTRY;
    type Configured = T::Configured;
    const CONFIGURED: Self::Configured = T::CONFIGURED;
}

/// What `registry!` reads of an entry's `__Companion`. Only [`Annotated`] and [`NotAnnotated`]
/// implement it; a `__Companion` that does not is another major version's.
#[diagnostic::on_unimplemented(
    message = "this registry! entry was annotated by another major version of duroxide-registry-macros",
    label = "annotated by another version",
    note = "a registry! reads only the items annotated by its own version of the crate: depend on one version of duroxide-registry-macros for both"
)]
pub trait Companion {
    /// The entry.
    const ENTRY: Entry;
    /// `()`, or for an activity with a `#[config]` parameter,
    /// `fn(ActivityRegistryBuilder, &Arc<C>) -> ActivityRegistryBuilder`.
    type Configured;
    /// How a registry with a configuration registers the entry; see [`Configured`].
    const CONFIGURED: Self::Configured;
}

/// What the read of a module that is no companion finds: an entry that says so, for the check
/// of the entry to report.
pub enum NotAnnotated {}

#[diagnostic::do_not_recommend]
impl Companion for NotAnnotated {
    const ENTRY: Entry = Entry {
        name: "",
        description: "",
        facts: Facts {
            identity: 0,
            orchestration: false,
            prefix: 0,
            needs_config: false,
            annotated: false,
        },
        input_type: "",
        output_type: "",
        version: "",
        version_key: &[],
        idempotent: false,
        uses: &[],
        register: Register::Nothing,
    };
    type Configured = ();
    const CONFIGURED: () = ();
}

/// How a registry with the configuration `C` registers an activity, by the type of the
/// activity's configured slot: `()` registers nothing (its plain registration did), and an
/// activity's `fn(builder, &Arc<C>) -> builder` registers it with `C`. A slot that takes another
/// configuration is the compile error, at the entry.
#[diagnostic::on_unimplemented(
    message = "this activity's #[config] parameter is not an `Arc<{C}>`, the configuration this registry! gives",
    label = "takes another configuration",
    note = "every #[config] activity of a registry! shares its `config: ...`; give them one configuration type, or list this activity in another registry!"
)]
pub trait Configured<C> {
    /// Registers the activity, or nothing.
    fn register(self, builder: ActivityRegistryBuilder, config: &Arc<C>)
        -> ActivityRegistryBuilder;
}

#[diagnostic::do_not_recommend]
impl<C> Configured<C> for () {
    #[inline]
    fn register(self, builder: ActivityRegistryBuilder, _: &Arc<C>) -> ActivityRegistryBuilder {
        builder
    }
}

#[diagnostic::do_not_recommend]
impl<C> Configured<C> for fn(ActivityRegistryBuilder, &Arc<C>) -> ActivityRegistryBuilder {
    #[inline]
    fn register(
        self,
        builder: ActivityRegistryBuilder,
        config: &Arc<C>,
    ) -> ActivityRegistryBuilder {
        self(builder, config)
    }
}

/// One entry of a `registry!` list: its path id (equal for entries with equal paths), its path
/// as written, and what its companion says.
#[derive(Clone, Copy)]
pub struct Row {
    /// A number per distinct path as written: what finds an entry's row when `#[cfg]`s remove
    /// rows before it.
    pub path: usize,
    /// The path as written, for messages.
    pub text: &'static str,
    /// What the companion says.
    pub entry: Entry,
}

/// The table `registry!` generates: every entry of both lists, in list order, minus those its
/// `#[cfg]`s remove.
pub struct Lists {
    /// The `orchestrations` list.
    pub orchestrations: &'static [Row],
    /// The `activities` list.
    pub activities: &'static [Row],
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
