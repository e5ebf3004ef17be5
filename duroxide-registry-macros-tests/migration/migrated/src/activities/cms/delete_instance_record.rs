use crate::activity_types::{CmsDeleteOutput, CmsRecordRef};
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

/// Delete an instance's CMS record.
#[activity(name = "cms-delete-instance-record", idempotent)]
pub async fn activity(
    ctx: ActivityContext,
    input: CmsRecordRef,
) -> Result<CmsDeleteOutput, String> {
    ctx.trace_info(format!("Deleting CMS record {}", input.record_id));
    Ok(CmsDeleteOutput {
        deleted: input.record_id.starts_with("cms-"),
    })
}
