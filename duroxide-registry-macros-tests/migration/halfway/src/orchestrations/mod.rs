//! Orchestrations, migrated.

use crate::activities::provision_vm;
use crate::activity_types::{NotifyOwnerInput, ProvisionVmInput};
use crate::by_hand::notify_owner;
use crate::types::{CreateInstanceInput, CreateInstanceOutput};
use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

/// Create a fleet instance: provision its VM, then tell its owner.
///
/// The migrated `provision-vm` and the hand-written `notify-owner` are called alike, through
/// typed companions: the second one's is its declaration's.
#[orchestration(name = "create-instance")]
pub async fn create_instance(
    ctx: OrchestrationContext,
    input: CreateInstanceInput,
) -> Result<CreateInstanceOutput, String> {
    let vm = provision_vm::call(
        &ctx,
        &ProvisionVmInput {
            name: input.name.clone(),
            region: input.region,
        },
    )
    .await?;
    let note = notify_owner::call(
        &ctx,
        &NotifyOwnerInput {
            owner: input.owner,
            message: format!("{} is ready ({})", input.name, vm.vm_id),
        },
    )
    .await?;
    Ok(CreateInstanceOutput {
        vm_id: vm.vm_id,
        notification_id: note.notification_id,
    })
}
