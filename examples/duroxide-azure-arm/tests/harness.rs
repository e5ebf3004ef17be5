//! Every orchestration of this crate, run with the test harness
//! (`duroxide_registry_macros::testing`): the activities are mocks typed by their companions,
//! so no cloud is touched, and each test reads what the body did from the calls it made.

use duroxide_azure_arm::activities;
use duroxide_azure_arm::orchestrations::deploy_webapp::deploy_webapp_orchestration;
use duroxide_azure_arm::orchestrations::provision_postgres::provision_postgres_orchestration;
use duroxide_azure_arm::registry;
use duroxide_azure_arm::{
    AppServicePlanOutput, AzureError, DeployWebappInput, FirewallOutput, ProvisionPostgresInput,
    ProvisionVMOutput, WebAppOutput,
};
use duroxide_registry_macros::testing::{activity, orchestration, Harness};

fn harness() -> Harness {
    Harness::new(
        registry::create_orchestration_registry(),
        registry::create_activity_registry(),
    )
}

fn postgres_input() -> ProvisionPostgresInput {
    ProvisionPostgresInput {
        database_name: "orders".to_owned(),
        resource_group: "rg-orders".to_owned(),
        sku: "Standard_B1ms".to_owned(),
        admin_username: "admin".to_owned(),
    }
}

#[tokio::test]
async fn provision_postgres_opens_the_port_of_the_vm_it_made() {
    let input = postgres_input();
    let run = harness()
        .mocks_only()
        .mock(activity!(activities::provision_vm), |vm| {
            Ok(ProvisionVMOutput {
                vm_id: format!("vm-{}", vm.name),
                ip_address: "10.0.0.9".into(),
            })
        })
        .mock(activity!(activities::configure_firewall), |firewall| {
            Ok(FirewallOutput {
                rule_ids: firewall.rules.iter().map(|r| r.name.clone()).collect(),
            })
        })
        .run(orchestration!(provision_postgres_orchestration), &input)
        .await;

    let output = run.output().unwrap();
    assert_eq!(
        output.connection_string,
        "postgresql://admin@10.0.0.9:5432/orders"
    );
    assert_eq!(output.server_id, "vm-orders-vm");
    assert_eq!(
        output.admin_password.len(),
        36,
        "a GUID from ctx.new_guid()"
    );
    let vms = run.calls(activity!(activities::provision_vm));
    assert_eq!(vms.len(), 1);
    assert_eq!(vms[0].resource_group, input.resource_group);
    let firewalls = run.calls(activity!(activities::configure_firewall));
    assert_eq!(firewalls[0].resource_group, input.resource_group);
    assert_eq!(firewalls[0].rules[0].port, 5432);
    assert_eq!(firewalls[0].rules[0].protocol, "tcp");
}

#[tokio::test]
async fn provision_postgres_fails_with_the_vm_activity_s_error_and_opens_nothing() {
    let quota = AzureError::QuotaExceeded {
        resource_type: "vm".into(),
    };
    let run = harness()
        .mocks_only()
        .fail(activity!(activities::provision_vm), quota.encode())
        .run(
            orchestration!(provision_postgres_orchestration),
            &postgres_input(),
        )
        .await;
    assert_eq!(AzureError::decode(&run.output().unwrap_err()), Some(quota));
    assert!(run
        .calls(activity!(activities::configure_firewall))
        .is_empty());
}

fn webapp_input(tier: &str) -> DeployWebappInput {
    DeployWebappInput {
        app_name: "shop".to_owned(),
        resource_group: "rg-shop".to_owned(),
        tier: tier.to_owned(),
        backend_url: "http://backend.sim".to_owned(),
    }
}

/// `deploy-webapp` with plan and app mocked; the plan takes whatever tier it is asked for.
fn webapp_harness() -> Harness {
    harness()
        .mocks_only()
        .mock(activity!(activities::create_app_service_plan), |plan| {
            Ok(AppServicePlanOutput {
                plan_id: format!("plan-{}-{}", plan.name, plan.tier),
                tier: plan.tier,
            })
        })
        .mock(activity!(activities::deploy_web_app), |app| {
            Ok(WebAppOutput {
                app_id: format!("app-{}", app.name),
                url: format!("https://{}.sim", app.name),
            })
        })
}

#[tokio::test]
async fn deploy_webapp_falls_back_a_tier_when_the_first_plan_has_no_quota() {
    let no_premium = AzureError::QuotaExceeded {
        resource_type: "app-service-plan/premium".into(),
    };
    let run = webapp_harness()
        .fail_times(
            activity!(activities::create_app_service_plan),
            1,
            no_premium.encode(),
        )
        .run(
            orchestration!(deploy_webapp_orchestration),
            &webapp_input("premium"),
        )
        .await;

    let output = run.output().unwrap();
    assert_eq!(output.tier, "standard");
    assert_eq!(output.downgraded_from.as_deref(), Some("premium"));
    assert_eq!(output.plan_id, "plan-shop-plan-standard");
    let tiers: Vec<String> = run
        .calls(activity!(activities::create_app_service_plan))
        .into_iter()
        .map(|plan| plan.tier)
        .collect();
    assert_eq!(tiers, ["premium", "standard"]);
    let apps = run.calls(activity!(activities::deploy_web_app));
    assert_eq!(apps.len(), 1);
    assert_eq!(apps[0].plan_id, output.plan_id);
}

#[tokio::test]
async fn deploy_webapp_does_not_retry_an_error_that_no_tier_fixes() {
    let run = webapp_harness()
        .fail(
            activity!(activities::create_app_service_plan),
            AzureError::AuthenticationFailed.encode(),
        )
        .run(
            orchestration!(deploy_webapp_orchestration),
            &webapp_input("premium"),
        )
        .await;
    assert_eq!(
        AzureError::decode(&run.output().unwrap_err()),
        Some(AzureError::AuthenticationFailed)
    );
    assert_eq!(
        run.calls(activity!(activities::create_app_service_plan))
            .len(),
        1
    );
    assert!(run.calls(activity!(activities::deploy_web_app)).is_empty());
}

#[tokio::test]
async fn deploy_webapp_on_the_requested_tier_replays_from_its_capture() {
    let run = webapp_harness()
        .run(
            orchestration!(deploy_webapp_orchestration),
            &webapp_input("basic"),
        )
        .await;
    let output = run.output().unwrap();
    assert_eq!(
        (output.tier.as_str(), output.downgraded_from),
        ("basic", None)
    );
    assert_eq!(output.app_url, "https://shop.sim");
    // The capture is a golden history as `examples/record_azure_histories.rs` writes them.
    let report = registry::replay::check(run.capture()).unwrap();
    assert_eq!(report.replayed.len(), 1);
}
