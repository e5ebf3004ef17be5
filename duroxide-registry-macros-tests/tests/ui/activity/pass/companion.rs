#![deny(warnings)]
//! An activity's companion module: names, types, flags, description and typed helpers.

use duroxide::{ActivityContext, DurableFuture, OrchestrationContext, RetryPolicy};
use duroxide_registry_macros::activity;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VmIn {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VmOut {
    pub id: String,
}

///
///   Provision an Azure VM
///   in a resource group.
///
/// Not part of the description.
#[activity(idempotent)]
pub async fn provision_vm(_ctx: ActivityContext, input: VmIn) -> Result<VmOut, String> {
    Ok(VmOut { id: format!("vm-{}", input.name) })
}

/// Ignored: the argument wins.
#[activity(
    "duroxide-azure-arm",
    name = "configure-firewall",
    description = "Open the ports",
    idempotent = false,
)]
pub async fn firewall(_ctx: ActivityContext, input: u16) -> Result<Vec<u16>, String> {
    Ok(vec![input])
}

#[activity(crate_prefix)]
async fn undocumented(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[activity(prefix = "other-crate", idempotent = true)]
pub(crate) async fn r#type(_ctx: ActivityContext, input: (u8, String)) -> Result<(), String> {
    let _ = input;
    Ok(())
}

fn same_type<T>(_: fn(T) -> T) {}

// Never run: it only has to type-check, proving the helpers' signatures.
#[allow(dead_code)]
async fn helpers_compose(ctx: OrchestrationContext) -> Result<Vec<VmOut>, String> {
    let input = VmIn { name: "a".into() };
    let call: fn(&OrchestrationContext, &VmIn) -> DurableFuture<Result<VmOut, String>> = provision_vm::call;
    let first = call(&ctx, &input);
    let second = provision_vm::call_on_session(&ctx, &input, "session-1");
    let joined = ctx.join(vec![first, second]).await;
    let retried = provision_vm::call_with_retry(&ctx, &input, RetryPolicy::new(3)).await?;
    let mut all: Vec<VmOut> = joined.into_iter().collect::<Result<_, _>>()?;
    all.push(retried);
    Ok(all)
}

fn main() {
    let package = env!("CARGO_PKG_NAME");
    assert_eq!(provision_vm::NAME, format!("{package}::activity::provision-vm"));
    assert_eq!(provision_vm::DESCRIPTION, "Provision an Azure VM in a resource group.");
    const { assert!(provision_vm::IDEMPOTENT) };
    same_type::<provision_vm::Input>(|x: VmIn| x);
    same_type::<provision_vm::Output>(|x: VmOut| x);

    assert_eq!(firewall::NAME, "duroxide-azure-arm::activity::configure-firewall");
    assert_eq!(firewall::DESCRIPTION, "Open the ports");
    const { assert!(!firewall::IDEMPOTENT) };
    same_type::<firewall::Output>(|x: Vec<u16>| x);

    assert_eq!(undocumented::NAME, format!("{package}::activity::undocumented"));
    assert_eq!(undocumented::DESCRIPTION, "");

    assert_eq!(r#type::NAME, "other-crate::activity::type");
    same_type::<r#type::Input>(|x: (u8, String)| x);

    // The function itself stays as written and callable.
    let _: fn(ActivityContext, VmIn) -> _ = provision_vm;
    let _: fn(ActivityContext, VmIn) -> _ = provision_vm::activity;
    // `activity` is the function, re-exported as far as the function itself is visible.
    let _: fn(ActivityContext, String) -> _ = undocumented::activity;
    let _: fn(ActivityContext, (u8, String)) -> _ = r#type::activity;
}
