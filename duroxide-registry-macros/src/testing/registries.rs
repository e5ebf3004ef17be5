//! The registries a run starts its runtime with: the crate's, with the test's mocks in place.
//!
//! duroxide's builders keep the first registration of a name and version and record later ones
//! as errors (`register_typed`, `merge`), so a mock cannot be layered over a registered handler.
//! Each registry is therefore rebuilt, name by name: every handler is re-registered behind a
//! closure that consults the test's plan, and a mocked name gets the mock instead.

use super::plan::{ActivityPlan, RawFn, TestPlan};
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::runtime::ActivityHandler;
use duroxide::{ActivityContext, OrchestrationContext, OrchestrationRegistry};
use std::collections::BTreeSet;
use std::sync::Arc;

/// The activity registry of a run: every registered activity and every activity the test
/// mocked or made fail, each behind its plan.
pub(super) fn activities(plan: &TestPlan) -> ActivityRegistry {
    let names: BTreeSet<String> = plan
        .activities
        .list_names()
        .into_iter()
        .chain(plan.activity_plans.keys().map(|name| (*name).to_owned()))
        .collect();
    let mut builder = ActivityRegistry::builder();
    for name in names {
        let wish = plan
            .activity_plans
            .get(name.as_str())
            .cloned()
            .unwrap_or_default();
        let unmocked = Unmocked {
            registered: plan
                .activities
                .resolve_handler(&name)
                .map(|(_, handler)| handler),
            name: name.clone(),
            mocks_only: plan.mocks_only,
        };
        builder = builder.register(name, move |ctx: ActivityContext, input: String| {
            let call = decide(&wish, &unmocked, input);
            async move { call.run(ctx).await }
        });
    }
    builder.build()
}

/// What an activity that the test did not mock does.
#[derive(Clone)]
struct Unmocked {
    name: String,
    registered: Option<Arc<dyn ActivityHandler>>,
    mocks_only: bool,
}

/// One call of an activity, decided before it runs, so that the future owns what it needs.
enum Call {
    Done(Result<String, String>),
    Registered(Arc<dyn ActivityHandler>, String),
}

impl Call {
    async fn run(self, ctx: ActivityContext) -> Result<String, String> {
        match self {
            Call::Done(result) => result,
            Call::Registered(handler, input) => handler.invoke(ctx, input).await,
        }
    }
}

/// The plan applied to one call: an injected failure first, then the mock, then the
/// registered function (or, with `mocks_only`, an error naming the activity).
fn decide(plan: &ActivityPlan, unmocked: &Unmocked, input: String) -> Call {
    if let Some(failures) = plan.failures.as_ref().filter(|failures| failures.take()) {
        return Call::Done(Err(failures.message.clone()));
    }
    if let Some(mock) = &plan.mock {
        return Call::Done(mock(input));
    }
    match &unmocked.registered {
        Some(_) if unmocked.mocks_only => Call::Done(Err(not_mocked(&unmocked.name))),
        Some(handler) => Call::Registered(handler.clone(), input),
        None => Call::Done(Err(not_registered(&unmocked.name))),
    }
}

fn not_mocked(name: &str) -> String {
    format!(
        "activity `{name}` is not mocked, and this harness runs mocks only \
         (`Harness::mocks_only`): mock it with `.mock(activity!(..), |input| ..)`"
    )
}

/// An activity the test made fail, whose failures are spent, and that nothing else runs.
fn not_registered(name: &str) -> String {
    format!(
        "activity `{name}` is neither registered nor mocked: mock it with \
         `.mock(activity!(..), |input| ..)`"
    )
}

/// The orchestration registry of a run: every registered version, and the test's mocks in
/// place of (or beside) them, registered in ascending version order as duroxide requires.
pub(super) fn orchestrations(plan: &TestPlan) -> OrchestrationRegistry {
    let registered = &plan.orchestrations;
    let names: BTreeSet<String> = registered
        .list_names()
        .into_iter()
        .chain(
            plan.orchestration_mocks
                .keys()
                .map(|(name, _)| (*name).to_owned()),
        )
        .collect();
    let mut builder = OrchestrationRegistry::builder();
    for name in names {
        let mut versions = registered.list_versions(&name);
        for (mocked, version) in plan.orchestration_mocks.keys() {
            // duroxide does not re-export semver: the type is the one `list_versions` returns.
            if *mocked == name {
                if let Ok(version) = version.parse() {
                    versions.push(version);
                }
            }
        }
        versions.sort();
        versions.dedup();
        for version in versions {
            let text = version.to_string();
            let mock = plan
                .orchestration_mocks
                .iter()
                .find(|((mocked, v), _)| *mocked == name && *v == text)
                .map(|(_, mock)| mock.clone());
            builder = match (mock, registered.resolve_handler_exact(&name, &version)) {
                (Some(mock), _) => builder.register_versioned(&name, &text, mocked(mock)),
                (None, Some(handler)) => {
                    builder.register_versioned(&name, &text, move |ctx, input| {
                        let handler = handler.clone();
                        async move { handler.invoke(ctx, input).await }
                    })
                }
                (None, None) => builder,
            };
        }
    }
    builder.build()
}

/// A sub-orchestration's mock, as a handler: its result at once, on every turn.
fn mocked(
    mock: RawFn,
) -> impl Fn(OrchestrationContext, String) -> std::future::Ready<Result<String, String>>
       + Send
       + Sync
       + 'static {
    move |_ctx, input| std::future::ready(mock(input))
}
