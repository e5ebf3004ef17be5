#![deny(warnings)]
//! registry!: registries, inventory and names, all read back at run time.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};
use duroxide_registry_macros::inventory::Implemented;

pub mod activities {
    use duroxide::ActivityContext;
    use duroxide_registry_macros::activity;

    /// Provision an Azure VM.
    #[activity(idempotent)]
    pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
        Ok(input)
    }

    /// Configure firewall rules.
    #[activity]
    pub async fn configure_firewall(_ctx: ActivityContext, input: Vec<u16>) -> Result<usize, String> {
        Ok(input.len())
    }
}

pub mod orchestrations {
    use duroxide::OrchestrationContext;
    use duroxide_registry_macros::orchestration;

    /// Provision PostgreSQL.
    #[orchestration(name = "provision-postgres")]
    pub async fn provision_postgres_orchestration(
        ctx: OrchestrationContext,
        input: String,
    ) -> Result<String, String> {
        let vm = crate::activities::provision_vm::call(&ctx, &input).await?;
        let _ = crate::activities::configure_firewall::call(&ctx, &vec![5432]).await?;
        Ok(vm)
    }

    /// Provision PostgreSQL, with a region.
    #[orchestration(name = "provision-postgres", version = "2.0.0")]
    pub async fn provision_postgres_v2(ctx: OrchestrationContext, input: (String, String)) -> Result<String, String> {
        crate::activities::provision_vm::call(&ctx, &input.0).await
    }

    /// Provision PostgreSQL, third take.
    #[orchestration(name = "provision-postgres", version = "10.0.0")]
    pub async fn provision_postgres_v10(ctx: OrchestrationContext, input: String) -> Result<String, String> {
        crate::activities::provision_vm::call(&ctx, &input).await
    }
}

/// A second registry, with its own prefix, in its own module.
pub mod billing {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration, registry};

    #[activity("billing")]
    pub async fn charge(_ctx: ActivityContext, input: u64) -> Result<u64, String> {
        Ok(input)
    }

    #[orchestration("billing")]
    pub async fn settle(ctx: OrchestrationContext, input: u64) -> Result<u64, String> {
        charge::call(&ctx, &input).await
    }

    registry! {
        orchestrations: [settle],
        activities: [charge],
    }
}

// Versions listed out of order: duroxide would panic on this order, registry! sorts it.
registry! {
    names: names,
    orchestrations: [
        orchestrations::provision_postgres_v10,
        orchestrations::provision_postgres_orchestration as PROVISION_POSTGRES,
        orchestrations::provision_postgres_v2,
    ],
    activities: [activities::provision_vm, activities::configure_firewall,],
}

#[activity]
pub async fn unlisted(_ctx: ActivityContext, input: String) -> Result<String, String> {
    Ok(input)
}

#[orchestration]
pub async fn unlisted_orchestration(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    Ok(input)
}

fn main() {
    let orchestrations = create_orchestration_registry();
    let name = orchestrations::provision_postgres_orchestration::NAME;
    assert_eq!(orchestrations.list_names(), [name]);
    let versions: Vec<String> = orchestrations.list_versions(name).iter().map(ToString::to_string).collect();
    assert_eq!(versions, ["1.0.0", "2.0.0", "10.0.0"]);

    let activities = create_activity_registry();
    assert!(activities.has(activities::provision_vm::NAME));
    assert!(activities.has(activities::configure_firewall::NAME));
    assert!(!activities.has(unlisted::NAME));
    assert_eq!(activities.count(), 2);

    // Registries from two modules, each with its own prefix, merge as the pattern shows.
    let merged = duroxide::OrchestrationRegistry::builder()
        .merge(create_orchestration_registry())
        .merge(billing::create_orchestration_registry())
        .build_result()
        .expect("no duplicates across prefixes");
    assert!(merged.has(billing::settle::NAME) && merged.has(name));
    assert!(billing::settle::NAME.starts_with("billing::orchestration::"));
    assert!(!merged.has(unlisted_orchestration::NAME));

    assert_eq!(
        list_activities(),
        [
            ActivityInfo {
                name: activities::provision_vm::NAME,
                description: "Provision an Azure VM.",
                input_type: "String",
                output_type: "String",
                idempotent: true,
                retry: None,
                implemented: Implemented::Here,
            },
            ActivityInfo {
                name: activities::configure_firewall::NAME,
                description: "Configure firewall rules.",
                input_type: "Vec<u16>",
                output_type: "usize",
                idempotent: false,
                retry: None,
                implemented: Implemented::Here,
            },
        ]
    );
    let listed = list_orchestrations();
    let versions: Vec<&str> = listed.iter().map(|o| o.version).collect();
    assert_eq!(versions, ["10.0.0", "1.0.0", "2.0.0"], "the inventory keeps the list's order");
    assert_eq!(
        listed[1],
        OrchestrationInfo {
            name,
            description: "Provision PostgreSQL.",
            input_type: "String",
            output_type: "String",
            activities_used: vec![activities::provision_vm::NAME, activities::configure_firewall::NAME],
            version: "1.0.0",
            events: vec![],
            queues: vec![],
            kv: vec![],
            status: None,
            implemented: Implemented::Here,
        }
    );
    assert_eq!(listed[2].input_type, "(String, String)");
    assert_eq!(listed[2].activities_used, [activities::provision_vm::NAME]);

    let json = serde_json::to_value(&listed[1]).unwrap();
    assert_eq!(json["name"], name);
    assert_eq!(json["activities_used"][1], activities::configure_firewall::NAME);

    assert_eq!(names::orchestrations::PROVISION_POSTGRES, name);
    assert_eq!(names::orchestrations::PROVISION_POSTGRES_V2, name);
    assert_eq!(names::activities::PROVISION_VM, activities::provision_vm::NAME);
    assert_eq!(names::activities::CONFIGURE_FIREWALL, activities::configure_firewall::NAME);
    assert_eq!(billing::list_activities()[0].name, "billing::activity::charge");
}
