#![deny(warnings)]
#![forbid(unused, dead_code, unused_imports, unreachable_pub)]
//! A crate that `forbid`s lints the generated code `allow`s: an `#[allow]` can't lower a
//! forbidden lint, so any such allow in the expansion becomes a hard error (E0453).
//!
//! PENDING, minor macro limitation: the companion module carries
//! `#[allow(dead_code, unreachable_pub, ...)]` and `use super::*` under
//! `#[allow(unused_imports, ...)]`, and `registry!`'s `mod __duroxide_registry` carries
//! `#[allow(dead_code)]`: E0453 "allow(dead_code) incompatible with previous forbid". (serde's
//! derive on the info structs adds `forbidden_lint_groups` warnings for `forbid(unused)` on top;
//! that part is serde's.) Forbidding these lints is rare, and the allows are there by design
//! (a companion offers helpers a crate may not use; its types resolve through the glob), so
//! the proposed fix is documentation: say in docs/reference.md that `forbid` of `dead_code`,
//! `unused_imports`, `unreachable_pub` or the `unused` group is not supported, use `deny`.

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

/// Forbidden.
#[activity("strict")]
pub async fn strict(_ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n)
}

registry! {
    activities: [strict],
}

fn main() {
    assert!(create_activity_registry().has(strict::NAME));
    assert_eq!(list_activities()[0].name, "strict::activity::strict");
}
