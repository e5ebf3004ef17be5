//! `graph`: the composed crates' orchestrations as a diagram, drawn from their inventories
//! alone ([`crate::inventory::discover`]): each crate is a box holding its orchestrations and
//! activities; an arrow goes from an orchestration to each activity and sub-orchestration it
//! calls (`activities_used`), and a dashed one into it from each event and queue it declares.
//!
//! An item a crate only declares (`registry!`'s `external`, [`Implemented::Elsewhere`]) is no
//! node of that crate: the arrow to it is labelled `external`, and goes to the crate that
//! implements it when that crate is composed too, or else to a node outside every crate's box,
//! labelled with the prefix of the crate expected to implement it.
//!
//! Two notations of one drawing: [`mermaid`], which GitHub renders in a ```` ```mermaid ````
//! block, and [`dot`], Graphviz's (`multi-cloud-app graph --dot | dot -Tsvg > graph.svg`).

use crate::inventory::CrateInventory;
use duroxide_registry_macros::inventory::{DeclaredInfo, Implemented, OrchestrationInfo};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The shape of a node, which each notation draws in its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Orchestration,
    Activity,
    Event,
    Queue,
}

/// One box of the drawing.
#[derive(Debug)]
struct Node {
    id: String,
    shape: Shape,
    /// Its lines of text.
    label: Vec<String>,
}

/// One arrow.
#[derive(Debug, PartialEq, Eq)]
struct Edge {
    from: String,
    to: String,
    /// From an event or a queue: drawn dashed.
    declared: bool,
    /// To an item the calling crate only declares: labelled `external`.
    external: bool,
}

/// The drawing, before it is written in either notation.
#[derive(Debug, Default)]
struct Graph {
    /// Each crate's name and nodes, in the order the app composes them.
    crates: Vec<(String, Vec<Node>)>,
    /// Names used or declared but implemented by no composed crate: a declaration whose
    /// implementation runs elsewhere, or (never, for a complete composition) a name found in no
    /// inventory.
    strangers: Vec<Node>,
    edges: Vec<Edge>,
}

/// `{crate}_o_{name}`, `{crate}_a_{name}`: ids of letters, digits and `_` only, which both
/// notations take unquoted.
fn id_of(full_name: &str) -> String {
    let mut parts = full_name.split("::");
    let krate = parts.next().unwrap_or_default();
    let kind = match parts.next() {
        Some("orchestration") => "o",
        Some("activity") => "a",
        _ => "x",
    };
    let short = parts.collect::<Vec<_>>().join("_");
    let raw = format!("{krate}_{kind}_{short}");
    raw.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// A full name without its crate and kind: `provision-postgres`.
fn short_name(full_name: &str) -> &str {
    full_name.rsplit("::").next().unwrap_or(full_name)
}

/// `approval: Approval`, or `deleted (InstanceDeleted): String` when the wire name is not the key.
fn describe(item: &DeclaredInfo) -> String {
    if item.wire_name == item.key {
        format!("{}: {}", item.key, item.payload_type)
    } else {
        format!("{} ({}): {}", item.key, item.wire_name, item.payload_type)
    }
}

/// The crate prefix of a full name: `duroxide-aws-ec2`.
fn prefix_of(full_name: &str) -> &str {
    full_name.split("::").next().unwrap_or(full_name)
}

/// The names a crate implements (registered by its `registry!` or by hand), and the ones it only
/// declares.
fn names_of(krate: &CrateInventory, implemented_here: bool) -> Vec<&'static str> {
    let here =
        |implemented: Implemented| (implemented != Implemented::Elsewhere) == implemented_here;
    let orchestrations = krate.orchestrations.iter().filter(|o| here(o.implemented));
    let activities = krate.activities.iter().filter(|a| here(a.implemented));
    orchestrations
        .map(|o| o.name)
        .chain(activities.map(|a| a.name))
        .collect()
}

impl Graph {
    fn of(crates: &[CrateInventory]) -> Graph {
        let mut graph = Graph::default();
        let known: Vec<&str> = crates.iter().flat_map(|c| names_of(c, true)).collect();
        for krate in crates {
            let mut nodes = Vec::new();
            let external = names_of(krate, false);
            // The versions of one orchestration are one node.
            let mut versions: BTreeMap<&str, Vec<&OrchestrationInfo>> = BTreeMap::new();
            let mut order = Vec::new();
            for o in &krate.orchestrations {
                if o.implemented == Implemented::Elsewhere {
                    continue;
                }
                if !versions.contains_key(o.name) {
                    order.push(o.name);
                }
                versions.entry(o.name).or_default().push(o);
            }
            for name in order {
                let infos = &versions[name];
                graph.add_orchestration(&mut nodes, name, infos, &known, &external);
            }
            for a in &krate.activities {
                if a.implemented != Implemented::Elsewhere {
                    nodes.push(Node {
                        id: id_of(a.name),
                        shape: Shape::Activity,
                        label: vec![short_name(a.name).to_owned()],
                    });
                }
            }
            // A declaration that nothing composed implements, even if nothing calls it.
            for name in external {
                graph.add_stranger(name, &known, true);
            }
            graph.crates.push((krate.crate_name.to_owned(), nodes));
        }
        graph
    }

    /// A node outside every crate's box for `name`, unless a composed crate implements it or it
    /// has one already: labelled with its expected crate when it is a declaration (`external`),
    /// with its full name otherwise.
    fn add_stranger(&mut self, name: &str, known: &[&str], external: bool) {
        let id = id_of(name);
        if known.contains(&name) || self.strangers.iter().any(|node| node.id == id) {
            return;
        }
        let label = if external {
            vec![
                short_name(name).to_owned(),
                format!("external: {}", prefix_of(name)),
            ]
        } else {
            vec![name.to_owned()]
        };
        self.strangers.push(Node {
            id,
            shape: Shape::Activity,
            label,
        });
    }

    fn add_orchestration(
        &mut self,
        nodes: &mut Vec<Node>,
        name: &str,
        infos: &[&OrchestrationInfo],
        known: &[&str],
        external: &[&str],
    ) {
        let id = id_of(name);
        let versions: Vec<String> = infos.iter().map(|o| format!("v{}", o.version)).collect();
        let mut label = vec![short_name(name).to_owned(), versions.join(", ")];
        let mut statuses: Vec<&str> = infos.iter().filter_map(|o| o.status).collect();
        statuses.dedup();
        if !statuses.is_empty() {
            label.push(format!("status: {}", statuses.join(" / ")));
        }
        nodes.push(Node {
            id: id.clone(),
            shape: Shape::Orchestration,
            label,
        });
        let mut declared: Vec<(Shape, &str, &DeclaredInfo)> = Vec::new();
        for o in infos {
            for used in &o.activities_used {
                let edge = Edge {
                    from: id.clone(),
                    to: id_of(used),
                    declared: false,
                    external: external.contains(used),
                };
                if !self.edges.contains(&edge) {
                    self.add_stranger(used, known, edge.external);
                    self.edges.push(edge);
                }
            }
            let events = o.events.iter().map(|e| (Shape::Event, "event", e));
            for item in events.chain(o.queues.iter().map(|q| (Shape::Queue, "queue", q))) {
                if !declared.contains(&item) {
                    declared.push(item);
                }
            }
        }
        for (shape, kind, item) in declared {
            let node = format!("{id}_{kind}_{}", item.key);
            self.edges.push(Edge {
                from: node.clone(),
                to: id.clone(),
                declared: true,
                external: false,
            });
            if !nodes.iter().any(|n| n.id == node) {
                nodes.push(Node {
                    id: node,
                    shape,
                    label: vec![format!("{kind} {}", describe(item))],
                });
            }
        }
    }
}

/// Text in a Mermaid label: quotes and angle brackets as Mermaid's entity codes, so that
/// `Vec<String>` is not read as HTML.
fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// The drawing as a Mermaid flowchart.
#[must_use]
pub fn mermaid(crates: &[CrateInventory]) -> String {
    let graph = Graph::of(crates);
    let node = |out: &mut String, node: &Node, indent: &str| {
        let label: Vec<String> = node.label.iter().map(|l| mermaid_text(l)).collect();
        let label = label.join("<br/>");
        let (open, close) = match node.shape {
            Shape::Orchestration => ("([\"", "\"])"),
            Shape::Activity => ("[\"", "\"]"),
            Shape::Event => ("{{\"", "\"}}"),
            Shape::Queue => ("[(\"", "\")]"),
        };
        let _ = writeln!(out, "{indent}{}{open}{label}{close}", node.id);
    };
    let mut out = String::from("flowchart LR\n");
    for (index, (krate, nodes)) in graph.crates.iter().enumerate() {
        let _ = writeln!(out, "  subgraph crate{index}[\"{}\"]", mermaid_text(krate));
        for n in nodes {
            node(&mut out, n, "    ");
        }
        out.push_str("  end\n");
    }
    for n in &graph.strangers {
        node(&mut out, n, "  ");
    }
    for edge in &graph.edges {
        let arrow = match (edge.declared, edge.external) {
            (true, _) => "-.->",
            (false, true) => "-->|external|",
            (false, false) => "-->",
        };
        let _ = writeln!(out, "  {} {arrow} {}", edge.from, edge.to);
    }
    out
}

/// Text in a DOT string: quotes and backslashes escaped.
fn dot_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The drawing as Graphviz DOT.
#[must_use]
pub fn dot(crates: &[CrateInventory]) -> String {
    let graph = Graph::of(crates);
    let node = |out: &mut String, node: &Node, indent: &str| {
        let label: Vec<String> = node.label.iter().map(|l| dot_text(l)).collect();
        let shape = match node.shape {
            Shape::Orchestration => "shape=box, style=\"rounded,bold\"",
            Shape::Activity => "shape=box",
            Shape::Event => "shape=hexagon",
            Shape::Queue => "shape=cylinder",
        };
        let _ = writeln!(
            out,
            "{indent}{} [label=\"{}\", {shape}];",
            node.id,
            label.join("\\n")
        );
    };
    let mut out =
        String::from("digraph orchestrations {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    for (index, (krate, nodes)) in graph.crates.iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{index} {{");
        let _ = writeln!(out, "    label=\"{}\";", dot_text(krate));
        for n in nodes {
            node(&mut out, n, "    ");
        }
        out.push_str("  }\n");
    }
    for n in &graph.strangers {
        node(&mut out, n, "  ");
    }
    for edge in &graph.edges {
        let style = match (edge.declared, edge.external) {
            (true, _) => " [style=dashed]",
            (false, true) => " [label=\"external\"]",
            (false, false) => "",
        };
        let _ = writeln!(out, "  {} -> {}{style};", edge.from, edge.to);
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_and_labels_escape_what_each_notation_reads() {
        assert_eq!(
            id_of("duroxide-aws-ec2::orchestration::create-ec2-cluster"),
            "duroxide_aws_ec2_o_create_ec2_cluster"
        );
        assert_eq!(
            id_of("my-app::activity::publish-dns-record"),
            "my_app_a_publish_dns_record"
        );
        assert_eq!(mermaid_text("Vec<\"a\">"), "Vec#lt;#quot;a#quot;#gt;");
        assert_eq!(dot_text("say \"hi\" \\"), "say \\\"hi\\\" \\\\");
    }

    #[test]
    fn every_orchestration_use_event_and_queue_of_the_inventories_is_drawn() {
        let crates = crate::inventory::discover();
        let (mermaid, dot) = (mermaid(&crates), dot(&crates));
        for krate in &crates {
            let external = names_of(krate, false);
            for o in &krate.orchestrations {
                let id = id_of(o.name);
                for used in &o.activities_used {
                    let (arrow, style) = if external.contains(used) {
                        ("-->|external|", " [label=\"external\"]")
                    } else {
                        ("-->", "")
                    };
                    assert!(mermaid.contains(&format!("  {id} {arrow} {}\n", id_of(used))));
                    assert!(dot.contains(&format!("  {id} -> {}{style};\n", id_of(used))));
                }
                for e in &o.events {
                    assert!(mermaid.contains(&format!("  {id}_event_{} -.-> {id}\n", e.key)));
                }
                for q in &o.queues {
                    assert!(
                        dot.contains(&format!("  {id}_queue_{} -> {id} [style=dashed];", q.key))
                    );
                }
            }
            for a in &krate.activities {
                // Drawn once, in the box of the crate that implements it.
                let node = format!("    {}[\"", id_of(a.name));
                assert_eq!(mermaid.matches(&node).count(), 1, "{}", a.name);
            }
        }
    }

    #[test]
    fn the_app_s_declaration_is_drawn_as_the_ec2_library_s_activity_called_externally() {
        let crates = crate::inventory::discover();
        let mermaid = mermaid(&crates);
        let terminate = id_of(crate::declared::terminate_instance::NAME);
        assert_eq!(terminate, "duroxide_aws_ec2_a_terminate_instance");
        assert!(mermaid.contains(&format!(
            "  my_app_o_replace_instance -->|external| {terminate}\n"
        )));
        // No node in the app's box: the node is the library's.
        let app_box = mermaid.split("subgraph crate2").nth(1).unwrap();
        let app_box = app_box.split("  end\n").next().unwrap();
        assert!(!app_box.contains(&terminate), "{app_box}");
        assert!(!mermaid.contains("external: duroxide-aws-ec2"), "{mermaid}");
    }

    #[test]
    fn a_declaration_no_composed_crate_implements_is_drawn_outside_every_box() {
        // The app without the EC2 library: its declaration names a worker the app does not run.
        let crates: Vec<CrateInventory> = crate::inventory::discover()
            .into_iter()
            .filter(|krate| krate.crate_name != "duroxide-aws-ec2")
            .collect();
        let (mermaid, dot) = (mermaid(&crates), dot(&crates));
        let terminate = "duroxide_aws_ec2_a_terminate_instance";
        assert!(
            mermaid.contains(&format!(
                "\n  {terminate}[\"terminate-instance<br/>external: duroxide-aws-ec2\"]\n"
            )),
            "{mermaid}"
        );
        assert!(mermaid.contains(&format!(
            "  my_app_o_replace_instance -->|external| {terminate}\n"
        )));
        assert!(
            dot.contains(&format!(
                "\n  {terminate} [label=\"terminate-instance\\nexternal: duroxide-aws-ec2\", shape=box];\n"
            )),
            "{dot}"
        );
        assert!(dot.contains(&format!(
            "  my_app_o_replace_instance -> {terminate} [label=\"external\"];\n"
        )));
    }
}
