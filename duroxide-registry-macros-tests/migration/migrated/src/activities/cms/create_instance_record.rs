use crate::activity_types::{CmsInstanceRecord, CmsRecordRef};
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

/// Record an instance in the CMS.
#[activity(name = "cms-create-instance-record", idempotent)]
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
