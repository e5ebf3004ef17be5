//! A small duroxide library written with the macros, used by the end-to-end tests and the
//! quickstart example, plus [`handwritten`]: the same names written by hand, as the
//! cross-crate registry pattern prescribes, to prove that switching keeps every wire name.

pub mod handwritten;

use serde::{Deserialize, Serialize};

/// Input and output types, as the pattern's `types.rs` and `activity_types.rs` have them.
pub mod types {
    use super::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ProvisionVMInput {
        pub name: String,
        pub resource_group: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ProvisionVMOutput {
        pub vm_id: String,
        pub ip_address: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct FirewallConfig {
        pub resource_group: String,
        pub ports: Vec<u16>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ProvisionPostgresInput {
        pub database_name: String,
        pub resource_group: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ProvisionPostgresOutput {
        pub server_id: String,
        pub connection_string: String,
        pub open_ports: usize,
        pub session_worker: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct DeployStackOutput {
        pub primary: ProvisionPostgresOutput,
        pub replica: ProvisionPostgresOutput,
    }
}

pub mod activities {
    use crate::types::{FirewallConfig, ProvisionVMInput, ProvisionVMOutput};
    use duroxide::ActivityContext;
    use duroxide_registry_macros::activity;
    use std::collections::HashMap;
    use std::sync::Mutex;

    /// How many times each activity ran for each input, so tests can see retries and reuse.
    static ATTEMPTS: Mutex<Option<HashMap<String, u32>>> = Mutex::new(None);

    fn attempt(key: String) -> u32 {
        let mut guard = ATTEMPTS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let count = guard
            .get_or_insert_with(HashMap::new)
            .entry(key)
            .or_insert(0);
        *count += 1;
        *count
    }

    /// How many times `activity` ran for `input`.
    pub fn attempts(activity: &str, input: &str) -> u32 {
        let guard = ATTEMPTS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        guard
            .as_ref()
            .and_then(|map| map.get(&format!("{activity}/{input}")).copied())
            .unwrap_or(0)
    }

    /// Provision an Azure VM.
    ///
    /// Simulated: the VM id is derived from its name.
    #[activity(idempotent)]
    pub async fn provision_vm(
        ctx: ActivityContext,
        input: ProvisionVMInput,
    ) -> Result<ProvisionVMOutput, String> {
        ctx.trace_info(format!("provisioning {}", input.name));
        attempt(format!("provision_vm/{}", input.name));
        Ok(ProvisionVMOutput {
            vm_id: format!("vm-{}-{}", input.resource_group, input.name),
            ip_address: "10.0.0.4".to_owned(),
        })
    }

    /// Configure firewall rules. Fails on its first attempt for each resource group, as a flaky
    /// cloud API would, so that callers must retry.
    #[activity(idempotent)]
    pub async fn configure_firewall(
        _ctx: ActivityContext,
        input: FirewallConfig,
    ) -> Result<usize, String> {
        if attempt(format!("configure_firewall/{}", input.resource_group)) == 1 {
            return Err("transient: firewall API busy".to_owned());
        }
        Ok(input.ports.len())
    }

    /// Report which session the activity ran on.
    #[activity]
    pub async fn session_probe(
        ctx: ActivityContext,
        input: String,
    ) -> Result<Option<String>, String> {
        let _ = input;
        Ok(ctx.session_id().map(str::to_owned))
    }

    /// Echo a text: a JSON string payload, which duroxide's codec sends as raw content.
    #[activity]
    pub async fn echo(_ctx: ActivityContext, input: String) -> Result<String, String> {
        Ok(input)
    }
}

pub mod orchestrations {
    use crate::activities::{configure_firewall, provision_vm, session_probe};
    use crate::types::{
        DeployStackOutput, FirewallConfig, ProvisionPostgresInput, ProvisionPostgresOutput,
        ProvisionVMInput,
    };
    use duroxide::{OrchestrationContext, RetryPolicy};
    use duroxide_registry_macros::orchestration;

    /// Provision a PostgreSQL server on a new VM.
    #[orchestration(name = "provision-postgres")]
    pub async fn provision_postgres_orchestration(
        ctx: OrchestrationContext,
        input: ProvisionPostgresInput,
    ) -> Result<ProvisionPostgresOutput, String> {
        let vm_input = ProvisionVMInput {
            name: format!("{}-vm", input.database_name),
            resource_group: input.resource_group.clone(),
        };
        let vm = provision_vm::call(&ctx, &vm_input).await?;
        let firewall = FirewallConfig {
            resource_group: input.resource_group.clone(),
            ports: vec![5432, 22],
        };
        let open_ports =
            configure_firewall::call_with_retry(&ctx, &firewall, RetryPolicy::new(3)).await?;
        let session_worker =
            session_probe::call_on_session(&ctx, &input.database_name, "db-session").await?;
        Ok(ProvisionPostgresOutput {
            server_id: vm.vm_id,
            connection_string: format!(
                "postgresql://{}:5432/{}",
                vm.ip_address, input.database_name
            ),
            open_ports,
            session_worker,
        })
    }

    /// Deploy a primary and a replica, each as a sub-orchestration.
    #[orchestration]
    pub async fn deploy_stack(
        ctx: OrchestrationContext,
        input: ProvisionPostgresInput,
    ) -> Result<DeployStackOutput, String> {
        let primary = provision_postgres_orchestration::call(&ctx, &input).await?;
        let replica_input = ProvisionPostgresInput {
            database_name: format!("{}-replica", input.database_name),
            ..input
        };
        let replica_id = format!("{}::replica", ctx.instance_id());
        let replica =
            provision_postgres_orchestration::call_with_id(&ctx, replica_id, &replica_input)
                .await?;
        Ok(DeployStackOutput { primary, replica })
    }

    /// Greet, first version.
    #[orchestration]
    pub async fn greet(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
        Ok(format!("hello {input} (v1)"))
    }

    /// Greet, second version: a different output type, as a breaking change would have.
    #[orchestration(name = "greet", version = "2.0.0")]
    pub async fn greet_v2(
        _ctx: OrchestrationContext,
        input: String,
    ) -> Result<(String, u32), String> {
        Ok((format!("hello {input}"), 2))
    }

    /// Call `greet` both ways, for comparing what each puts in history. By hand, duroxide's
    /// policy picks the latest version, so the caller has to know to expect v2's output type;
    /// the helper pins the version its types belong to.
    #[orchestration]
    pub async fn compare_payloads(
        ctx: OrchestrationContext,
        input: String,
    ) -> Result<String, String> {
        let by_helper = greet::call(&ctx, &input).await?;
        let by_hand: (String, u32) = ctx
            .schedule_sub_orchestration_typed(greet::NAME, &input)
            .await?;
        let echoed = crate::activities::echo::call(&ctx, &input).await?;
        Ok(format!(
            "{by_helper}|{} (v{})|{echoed}",
            by_hand.0, by_hand.1
        ))
    }
}

/// A second library in the same crate, with its own prefix and registry, as another crate would be.
pub mod billing {
    use duroxide::{ActivityContext, OrchestrationContext};
    use duroxide_registry_macros::{activity, orchestration, registry};

    /// Charge an amount, in cents.
    #[activity("duroxide-billing", idempotent)]
    pub async fn charge(_ctx: ActivityContext, input: u64) -> Result<String, String> {
        Ok(format!("charged {input}"))
    }

    /// Charge and confirm.
    #[orchestration("duroxide-billing")]
    pub async fn settle(ctx: OrchestrationContext, input: u64) -> Result<String, String> {
        charge::call(&ctx, &input).await
    }

    registry! {
        orchestrations: [settle],
        activities: [charge],
    }
}

/// The registry functions, inventory and names of this library.
pub mod registry {
    use crate::{activities, orchestrations};

    duroxide_registry_macros::registry! {
        names: names,
        orchestrations: [
            orchestrations::greet_v2,
            orchestrations::provision_postgres_orchestration as PROVISION_POSTGRES,
            orchestrations::deploy_stack,
            orchestrations::greet,
            orchestrations::compare_payloads,
            crate::handwritten::migrated::approval as APPROVAL,
        ],
        activities: [
            activities::provision_vm,
            activities::configure_firewall,
            activities::session_probe,
            activities::echo,
            crate::handwritten::migrated::reserve_ip,
        ],
    }
}
