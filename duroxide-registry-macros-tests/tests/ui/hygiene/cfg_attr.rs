#![deny(warnings)]
//! `#[cfg_attr(predicate, attribute)]` on the function, the usual way to add an attribute under
//! a feature (`#[cfg_attr(feature = "tracing", tracing::instrument)]`). The attribute belongs to
//! the function alone: `#[inline]` or `#[must_use]` landing on the companion module would be an
//! error or a warning, and a copied `#[expect]` would be unfulfilled. rustc expands `cfg_attr`
//! before it calls the attribute macro, so this holds whatever the macro does with the
//! `cfg_attr`s it is handed; the case guards it. A `cfg` produced by a `cfg_attr` must still
//! remove the companion along with the function.

use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};

/// Inline in release.
#[activity("attrs")]
#[cfg_attr(all(), inline)]
pub async fn inlined(_ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n)
}

/// Must use.
#[activity("attrs")]
#[cfg_attr(all(), must_use = "a future does nothing unless awaited")]
pub async fn used(_ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n)
}

/// Expect.
#[activity("attrs")]
#[cfg_attr(all(), expect(unused_variables))]
pub async fn expects(ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n)
}

/// A cfg inside cfg_attr still removes the companion with the function.
#[activity("attrs")]
#[cfg_attr(all(), cfg(any()))]
pub async fn gone(_ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n)
}

registry! {
    activities: [inlined, used, expects, #[cfg(any())] gone],
}

fn main() {
    assert_eq!(create_activity_registry().count(), 3);
    assert_eq!(list_activities().len(), 3);
    assert_eq!(inlined::NAME, "attrs::activity::inlined");
}
