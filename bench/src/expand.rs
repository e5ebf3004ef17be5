//! Expanded line counts, from the installed nightly's `-Zunpretty=expanded` (the only thing
//! nightly is used for). Lines are attributed to the crate's top-level modules, which the
//! generator lays out alike in both forms: per activity is the `activities` module's lines
//! over N, per orchestration the `orchestrations` module's over M.

use crate::gen::Form;
use crate::workspace::{Size, Workspace};
use std::fmt::Write as _;
use std::io;
use std::process::{Command, Stdio};

const NIGHTLY: &str = "nightly";

/// Whether `cargo +nightly` runs here. Rustup is not allowed to install anything to find out.
pub fn nightly_available() -> bool {
    Command::new("cargo")
        .args([&format!("+{NIGHTLY}"), "--version"])
        .env("RUSTUP_AUTO_INSTALL", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The expanded source of `package`'s library.
///
/// # Errors
///
/// If cargo cannot be started or the expansion fails.
pub fn expanded(workspace: &Workspace, package: &str) -> io::Result<String> {
    // cargo prints nothing for a unit it considers fresh, so make it stale first.
    workspace.touch(package)?;
    let output = workspace
        .cargo(Some(NIGHTLY))
        .env("RUSTUP_AUTO_INSTALL", "0")
        .args([
            "rustc",
            "--lib",
            "--profile",
            "check",
            "-p",
            package,
            "--",
            "-Zunpretty=expanded",
        ])
        .output()?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(io::Error::other(format!(
            "expansion of {package} failed:\n{stderr}"
        )));
    }
    String::from_utf8(output.stdout).map_err(io::Error::other)
}

/// Lines of one expanded crate, by where they come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lines {
    pub total: usize,
    pub activities: usize,
    pub orchestrations: usize,
    /// `registry`, plus `names` and `inventory` in the hand-written form.
    pub registry: usize,
    /// `types` and `activity_types`: serde derives, identical in both forms.
    pub types: usize,
}

impl Lines {
    pub fn count(expanded: &str) -> Lines {
        let module = |name: &str| module_lines(expanded, name);
        Lines {
            total: expanded.lines().count(),
            activities: module("activities"),
            orchestrations: module("orchestrations"),
            registry: module("registry") + module("names") + module("inventory"),
            types: module("types") + module("activity_types"),
        }
    }
}

/// Lines strictly inside the top-level `pub mod {name} { ... }`. The pretty printer puts a
/// top-level item's braces in column 0 and everything inside it deeper.
fn module_lines(expanded: &str, name: &str) -> usize {
    let opening = format!("pub mod {name} {{");
    let mut lines = expanded.lines().skip_while(|line| *line != opening);
    if lines.next().is_none() {
        return 0;
    }
    lines.take_while(|line| *line != "}").count()
}

/// Expanded lines for one size, per form.
#[derive(Clone, Copy, Debug)]
pub struct Expansion {
    pub size: Size,
    pub lines: [Lines; 2],
}

/// Expands both forms of every size.
///
/// # Errors
///
/// If an expansion fails.
pub fn measure(workspace: &Workspace, sizes: &[Size]) -> io::Result<Vec<Expansion>> {
    let mut expansions = Vec::new();
    for &size in sizes {
        let mut lines = [Lines::default(); 2];
        for (slot, form) in lines.iter_mut().zip(Form::BOTH) {
            eprintln!("expanding {} with nightly", size.package(form));
            *slot = Lines::count(&expanded(workspace, &size.package(form))?);
        }
        expansions.push(Expansion { size, lines });
    }
    Ok(expansions)
}

/// The expansions as a Markdown table.
pub fn table(expansions: &[Expansion]) -> String {
    let mut text = String::from(
        "| N / M | form | total lines | per activity | per orchestration | registry + inventory + names | types (serde) |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for expansion in expansions {
        let size = expansion.size;
        for (lines, form) in expansion.lines.iter().zip(Form::BOTH) {
            let _ = writeln!(
                text,
                "| {} / {} | {} | {} | {:.1} | {:.1} | {} | {} |",
                size.activities,
                size.orchestrations,
                form.label(),
                lines.total,
                lines.activities as f64 / size.activities as f64,
                lines.orchestrations as f64 / size.orchestrations as f64,
                lines.registry,
                lines.types,
            );
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_lines_inside_each_top_level_module() {
        let expanded = "#![feature(prelude_import)]\nextern crate std;\npub mod activities {\n    pub mod a {\n        pub const NAME: &str = \"x\";\n    }\n}\npub mod registry {\n    pub fn f() {}\n}\npub mod names {\n    pub mod orchestrations {\n    }\n}\npub use types::*;\n";
        let lines = Lines::count(expanded);
        assert_eq!(lines.total, 15);
        assert_eq!(lines.activities, 3);
        assert_eq!(lines.registry, 1 + 2);
        assert_eq!(lines.orchestrations, 0);
    }
}
