//! Every consumer snippet of the pattern document (Part 2, Patterns 1–6, and the configuration
//! injection of "Common Patterns"), compiled and run against the example libraries.
//!
//! Each `patternN` function is the document's `main` (or fragment) as written, except where
//! duroxide 0.1.32's API differs; every such change carries an `// 0.1.32:` comment. Lines the
//! document leaves implicit (undefined variables, missing imports) are marked `// Filled in:`,
//! and checks added to prove a snippet really works are marked `// Added:`.
//!
//! The snippets use `sqlite:./data.db`, so the single test below runs them one after another
//! in a scratch working directory. Each runs in a tokio runtime of its own, dropped afterwards,
//! which stops the duroxide runtime the snippet started and left running, as a process exit
//! would.

// The snippets bind a value and then return it; kept as written.
#![allow(clippy::let_and_return)]

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

// 0.1.32: SQLite creates a missing database file only with `mode=rwc`.
const STORE: &str = "sqlite:./data.db?mode=rwc";

/// Pattern 1: Import Everything from One Crate.
mod pattern_1 {
    use super::{Result, STORE};
    use duroxide::providers::sqlite::SqliteProvider;
    use duroxide::runtime::Runtime;
    use duroxide_azure_arm::registry::{create_activity_registry, create_orchestration_registry};
    use std::sync::Arc;

    pub async fn main() -> Result {
        let store = Arc::new(SqliteProvider::new(STORE, None).await?);

        // Import pre-built registries
        let orchestrations = create_orchestration_registry();
        let activities = create_activity_registry();

        let runtime = Runtime::start_with_store(store, activities, orchestrations).await;

        // Your orchestrations and activities are now available
        // Added: a shutdown, so that this runtime is gone before the next pattern starts its own.
        runtime.shutdown(None).await;
        Ok(())
    }
}

/// Pattern 2: Compose Multiple Crates. The document's `my_workflows` and `my_activities` are
/// the app's own crate here.
mod pattern_2 {
    use super::{Result, STORE};
    // 0.1.32: `Runtime` is not re-exported at the crate root.
    use duroxide::providers::sqlite::SqliteProvider;
    use duroxide::runtime::registry::ActivityRegistry;
    use duroxide::runtime::Runtime;
    use duroxide::OrchestrationRegistry;
    use multi_cloud_app as my_activities;
    use multi_cloud_app as my_workflows;
    use std::sync::Arc;

    pub async fn main() -> Result {
        let store = Arc::new(SqliteProvider::new(STORE, None).await?);

        // Compose orchestrations from multiple crates
        let orchestrations = OrchestrationRegistry::builder()
            .merge(duroxide_azure_arm::registry::create_orchestration_registry())
            .merge(duroxide_aws_ec2::registry::create_orchestration_registry())
            .merge(my_workflows::registry::create_orchestration_registry())
            .build();

        // Compose activities from multiple crates
        let activities = ActivityRegistry::builder()
            .merge(duroxide_azure_arm::registry::create_activity_registry())
            .merge(duroxide_aws_ec2::registry::create_activity_registry())
            .merge(my_activities::registry::create_activity_registry())
            .build();

        // Added: everything of the three crates is registered.
        assert!(orchestrations.has(my_workflows::names::orchestrations::DEPLOY_MULTI_CLOUD));
        assert!(orchestrations.has(duroxide_aws_ec2::names::orchestrations::CREATE_EC2_CLUSTER));
        assert!(activities.has(duroxide_azure_arm::activities::provision_vm::NAME));

        let runtime = Runtime::start_with_store(store, activities, orchestrations).await;

        runtime.shutdown(None).await; // Added, as in Pattern 1.
        Ok(())
    }
}

/// Pattern 3: Selective Import.
mod pattern_3 {
    use super::{Result, STORE};
    use duroxide::runtime::registry::ActivityRegistry;
    use duroxide::{Client, OrchestrationRegistry};
    use duroxide_azure_arm::names::orchestrations;
    use duroxide_azure_arm::{activities, orchestrations as orch_impl};
    use std::sync::Arc;
    // Filled in: the snippet uses these without importing them.
    use duroxide::providers::sqlite::SqliteProvider;
    use duroxide::runtime::Runtime;

    pub async fn main() -> Result {
        let store = Arc::new(SqliteProvider::new(STORE, None).await?);

        // Import only specific items
        let orchestrations = OrchestrationRegistry::builder()
            .register_typed(
                orchestrations::PROVISION_POSTGRES,
                orch_impl::provision_postgres::provision_postgres_orchestration,
            )
            // Don't import DEPLOY_WEBAPP - we don't need it
            .build();

        // 0.1.32: `start_with_store` takes the registry itself, not an `Arc` of it.
        let activities = ActivityRegistry::builder()
            .register_typed(
                activities::provision_vm::NAME,
                activities::provision_vm::activity,
            )
            .register_typed(
                activities::configure_firewall::NAME,
                activities::configure_firewall::activity,
            )
            .build();

        let runtime = Runtime::start_with_store(store.clone(), activities, orchestrations).await;

        // Added: the selection is enough to run PROVISION_POSTGRES end to end.
        let client = Client::new(store);
        let input = duroxide_azure_arm::ProvisionPostgresInput {
            database_name: "selective-db".into(),
            resource_group: "selective-rg".into(),
            sku: "Basic".into(),
            admin_username: "admin".into(),
        };
        client
            .start_orchestration_typed("selective-1", orchestrations::PROVISION_POSTGRES, &input)
            .await?;
        let output: duroxide_azure_arm::ProvisionPostgresOutput = client
            .wait_for_orchestration_typed("selective-1", std::time::Duration::from_secs(300))
            .await??;
        assert!(output.connection_string.ends_with(":5432/selective-db"));
        runtime.shutdown(None).await;

        Ok(())
    }
}

/// "Common Patterns: Configuration Injection", the consumer side.
mod configuration_injection {
    use duroxide::runtime::registry::ActivityRegistry;
    use duroxide_azure_arm::AzureConfig;

    pub fn consumer() -> ActivityRegistry {
        // Consumer configures
        let config = AzureConfig::from_env();
        let activities = duroxide_azure_arm::registry::create_activity_registry_with_config(config);
        activities
    }
}

/// Pattern 4: Using Orchestrations. The document's `main` uses a `store` it never defines; here
/// it is a parameter, and a runtime started by the caller runs the instance.
mod pattern_4 {
    use super::Result;
    use duroxide::providers::Provider;
    use duroxide::Client;
    use duroxide_azure_arm::names::orchestrations;
    use duroxide_azure_arm::types::ProvisionPostgresInput;
    use std::sync::Arc;
    // Filled in: used below without an import.
    use duroxide_azure_arm::types::ProvisionPostgresOutput;

    pub async fn main(store: Arc<dyn Provider>) -> Result<ProvisionPostgresOutput> {
        let client = Client::new(store);

        // Create strongly-typed input
        let input = ProvisionPostgresInput {
            database_name: "my-production-db".to_string(),
            resource_group: "production-rg".to_string(),
            sku: "Standard_D2s_v3".to_string(),
            admin_username: "dbadmin".to_string(),
        };

        // Start orchestration with typed input
        client
            .start_orchestration_typed(
                "postgres-prod-1",                  // instance ID
                orchestrations::PROVISION_POSTGRES, // orchestration name
                input,                              // typed input (auto-serialized)
            )
            .await?;

        // Wait for completion with typed output
        // 0.1.32: the typed wait returns `Result<Result<Output, String>, ClientError>`, hence `??`.
        let output: ProvisionPostgresOutput = client
            .wait_for_orchestration_typed("postgres-prod-1", std::time::Duration::from_secs(300))
            .await??;

        println!("Connection string: {}", output.connection_string);

        Ok(output)
    }
}

/// Pattern 5: Cross-Crate Orchestration Composition, the document's own version (the app's
/// `deploy-multi-cloud` does the same through the typed `call` helpers).
mod pattern_5 {
    use duroxide::{OrchestrationContext, OrchestrationRegistry};
    use duroxide_aws_ec2::names::orchestrations as aws;
    use duroxide_azure_arm::names::orchestrations as azure;
    use serde::{Deserialize, Serialize};

    // Filled in: the document does not define these types.
    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct DeployMultiCloudInput {
        pub name: String,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct DeployMultiCloudOutput {
        pub db_connection: String,
        pub cluster_endpoint: String,
    }

    pub async fn deploy_multi_cloud_app(
        ctx: OrchestrationContext,
        input: DeployMultiCloudInput,
    ) -> Result<DeployMultiCloudOutput, String> {
        // Filled in: the document's `db_config` and `cluster_config`.
        let db_config = duroxide_azure_arm::types::ProvisionPostgresInput {
            database_name: format!("{}-db", input.name),
            resource_group: format!("{}-rg", input.name),
            sku: "Basic".into(),
            admin_username: "admin".into(),
        };
        let cluster_config = duroxide_aws_ec2::types::CreateEc2ClusterInput {
            cluster_name: format!("{}-cluster", input.name),
            instance_count: 2,
            region: "eu-west-1".into(),
        };

        // Deploy database on Azure
        // 0.1.32: the typed sub-orchestration call with an explicit instance id is
        // `schedule_sub_orchestration_with_id_typed`, and it takes the input by reference.
        let db_result: duroxide_azure_arm::types::ProvisionPostgresOutput = ctx
            .schedule_sub_orchestration_with_id_typed(
                azure::PROVISION_POSTGRES,
                "db-instance",
                &db_config,
            )
            .await?;

        // Deploy compute on AWS
        let compute_result: duroxide_aws_ec2::types::CreateEc2ClusterOutput = ctx
            .schedule_sub_orchestration_with_id_typed(
                aws::CREATE_EC2_CLUSTER,
                "app-cluster",
                &cluster_config,
            )
            .await?;

        Ok(DeployMultiCloudOutput {
            db_connection: db_result.connection_string,
            cluster_endpoint: compute_result.endpoint,
        })
    }

    pub fn registry() -> OrchestrationRegistry {
        // Register your custom orchestration alongside imported ones using .merge()
        let orchestrations = OrchestrationRegistry::builder()
            .merge(duroxide_azure_arm::registry::create_orchestration_registry())
            .merge(duroxide_aws_ec2::registry::create_orchestration_registry())
            .register_typed(
                "my-app::orchestration::deploy-multi-cloud",
                deploy_multi_cloud_app,
            )
            .build();
        orchestrations
    }
}

/// Pattern 6: Discovery at Runtime.
mod pattern_6 {
    use duroxide_azure_arm::inventory;

    pub fn main() {
        // List all available orchestrations
        for orch in inventory::list_orchestrations() {
            println!("{}", orch.name);
            println!("  Description: {}", orch.description);
            println!("  Input: {}", orch.input_type);
            println!("  Output: {}", orch.output_type);
            println!("  Uses activities: {:?}", orch.activities_used);
        }

        // List all available activities
        for activity in inventory::list_activities() {
            println!("{}", activity.name);
            println!("  Idempotent: {}", activity.idempotent);
        }
    }
}

fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(future)
}

/// Patterns 4 and 5 need a running runtime; this one has everything the snippets use.
async fn patterns_4_and_5() -> Result {
    use duroxide::providers::sqlite::SqliteProvider;
    use duroxide::runtime::registry::ActivityRegistry;
    use duroxide::runtime::Runtime;
    use duroxide::Client;
    use std::sync::Arc;

    let store = Arc::new(SqliteProvider::new(STORE, None).await?);
    let activities = ActivityRegistry::builder()
        .merge(configuration_injection::consumer())
        .merge(duroxide_aws_ec2::registry::create_activity_registry())
        .build();
    let runtime = Runtime::start_with_store(store.clone(), activities, pattern_5::registry()).await;

    let output = pattern_4::main(store.clone()).await?;
    assert!(output
        .connection_string
        .starts_with("postgresql://dbadmin@"));

    let client = Client::new(store);
    let input = pattern_5::DeployMultiCloudInput {
        name: "pattern5".into(),
    };
    client
        .start_orchestration_typed(
            "pattern-5",
            "my-app::orchestration::deploy-multi-cloud",
            &input,
        )
        .await?;
    let deployed: pattern_5::DeployMultiCloudOutput = client
        .wait_for_orchestration_typed("pattern-5", std::time::Duration::from_secs(300))
        .await??;
    assert_eq!(
        deployed.cluster_endpoint,
        "http://pattern5-cluster-lb.eu-west-1.elb.sim"
    );
    assert!(deployed.db_connection.ends_with(":5432/pattern5-db"));

    runtime.shutdown(None).await;
    Ok(())
}

#[test]
fn the_documents_consumer_snippets_compile_and_run() {
    // duroxide logs every trace line to stdout unless a subscriber is installed first.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();

    let scratch = tempfile::tempdir().unwrap();
    // The only test in this binary, so changing the working directory affects nothing else.
    std::env::set_current_dir(scratch.path()).unwrap();

    block_on(pattern_1::main()).unwrap();
    assert!(
        scratch.path().join("data.db").exists(),
        "Pattern 1 opens ./data.db"
    );
    block_on(pattern_2::main()).unwrap();
    block_on(pattern_3::main()).unwrap();
    block_on(patterns_4_and_5()).unwrap();
    pattern_6::main();
}
