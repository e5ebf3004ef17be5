//! Discovery across every composed crate (the pattern's Pattern 6), for `list`.
//!
//! Every crate's `registry!` returns the same two types, `duroxide_registry_macros::inventory`'s
//! `OrchestrationInfo` and `ActivityInfo`, so the inventories of all the crates the app composes
//! merge into one list as they are.

use duroxide_registry_macros::inventory::{ActivityInfo, DeclaredInfo, OrchestrationInfo};
use serde::Serialize;

/// The inventory of one crate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrateInventory {
    /// The crate's name prefix, as in its names.
    pub crate_name: &'static str,
    /// Its orchestrations.
    pub orchestrations: Vec<OrchestrationInfo>,
    /// Its activities.
    pub activities: Vec<ActivityInfo>,
}

/// Every crate the app composes, in the order it merges them.
#[must_use]
pub fn discover() -> Vec<CrateInventory> {
    vec![
        CrateInventory {
            crate_name: "duroxide-azure-arm",
            orchestrations: duroxide_azure_arm::inventory::list_orchestrations(),
            activities: duroxide_azure_arm::inventory::list_activities(),
        },
        CrateInventory {
            crate_name: "duroxide-aws-ec2",
            orchestrations: duroxide_aws_ec2::inventory::list_orchestrations(),
            activities: duroxide_aws_ec2::inventory::list_activities(),
        },
        CrateInventory {
            crate_name: "my-app",
            orchestrations: crate::registry::list_orchestrations(),
            activities: crate::registry::list_activities(),
        },
    ]
}

/// Every orchestration of every composed crate, in one list: no conversion, since every crate's
/// inventory returns the same type.
#[must_use]
pub fn all_orchestrations() -> Vec<OrchestrationInfo> {
    [
        duroxide_azure_arm::inventory::list_orchestrations(),
        duroxide_aws_ec2::inventory::list_orchestrations(),
        crate::registry::list_orchestrations(),
    ]
    .concat()
}

/// The inventory as aligned text tables, one section per crate.
#[must_use]
pub fn render_table(crates: &[CrateInventory]) -> String {
    let mut out = String::new();
    for krate in crates {
        let mut table = crate::table::plain(["NAME", "KIND", "INPUT -> OUTPUT", "DESCRIPTION"]);
        for o in &krate.orchestrations {
            table.add_row([
                o.name.to_owned(),
                format!("orchestration v{}", o.version),
                format!("{} -> {}", o.input_type, o.output_type),
                o.description.to_owned(),
            ]);
        }
        for a in &krate.activities {
            let kind = if a.idempotent {
                "activity, idempotent"
            } else {
                "activity"
            };
            table.add_row([
                a.name.to_owned(),
                kind.to_owned(),
                format!("{} -> {}", a.input_type, a.output_type),
                a.description.to_owned(),
            ]);
        }
        out.push_str(krate.crate_name);
        out.push('\n');
        out.push_str(&crate::table::render(&table));
        for o in krate
            .orchestrations
            .iter()
            .filter(|o| !o.activities_used.is_empty())
        {
            out.push_str(&format!(
                "  {} uses: {}\n",
                o.name,
                o.activities_used.join(", ")
            ));
        }
        for o in &krate.orchestrations {
            if let Some(interface) = describe_interface(o) {
                out.push_str(&format!("  {} declares: {interface}\n", o.name));
            }
        }
        out.push('\n');
    }
    out
}

/// `event approval (Approval), queue commands (DeployCommand), status Progress`: what an
/// orchestration exchanges besides its input and output; `None` when it declares nothing.
#[must_use]
pub fn describe_interface(o: &OrchestrationInfo) -> Option<String> {
    let declared = |kind: &str, item: &DeclaredInfo| {
        let wire = if item.wire_name == item.key {
            String::new()
        } else {
            format!(" as \"{}\"", item.wire_name)
        };
        format!("{kind} {}{wire} ({})", item.key, item.payload_type)
    };
    let items: Vec<String> = (o.events.iter().map(|e| declared("event", e)))
        .chain(o.queues.iter().map(|q| declared("queue", q)))
        .chain(o.kv.iter().map(|k| declared("kv", k)))
        .chain(o.status.map(|status| format!("status {status}")))
        .collect();
    (!items.is_empty()).then(|| items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_declares_its_interface_in_the_inventory() {
        let deploy = crate::registry::list_orchestrations()
            .into_iter()
            .find(|o| o.name == crate::names::orchestrations::DEPLOY_MULTI_CLOUD)
            .unwrap();
        assert_eq!(
            describe_interface(&deploy).as_deref(),
            Some("event approval (Approval), queue commands (DeployCommand), status Progress")
        );
    }

    #[test]
    fn the_merged_list_holds_every_crates_orchestrations_in_order() {
        let merged = all_orchestrations();
        let by_crate: Vec<OrchestrationInfo> = discover()
            .into_iter()
            .flat_map(|krate| krate.orchestrations)
            .collect();
        assert_eq!(merged, by_crate);
        assert!(merged
            .iter()
            .any(|o| o.name.starts_with("duroxide-azure-arm::")));
        assert!(merged
            .iter()
            .any(|o| o.name.starts_with("duroxide-aws-ec2::")));
    }

    #[test]
    fn the_table_has_a_row_per_item_and_the_uses_of_each_orchestration() {
        let crates = discover();
        let table = render_table(&crates);
        for krate in &crates {
            assert!(table.contains(&format!("{}\n", krate.crate_name)));
            for a in &krate.activities {
                let row = table
                    .lines()
                    .find(|line| line.trim_start().starts_with(a.name))
                    .unwrap();
                assert_eq!(row.contains("idempotent"), a.idempotent);
                assert!(row.ends_with(a.description));
            }
            for o in &krate.orchestrations {
                assert!(table.contains(&format!(
                    "  {} uses: {}",
                    o.name,
                    o.activities_used.join(", ")
                )));
                if let Some(interface) = describe_interface(o) {
                    assert!(table.contains(&format!("  {} declares: {interface}\n", o.name)));
                }
            }
        }
    }
}
