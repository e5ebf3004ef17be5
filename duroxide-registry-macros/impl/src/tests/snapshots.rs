//! Snapshots of the expansion: one activity, one versioned orchestration and one `registry!`,
//! rendered as Rust by `prettyplease` and kept in `snapshots/` by `expect-test`. Every change to
//! generated code shows in the diff of those files; `UPDATE_EXPECT=1 cargo test -p
//! duroxide-registry-macros` rewrites them, and the diff is then read like any other.

use crate::item::Kind;
use expect_test::{expect_file, ExpectFile};
use proc_macro2::TokenStream;
use quote::quote;

fn render(tokens: TokenStream) -> String {
    let file: syn::File = match syn::parse2(tokens.clone()) {
        Ok(file) => file,
        Err(error) => panic!("the expansion does not parse as items ({error}):\n{tokens}"),
    };
    prettyplease::unparse(&file)
}

fn assert_no_errors(expanded: &str) {
    assert!(
        !expanded.contains("compile_error"),
        "a snapshot case must expand cleanly:\n{expanded}"
    );
}

fn check(expanded: TokenStream, snapshot: &ExpectFile) {
    // The lock's `include_str!` names the file by its absolute path, which is this machine's.
    let rendered = render(expanded).replace(env!("CARGO_MANIFEST_DIR"), "$CARGO_MANIFEST_DIR");
    assert_no_errors(&rendered);
    snapshot.assert_eq(&rendered);
}

#[test]
fn an_activity() {
    let expanded = crate::expand::attribute(
        Kind::Activity,
        quote!(idempotent),
        quote! {
            /// Provision an Azure VM.
            pub async fn provision_vm(
                ctx: ActivityContext,
                input: ProvisionVmInput,
            ) -> Result<ProvisionVmOutput, String> {
                ctx.trace_info("provisioning");
                Ok(ProvisionVmOutput::from(input))
            }
        },
    );
    check(expanded, &expect_file!["snapshots/activity.expanded.rs"]);
}

#[test]
fn a_versioned_orchestration() {
    let expanded = crate::expand::attribute(
        Kind::Orchestration,
        quote!(name = "provision-postgres", version = "2.0.0"),
        quote! {
            /// Provision a PostgreSQL server on a new VM.
            pub async fn provision_postgres_v2(
                ctx: OrchestrationContext,
                input: ProvisionPostgresInput,
            ) -> Result<ProvisionPostgresOutput, String> {
                let vm = activities::provision_vm::call(&ctx, &input.vm).await?;
                activities::configure_firewall::call(&ctx, &vm.address).await?;
                Ok(ProvisionPostgresOutput::new(vm))
            }
        },
    );
    check(
        expanded,
        &expect_file!["snapshots/orchestration.expanded.rs"],
    );
}

#[test]
fn a_registry() {
    let expanded = crate::registry::expand(quote! {
        names: names,
        orchestrations: [orchestrations::provision_postgres_v2 as PROVISION_POSTGRES],
        activities: [
            activities::provision_vm,
            #[cfg(feature = "firewall")] activities::configure_firewall,
        ],
    });
    check(expanded, &expect_file!["snapshots/registry.expanded.rs"]);
}

#[test]
fn an_activity_in_place() {
    let expanded = crate::expand::attribute(
        Kind::Activity,
        quote!(name = "provision-vm"),
        quote! {
            pub async fn activity(ctx: ActivityContext, input: ProvisionVmInput) -> Result<ProvisionVmOutput, String> {
                Ok(ProvisionVmOutput::from(input))
            }
        },
    );
    check(
        expanded,
        &expect_file!["snapshots/activity_in_place.expanded.rs"],
    );
}

#[test]
fn a_registry_with_a_lock_and_a_version_family() {
    let expanded = crate::registry::expand(quote! {
        lock: "src/tests/snapshots/registry.lock",
        names: names,
        replay: replay,
        orchestrations: [
            create_instance::v1_0_5 as CREATE_INSTANCE,
            create_instance::v1_0_6 as CREATE_INSTANCE,
        ],
        activities: [activities::provision_vm, #[cfg(feature = "dns")] activities::publish_dns],
    });
    check(
        expanded,
        &expect_file!["snapshots/registry_with_lock.expanded.rs"],
    );
}

#[test]
fn a_declared_activity_with_retry_defaults() {
    let expanded = crate::expand::attribute(
        Kind::Activity,
        quote!(
            prefix = "payments-worker",
            name = "charge-card",
            retry(
                attempts = 5,
                backoff = exponential(initial = "100ms", factor = 2, max = "30s")
            ),
            timeout = "2m"
        ),
        quote! {
            /// Charge a card (implemented by the payments worker, in Python).
            pub async fn charge_card(ctx: ActivityContext, input: ChargeInput) -> Result<ChargeOutput, String>;
        },
    );
    check(
        expanded,
        &expect_file!["snapshots/activity_declared_with_defaults.expanded.rs"],
    );
}

#[test]
fn a_registry_with_declarations() {
    let expanded = crate::registry::expand(quote! {
        orchestrations: [orchestrations::deploy],
        activities: [activities::provision_vm],
        by_hand: [legacy::create_instance],
        external: [payments::charge_card],
    });
    check(
        expanded,
        &expect_file!["snapshots/registry_with_declarations.expanded.rs"],
    );
}
