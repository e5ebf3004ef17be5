//! A fleet crate midway through its migration onto `duroxide-registry-macros`, item by item,
//! with the registry lock on from the first step (`docs/migrating.md`, "Migrating item by
//! item").
//!
//! - `provision-vm` and `create-instance` are migrated: annotated, and registered by
//!   `registry!`.
//! - `notify-owner` is not yet: [`activities::notify_owner`] is still the pattern's hand-written
//!   file (`NAME` and `activity`), registered by hand in [`registry::create_activity_registry`]
//!   through `.merge()`. [`by_hand::notify_owner`] declares it with this crate's prefix, which
//!   gives the migrated orchestration its typed `call`, and `registry!` lists the declaration
//!   under `by_hand`: it satisfies its line of `registry.lock`, and the generated
//!   [`registry::verify_by_hand`] checks, in `tests/item_by_item.rs`, that the registries the
//!   crate builds do register it.
//!
//! Migrating `notify-owner` is then the layout's usual step (annotate the function in place,
//! delete the hand-written `NAME`), plus three deletions: the declaration, its `by_hand` entry
//! and the hand-written registration; the entry moves to `activities`.

pub mod activities;
pub mod activity_types;
pub mod by_hand;
pub mod orchestrations;
pub mod registry;
pub mod types;

pub use activity_types::*;
pub use types::*;
