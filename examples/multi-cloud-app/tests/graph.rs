//! `multi-cloud-app graph` draws the composed crates' orchestrations from their inventories.
//! The drawings are pinned here, in both notations, and the README shows the Mermaid one: a
//! change to any crate's orchestrations, to what they call, or to the events and queues they
//! declare, shows up as a diff of `tests/snapshots/graph.{mmd,dot}`.
//!
//! `UPDATE_EXPECT=1 cargo test -p multi-cloud-app --test graph` rewrites the snapshots; then
//! copy `graph.mmd` into the README's ```` ```mermaid ```` block (the last test says so).

mod common;

use common::Sandbox;
use multi_cloud_app::{graph, inventory};
use std::time::Duration;

#[test]
fn the_mermaid_flowchart_is_the_snapshot() {
    expect_test::expect_file!["snapshots/graph.mmd"]
        .assert_eq(&graph::mermaid(&inventory::discover()));
}

#[test]
fn the_dot_graph_is_the_snapshot() {
    expect_test::expect_file!["snapshots/graph.dot"].assert_eq(&graph::dot(&inventory::discover()));
}

#[test]
fn the_command_prints_them_and_writes_nothing() {
    let sandbox = Sandbox::new();
    let timeout = Duration::from_secs(120);
    let crates = inventory::discover();
    // The sandbox collects stdout by lines, without the last line's end.
    let mermaid = sandbox.run(&["graph"], timeout);
    assert_eq!(
        format!("{}\n", mermaid.assert_success().stdout),
        graph::mermaid(&crates)
    );
    let dot = sandbox.run(&["graph", "--dot"], timeout);
    assert_eq!(
        format!("{}\n", dot.assert_success().stdout),
        graph::dot(&crates)
    );
    assert!(sandbox.entries().is_empty(), "{:?}", sandbox.entries());
}

#[test]
fn the_readme_shows_the_current_flowchart() {
    let readme = include_str!("../README.md");
    let block = readme
        .split("```mermaid\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README has a ```mermaid block");
    assert_eq!(
        block,
        graph::mermaid(&inventory::discover()),
        "copy tests/snapshots/graph.mmd (`cargo run -p multi-cloud-app -- graph`) into the \
         README's ```mermaid block"
    );
}
