#![deny(warnings)]
//! A function under `#[cfg(...)]` and its twin under the opposite cfg, both listed in
//! `registry!` with `#[cfg]` on the list entry. Whichever twin is compiled out must leave
//! nothing behind: no companion, no registration, no inventory row, no name constant, no
//! const check. `debug_assertions` is a cfg Cargo always declares, so `unexpected_cfgs` stays
//! quiet; the assertions below hold in both the dev and the release profile.
//!
//! The `#[cfg]` is written above `#[activity]` for one twin (the item is gone before the macro
//! runs) and below it for the other (the macro sees the cfg and copies it onto its companion).

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};

pub mod steps {
    use super::{ActivityContext, activity};

    /// Fast, for development builds.
    #[cfg(debug_assertions)]
    #[activity("twins", name = "encode")]
    pub async fn encode_fast(_ctx: ActivityContext, n: u32) -> Result<u32, String> {
        Ok(n)
    }

    /// Thorough, for release builds.
    #[activity("twins", name = "encode")]
    #[cfg(not(debug_assertions))]
    pub async fn encode_thorough(_ctx: ActivityContext, n: u32) -> Result<u32, String> {
        Ok(n * 2)
    }

    /// Twins with one and the same function name, told apart only by their cfg.
    #[activity("twins")]
    #[cfg(debug_assertions)]
    pub async fn verify(_ctx: ActivityContext, n: u32) -> Result<bool, String> {
        Ok(n > 0)
    }

    /// The release twin of `verify`.
    #[cfg(not(debug_assertions))]
    #[activity("twins", idempotent)]
    pub async fn verify(_ctx: ActivityContext, n: u32) -> Result<bool, String> {
        Ok(n > 1)
    }

    /// Always present.
    #[activity("twins")]
    pub async fn always(_ctx: ActivityContext, n: u32) -> Result<u32, String> {
        Ok(n)
    }
}

pub mod flows {
    use super::{OrchestrationContext, orchestration};

    /// The development flow.
    #[orchestration("twins", name = "flow", version = "1.0.0")]
    #[cfg(debug_assertions)]
    pub async fn flow_debug(ctx: OrchestrationContext, n: u32) -> Result<u32, String> {
        crate::steps::encode_fast::call(&ctx, &n).await
    }

    /// The release flow, at another version of the same name.
    #[cfg(not(debug_assertions))]
    #[orchestration("twins", name = "flow", version = "2.0.0")]
    pub async fn flow_release(ctx: OrchestrationContext, n: u32) -> Result<u32, String> {
        crate::steps::encode_thorough::call(&ctx, &n).await
    }
}

registry! {
    names: names,
    orchestrations: [
        #[cfg(debug_assertions)]
        flows::flow_debug as FLOW,
        #[cfg(not(debug_assertions))]
        flows::flow_release as FLOW,
    ],
    activities: [
        #[cfg(debug_assertions)]
        steps::encode_fast as ENCODE,
        #[cfg(not(debug_assertions))]
        steps::encode_thorough as ENCODE,
        steps::verify,
        #[cfg(all())]
        steps::always,
        #[cfg(any())]
        steps::never_compiled,
    ],
}

fn main() {
    let debug = cfg!(debug_assertions);
    assert_eq!(names::activities::ENCODE, "twins::activity::encode");
    assert_eq!(names::activities::VERIFY, "twins::activity::verify");
    assert_eq!(names::orchestrations::FLOW, "twins::orchestration::flow");
    assert_eq!(steps::verify::IDEMPOTENT, !debug);
    let (version, description) = if debug {
        ("1.0.0", "The development flow.")
    } else {
        (
            "2.0.0",
            "The release flow, at another version of the same name.",
        )
    };

    let activities = create_activity_registry();
    assert_eq!(activities.count(), 3);
    assert!(activities.has(names::activities::ENCODE));
    assert!(activities.has(names::activities::VERIFY));
    assert!(activities.has(names::activities::ALWAYS));

    let orchestrations = create_orchestration_registry();
    assert_eq!(orchestrations.count(), 1);
    let versions: Vec<String> = orchestrations
        .list_versions(names::orchestrations::FLOW)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(versions, [version]);

    let listed: Vec<(&str, &str)> = list_activities()
        .iter()
        .map(|a| (a.name, a.description))
        .collect();
    let encode_description = if debug {
        "Fast, for development builds."
    } else {
        "Thorough, for release builds."
    };
    let verify_description = if debug {
        "Twins with one and the same function name, told apart only by their cfg."
    } else {
        "The release twin of `verify`."
    };
    assert_eq!(
        listed,
        [
            (names::activities::ENCODE, encode_description),
            (names::activities::VERIFY, verify_description),
            (names::activities::ALWAYS, "Always present."),
        ]
    );
    let flows = list_orchestrations();
    assert_eq!(flows.len(), 1);
    assert_eq!(
        (flows[0].version, flows[0].description),
        (version, description)
    );
    assert_eq!(flows[0].activities_used, [names::activities::ENCODE]);
}
