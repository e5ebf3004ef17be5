#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

/// Declares an activity: the function stays as written, and a companion module of the same
/// name and visibility holds `NAME`, `Input`, `Output`, `IDEMPOTENT`, `DESCRIPTION`,
/// `activity` and the typed helpers `call`, `call_with_retry` and `call_on_session`.
///
/// See the crate documentation and `docs/reference.md`.
pub use duroxide_registry_macros_impl::activity;

/// Declares an orchestration: the function stays as written, and a companion module of the
/// same name and visibility holds `NAME`, `VERSION`, `Input`, `Output`, `DESCRIPTION`,
/// `ACTIVITIES_USED` and the typed helpers `call`, `call_with_id`, `start` and `wait`.
///
/// See the crate documentation and `docs/reference.md`.
pub use duroxide_registry_macros_impl::orchestration;

/// Generates `create_orchestration_registry()`, `create_activity_registry()`, the inventory
/// (`list_orchestrations()`, `list_activities()`) and, on request, a `names` module, a registry
/// lock and a replay check, checking the whole list at compile time.
///
/// See the crate documentation and `docs/reference.md`.
pub use duroxide_registry_macros_impl::registry;

pub mod interface;
pub mod inventory;
pub mod replay;
#[cfg(feature = "testing")]
pub mod testing;

#[doc(hidden)]
pub mod __private;
