//! The proc-macro crate behind [`duroxide-registry-macros`](https://docs.rs/duroxide-registry-macros):
//! depend on that crate, which re-exports these macros beside the support code their expansions
//! call. Nothing here is meant to be used on its own.

// The pipeline, from the entries down. `expand` runs the two attributes: `signature` parses the
// function (or a declaration, a signature without a body), and `resolve` builds the `item`
// model from it, calling `args` for the attribute's arguments (and `defaults` for an activity's
// retry and timeout) and `usage` for the companions the body calls; `rules` checks the item,
// `companion` generates from it, and `fallback` answers anything that is not a function. `registry` is
// `registry!`'s own pipeline. `determinism` is the guard `rules` runs on orchestration bodies.
// `naming`, `version`, `fingerprint`, `support`, `paths`, `scope`, `text` and `diagnostics` are
// leaves any stage may use.
mod args;
mod companion;
mod defaults;
mod determinism;
mod diagnostics;
mod expand;
mod fallback;
mod fingerprint;
mod item;
mod naming;
mod paths;
mod registry;
mod resolve;
mod rules;
mod scope;
mod signature;
mod support;
mod text;
mod usage;
mod version;

#[cfg(test)]
mod tests;

use item::Kind;
use proc_macro::TokenStream;

/// Declares an activity: the function stays as written, and a companion module of the same
/// name and visibility holds `NAME`, `Input`, `Output`, `IDEMPOTENT`, `DESCRIPTION`,
/// `activity` and the typed helpers `call`, `call_with_retry` and `call_on_session`.
///
/// See the crate documentation and `docs/reference.md`.
#[proc_macro_attribute]
pub fn activity(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::attribute(Kind::Activity, args.into(), item.into()).into()
}

/// Declares an orchestration: the function stays as written, and a companion module of the
/// same name and visibility holds `NAME`, `VERSION`, `Input`, `Output`, `DESCRIPTION`,
/// `ACTIVITIES_USED` and the typed helpers `call`, `call_with_id`, `start` and `wait`.
///
/// See the crate documentation and `docs/reference.md`.
#[proc_macro_attribute]
pub fn orchestration(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::attribute(Kind::Orchestration, args.into(), item.into()).into()
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
