//! `graph`: the composed crates' orchestrations as a diagram, drawn from their inventories
//! alone ([`crate::inventory::discover`]): each crate is a box holding its orchestrations and
//! activities; an arrow goes from an orchestration to each activity and sub-orchestration it
//! calls (`activities_used`), and a dashed one into it from each event and queue it declares.
//!
//! Two notations of one drawing: [`mermaid`], which GitHub renders in a ```` ```mermaid ````
//! block, and [`dot`], Graphviz's (`multi-cloud-app graph --dot | dot -Tsvg > graph.svg`).

use crate::inventory::CrateInventory;
use duroxide_registry_macros::inventory::{DeclaredInfo, OrchestrationInfo};
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
}

/// The drawing, before it is written in either notation.
#[derive(Debug, Default)]
struct Graph {
    /// Each crate's name and nodes, in the order the app composes them.
    crates: Vec<(String, Vec<Node>)>,
    /// Names used but found in no inventory (none, for a complete composition).
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

impl Graph {
    fn of(crates: &[CrateInventory]) -> Graph {
        let mut graph = Graph::default();
        let known: Vec<&str> = crates
            .iter()
            .flat_map(|c| {
                let orchestrations = c.orchestrations.iter().map(|o| o.name);
                orchestrations.chain(c.activities.iter().map(|a| a.name))
            })
            .collect();
        for krate in crates {
            let mut nodes = Vec::new();
            // The versions of one orchestration are one node.
            let mut versions: BTreeMap<&str, Vec<&OrchestrationInfo>> = BTreeMap::new();
            let mut order = Vec::new();
            for o in &krate.orchestrations {
                if !versions.contains_key(o.name) {
                    order.push(o.name);
                }
                versions.entry(o.name).or_default().push(o);
            }
            for name in order {
                let infos = &versions[name];
                graph.add_orchestration(&mut nodes, name, infos, &known);
            }
            for a in &krate.activities {
                nodes.push(Node {
                    id: id_of(a.name),
                    shape: Shape::Activity,
                    label: vec![short_name(a.name).to_owned()],
                });
            }
            graph.crates.push((krate.crate_name.to_owned(), nodes));
        }
        graph
    }

    fn add_orchestration(
        &mut self,
        nodes: &mut Vec<Node>,
        name: &str,
        infos: &[&OrchestrationInfo],
        known: &[&str],
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
                };
                if !self.edges.contains(&edge) {
                    if !known.contains(used)
                        && !self.strangers.iter().any(|node| node.id == edge.to)
                    {
                        self.strangers.push(Node {
                            id: edge.to.clone(),
                            shape: Shape::Activity,
                            label: vec![(*used).to_owned()],
                        });
                    }
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
        let arrow = if edge.declared { "-.->" } else { "-->" };
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
        let style = if edge.declared { " [style=dashed]" } else { "" };
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
            for o in &krate.orchestrations {
                let id = id_of(o.name);
                for used in &o.activities_used {
                    assert!(mermaid.contains(&format!("  {id} --> {}\n", id_of(used))));
                    assert!(dot.contains(&format!("  {id} -> {};\n", id_of(used))));
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
                assert!(mermaid.contains(&format!("    {}[\"", id_of(a.name))));
            }
        }
    }
}
