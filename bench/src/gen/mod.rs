//! The generator: one description of N activities and M orchestrations, rendered twice, once
//! hand-written as the cross-crate registry pattern prescribes and once with the macros.
//!
//! This module uses only `std`, because `build.rs` includes it too (by `#[path]`) to produce the
//! runtime benchmark's fixture.

mod hand;
mod items;
mod macros;

pub use items::{ActivityDesc, OrchestrationDesc};

use std::path::{Path, PathBuf};

/// The two ways of writing the same library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Hand,
    Macros,
}

impl Form {
    pub const BOTH: [Form; 2] = [Form::Hand, Form::Macros];

    pub fn label(self) -> &'static str {
        match self {
            Form::Hand => "hand",
            Form::Macros => "macros",
        }
    }
}

/// What to generate.
#[derive(Clone, Debug)]
pub struct Spec {
    pub activities: usize,
    pub orchestrations: usize,
    /// Distinct activities each orchestration calls (capped at `activities`).
    pub calls_per_orchestration: usize,
    /// The crate prefix of every name, `{prefix}::activity::{name}`.
    pub prefix: String,
    /// Whether the macro form must say `prefix = "..."`: false when the prefix is the package
    /// name, which the macros take by default.
    pub explicit_macro_prefix: bool,
    /// The path of the generated root module: `crate` for a crate, `crate::hand` for a fixture
    /// module included into another crate.
    pub root: String,
    /// Adds `dispatch_loop`, an orchestration that calls the first activity `count` times, for
    /// the runtime benchmark.
    pub dispatch_loop: bool,
    /// The macro form's `registry!` names a lock, `registry.lock` beside `Cargo.toml`, pinning
    /// every item ([`lock_text`]), to price the lock's checks.
    pub lock: bool,
    /// Each orchestration of the macro form declares an interface of three items, an event, a
    /// queue and a KV key, to price a declared item.
    pub interface: bool,
}

impl Spec {
    pub fn activity_descs(&self) -> Vec<ActivityDesc> {
        (0..self.activities).map(ActivityDesc::new).collect()
    }

    pub fn orchestration_descs(&self) -> Vec<OrchestrationDesc> {
        let calls = self.calls_per_orchestration.min(self.activities);
        (0..self.orchestrations)
            .map(|index| OrchestrationDesc::new(index, self.activities, calls))
            .collect()
    }
}

/// A module: its doc, its own items, and its child modules.
#[derive(Debug)]
pub struct Module {
    pub name: String,
    pub doc: String,
    pub body: String,
    pub children: Vec<Module>,
}

impl Module {
    pub fn leaf(name: impl Into<String>, doc: impl Into<String>, body: String) -> Module {
        Module {
            name: name.into(),
            doc: doc.into(),
            body,
            children: Vec::new(),
        }
    }
}

/// The library's root module in the requested form.
pub fn library(spec: &Spec, form: Form) -> Module {
    match form {
        Form::Hand => hand::library(spec),
        Form::Macros => macros::library(spec),
    }
}

/// The registry lock pinning every activity and orchestration of `spec`, as `registry_lock()`
/// writes it.
pub fn lock_text(spec: &Spec) -> String {
    let mut lines: Vec<String> = spec
        .activity_descs()
        .iter()
        .map(|a| format!("activity      {}::activity::{}", spec.prefix, a.kebab))
        .chain(spec.orchestration_descs().iter().map(|o| {
            format!(
                "orchestration {}::orchestration::{} 1.0.0",
                spec.prefix, o.kebab
            )
        }))
        .collect();
    lines.sort();
    let mut text = String::from(
        "# registry.lock: wire names pinned by registry! (duroxide-registry-macros). Delete a line \
         only once no instance can still run it.\n",
    );
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// The files of a crate whose `src/lib.rs` is `root`: a module with children becomes
/// `name/mod.rs`, as in the pattern's `activities/mod.rs`, and a leaf becomes `name.rs`.
pub fn crate_files(root: &Module) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    files.push((PathBuf::from("lib.rs"), file_text(root)));
    for child in &root.children {
        push_files(child, Path::new(""), &mut files);
    }
    files
}

fn push_files(module: &Module, dir: &Path, files: &mut Vec<(PathBuf, String)>) {
    if module.children.is_empty() {
        files.push((dir.join(format!("{}.rs", module.name)), file_text(module)));
        return;
    }
    let own_dir = dir.join(&module.name);
    files.push((own_dir.join("mod.rs"), file_text(module)));
    for child in &module.children {
        push_files(child, &own_dir, files);
    }
}

fn file_text(module: &Module) -> String {
    let mut text = doc_lines(&module.doc, "//!");
    text.push('\n');
    for child in &module.children {
        text.push_str(&doc_lines(&child.doc, "///"));
        text.push_str(&format!("pub mod {};\n", child.name));
    }
    if !module.children.is_empty() {
        text.push('\n');
    }
    text.push_str(&module.body);
    text
}

/// The same tree as one stream of inline modules, for `include!`, which accepts no inner doc
/// comments: each doc goes on its `mod` item instead.
pub fn inline_text(module: &Module) -> String {
    let mut text = String::new();
    for child in &module.children {
        text.push_str(&doc_lines(&child.doc, "///"));
        text.push_str(&format!(
            "pub mod {} {{\n{}}}\n\n",
            child.name,
            inline_text(child)
        ));
    }
    text.push_str(&module.body);
    text
}

fn doc_lines(doc: &str, marker: &str) -> String {
    doc.lines()
        .map(|line| {
            if line.is_empty() {
                format!("{marker}\n")
            } else {
                format!("{marker} {line}\n")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(activities: usize, orchestrations: usize) -> Spec {
        Spec {
            activities,
            orchestrations,
            calls_per_orchestration: 3,
            prefix: "demo".to_owned(),
            explicit_macro_prefix: false,
            root: "crate".to_owned(),
            dispatch_loop: false,
            lock: false,
            interface: false,
        }
    }

    #[test]
    fn hand_form_has_the_patterns_files() {
        let files = crate_files(&library(&spec(3, 2), Form::Hand));
        let paths: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        for expected in [
            "lib.rs",
            "names.rs",
            "types.rs",
            "activity_types.rs",
            "registry.rs",
            "inventory.rs",
            "activities/mod.rs",
            "activities/provision_vm_0.rs",
            "orchestrations/mod.rs",
            "orchestrations/setup_environment_0.rs",
        ] {
            assert!(
                paths.contains(&expected.to_owned()),
                "{expected} missing from {paths:?}"
            );
        }
    }

    #[test]
    fn both_forms_call_the_same_activities() {
        let spec = spec(10, 4);
        let hand = inline_text(&library(&spec, Form::Hand));
        let macros = inline_text(&library(&spec, Form::Macros));
        for orchestration in spec.orchestration_descs() {
            for &called in &orchestration.calls {
                let activity = ActivityDesc::new(called);
                assert!(hand.contains(&format!("activities::{}::NAME", activity.ident)));
                assert!(macros.contains(&format!("activities::{}::call(&ctx", activity.ident)));
            }
        }
        assert_eq!(hand.matches("schedule_activity_typed::<").count(), 4 * 3);
        assert_eq!(macros.matches("::call(&ctx").count(), 4 * 3);
    }

    #[test]
    fn inline_text_has_no_inner_attributes() {
        let text = inline_text(&library(&spec(2, 1), Form::Hand));
        assert!(!text.contains("//!") && !text.contains("#!["));
    }

    #[test]
    fn calls_are_distinct_even_when_few_activities_exist() {
        let descs = spec(2, 3).orchestration_descs();
        for desc in descs {
            assert_eq!(desc.calls.len(), 2);
            assert_ne!(desc.calls[0], desc.calls[1]);
        }
    }
}
