// Retry and timeout defaults are checked where they are written: every problem, each at its
// token, all reported together.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

#[activity(retry(attempts = 0))]
pub async fn no_attempts(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(retry(attempts = 3, backoff = fixed(delay = "2 minutes")), timeout = "0s")]
pub async fn bad_durations(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(retry(attempts = 3, backoff = exponential(initial = "1m", factor = 0.5, max = "30s")))]
pub async fn shrinking(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(retry(attempts = 3, backoff = linear(base = "1m", max = "30s")))]
pub async fn cap_below_base(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(retry(tries = 3, backoff = jittered(base = "1s")))]
pub async fn unknown_keys(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(retry(attempts = 3, backoff = exponential(initial = "100ms", maximum = "30s")))]
pub async fn missing_factor(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(retry(backoff = none))]
pub async fn missing_attempts(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

fn main() {}
