//! The pipeline of `#[activity]` and `#[orchestration]`: parse the function, resolve it into an
//! [`Item`](crate::item::Item), check it, and generate its companion beside the untouched
//! function. Anything that is not a function goes to the fallback.

use crate::diagnostics::Diagnostics;
use crate::item::Kind;
use crate::{companion, fallback, resolve, rules, signature};
use proc_macro2::TokenStream;

/// Expands one attribute. Never fails: problems become `compile_error!`s next to the function
/// and as much of its companion as can be built, so that nothing else cascades from them.
pub(crate) fn attribute(kind: Kind, args: TokenStream, input: TokenStream) -> TokenStream {
    let function = match signature::parse(input.clone()) {
        Ok(function) => function,
        Err(_) => return fallback::not_a_function(kind, input),
    };
    let mut diagnostics = Diagnostics::new();
    let item = resolve::item(kind, args, function, &mut diagnostics);
    rules::check(&item, &mut diagnostics);
    let mut output = companion::generate(&item);
    output.extend(diagnostics.into_compile_errors());
    output
}
