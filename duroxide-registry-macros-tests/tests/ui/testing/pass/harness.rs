//! The harness, under strict lints: every builder method and every accessor of a run, on a
//! small library, run for real.
#![deny(warnings, missing_docs, unused_results)]

mod library {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration, registry};
    use serde::{Deserialize, Serialize};

    /// A VM request.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct VmRequest {
        /// Its name.
        pub name: String,
    }

    /// A VM.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Vm {
        /// Its id.
        pub id: String,
        /// Who approved it.
        pub approved_by: String,
    }

    /// An approval.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Approval {
        /// Who approved.
        pub by: String,
    }

    /// Provisions a VM.
    #[activity(prefix = "ui")]
    pub async fn provision_vm(_ctx: ActivityContext, input: VmRequest) -> Result<String, String> {
        Ok(format!("real-{}", input.name))
    }

    /// Provisions a VM once approved, reporting its phase.
    #[orchestration(prefix = "ui", events(approval = Approval), queues(notes = String), status = String)]
    pub async fn provision(ctx: OrchestrationContext, input: VmRequest) -> Result<Vm, String> {
        provision::status::set(&ctx, &"provisioning".to_owned());
        let id = provision_vm::call(&ctx, &input).await?;
        provision::status::set(&ctx, &"awaiting approval".to_owned());
        let approval = provision::events::approval::wait(&ctx).await?;
        let note = provision::queues::notes::dequeue(&ctx).await?;
        provision::status::set(&ctx, &note);
        Ok(Vm { id, approved_by: approval.by })
    }

    /// Provisions twice, as sub-orchestrations.
    #[orchestration(prefix = "ui")]
    pub async fn provision_two(ctx: OrchestrationContext, input: VmRequest) -> Result<Vec<Vm>, String> {
        let first = provision::call(&ctx, &input).await?;
        let second = provision::call(&ctx, &input).await?;
        Ok(vec![first, second])
    }

    registry! {
        replay: replay,
        orchestrations: [provision, provision_two],
        activities: [provision_vm],
    }
}

use duroxide_registry_macros::testing::{
    activity, event, orchestration, queue, Activity, Harness, Run, When,
};
use library::*;
use std::time::Duration;

fn harness() -> Harness {
    Harness::new(create_orchestration_registry(), create_activity_registry())
        .timeout(Duration::from_secs(120))
}

async fn provision_once() -> Run<Vm> {
    let request = VmRequest { name: "web".to_owned() };
    harness()
        .mock(activity!(provision_vm), |request| Ok(format!("mock-{}", request.name)))
        .fail_times(activity!(provision_vm), 0, "never")
        .deliver(event!(provision::events::approval), &Approval { by: "ops".to_owned() }, When::Waiting)
        .deliver(queue!(provision::queues::notes), &"done".to_owned(), When::after(activity!(provision_vm)))
        .instance_id("ui-pass-harness")
        .run(orchestration!(provision), &request)
        .await
}

async fn provision_mocked() -> Run<Vec<Vm>> {
    let by_hand: Activity<VmRequest, String> = Activity::new(provision_vm::NAME);
    harness()
        .mocks_only()
        .fail(by_hand, "unused")
        .mock_orchestration(orchestration!(provision), |request: VmRequest| {
            Ok(Vm { id: request.name, approved_by: "nobody".to_owned() })
        })
        .run(orchestration!(provision_two), &VmRequest { name: "db".to_owned() })
        .await
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    runtime.block_on(async {
        let run = provision_once().await;
        let vm = run.output().expect("the VM");
        assert_eq!(vm, Vm { id: "mock-web".to_owned(), approved_by: "ops".to_owned() });
        assert_eq!(run.calls(activity!(provision_vm)), [VmRequest { name: "web".to_owned() }]);
        assert_eq!(run.status::<provision::status::Payload>(), Ok(Some("done".to_owned())));
        assert_eq!(run.instance_id(), "ui-pass-harness");
        assert!(run.completed());
        assert!(!run.history().is_empty());
        assert_eq!(run.executions().len(), 1);
        let report = replay::check(run.capture()).expect("the capture replays");
        assert_eq!(report.replayed.len(), 1);

        let two = provision_mocked().await;
        assert_eq!(two.output().expect("two VMs").len(), 2);
        assert_eq!(two.calls(orchestration!(provision)).len(), 2);
        assert!(two.calls(activity!(provision_vm)).is_empty());
    });
}
