#![deny(warnings)]
//! A deprecated activity: the user's own calls to it warn, as they should, but the code the
//! macros generate to register and wrap it must not.
//!
//! PENDING, macro bug: the companion's `activity` wrapper and `__register_activity` call
//! `super::legacy`, so rustc reports `use of deprecated function `legacy`` on the
//! `#[activity]` line (the same for an orchestration); a user who deprecates an activity
//! while keeping it registered for in-flight histories, which is exactly what duroxide's
//! replay needs, cannot build under `deny(warnings)`. Fix: add `deprecated` to the companion
//! module's `#[allow(...)]` list in companion.rs (`module`).

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

/// Old.
#[activity("old")]
#[deprecated(note = "use something else")]
pub async fn legacy(_ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n)
}

registry! {
    activities: [legacy],
}

fn main() {
    assert_eq!(legacy::NAME, "old::activity::legacy");
    assert!(create_activity_registry().has(legacy::NAME));
    assert_eq!(list_activities()[0].description, "Old.");
}
