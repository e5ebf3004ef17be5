use crate::activity_types::{AttachDiskInput, AttachDiskOutput};
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

/// Attach a data disk to a VM.
#[activity(name = "attach-disk", idempotent)]
pub async fn activity(
    ctx: ActivityContext,
    input: AttachDiskInput,
) -> Result<AttachDiskOutput, String> {
    if input.size_gb == 0 {
        return Err(format!("a disk for {} needs a size", input.vm_id));
    }
    ctx.trace_info(format!(
        "Attaching a {} GiB disk to {}",
        input.size_gb, input.vm_id
    ));
    Ok(AttachDiskOutput {
        disk_id: format!("disk-{}-{}gb", input.vm_id, input.size_gb),
    })
}
