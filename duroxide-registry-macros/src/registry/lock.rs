//! `registry! { lock: "registry.lock", .. }`: the wire names a crate has published, pinned by a
//! checked-in file that the compiler holds the registry to.
//!
//! The file has one line per registered item, sorted, in the format the generated
//! `registry_lock()` writes:
//!
//! ```text
//! # registry.lock: wire names pinned by registry! (duroxide-registry-macros). Delete a line ...
//! activity      duroxide-azure-arm::activity::provision-vm
//! activity      duroxide-azure-arm::activity::publish-dns cfg(feature = "dns")
//! orchestration duroxide-azure-arm::orchestration::provision-postgres 1.0.0
//! ```
//!
//! Every line must still be registered, with the same kind, name and version, or the build
//! fails at the `lock` argument. A line whose entry sits under `#[cfg]` carries that condition,
//! and is checked exactly when it holds. Items not in the file yet pass; the generated
//! `registry_lock()` returns the text the file should have, for a test to compare.
//!
//! This file reads and parses the lock while expanding (with `include_str!` in the output, so
//! that Cargo rebuilds when it changes), and generates both the checks, which sit in the const
//! block of `checks.rs`, and `registry_lock()`.

use super::parse::{Entry, Registry};
use crate::companion::meta::{self, Fact, Meta};
use crate::diagnostics::Diagnostics;
use crate::item::Kind;
use crate::text::tokens_as_written;
use crate::version;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::LitStr;

/// The first line of every lock `registry_lock()` writes. Lines starting with `#` are comments.
pub(crate) const HEADER: &str = "# registry.lock: wire names pinned by registry! \
     (duroxide-registry-macros). Delete a line only once no instance can still run it.\n";

/// The width the kind is padded to, so that names line up: `orchestration` is the longest.
const KIND_WIDTH: usize = 13;

/// A lock file, read and parsed.
pub(super) struct Lock {
    /// The `lock` argument: every error about the lock points at it.
    literal: LitStr,
    /// The file's absolute path, for `include_str!`.
    path: String,
    lines: Vec<Line>,
}

/// One pinned item.
struct Line {
    number: usize,
    kind: Kind,
    name: String,
    /// An orchestration's version as written; activities have none.
    version: String,
    version_key: Vec<u8>,
    /// The predicate of a `cfg(...)` at the end of the line, as text and as tokens.
    cfg: Option<(String, TokenStream)>,
}

impl Line {
    /// The line as `registry_lock()` writes it.
    fn text(&self) -> String {
        let mut text = format!("{:<KIND_WIDTH$} {}", self.kind.segment(), self.name);
        if self.kind == Kind::Orchestration {
            text.push(' ');
            text.push_str(&self.version);
        }
        if let Some((predicate, _)) = &self.cfg {
            text.push_str(&format!(" cfg({predicate})"));
        }
        text
    }
}

/// Reads the lock named by `literal`, relative to the crate's manifest directory. Every problem
/// is an error at `literal` that names the file (and the line); `None` when nothing can be
/// checked, so that the registry is still generated, without the lock's checks.
pub(super) fn read(literal: &LitStr, diagnostics: &mut Diagnostics) -> Option<Lock> {
    let written = literal.value();
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        diagnostics.error(
            literal,
            "CARGO_MANIFEST_DIR is not set (is this built outside Cargo?), so the registry lock \
             cannot be found",
        );
        return None;
    };
    let path = std::path::Path::new(&manifest_dir).join(&written);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            diagnostics.error(
                literal,
                format!(
                    "cannot read the registry lock `{written}` (relative to the crate's manifest \
                     directory): {error}. To start one, create the file empty: it pins nothing \
                     until the lock test writes it (see `registry_lock()` in docs/reference.md)"
                ),
            );
            return None;
        }
    };
    let mut lines: Vec<Line> = Vec::new();
    for (index, content) in text.lines().enumerate() {
        let number = index + 1;
        match parse_line(content, number) {
            Ok(None) => {}
            Ok(Some(line)) => match lines.iter().find(|l| l.text() == line.text()) {
                Some(first) => diagnostics.error(
                    literal,
                    format!(
                        "{written}:{number}: this line repeats line {}; delete one of them",
                        first.number
                    ),
                ),
                None => lines.push(line),
            },
            Err(message) => diagnostics.error(literal, format!("{written}:{number}: {message}")),
        }
    }
    Some(Lock {
        literal: literal.clone(),
        path: path.to_string_lossy().into_owned(),
        lines,
    })
}

/// One line of the file: `None` for a blank line or a comment.
fn parse_line(content: &str, number: usize) -> Result<Option<Line>, String> {
    let content = content.trim();
    if content.is_empty() || content.starts_with('#') {
        return Ok(None);
    }
    let expected = "expected `activity NAME` or `orchestration NAME VERSION`, each optionally \
                    followed by `cfg(...)`";
    let (head, cfg) = match content.find(" cfg(") {
        Some(at) => (&content[..at], Some(content[at + 1..].trim())),
        None => (content, None),
    };
    let fields: Vec<&str> = head.split_whitespace().collect();
    let (kind, name, version) = match fields.as_slice() {
        ["activity", name] => (Kind::Activity, *name, None),
        ["orchestration", name, version] => (Kind::Orchestration, *name, Some(*version)),
        ["orchestration", _] => {
            return Err(format!(
                "an orchestration line needs its version: `orchestration NAME VERSION`; found \
                 `{content}`"
            ))
        }
        ["activity", _, _] => {
            return Err(format!(
                "an activity line has no version (duroxide registers activities at 1.0.0): \
                 `activity NAME`; found `{content}`"
            ))
        }
        [kind, ..] if !matches!(*kind, "activity" | "orchestration") => {
            return Err(format!(
                "unknown kind `{kind}`; {expected}, like `activity \
                 duroxide-azure-arm::activity::provision-vm`"
            ))
        }
        _ => return Err(format!("{expected}; found `{content}`")),
    };
    let (version, version_key) = match version {
        Some(text) => {
            let parsed = version::parse(text)?;
            (text.to_owned(), version::sort_key(&parsed))
        }
        None => (String::new(), version::default_key()),
    };
    let cfg = cfg.map(|cfg| parse_cfg(cfg, content)).transpose()?;
    let line = Line {
        number,
        kind,
        name: name.to_owned(),
        version,
        version_key,
        cfg,
    };
    Ok(Some(line))
}

/// `cfg(PREDICATE)`: the predicate, as the text `registry_lock()` writes and as tokens.
fn parse_cfg(cfg: &str, content: &str) -> Result<(String, TokenStream), String> {
    let malformed = || {
        format!(
            "the end of a line must be a condition like `cfg(feature = \"dns\")`; found `{cfg}` \
             in `{content}`"
        )
    };
    let attribute = syn::parse_str::<syn::Meta>(cfg).map_err(|_| malformed())?;
    match attribute {
        syn::Meta::List(list) if list.path.is_ident("cfg") => {
            let predicate: syn::Meta = list.parse_args().map_err(|_| malformed())?;
            Ok((tokens_as_written(&predicate), quote!(#predicate)))
        }
        _ => Err(malformed()),
    }
}

/// Inside the checks' const block: a set of what is registered, and one `const` per line,
/// spanned at the `lock` argument, that fails when its item is not in the set. A line with a
/// `cfg(...)` is checked under it. `total` is the number of entries of both lists.
pub(super) fn checks(lock: &Lock, registry: &Registry) -> TokenStream {
    let slots = super::checks::slots(registry.orchestrations.len() + registry.activities.len());
    let written = lock.literal.value();
    let cfg_entries = registry
        .orchestrations
        .iter()
        .chain(&registry.activities)
        .any(|entry| !entry.cfgs.is_empty());
    let lines = lock.lines.iter().map(|line| {
        let identity = meta::identity_fingerprint(line.kind, &line.name, &line.version_key);
        let orchestration = line.kind == Kind::Orchestration;
        let message = missing_message(&written, line, cfg_entries);
        let cfg = line
            .cfg
            .as_ref()
            .map(|(_, predicate)| quote!(#[cfg(#predicate)]));
        quote_spanned! {lock.literal.span()=>
            #cfg
            const _: () = locked(#identity, #orchestration, #message);
        }
    });
    let [identity, orchestration] =
        [Fact::Identity, Fact::Orchestration].map(|fact| fact.of(&quote!(row.facts)));
    quote! {
        /// Every registered row's identity and kind, by open addressing on the identity.
        const REGISTERED: [(bool, u128, bool); #slots] = registered::<#slots>([ORCHESTRATIONS, ACTIVITIES]);

        const fn registered<const SLOTS: usize>(tables: [&[Row]; 2]) -> [(bool, u128, bool); SLOTS] {
            let mut set = [(false, 0u128, false); SLOTS];
            let mut t = 0;
            while t < 2 {
                let mut i = 0;
                while i < tables[t].len() {
                    let row = &tables[t][i];
                    let mut slot = (#identity as usize) & (SLOTS - 1);
                    while set[slot].0 {
                        slot = (slot + 1) & (SLOTS - 1);
                    }
                    set[slot] = (true, #identity, #orchestration);
                    i += 1;
                }
                t += 1;
            }
            set
        }

        /// Panics with `message` unless an item of this identity and kind is registered.
        #[track_caller]
        const fn locked(identity: u128, orchestration: bool, message: &str) {
            let mut slot = (identity as usize) & (REGISTERED.len() - 1);
            while REGISTERED[slot].0 {
                if REGISTERED[slot].1 == identity && REGISTERED[slot].2 == orchestration {
                    return;
                }
                slot = (slot + 1) & (REGISTERED.len() - 1);
            }
            ::core::panic!("{}", message)
        }

        #(#lines)*
    }
}

fn missing_message(written: &str, line: &Line, cfg_entries: bool) -> String {
    let what = match line.kind {
        Kind::Activity => "an activity entry with exactly this NAME",
        Kind::Orchestration => "an orchestration entry with exactly this NAME and VERSION",
    };
    let pinned = match line.kind {
        Kind::Activity => format!("the activity `{}`", line.name),
        Kind::Orchestration => format!(
            "the orchestration `{}` at version {}",
            line.name, line.version
        ),
    };
    let mut message = format!(
        "{written}:{} pins {pinned}, but this registry! does not register it: an instance that \
         still runs it could not resume. Restore it ({what}), or delete the line once no \
         instance can still be running it",
        line.number,
    );
    if let Some((predicate, _)) = &line.cfg {
        message.push_str(&format!(
            " (the line is checked because `cfg({predicate})` holds in this build)"
        ));
    } else if cfg_entries {
        message.push_str(
            ". If its entry is under `#[cfg]`, the line must say so at its end, like \
             `cfg(feature = \"x\")`: `registry_lock()` writes it",
        );
    }
    message
}

/// `registry_lock()`: the lock text of the registries this `registry!` builds. A line of the
/// file whose `cfg(...)` does not hold in this build cannot be produced from an entry, since the
/// entry is compiled out, so it is carried over from the file as it is: the text is the same
/// whatever features a build enables.
pub(super) fn function(lock: &Lock, registry: &Registry) -> TokenStream {
    let path = &lock.path;
    let entries = registry
        .orchestrations
        .iter()
        .map(|entry| item(entry, true))
        .chain(registry.activities.iter().map(|entry| item(entry, false)));
    let carried = lock.lines.iter().filter_map(|line| {
        let (text, predicate) = line.cfg.as_ref()?;
        let orchestration = line.kind == Kind::Orchestration;
        let (name, version) = (&line.name, &line.version);
        let key = syn::LitByteStr::new(&line.version_key, proc_macro2::Span::call_site());
        let cfg = format!("cfg({text})");
        Some(quote! {
            #[cfg(not(#predicate))]
            (#orchestration, #name, #key, #version, #cfg),
        })
    });
    let header = HEADER;
    let activity = format!("{:<KIND_WIDTH$}", Kind::Activity.segment());
    let orchestration = format!("{:<KIND_WIDTH$}", Kind::Orchestration.segment());
    quote! {
        /// The registry lock of the registries above: one line per registered item, sorted, as
        /// the file named by `registry!`'s `lock` should read. Compare it with the file in a
        /// test, and write it there when it has grown; see `docs/reference.md`.
        #[must_use]
        pub fn registry_lock() -> ::std::string::String {
            // Rebuild when the file changes: the macro read it while expanding.
            const _: &str = ::core::include_str!(#path);
            // (is an orchestration, name, version key, version, condition)
            let mut items: ::std::vec::Vec<(bool, &str, &[u8], &str, &str)> =
                ::std::vec![#(#entries)* #(#carried)*];
            items.sort_unstable();
            let mut text = ::std::string::String::from(#header);
            for (is_orchestration, name, _, version, cfg) in items {
                text.push_str(if is_orchestration { #orchestration } else { #activity });
                text.push(' ');
                text.push_str(name);
                if is_orchestration {
                    text.push(' ');
                    text.push_str(version);
                }
                if !cfg.is_empty() {
                    text.push(' ');
                    text.push_str(cfg);
                }
                text.push('\n');
            }
            text
        }
    }
}

/// One entry's tuple for `registry_lock()`, under the entry's `#[cfg]`s, which its text states.
fn item(entry: &Entry, orchestration: bool) -> TokenStream {
    let (cfgs, path) = (&entry.cfgs, &entry.path);
    let [key, version] = [Meta::VersionKey, Meta::Version].map(|m| m.of(path));
    let (condition, name) = (condition(cfgs), entry.name());
    quote! {
        #(#cfgs)*
        (#orchestration, #name, #key, #version, #condition),
    }
}

/// The `cfg(...)` a lock line states for an entry under these attributes; `""` for none.
fn condition(cfgs: &[syn::Attribute]) -> String {
    let predicates: Vec<String> = cfgs
        .iter()
        .filter_map(|attr| match &attr.meta {
            syn::Meta::List(list) => Some(tokens_as_written(&list.tokens)),
            _ => None,
        })
        .collect();
    match predicates.as_slice() {
        [] => String::new(),
        [one] => format!("cfg({one})"),
        several => format!("cfg(all({}))", several.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::{condition, parse_line};
    use crate::item::Kind;

    #[test]
    fn lines_of_each_kind_with_and_without_a_condition() {
        let line = parse_line("activity      p::activity::a", 1)
            .unwrap()
            .unwrap();
        assert_eq!(
            (line.kind, line.name.as_str()),
            (Kind::Activity, "p::activity::a")
        );
        let line = parse_line(
            "orchestration p::orchestration::o 2.0.0 cfg(feature = \"x\")",
            2,
        )
        .unwrap()
        .unwrap();
        assert_eq!(line.version, "2.0.0");
        assert_eq!(line.cfg.unwrap().0, "feature = \"x\"");
        for blank in ["", "   ", "# a comment"] {
            assert!(parse_line(blank, 3).unwrap().is_none());
        }
    }

    #[test]
    fn a_line_reads_back_as_written() {
        for text in [
            "activity      p::activity::a",
            "orchestration p::orchestration::o 1.0.0-beta.1",
            "activity      p::activity::d cfg(all(feature = \"dns\", unix))",
        ] {
            assert_eq!(parse_line(text, 1).unwrap().unwrap().text(), text);
        }
    }

    #[test]
    fn malformed_lines_say_what_a_line_looks_like() {
        for (text, expected) in [
            ("orchestration p::orchestration::o", "needs its version"),
            ("activity p::activity::a 1.0.0", "has no version"),
            ("workflow p::workflow::w", "unknown kind `workflow`"),
            (
                "orchestration p::orchestration::o v2",
                "not a semantic version",
            ),
            (
                "activity p::activity::a cfg(",
                "a condition like `cfg(feature",
            ),
            (
                "activity p::activity::a cfg(feature = )",
                "a condition like",
            ),
            ("activity", "expected `activity NAME`"),
        ] {
            let error = parse_line(text, 1).err().unwrap_or_default();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }

    #[test]
    fn an_entrys_condition_joins_its_cfgs() {
        let attrs = |source: &str| syn::parse_str::<syn::ItemFn>(source).unwrap().attrs;
        assert_eq!(condition(&attrs("fn f() {}")), "");
        assert_eq!(
            condition(&attrs("#[cfg(feature = \"dns\")] fn f() {}")),
            "cfg(feature = \"dns\")"
        );
        assert_eq!(
            condition(&attrs("#[cfg(unix)] #[cfg(feature = \"dns\")] fn f() {}")),
            "cfg(all(unix, feature = \"dns\"))"
        );
    }
}
