//! Migrated: annotated in place.

use crate::activity_types::{ProvisionVmInput, ProvisionVmOutput};
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

/// Provision a VM.
#[activity(name = "provision-vm", idempotent)]
pub async fn activity(
    ctx: ActivityContext,
    input: ProvisionVmInput,
) -> Result<ProvisionVmOutput, String> {
    ctx.trace_info(format!(
        "Provisioning VM {} in {}",
        input.name, input.region
    ));
    Ok(ProvisionVmOutput {
        vm_id: format!("vm-{}-{}", input.region, input.name),
    })
}
