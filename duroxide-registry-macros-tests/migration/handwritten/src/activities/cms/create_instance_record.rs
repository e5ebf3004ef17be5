use crate::activity_types::{CmsInstanceRecord, CmsRecordRef};
use duroxide::ActivityContext;

/// Activity name for registration and scheduling
///
/// **Input:** [`CmsInstanceRecord`]  
/// **Output:** [`CmsRecordRef`]  
/// **Idempotent:** Yes (the record is keyed by the instance's name)
pub const NAME: &str = "duroxide-fleet::activity::cms-create-instance-record";

/// Record an instance in the CMS.
pub async fn activity(
    ctx: ActivityContext,
    input: CmsInstanceRecord,
) -> Result<CmsRecordRef, String> {
    ctx.trace_info(format!(
        "Recording {} ({} at {}) in the CMS",
        input.instance_name, input.vm_id, input.ip_address
    ));
    Ok(CmsRecordRef {
        record_id: format!("cms-{}", input.instance_name),
    })
}
