//! The cross-crate registry pattern written by hand, exactly as its document prescribes, next to
//! the same items written with the macros. The end-to-end tests start instances on the former and
//! finish them on the latter: the wire names and payloads must match byte for byte.

use duroxide::runtime::registry::ActivityRegistry;
use duroxide::{ActivityContext, OrchestrationContext, OrchestrationRegistry};

/// `names.rs`, as the pattern writes it: string literals.
pub mod names {
    pub mod orchestrations {
        pub const APPROVAL: &str = "duroxide-registry-macros-tests::orchestration::approval";
    }
    pub mod activities {
        pub const RESERVE_IP: &str = "duroxide-registry-macros-tests::activity::reserve-ip";
    }
    /// Every name the hand-written crate uses, to compare with the macros' output.
    pub const ALL: &[&str] = &[
        orchestrations::APPROVAL,
        activities::RESERVE_IP,
        "duroxide-registry-macros-tests::orchestration::provision-postgres",
        "duroxide-registry-macros-tests::activity::provision-vm",
        "duroxide-registry-macros-tests::activity::configure-firewall",
    ];
}

/// Reserve an IP address for a host.
pub async fn reserve_ip_activity(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(format!("10.1.0.7/{input}"))
}

/// Reserve an address, wait for a human's approval event, then reserve a second one.
pub async fn approval_orchestration(
    ctx: OrchestrationContext,
    input: String,
) -> Result<String, String> {
    let first: String = ctx
        .schedule_activity_typed(names::activities::RESERVE_IP, &input)
        .await?;
    let approver = ctx.schedule_wait("approved").await;
    let second: String = ctx
        .schedule_activity_typed(names::activities::RESERVE_IP, &format!("{input}-2"))
        .await?;
    Ok(format!("{first},{second} approved by {approver}"))
}

/// `registry.rs`, as the pattern writes it.
pub fn create_orchestration_registry() -> OrchestrationRegistry {
    OrchestrationRegistry::builder()
        .register_typed(names::orchestrations::APPROVAL, approval_orchestration)
        .build()
}

/// `registry.rs`, as the pattern writes it.
pub fn create_activity_registry() -> ActivityRegistry {
    ActivityRegistry::builder()
        .register_typed(names::activities::RESERVE_IP, reserve_ip_activity)
        .build()
}

/// The same two items after the switch to the macros: same behaviour, names derived.
pub mod migrated {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration};

    /// Reserve an IP address for a host.
    #[activity]
    pub async fn reserve_ip(_ctx: ActivityContext, input: String) -> Result<String, String> {
        Ok(format!("10.1.0.7/{input}"))
    }

    /// Reserve an address, wait for a human's approval event, then reserve a second one.
    #[orchestration]
    pub async fn approval(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        let first = reserve_ip::call(&ctx, &input).await?;
        let approver = ctx.schedule_wait("approved").await;
        let second = reserve_ip::call(&ctx, &format!("{input}-2")).await?;
        Ok(format!("{first},{second} approved by {approver}"))
    }
}
