#![deny(warnings)]

use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

#[activity(prefix = "snake-case")]
pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

fn main() {
    // The package name never leaks into a name once a prefix is given.
    assert!(env!("CARGO_PKG_NAME").contains('_'));
    assert_eq!(provision_vm::NAME, "snake-case::activity::provision-vm");
}
