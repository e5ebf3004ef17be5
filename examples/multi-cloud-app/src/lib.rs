//! `multi-cloud-app`: deploys an application across two simulated clouds by composing the
//! libraries `duroxide-azure-arm` and `duroxide-aws-ec2` with its own orchestration,
//! `my-app::orchestration::deploy-multi-cloud` (the pattern document's Pattern 5).
//!
//! **Everything it provisions is simulated** ([`simulated_cloud`]); no network is used.
//!
//! The binary is a thin shell over [`main`]; the library exposes the pieces so that tests and
//! the pattern's consumer snippets can use them.

pub mod activities;
pub mod cli;
pub mod commands;
pub mod declared;
pub mod error;
pub mod graph;
pub mod inventory;
pub mod orchestrations;
pub mod registry;
pub mod store;
pub mod table;
pub mod types;

/// Name constants of the app's own orchestration and activity.
pub use registry::names;

use clap::Parser;
use std::process::ExitCode;

/// Runs the command line of the current process.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version on stdout with status 0; a usage error on stderr with status 2, as
        // `CliError::Usage`.
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            return fail(&error::CliError::Failed(format!(
                "cannot start tokio: {error}"
            )))
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn fail(error: &error::CliError) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::from(error.exit_code())
}

/// duroxide logs to stdout unless a subscriber is already installed; this one writes to
/// stderr, quiet unless `RUST_LOG` asks, so that stdout carries only the command's output.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
