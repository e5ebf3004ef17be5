//! End-to-end, on duroxide's SQLite provider: an orchestration's typed interface, in both
//! directions (events, queues, custom status, KV values, continue-as-new, detached starts), each
//! helper against a hand-written twin that calls duroxide's own API, to prove the bytes equal.
//!
//! duroxide 0.1.32 shares one in-memory database among all `new_in_memory()` providers of a
//! process, so every test uses instance ids of its own.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use duroxide::runtime::Runtime;
use duroxide::{Client, EventKind, OrchestrationStatus};
use duroxide_registry_macros::interface::State;
use std::sync::Arc;
use std::time::Duration;

use library::*;

const TIMEOUT: Duration = Duration::from_secs(20);

/// The orchestrations under test, and their hand-written twins.
mod library {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration, registry};
    use serde::{Deserialize, Serialize};

    /// An approval, raised as an event.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Decision {
        pub approved: bool,
        pub by: String,
    }

    /// A command, enqueued on a queue.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Command {
        pub action: String,
        pub count: u32,
    }

    /// Progress, kept as a KV value.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Progress {
        pub done: u32,
        pub of: u32,
    }

    /// The custom status.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Phase {
        pub phase: String,
    }

    /// The input of `deploy`: how many commands to serve.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct DeployInput {
        pub commands: u32,
    }

    /// Echoes its input.
    #[activity(prefix = "itest")]
    pub async fn note(_ctx: ActivityContext, input: String) -> Result<String, String> {
        Ok(input)
    }

    /// Reports `ready`, waits for a `go` message, waits for an approval, then serves
    /// `input.commands` commands, keeping its progress, and reports `done`.
    #[orchestration(
        prefix = "itest",
        events(approval = Decision),
        queues(go = String, commands = Command),
        status = Phase,
        kv(progress = Progress)
    )]
    pub async fn deploy(
        ctx: OrchestrationContext,
        input: DeployInput,
    ) -> Result<Vec<String>, String> {
        deploy::status::set(
            &ctx,
            &Phase {
                phase: "ready".into(),
            },
        );
        let go = deploy::queues::go::dequeue(&ctx).await?;
        deploy::status::set(
            &ctx,
            &Phase {
                phase: format!("awaiting approval ({go})"),
            },
        );
        let decision = deploy::events::approval::wait(&ctx).await?;
        if !decision.approved {
            return Err(format!("rejected by {}", decision.by));
        }
        let mut served = vec![format!("approved by {}", decision.by)];
        for done in 0..input.commands {
            deploy::kv::progress::set(
                &ctx,
                &Progress {
                    done,
                    of: input.commands,
                },
            );
            deploy::status::set(
                &ctx,
                &Phase {
                    phase: format!("serving {done}"),
                },
            );
            let command = deploy::queues::commands::dequeue(&ctx).await?;
            served.push(format!("{} x{}", command.action, command.count));
        }
        deploy::kv::progress::set(
            &ctx,
            &Progress {
                done: input.commands,
                of: input.commands,
            },
        );
        deploy::status::set(
            &ctx,
            &Phase {
                phase: "done".into(),
            },
        );
        Ok(served)
    }

    /// Reads another instance's `progress`, through the typed helper.
    #[orchestration(prefix = "itest", kv(progress = Progress))]
    pub async fn watcher(
        ctx: OrchestrationContext,
        instance: String,
    ) -> Result<Option<Progress>, String> {
        watcher::kv::progress::get_from(&ctx, instance).await
    }

    /// A status that is a plain string, as most hand-written ones are.
    #[orchestration(prefix = "itest", status = String, kv(label = String as "Label"))]
    pub async fn plain(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        plain::status::set(&ctx, &input);
        plain::kv::label::set(&ctx, &input);
        let back = plain::status::current(&ctx)?;
        Ok(back.unwrap_or_default())
    }

    /// The same, written by hand against duroxide's API.
    #[orchestration(prefix = "itest")]
    pub async fn plain_by_hand(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        ctx.set_custom_status(input.clone());
        ctx.set_kv_value_typed("Label", &input);
        Ok(input)
    }

    /// Waits for an event whose payload may not decode.
    #[orchestration(prefix = "itest", events(deleted = Decision as "InstanceDeleted"))]
    pub async fn strict(ctx: OrchestrationContext, _input: String) -> Result<Decision, String> {
        strict::events::deleted::wait(&ctx).await
    }

    /// Waits for the same event by hand, with duroxide's typed API.
    #[orchestration(prefix = "itest")]
    pub async fn strict_by_hand(
        ctx: OrchestrationContext,
        _input: String,
    ) -> Result<Decision, String> {
        Ok(ctx.schedule_wait_typed::<Decision>("InstanceDeleted").await)
    }

    /// Version 1.0.0 counts up to 3, then upgrades the instance to 2.0.0.
    #[orchestration(prefix = "itest", name = "counter", version = "1.0.0")]
    pub async fn counter_v1(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        ctx.schedule_activity_typed::<String, String>(note::NAME, &format!("v1 at {input}"))
            .await?;
        if input < 3 {
            return counter_v1::continue_as_new(&ctx, &(input + 1)).await;
        }
        counter_v2::continue_as_new(
            &ctx,
            &CounterV2 {
                at: input,
                label: "upgraded".into(),
            },
        )
        .await
    }

    /// The input of version 2.0.0. Its fields are not in alphabetical order, so that encoding
    /// through a `serde_json::Value`, as duroxide's typed calls do, shows in the bytes.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct CounterV2 {
        pub label: String,
        pub at: u32,
    }

    /// Version 2.0.0 finishes.
    #[orchestration(prefix = "itest", name = "counter", version = "2.0.0")]
    pub async fn counter_v2(
        _ctx: OrchestrationContext,
        input: CounterV2,
    ) -> Result<String, String> {
        Ok(format!("{} at {}", input.label, input.at))
    }

    /// Continues as new with duroxide's typed call, as a twin of `counter_v1`'s upgrade (it has
    /// no version to give; 2.0.0 is the latest).
    #[orchestration(prefix = "itest", name = "counter", version = "1.5.0")]
    pub async fn counter_by_hand(ctx: OrchestrationContext, input: u32) -> Result<String, String> {
        ctx.continue_as_new_typed(&CounterV2 {
            at: input,
            label: "upgraded".into(),
        })
        .await
    }

    /// Starts `counter` 2.0.0 detached, and returns at once.
    #[orchestration(prefix = "itest")]
    pub async fn launcher(ctx: OrchestrationContext, instance: String) -> Result<String, String> {
        counter_v2::start_detached(
            &ctx,
            instance.clone(),
            &CounterV2 {
                at: 7,
                label: "detached".into(),
            },
        )?;
        Ok(instance)
    }

    /// Starts it by hand, with duroxide's typed API.
    #[orchestration(prefix = "itest")]
    pub async fn launcher_by_hand(
        ctx: OrchestrationContext,
        instance: String,
    ) -> Result<String, String> {
        ctx.schedule_orchestration_versioned_typed(
            counter_v2::NAME,
            Some("2.0.0".into()),
            instance.clone(),
            &CounterV2 {
                at: 7,
                label: "detached".into(),
            },
        );
        Ok(instance)
    }

    /// Tries a detached start with an id duroxide reserves.
    #[orchestration(prefix = "itest")]
    pub async fn reserved_launcher(
        ctx: OrchestrationContext,
        _input: String,
    ) -> Result<String, String> {
        counter_v2::start_detached(
            &ctx,
            "sub::mine",
            &CounterV2 {
                at: 0,
                label: String::new(),
            },
        )?;
        Ok("started".into())
    }

    registry! {
        orchestrations: [
            deploy, watcher, plain, plain_by_hand, strict, strict_by_hand, counter_v1,
            counter_v2, counter_by_hand, launcher, launcher_by_hand, reserved_launcher,
        ],
        activities: [note],
    }
}

async fn start() -> (Arc<Runtime>, Client) {
    let store: Arc<dyn Provider> = Arc::new(SqliteProvider::new_in_memory().await.expect("SQLite"));
    let runtime = Runtime::start_with_store(
        store.clone(),
        create_activity_registry(),
        create_orchestration_registry(),
    )
    .await;
    (runtime, Client::new(store))
}

/// Waits until `instance`'s typed status is `phase`, through `wait_for_change`.
async fn wait_for_phase(client: &Client, instance: &str, phase: &str) {
    let mut version = 0;
    loop {
        let status = deploy::status::wait_for_change(client, instance, version, TIMEOUT)
            .await
            .expect("the status changes");
        if status.value.as_ref().is_some_and(|p| p.phase == phase) {
            return;
        }
        assert!(
            !status.state.is_finished(),
            "finished before `{phase}`: {status:?}"
        );
        version = status.version;
    }
}

fn events(history: &[duroxide::Event]) -> Vec<&EventKind> {
    history.iter().map(|e| &e.kind).collect()
}

#[tokio::test]
async fn an_event_raised_once_the_instance_waits_is_delivered_and_queue_messages_in_order() {
    let (runtime, client) = start().await;
    let id = "itest-deploy-delivered";
    deploy::start(&client, id, &DeployInput { commands: 3 })
        .await
        .unwrap();
    wait_for_phase(&client, id, "ready").await;
    // Enqueued before the instance dequeues them: kept, in order.
    for (action, count) in [("scale", 2), ("cancel", 0), ("scale", 5)] {
        let command = Command {
            action: action.into(),
            count,
        };
        deploy::queues::commands::enqueue(&client, id, &command)
            .await
            .unwrap();
    }
    deploy::queues::go::enqueue(&client, id, &"now".to_owned())
        .await
        .unwrap();
    wait_for_phase(&client, id, "awaiting approval (now)").await;
    let decision = Decision {
        approved: true,
        by: "ops".into(),
    };
    deploy::events::approval::raise(&client, id, &decision)
        .await
        .unwrap();
    let served = deploy::wait(&client, id, TIMEOUT).await.unwrap().unwrap();
    assert_eq!(
        served,
        ["approved by ops", "scale x2", "cancel x0", "scale x5"]
    );
    let status = deploy::status::get(&client, id).await.unwrap();
    assert_eq!(
        status.value,
        Some(Phase {
            phase: "done".into()
        })
    );
    assert_eq!(status.state, State::Completed);
    // KV after completion, from the client.
    let progress = deploy::kv::progress::fetch(&client, id).await.unwrap();
    assert_eq!(progress, Some(Progress { done: 3, of: 3 }));
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn an_event_raised_before_the_instance_waits_is_dropped() {
    let (runtime, client) = start().await;
    let id = "itest-deploy-early";
    deploy::start(&client, id, &DeployInput { commands: 0 })
        .await
        .unwrap();
    wait_for_phase(&client, id, "ready").await;
    // The instance waits for `go`, not yet for the approval: this raise is dropped.
    let early = Decision {
        approved: false,
        by: "too early".into(),
    };
    deploy::events::approval::raise(&client, id, &early)
        .await
        .unwrap();
    deploy::queues::go::enqueue(&client, id, &"later".to_owned())
        .await
        .unwrap();
    wait_for_phase(&client, id, "awaiting approval (later)").await;
    // Had the early raise been kept, the instance would have failed with "rejected".
    tokio::time::sleep(Duration::from_millis(500)).await;
    let status = deploy::status::get(&client, id).await.unwrap();
    assert_eq!(status.state, State::Running, "{status:?}");
    let decision = Decision {
        approved: true,
        by: "on time".into(),
    };
    deploy::events::approval::raise(&client, id, &decision)
        .await
        .unwrap();
    let served = deploy::wait(&client, id, TIMEOUT).await.unwrap().unwrap();
    assert_eq!(served, ["approved by on time"]);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn status_and_kv_are_read_while_the_instance_runs_and_from_another_orchestration() {
    let (runtime, client) = start().await;
    let id = "itest-deploy-running";
    deploy::start(&client, id, &DeployInput { commands: 2 })
        .await
        .unwrap();
    wait_for_phase(&client, id, "ready").await;
    assert_eq!(
        deploy::kv::progress::fetch(&client, id).await.unwrap(),
        None
    );
    deploy::queues::go::enqueue(&client, id, &"go".to_owned())
        .await
        .unwrap();
    wait_for_phase(&client, id, "awaiting approval (go)").await;
    let decision = Decision {
        approved: true,
        by: "ops".into(),
    };
    deploy::events::approval::raise(&client, id, &decision)
        .await
        .unwrap();
    wait_for_phase(&client, id, "serving 0").await;
    let progress = deploy::kv::progress::wait(&client, id, TIMEOUT)
        .await
        .unwrap();
    assert_eq!(progress, Progress { done: 0, of: 2 });
    let status = deploy::status::get(&client, id).await.unwrap();
    assert_eq!(
        (status.value, status.state),
        (
            Some(Phase {
                phase: "serving 0".into()
            }),
            State::Running
        )
    );
    // Another orchestration reads it, through its own declaration of the same key.
    watcher::start(&client, "itest-watcher", &id.to_owned())
        .await
        .unwrap();
    let seen = watcher::wait(&client, "itest-watcher", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(seen, Some(Progress { done: 0, of: 2 }));
    deploy::queues::commands::enqueue(
        &client,
        id,
        &Command {
            action: "a".into(),
            count: 1,
        },
    )
    .await
    .unwrap();
    deploy::queues::commands::enqueue(
        &client,
        id,
        &Command {
            action: "b".into(),
            count: 2,
        },
    )
    .await
    .unwrap();
    deploy::wait(&client, id, TIMEOUT).await.unwrap().unwrap();
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn a_string_status_and_kv_value_are_the_bytes_of_the_hand_written_calls() {
    let (runtime, client) = start().await;
    let text = "Initializing backup";
    plain::start(&client, "itest-plain", &text.to_owned())
        .await
        .unwrap();
    plain_by_hand::start(&client, "itest-plain-hand", &text.to_owned())
        .await
        .unwrap();
    assert_eq!(
        plain::wait(&client, "itest-plain", TIMEOUT)
            .await
            .unwrap()
            .unwrap(),
        text
    );
    plain_by_hand::wait(&client, "itest-plain-hand", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    let raw_status = |status: OrchestrationStatus| match status {
        OrchestrationStatus::Completed { custom_status, .. } => custom_status,
        other => panic!("not completed: {other:?}"),
    };
    let typed = raw_status(
        client
            .get_orchestration_status("itest-plain")
            .await
            .unwrap(),
    );
    let by_hand = raw_status(
        client
            .get_orchestration_status("itest-plain-hand")
            .await
            .unwrap(),
    );
    // The raw text, as a hand-written `set_custom_status("Initializing backup")` leaves it.
    assert_eq!(typed.as_deref(), Some(text));
    assert_eq!(typed, by_hand);
    let typed = client.get_kv_value("itest-plain", "Label").await.unwrap();
    let by_hand = client
        .get_kv_value("itest-plain-hand", "Label")
        .await
        .unwrap();
    assert_eq!(typed, by_hand);
    assert_eq!(plain::kv::label::NAME, "Label");
    assert_eq!(
        plain::status::get(&client, "itest-plain-hand")
            .await
            .unwrap()
            .value
            .as_deref(),
        Some(text)
    );
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn an_event_is_the_bytes_of_the_hand_written_raise_and_a_bad_payload_is_an_error_not_a_panic()
{
    let (runtime, client) = start().await;
    let decision = Decision {
        approved: true,
        by: "ops".into(),
    };
    for id in ["itest-strict", "itest-strict-hand"] {
        let start = if id.ends_with("hand") {
            strict_by_hand::start(&client, id, &String::new()).await
        } else {
            strict::start(&client, id, &String::new()).await
        };
        start.unwrap();
    }
    // Both wait for `InstanceDeleted`: one is raised through the helper, one by hand.
    let subscribed = |history: &[duroxide::Event]| {
        events(history)
            .iter()
            .any(|e| matches!(e, EventKind::ExternalSubscribed { .. }))
    };
    for id in ["itest-strict", "itest-strict-hand"] {
        while !subscribed(
            &client
                .read_execution_history(id, 1)
                .await
                .unwrap_or_default(),
        ) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    strict::events::deleted::raise(&client, "itest-strict", &decision)
        .await
        .unwrap();
    client
        .raise_event_typed("itest-strict-hand", "InstanceDeleted", &decision)
        .await
        .unwrap();
    assert_eq!(
        strict::wait(&client, "itest-strict", TIMEOUT)
            .await
            .unwrap()
            .unwrap(),
        decision
    );
    strict_by_hand::wait(&client, "itest-strict-hand", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    let payload = |history: Vec<duroxide::Event>| {
        history.into_iter().find_map(|e| match e.kind {
            EventKind::ExternalEvent { data, .. } => Some(data),
            _ => None,
        })
    };
    let typed = payload(
        client
            .read_execution_history("itest-strict", 1)
            .await
            .unwrap(),
    );
    let by_hand = payload(
        client
            .read_execution_history("itest-strict-hand", 1)
            .await
            .unwrap(),
    );
    assert_eq!(typed, by_hand);
    assert!(typed.is_some());

    // A payload that does not decode: the orchestration gets an error naming everything.
    strict::start(&client, "itest-strict-bad", &String::new())
        .await
        .unwrap();
    while !subscribed(
        &client
            .read_execution_history("itest-strict-bad", 1)
            .await
            .unwrap_or_default(),
    ) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    client
        .raise_event(
            "itest-strict-bad",
            "InstanceDeleted",
            "{\"approved\":\"maybe\"}",
        )
        .await
        .unwrap();
    let error = strict::wait(&client, "itest-strict-bad", TIMEOUT)
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        error.contains(
            "the event `deleted` of orchestration `itest::orchestration::strict` (wire name \
             `InstanceDeleted`) carries a payload that does not decode as `Decision`"
        ),
        "{error}"
    );
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn continue_as_new_loops_and_upgrades_to_the_version_whose_helper_it_calls() {
    let (runtime, client) = start().await;
    let id = "itest-counter";
    counter_v1::start(&client, id, &0).await.unwrap();
    let output = counter_v1::wait(&client, id, TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(output, "upgraded at 3");
    let executions = client.list_executions(id).await.unwrap();
    assert_eq!(executions.len(), 5, "four of 1.0.0, then 2.0.0");
    let mut versions = Vec::new();
    for execution in &executions {
        let history = client.read_execution_history(id, *execution).await.unwrap();
        if let EventKind::OrchestrationStarted { version, .. } = &history[0].kind {
            versions.push(version.clone());
        }
    }
    assert_eq!(versions, ["1.0.0", "1.0.0", "1.0.0", "1.0.0", "2.0.0"]);
    // The input of the upgrade is the bytes a hand-written `continue_as_new_versioned` sends.
    let continued = |history: Vec<duroxide::Event>| {
        history.into_iter().find_map(|e| match e.kind {
            EventKind::OrchestrationContinuedAsNew { input } => Some(input),
            _ => None,
        })
    };
    let typed = continued(
        client
            .read_execution_history(id, executions[3])
            .await
            .unwrap(),
    );
    counter_by_hand::start(&client, "itest-counter-hand", &3)
        .await
        .unwrap();
    let output = counter_by_hand::wait(&client, "itest-counter-hand", TIMEOUT)
        .await
        .unwrap();
    assert_eq!(output.unwrap(), "upgraded at 3");
    let by_hand = continued(
        client
            .read_execution_history("itest-counter-hand", 1)
            .await
            .unwrap(),
    );
    assert_eq!(typed, by_hand);
    runtime.shutdown(None).await;
}

#[tokio::test]
async fn a_detached_start_runs_on_its_own_and_sends_the_hand_written_bytes() {
    let (runtime, client) = start().await;
    launcher::start(&client, "itest-launcher", &"itest-launched".to_owned())
        .await
        .unwrap();
    launcher::wait(&client, "itest-launcher", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    let launched = counter_v2::wait(&client, "itest-launched", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(launched, "detached at 7");
    launcher_by_hand::start(
        &client,
        "itest-launcher-hand",
        &"itest-launched-hand".to_owned(),
    )
    .await
    .unwrap();
    launcher_by_hand::wait(&client, "itest-launcher-hand", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    counter_v2::wait(&client, "itest-launched-hand", TIMEOUT)
        .await
        .unwrap()
        .unwrap();
    let input_of = |history: Vec<duroxide::Event>| {
        history.into_iter().find_map(|e| match e.kind {
            EventKind::OrchestrationStarted { input, version, .. } => Some((input, version)),
            _ => None,
        })
    };
    let typed = input_of(
        client
            .read_execution_history("itest-launched", 1)
            .await
            .unwrap(),
    );
    let by_hand = input_of(
        client
            .read_execution_history("itest-launched-hand", 1)
            .await
            .unwrap(),
    );
    assert_eq!(typed, by_hand);
    assert_eq!(typed.unwrap().1, "2.0.0");
    // An id duroxide reserves is an error of the orchestration, where duroxide's call panics.
    reserved_launcher::start(&client, "itest-reserved", &String::new())
        .await
        .unwrap();
    let error = reserved_launcher::wait(&client, "itest-reserved", TIMEOUT)
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        error.contains("instance ids that start with `sub::`"),
        "{error}"
    );
    runtime.shutdown(None).await;
}
