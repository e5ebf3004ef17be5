#![doc = include_str!("../README.md")]

mod activity;
mod args;
mod companion;
mod diagnostics;
mod item;
mod meta;
mod naming;
#[cfg(test)]
mod no_panic_tests;
mod orchestration;
mod registry;
mod scope;
mod signature;
mod text;
mod usage;
mod version;

use proc_macro::TokenStream;

/// Declares an activity: the function stays as written, and a companion module of the same
/// name and visibility holds `NAME`, `Input`, `Output`, `IDEMPOTENT`, `DESCRIPTION`,
/// `activity` and the typed helpers `call`, `call_with_retry` and `call_on_session`.
///
/// See the crate documentation and `docs/reference.md`.
#[proc_macro_attribute]
pub fn activity(args: TokenStream, item: TokenStream) -> TokenStream {
    companion::expand(args::Kind::Activity, args.into(), item.into()).into()
}

/// Declares an orchestration: the function stays as written, and a companion module of the
/// same name and visibility holds `NAME`, `VERSION`, `Input`, `Output`, `DESCRIPTION`,
/// `ACTIVITIES_USED` and the typed helpers `call`, `call_with_id`, `start` and `wait`.
///
/// See the crate documentation and `docs/reference.md`.
#[proc_macro_attribute]
pub fn orchestration(args: TokenStream, item: TokenStream) -> TokenStream {
    companion::expand(args::Kind::Orchestration, args.into(), item.into()).into()
}

/// Generates `create_orchestration_registry()`, `create_activity_registry()`, the inventory
/// (`list_orchestrations()`, `list_activities()` and their info structs) and, on request, a
/// `names` module, checking the whole list at compile time.
///
/// See the crate documentation and `docs/reference.md`.
#[proc_macro]
pub fn registry(input: TokenStream) -> TokenStream {
    registry::expand(input.into()).into()
}
