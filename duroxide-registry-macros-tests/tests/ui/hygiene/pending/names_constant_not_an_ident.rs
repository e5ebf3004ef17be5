#![deny(warnings)]
//! Functions whose names turn into no identifier in SHOUTY_SNAKE_CASE, listed in a `registry!`
//! that asks for a `names` module.
//!
//! PENDING, macro bug (a panic): `registry.rs`, `names_module`, builds each constant's name with
//! `format_ident!("{}", last_segment.to_shouty_snake_case())`. For `_2fa` that is `2FA` (a
//! number), for `__` it is empty, and `proc_macro2::Ident::new` panics: "proc macro panicked:
//! Ident cannot be a number; use Literal instead". Found by
//! `duroxide-registry-macros/src/no_panic_tests.rs` (`NO_PANIC_STRICT=1`). Proposed fix: check
//! the computed name with `syn::parse_str::<Ident>` (or prefix a digit-leading one with `_`,
//! giving `_2FA`), and when it is not an identifier, report at the path: ``no constant name
//! for `_2fa` in `names`; give it one with `_2fa as TWO_FACTOR` ``, without emitting the
//! constant.

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

/// Two-factor check.
#[activity("auth")]
pub async fn _2fa(_ctx: ActivityContext, code: u32) -> Result<bool, String> {
    Ok(code == 42)
}

/// Internal.
#[activity("auth", name = "internal")]
pub async fn __(_ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n)
}

registry! {
    names: names,
    activities: [_2fa, __],
}

fn main() {
    assert_eq!(_2fa::NAME, "auth::activity::2fa");
    assert_eq!(create_activity_registry().count(), 2);
}
