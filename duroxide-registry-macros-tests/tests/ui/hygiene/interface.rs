#![deny(warnings)]
//! An orchestration's interface, declared in every layout `#[orchestration]` supports: a
//! companion module, in place with `flat`, and a version family whose versions declare payload
//! types of their own. Read back at run time: names, payload types, the inventory and the lock.

use duroxide::OrchestrationContext;
use duroxide_registry_macros::{orchestration, registry};
use serde::{Deserialize, Serialize};

/// An approval.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Decision {
    /// Whether it is approved.
    pub approved: bool,
}

/// The same, with who approved it: the types of 2.0.0.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct DecisionV2 {
    /// Whether it is approved.
    pub approved: bool,
    /// Who approved it.
    pub by: String,
}

/// Deploys, once approved, reporting its phase.
#[orchestration(
    events(approval = Decision, deleted = String as "InstanceDeleted"),
    queues(commands = Vec<String>),
    status = String,
    kv(progress = (u32, u32))
)]
pub async fn deploy(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    deploy::status::set(&ctx, &"waiting".to_owned());
    let decision = deploy::events::approval::wait(&ctx).await?;
    deploy::kv::progress::set(&ctx, &(1, 1));
    Ok(format!("{input}: {}", decision.approved))
}

/// Versions of one orchestration, each with the types of its own version.
pub mod provision {
    /// 1.0.0, in place in its own module.
    pub mod v1 {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        /// Provision, first take.
        #[orchestration(flat, name = "provision", version = "1.0.0", events(approval = crate::Decision))]
        pub async fn provision_1(
            ctx: OrchestrationContext,
            input: String,
        ) -> Result<String, String> {
            let decision = events::approval::wait(&ctx).await?;
            Ok(format!("{input} {}", decision.approved))
        }
    }

    /// 2.0.0, in place too, with its own payload type under the same key and wire name.
    pub mod v2 {
        use duroxide::OrchestrationContext;
        use duroxide_registry_macros::orchestration;

        /// Provision, second take.
        #[orchestration(flat, name = "provision", version = "2.0.0", events(approval = crate::DecisionV2))]
        pub async fn provision_2(
            ctx: OrchestrationContext,
            input: String,
        ) -> Result<String, String> {
            let decision = events::approval::wait(&ctx).await?;
            Ok(format!("{input} {}", decision.by))
        }
    }
}

registry! {
    orchestrations: [
        deploy,
        provision::v1 as PROVISION,
        provision::v2 as PROVISION,
    ],
}

fn main() {
    assert_eq!(deploy::events::approval::NAME, "approval");
    assert_eq!(deploy::events::deleted::NAME, "InstanceDeleted");
    assert_eq!(deploy::queues::commands::NAME, "commands");
    assert_eq!(deploy::kv::progress::NAME, "progress");
    let _: deploy::events::approval::Payload = Decision { approved: true };
    let _: deploy::queues::commands::Payload = vec![String::new()];
    let _: deploy::kv::progress::Payload = (1, 2);
    let _: deploy::status::Payload = String::new();
    // Each version's helpers use that version's types.
    let _: provision::v1::events::approval::Payload = Decision { approved: true };
    let _: provision::v2::events::approval::Payload = DecisionV2 {
        approved: true,
        by: "ops".into(),
    };
    assert_eq!(provision::v2::events::approval::NAME, "approval");

    let inventory = list_orchestrations();
    let deploy = inventory
        .iter()
        .find(|o| o.name == deploy::NAME)
        .expect("deploy is listed");
    let events: Vec<(&str, &str, &str)> = deploy
        .events
        .iter()
        .map(|e| (e.key, e.wire_name, e.payload_type))
        .collect();
    assert_eq!(
        events,
        [
            ("approval", "approval", "Decision"),
            ("deleted", "InstanceDeleted", "String")
        ]
    );
    assert_eq!(deploy.queues[0].payload_type, "Vec<String>");
    assert_eq!(deploy.kv[0].payload_type, "(u32, u32)");
    assert_eq!(deploy.status, Some("String"));
    let v2 = inventory
        .iter()
        .find(|o| o.version == "2.0.0")
        .expect("2.0.0 is listed");
    assert_eq!(v2.events[0].payload_type, "crate::DecisionV2");
    assert!(
        inventory
            .iter()
            .all(|o| o.name != deploy::NAME || o.queues.len() == 1)
    );
}
