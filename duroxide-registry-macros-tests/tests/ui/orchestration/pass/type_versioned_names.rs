#![deny(warnings)]
//! The pattern's type versioning names each breaking change of the types anew, with a version
//! suffix: `provision-postgres@v1`, `provision-postgres@v2`. Two orchestrations, one registry.

use duroxide::OrchestrationContext;
use duroxide_registry_macros::{orchestration, registry};

/// Provision PostgreSQL, first types.
#[orchestration(prefix = "duroxide-azure-arm", name = "provision-postgres@v1")]
pub async fn provision_postgres_v1(_ctx: OrchestrationContext, input: String) -> Result<String, String> {
    Ok(input)
}

/// Provision PostgreSQL, with a region.
#[orchestration(prefix = "duroxide-azure-arm", name = "provision-postgres@v2")]
pub async fn provision_postgres_v2(_ctx: OrchestrationContext, input: (String, String)) -> Result<String, String> {
    Ok(input.0)
}

registry! {
    names: names,
    orchestrations: [provision_postgres_v1, provision_postgres_v2],
}

fn main() {
    assert_eq!(
        provision_postgres_v1::NAME,
        "duroxide-azure-arm::orchestration::provision-postgres@v1"
    );
    assert_eq!(names::orchestrations::PROVISION_POSTGRES_V2, provision_postgres_v2::NAME);
    let registry = create_orchestration_registry();
    assert!(registry.has("duroxide-azure-arm::orchestration::provision-postgres@v2"));
}
