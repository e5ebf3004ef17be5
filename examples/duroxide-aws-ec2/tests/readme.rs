//! The README lists every orchestration and activity (the pattern's publishing checklist);
//! this test keeps that list equal to the inventory the code generates.

use duroxide_aws_ec2::inventory::{list_activities, list_orchestrations};
use std::collections::BTreeMap;

/// `name -> idempotent` for every "- `name` - description" line under `heading`.
fn listed(readme: &str, heading: &str) -> BTreeMap<String, bool> {
    readme
        .split("\n## ")
        .find(|section| section.starts_with(heading))
        .unwrap_or_else(|| panic!("README has no `## {heading}` section"))
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("- `")?;
            let (name, description) = rest.split_once('`')?;
            Some((name.to_owned(), description.contains("(idempotent)")))
        })
        .collect()
}

#[test]
fn readme_lists_exactly_the_inventory() {
    let readme = include_str!("../README.md");
    assert!(readme.contains("**This is a simulation.**"));

    let orchestrations: BTreeMap<_, _> = list_orchestrations()
        .into_iter()
        .map(|o| (o.name.to_owned(), false))
        .collect();
    assert_eq!(listed(readme, "Available Orchestrations"), orchestrations);

    let activities: BTreeMap<_, _> = list_activities()
        .into_iter()
        .map(|a| (a.name.to_owned(), a.idempotent))
        .collect();
    assert_eq!(listed(readme, "Available Activities"), activities);
}
