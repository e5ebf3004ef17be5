//! Times `cargo check` and `cargo build` of each generated crate alone.
//!
//! Every timed run follows a touch of the crate's `lib.rs`, with incremental compilation off,
//! so it compiles the whole crate and nothing else: the shared dependencies and the proc macro
//! are built once, by an untimed warm-up. The macros' side compiles the facade crate,
//! `duroxide-registry-macros`, too (its `lib.rs` is touched as well): its support code is part
//! of what the macros cost, even if a real build compiles it once for all its crates. The two
//! forms alternate, and each run pair swaps which goes first, so that drift in the machine's
//! load hits both alike.

use crate::gen::Form;
use crate::measure::{self, Cost};
use crate::stats::{median, quantile};
use crate::workspace::{Size, Workspace};
use std::fmt::Write as _;
use std::io;
use std::process::Output;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Check,
    Build,
}

impl Step {
    pub const BOTH: [Step; 2] = [Step::Check, Step::Build];

    fn subcommand(self) -> &'static str {
        match self {
            Step::Check => "check",
            Step::Build => "build",
        }
    }
}

/// One timed compilation.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    pub size: Size,
    pub step: Step,
    pub form: Form,
    pub run: usize,
    pub cost: Cost,
}

/// Builds whatever each crate needs, untimed: dependencies, the proc macro, the crates.
///
/// # Errors
///
/// If cargo cannot be started or a crate fails to compile.
pub fn warm_up(workspace: &Workspace, sizes: &[Size]) -> io::Result<()> {
    for &size in sizes {
        for step in Step::BOTH {
            for form in Form::BOTH {
                let package = size.package(form);
                eprintln!("warm-up: cargo {} -p {package}", step.subcommand());
                let (output, _) = cargo(workspace, step, &package)?;
                check_status(&output, &package)?;
            }
        }
    }
    Ok(())
}

/// Runs `runs` rounds; each round compiles every size with both steps and both forms.
///
/// # Errors
///
/// If a compilation fails, or rebuilds something besides the crate it times.
pub fn measure(workspace: &Workspace, sizes: &[Size], runs: usize) -> io::Result<Vec<Sample>> {
    let mut samples = Vec::new();
    for run in 0..runs {
        for &size in sizes {
            for step in Step::BOTH {
                for form in order(run) {
                    let package = size.package(form);
                    workspace.touch(&package)?;
                    let also: &[&str] = if form == Form::Macros {
                        workspace.touch_facade()?;
                        &[FACADE]
                    } else {
                        &[]
                    };
                    settle();
                    let cost = compile(workspace, step, &package, also)?;
                    eprintln!(
                        "run {}/{runs}: cargo {} -p {package}: wall {:.2} s, cpu {:.2} s",
                        run + 1,
                        step.subcommand(),
                        cost.wall.as_secs_f64(),
                        cost.cpu.as_secs_f64()
                    );
                    samples.push(Sample {
                        size,
                        step,
                        form,
                        run,
                        cost,
                    });
                }
            }
        }
    }
    Ok(samples)
}

/// Flushes the previous run's written files before the next run starts, so that a `cargo build`
/// writing hundreds of megabytes of objects is not still being written back, at the expense of
/// whichever run comes next.
fn settle() {
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };
}

/// Hand first in even rounds, macros first in odd ones.
fn order(run: usize) -> [Form; 2] {
    if run % 2 == 0 {
        [Form::Hand, Form::Macros]
    } else {
        [Form::Macros, Form::Hand]
    }
}

fn cargo(workspace: &Workspace, step: Step, package: &str) -> io::Result<(Output, Cost)> {
    measure::run(
        workspace
            .cargo(None)
            .args([step.subcommand(), "--lib", "-p", package]),
    )
}

/// The facade crate, which the macros' side compiles in each timed run.
const FACADE: &str = "duroxide-registry-macros";

/// A timed compilation: it must succeed and compile nothing but `package` and `also`, because a
/// timed run that rebuilt another dependency would measure the wrong thing.
fn compile(workspace: &Workspace, step: Step, package: &str, also: &[&str]) -> io::Result<Cost> {
    let (output, cost) = cargo(workspace, step, package)?;
    check_status(&output, package)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let others: Vec<&str> = compiled_packages(&stderr)
        .filter(|name| *name != package && !also.contains(name))
        .collect();
    if others.is_empty() {
        Ok(cost)
    } else {
        Err(io::Error::other(format!(
            "the run for {package} also compiled {others:?}; was a dependency changed?"
        )))
    }
}

fn check_status(output: &Output, package: &str) -> io::Result<()> {
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    Err(io::Error::other(format!(
        "cargo failed for {package}:\n{stderr}"
    )))
}

/// Package names from cargo's `Compiling x v1.0.0` and `Checking x v1.0.0` lines.
fn compiled_packages(stderr: &str) -> impl Iterator<Item = &str> {
    stderr.lines().filter_map(|line| {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("Compiling" | "Checking") => words.next(),
            _ => None,
        }
    })
}

/// Medians of one size and step, per form, and their ratios.
#[derive(Clone, Copy, Debug)]
pub struct Summary {
    pub size: Size,
    pub step: Step,
    pub runs: usize,
    pub wall: [f64; 2],
    pub cpu: [f64; 2],
    /// The quartiles of the per-round CPU ratios: how much the ratio moves between rounds.
    pub cpu_ratio_quartiles: [f64; 2],
    /// The least CPU time of each form: the run the neighbours disturbed least. Noise on a
    /// shared machine only ever adds time, so the ratio of minima is the steadier estimate of
    /// what each form costs by itself; the median ratio stays the headline figure.
    pub cpu_min: [f64; 2],
}

impl Summary {
    pub fn wall_ratio(&self) -> f64 {
        self.wall[1] / self.wall[0]
    }

    pub fn cpu_ratio(&self) -> f64 {
        self.cpu[1] / self.cpu[0]
    }

    pub fn cpu_min_ratio(&self) -> f64 {
        self.cpu_min[1] / self.cpu_min[0]
    }
}

pub fn summarize(samples: &[Sample], sizes: &[Size]) -> Vec<Summary> {
    let mut summaries = Vec::new();
    for &size in sizes {
        for step in Step::BOTH {
            let of = |form: Form, cost: fn(&Cost) -> f64| -> Vec<f64> {
                samples
                    .iter()
                    .filter(|s| s.size == size && s.step == step && s.form == form)
                    .map(|s| cost(&s.cost))
                    .collect()
            };
            let wall = |c: &Cost| c.wall.as_secs_f64();
            let cpu = |c: &Cost| c.cpu.as_secs_f64();
            let (hand_cpu, macros_cpu) = (of(Form::Hand, cpu), of(Form::Macros, cpu));
            if hand_cpu.is_empty() {
                continue;
            }
            let paired: Vec<f64> = hand_cpu
                .iter()
                .zip(&macros_cpu)
                .map(|(h, m)| m / h)
                .collect();
            summaries.push(Summary {
                size,
                step,
                runs: hand_cpu.len(),
                wall: [
                    median(&of(Form::Hand, wall)),
                    median(&of(Form::Macros, wall)),
                ],
                cpu: [median(&hand_cpu), median(&macros_cpu)],
                cpu_ratio_quartiles: [quantile(&paired, 0.25), quantile(&paired, 0.75)],
                cpu_min: [quantile(&hand_cpu, 0.0), quantile(&macros_cpu, 0.0)],
            });
        }
    }
    summaries
}

/// The summaries as a Markdown table.
pub fn table(summaries: &[Summary]) -> String {
    let mut text = String::from(
        "| N / M | step | runs | hand wall (s) | macros wall (s) | wall ratio | hand CPU (s) | macros CPU (s) | CPU ratio | CPU ratio IQR | ratio of least CPU |\n\
         |---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for s in summaries {
        let _ = writeln!(
            text,
            "| {} / {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | **{:.2}** | {:.2}–{:.2} | {:.2} |",
            s.size.activities,
            s.size.orchestrations,
            s.step.subcommand(),
            s.runs,
            s.wall[0],
            s.wall[1],
            s.wall_ratio(),
            s.cpu[0],
            s.cpu[1],
            s.cpu_ratio(),
            s.cpu_ratio_quartiles[0],
            s.cpu_ratio_quartiles[1],
            s.cpu_min_ratio(),
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn only_the_timed_package_may_compile() {
        let stderr = "   Compiling hand-1-1 v0.0.0 (/x)\n    Finished `dev` profile\n";
        assert_eq!(compiled_packages(stderr).collect::<Vec<_>>(), ["hand-1-1"]);
        let stderr = "    Checking serde v1.0.0\n    Checking hand-1-1 v0.0.0 (/x)\n";
        assert_eq!(
            compiled_packages(stderr).collect::<Vec<_>>(),
            ["serde", "hand-1-1"]
        );
    }

    #[test]
    fn forms_alternate_which_goes_first() {
        assert_eq!(order(0), [Form::Hand, Form::Macros]);
        assert_eq!(order(1), [Form::Macros, Form::Hand]);
    }

    #[test]
    fn summary_takes_medians_and_divides_macros_by_hand() {
        let size = Size {
            activities: 1,
            orchestrations: 1,
        };
        let sample = |form, run, cpu: u64| Sample {
            size,
            step: Step::Check,
            form,
            run,
            cost: Cost {
                wall: Duration::from_secs(cpu),
                cpu: Duration::from_secs(cpu),
            },
        };
        let samples = [
            sample(Form::Hand, 0, 10),
            sample(Form::Macros, 0, 12),
            sample(Form::Hand, 1, 20),
            sample(Form::Macros, 1, 22),
            sample(Form::Hand, 2, 10),
            sample(Form::Macros, 2, 11),
        ];
        let summary = summarize(&samples, &[size]);
        assert_eq!(summary.len(), 1);
        assert_eq!(summary[0].cpu, [10.0, 12.0]);
        assert!((summary[0].cpu_ratio() - 1.2).abs() < 1e-9);
        assert_eq!(summary[0].cpu_min, [10.0, 11.0]);
        assert!((summary[0].cpu_min_ratio() - 1.1).abs() < 1e-9);
        assert_eq!(summary[0].runs, 3);
    }
}
