//! A small error accumulator, in the manner of serde's `Ctxt`.
//!
//! Every check pushes into one [`Diagnostics`] instead of returning early, so a user sees all
//! the problems of an item in one build. The errors must be checked out explicitly, with
//! [`Diagnostics::into_compile_errors`]: dropping a `Diagnostics` that was never checked out
//! would lose errors silently, so in this crate's tests it panics. A user's build never does: a
//! macro must not panic, and the unit and property tests run every path that creates one.

use proc_macro2::{Span, TokenStream};
use std::fmt::Display;

pub(crate) struct Diagnostics {
    /// `None` once checked out.
    errors: Option<Vec<syn::Error>>,
}

impl Diagnostics {
    pub(crate) fn new() -> Self {
        Diagnostics {
            errors: Some(Vec::new()),
        }
    }

    pub(crate) fn push(&mut self, error: syn::Error) {
        if let Some(errors) = &mut self.errors {
            errors.push(error);
        }
    }

    pub(crate) fn error(&mut self, tokens: impl quote::ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    pub(crate) fn error_at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Moves every error of `other` into this one, checking `other` out.
    pub(crate) fn append(&mut self, mut other: Diagnostics) {
        for error in other.errors.take().unwrap_or_default() {
            self.push(error);
        }
    }

    /// Checks the errors out and drops them: for problems that matter only in a configuration
    /// this expansion does not generate.
    pub(crate) fn discard(mut self) {
        self.errors = None;
    }

    /// Checks the errors out, as one `compile_error!` invocation each, at its own span.
    pub(crate) fn into_compile_errors(mut self) -> TokenStream {
        self.errors
            .take()
            .unwrap_or_default()
            .into_iter()
            .map(syn::Error::into_compile_error)
            .collect()
    }

    /// Checks the errors out as one `syn::Error` holding them all, or `value` when there are
    /// none: for a parser that reports every problem of its input but returns a `syn::Result`.
    pub(crate) fn into_result<T>(mut self, value: T) -> syn::Result<T> {
        let mut errors = self.errors.take().unwrap_or_default().into_iter();
        match errors.next() {
            None => Ok(value),
            Some(mut first) => {
                first.extend(errors);
                Err(first)
            }
        }
    }

    /// Whether any error was pushed.
    pub(crate) fn has_errors(&self) -> bool {
        self.errors
            .as_ref()
            .is_some_and(|errors| !errors.is_empty())
    }

    /// Checks the errors out as their messages, for tests.
    #[cfg(test)]
    pub(crate) fn into_messages(mut self) -> Vec<String> {
        let errors = self.errors.take().unwrap_or_default();
        errors.iter().map(ToString::to_string).collect()
    }
}

impl Drop for Diagnostics {
    fn drop(&mut self) {
        #[cfg(test)]
        if self.errors.is_some() && !std::thread::panicking() {
            panic!("a Diagnostics was dropped without its errors being checked out");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Diagnostics;
    use proc_macro2::Span;

    #[test]
    fn every_error_becomes_a_compile_error_in_order() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.error_at(Span::call_site(), "first");
        diagnostics.error(quote::quote!(x), "second");
        let errors = diagnostics.into_compile_errors().to_string();
        let (first, second) = (errors.find("first"), errors.find("second"));
        assert!(first.is_some() && first < second, "{errors}");
    }

    #[test]
    fn errors_check_out_as_one_result() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.error_at(Span::call_site(), "first");
        diagnostics.error_at(Span::call_site(), "second");
        let messages: Vec<String> = diagnostics
            .into_result(())
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages, ["first", "second"]);
        assert_eq!(Diagnostics::new().into_result(7).unwrap(), 7);
    }

    #[test]
    fn no_errors_check_out_as_nothing() {
        assert!(Diagnostics::new().into_compile_errors().is_empty());
    }

    #[test]
    #[should_panic(expected = "without its errors being checked out")]
    fn forgetting_to_check_out_panics_in_tests() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.error_at(Span::call_site(), "lost");
    }
}
