//! Hygiene suite: every case under `tests/ui/hygiene/` must compile with no warnings (each
//! starts with `#![deny(warnings)]`) and its `main` must pass, which asserts the values the
//! macros generated.
//!
//! The cases compile here as edition-2021 binaries (this crate's edition). The workspace member
//! `duroxide-registry-macros-tests/edition2024` compiles the very same files as edition-2024 test
//! targets, where `cargo clippy` and `cargo test` reach them as well.

#[test]
fn hygiene() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/hygiene/*.rs");
}
