//! Holds only a UI test: see `tests/ui.rs`.
