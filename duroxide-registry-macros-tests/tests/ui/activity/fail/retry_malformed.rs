// The shapes of `retry` and `timeout` that cannot be read: each reported at its token, with
// what to write instead.
#![allow(unused_imports)]

use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

#[activity(retry = 5, timeout("2m"))]
pub async fn not_in_parentheses(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(retry(attempts = "five", backoff = exponential), timeout = 120)]
pub async fn wrong_values(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

#[activity(retry(attempts = 3, backoff = exponential(initial = "1s", factor = fast, max = "1m")))]
pub async fn factor_not_a_number(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

fn main() {}
