//! Registry builders for exporting orchestrations and activities
//!
//! `registry!` generates, from the lists below:
//! - `create_orchestration_registry()`;
//! - `create_activity_registry_with_config(AzureConfig)`, which hands the configuration to the
//!   activities that take `#[config]`, and `create_activity_registry()`, which uses
//!   [`AzureConfig::default`] (read from the environment);
//! - `list_orchestrations()` and `list_activities()`, re-exported by [`crate::inventory`];
//! - the `names` module, re-exported as [`crate::names`].
//!
//! Consumers merge the registries into their own with `.merge()`. Names, duplicates and
//! version order are checked at compile time.

use crate::config::AzureConfig;
use duroxide_registry_macros::registry;

registry! {
    // Every wire name this crate has published; `tests/registry_lock.rs` keeps it current.
    lock: "registry.lock",
    // `replay::capture` and `replay::check`: `tests/histories.rs` replays the golden histories.
    replay: replay,
    names: names,
    config: AzureConfig,
    orchestrations: [
        crate::orchestrations::provision_postgres::provision_postgres_orchestration as PROVISION_POSTGRES,
        crate::orchestrations::deploy_webapp::deploy_webapp_orchestration as DEPLOY_WEBAPP,
    ],
    activities: [
        crate::activities::provision_vm,
        crate::activities::configure_firewall,
        crate::activities::create_app_service_plan,
        crate::activities::deploy_web_app,
    ],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_orchestration_registry_can_be_created() {
        let registry = create_orchestration_registry();
        for info in list_orchestrations() {
            assert!(registry.has(info.name), "{} is not registered", info.name);
        }
    }

    #[test]
    fn test_activity_registry_can_be_created() {
        let registry = create_activity_registry();
        for info in list_activities() {
            assert!(registry.has(info.name), "{} is not registered", info.name);
        }
    }

    #[test]
    fn names_are_the_documented_ones() {
        assert_eq!(
            names::orchestrations::PROVISION_POSTGRES,
            "duroxide-azure-arm::orchestration::provision-postgres"
        );
        assert_eq!(
            names::orchestrations::DEPLOY_WEBAPP,
            "duroxide-azure-arm::orchestration::deploy-webapp"
        );
        assert_eq!(
            crate::activities::provision_vm::NAME,
            "duroxide-azure-arm::activity::provision-vm"
        );
        assert_eq!(
            crate::activities::configure_firewall::NAME,
            "duroxide-azure-arm::activity::configure-firewall"
        );
    }

    #[test]
    fn provision_postgres_uses_the_two_documented_activities() {
        let info = list_orchestrations()
            .into_iter()
            .find(|info| info.name == names::orchestrations::PROVISION_POSTGRES)
            .unwrap();
        assert_eq!(
            info.activities_used,
            [
                crate::activities::provision_vm::NAME,
                crate::activities::configure_firewall::NAME
            ]
        );
        assert_eq!(info.input_type, "ProvisionPostgresInput");
        assert_eq!(info.output_type, "ProvisionPostgresOutput");
    }
}
