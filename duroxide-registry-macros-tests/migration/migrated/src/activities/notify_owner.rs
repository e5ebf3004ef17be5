use crate::activity_types::{NotifyOwnerInput, NotifyOwnerOutput};
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

/// Tell an instance's owner about it.
#[activity(name = "notify-owner")]
pub async fn activity(
    ctx: ActivityContext,
    input: NotifyOwnerInput,
) -> Result<NotifyOwnerOutput, String> {
    ctx.trace_info(format!("Notifying {}: {}", input.owner, input.message));
    Ok(NotifyOwnerOutput {
        notification_id: format!("note-{}-{}", input.owner, input.message.len()),
    })
}
