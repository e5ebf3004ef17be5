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
        "Provisioning VM {} ({}) in {}",
        input.name, input.size, input.region
    ));
    // The simulated cloud derives everything from the request, so a retry finds the same VM.
    let octet = input.name.bytes().map(u32::from).sum::<u32>() % 250 + 4;
    Ok(ProvisionVmOutput {
        vm_id: format!("vm-{}-{}", input.region, input.name),
        ip_address: format!("10.0.0.{octet}"),
    })
}
