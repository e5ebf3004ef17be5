//! What a run reads from the histories: the calls of a step, how many have completed, and
//! whether the instance waits on an event or a queue.

use super::describe::{Inbox, Step};
use crate::replay::Execution;
use duroxide::{Event, EventKind};
use std::collections::HashSet;
use std::fmt::Write;

/// The inputs of every call of `step`, as scheduled: the instance's executions in order, then
/// its sub-orchestrations', in the order the store lists them.
pub(super) fn inputs(executions: &[Execution], step: Step) -> Vec<&str> {
    executions
        .iter()
        .flat_map(|execution| &execution.events)
        .filter_map(|event| match (&event.kind, step) {
            (EventKind::ActivityScheduled { name, input, .. }, Step::Activity(wanted))
            | (
                EventKind::SubOrchestrationScheduled { name, input, .. },
                Step::Orchestration(wanted),
            ) if name == wanted => Some(input.as_str()),
            _ => None,
        })
        .collect()
}

/// How many calls of `step` have completed or failed, over every execution.
pub(super) fn completed(executions: &[Execution], step: Step) -> usize {
    executions
        .iter()
        .map(|execution| {
            let scheduled: HashSet<u64> = execution
                .events
                .iter()
                .filter(|event| schedules(event, step))
                .map(|event| event.event_id)
                .collect();
            execution
                .events
                .iter()
                .filter(|event| is_completion(event))
                .filter(|event| {
                    event
                        .source_event_id
                        .is_some_and(|id| scheduled.contains(&id))
                })
                .count()
        })
        .sum()
}

fn schedules(event: &Event, step: Step) -> bool {
    match (&event.kind, step) {
        (EventKind::ActivityScheduled { name, .. }, Step::Activity(wanted))
        | (EventKind::SubOrchestrationScheduled { name, .. }, Step::Orchestration(wanted)) => {
            name == wanted
        }
        _ => false,
    }
}

fn is_completion(event: &Event) -> bool {
    matches!(
        event.kind,
        EventKind::ActivityCompleted { .. }
            | EventKind::ActivityFailed { .. }
            | EventKind::SubOrchestrationCompleted { .. }
            | EventKind::SubOrchestrationFailed { .. }
    )
}

/// How many payloads `inbox` has received, over the executions of one instance.
pub(super) fn received(executions: &[Execution], inbox: Inbox) -> usize {
    executions
        .iter()
        .flat_map(|execution| &execution.events)
        .filter(|event| match (&event.kind, inbox) {
            (EventKind::ExternalEvent { name, .. }, Inbox::Event(wanted))
            | (EventKind::QueueEventDelivered { name, .. }, Inbox::Queue(wanted)) => name == wanted,
            _ => false,
        })
        .count()
}

/// Whether the latest execution waits on `inbox`: a subscription that is neither cancelled nor
/// answered yet.
///
/// duroxide writes every raised event and every queue message into the history as it arrives.
/// An event answers the oldest open subscription, and is dropped when none is open; a queue
/// message waits for a `dequeue`, and those not dequeued are carried into the next execution
/// by `continue_as_new`.
pub(super) fn waits_on(executions: &[Execution], inbox: Inbox) -> bool {
    let Some(latest) = executions.last() else {
        return false;
    };
    let mut open: Vec<u64> = Vec::new();
    let mut messages = carried(latest, inbox);
    for event in &latest.events {
        match (&event.kind, inbox) {
            (EventKind::ExternalSubscribed { name }, Inbox::Event(wanted))
            | (EventKind::QueueSubscribed { name }, Inbox::Queue(wanted))
                if name == wanted =>
            {
                open.push(event.event_id);
            }
            (
                EventKind::ExternalSubscribedCancelled { .. }
                | EventKind::QueueSubscriptionCancelled { .. },
                _,
            ) => open.retain(|id| Some(*id) != event.source_event_id),
            (EventKind::ExternalEvent { name, .. }, Inbox::Event(wanted))
                if name == wanted && !open.is_empty() =>
            {
                open.remove(0);
            }
            (EventKind::QueueEventDelivered { name, .. }, Inbox::Queue(wanted))
                if name == wanted =>
            {
                messages += 1;
            }
            _ => {}
        }
    }
    // A queue's subscriptions take its messages in order; one left without is a wait.
    match inbox {
        Inbox::Event(_) => !open.is_empty(),
        Inbox::Queue(_) => open.len() > messages,
    }
}

/// Queue messages an execution started with, carried over by `continue_as_new`.
fn carried(execution: &Execution, inbox: Inbox) -> usize {
    let Inbox::Queue(wanted) = inbox else {
        return 0;
    };
    execution
        .events
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::OrchestrationStarted {
                carry_forward_events: Some(carried),
                ..
            } => Some(carried.iter().filter(|(name, _)| name == wanted).count()),
            _ => None,
        })
        .sum()
}

/// One line per event, for a failure message.
pub(super) fn describe(executions: &[Execution]) -> String {
    let mut text = String::new();
    for execution in executions {
        let _ = writeln!(
            text,
            "  {} (execution {}):",
            execution.instance, execution.execution_id
        );
        for event in &execution.events {
            let _ = writeln!(text, "    {:>3} {:?}", event.event_id, event.kind);
        }
    }
    text
}
