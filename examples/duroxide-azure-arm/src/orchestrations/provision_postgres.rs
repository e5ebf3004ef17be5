//! Provision an Azure PostgreSQL database.

use crate::activities;
use crate::activity_types::{FirewallConfig, FirewallRule, ProvisionVMInput};
use crate::types::{ProvisionPostgresInput, ProvisionPostgresOutput};
use duroxide::OrchestrationContext;
use duroxide_registry_macros::orchestration;

/// The port PostgreSQL listens on, opened in the server's firewall.
pub const POSTGRES_PORT: u16 = 5432;

/// Provision an Azure PostgreSQL database: a VM for the server and a firewall rule for its port.
#[orchestration(name = "provision-postgres")]
pub async fn provision_postgres_orchestration(
    ctx: OrchestrationContext,
    input: ProvisionPostgresInput,
) -> Result<ProvisionPostgresOutput, String> {
    ctx.trace_info(format!(
        "Provisioning PostgreSQL: {} ({})",
        input.database_name, input.sku
    ));

    let vm_input = ProvisionVMInput {
        name: format!("{}-vm", input.database_name),
        resource_group: input.resource_group.clone(),
    };
    let vm = activities::provision_vm::call(&ctx, &vm_input).await?;

    let firewall = FirewallConfig {
        resource_group: input.resource_group.clone(),
        rules: vec![FirewallRule {
            name: format!("{}-postgres", input.database_name),
            port: POSTGRES_PORT,
            protocol: "tcp".to_owned(),
        }],
    };
    activities::configure_firewall::call(&ctx, &firewall).await?;

    // Orchestrations must replay identically, so the password comes from the replay-safe GUID.
    let admin_password = ctx.new_guid().await?;
    ctx.trace_info(format!("PostgreSQL {} is ready", input.database_name));
    Ok(ProvisionPostgresOutput {
        connection_string: format!(
            "postgresql://{}@{}:{POSTGRES_PORT}/{}",
            input.admin_username, vm.ip_address, input.database_name
        ),
        server_id: vm.vm_id,
        admin_password,
    })
}

// The pattern document's "Testing Your Library", adjusted to duroxide 0.1.32:
// `Runtime` lives in `duroxide::runtime` and `wait_for_orchestration_typed` returns
// `Result<Result<Output, String>, ClientError>`, hence the second `unwrap()`.
#[cfg(test)]
mod tests {
    use super::*;
    use duroxide::providers::sqlite::SqliteProvider;
    use duroxide::runtime::Runtime;
    use duroxide::Client;
    use std::sync::Arc;

    #[tokio::test]
    async fn test_provision_postgres_orchestration() {
        let _serial = crate::test_support::one_runtime_at_a_time().await;
        let store = Arc::new(SqliteProvider::new_in_memory().await.unwrap());
        let orchestrations = crate::registry::create_orchestration_registry();
        let activities = crate::registry::create_activity_registry();

        let runtime = Runtime::start_with_store(store.clone(), activities, orchestrations).await;

        let client = Client::new(store);

        let input = ProvisionPostgresInput {
            database_name: "test-db".to_string(),
            resource_group: "test-rg".to_string(),
            sku: "Basic".to_string(),
            admin_username: "admin".to_string(),
        };

        client
            .start_orchestration_typed(
                "test-instance",
                crate::names::orchestrations::PROVISION_POSTGRES,
                input,
            )
            .await
            .unwrap();

        // Wait and verify
        let output: ProvisionPostgresOutput = client
            .wait_for_orchestration_typed("test-instance", std::time::Duration::from_secs(10))
            .await
            .unwrap()
            .unwrap();

        assert!(!output.connection_string.is_empty());

        runtime.shutdown(None).await;

        // Beyond the document: the output describes what the simulated cloud now holds.
        let vm = simulated_cloud::SimulatedCloud::ambient()
            .get(&output.server_id)
            .unwrap()
            .unwrap();
        assert_eq!(vm.kind, crate::activities::VM_KIND);
        assert_eq!(
            output.connection_string,
            format!(
                "postgresql://admin@{}:5432/test-db",
                vm.properties["ip_address"]
            )
        );
        assert_eq!(output.admin_password.len(), 36, "a GUID");
    }
}
