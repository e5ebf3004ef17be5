//! `--store`: which database holds the deployments, parsed before anything is opened so that
//! a malformed URL is refused with nothing written.

use crate::error::CliError;
use duroxide::providers::sqlite::SqliteProvider;
use duroxide::providers::Provider;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// The default store: an embedded SQLite file in the working directory.
pub const DEFAULT_STORE: &str = "sqlite:./data.db";

/// A parsed `--store` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreSpec {
    /// `sqlite::memory:`: gone when the process exits.
    SqliteMemory,
    /// `sqlite:PATH` (or `sqlite://PATH`).
    SqliteFile(PathBuf),
    /// `postgres://…` or `postgresql://…`, with an optional `schema=NAME` query parameter that
    /// is taken out of the URL and given to the provider.
    Postgres {
        /// The connection URL, without `schema`.
        url: String,
        /// The schema holding duroxide's tables; `public` when absent.
        schema: Option<String>,
    },
}

/// Whether opening may create the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// `deploy` and `worker`: create the file or schema when missing.
    Create,
    /// `status`: the store must exist, and nothing is written to it.
    Existing,
}

impl std::str::FromStr for StoreSpec {
    /// What a well-formed value looks like; clap shows it after the value and the option.
    type Err = String;

    fn from_str(spec: &str) -> Result<Self, String> {
        if spec == "sqlite::memory:" {
            return Ok(StoreSpec::SqliteMemory);
        }
        if let Some(rest) = spec.strip_prefix("sqlite:") {
            let path = rest.strip_prefix("//").unwrap_or(rest);
            if path.is_empty() || path.contains('?') {
                return Err("a SQLite store is `sqlite:PATH` or `sqlite::memory:`".to_owned());
            }
            return Ok(StoreSpec::SqliteFile(PathBuf::from(path)));
        }
        if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
            return parse_postgres(spec);
        }
        Err(
            "expected `sqlite:PATH`, `sqlite::memory:` or `postgres://USER@HOST:PORT/DATABASE`"
                .to_owned(),
        )
    }
}

fn parse_postgres(spec: &str) -> Result<StoreSpec, String> {
    let (base, query) = spec.split_once('?').unwrap_or((spec, ""));
    let authority = base
        .split_once("://")
        .map_or("", |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err("the URL names no host, as in `postgres://USER@HOST:PORT/DATABASE`".to_owned());
    }
    if let Some((_, port)) = host.rsplit_once(':').filter(|_| !host.ends_with(']')) {
        if port.parse::<u16>().is_err() {
            return Err(format!("`{port}` is not a port number"));
        }
    }
    let mut schema = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        match pair.strip_prefix("schema=") {
            Some(name) => schema = Some(name.to_owned()),
            None => kept.push(pair),
        }
    }
    if let Some(name) = &schema {
        // duroxide-pg interpolates the schema into its SQL, so only plain identifiers pass.
        let valid = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(format!("schema `{name}` must match [A-Za-z_][A-Za-z0-9_]*"));
        }
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok(StoreSpec::Postgres { url, schema })
}

impl fmt::Display for StoreSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreSpec::SqliteMemory => f.write_str("sqlite::memory:"),
            StoreSpec::SqliteFile(path) => write!(f, "sqlite:{}", path.display()),
            StoreSpec::Postgres { url, schema } => {
                // Never echo a password into the terminal or a log.
                let shown = url
                    .split_once("://")
                    .and_then(|(scheme, rest)| {
                        let (user_info, host) = rest.split_once('@')?;
                        let user = user_info.split(':').next()?;
                        Some(format!("{scheme}://{user}@{host}"))
                    })
                    .unwrap_or_else(|| url.clone());
                match schema {
                    Some(schema) => write!(f, "{shown} (schema {schema})"),
                    None => f.write_str(&shown),
                }
            }
        }
    }
}

impl StoreSpec {
    /// Opens the store.
    ///
    /// # Errors
    ///
    /// The store is missing while `access` is [`Access::Existing`], cannot be opened or
    /// reached, or is a PostgreSQL store in a build without the `postgres` feature.
    pub async fn open(&self, access: Access) -> Result<Arc<dyn Provider>, CliError> {
        match self {
            StoreSpec::SqliteMemory => {
                let provider = SqliteProvider::new_in_memory()
                    .await
                    .map_err(|e| CliError::Failed(format!("cannot open {self}: {e}")))?;
                Ok(Arc::new(provider))
            }
            StoreSpec::SqliteFile(path) => {
                if access == Access::Existing && !path.exists() {
                    return Err(CliError::Failed(format!(
                        "no store at {}: nothing has been deployed with it yet",
                        path.display()
                    )));
                }
                // SQLite creates a missing file only when asked to (`mode=rwc`).
                let mode = match access {
                    Access::Create => "rwc",
                    Access::Existing => "rw",
                };
                let url = format!("sqlite:{}?mode={mode}", path.display());
                let provider = SqliteProvider::new(&url, None).await.map_err(|e| {
                    CliError::Failed(format!("cannot open store {}: {e}", path.display()))
                })?;
                Ok(Arc::new(provider))
            }
            StoreSpec::Postgres { url, schema } => {
                open_postgres(self, url, schema.as_deref(), access).await
            }
        }
    }
}

#[cfg(feature = "postgres")]
async fn open_postgres(
    spec: &StoreSpec,
    url: &str,
    schema: Option<&str>,
    access: Access,
) -> Result<Arc<dyn Provider>, CliError> {
    use duroxide_pg::{MigrationPolicy, PostgresProvider, ProviderConfig};
    use std::time::Duration;

    let address = host_and_port(url);
    // sqlx keeps retrying an unreachable server until its 30 s acquire timeout; a plain TCP
    // connection tells within seconds, with a clearer message.
    match tokio::time::timeout(
        Duration::from_secs(5),
        tokio::net::TcpStream::connect(&address),
    )
    .await
    {
        Ok(Ok(_)) => {}
        Ok(Err(error)) => {
            return Err(CliError::Failed(format!(
                "cannot reach PostgreSQL at {address}: {error}"
            )))
        }
        Err(_) => {
            return Err(CliError::Failed(format!(
                "cannot reach PostgreSQL at {address}: timed out"
            )))
        }
    }
    let mut config = ProviderConfig::url(url);
    config.schema_name = schema.map(str::to_owned);
    // `status` must not create tables in a database that has none.
    config.migration_policy = match access {
        Access::Create => MigrationPolicy::ApplyAll,
        Access::Existing => MigrationPolicy::VerifyOnly,
    };
    let provider = PostgresProvider::new_with_config(config)
        .await
        .map_err(|e| CliError::Failed(format!("cannot open PostgreSQL store {spec}: {e:#}")))?;
    Ok(Arc::new(provider))
}

#[cfg(not(feature = "postgres"))]
async fn open_postgres(
    spec: &StoreSpec,
    _url: &str,
    _schema: Option<&str>,
    _access: Access,
) -> Result<Arc<dyn Provider>, CliError> {
    Err(CliError::Usage(format!(
        "{spec}: PostgreSQL stores need the `postgres` feature; build with \
         `cargo run -p multi-cloud-app --features postgres -- ...`"
    )))
}

/// `HOST:PORT` of a PostgreSQL URL, with PostgreSQL's default port.
#[cfg(feature = "postgres")]
fn host_and_port(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let has_port = host
        .rsplit_once(':')
        .is_some_and(|(_, port)| port.parse::<u16>().is_ok());
    if has_port {
        host.to_owned()
    } else {
        format!("{host}:5432")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(spec: &str) -> Result<StoreSpec, String> {
        spec.parse::<StoreSpec>()
    }

    #[test]
    fn sqlite_specs() {
        assert_eq!(parse("sqlite::memory:"), Ok(StoreSpec::SqliteMemory));
        assert_eq!(
            parse(DEFAULT_STORE),
            Ok(StoreSpec::SqliteFile("./data.db".into()))
        );
        assert_eq!(
            parse("sqlite:///tmp/x.db"),
            Ok(StoreSpec::SqliteFile("/tmp/x.db".into()))
        );
        assert!(parse("sqlite:").unwrap_err().contains("sqlite:PATH"));
    }

    #[test]
    fn postgres_specs_keep_the_url_and_take_out_the_schema() {
        assert_eq!(
            parse("postgres://me:secret@db:5433/app?schema=deploys&sslmode=disable"),
            Ok(StoreSpec::Postgres {
                url: "postgres://me:secret@db:5433/app?sslmode=disable".into(),
                schema: Some("deploys".into()),
            })
        );
        let shown = parse("postgresql://me:secret@db/app").unwrap().to_string();
        assert_eq!(shown, "postgresql://me@db/app");
    }

    #[test]
    fn malformed_specs_say_what_is_expected() {
        assert!(parse("mysql://x")
            .unwrap_err()
            .contains("expected `sqlite:PATH`"));
        assert!(parse("postgres:///app")
            .unwrap_err()
            .contains("names no host"));
        assert!(parse("postgres://db:port/app")
            .unwrap_err()
            .contains("not a port number"));
        assert!(parse("postgres://db/app?schema=a;drop")
            .unwrap_err()
            .contains("must match"));
    }
}
