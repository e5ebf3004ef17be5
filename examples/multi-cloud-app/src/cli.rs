//! The command line, declared with clap: parsed completely, and checked, before anything is
//! opened. A usage error exits with status 2 and a message on stderr, as
//! [`CliError::Usage`](crate::error::CliError::Usage) does.

use crate::store::{StoreSpec, DEFAULT_STORE};
use crate::types::validate_name;
use clap::{Args, Parser, Subcommand, ValueEnum};
use duroxide_aws_ec2::orchestrations::create_ec2_cluster::MAX_INSTANCES;
use std::fmt;
use std::time::Duration;

/// Where the simulated cloud lives unless `--cloud` or `DUROXIDE_SIM_CLOUD` says otherwise.
pub const DEFAULT_CLOUD: &str = "./sim-cloud.json";

/// Default `--concurrency`.
pub const DEFAULT_CONCURRENCY: usize = 4;

/// Default `--instances`.
pub const DEFAULT_INSTANCES: u32 = 3;

/// Default `deploy --timeout`, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 300;

/// Default `--timeout` of `approve`, `reject`, `cancel` and `scale`, in seconds.
pub const DEFAULT_COMMAND_TIMEOUT_SECS: u64 = 60;

/// The environment variables that are not options, for the end of `--help`.
const ENVIRONMENT: &str = "\
Environment:
  DUROXIDE_SIM_LATENCY_MS    how long a simulated resource takes to become ready, in ms (250)
  DUROXIDE_PROGRESS_POLL_MS  how often `deploy` samples progress, in ms (100)
  RUST_LOG                   duroxide's logs on stderr, for example RUST_LOG=info";

/// The heading of the options every command takes.
const GLOBAL: &str = "Options of every command";

/// Deploys an application across two simulated clouds with duroxide.
#[derive(Debug, Clone, PartialEq, Parser)]
#[command(name = "multi-cloud-app", version, after_help = ENVIRONMENT)]
pub struct Cli {
    /// Where deployments are recorded: sqlite:PATH, sqlite::memory: or a postgres:// URL
    ///
    /// `sqlite:PATH` is created on first use; `sqlite::memory:` is gone when the process exits;
    /// `postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME]` needs the cargo feature
    /// `postgres`, and lets several workers share one database.
    #[arg(
        long,
        global = true,
        help_heading = GLOBAL,
        value_name = "URL",
        env = "DUROXIDE_STORE",
        // A PostgreSQL URL may hold a password.
        hide_env_values = true,
        default_value = DEFAULT_STORE,
        value_parser = parse_store
    )]
    pub store: StoreSpec,

    /// The simulated cloud's JSON file, or `memory`
    ///
    /// Processes that should see the same resources must share it. An empty value means the
    /// default.
    #[arg(
        long,
        global = true,
        help_heading = GLOBAL,
        value_name = "PATH",
        env = simulated_cloud::CLOUD_ENV,
        hide_env_values = true,
        default_value = DEFAULT_CLOUD,
        value_parser = parse_cloud
    )]
    pub cloud: String,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// A command and its own options.
#[derive(Debug, Clone, PartialEq, Subcommand)]
pub enum Command {
    /// Deploy NAME across both clouds, show each step, and print the result
    ///
    /// Provisions PostgreSQL on Azure, an EC2 cluster on AWS, an Azure web app in front of the
    /// cluster, and a DNS record for the app. An interrupted deployment of the same name is
    /// resumed; a finished one is reported, not redone.
    Deploy(DeployArgs),
    /// Run deployments submitted to the store until Ctrl-C or SIGTERM
    Worker {
        /// Orchestrations and activities run at once
        #[arg(long, value_name = "N", default_value_t = DEFAULT_CONCURRENCY, value_parser = parse_concurrency)]
        concurrency: usize,
    },
    /// Approve a deployment started with --require-approval: it goes on to publish DNS
    ///
    /// Waits for the deployment to reach its approval step if it has not yet (an approval sent
    /// earlier would be dropped), sends the approval, and waits for the deployment to take it.
    Approve(AnswerArgs),
    /// Refuse a deployment started with --require-approval: it stops before publishing DNS
    ///
    /// Waits for the approval step as `approve` does.
    Reject(AnswerArgs),
    /// Cancel a deployment started with --require-approval, before it is approved
    ///
    /// The deployment stops at once, in whatever step it is; nothing more is provisioned or
    /// published, and what was provisioned stays.
    Cancel {
        /// The deployment
        #[arg(value_name = "NAME", value_parser = parse_name)]
        name: String,
        /// Why, shown by `status`
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        /// How long to wait for the deployment to take the command, in seconds
        #[arg(long, value_name = "SECS", default_value_t = DEFAULT_COMMAND_TIMEOUT_SECS, value_parser = parse_seconds)]
        timeout: u64,
    },
    /// Set the EC2 cluster size of a deployment started with --require-approval
    ///
    /// Before the cluster is created, it is created with N instances; after, it is resized to
    /// N once the deployment is approved, before DNS is published.
    Scale {
        /// The deployment
        #[arg(value_name = "NAME", value_parser = parse_name)]
        name: String,
        /// EC2 instances, from 1 to 20
        #[arg(value_name = "N", value_parser = parse_instances)]
        instances: u32,
        /// How long to wait for the deployment to take the command, in seconds
        #[arg(long, value_name = "SECS", default_value_t = DEFAULT_COMMAND_TIMEOUT_SECS, value_parser = parse_seconds)]
        timeout: u64,
    },
    /// Replace one EC2 instance of a completed deployment's cluster
    ///
    /// Terminates instance INDEX (from 0) of the cluster, launches a fresh one of the same name
    /// and routes the load balancer to it, and prints both ids. The termination is the EC2
    /// worker's `terminate-instance`, which the app calls through a declaration only.
    Replace {
        /// The deployment
        #[arg(value_name = "NAME", value_parser = parse_name)]
        name: String,
        /// The instance to replace, from 0
        #[arg(value_name = "INDEX")]
        index: u32,
        /// How long to wait for the replacement, in seconds
        #[arg(long, value_name = "SECS", default_value_t = DEFAULT_COMMAND_TIMEOUT_SECS, value_parser = parse_seconds)]
        timeout: u64,
    },
    /// Show one deployment, or all of them
    Status {
        /// The deployment to show; all of them when omitted
        #[arg(value_name = "NAME")]
        instance: Option<String>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// List every orchestration and activity of the composed crates
    List {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Draw every composed crate's orchestrations, with what each calls and the events and
    /// queues each declares, as a Mermaid flowchart
    ///
    /// Read from the crates' inventories alone. GitHub renders Mermaid in a ```mermaid block.
    Graph {
        /// Print Graphviz DOT instead (`dot -Tsvg`)
        #[arg(long)]
        dot: bool,
    },
}

/// Options of `approve` and `reject`.
#[derive(Debug, Clone, PartialEq, Args)]
pub struct AnswerArgs {
    /// The deployment
    #[arg(value_name = "NAME", value_parser = parse_name)]
    pub name: String,
    /// Why, shown by `status`
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// How long to wait for the approval step, and then for the deployment to take the
    /// answer, in seconds
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_COMMAND_TIMEOUT_SECS, value_parser = parse_seconds)]
    pub timeout: u64,
}

/// Options of `deploy`.
#[derive(Debug, Clone, PartialEq, Args)]
pub struct DeployArgs {
    /// The deployment's name, also its instance id: a DNS label of at most 30 characters
    ///
    /// Lowercase letters, digits and `-`, starting with a letter and not ending with `-`; every
    /// resource of the deployment is named after it.
    #[arg(value_name = "NAME", value_parser = parse_name)]
    pub name: String,
    /// EC2 instances in the cluster, from 1 to 20
    #[arg(long, value_name = "N", default_value_t = DEFAULT_INSTANCES, value_parser = parse_instances)]
    pub instances: u32,
    /// Preferred web app tier; a lower one is taken when its quota is used up
    #[arg(long, value_enum, default_value_t = Tier::Premium)]
    pub tier: Tier,
    /// Only submit the deployment; a `worker` runs it
    #[arg(long)]
    pub detach: bool,
    /// Wait for `approve NAME` before publishing DNS, and take `cancel` and `scale` until then
    #[arg(long)]
    pub require_approval: bool,
    /// How long to wait for the result, in seconds; the deployment goes on being recorded
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_TIMEOUT_SECS, value_parser = parse_seconds)]
    pub timeout: u64,
    /// Orchestrations and activities the embedded worker runs at once
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONCURRENCY, value_parser = parse_concurrency)]
    pub concurrency: usize,
}

impl DeployArgs {
    /// `--timeout` as a duration.
    #[must_use]
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout)
    }
}

/// An App Service tier, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[allow(missing_docs)] // clap shows a variant's doc in the help; the names say it all.
pub enum Tier {
    Premium,
    Standard,
    Basic,
}

impl Tier {
    /// The tier's name, as `duroxide-azure-arm` spells it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Premium => "premium",
            Tier::Standard => "standard",
            Tier::Basic => "basic",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// clap puts each message below after "invalid value 'VALUE' for '--OPTION <NAME>': ".

fn parse_store(value: &str) -> Result<StoreSpec, String> {
    value.parse()
}

/// An empty value means the default: an empty `DUROXIDE_SIM_CLOUD` is ignored, as the
/// simulated cloud's own lookup ignores it.
fn parse_cloud(value: &str) -> Result<String, std::convert::Infallible> {
    Ok(if value.is_empty() {
        DEFAULT_CLOUD
    } else {
        value
    }
    .to_owned())
}

fn parse_name(value: &str) -> Result<String, String> {
    validate_name(value)?;
    Ok(value.to_owned())
}

fn parse_instances(value: &str) -> Result<u32, String> {
    match value.parse() {
        Ok(n) if (1..=MAX_INSTANCES).contains(&n) => Ok(n),
        _ => Err(format!(
            "must be a whole number between 1 and {MAX_INSTANCES}"
        )),
    }
}

fn parse_concurrency(value: &str) -> Result<usize, String> {
    match value.parse() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("must be a whole number, at least 1".to_owned()),
    }
}

fn parse_seconds(value: &str) -> Result<u64, String> {
    value
        .parse()
        .map_err(|_| "must be a whole number of seconds".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;
    use clap::{CommandFactory, FromArgMatches};

    /// The command line with no environment variable read, whatever this machine has set.
    fn command() -> clap::Command {
        Cli::command()
            .mut_arg("store", |arg| arg.env(None))
            .mut_arg("cloud", |arg| arg.env(None))
    }

    fn try_parse(line: &str) -> Result<Cli, clap::Error> {
        let args = std::iter::once("multi-cloud-app").chain(line.split_whitespace());
        let matches = command().try_get_matches_from(args)?;
        Cli::from_arg_matches(&matches)
    }

    fn parse_line(line: &str) -> Result<Cli, String> {
        try_parse(line).map_err(|e| e.to_string())
    }

    /// The text `multi-cloud-app LINE` prints for `--help` (exit status 0, on stdout). Help
    /// names the environment variables but never shows their values, so the text does not
    /// depend on this machine's.
    fn help(line: &str) -> String {
        let args = std::iter::once("multi-cloud-app").chain(line.split_whitespace());
        let error = Cli::command()
            .try_get_matches_from(args)
            .expect_err("help is reported as an error");
        assert_eq!(error.kind(), ErrorKind::DisplayHelp, "{error}");
        assert_eq!(error.exit_code(), 0);
        error.to_string()
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn deploy_with_defaults() {
        let cli = parse_line("deploy demo").unwrap();
        assert_eq!(cli.store, StoreSpec::SqliteFile("./data.db".into()));
        assert_eq!(cli.cloud, DEFAULT_CLOUD);
        let Command::Deploy(args) = cli.command else {
            panic!("not deploy")
        };
        assert_eq!(
            (args.name.as_str(), args.instances, args.tier),
            ("demo", 3, Tier::Premium)
        );
        assert!(!args.detach);
        assert_eq!(args.timeout(), Duration::from_secs(300));
        assert_eq!(args.concurrency, DEFAULT_CONCURRENCY);
    }

    #[test]
    fn options_go_anywhere_and_take_inline_values() {
        let cli =
            parse_line("--store=sqlite::memory: deploy --instances 2 shop --cloud memory --detach")
                .unwrap();
        assert_eq!(cli.store, StoreSpec::SqliteMemory);
        assert_eq!(cli.cloud, "memory");
        let Command::Deploy(args) = cli.command else {
            panic!("not deploy")
        };
        assert_eq!(
            (args.name.as_str(), args.instances, args.detach),
            ("shop", 2, true)
        );
    }

    #[test]
    fn every_command_parses() {
        let cli = parse_line("deploy demo --tier basic --timeout 60 --concurrency 8").unwrap();
        let Command::Deploy(args) = cli.command else {
            panic!("not deploy")
        };
        assert_eq!(
            (args.tier, args.timeout, args.concurrency),
            (Tier::Basic, 60, 8)
        );
        assert_eq!(
            parse_line("worker --concurrency 2").unwrap().command,
            Command::Worker { concurrency: 2 }
        );
        assert_eq!(
            parse_line("status demo --json").unwrap().command,
            Command::Status {
                instance: Some("demo".to_owned()),
                json: true
            }
        );
        assert_eq!(
            parse_line("status").unwrap().command,
            Command::Status {
                instance: None,
                json: false
            }
        );
        assert_eq!(
            parse_line("list --json").unwrap().command,
            Command::List { json: true }
        );
        let Command::Deploy(args) = parse_line("deploy demo --require-approval")
            .unwrap()
            .command
        else {
            panic!("not deploy")
        };
        assert!(args.require_approval);
        assert_eq!(
            parse_line("approve demo").unwrap().command,
            Command::Approve(AnswerArgs {
                name: "demo".to_owned(),
                reason: None,
                timeout: DEFAULT_COMMAND_TIMEOUT_SECS
            })
        );
        assert_eq!(
            parse_line("reject demo --reason late --timeout 5")
                .unwrap()
                .command,
            Command::Reject(AnswerArgs {
                name: "demo".to_owned(),
                reason: Some("late".to_owned()),
                timeout: 5
            })
        );
        assert_eq!(
            parse_line("cancel demo --reason oops").unwrap().command,
            Command::Cancel {
                name: "demo".to_owned(),
                reason: Some("oops".to_owned()),
                timeout: DEFAULT_COMMAND_TIMEOUT_SECS
            }
        );
        assert_eq!(
            parse_line("scale demo 5").unwrap().command,
            Command::Scale {
                name: "demo".to_owned(),
                instances: 5,
                timeout: DEFAULT_COMMAND_TIMEOUT_SECS
            }
        );
        assert_eq!(
            parse_line("graph --dot").unwrap().command,
            Command::Graph { dot: true }
        );
        assert_eq!(
            parse_line("replace demo 2 --timeout 9").unwrap().command,
            Command::Replace {
                name: "demo".to_owned(),
                index: 2,
                timeout: 9
            }
        );
    }

    #[test]
    fn an_empty_cloud_means_the_default() {
        let cli = try_parse("status").unwrap();
        assert_eq!(cli.cloud, DEFAULT_CLOUD);
        let args = ["multi-cloud-app", "--cloud", "", "status"];
        let matches = command().try_get_matches_from(args).unwrap();
        assert_eq!(
            Cli::from_arg_matches(&matches).unwrap().cloud,
            DEFAULT_CLOUD
        );
    }

    #[test]
    fn the_tiers_are_the_ones_the_azure_library_knows_best_first() {
        let names: Vec<&str> = Tier::value_variants().iter().map(|t| t.as_str()).collect();
        assert_eq!(names, duroxide_azure_arm::activities::TIERS);
        for tier in Tier::value_variants() {
            let possible = tier.to_possible_value().unwrap();
            assert_eq!(possible.get_name(), tier.as_str());
        }
    }

    #[test]
    fn mistakes_are_usage_errors_that_say_what_is_wrong() {
        for (line, expected) in [
            // No command: the help, on stderr with status 2.
            ("", "Usage: multi-cloud-app [OPTIONS] <COMMAND>"),
            ("deploi demo", "unrecognized subcommand 'deploi'"),
            ("deploi demo", "similar subcommand exists: 'deploy'"),
            ("deploy", "required arguments were not provided:\n  <NAME>"),
            ("deploy Demo", "invalid deployment name `Demo`"),
            ("deploy a b", "unexpected argument 'b'"),
            (
                "deploy demo --instances many",
                "invalid value 'many' for '--instances <N>': must be a whole number",
            ),
            ("deploy demo --instances 0", "between 1 and 20"),
            (
                "deploy demo --tier gold",
                "invalid value 'gold' for '--tier <TIER>'",
            ),
            (
                "deploy demo --tier gold",
                "[possible values: premium, standard, basic]",
            ),
            ("deploy demo --timeout soon", "whole number of seconds"),
            ("worker --concurrency 0", "at least 1"),
            (
                "deploy demo --store",
                "a value is required for '--store <URL>'",
            ),
            (
                "deploy demo --store mysql://db",
                "invalid value 'mysql://db' for '--store <URL>': expected `sqlite:PATH`",
            ),
            ("list --detach", "unexpected argument '--detach'"),
            ("worker --json", "unexpected argument '--json'"),
            ("status --instances 2", "unexpected argument '--instances'"),
            ("status --frobnicate", "unexpected argument '--frobnicate'"),
            ("scale demo 0", "invalid value '0' for '<N>'"),
            ("scale demo", "required arguments were not provided:\n  <N>"),
            ("approve Demo", "invalid deployment name `Demo`"),
            ("cancel", "required arguments were not provided:\n  <NAME>"),
            ("graph --json", "unexpected argument '--json'"),
            ("approve demo --require-approval", "unexpected argument"),
            (
                "replace demo",
                "required arguments were not provided:\n  <INDEX>",
            ),
            ("replace demo first", "invalid value 'first' for '<INDEX>'"),
        ] {
            let error = try_parse(line).unwrap_err();
            assert_eq!(error.exit_code(), 2, "`{line}` gave `{error}`");
            let message = error.to_string();
            assert!(message.contains(expected), "`{line}` gave `{message}`");
        }
    }

    #[test]
    fn help_lists_every_command() {
        for line in ["--help", "help", "-h"] {
            let text = help(line);
            for command in [
                "deploy", "worker", "approve", "reject", "cancel", "scale", "replace", "status",
                "list", "graph", "help",
            ] {
                assert!(text.contains(&format!("\n  {command} ")), "{text}");
            }
            for option in ["--store <URL>", "--cloud <PATH>", "DUROXIDE_SIM_LATENCY_MS"] {
                assert!(text.contains(option), "`{line}` lacks {option}:\n{text}");
            }
        }
    }

    #[test]
    fn each_command_s_help_lists_exactly_its_own_options() {
        let global = ["--store <URL>", "--cloud <PATH>", "--help"];
        let cases: [(&str, &[&str], &[&str]); 10] = [
            (
                "deploy",
                &[
                    "<NAME>",
                    "--instances <N>",
                    "--tier <TIER>",
                    "[possible values: premium, standard, basic]",
                    "--detach",
                    "--require-approval",
                    "--timeout <SECS>",
                    "--concurrency <N>",
                    "[default: 4]",
                    "[env: DUROXIDE_STORE]",
                    "[env: DUROXIDE_SIM_CLOUD]",
                ],
                &["--json"],
            ),
            (
                "worker",
                &["--concurrency <N>"],
                &["--instances", "--tier", "--detach", "--timeout", "--json"],
            ),
            (
                "status",
                &["[NAME]", "--json"],
                &["--instances", "--concurrency", "--detach"],
            ),
            (
                "list",
                &["--json"],
                &["--instances", "--concurrency", "--detach"],
            ),
            (
                "approve",
                &["<NAME>", "--reason <TEXT>", "--timeout <SECS>"],
                &["--instances", "--json", "--detach"],
            ),
            (
                "reject",
                &["<NAME>", "--reason <TEXT>", "--timeout <SECS>"],
                &["--instances", "--json"],
            ),
            (
                "cancel",
                &["<NAME>", "--reason <TEXT>", "--timeout <SECS>"],
                &["--instances", "--json"],
            ),
            (
                "scale",
                &["<NAME>", "<N>", "--timeout <SECS>"],
                &["--instances", "--reason", "--json"],
            ),
            ("graph", &["--dot"], &["--json", "--instances"]),
            (
                "replace",
                &["<NAME>", "<INDEX>", "--timeout <SECS>"],
                &["--instances", "--reason", "--json"],
            ),
        ];
        for (command, present, absent) in cases {
            for line in [format!("{command} --help"), format!("help {command}")] {
                let text = help(&line);
                for option in global.iter().chain(present) {
                    assert!(text.contains(option), "`{line}` lacks {option}:\n{text}");
                }
                for option in absent {
                    assert!(!text.contains(option), "`{line}` lists {option}:\n{text}");
                }
            }
        }
    }
}
