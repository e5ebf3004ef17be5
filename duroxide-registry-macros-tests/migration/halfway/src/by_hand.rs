//! Declarations of this crate's items that are still registered by hand: each is a body-less
//! signature with this crate's prefix and the item's name, which `registry!` lists under
//! `by_hand`. Delete one when its item is migrated.

use crate::activity_types::{NotifyOwnerInput, NotifyOwnerOutput};
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;

/// Tell an instance's owner about it (still hand-written: [`crate::activities::notify_owner`]).
#[activity(prefix = "fleet-halfway", name = "notify-owner")]
pub async fn notify_owner(
    ctx: ActivityContext,
    input: NotifyOwnerInput,
) -> Result<NotifyOwnerOutput, String>;
