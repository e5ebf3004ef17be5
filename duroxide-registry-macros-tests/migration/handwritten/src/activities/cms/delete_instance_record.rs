use crate::activity_types::{CmsDeleteOutput, CmsRecordRef};
use duroxide::ActivityContext;

/// Activity name for registration and scheduling
///
/// **Input:** [`CmsRecordRef`]  
/// **Output:** [`CmsDeleteOutput`]  
/// **Idempotent:** Yes (deleting a deleted record deletes nothing)
pub const NAME: &str = "duroxide-fleet::activity::cms-delete-instance-record";

/// Delete an instance's CMS record.
pub async fn activity(
    ctx: ActivityContext,
    input: CmsRecordRef,
) -> Result<CmsDeleteOutput, String> {
    ctx.trace_info(format!("Deleting CMS record {}", input.record_id));
    Ok(CmsDeleteOutput {
        deleted: input.record_id.starts_with("cms-"),
    })
}
