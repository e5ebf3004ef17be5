//! Benchmarks of `duroxide-registry-macros` against the hand-written cross-crate registry
//! pattern: what the macros cost at build time, and whether they cost anything at run time.
//!
//! - [`gen`] writes the same library twice, by hand and with the macros.
//! - [`build_cost`] times `cargo check` and `cargo build` of both, alternating.
//! - [`expand`] counts expanded lines with the nightly `-Zunpretty=expanded`.
//! - `benches/runtime.rs` compares registry creation and activity dispatch.
//! - `benches/replay.rs` times the replay check on histories of 100, 1,000 and 10,000 events.

pub mod build_cost;
pub mod expand;
pub mod gen;
pub mod measure;
pub mod stats;
pub mod workspace;
