#![deny(warnings)]
//! Declarations of work implemented elsewhere, and retry and timeout defaults, read back at
//! run time: names, types, the policy, the inventory and the by-hand check.

use duroxide::runtime::registry::ActivityRegistry;
use duroxide::{ActivityContext, BackoffStrategy, OrchestrationContext, OrchestrationRegistry};
use duroxide_registry_macros::inventory::{Difference, Implemented, check_declarations};
use duroxide_registry_macros::{activity, orchestration, registry};
use std::time::Duration;

/// What the payments worker, written in Python, implements.
pub mod payments {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration};

    /// Charge a card.
    #[activity(
        prefix = "payments-worker",
        name = "charge-card",
        retry(attempts = 5, backoff = exponential(initial = "100ms", factor = 2, max = "30s")),
        timeout = "2m"
    )]
    pub async fn charge_card(ctx: ActivityContext, input: u64) -> Result<String, String>;

    /// Settle a day's charges.
    #[orchestration(prefix = "payments-worker", name = "settle", version = "2.1.0")]
    pub async fn settle(ctx: OrchestrationContext, input: Vec<u64>) -> Result<u64, String>;
}

/// In place, as the pattern's file-per-item layout has it.
pub mod refund {
    use duroxide::ActivityContext;
    use duroxide_registry_macros::activity;

    /// Refund a charge.
    #[activity(prefix = "payments-worker", name = "refund", timeout = "30s")]
    pub async fn activity(ctx: ActivityContext, input: String) -> Result<bool, String>;
}

/// This crate's own activity, with a fixed backoff.
#[activity(prefix = "shop", retry(attempts = 3, backoff = fixed(delay = "1s")))]
pub async fn reserve_stock(_ctx: ActivityContext, input: u32) -> Result<u32, String> {
    Ok(input)
}

/// This crate's own, still registered by hand.
#[activity(prefix = "shop", name = "ship-order")]
pub async fn ship_order(ctx: ActivityContext, input: String) -> Result<String, String>;

/// This crate's own orchestration, calling through the declarations.
#[orchestration(prefix = "shop")]
pub async fn checkout(ctx: OrchestrationContext, input: u64) -> Result<String, String> {
    let stock = reserve_stock::call(&ctx, &1).await?;
    let receipt = payments::charge_card::call(&ctx, &input).await?;
    let _ = payments::charge_card::call_once(&ctx, &input).await?;
    let _ = refund::call_with_retry(&ctx, &receipt, refund::retry_policy()).await?;
    Ok(format!("{receipt} x{stock}"))
}

registry! {
    orchestrations: [checkout],
    activities: [reserve_stock],
    by_hand: [ship_order],
    external: [payments::charge_card, payments::settle, refund],
}

fn main() {
    // Names and types, as declared.
    assert_eq!(
        payments::charge_card::NAME,
        "payments-worker::activity::charge-card"
    );
    assert_eq!(
        payments::settle::NAME,
        "payments-worker::orchestration::settle"
    );
    assert_eq!(payments::settle::VERSION, "2.1.0");
    let _: payments::settle::Input = vec![1_u64];
    assert_eq!(refund::NAME, "payments-worker::activity::refund");

    // The declared policies.
    let policy = payments::charge_card::retry_policy();
    assert_eq!(policy.max_attempts, 5);
    assert_eq!(policy.timeout, Some(Duration::from_secs(120)));
    assert!(matches!(
        policy.backoff,
        BackoffStrategy::Exponential { base, multiplier, max }
            if base == Duration::from_millis(100) && (multiplier - 2.0).abs() < f64::EPSILON && max == Duration::from_secs(30)
    ));
    let policy = refund::retry_policy();
    assert_eq!(
        (policy.max_attempts, policy.timeout),
        (1, Some(Duration::from_secs(30)))
    );
    assert!(matches!(policy.backoff, BackoffStrategy::None));
    assert!(matches!(
        reserve_stock::retry_policy().backoff,
        BackoffStrategy::Fixed { delay } if delay == Duration::from_secs(1)
    ));

    // The inventory: registered here, by hand, and elsewhere, each marked.
    let activities = list_activities();
    let summary: Vec<(&str, Implemented, Option<&str>)> = activities
        .iter()
        .map(|a| (a.name, a.implemented, a.retry))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "shop::activity::reserve-stock",
                Implemented::Here,
                Some("3 attempts, fixed 1s")
            ),
            ("shop::activity::ship-order", Implemented::ByHand, None),
            (
                "payments-worker::activity::charge-card",
                Implemented::Elsewhere,
                Some("5 attempts, exponential 100ms×2 up to 30s, timeout 2m")
            ),
            (
                "payments-worker::activity::refund",
                Implemented::Elsewhere,
                Some("1 attempt, timeout 30s")
            ),
        ]
    );
    let orchestrations = list_orchestrations();
    assert_eq!(orchestrations.len(), 2);
    assert_eq!(
        orchestrations[1].name,
        "payments-worker::orchestration::settle"
    );
    assert_eq!(orchestrations[1].implemented, Implemented::Elsewhere);

    // Only the registered ones are registered.
    let registry = create_activity_registry();
    assert!(registry.has(reserve_stock::NAME));
    assert!(!registry.has(payments::charge_card::NAME) && !registry.has(ship_order::NAME));

    // The by-hand item is checked against the registries actually built.
    let orchestration_registry = create_orchestration_registry();
    let missing = verify_by_hand(&registry, &orchestration_registry).unwrap_err();
    assert_eq!(
        missing,
        ["the activity `shop::activity::ship-order` is not in the activity registry"]
    );
    let by_hand = ActivityRegistry::builder()
        .register_typed(
            ship_order::NAME,
            |_ctx: ActivityContext, input: String| async move { Ok::<_, String>(input) },
        )
        .build();
    let merged = ActivityRegistry::builder()
        .merge(registry)
        .merge(by_hand)
        .build();
    verify_by_hand(&merged, &OrchestrationRegistry::builder().build()).unwrap();

    // The declarations against the payments crate's own inventory (here, a stand-in).
    let implementation = payments_inventory();
    let mismatches = check_declarations(
        (&orchestrations, &activities),
        (&implementation.0, &implementation.1),
    )
    .unwrap_err()
    .0;
    assert_eq!(mismatches.len(), 2, "{mismatches:?}");
    assert_eq!(
        mismatches[0].difference,
        Difference::Version {
            implemented: vec!["2.0.0"]
        }
    );
    assert!(matches!(
        mismatches[1].difference,
        Difference::Type {
            which: "output",
            ..
        }
    ));
}

/// The payments crate's inventory as its own `registry!` would list it: `settle` only at 2.0.0,
/// `refund` returning another type, `charge-card` as declared.
fn payments_inventory() -> (Vec<OrchestrationInfo>, Vec<ActivityInfo>) {
    let mut settle = list_orchestrations().remove(1);
    settle.version = "2.0.0";
    settle.implemented = Implemented::Here;
    let mut activities = list_activities();
    activities.retain(|a| a.implemented == Implemented::Elsewhere);
    for activity in &mut activities {
        activity.implemented = Implemented::Here;
        if activity.name.ends_with("refund") {
            activity.output_type = "payments::RefundReceipt";
        }
    }
    (vec![settle], activities)
}
