//! Not migrated yet: the pattern's hand-written file, as it was. `registry::create_activity_registry`
//! registers it by hand; `crate::by_hand::notify_owner` declares it for `registry!`.

use crate::activity_types::{NotifyOwnerInput, NotifyOwnerOutput};
use duroxide::ActivityContext;

/// Activity name for registration and scheduling
///
/// **Input:** [`NotifyOwnerInput`]  
/// **Output:** [`NotifyOwnerOutput`]  
/// **Idempotent:** No (a retry sends a second message)
pub const NAME: &str = "fleet-halfway::activity::notify-owner";

/// Tell an instance's owner about it.
pub async fn activity(
    ctx: ActivityContext,
    input: NotifyOwnerInput,
) -> Result<NotifyOwnerOutput, String> {
    ctx.trace_info(format!("Notifying {}: {}", input.owner, input.message));
    Ok(NotifyOwnerOutput {
        notification_id: format!("note-{}-{}", input.owner, input.message.len()),
    })
}
