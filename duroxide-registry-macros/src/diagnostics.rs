//! A small error accumulator.
//!
//! Every check pushes into one [`Diagnostics`] instead of returning early, so a user sees all
//! the problems of an item in one build, the way serde's `Ctxt` and darling's `Accumulator` do.

use proc_macro2::TokenStream;
use std::fmt::Display;

#[derive(Default)]
pub(crate) struct Diagnostics {
    errors: Option<syn::Error>,
    count: usize,
}

impl Diagnostics {
    pub(crate) fn push(&mut self, error: syn::Error) {
        self.count += 1;
        match &mut self.errors {
            Some(all) => all.combine(error),
            None => self.errors = Some(error),
        }
    }

    pub(crate) fn error(&mut self, tokens: impl quote::ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    pub(crate) fn error_at(&mut self, span: proc_macro2::Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// How many problems have been pushed so far; comparing two counts tells whether a step
    /// found any.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// Appends every collected error to `output` as `compile_error!` invocations.
    pub(crate) fn emit_into(self, output: &mut TokenStream) {
        if let Some(errors) = self.errors {
            output.extend(errors.into_compile_error());
        }
    }
}
