//! Parsing of `#[activity(...)]` and `#[orchestration(...)]` arguments.
//!
//! Problems are pushed into the caller's [`Diagnostics`] and parsing carries on after them, so
//! a misspelled key and a bad version in one attribute are reported together.

use crate::diagnostics::Diagnostics;
use proc_macro2::{Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::{LitBool, LitStr, Token};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Activity,
    Orchestration,
}

impl Kind {
    /// The middle segment of a full name, and the word used in messages.
    pub(crate) fn segment(self) -> &'static str {
        match self {
            Kind::Activity => "activity",
            Kind::Orchestration => "orchestration",
        }
    }

    fn keys(self) -> &'static [&'static str] {
        match self {
            Kind::Activity => &[
                "prefix",
                "crate_prefix",
                "name",
                "idempotent",
                "description",
            ],
            Kind::Orchestration => &[
                "prefix",
                "crate_prefix",
                "name",
                "version",
                "description",
                "uses",
            ],
        }
    }
}

/// The arguments as written; defaults are applied later, where the function is known.
#[derive(Default)]
pub(crate) struct Args {
    pub(crate) prefix: Option<LitStr>,
    pub(crate) crate_prefix: Option<Span>,
    pub(crate) name: Option<LitStr>,
    pub(crate) idempotent: Option<LitBool>,
    pub(crate) description: Option<LitStr>,
    pub(crate) version: Option<LitStr>,
    pub(crate) uses: Vec<syn::Path>,
}

impl Args {
    pub(crate) fn parse(kind: Kind, tokens: TokenStream, diagnostics: &mut Diagnostics) -> Self {
        let mut args = Args::default();
        let mut seen: Vec<String> = Vec::new();
        let parser = |input: ParseStream| {
            if input.peek(LitStr) {
                args.prefix = Some(input.parse()?);
                seen.push("prefix".to_owned());
                if input.is_empty() {
                    return Ok(());
                }
                input.parse::<Token![,]>()?;
            }
            let rest: TokenStream = input.parse()?;
            syn::meta::parser(|meta| {
                args.parse_one(kind, &meta, &mut seen, diagnostics);
                Ok(())
            })
            .parse2(rest)
        };
        if let Err(error) = parser.parse2(tokens) {
            diagnostics.push(error);
        }
        if let (Some(flag), Some(prefix)) = (args.crate_prefix, &args.prefix) {
            let mut error = syn::Error::new(
                flag,
                "`crate_prefix` asks for the package name as prefix, but an explicit prefix is \
                 also given; keep one of them",
            );
            error.combine(syn::Error::new(
                prefix.span(),
                "the explicit prefix is here",
            ));
            diagnostics.push(error);
        }
        args
    }

    fn parse_one(
        &mut self,
        kind: Kind,
        meta: &ParseNestedMeta,
        seen: &mut Vec<String>,
        diagnostics: &mut Diagnostics,
    ) {
        let key = meta
            .path
            .get_ident()
            .map_or_else(|| path_text(&meta.path), ToString::to_string);
        if !kind.keys().contains(&key.as_str()) {
            diagnostics.push(meta.error(unknown_key_message(kind, &key)));
            skip_value(meta);
            return;
        }
        let canonical = if key == "crate_prefix" {
            "prefix"
        } else {
            key.as_str()
        };
        if seen.iter().any(|k| k == canonical) {
            let message = if canonical == "prefix" {
                "the crate prefix is given twice (a leading string, `prefix` or `crate_prefix`); \
                 keep one"
                    .to_owned()
            } else {
                format!("`{key}` is given twice; keep one")
            };
            diagnostics.push(meta.error(message));
            skip_value(meta);
            return;
        }
        seen.push(canonical.to_owned());
        let result = match key.as_str() {
            "prefix" => {
                string_value(meta, "prefix = \"duroxide-azure-arm\"").map(|v| self.prefix = Some(v))
            }
            "name" => string_value(meta, "name = \"provision-vm\"").map(|v| self.name = Some(v)),
            "description" => string_value(meta, "description = \"Provision an Azure VM\"")
                .map(|v| self.description = Some(v)),
            "version" => string_value(meta, "version = \"2.0.0\"").map(|v| self.version = Some(v)),
            "idempotent" => flag_value(meta).map(|v| self.idempotent = Some(v)),
            "crate_prefix" => {
                if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
                    skip_value(meta);
                    Err(meta.error("`crate_prefix` is a bare flag; to set the prefix, write `prefix = \"...\"`"))
                } else {
                    self.crate_prefix = Some(meta.path.segments[0].ident.span());
                    Ok(())
                }
            }
            "uses" => self.parse_uses(meta),
            _ => Ok(()),
        };
        if let Err(error) = result {
            diagnostics.push(error);
        }
    }

    fn parse_uses(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        if !meta.input.peek(syn::token::Paren) {
            skip_value(meta);
            return Err(meta.error(
                "`uses` takes a list of companion modules, like `uses(activities::provision_vm)`",
            ));
        }
        let content;
        syn::parenthesized!(content in meta.input);
        let paths = content.parse_terminated(syn::Path::parse_mod_style, Token![,])?;
        self.uses.extend(paths);
        Ok(())
    }
}

fn unknown_key_message(kind: Kind, key: &str) -> String {
    let keys = kind.keys();
    let list = keys
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let other_kind_hint = match (kind, key) {
        (Kind::Orchestration, "idempotent") => {
            "; `idempotent` describes activities, which duroxide may retry: orchestrations are \
             replayed instead, so remove it"
        }
        (Kind::Activity, "version") => {
            "; duroxide versions orchestrations only (activities are always 1.0.0), so remove it \
             or give the activity a new name"
        }
        (Kind::Activity, "uses") => "; `uses` lists what an orchestration calls, so remove it",
        _ => "",
    };
    format!(
        "unknown argument `{key}` for #[{}]; expected one of {list}{other_kind_hint}",
        kind.segment()
    )
}

fn string_value(meta: &ParseNestedMeta, example: &str) -> syn::Result<LitStr> {
    let key = path_text(&meta.path);
    if !meta.input.peek(Token![=]) {
        skip_value(meta);
        return Err(meta.error(format!("`{key}` needs a string value, like `{example}`")));
    }
    let value = meta.value()?;
    if value.peek(LitStr) {
        return value.parse();
    }
    let token: TokenTree = value.parse()?;
    skip_rest(value);
    Err(syn::Error::new_spanned(
        token,
        format!("`{key}` needs a string literal, like `{example}`"),
    ))
}

fn flag_value(meta: &ParseNestedMeta) -> syn::Result<LitBool> {
    let span = meta.path.segments[0].ident.span();
    if !meta.input.peek(Token![=]) {
        if meta.input.peek(syn::token::Paren) {
            skip_value(meta);
            return Err(meta.error("write `idempotent` or `idempotent = true|false`"));
        }
        return Ok(LitBool::new(true, span));
    }
    let value = meta.value()?;
    if value.peek(LitBool) {
        return value.parse();
    }
    let token: TokenTree = value.parse()?;
    skip_rest(value);
    Err(syn::Error::new_spanned(
        token,
        "`idempotent` takes `true` or `false`, or no value at all",
    ))
}

/// Skips whatever follows a key up to the next top-level comma, so parsing can go on.
fn skip_value(meta: &ParseNestedMeta) {
    skip_rest(meta.input);
}

fn skip_rest(input: ParseStream) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if matches!(&tree, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    });
}

pub(crate) fn path_text(path: &syn::Path) -> String {
    let mut text = String::new();
    if path.leading_colon.is_some() {
        text.push_str("::");
    }
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    text.push_str(&segments.join("::"));
    text
}
