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
//! The format is the facade's (`__private/lock.rs`, which `registry_lock()` calls to write
//! it); this file reads it while expanding (with `include_str!` in the output, so that Cargo
//! rebuilds when it changes), and generates the checks, which sit in the const block of
//! `checks.rs`, and `registry_lock()`.

use super::parse::Registry;
use super::table;
use crate::diagnostics::Diagnostics;
use crate::fingerprint;
use crate::item::{Channel, Kind};
use crate::text::tokens_as_written;
use crate::version;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::LitStr;

/// A lock file, read and parsed.
pub(super) struct Lock {
    /// The `lock` argument: every error about the lock points at it.
    literal: LitStr,
    /// The file's absolute path, for `include_str!`.
    path: String,
    lines: Vec<Line>,
}

/// What a line pins: an activity, an orchestration, or an event, queue or KV key an
/// orchestration declares (the facade's `lock::Pinned`, whose words these are).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pinned {
    Item(Kind),
    Declared(Channel),
}

impl Pinned {
    /// The facade's variant.
    fn variant(self) -> proc_macro2::Ident {
        let name = match self {
            Pinned::Item(Kind::Activity) => "Activity",
            Pinned::Item(Kind::Orchestration) => "Orchestration",
            Pinned::Declared(Channel::Event) => "Event",
            Pinned::Declared(Channel::Queue) => "Queue",
            Pinned::Declared(Channel::Kv) => "Kv",
        };
        proc_macro2::Ident::new(name, proc_macro2::Span::call_site())
    }
}

/// One pinned item.
struct Line {
    number: usize,
    kind: Pinned,
    /// The item's full name; for a declared item, its orchestration's.
    name: String,
    /// An orchestration's version as written; activities have none.
    version: String,
    version_key: Vec<u8>,
    /// A declared item's wire name; empty for the others.
    wire: String,
    /// The predicate of a `cfg(...)` at the end of the line, as text and as tokens.
    cfg: Option<(String, TokenStream)>,
}

impl Line {
    /// Whether two lines pin the same thing, under the same condition.
    fn same(&self, other: &Line) -> bool {
        let condition = |line: &Line| line.cfg.as_ref().map(|(text, _)| text.clone());
        (
            self.kind,
            &self.name,
            &self.version,
            &self.wire,
            condition(self),
        ) == (
            other.kind,
            &other.name,
            &other.version,
            &other.wire,
            condition(other),
        )
    }

    /// The fingerprint the line is checked by, and whether it is a declared item's.
    fn identity(&self) -> (TokenStream, bool) {
        match self.kind {
            Pinned::Item(kind) => (
                fingerprint::identity(kind, &self.name, &self.version_key),
                false,
            ),
            Pinned::Declared(channel) => (
                fingerprint::declared(channel, &self.name, &self.version_key, &self.wire),
                true,
            ),
        }
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
            Ok(Some(line)) => match lines.iter().find(|l| l.same(&line)) {
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
    let expected = "expected `activity NAME`, `orchestration NAME VERSION`, or `event`, `queue` \
                    or `kv` followed by `ORCHESTRATION VERSION WIRE_NAME`, each optionally \
                    followed by `cfg(...)`";
    let (head, cfg) = match content.find(" cfg(") {
        Some(at) => (&content[..at], Some(content[at + 1..].trim())),
        None => (content, None),
    };
    let fields: Vec<&str> = head.split_whitespace().collect();
    let declared = |word: &str| Channel::ALL.into_iter().find(|c| c.word() == word);
    let (kind, name, version, wire) = match fields.as_slice() {
        ["activity", name] => (Pinned::Item(Kind::Activity), *name, None, ""),
        ["orchestration", name, version] => {
            (Pinned::Item(Kind::Orchestration), *name, Some(*version), "")
        }
        [word, name, version, wire] if declared(word).is_some() => {
            let channel = declared(word).unwrap_or(Channel::Event);
            (Pinned::Declared(channel), *name, Some(*version), *wire)
        }
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
        [word, ..] if declared(word).is_some() => {
            return Err(format!(
                "a{} {word} line names its orchestration, the orchestration's version and the \
                 wire name: `{word} ORCHESTRATION VERSION WIRE_NAME`; found `{content}`",
                if *word == "event" { "n" } else { "" }
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
        wire: wire.to_owned(),
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

/// Inside the checks' const block: the set of what the table registers, and one `const` per
/// line, spanned at the `lock` argument, that fails when its item is not in the set. A line with
/// a `cfg(...)` is checked under it.
pub(super) fn checks(lock: &Lock, registry: &Registry) -> TokenStream {
    let private = registry.support.private();
    // What the lock's lines can find registered: the two lists, and the declarations the crate
    // registers by hand.
    let registered = || {
        registry
            .orchestrations
            .iter()
            .chain(&registry.activities)
            .chain(&registry.by_hand)
    };
    let count = registered().count();
    let written = lock.literal.value();
    let cfg_entries = registered().any(|entry| !entry.cfgs.is_empty());
    let lines = lock.lines.iter().map(|line| {
        let (identity, declared) = line.identity();
        let orchestration = line.kind != Pinned::Item(Kind::Activity);
        let message = missing_message(&written, line, cfg_entries);
        let cfg = line
            .cfg
            .as_ref()
            .map(|(_, predicate)| quote!(#[cfg(#predicate)]));
        quote_spanned! {lock.literal.span()=>
            #cfg
            const _: () = lock::locked(REGISTERED, #identity, #orchestration, #declared, #message);
        }
    });
    // What each orchestration declares, read from its companion (nothing, for one that
    // declares nothing, or is no companion, whose entry is reported elsewhere).
    let interfaces = registry
        .orchestrations
        .iter()
        .chain(&registry.by_hand)
        .map(|entry| {
            let cfgs = &entry.cfgs;
            let read = table::read(entry, "__INTERFACE");
            quote!(#(#cfgs)* #read,)
        });
    // `lock::locked`, a path spanned like the rest of each check: the error of a const check
    // is reported at the span of its call, which a path from elsewhere would stretch.
    quote! {
        use #private::lock;
        #[allow(unused_imports)]
        use #private::NO_INTERFACE as __INTERFACE;
        const INTERFACES: &[&[u128]] = &[#(#interfaces)*];
        const PINNED: usize = #count + lock::count(INTERFACES);
        const REGISTERED: &lock::Registered<{ checks::slots(PINNED) }> =
            &lock::registered(TABLE, INTERFACES);
        #(#lines)*
    }
}

fn missing_message(written: &str, line: &Line, cfg_entries: bool) -> String {
    let (version, name, wire) = (&line.version, &line.name, &line.wire);
    let (pinned, consequence, what) = match line.kind {
        Pinned::Item(Kind::Activity) => (
            format!("the activity `{name}`"),
            "does not register it: an instance that still runs it could not resume",
            "an activity entry with exactly this NAME".to_owned(),
        ),
        Pinned::Item(Kind::Orchestration) => (
            format!("the orchestration `{name}` at version {version}"),
            "does not register it: an instance that still runs it could not resume",
            "an orchestration entry with exactly this NAME and VERSION".to_owned(),
        ),
        Pinned::Declared(channel) => (
            format!(
                "the {} `{wire}` of the orchestration `{name}` at version {version}",
                channel.word()
            ),
            "registers no such orchestration that declares it: an instance of that version \
             that waits on it, or is read by it, could no longer be reached",
            format!(
                "the orchestration at this version, declaring `{}(key = Payload as \"{wire}\")`",
                channel.key().text()
            ),
        ),
    };
    let mut message = format!(
        "{written}:{} pins {pinned}, but this registry! {consequence}. Restore it ({what}), or \
         delete the line once no instance can still be running it",
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

/// `registry_lock()`: the lock text of the table, written by the facade. A line of the file
/// whose `cfg(...)` does not hold in this build cannot come from an entry, since the entry is
/// compiled out, so it is carried over from the file as it is: the text is the same whatever
/// features a build enables.
pub(super) fn function(lock: &Lock, registry: &Registry) -> TokenStream {
    let private = registry.support.private();
    let infos = table::infos();
    let path = &lock.path;
    // Each entry's condition, under the entry's own `#[cfg]`s, in the order of the infos.
    let [orchestrations, activities, by_hand] = [
        &registry.orchestrations,
        &registry.activities,
        &registry.by_hand,
    ]
    .map(|entries| {
        entries.iter().map(|entry| {
            let (cfgs, condition) = (&entry.cfgs, condition(&entry.cfgs));
            quote!(#(#cfgs)* #condition,)
        })
    });
    let carried = lock.lines.iter().filter_map(|line| {
        let (text, predicate) = line.cfg.as_ref()?;
        let kind = line.kind.variant();
        let (name, version, wire) = (&line.name, &line.version, &line.wire);
        let key = syn::LitByteStr::new(&line.version_key, proc_macro2::Span::call_site());
        let condition = format!("cfg({text})");
        Some(quote! {
            #[cfg(not(#predicate))]
            #private::lock::Line {
                kind: #private::lock::Pinned::#kind,
                name: #name,
                version_key: #key,
                version: #version,
                wire: #wire,
                condition: #condition,
            },
        })
    });
    quote! {
        /// The registry lock of the registries above: one line per registered item, sorted, as
        /// the file named by `registry!`'s `lock` should read. Compare it with the file in a
        /// test, and write it there when it has grown; see `docs/reference.md`.
        #[must_use]
        pub fn registry_lock() -> ::std::string::String {
            // Rebuild when the file changes: the macro read it while expanding.
            const _: &str = ::core::include_str!(#path);
            #private::lock::text(
                #infos(),
                [&[#(#orchestrations)*], &[#(#activities)*], &[#(#by_hand)*]],
                &[#(#carried)*],
            )
        }
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
    use super::{condition, parse_line, Pinned};
    use crate::item::{Channel, Kind};

    #[test]
    fn lines_of_each_kind_with_and_without_a_condition() {
        let line = parse_line("activity      p::activity::a", 1)
            .unwrap()
            .unwrap();
        assert_eq!(
            (line.kind, line.name.as_str()),
            (Pinned::Item(Kind::Activity), "p::activity::a")
        );
        let line = parse_line(
            "orchestration p::orchestration::o 2.0.0 cfg(feature = \"x\")",
            2,
        )
        .unwrap()
        .unwrap();
        assert_eq!(line.version, "2.0.0");
        assert_eq!(line.cfg.unwrap().0, "feature = \"x\"");
        let line = parse_line("queue         p::orchestration::o 2.0.0 commands", 3)
            .unwrap()
            .unwrap();
        assert_eq!(
            (line.kind, line.wire.as_str()),
            (Pinned::Declared(Channel::Queue), "commands")
        );
        for blank in ["", "   ", "# a comment"] {
            assert!(parse_line(blank, 3).unwrap().is_none());
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
            (
                "event p::orchestration::o 1.0.0",
                "`event ORCHESTRATION VERSION WIRE_NAME`",
            ),
            ("kv p::orchestration::o x y", "not a semantic version"),
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
