//! An edition-2024 user crate of the duroxide registry macros.
//!
//! It is documented and linted the way a published library would be, so that `cargo doc` with
//! `RUSTDOCFLAGS=-D warnings` and `cargo clippy -- -D warnings -D clippy::pedantic` check the
//! generated code (companion modules, `registry!` output, their rustdoc and intra-doc links)
//! as seen from a user's crate. `tests/edition2024.rs` asserts the generated values.
#![forbid(unsafe_code)]
#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    clippy::pedantic,
    missing_debug_implementations,
    rust_2018_idioms,
    rustdoc::all
)]

use serde::{Deserialize, Serialize};

/// A virtual machine request.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct VmRequest {
    /// The VM's name.
    pub name: String,
    /// Its size in cores.
    pub cores: u8,
}

/// A provisioned virtual machine.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Vm {
    /// The id the cloud gave it.
    pub id: String,
}

/// The activities of this crate.
pub mod activities {
    use super::{Vm, VmRequest};
    use duroxide::ActivityContext;
    use duroxide_registry_macros::activity;

    /// Provisions a VM.
    ///
    /// Idempotent: provisioning the same name twice returns the same VM.
    ///
    /// # Errors
    ///
    /// When the request asks for no cores.
    #[activity(idempotent)]
    pub async fn provision_vm(_ctx: ActivityContext, request: VmRequest) -> Result<Vm, String> {
        if request.cores == 0 {
            return Err("a VM needs at least one core".to_owned());
        }
        Ok(Vm {
            id: format!("vm-{}", request.name),
        })
    }

    /// Deletes a VM.
    ///
    /// # Errors
    ///
    /// Never.
    #[activity(name = "delete-vm", description = "Deletes a VM by id")]
    pub async fn delete(_ctx: ActivityContext, vm: Vm) -> Result<(), String> {
        drop(vm);
        Ok(())
    }

    /// `gen` is a reserved keyword from edition 2024 on, so the function is `r#gen`.
    ///
    /// # Errors
    ///
    /// Never.
    #[activity]
    pub async fn r#gen(_ctx: ActivityContext, seed: u64) -> Result<u64, String> {
        Ok(seed.wrapping_mul(6_364_136_223_846_793_005))
    }

    /// Crate-internal: registered, but not part of the public API.
    #[activity]
    pub(crate) async fn audit(_ctx: ActivityContext, line: String) -> Result<usize, String> {
        Ok(line.len())
    }
}

/// The orchestrations of this crate.
pub mod orchestrations {
    use super::{Vm, VmRequest};
    use crate::activities;
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::orchestration;

    /// Provisions a VM, first version.
    ///
    /// # Errors
    ///
    /// The activity's error.
    #[orchestration(name = "provision")]
    pub async fn provision_v1(ctx: OrchestrationContext, request: VmRequest) -> Result<Vm, String> {
        activities::provision_vm::call(&ctx, &request).await
    }

    /// Provisions a VM and audits it, second version.
    ///
    /// # Errors
    ///
    /// An activity's error.
    #[orchestration(name = "provision", version = "2.0.0")]
    pub async fn provision_v2(ctx: OrchestrationContext, request: VmRequest) -> Result<Vm, String> {
        let vm = activities::provision_vm::call(&ctx, &request).await?;
        activities::audit::call(&ctx, &vm.id).await?;
        Ok(vm)
    }

    /// Replaces a VM: calls `provision` (v2) as a sub-orchestration, then deletes the old one.
    ///
    /// # Errors
    ///
    /// A step's error.
    #[orchestration]
    pub async fn replace(ctx: OrchestrationContext, request: VmRequest) -> Result<Vm, String> {
        let vm = provision_v2::call(&ctx, &request).await?;
        activities::delete::call(&ctx, &vm).await?;
        Ok(vm)
    }
}

mod internal {
    use duroxide::ActivityContext;
    use duroxide_registry_macros::{activity, registry};

    /// Private to the crate, in a private module with its own registry.
    #[activity]
    pub(crate) async fn tick(_ctx: ActivityContext, n: u32) -> Result<u32, String> {
        Ok(n + 1)
    }

    registry! {
        names: names,
        activities: [tick],
    }
}

/// The internal registry, merged by the caller.
#[must_use]
pub fn internal_activities() -> duroxide::runtime::registry::ActivityRegistry {
    internal::create_activity_registry()
}

/// The internal inventory.
#[must_use]
pub fn internal_inventory() -> Vec<&'static str> {
    let _ = internal::names::activities::TICK;
    internal::list_activities()
        .iter()
        .map(|info| info.name)
        .collect()
}

duroxide_registry_macros::registry! {
    names: names,
    orchestrations: [
        orchestrations::provision_v2,
        orchestrations::provision_v1 as PROVISION_V1,
        orchestrations::replace,
    ],
    activities: [
        activities::provision_vm,
        activities::delete,
        activities::r#gen,
        activities::audit,
    ],
}
