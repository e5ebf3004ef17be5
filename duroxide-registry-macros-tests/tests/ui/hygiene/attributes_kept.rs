#![deny(warnings)]
//! Attributes on the function are kept on the function, and only there.
//!
//! - `#[expect(unused_variables)]` on a function with an unused parameter: dropping it would
//!   warn `unused_variables`, copying it onto generated code would warn
//!   `unfulfilled_lint_expectations`; `deny(warnings)` turns either into a failure.
//! - `#[allow(...)]`, `#[must_use = ".."]`, `#[inline]`, `#[doc(alias)]`, line, block and attribute doc
//!   comments.
//! - `#[rustfmt::skip]`, a path attribute of the same shape as `#[tracing::instrument]`. A
//!   real `#[tracing::instrument]` is an attribute macro that hands the function back rewritten
//!   but with the same signature; `#[activity]` treats every non-cfg attribute alike (re-emits
//!   it on the function, untouched), so an inert path attribute exercises the same code path
//!   without adding a tracing dependency.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

/// Kept attributes, above the macro.
///
/// Second paragraph.
#[allow(clippy::unused_async)]
#[must_use = "a future does nothing unless awaited"]
#[activity("attrs")]
#[expect(unused_variables)]
#[inline]
#[doc(alias = "keeper")]
#[rustfmt::skip]
pub async fn keep(ctx: ActivityContext, n: u8) -> Result<u8, String> {
    let unused = 1_u8;
    Ok(n)
}

#[doc = "Written as an attribute,"]
#[doc = "over two lines."]
#[activity("attrs", idempotent = false)]
#[allow(unused_mut)]
pub async fn attr_doc(_ctx: ActivityContext, mut n: u8) -> Result<u8, String> {
    Ok(n)
}

/** A block doc comment
on two lines.

Not in the description. */
#[orchestration("attrs")]
#[allow(clippy::too_many_lines, reason = "kept on the function only")]
pub async fn flow(ctx: OrchestrationContext, n: u8) -> Result<u8, String> {
    let kept = keep::call(&ctx, &n).await?;
    attr_doc::call(&ctx, &kept).await
}

registry! {
    orchestrations: [flow],
    activities: [keep, attr_doc],
}

fn main() {
    assert_eq!(keep::DESCRIPTION, "Kept attributes, above the macro.");
    assert_eq!(
        attr_doc::DESCRIPTION,
        "Written as an attribute, over two lines."
    );
    assert_eq!(flow::DESCRIPTION, "A block doc comment on two lines.");
    assert_eq!(flow::ACTIVITIES_USED, [keep::NAME, attr_doc::NAME]);
    assert_eq!((keep::IDEMPOTENT, attr_doc::IDEMPOTENT), (false, false));
    let descriptions: Vec<&str> = list_activities().iter().map(|a| a.description).collect();
    assert_eq!(descriptions, [keep::DESCRIPTION, attr_doc::DESCRIPTION]);
    assert_eq!(list_orchestrations()[0].description, flow::DESCRIPTION);
    assert_eq!(create_activity_registry().count(), 2);
    assert!(create_orchestration_registry().has(flow::NAME));
}
