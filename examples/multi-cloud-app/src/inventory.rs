//! Discovery across every composed crate (the pattern's Pattern 6), for `list`.
//!
//! Every crate's `registry!` returns the same two types, `duroxide_registry_macros::inventory`'s
//! `OrchestrationInfo` and `ActivityInfo`, so the inventories of all the crates the app composes
//! merge into one list as they are.
//!
//! A crate's inventory also lists what it only declares (`registry!`'s `external`): the app's
//! lists `duroxide-aws-ec2::activity::terminate-instance`, which it calls but the EC2 worker
//! implements. `list` marks such an item `external`, and `graph` labels the calls to it.

use duroxide_registry_macros::inventory::{
    ActivityInfo, DeclaredInfo, Implemented, OrchestrationInfo,
};
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

/// `orchestration v1.0.0`, `activity, idempotent`, and `, external` for an item the crate only
/// declares (or `, by hand` for one it still registers by hand).
fn kind(base: String, implemented: Implemented) -> String {
    match implemented {
        Implemented::Here => base,
        Implemented::ByHand => base + ", by hand",
        Implemented::Elsewhere => base + ", external",
    }
}

/// The inventory as aligned text tables, one section per crate. Below each table, what each
/// orchestration uses and declares, and the retry defaults each activity states.
#[must_use]
pub fn render_table(crates: &[CrateInventory]) -> String {
    let mut out = String::new();
    for krate in crates {
        let mut table = crate::table::plain(["NAME", "KIND", "INPUT -> OUTPUT", "DESCRIPTION"]);
        for o in &krate.orchestrations {
            table.add_row([
                o.name.to_owned(),
                kind(format!("orchestration v{}", o.version), o.implemented),
                format!("{} -> {}", o.input_type, o.output_type),
                o.description.to_owned(),
            ]);
        }
        for a in &krate.activities {
            let base = if a.idempotent {
                "activity, idempotent"
            } else {
                "activity"
            };
            table.add_row([
                a.name.to_owned(),
                kind(base.to_owned(), a.implemented),
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
        for a in &krate.activities {
            if let Some(retry) = a.retry {
                out.push_str(&format!("  {} retry: {retry}\n", a.name));
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
    fn the_app_lists_the_activity_it_only_declares_as_external_with_its_retry() {
        let crates = discover();
        let app = crates.iter().find(|c| c.crate_name == "my-app").unwrap();
        let table = render_table(std::slice::from_ref(app));
        let row = table
            .lines()
            .find(|line| line.contains(crate::declared::terminate_instance::NAME))
            .unwrap();
        assert_eq!(
            cells(row)[1..3],
            [
                "activity, external",
                "TerminateInstanceInput -> TerminateInstanceOutput"
            ],
            "{table}"
        );
        assert!(table.contains(
            "  duroxide-aws-ec2::activity::terminate-instance retry: 3 attempts, fixed 200ms\n"
        ));
        // The library's own row of the same activity is not external.
        let ec2 = crates
            .iter()
            .find(|c| c.crate_name == "duroxide-aws-ec2")
            .unwrap();
        let table = render_table(std::slice::from_ref(ec2));
        let row = table
            .lines()
            .find(|line| line.contains(crate::declared::terminate_instance::NAME))
            .unwrap();
        assert_eq!(cells(row)[1], "activity, idempotent", "{row}");
    }

    /// The cells of a row: columns are two spaces apart, and cells hold no two spaces.
    fn cells(row: &str) -> Vec<&str> {
        row.split("  ")
            .map(str::trim)
            .filter(|cell| !cell.is_empty())
            .collect()
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
        let all = render_table(&crates);
        for krate in &crates {
            assert!(all.contains(&format!("{}\n", krate.crate_name)));
            // This crate's section: an item may be listed by two crates (one declares it).
            let table = render_table(std::slice::from_ref(krate));
            assert!(all.contains(&table));
            for a in &krate.activities {
                let row = table
                    .lines()
                    .find(|line| line.trim_start().starts_with(a.name))
                    .unwrap();
                assert_eq!(row.contains("idempotent"), a.idempotent);
                assert_eq!(
                    row.contains(", external"),
                    a.implemented == Implemented::Elsewhere
                );
                assert!(row.ends_with(a.description));
                if let Some(retry) = a.retry {
                    assert!(table.contains(&format!("  {} retry: {retry}\n", a.name)));
                }
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
