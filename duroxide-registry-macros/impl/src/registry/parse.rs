//! The grammar of `registry!`, and the checks that need nothing but its tokens: unknown and
//! repeated keys, attributes other than `#[cfg]`, and a path listed twice.

use crate::diagnostics::Diagnostics;
use crate::support::Support;
use crate::text::path_text;
use proc_macro2::{Ident, Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Attribute, Token};

/// One listed item: its `#[cfg]`s, its companion path, and the name its `names` constant takes.
pub(crate) struct Entry {
    pub(crate) cfgs: Vec<Attribute>,
    pub(crate) path: syn::Path,
    /// The path as written, read once: every check and message uses it, and reading an
    /// ident's text is a call into the compiler.
    pub(crate) text: String,
    pub(crate) alias: Option<Ident>,
    /// The span of the entry's last segment, where errors about the entry point.
    pub(crate) span: Span,
}

#[derive(Default)]
pub(crate) struct Registry {
    pub(crate) orchestrations: Vec<Entry>,
    pub(crate) activities: Vec<Entry>,
    /// Declarations of this crate's items that it still registers by hand.
    pub(crate) by_hand: Vec<Entry>,
    /// Declarations of items implemented elsewhere, for the inventory.
    pub(crate) external: Vec<Entry>,
    pub(crate) names: Option<Ident>,
    /// The configuration type handed to activities with a `#[config]` parameter.
    pub(crate) config: Option<syn::Type>,
    /// The registry lock's file, relative to the crate's manifest directory.
    pub(crate) lock: Option<syn::LitStr>,
    /// The module the replay check is generated in, on request.
    pub(crate) replay: Option<Ident>,
    /// How generated code reaches the facade crate: `crate: ...`, or its default.
    pub(crate) support: Support,
}

impl Registry {
    /// Every list, in the table's order: `orchestrations`, `activities`, `by_hand`,
    /// `external`.
    pub(crate) fn lists(&self) -> [&[Entry]; 4] {
        [
            &self.orchestrations,
            &self.activities,
            &self.by_hand,
            &self.external,
        ]
    }

    /// Every entry of every list.
    pub(crate) fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.lists().into_iter().flatten()
    }
}

/// A key of `registry!`: the one list that parsing, the unknown-key message and the no-panic
/// fuzzer read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    Orchestrations,
    Activities,
    ByHand,
    External,
    Config,
    Names,
    Lock,
    Replay,
    Crate,
}

impl Key {
    pub(crate) const ALL: [Key; 9] = [
        Key::Orchestrations,
        Key::Activities,
        Key::ByHand,
        Key::External,
        Key::Config,
        Key::Names,
        Key::Lock,
        Key::Replay,
        Key::Crate,
    ];

    pub(crate) fn text(self) -> &'static str {
        match self {
            Key::Orchestrations => "orchestrations",
            Key::Activities => "activities",
            Key::ByHand => "by_hand",
            Key::External => "external",
            Key::Config => "config",
            Key::Names => "names",
            Key::Lock => "lock",
            Key::Replay => "replay",
            Key::Crate => "crate",
        }
    }

    /// `` `orchestrations`, `activities`, ... ``: every key, for messages.
    fn list() -> String {
        Key::ALL
            .iter()
            .map(|key| format!("`{}`", key.text()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Parses `registry!`'s input and checks its tokens. A syntax error ends parsing, at its token;
/// what was parsed before it still generates, so that the entries can be checked.
pub(super) fn registry(input: TokenStream, diagnostics: &mut Diagnostics) -> Registry {
    let parser = |stream: ParseStream| keys(stream, diagnostics);
    let registry = match syn::parse::Parser::parse2(parser, input) {
        Ok(registry) => registry,
        Err(error) => {
            diagnostics.push(error);
            Registry::default()
        }
    };
    check_repeated_paths(&registry, diagnostics);
    registry
}

/// Parses the keys one by one, collecting every problem rather than stopping at the first.
fn keys(input: ParseStream, diagnostics: &mut Diagnostics) -> syn::Result<Registry> {
    let mut registry = Registry::default();
    let mut seen: Vec<Key> = Vec::new();
    while !input.is_empty() {
        // `crate` is a keyword, which `Ident::parse` refuses.
        let key = input.call(Ident::parse_any).map_err(|e| {
            syn::Error::new(
                e.span(),
                format!(
                    "expected one of {}, like `activities: [activities::provision_vm]`",
                    Key::list()
                ),
            )
        })?;
        input.parse::<Token![:]>()?;
        let text = key.to_string();
        let Some(known) = Key::ALL.into_iter().find(|k| k.text() == text) else {
            diagnostics.error(
                &key,
                format!(
                    "unknown key `{text}` in registry!; expected one of {}",
                    Key::list()
                ),
            );
            // Skip the value (a list is one token tree) so that later keys are still checked.
            let _: TokenStream = input.step(|c| Ok(skip_to_comma(*c)))?;
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
            continue;
        };
        if seen.contains(&known) {
            diagnostics.error(
                &key,
                if matches!(
                    known,
                    Key::Orchestrations | Key::Activities | Key::ByHand | Key::External
                ) {
                    format!("`{text}` is given twice; merge the two lists into one")
                } else {
                    format!("`{text}` is given twice; keep one")
                },
            );
        }
        seen.push(known);
        parse_value(&mut registry, known, input, diagnostics)?;
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(registry)
}

/// The value of `key`, into `registry`.
fn parse_value(
    registry: &mut Registry,
    key: Key,
    input: ParseStream,
    diagnostics: &mut Diagnostics,
) -> syn::Result<()> {
    match key {
        Key::Orchestrations => registry
            .orchestrations
            .extend(parse_list(input, diagnostics)?),
        Key::Activities => registry.activities.extend(parse_list(input, diagnostics)?),
        Key::ByHand => registry.by_hand.extend(parse_list(input, diagnostics)?),
        Key::External => registry.external.extend(parse_list(input, diagnostics)?),
        Key::Names => registry.names = Some(input.parse()?),
        Key::Replay => registry.replay = Some(input.parse()?),
        Key::Config => registry.config = Some(input.parse()?),
        Key::Lock => {
            registry.lock = Some(input.parse().map_err(|e| {
                value_error(
                    input,
                    &e,
                    "`lock` names the registry lock's file, relative to the crate's manifest \
                     directory, like `lock: \"registry.lock\"`",
                )
            })?);
        }
        Key::Crate => {
            let path: syn::Path = input.parse().map_err(|e| {
                value_error(
                    input,
                    &e,
                    "`crate` takes the path this crate is re-exported at, like \
                     `crate: ::my_sdk::duroxide_registry_macros`",
                )
            })?;
            registry.support = Support::from_path(&path);
        }
    }
    Ok(())
}

/// The error for a key's malformed value, at syn's span; with nothing left to point at (the
/// input ends after the key), it says so first, as syn's own errors there do.
fn value_error(input: ParseStream, error: &syn::Error, message: &str) -> syn::Error {
    if input.is_empty() {
        syn::Error::new(error.span(), format!("unexpected end of input: {message}"))
    } else {
        syn::Error::new(error.span(), message)
    }
}

fn skip_to_comma(mut cursor: syn::buffer::Cursor) -> (TokenStream, syn::buffer::Cursor) {
    let mut skipped = TokenStream::new();
    while let Some((tree, next)) = cursor.token_tree() {
        if matches!(&tree, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
            break;
        }
        skipped.extend([tree]);
        cursor = next;
    }
    (skipped, cursor)
}

fn parse_list(input: ParseStream, diagnostics: &mut Diagnostics) -> syn::Result<Vec<Entry>> {
    let content;
    syn::bracketed!(content in input);
    let mut entries = Vec::new();
    while !content.is_empty() {
        let attrs = content.call(Attribute::parse_outer)?;
        for attr in attrs.iter().filter(|a| !a.path().is_ident("cfg")) {
            diagnostics.error(
                attr,
                "only `#[cfg(...)]` attributes can go on a registry! entry",
            );
        }
        let path = content.call(syn::Path::parse_mod_style)?;
        let alias = if content.peek(Token![as]) {
            content.parse::<Token![as]>()?;
            Some(content.parse()?)
        } else {
            None
        };
        let cfgs = attrs
            .into_iter()
            .filter(|a| a.path().is_ident("cfg"))
            .collect();
        let text = path_text(&path);
        let span = path
            .segments
            .last()
            .map_or_else(Span::call_site, |segment| segment.ident.span());
        if let Err(error) = check_module_path(&path) {
            // The entry is read through its module; a path that cannot name one is left out.
            diagnostics.push(error);
        } else {
            entries.push(Entry {
                cfgs,
                path,
                text,
                alias,
                span,
            });
        }
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(entries)
}

/// A path that can name a module: `self`, `super` and `crate` only at its start (`super`
/// repeated), and no `Self`, which names a type.
fn check_module_path(path: &syn::Path) -> syn::Result<()> {
    let mut at_start = path.leading_colon.is_none();
    for (index, segment) in path.segments.iter().enumerate() {
        let ident = &segment.ident;
        let keyword = ident == "self" || ident == "super" || ident == "crate";
        let allowed = ident == "super" && at_start
            || (ident == "self" || ident == "crate") && index == 0 && at_start;
        if ident == "Self" || keyword && !allowed {
            return Err(syn::Error::new(
                ident.span(),
                format!(
                    "`{ident}` cannot stand here in a registry! entry, which names the module of \
                     an annotated item: write its path, like `activities::provision_vm`"
                ),
            ));
        }
        at_start &= ident == "super" || index == 0 && keyword;
    }
    Ok(())
}

/// The same path twice is caught here, on the tokens; two paths that reach items with the same
/// name are caught in const evaluation, where the names are known.
fn check_repeated_paths(registry: &Registry, diagnostics: &mut Diagnostics) {
    let mut seen: Vec<(String, &str)> = Vec::new();
    for (list, entries) in [
        ("orchestrations", &registry.orchestrations),
        ("activities", &registry.activities),
        ("by_hand", &registry.by_hand),
        ("external", &registry.external),
    ] {
        for entry in entries {
            let text = entry.text.clone();
            if let Some((_, first_list)) = seen.iter().find(|(t, _)| *t == text) {
                let where_ = if *first_list == list {
                    format!("in `{list}`")
                } else {
                    format!("under both `{first_list}` and `{list}`")
                };
                diagnostics.error(
                    &entry.path,
                    format!("`{text}` is listed twice {where_}; remove this entry"),
                );
            } else {
                seen.push((text, list));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{registry, Registry};
    use crate::diagnostics::Diagnostics;
    use crate::text::path_text;

    fn parsed(input: &str) -> (Registry, Vec<String>) {
        let mut diagnostics = Diagnostics::new();
        let registry = registry(input.parse().unwrap(), &mut diagnostics);
        (registry, diagnostics.into_messages())
    }

    fn paths(entries: &[super::Entry]) -> Vec<String> {
        entries.iter().map(|e| path_text(&e.path)).collect()
    }

    #[test]
    fn every_key_in_any_order() {
        let (registry, errors) = parsed(
            "activities: [a::b, #[cfg(test)] c as C,], names: names, config: Cfg, \
             orchestrations: [::x::y]",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(paths(&registry.activities), ["a::b", "c"]);
        assert_eq!(paths(&registry.orchestrations), ["::x::y"]);
        assert_eq!(registry.activities[1].cfgs.len(), 1);
        assert_eq!(registry.activities[1].alias.as_ref().unwrap(), "C");
        assert!(registry.names.is_some() && registry.config.is_some());
    }

    #[test]
    fn token_level_problems_are_all_reported() {
        let (registry, errors) = parsed(
            "activities: [#[inline] a, b, a], frobnicate: [x], orchestrations: [b], \
             activities: [c]",
        );
        assert_eq!(
            errors,
            [
                "only `#[cfg(...)]` attributes can go on a registry! entry",
                "unknown key `frobnicate` in registry!; expected one of `orchestrations`, \
                 `activities`, `by_hand`, `external`, `config`, `names`, `lock`, `replay`, \
                 `crate`",
                "`activities` is given twice; merge the two lists into one",
                "`b` is listed twice under both `orchestrations` and `activities`; remove this \
                 entry",
                "`a` is listed twice in `activities`; remove this entry",
            ]
        );
        assert_eq!(paths(&registry.activities), ["a", "b", "a", "c"]);
    }

    #[test]
    fn a_syntax_error_is_reported_at_its_token() {
        let (_, errors) = parsed("activities: [a b]");
        assert_eq!(errors, ["expected `,`"]);
        let (_, errors) = parsed("42: [a]");
        assert!(errors[0].starts_with("expected one of `orchestrations`"));
    }
}
