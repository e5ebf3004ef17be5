//! Tests that need the crate's internals: the expansion functions are not reachable from outside
//! a proc-macro crate. Unit tests of one module sit at the bottom of that module; these span the
//! whole pipeline.

mod no_panic;
mod snapshots;
