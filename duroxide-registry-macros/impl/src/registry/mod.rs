//! `registry!`: parse the lists, check what can be checked on tokens alone, and generate the
//! registry functions, the inventory and the const-evaluated cross-item checks.
//!
//! Macro invocations share no state, so `registry!` never sees the items it lists. Everything it
//! knows about them comes from their companion modules, read in const evaluation: one shared
//! table per list and one assertion per entry, which keeps the generated code linear.

mod checks;
mod generate;
mod lock;
mod names;
mod parse;
mod replay;
mod table;

use crate::diagnostics::Diagnostics;

/// `registry!`'s keys, for the no-panic fuzzer.
#[cfg(test)]
pub(crate) use parse::Key;
use proc_macro2::TokenStream;

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let mut diagnostics = Diagnostics::new();
    let registry = parse::registry(input, &mut diagnostics);
    let lock = registry
        .lock
        .as_ref()
        .and_then(|literal| lock::read(literal, &mut diagnostics));
    let names = names::resolve(&registry, &mut diagnostics);
    let paths = table::PathIds::new(&registry);
    let mut output = generate::registry(&registry, &names, lock.as_ref(), &paths);
    output.extend(checks::generate(&registry, &names, lock.as_ref(), &paths));
    output.extend(diagnostics.into_compile_errors());
    output
}
