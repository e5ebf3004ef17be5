use super::steps;
use crate::activities;
use crate::activity_types::{
    AttachDiskInput, CmsInstanceRecord, NotifyOwnerInput, NotifyOwnerOutput, ProvisionVmInput,
};
use crate::types::{CreateInstanceInput, CreateInstanceOutput};
use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

/// `create-instance` 1.0.6: as 1.0.5, with a data disk attached to the VM before the CMS
/// record, which now names the disk.
#[orchestration(
    flat,
    name = "create-instance",
    version = "1.0.6",
    uses(
        activities::provision_vm,
        activities::attach_disk,
        activities::cms::create_instance_record,
        activities::cms::delete_instance_record
    )
)]
pub async fn create_instance_1_0_6_orchestration(
    ctx: OrchestrationContext,
    input: CreateInstanceInput,
) -> Result<CreateInstanceOutput, String> {
    ctx.trace_info(format!("create-instance 1.0.6: {}", input.name));

    ctx.set_custom_status(steps::PROVISIONING);
    let vm_input = ProvisionVmInput {
        name: input.name.clone(),
        region: input.region.clone(),
        size: input.size.clone(),
    };
    let vm = steps::provision(&ctx, &vm_input).await?;

    ctx.set_custom_status(steps::ATTACHING_DISK);
    let disk_input = AttachDiskInput {
        vm_id: vm.vm_id.clone(),
        size_gb: input.disk_gb.unwrap_or(steps::DEFAULT_DISK_GB),
    };
    let disk = steps::attach_disk(&ctx, &disk_input).await?;

    ctx.set_custom_status(steps::RECORDING);
    let record_input = CmsInstanceRecord {
        instance_name: input.name.clone(),
        vm_id: vm.vm_id.clone(),
        ip_address: vm.ip_address.clone(),
        disk_id: Some(disk.disk_id.clone()),
        approved_by: None,
    };
    let record = steps::create_record(&ctx, &record_input).await?;
    let deleted_record =
        steps::delete_replaced_record(&ctx, input.replaces_record.as_deref()).await?;

    ctx.set_custom_status(steps::NOTIFYING);
    let note_input = NotifyOwnerInput {
        owner: input.owner.clone(),
        message: format!("{} is ready at {}", input.name, vm.ip_address),
    };
    let note: NotifyOwnerOutput = ctx
        .schedule_activity_typed(activities::notify_owner::NAME, &note_input)
        .await?;

    ctx.set_custom_status(steps::DONE);
    Ok(CreateInstanceOutput {
        vm_id: vm.vm_id,
        ip_address: vm.ip_address,
        disk_id: Some(disk.disk_id),
        approved_by: None,
        record_id: record.record_id,
        deleted_record,
        notification_id: note.notification_id,
    })
}
