//! The app's own registry, and the composition of all three crates (Pattern 2).

use duroxide::runtime::registry::ActivityRegistry;
use duroxide::OrchestrationRegistry;
use duroxide_azure_arm::AzureConfig;
use duroxide_registry_macros::registry;

registry! {
    names: names,
    // `replay::capture` and `replay::check`: `tests/histories.rs` replays the golden histories
    // that `examples/record_app_histories.rs` records.
    replay: replay,
    orchestrations: [
        crate::orchestrations::deploy_multi_cloud_app as DEPLOY_MULTI_CLOUD,
        crate::orchestrations::replace_instance as REPLACE_INSTANCE,
    ],
    activities: [crate::activities::publish_dns_record],
    // Declared, not implemented: the EC2 worker registers it (here, the library's registry,
    // merged below). Listed for the inventory, which marks it `Implemented::Elsewhere`.
    external: [crate::declared::terminate_instance],
}

/// Every orchestration the app runs: both libraries' and its own, composed with `.merge()`.
///
/// # Errors
///
/// Two crates register the same name and version.
pub fn composed_orchestration_registry() -> Result<OrchestrationRegistry, String> {
    OrchestrationRegistry::builder()
        .merge(duroxide_azure_arm::registry::create_orchestration_registry())
        .merge(duroxide_aws_ec2::registry::create_orchestration_registry())
        .merge(create_orchestration_registry())
        .build_result()
}

/// Every activity the app runs, with `azure` injected into the Azure activities that take it.
///
/// # Errors
///
/// Two crates register the same activity name.
pub fn composed_activity_registry(azure: AzureConfig) -> Result<ActivityRegistry, String> {
    ActivityRegistry::builder()
        .merge(duroxide_azure_arm::registry::create_activity_registry_with_config(azure))
        .merge(duroxide_aws_ec2::registry::create_activity_registry())
        .merge(create_activity_registry())
        .build_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_composition_holds_every_inventoried_item_without_collisions() {
        let orchestrations = composed_orchestration_registry().unwrap();
        let activities = composed_activity_registry(AzureConfig::from_env()).unwrap();
        for krate in crate::inventory::discover() {
            for o in &krate.orchestrations {
                assert!(orchestrations.has(o.name), "{} missing", o.name);
            }
            for a in &krate.activities {
                assert!(activities.has(a.name), "{} missing", a.name);
            }
        }
    }

    #[test]
    fn the_app_orchestration_has_the_documented_name_and_uses_both_libraries() {
        assert_eq!(
            names::orchestrations::DEPLOY_MULTI_CLOUD,
            "my-app::orchestration::deploy-multi-cloud"
        );
        let uses = crate::orchestrations::deploy_multi_cloud_app::ACTIVITIES_USED;
        assert!(uses.contains(&duroxide_azure_arm::names::orchestrations::PROVISION_POSTGRES));
        assert!(uses.contains(&duroxide_aws_ec2::names::orchestrations::CREATE_EC2_CLUSTER));
        assert!(uses.contains(&crate::activities::publish_dns_record::NAME));
    }
}
