//! The command line: parsed completely, and checked, before anything is opened.

use crate::error::CliError;
use crate::store::{StoreSpec, DEFAULT_STORE};
use crate::types::validate_name;
use std::time::Duration;

/// Where the simulated cloud lives unless `--cloud` or `DUROXIDE_SIM_CLOUD` says otherwise.
pub const DEFAULT_CLOUD: &str = "./sim-cloud.json";

/// The usage text of `help`.
pub const USAGE: &str = "\
Deploys an application across two simulated clouds with duroxide.

Usage: multi-cloud-app [--store URL] [--cloud PATH] <command>

Commands:
  deploy NAME       Deploy NAME (PostgreSQL on Azure, an EC2 cluster on AWS, a web app, a DNS
                    record), show progress, and print the result. Resumes NAME if a previous
                    run was interrupted.
      --instances N   EC2 instances in the cluster (default 3)
      --tier TIER     preferred web app tier: premium, standard or basic (default premium)
      --detach        only submit the deployment; a `worker` runs it
      --timeout SECS  how long to wait for the result (default 300)
  worker            Run deployments submitted to the store until Ctrl-C or SIGTERM.
      --concurrency N orchestrations and activities run at once (default 4)
  status [NAME]     Show one deployment, or all of them.  --json for JSON.
  list              List every orchestration and activity of the composed crates.  --json for JSON.
  help              Show this text.

Options:
  --store URL   sqlite:PATH (default sqlite:./data.db), sqlite::memory:, or
                postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME] (feature `postgres`).
                Default: $DUROXIDE_STORE, else sqlite:./data.db.
  --cloud PATH  JSON file of the simulated cloud, or `memory`.
                Default: $DUROXIDE_SIM_CLOUD, else ./sim-cloud.json.

Environment: DUROXIDE_SIM_LATENCY_MS sets how long a simulated resource takes to become ready
(default 250). RUST_LOG shows duroxide's logs on stderr.
";

/// A parsed command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Cli {
    /// The store holding the deployments.
    pub store: StoreSpec,
    /// `memory`, or the simulated cloud's file.
    pub cloud: String,
    /// What to do.
    pub command: Command,
}

/// A command and its own options.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `deploy NAME`.
    Deploy(DeployArgs),
    /// `worker`.
    Worker {
        /// Orchestrations and activities run at once.
        concurrency: usize,
    },
    /// `status [NAME]`.
    Status {
        /// One deployment, or all when `None`.
        instance: Option<String>,
        /// Print JSON.
        json: bool,
    },
    /// `list`.
    List {
        /// Print JSON.
        json: bool,
    },
    /// `help`.
    Help,
}

/// Options of `deploy`.
#[derive(Debug, Clone, PartialEq)]
pub struct DeployArgs {
    /// The deployment name, also its instance id.
    pub name: String,
    /// EC2 instances in the cluster.
    pub instances: u32,
    /// Preferred web app tier.
    pub tier: String,
    /// Submit only.
    pub detach: bool,
    /// How long to wait for the result.
    pub timeout: Duration,
    /// Orchestrations and activities the embedded worker runs at once.
    pub concurrency: usize,
}

/// Default `--concurrency`.
pub const DEFAULT_CONCURRENCY: usize = 4;

/// Parses the arguments after the program name. `env` reads an environment variable.
///
/// # Errors
///
/// [`CliError::Usage`] for anything not understood, with what was expected.
pub fn parse(args: &[String], env: impl Fn(&str) -> Option<String>) -> Result<Cli, CliError> {
    let mut options = Options::default();
    let mut positional = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(flag) = arg.strip_prefix("--") {
            let (name, inline) = match flag.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (flag, None),
            };
            options.set(name, inline, &mut rest)?;
        } else if arg == "-h" {
            options.help = true;
        } else {
            positional.push(arg.clone());
        }
    }
    let store = options
        .store
        .take()
        .or_else(|| env("DUROXIDE_STORE"))
        .unwrap_or_else(|| DEFAULT_STORE.to_owned())
        .parse()?;
    let cloud = options
        .cloud
        .take()
        .or_else(|| env(simulated_cloud::CLOUD_ENV).filter(|v| !v.is_empty()))
        .unwrap_or_else(|| DEFAULT_CLOUD.to_owned());
    let command = command(positional, &options)?;
    options.reject_unused(&command)?;
    Ok(Cli {
        store,
        cloud,
        command,
    })
}

fn usage(message: impl Into<String>) -> CliError {
    CliError::Usage(format!(
        "{}\nRun `multi-cloud-app help` for usage.",
        message.into()
    ))
}

/// Flags seen anywhere on the line; each command takes the ones it understands.
#[derive(Default)]
struct Options {
    store: Option<String>,
    cloud: Option<String>,
    instances: Option<u32>,
    tier: Option<String>,
    timeout: Option<u64>,
    concurrency: Option<usize>,
    detach: bool,
    json: bool,
    help: bool,
}

impl Options {
    fn set<'a>(
        &mut self,
        name: &str,
        inline: Option<String>,
        rest: &mut impl Iterator<Item = &'a String>,
    ) -> Result<(), CliError> {
        let mut value = || {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| usage(format!("--{name} needs a value")))
        };
        match name {
            "store" => self.store = Some(value()?),
            "cloud" => self.cloud = Some(value()?),
            "tier" => self.tier = Some(value()?),
            "instances" => self.instances = Some(number(name, &value()?)?),
            "timeout" => self.timeout = Some(number(name, &value()?)?),
            "concurrency" => self.concurrency = Some(number(name, &value()?)?),
            "detach" => self.detach = true,
            "json" => self.json = true,
            "help" => self.help = true,
            _ => return Err(usage(format!("unknown option `--{name}`"))),
        }
        if matches!(name, "detach" | "json" | "help") && inline.is_some() {
            return Err(usage(format!("--{name} takes no value")));
        }
        Ok(())
    }

    /// A flag that the chosen command ignores is a mistake worth reporting.
    fn reject_unused(&self, command: &Command) -> Result<(), CliError> {
        let (deploy, worker, json) = match command {
            Command::Deploy(_) => (true, true, false),
            Command::Worker { .. } => (false, true, false),
            Command::Status { .. } | Command::List { .. } => (false, false, true),
            Command::Help => return Ok(()),
        };
        let unused = [
            ("--instances", self.instances.is_some() && !deploy),
            ("--tier", self.tier.is_some() && !deploy),
            ("--timeout", self.timeout.is_some() && !deploy),
            ("--detach", self.detach && !deploy),
            ("--concurrency", self.concurrency.is_some() && !worker),
            ("--json", self.json && !json),
        ];
        match unused.iter().find(|(_, unused)| *unused) {
            Some((flag, _)) => Err(usage(format!("{flag} does not apply to this command"))),
            None => Ok(()),
        }
    }
}

fn number<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, CliError> {
    value
        .parse()
        .map_err(|_| usage(format!("--{name} needs a whole number, not `{value}`")))
}

fn command(positional: Vec<String>, options: &Options) -> Result<Command, CliError> {
    if options.help {
        return Ok(Command::Help);
    }
    let mut words = positional.into_iter();
    let Some(verb) = words.next() else {
        return Err(usage("no command given"));
    };
    let operands: Vec<String> = words.collect();
    let at_most = |n: usize| {
        if operands.len() > n {
            Err(usage(format!(
                "unexpected argument `{}` for `{verb}`",
                operands[n]
            )))
        } else {
            Ok(())
        }
    };
    let command = match verb.as_str() {
        "deploy" => {
            at_most(1)?;
            let name = operands
                .first()
                .ok_or_else(|| usage("`deploy` needs a NAME"))?
                .clone();
            deploy_args(name, options)?
        }
        "worker" => {
            at_most(0)?;
            Command::Worker {
                concurrency: concurrency(options)?,
            }
        }
        "status" => {
            at_most(1)?;
            Command::Status {
                instance: operands.first().cloned(),
                json: options.json,
            }
        }
        "list" => {
            at_most(0)?;
            Command::List { json: options.json }
        }
        "help" => Command::Help,
        other => {
            return Err(usage(format!(
                "unknown command `{other}`; expected deploy, worker, status, list or help"
            )))
        }
    };
    Ok(command)
}

fn concurrency(options: &Options) -> Result<usize, CliError> {
    match options.concurrency.unwrap_or(DEFAULT_CONCURRENCY) {
        0 => Err(usage("--concurrency must be at least 1")),
        n => Ok(n),
    }
}

fn deploy_args(name: String, options: &Options) -> Result<Command, CliError> {
    validate_name(&name).map_err(usage)?;
    let instances = options.instances.unwrap_or(3);
    let max = duroxide_aws_ec2::orchestrations::create_ec2_cluster::MAX_INSTANCES;
    if instances == 0 || instances > max {
        return Err(usage(format!("--instances must be between 1 and {max}")));
    }
    let tier = options.tier.clone().unwrap_or_else(|| "premium".to_owned());
    if !duroxide_azure_arm::activities::TIERS.contains(&tier.as_str()) {
        return Err(usage(format!(
            "--tier must be premium, standard or basic, not `{tier}`"
        )));
    }
    Ok(Command::Deploy(DeployArgs {
        name,
        instances,
        tier,
        detach: options.detach,
        timeout: Duration::from_secs(options.timeout.unwrap_or(300)),
        concurrency: concurrency(options)?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_line(line: &str) -> Result<Cli, String> {
        let args: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
        parse(&args, |_| None).map_err(|e| e.to_string())
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
            (args.name.as_str(), args.instances, args.tier.as_str()),
            ("demo", 3, "premium")
        );
        assert!(!args.detach);
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
    fn environment_supplies_the_defaults() {
        let args = vec!["status".to_owned()];
        let cli = parse(&args, |name| match name {
            "DUROXIDE_STORE" => Some("sqlite:/tmp/elsewhere.db".to_owned()),
            "DUROXIDE_SIM_CLOUD" => Some("memory".to_owned()),
            _ => None,
        })
        .unwrap();
        assert_eq!(cli.store, StoreSpec::SqliteFile("/tmp/elsewhere.db".into()));
        assert_eq!(cli.cloud, "memory");
    }

    #[test]
    fn mistakes_are_usage_errors_that_say_what_is_wrong() {
        for (line, expected) in [
            ("", "no command given"),
            ("deploi demo", "unknown command `deploi`"),
            ("deploy", "`deploy` needs a NAME"),
            ("deploy Demo", "invalid deployment name `Demo`"),
            ("deploy a b", "unexpected argument `b`"),
            (
                "deploy demo --instances many",
                "--instances needs a whole number",
            ),
            ("deploy demo --instances 0", "between 1 and 20"),
            (
                "deploy demo --tier gold",
                "--tier must be premium, standard or basic",
            ),
            ("deploy demo --store", "--store needs a value"),
            ("deploy demo --store mysql://db", "malformed --store"),
            ("list --detach", "--detach does not apply"),
            ("status --frobnicate", "unknown option `--frobnicate`"),
        ] {
            let error = parse_line(line).unwrap_err();
            assert!(error.contains(expected), "`{line}` gave `{error}`");
        }
    }
}
