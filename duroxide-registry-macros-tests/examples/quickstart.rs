//! The smallest end-to-end program: start an orchestration on embedded SQLite through the typed
//! helpers, print its typed result, then print the inventory that `registry!` generated.
//!
//! Run it with `cargo run -p duroxide-registry-macros-tests --example quickstart`.

use duroxide::providers::sqlite::SqliteProvider;
use duroxide::runtime::Runtime;
use duroxide::Client;
use duroxide_registry_macros_tests::orchestrations::provision_postgres_orchestration as provision_postgres;
use duroxide_registry_macros_tests::registry;
use duroxide_registry_macros_tests::types::ProvisionPostgresInput;
use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let store = Arc::new(SqliteProvider::new_in_memory().await?);
    let runtime = Runtime::start_with_store(
        store.clone(),
        registry::create_activity_registry(),
        registry::create_orchestration_registry(),
    )
    .await;
    let client = Client::new(store);

    let input = ProvisionPostgresInput {
        database_name: "orders".to_owned(),
        resource_group: "production-rg".to_owned(),
    };
    // Typed: a wrong input type here, or a wrong expected output, would not compile.
    provision_postgres::start(&client, "quickstart-1", &input).await?;
    let output =
        provision_postgres::wait(&client, "quickstart-1", Duration::from_secs(30)).await??;
    println!("{} finished:", provision_postgres::NAME);
    println!("  server:      {}", output.server_id);
    println!("  connection:  {}", output.connection_string);
    println!("  open ports:  {}", output.open_ports);

    println!("\nOrchestrations:");
    for info in registry::list_orchestrations() {
        println!(
            "  {} @ {}  ({} -> {})",
            info.name, info.version, info.input_type, info.output_type
        );
        println!("      {}", info.description);
        for used in info.activities_used {
            println!("      uses {used}");
        }
    }
    println!("\nActivities:");
    for info in registry::list_activities() {
        let idempotent = if info.idempotent { ", idempotent" } else { "" };
        println!(
            "  {}  ({} -> {}{idempotent})",
            info.name, info.input_type, info.output_type
        );
    }
    runtime.shutdown(None).await;
    Ok(())
}
