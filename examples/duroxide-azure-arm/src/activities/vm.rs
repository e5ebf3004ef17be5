use super::property;
use crate::activity_types::{ProvisionVMInput, ProvisionVMOutput};
use crate::errors::AzureError;
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;
use simulated_cloud::{address, provisioning_delay, Properties, SimulatedCloud};

/// Resource kind of VMs in the simulated cloud; a quota on it limits how many can exist.
pub const VM_KIND: &str = "azure/vm";

/// Provision an Azure VM, or return the existing VM of the same name.
///
/// Fails with [`AzureError::QuotaExceeded`] when the VM quota is used up.
#[activity(idempotent)]
pub async fn provision_vm(
    ctx: ActivityContext,
    input: ProvisionVMInput,
) -> Result<ProvisionVMOutput, String> {
    ctx.trace_info(format!("Provisioning VM: {}", input.name));
    let vm_id = format!(
        "/resourceGroups/{}/providers/Microsoft.Compute/virtualMachines/{}",
        input.resource_group, input.name
    );
    let provisioned = SimulatedCloud::ambient()
        .ensure(&vm_id, VM_KIND, |serial| {
            Properties::from([("ip_address".to_owned(), address(serial))])
        })
        .map_err(|error| {
            ctx.trace_error(format!("VM provisioning refused: {error}"));
            AzureError::from(error)
        })?;
    if provisioned.was_created() {
        // As in ARM, creation returns before the VM has booted.
        tokio::time::sleep(provisioning_delay()).await;
        ctx.trace_info("VM provisioned successfully");
    } else {
        ctx.trace_info("VM already exists, returning existing");
    }
    let vm = provisioned.into_resource();
    Ok(ProvisionVMOutput {
        ip_address: property(&vm, "ip_address")?,
        vm_id: vm.id,
    })
}
