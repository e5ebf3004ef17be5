//! Discovery across every composed crate (the pattern's Pattern 6), for `list`.
//!
//! Each crate's `registry!` generates its own `OrchestrationInfo` and `ActivityInfo` types, so
//! this module copies them into one shape to show them side by side.

use serde::Serialize;

/// The inventory of one crate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrateInventory {
    /// The crate's name prefix, as in its names.
    pub crate_name: &'static str,
    /// Its orchestrations.
    pub orchestrations: Vec<Orchestration>,
    /// Its activities.
    pub activities: Vec<Activity>,
}

/// One orchestration, as its crate's inventory describes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Orchestration {
    /// Full name.
    pub name: &'static str,
    /// Registered version.
    pub version: &'static str,
    /// First paragraph of its doc comment.
    pub description: &'static str,
    /// Input type, as written.
    pub input_type: &'static str,
    /// Output type, as written.
    pub output_type: &'static str,
    /// Names of what it calls.
    pub activities_used: Vec<&'static str>,
}

/// One activity, as its crate's inventory describes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    /// Full name.
    pub name: &'static str,
    /// First paragraph of its doc comment.
    pub description: &'static str,
    /// Input type, as written.
    pub input_type: &'static str,
    /// Output type, as written.
    pub output_type: &'static str,
    /// Whether it may safely run again.
    pub idempotent: bool,
}

/// Copies the inventory a `registry!` generated in module `$module`.
macro_rules! crate_inventory {
    ($crate_name:expr, $($module:ident)::+) => {
        CrateInventory {
            crate_name: $crate_name,
            orchestrations: $($module)::+::list_orchestrations()
                .into_iter()
                .map(|o| Orchestration {
                    name: o.name,
                    version: o.version,
                    description: o.description,
                    input_type: o.input_type,
                    output_type: o.output_type,
                    activities_used: o.activities_used,
                })
                .collect(),
            activities: $($module)::+::list_activities()
                .into_iter()
                .map(|a| Activity {
                    name: a.name,
                    description: a.description,
                    input_type: a.input_type,
                    output_type: a.output_type,
                    idempotent: a.idempotent,
                })
                .collect(),
        }
    };
}

/// Every crate the app composes, in the order it merges them.
#[must_use]
pub fn discover() -> Vec<CrateInventory> {
    vec![
        crate_inventory!("duroxide-azure-arm", duroxide_azure_arm::inventory),
        crate_inventory!("duroxide-aws-ec2", duroxide_aws_ec2::inventory),
        crate_inventory!("my-app", crate::registry),
    ]
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
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
            }
        }
    }
}
