// Only the macro errors matter here; an unused import would add noise.
#![allow(unused_imports)]

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

/// Two-factor check: `_2fa` in SHOUTY_SNAKE_CASE is `2FA`, which is no identifier.
#[activity("auth")]
pub async fn _2fa(_ctx: ActivityContext, code: u32) -> Result<bool, String> {
    Ok(code == 42)
}

/// With an alias, the constant has a name.
#[activity("auth")]
pub async fn _3ds(_ctx: ActivityContext, code: u32) -> Result<bool, String> {
    Ok(code == 7)
}

registry! {
    names: names,
    activities: [_2fa, _3ds as THREE_D_SECURE],
}

fn main() {}
