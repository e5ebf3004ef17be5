//! `cargo run -p registry-bench -- <command> [options]`
//!
//! Commands:
//! - `build-cost`: generate both forms, time `cargo check` / `cargo build`, count expanded lines.
//! - `runtime`: run `benches/runtime.rs` (registry creation and activity dispatch).
//! - `replay`: run `benches/replay.rs` (the replay check on histories of 100 to 10,000 events).
//! - `all`: all three.
//!
//! Options:
//! - `--quick`: tiny sizes and one run, only to show that everything runs (for CI).
//! - `--runs R`: rounds of the build-cost benchmark (default 5).
//! - `--size NxM`: N activities and M orchestrations; repeatable (default 50x10 and 200x50).
//! - `--macros DIR`: the macro crate to measure (default: this repository's), for example a
//!   scratch copy with a change to the generated code.
//! - `--dir DIR`: where the generated workspace goes (default `target/registry-bench`); a second
//!   directory lets an experiment run without disturbing the first one's builds.
//! - `--no-expand`: skip the nightly expansion counts.
//! - `--lock`: the macro form's `registry!` names a `registry.lock` pinning every item, to price
//!   the lock's compile-time checks.
//! - `--interface`: each orchestration of the macro form declares an event, a queue and a KV key,
//!   to price a declared item.

use registry_bench::workspace::{Size, Variant, Workspace};
use registry_bench::{build_cost, expand};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str =
    "usage: registry-bench <build-cost|runtime|replay|all> [--quick] [--runs R] [--size NxM]... [--macros DIR] [--dir DIR] [--no-expand] [--lock] [--interface]";

struct Options {
    command: String,
    quick: bool,
    runs: usize,
    sizes: Vec<Size>,
    macros: Option<PathBuf>,
    dir: Option<PathBuf>,
    expand: bool,
    variant: Variant,
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let command = args.next().ok_or("no command given")?;
    let mut options = Options {
        command,
        quick: false,
        runs: 5,
        sizes: Vec::new(),
        macros: None,
        dir: None,
        expand: true,
        variant: Variant::default(),
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--no-expand" => options.expand = false,
            "--lock" => options.variant.lock = true,
            "--interface" => options.variant.interface = true,
            "--runs" => options.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--size" => options.sizes.push(parse_size(&value()?)?),
            "--macros" => options.macros = Some(PathBuf::from(value()?)),
            // Absolute, since the generated manifests name the macro crate's copy by this path.
            "--dir" => {
                let dir = std::path::absolute(value()?).map_err(|e| format!("--dir: {e}"))?;
                options.dir = Some(dir);
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if options.quick {
        // Three activities per orchestration need at least three activities.
        options.sizes = vec![Size {
            activities: 6,
            orchestrations: 2,
        }];
        options.runs = 1;
    } else if options.sizes.is_empty() {
        options.sizes = vec![
            Size {
                activities: 50,
                orchestrations: 10,
            },
            Size {
                activities: 200,
                orchestrations: 50,
            },
        ];
    }
    Ok(options)
}

fn parse_size(text: &str) -> Result<Size, String> {
    let (n, m) = text
        .split_once('x')
        .ok_or(format!("--size {text}: expected NxM, like 200x50"))?;
    let number = |s: &str| {
        s.parse::<usize>()
            .map_err(|e| format!("--size {text}: {e}"))
    };
    let size = Size {
        activities: number(n)?,
        orchestrations: number(m)?,
    };
    if size.activities == 0 {
        return Err(format!(
            "--size {text}: orchestrations need at least one activity to call"
        ));
    }
    Ok(size)
}

fn run(options: &Options) -> Result<(), Box<dyn std::error::Error>> {
    match options.command.as_str() {
        "build-cost" => build_cost(options),
        "runtime" => bench(options, "runtime"),
        "replay" => bench(options, "replay"),
        "all" => build_cost(options)
            .and_then(|()| bench(options, "runtime"))
            .and_then(|()| bench(options, "replay")),
        other => Err(format!("unknown command `{other}`\n{USAGE}").into()),
    }
}

/// The repository root: this package's parent directory.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the package is inside the repository")
        .to_owned()
}

fn build_cost(options: &Options) -> Result<(), Box<dyn std::error::Error>> {
    let repo = repo();
    let macros = options
        .macros
        .clone()
        .unwrap_or_else(|| repo.join("duroxide-registry-macros"));
    let dir = options
        .dir
        .clone()
        .unwrap_or_else(|| repo.join("target").join("registry-bench"));
    let workspace = Workspace::prepare(&dir, &repo, &macros, &options.sizes, options.variant)?;
    build_cost::warm_up(&workspace, &options.sizes)?;
    let samples = build_cost::measure(&workspace, &options.sizes, options.runs)?;
    let mut report = format!(
        "## Build cost (medians; CPU = user + sys of cargo and rustc)\n\nMacro crate: {}\n\n{}",
        provenance(&macros),
        build_cost::table(&build_cost::summarize(&samples, &options.sizes))
    );
    if !options.expand {
        report.push_str("\nExpanded lines: skipped (--no-expand).\n");
    } else if expand::nightly_available() {
        let expansions = expand::measure(&workspace, &options.sizes)?;
        report.push_str(&format!(
            "\n## Expanded lines (nightly -Zunpretty=expanded)\n\n{}",
            expand::table(&expansions)
        ));
    } else {
        report.push_str("\nExpanded lines: skipped, no nightly toolchain installed.\n");
    }
    println!("{report}");
    let file = dir.join("build-cost.md");
    std::fs::write(&file, &report)?;
    eprintln!("written to {}", file.display());
    Ok(())
}

/// Which macro code was measured: the directory, its commit, and whether it had uncommitted
/// changes (others edit it while benchmarks run).
fn provenance(macros: &Path) -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(macros)
            .args(args)
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    let commit = git(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "not in git".to_owned());
    let state = match git(&["status", "--porcelain", "--", "."]) {
        Some(changes) if changes.is_empty() => "no uncommitted changes",
        Some(_) => "with uncommitted changes",
        None => "status unknown",
    };
    format!("`{}` at {commit}, {state}", macros.display())
}

/// The run-time benchmarks (`runtime`, `replay`) are bench targets; they are built by cargo like
/// any other, in release for measurements and in the test profile for `--quick`, whose builds
/// CI already has.
fn bench(options: &Options, name: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut command = Command::new("cargo");
    command.current_dir(repo());
    if options.quick {
        command.args([
            "test",
            "-p",
            "registry-bench",
            "--bench",
            name,
            "--",
            "--quick",
        ]);
    } else {
        command.args(["bench", "-p", "registry-bench", "--bench", name]);
    }
    let status = command.status()?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the {name} benchmark failed: {status}").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str]) -> Result<Options, String> {
        parse(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn defaults_are_the_issues_two_sizes_and_five_runs() {
        let options = parsed(&["build-cost"]).unwrap();
        assert_eq!(options.runs, 5);
        assert_eq!(options.sizes.len(), 2);
        assert_eq!(
            options.sizes[1],
            Size {
                activities: 200,
                orchestrations: 50
            }
        );
    }

    #[test]
    fn quick_is_one_small_run() {
        let options = parsed(&["all", "--quick", "--size", "300x90"]).unwrap();
        assert_eq!(options.runs, 1);
        assert_eq!(
            options.sizes,
            [Size {
                activities: 6,
                orchestrations: 2
            }]
        );
    }

    #[test]
    fn bad_sizes_and_options_are_refused() {
        assert!(parsed(&["build-cost", "--size", "200"]).is_err());
        assert!(parsed(&["build-cost", "--size", "0x5"]).is_err());
        assert!(parsed(&["build-cost", "--runs"]).is_err());
        assert!(parsed(&["build-cost", "--fast"]).is_err());
    }
}
