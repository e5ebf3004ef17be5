//! How the command line fails: a usage error (exit status 2) or a failure (exit status 1).

use std::fmt;

/// Why a command did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
    /// The command line itself is wrong; nothing was opened or written. (clap reports the
    /// errors it finds itself, with the same exit status.)
    Usage(String),
    /// The command was valid but did not succeed.
    Failed(String),
}

impl CliError {
    /// The process exit status for this error.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Failed(_) => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) | CliError::Failed(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for CliError {}

impl From<duroxide::ClientError> for CliError {
    fn from(error: duroxide::ClientError) -> Self {
        CliError::Failed(format!("store: {error}"))
    }
}
