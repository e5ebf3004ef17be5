//! Steps shared by the versions of `create-instance`: one typed call per activity, and the
//! progress each version reports through its custom status.

use crate::activities;
use crate::activity_types::{
    AttachDiskInput, AttachDiskOutput, CmsDeleteOutput, CmsInstanceRecord, CmsRecordRef,
    ProvisionVmInput, ProvisionVmOutput,
};
use duroxide::OrchestrationContext;

/// Custom status while the VM is provisioned.
pub const PROVISIONING: &str = "provisioning";
/// Custom status while the data disk is attached (1.0.6 and later).
pub const ATTACHING_DISK: &str = "attaching-disk";
/// Custom status while the instance waits for the `approval` event (1.0.7 and later).
pub const WAITING_FOR_APPROVAL: &str = "waiting-for-approval";
/// Custom status while the CMS record is written.
pub const RECORDING: &str = "recording";
/// Custom status while the owner is told.
pub const NOTIFYING: &str = "notifying";
/// Custom status once the instance is ready.
pub const DONE: &str = "done";

/// The external event 1.0.7 waits for; its data is the approver's name.
pub const APPROVAL_EVENT: &str = "approval";

/// Disk size when the input gives none.
pub const DEFAULT_DISK_GB: u32 = 64;

/// Provision the instance's VM.
pub async fn provision(
    ctx: &OrchestrationContext,
    input: &ProvisionVmInput,
) -> Result<ProvisionVmOutput, String> {
    ctx.schedule_activity_typed::<ProvisionVmInput, ProvisionVmOutput>(
        activities::provision_vm::NAME,
        input,
    )
    .await
}

/// Attach a data disk to the instance's VM.
pub async fn attach_disk(
    ctx: &OrchestrationContext,
    input: &AttachDiskInput,
) -> Result<AttachDiskOutput, String> {
    ctx.schedule_activity_typed::<AttachDiskInput, AttachDiskOutput>(
        activities::attach_disk::NAME,
        input,
    )
    .await
}

/// Record the instance in the CMS.
pub async fn create_record(
    ctx: &OrchestrationContext,
    input: &CmsInstanceRecord,
) -> Result<CmsRecordRef, String> {
    ctx.schedule_activity_typed::<CmsInstanceRecord, CmsRecordRef>(
        activities::cms::create_instance_record::NAME,
        input,
    )
    .await
}

/// Delete the CMS record the instance replaces, if any; the deleted record's id.
pub async fn delete_replaced_record(
    ctx: &OrchestrationContext,
    replaces: Option<&str>,
) -> Result<Option<String>, String> {
    let Some(record_id) = replaces else {
        return Ok(None);
    };
    let input = CmsRecordRef {
        record_id: record_id.to_owned(),
    };
    let output = ctx
        .schedule_activity_typed::<CmsRecordRef, CmsDeleteOutput>(
            activities::cms::delete_instance_record::NAME,
            &input,
        )
        .await?;
    Ok(output.deleted.then_some(input.record_id))
}
