//! The determinism guard: calls in an orchestration body that cannot replay.
//!
//! duroxide resumes an orchestration by running its body again against the recorded history. A
//! call that reads the clock, draws a random value, reads the environment, does I/O, sleeps or
//! spawns work outside duroxide gives another result, or none at all, on replay. [`scan`] finds
//! such calls in the body's tokens, and the rule in `rules.rs` reports each one at the call,
//! with the deterministic replacement.
//!
//! The scan is syntactic. It matches a call's path as written, fully qualified or imported
//! (`std::time::Instant::now()` and, after `use std::time::Instant`, `Instant::now()`), in the
//! body, its closures and its `async` blocks. It does not follow helper functions, it cannot see
//! the iteration order of a `HashMap`, and a local type that happens to be called `Instant` is
//! taken for std's: `allow_nondeterminism = "reason"` answers that, and keeps an old version
//! exactly as it ran.

use crate::paths::{is_punct, read_path, skip_turbofish};
use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// What a call does that replay cannot repeat, and what to use instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Time,
    Randomness,
    Waiting,
    Concurrency,
    Environment,
    Io,
}

impl Family {
    /// The message for a call written as `call`.
    pub(crate) fn message(self, call: &str) -> String {
        let (what, instead) = match self {
            Family::Time => (
                "reads the clock, which gives another time each time the orchestration replays",
                "use `ctx.utc_now().await`, which records the time in the history",
            ),
            Family::Randomness => (
                "draws a random value, which differs each time the orchestration replays",
                "use `ctx.new_guid().await`, which records its value in the history, or draw it \
                 in an activity",
            ),
            Family::Waiting => (
                "waits outside duroxide, so the wait is neither recorded nor resumed",
                "use `ctx.schedule_timer(duration).await` to wait, and `ctx.select2` of a timer \
                 and the work for a timeout",
            ),
            Family::Concurrency => (
                "runs work outside duroxide, whose completion order replay cannot reproduce",
                "schedule activities or sub-orchestrations, and run durable futures together \
                 with `ctx.join(..)` or `ctx.select2(..)`",
            ),
            Family::Environment => (
                "reads the process environment, which can differ between the first run and a \
                 replay on another worker",
                "move it into an activity, whose result duroxide records, or pass it in the input",
            ),
            Family::Io => (
                "does I/O, whose result can differ on replay and whose side effects repeat",
                "move it into an activity, whose result duroxide records",
            ),
        };
        format!(
            "`{call}` {what}; {instead}. (To keep an old version byte for byte as it ran, opt out \
             with `#[orchestration(allow_nondeterminism = \"why\")]`.)"
        )
    }
}

/// A call the guard knows. `path` is matched against the end of the path as written;
/// `qualified` calls match only with at least one segment before it (a bare `spawn(..)` or
/// `var(..)` is too common a name to blame on tokio or std), and `macro_call` ones only as
/// macros (`select!`).
struct Known {
    path: &'static [&'static str],
    family: Family,
    qualified: bool,
    macro_call: bool,
}

const fn call(path: &'static [&'static str], family: Family) -> Known {
    Known {
        path,
        family,
        qualified: false,
        macro_call: false,
    }
}

const fn qualified(path: &'static [&'static str], family: Family) -> Known {
    Known {
        path,
        family,
        qualified: true,
        macro_call: false,
    }
}

const fn macro_call(path: &'static [&'static str], family: Family, qualified: bool) -> Known {
    Known {
        path,
        family,
        qualified,
        macro_call: true,
    }
}

/// Every call the guard reports. A path that starts with one of [`IO_CRATES`] is reported too.
const KNOWN: &[Known] = &[
    // Time: std, chrono, time, jiff, tokio.
    call(&["SystemTime", "now"], Family::Time),
    call(&["Instant", "now"], Family::Time),
    call(&["Utc", "now"], Family::Time),
    call(&["Local", "now"], Family::Time),
    call(&["OffsetDateTime", "now_utc"], Family::Time),
    call(&["OffsetDateTime", "now_local"], Family::Time),
    call(&["Timestamp", "now"], Family::Time),
    call(&["Zoned", "now"], Family::Time),
    // Randomness and ids: rand, uuid, getrandom.
    qualified(&["rand", "random"], Family::Randomness),
    qualified(&["rand", "rng"], Family::Randomness),
    call(&["thread_rng"], Family::Randomness),
    call(&["Uuid", "new_v4"], Family::Randomness),
    call(&["Uuid", "now_v1"], Family::Randomness),
    call(&["Uuid", "now_v6"], Family::Randomness),
    call(&["Uuid", "now_v7"], Family::Randomness),
    call(&["Uuid", "new_v7"], Family::Randomness),
    qualified(&["from_entropy"], Family::Randomness),
    qualified(&["from_os_rng"], Family::Randomness),
    qualified(&["getrandom", "getrandom"], Family::Randomness),
    qualified(&["getrandom", "fill"], Family::Randomness),
    // Waiting: tokio, std, async-std.
    qualified(&["time", "sleep"], Family::Waiting),
    qualified(&["time", "sleep_until"], Family::Waiting),
    qualified(&["time", "timeout"], Family::Waiting),
    qualified(&["time", "interval"], Family::Waiting),
    qualified(&["thread", "sleep"], Family::Waiting),
    qualified(&["task", "sleep"], Family::Waiting),
    call(&["sleep"], Family::Waiting),
    // Concurrency: tokio, std, futures.
    qualified(&["tokio", "spawn"], Family::Concurrency),
    qualified(&["task", "spawn"], Family::Concurrency),
    qualified(&["task", "spawn_local"], Family::Concurrency),
    call(&["spawn_blocking"], Family::Concurrency),
    qualified(&["thread", "spawn"], Family::Concurrency),
    qualified(&["thread", "scope"], Family::Concurrency),
    macro_call(&["select"], Family::Concurrency, false),
    macro_call(&["tokio", "join"], Family::Concurrency, true),
    macro_call(&["tokio", "try_join"], Family::Concurrency, true),
    macro_call(&["futures", "join"], Family::Concurrency, true),
    macro_call(&["futures", "try_join"], Family::Concurrency, true),
    call(&["join_all"], Family::Concurrency),
    call(&["select_all"], Family::Concurrency),
    // Environment.
    qualified(&["env", "var"], Family::Environment),
    qualified(&["env", "var_os"], Family::Environment),
    qualified(&["env", "vars"], Family::Environment),
    qualified(&["env", "vars_os"], Family::Environment),
    qualified(&["env", "args"], Family::Environment),
    qualified(&["env", "current_dir"], Family::Environment),
    // I/O: files, sockets, processes. Any `std::fs::*` or `tokio::fs::*` call is I/O.
    qualified(&["fs"], Family::Io),
    call(&["File", "open"], Family::Io),
    call(&["File", "create"], Family::Io),
    call(&["OpenOptions", "new"], Family::Io),
    call(&["TcpStream", "connect"], Family::Io),
    call(&["TcpListener", "bind"], Family::Io),
    call(&["UdpSocket", "bind"], Family::Io),
    qualified(&["process", "Command", "new"], Family::Io),
];

/// Crates whose every call is I/O.
const IO_CRATES: &[&str] = &["reqwest", "ureq", "hyper", "sqlx", "redis"];

/// One call the guard reports: its path's tokens, to point at, and what it is.
pub(crate) struct Finding {
    pub(crate) tokens: TokenStream,
    pub(crate) written: String,
    pub(crate) family: Family,
}

/// Every known nondeterministic call in `body`, in order.
pub(crate) fn scan(body: &TokenStream) -> Vec<Finding> {
    let mut findings = Vec::new();
    scan_into(body, &mut findings);
    findings
}

fn scan_into(tokens: &TokenStream, findings: &mut Vec<Finding>) {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Group(group) => {
                scan_into(&group.stream(), findings);
                i += 1;
            }
            TokenTree::Ident(_) | TokenTree::Punct(_) => {
                let (path, next) = read_path(&trees, i);
                if let Some((segments, _)) = path {
                    if let Some(family) = known(&segments, &trees, next) {
                        let written: Vec<String> =
                            segments.iter().map(ToString::to_string).collect();
                        findings.push(Finding {
                            tokens: trees[i..next].iter().cloned().collect(),
                            written: written.join("::"),
                            family,
                        });
                    }
                }
                i = next.max(i + 1);
            }
            TokenTree::Literal(_) => i += 1,
        }
    }
}

/// What the path `segments`, followed at `next` by its arguments, is known to do: a function
/// call (`(..)`, possibly after a turbofish) or, for a macro, `!`.
fn known(segments: &[proc_macro2::Ident], trees: &[TokenTree], next: usize) -> Option<Family> {
    let is_macro = is_punct(trees.get(next), '!');
    let is_call = matches!(
        trees.get(skip_turbofish(trees, next)),
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis
    );
    if !is_macro && !is_call {
        return None;
    }
    // Reading an ident's text is a call into the compiler: the last segment alone first, which
    // rules out nearly every call of a body.
    let last = segments.last()?.to_string();
    let plausible = KNOWN
        .iter()
        .any(|known| known.path.last() == Some(&last.as_str()))
        || (segments.len() > 1 && is_call);
    if !plausible {
        return None;
    }
    let texts: Vec<String> = segments.iter().map(ToString::to_string).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    if is_call && texts.len() > 1 && IO_CRATES.contains(&texts[0]) {
        return Some(Family::Io);
    }
    KNOWN.iter().find_map(|known| {
        let matches = known.macro_call == is_macro && ends_with(&texts, known);
        matches.then_some(known.family)
    })
}

/// Whether `path` ends with `known.path`, or, for `fs`, has it as its second-to-last segment
/// (`std::fs::read`, `fs::write`); a qualified one needs a segment before the match.
fn ends_with(path: &[&str], known: &Known) -> bool {
    let pattern = known.path;
    let module_of_calls = pattern == ["fs"];
    let end = if module_of_calls {
        path.len().saturating_sub(1)
    } else {
        path.len()
    };
    if end < pattern.len() || path.len() < pattern.len() + usize::from(module_of_calls) {
        return false;
    }
    let start = end - pattern.len();
    // `fs` is qualified by the call after it; a longer pattern qualifies itself.
    let qualified_enough = !known.qualified || start > 0 || pattern.len() > 1 || module_of_calls;
    path[start..end] == *pattern && qualified_enough
}

#[cfg(test)]
mod tests {
    use super::{scan, Family};

    fn found(body: &str) -> Vec<(String, Family)> {
        scan(&body.parse().unwrap())
            .into_iter()
            .map(|f| (f.written, f.family))
            .collect()
    }

    #[test]
    fn one_of_each_family_fully_qualified_and_imported() {
        let body = r#"{
            let a = std::time::Instant::now();
            let b = Utc::now();
            let c = rand::random::<u64>();
            let d = uuid::Uuid::new_v4();
            tokio::time::sleep(d).await;
            let e = tokio::spawn(async {});
            let f = std::env::var("AZURE_STORAGE_ACCOUNT");
            let g = std::fs::read_to_string("x");
            let h = File::open("x");
            let i = reqwest::get("https://example.com").await;
            let j = tokio::select! { _ = a => 1 };
        }"#;
        assert_eq!(
            found(body),
            [
                ("std::time::Instant::now".to_owned(), Family::Time),
                ("Utc::now".to_owned(), Family::Time),
                ("rand::random".to_owned(), Family::Randomness),
                ("uuid::Uuid::new_v4".to_owned(), Family::Randomness),
                ("tokio::time::sleep".to_owned(), Family::Waiting),
                ("tokio::spawn".to_owned(), Family::Concurrency),
                ("std::env::var".to_owned(), Family::Environment),
                ("std::fs::read_to_string".to_owned(), Family::Io),
                ("File::open".to_owned(), Family::Io),
                ("reqwest::get".to_owned(), Family::Io),
                ("tokio::select".to_owned(), Family::Concurrency),
            ]
        );
    }

    #[test]
    fn closures_and_async_blocks_are_scanned() {
        let body = "{ let f = || Instant::now(); let g = async move { thread::sleep(d) }; }";
        assert_eq!(
            found(body),
            [
                ("Instant::now".to_owned(), Family::Time),
                ("thread::sleep".to_owned(), Family::Waiting),
            ]
        );
    }

    #[test]
    fn the_deterministic_apis_and_lookalikes_pass() {
        let body = r#"{
            let now = ctx.utc_now().await?;
            let id = ctx.new_guid().await?;
            ctx.schedule_timer(Duration::from_secs(5)).await;
            let both = ctx.join(vec![a, b]).await;
            let first = ctx.select2(a, b).await;
            let t: Instant = x;
            let n = Instant::now;
            let v = config.env.var("x");
            let s = my::spawn(1);
            let w = var("x");
            let r = random();
            let u = use_fs_names(fs);
        }"#;
        assert!(found(body).is_empty(), "{:?}", found(body));
    }
}
