#![deny(warnings)]
#![forbid(unsafe_code)]
#![deny(missing_docs, clippy::pedantic, unused_qualifications)]
//! A crate with strict lints. `rustc` checks `missing_docs` and `unused_qualifications` here;
//! `clippy::pedantic` only runs under clippy, which checks this same file as a test target of
//! the `edition2024` crate (see `.ci/hygiene.sh`).

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::inventory::Implemented;
use duroxide_registry_macros::{activity, orchestration, registry};
use serde::{Deserialize, Serialize};

/// A request.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Its id.
    pub id: u64,
}

/// A reply.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Its text.
    pub text: String,
}

/// Activities.
pub mod activities {
    use super::{ActivityContext, Reply, Request, activity};

    /// Answers a request.
    ///
    /// # Errors
    ///
    /// Never.
    #[activity(idempotent)]
    pub async fn answer(_ctx: ActivityContext, request: Request) -> Result<Reply, String> {
        Ok(Reply {
            text: request.id.to_string(),
        })
    }
}

/// Orchestrations.
pub mod orchestrations {
    use super::{OrchestrationContext, Reply, Request, activities, orchestration};

    /// Asks, then answers.
    ///
    /// # Errors
    ///
    /// The activity's error.
    #[orchestration(name = "ask", version = "1.0.1")]
    pub async fn ask(ctx: OrchestrationContext, request: Request) -> Result<Reply, String> {
        activities::answer::call(&ctx, &request).await
    }

    /// Waits for a request and a reply, reporting its phase: every interface helper, linted.
    ///
    /// # Errors
    ///
    /// A payload that does not decode.
    #[orchestration(
        events(request = Request),
        queues(replies = Reply),
        status = String,
        kv(seen = u64)
    )]
    pub async fn watch(ctx: OrchestrationContext, _input: Request) -> Result<Reply, String> {
        watch::status::set(&ctx, &"waiting".to_owned());
        let request = watch::events::request::wait(&ctx).await?;
        watch::kv::seen::set(&ctx, &request.id);
        watch::queues::replies::dequeue(&ctx).await
    }
}

registry! {
    names: names,
    orchestrations: [orchestrations::ask],
    activities: [activities::answer],
}

fn main() {
    assert_eq!(orchestrations::watch::events::request::NAME, "request");
    assert_eq!(orchestrations::watch::kv::seen::NAME, "seen");
    let prefix = env!("CARGO_PKG_NAME");
    assert_eq!(
        activities::answer::NAME,
        format!("{prefix}::activity::answer")
    );
    assert_eq!(
        orchestrations::ask::NAME,
        format!("{prefix}::orchestration::ask")
    );
    assert_eq!(orchestrations::ask::VERSION, "1.0.1");
    assert_eq!(
        orchestrations::ask::ACTIVITIES_USED,
        [activities::answer::NAME]
    );
    assert_eq!(names::orchestrations::ASK, orchestrations::ask::NAME);
    assert_eq!(names::activities::ANSWER, activities::answer::NAME);

    let activity_registry = create_activity_registry();
    assert_eq!(activity_registry.count(), 1);
    assert!(activity_registry.has(activities::answer::NAME));
    let orchestration_registry = create_orchestration_registry();
    assert_eq!(orchestration_registry.count(), 1);
    assert!(orchestration_registry.has(orchestrations::ask::NAME));

    assert_eq!(
        list_activities(),
        [ActivityInfo {
            name: activities::answer::NAME,
            description: "Answers a request.",
            input_type: "Request",
            output_type: "Reply",
            idempotent: true,
            retry: None,
            implemented: Implemented::Here,
        }]
    );
    assert_eq!(
        list_orchestrations(),
        [OrchestrationInfo {
            name: orchestrations::ask::NAME,
            description: "Asks, then answers.",
            input_type: "Request",
            output_type: "Reply",
            activities_used: vec![activities::answer::NAME],
            version: "1.0.1",
            events: vec![],
            queues: vec![],
            kv: vec![],
            status: None,
            implemented: Implemented::Here,
        }]
    );
}
