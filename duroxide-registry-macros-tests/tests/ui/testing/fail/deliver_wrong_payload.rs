//! A delivery whose payload is not the type the event declares: the error is at the payload.

mod library {
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::{orchestration, registry};
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    pub struct Approval {
        pub by: String,
    }

    /// Waits for an approval.
    #[orchestration(prefix = "ui", events(approval = Approval))]
    pub async fn deploy(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        let approval = deploy::events::approval::wait(&ctx).await?;
        Ok(format!("{input} approved by {}", approval.by))
    }

    registry! {
        orchestrations: [deploy],
    }
}

use duroxide_registry_macros::testing::{event, Harness, When};
use library::*;

fn main() {
    let _harness = Harness::new(create_orchestration_registry(), create_activity_registry())
        // The event carries an `Approval`, not the approver's name.
        .deliver(event!(deploy::events::approval), &"ops".to_owned(), When::Waiting);
}
