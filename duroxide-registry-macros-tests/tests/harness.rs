//! The test harness (`duroxide_registry_macros::testing`), end to end on duroxide's SQLite
//! provider: mocks in place of registered activities, injected failures and retries, calls
//! recorded in order, sub-orchestrations mocked or run, typed status, events and queues
//! delivered at their points, and the capture that `replay::check` reads.

use duroxide_registry_macros::testing::{
    activity, event, orchestration, queue, Activity, Event, Harness, When,
};
use library::*;
use std::time::Duration;

mod library {
    use duroxide::{ActivityContext, OrchestrationContext, RetryPolicy};
    use duroxide_registry_macros::{activity, orchestration, registry};
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Order {
        pub item: String,
        pub count: u32,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Receipt {
        pub reserved: Vec<String>,
        pub charged: u64,
        pub approved_by: Option<String>,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Stage {
        pub stage: String,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Approval {
        pub by: String,
    }

    /// Reserves one unit of an item: the real one, which a test mocks.
    #[activity(prefix = "htest")]
    pub async fn reserve(_ctx: ActivityContext, input: String) -> Result<String, String> {
        Ok(format!("real-{input}"))
    }

    /// Charges an amount, in cents.
    #[activity(prefix = "htest")]
    pub async fn charge(_ctx: ActivityContext, input: u64) -> Result<u64, String> {
        Ok(input)
    }

    /// Reserves `count` units one by one, charges with three attempts, reporting its stage.
    #[orchestration(prefix = "htest", status = Stage)]
    pub async fn place_order(ctx: OrchestrationContext, input: Order) -> Result<Receipt, String> {
        let mut reserved = Vec::new();
        for unit in 0..input.count {
            place_order::status::set(
                &ctx,
                &Stage {
                    stage: format!("reserving {unit}"),
                },
            );
            reserved.push(reserve::call(&ctx, &format!("{}-{unit}", input.item)).await?);
        }
        place_order::status::set(
            &ctx,
            &Stage {
                stage: "charging".into(),
            },
        );
        let charged =
            charge::call_with_retry(&ctx, &(u64::from(input.count) * 100), RetryPolicy::new(3))
                .await?;
        place_order::status::set(
            &ctx,
            &Stage {
                stage: "done".into(),
            },
        );
        Ok(Receipt {
            reserved,
            charged,
            approved_by: None,
        })
    }

    /// Places an order as a sub-orchestration, twice.
    #[orchestration(prefix = "htest")]
    pub async fn place_two(
        ctx: OrchestrationContext,
        input: Order,
    ) -> Result<Vec<Receipt>, String> {
        let first = place_order::call(&ctx, &input).await?;
        let second = place_order::call(&ctx, &Order { count: 1, ..input }).await?;
        Ok(vec![first, second])
    }

    /// Reserves, waits for an approval event, then serves `count` messages of its queue.
    #[orchestration(prefix = "htest", events(approval = Approval), queues(extras = String))]
    pub async fn approved_order(
        ctx: OrchestrationContext,
        input: Order,
    ) -> Result<Receipt, String> {
        let mut reserved = vec![reserve::call(&ctx, &input.item).await?];
        let approval = approved_order::events::approval::wait(&ctx).await?;
        for _ in 0..input.count {
            reserved.push(approved_order::queues::extras::dequeue(&ctx).await?);
        }
        Ok(Receipt {
            reserved,
            charged: 0,
            approved_by: Some(approval.by),
        })
    }

    /// Waits for a raw event, as hand-written bodies do, racing a timer.
    #[orchestration(prefix = "htest")]
    pub async fn raw_wait(ctx: OrchestrationContext, input: u64) -> Result<String, String> {
        let answer = ctx
            .select2(
                ctx.schedule_wait("answer"),
                ctx.schedule_timer(std::time::Duration::from_secs(input)),
            )
            .await;
        Ok(match answer {
            duroxide::Either2::First(answer) => answer,
            duroxide::Either2::Second(()) => "timed out".to_owned(),
        })
    }

    /// Another crate's orchestration, which this crate's registry does not hold.
    #[orchestration(prefix = "elsewhere")]
    pub async fn remote(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
        Ok(input)
    }

    /// Calls the other crate's orchestration.
    #[orchestration(prefix = "htest")]
    pub async fn delegate(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        remote::call(&ctx, &input).await
    }

    pub mod registry {
        use super::{approved_order, charge, delegate, place_order, place_two, raw_wait, reserve};

        super::registry! {
            replay: replay,
            orchestrations: [place_order, place_two, approved_order, raw_wait, delegate],
            activities: [reserve, charge],
        }
    }
}

fn harness() -> Harness {
    Harness::new(
        registry::create_orchestration_registry(),
        registry::create_activity_registry(),
    )
}

fn order(item: &str, count: u32) -> Order {
    Order {
        item: item.to_owned(),
        count,
    }
}

#[tokio::test]
async fn a_mock_replaces_the_registered_activity_and_every_call_is_recorded_in_order() {
    let run = harness()
        .mock(activity!(reserve), |unit| Ok(format!("mock-{unit}")))
        .run(orchestration!(place_order), &order("disk", 3))
        .await;
    let receipt = run.output().unwrap();
    assert_eq!(
        receipt.reserved,
        ["mock-disk-0", "mock-disk-1", "mock-disk-2"]
    );
    assert_eq!(
        run.calls(activity!(reserve)),
        ["disk-0", "disk-1", "disk-2"]
    );
    // Not mocked: it ran as registered, and its call is recorded as well.
    assert_eq!(receipt.charged, 300);
    assert_eq!(run.calls(activity!(charge)), [300]);
    assert!(run.instance_id().starts_with("harness-place-order-"));
}

#[tokio::test]
async fn an_activity_that_fails_twice_is_retried_by_the_policy_and_the_third_attempt_succeeds() {
    let run = harness()
        .fail_times(activity!(charge), 2, "card declined")
        .run(orchestration!(place_order), &order("disk", 1))
        .await;
    assert_eq!(run.output().unwrap().charged, 100);
    assert_eq!(run.calls(activity!(charge)), [100, 100, 100]);
}

#[tokio::test]
async fn failures_beyond_the_policy_fail_the_instance_with_the_message() {
    let run = harness()
        .fail(activity!(charge), "card declined")
        .run(orchestration!(place_order), &order("disk", 1))
        .await;
    assert!(!run.completed());
    let error = run.output().unwrap_err();
    assert!(error.contains("card declined"), "{error}");
    assert_eq!(run.calls(activity!(charge)).len(), 3);
}

#[tokio::test]
async fn the_failure_count_is_shared_by_the_runs_of_one_harness() {
    let harness = harness().fail_times(activity!(reserve), 1, "out of stock");
    let first = harness
        .run(orchestration!(place_order), &order("cpu", 1))
        .await;
    assert_eq!(first.output().unwrap_err(), "out of stock");
    let second = harness
        .run(orchestration!(place_order), &order("cpu", 1))
        .await;
    assert_eq!(second.output().unwrap().reserved, ["real-cpu-0"]);
    assert_ne!(first.instance_id(), second.instance_id());
}

#[tokio::test]
async fn mocks_only_fails_an_unmocked_activity_with_its_name() {
    let run = harness()
        .mocks_only()
        .mock(activity!(reserve), Ok)
        .run(orchestration!(place_order), &order("ram", 1))
        .await;
    let error = run.output().unwrap_err();
    assert!(
        error.contains("activity `htest::activity::charge` is not mocked"),
        "{error}"
    );
}

#[tokio::test]
async fn the_typed_status_is_the_last_one_set() {
    let run = harness()
        .run(orchestration!(place_order), &order("gpu", 1))
        .await;
    let status = run.status::<place_order::status::Payload>().unwrap();
    assert_eq!(
        status,
        Some(Stage {
            stage: "done".into()
        })
    );
}

#[tokio::test]
async fn sub_orchestrations_run_for_real_or_as_mocks() {
    let real = harness()
        .mock(activity!(reserve), |unit| Ok(format!("mock-{unit}")))
        .run(orchestration!(place_two), &order("ssd", 2))
        .await;
    let receipts = real.output().unwrap();
    assert_eq!(receipts[0].reserved, ["mock-ssd-0", "mock-ssd-1"]);
    assert_eq!(receipts[1].reserved, ["mock-ssd-0"]);
    // The sub-orchestrations' activity calls are recorded after the instance's own.
    assert_eq!(real.calls(activity!(reserve)).len(), 3);
    assert_eq!(
        real.calls(orchestration!(place_order)),
        [order("ssd", 2), order("ssd", 1)]
    );

    let mocked = harness()
        .mock_orchestration(orchestration!(place_order), |order: Order| {
            Ok(Receipt {
                reserved: vec![order.item],
                charged: 1,
                approved_by: None,
            })
        })
        .run(orchestration!(place_two), &order("hdd", 2))
        .await;
    let receipts = mocked.output().unwrap();
    assert_eq!(receipts[0].reserved, ["hdd"]);
    assert_eq!(receipts[1].charged, 1);
    assert!(mocked.calls(activity!(reserve)).is_empty());
}

#[tokio::test]
async fn a_sub_orchestration_of_another_crate_is_mocked_without_its_registry() {
    let run = harness()
        .mock_orchestration(orchestration!(remote), |input: String| {
            Ok(format!("{input}, from the mock"))
        })
        .run(orchestration!(delegate), &"hello".to_owned())
        .await;
    assert_eq!(run.output().unwrap(), "hello, from the mock");
    assert_eq!(run.calls(orchestration!(remote)), ["hello"]);
}

#[tokio::test]
async fn an_event_is_raised_once_the_instance_waits_and_queue_messages_after_a_call() {
    let run = harness()
        .deliver(
            queue!(approved_order::queues::extras),
            &"cable".to_owned(),
            When::after(activity!(reserve)),
        )
        .deliver(
            event!(approved_order::events::approval),
            &Approval { by: "ops".into() },
            When::Waiting,
        )
        .deliver(
            queue!(approved_order::queues::extras),
            &"plug".to_owned(),
            When::Waiting,
        )
        .run(orchestration!(approved_order), &order("lamp", 2))
        .await;
    let receipt = run.output().unwrap();
    assert_eq!(receipt.approved_by.as_deref(), Some("ops"));
    assert_eq!(receipt.reserved, ["real-lamp", "cable", "plug"]);
}

#[tokio::test]
async fn an_undeclared_event_is_named_by_hand_and_beats_the_timer() {
    let started = std::time::Instant::now();
    let run = harness()
        .deliver(
            Event::<String>::new("answer"),
            &"yes".to_owned(),
            When::Waiting,
        )
        .run(orchestration!(raw_wait), &600)
        .await;
    assert_eq!(run.output().unwrap(), "yes");
    assert!(started.elapsed() < Duration::from_secs(120));
}

#[tokio::test]
async fn the_capture_is_replay_captures_json_and_replays() {
    let run = harness()
        .mock(activity!(reserve), |unit| Ok(format!("mock-{unit}")))
        .run(orchestration!(place_two), &order("fan", 1))
        .await;
    let report = registry::replay::check(run.capture()).unwrap();
    // The instance and its two sub-orchestrations.
    assert_eq!(report.replayed.len(), 3);
    assert_eq!(run.executions().len(), 3);
    assert!(run.capture().contains(run.instance_id()));
    assert!(matches!(
        run.history().first().map(|event| &event.kind),
        Some(duroxide::EventKind::OrchestrationStarted { .. })
    ));
}

#[tokio::test]
async fn an_activity_named_by_hand_is_mocked_like_a_companion() {
    let reserve_by_hand = Activity::<String, String>::new("htest::activity::reserve");
    let run = harness()
        .mock(reserve_by_hand, |unit| Ok(format!("hand-{unit}")))
        .run(orchestration!(place_order), &order("fan", 1))
        .await;
    assert_eq!(run.output().unwrap().reserved, ["hand-fan-0"]);
}

#[tokio::test]
async fn a_run_that_does_not_finish_panics_with_its_history_and_what_was_not_delivered() {
    let task = tokio::spawn(async {
        harness()
            .timeout(Duration::from_secs(10))
            .run(orchestration!(approved_order), &order("kite", 0))
            .await
    });
    let panic = task.await.unwrap_err().into_panic();
    let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(message.contains("did not finish within 10s"), "{message}");
    assert!(message.contains("ExternalSubscribed"), "{message}");
}
