#![deny(warnings)]
//! A deprecated activity and a deprecated orchestration: the code the macros generate to wrap,
//! register and list them must not warn. duroxide needs a deprecated item registered for as
//! long as histories that call it may replay, so deprecating one is the normal way to retire it.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

/// Old.
#[activity("old")]
#[deprecated(note = "use `fresh`")]
pub async fn legacy(_ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n)
}

/// New.
#[activity("old")]
pub async fn fresh(_ctx: ActivityContext, n: u8) -> Result<u8, String> {
    Ok(n + 1)
}

/// Old flow, still calling the old activity through its companion.
#[deprecated = "use a newer flow"]
#[orchestration("old", version = "1.0.0")]
pub async fn old_flow(ctx: OrchestrationContext, n: u8) -> Result<u8, String> {
    legacy::call(&ctx, &n).await
}

registry! {
    names: names,
    orchestrations: [old_flow],
    activities: [legacy, fresh],
}

fn main() {
    assert_eq!(legacy::NAME, "old::activity::legacy");
    assert_eq!(names::activities::LEGACY, legacy::NAME);
    assert_eq!(old_flow::ACTIVITIES_USED, [legacy::NAME]);
    let activities = create_activity_registry();
    assert_eq!(activities.count(), 2);
    assert!(activities.has(legacy::NAME));
    assert!(create_orchestration_registry().has(names::orchestrations::OLD_FLOW));
    let descriptions: Vec<&str> = list_activities().iter().map(|a| a.description).collect();
    assert_eq!(descriptions, ["Old.", "New."]);
    assert_eq!(
        list_orchestrations()[0].description,
        "Old flow, still calling the old activity through its companion."
    );
}
