//! `registry! { replay: replay, .. }`: a module that runs the facade's replay check
//! (`duroxide_registry_macros::replay`) with this crate's own orchestration registry, so that
//! `replay::check(json)` and `replay::capture(client, instance)` need nothing else. The logic is
//! the facade's; this is the part that names the crate's registry.

use crate::support::Support;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

pub(super) fn module(module: &Ident, support: &Support) -> TokenStream {
    let replay = support.replay();
    quote! {
        /// Replays recorded execution histories against this crate's orchestrations, to prove
        /// that an upgrade does not strand an instance in flight; see `docs/upgrading.md`.
        ///
        /// [`capture`] records the histories of an instance (and of its sub-orchestrations) as
        /// JSON; [`check`] replays such a file, or a bare list of events as
        /// `Client::read_execution_history` returns them, against the registry above.
        pub mod #module {
            #[doc(no_inline)]
            pub use #replay::{capture, Divergence, Error, Execution, Replayed, Report};

            /// Replays recorded histories against this crate's orchestrations; see
            /// `duroxide_registry_macros::replay::check`.
            ///
            /// # Errors
            ///
            /// The first execution that does not replay, or a malformed file.
            pub fn check(json: &str) -> ::core::result::Result<Report, Error> {
                #replay::check(json, &super::create_orchestration_registry())
            }
        }
    }
}
