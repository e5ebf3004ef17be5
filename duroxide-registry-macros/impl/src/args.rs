//! Parsing of `#[activity(...)]` and `#[orchestration(...)]` arguments.
//!
//! Problems are pushed into the caller's [`Diagnostics`] and parsing carries on after them, so
//! a misspelled key and a bad version in one attribute are reported together.

use crate::diagnostics::Diagnostics;
use crate::item::{Args, Channel, Declared, Interface, Key, Kind};
use crate::text::path_text;
use proc_macro2::{TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::{LitBool, LitStr, Token};

/// Parses the arguments of one attribute, pushing every problem and carrying on after it.
pub(crate) fn parse(kind: Kind, tokens: TokenStream, diagnostics: &mut Diagnostics) -> Args {
    let mut args = Args::default();
    let mut seen: Vec<Key> = Vec::new();
    let parser = |input: ParseStream| {
        if input.peek(LitStr) {
            args.prefix = Some(input.parse()?);
            seen.push(Key::Prefix);
            if input.is_empty() {
                return Ok(());
            }
            input.parse::<Token![,]>()?;
        }
        let rest: TokenStream = input.parse()?;
        syn::meta::parser(|meta| {
            parse_one(&mut args, kind, &meta, &mut seen, diagnostics);
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
    args: &mut Args,
    kind: Kind,
    meta: &ParseNestedMeta,
    seen: &mut Vec<Key>,
    diagnostics: &mut Diagnostics,
) {
    let written = meta
        .path
        .get_ident()
        .map_or_else(|| path_text(&meta.path), ToString::to_string);
    let Some(key) = Key::from_text(&written).filter(|key| key.applies_to(kind)) else {
        diagnostics.push(meta.error(unknown_key_message(kind, &written)));
        skip_value(meta);
        return;
    };
    // `crate_prefix` is another way to give the prefix.
    let canonical = if key == Key::CratePrefix {
        Key::Prefix
    } else {
        key
    };
    if seen.contains(&canonical) {
        let message = if canonical == Key::Prefix {
            "the crate prefix is given twice (a leading string, `prefix` or `crate_prefix`); \
                 keep one"
                .to_owned()
        } else {
            format!("`{written}` is given twice; keep one")
        };
        diagnostics.push(meta.error(message));
        skip_value(meta);
        return;
    }
    seen.push(canonical);
    if let Err(error) = parse_value(args, key, meta) {
        diagnostics.push(error);
    }
}

/// The value of `key`, into `args`.
fn parse_value(args: &mut Args, key: Key, meta: &ParseNestedMeta) -> syn::Result<()> {
    match key {
        Key::Prefix => {
            args.prefix = Some(string_value(meta, "prefix = \"duroxide-azure-arm\"")?);
        }
        Key::Name => args.name = Some(string_value(meta, "name = \"provision-vm\"")?),
        Key::Description => {
            args.description = Some(string_value(
                meta,
                "description = \"Provision an Azure VM\"",
            )?);
        }
        Key::Version => args.version = Some(string_value(meta, "version = \"2.0.0\"")?),
        Key::Idempotent => args.idempotent = Some(flag_value(meta)?),
        Key::CratePrefix => {
            args.crate_prefix = Some(bare_flag(
                meta,
                "`crate_prefix` is a bare flag; to set the prefix, write `prefix = \"...\"`",
            )?);
        }
        Key::AllowNondeterminism => {
            let reason = string_value(
                meta,
                "allow_nondeterminism = \"1.0.0 must replay exactly as it ran\"",
            )?;
            if reason.value().trim().is_empty() {
                return Err(syn::Error::new(
                    reason.span(),
                    "`allow_nondeterminism` needs a reason: say why this body may do what \
                     replay cannot repeat, like `allow_nondeterminism = \"1.0.0 must replay \
                     exactly as it ran\"`; it is what a reviewer reads",
                ));
            }
            args.allow_nondeterminism = Some(reason);
        }
        Key::Flat => {
            args.flat = Some(bare_flag(
                meta,
                "`flat` is a bare flag: write `flat` to generate the items in the function's own \
                 module",
            )?);
        }
        Key::Uses => parse_uses(args, meta)?,
        Key::Events => parse_declared(meta, Channel::Event, &mut args.interface)?,
        Key::Queues => parse_declared(meta, Channel::Queue, &mut args.interface)?,
        Key::Kv => parse_declared(meta, Channel::Kv, &mut args.interface)?,
        Key::Status => {
            if !meta.input.peek(Token![=]) {
                skip_value(meta);
                return Err(meta.error(
                    "`status` takes the custom status's type, like `status = DeployStatus`",
                ));
            }
            args.interface.status = Some(meta.value()?.parse()?);
        }
        Key::Retry => {
            if !meta.input.peek(syn::token::Paren) {
                skip_value(meta);
                return Err(meta.error(
                    "`retry` takes its policy in parentheses, like `retry(attempts = 5, backoff = \
                     exponential(initial = \"100ms\", factor = 2, max = \"30s\"))`",
                ));
            }
            let content;
            syn::parenthesized!(content in meta.input);
            let span = meta.path.segments[0].ident.span();
            let retry = crate::defaults::retry(&content, span)?;
            args.defaults.get_or_insert_with(Default::default).retry = Some(retry);
        }
        Key::Timeout => {
            if !meta.input.peek(Token![=]) {
                skip_value(meta);
                return Err(meta.error(
                    "`timeout` takes the time each attempt may take, like `timeout = \"2m\"`",
                ));
            }
            let timeout = crate::defaults::duration(meta.value()?, "timeout")?;
            args.defaults.get_or_insert_with(Default::default).timeout = Some(timeout);
        }
        Key::Crate => {
            args.krate = Some(string_value(
                meta,
                "crate = \"::my_sdk::duroxide_registry_macros\"",
            )?);
        }
    }
    Ok(())
}

fn parse_uses(args: &mut Args, meta: &ParseNestedMeta) -> syn::Result<()> {
    if !meta.input.peek(syn::token::Paren) {
        skip_value(meta);
        return Err(meta.error(
            "`uses` takes a list of companion modules, like `uses(activities::provision_vm)`",
        ));
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let paths = content.parse_terminated(syn::Path::parse_mod_style, Token![,])?;
    args.uses.extend(paths);
    Ok(())
}

/// `events(approval = ApprovalDecision, deleted = InstanceDeleted as "InstanceDeleted")`, and the
/// same for `queues(..)` and `kv(..)`: one declaration per item, each parsed on its own so that
/// every malformed one is reported.
fn parse_declared(
    meta: &ParseNestedMeta,
    channel: Channel,
    interface: &mut Interface,
) -> syn::Result<()> {
    let key = channel.key().text();
    let example = match channel {
        Channel::Event => "events(approval = ApprovalDecision)",
        Channel::Queue => "queues(commands = InstanceCommand)",
        Channel::Kv => "kv(progress = DeployProgress)",
    };
    if !meta.input.peek(syn::token::Paren) {
        skip_value(meta);
        return Err(meta.error(format!(
            "`{key}` takes a list of `key = PayloadType`, like `{example}`"
        )));
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let mut errors: Option<syn::Error> = None;
    while !content.is_empty() {
        match one_declared(&content, channel) {
            Ok(declared) => interface.of_mut(channel).push(declared),
            Err(error) => {
                match &mut errors {
                    Some(errors) => errors.combine(error),
                    None => errors = Some(error),
                }
                skip_rest(&content);
            }
        }
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    errors.map_or(Ok(()), Err)
}

/// `key = Type` or `key = Type as "wire"`.
fn one_declared(input: ParseStream, channel: Channel) -> syn::Result<Declared> {
    let word = channel.word();
    let key: syn::Ident = input.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            format!(
                "each {word} is declared as `key = PayloadType`, with a Rust identifier as the key"
            ),
        )
    })?;
    if !input.peek(Token![=]) {
        return Err(syn::Error::new(
            key.span(),
            format!("the {word} `{key}` needs its payload type: `{key} = YourPayload`"),
        ));
    }
    input.parse::<Token![=]>()?;
    let ty: syn::Type = input.parse()?;
    let wire = if input.peek(Token![as]) {
        let as_token: Token![as] = input.parse()?;
        if !input.peek(LitStr) {
            return Err(syn::Error::new(
                as_token.span,
                format!(
                    "`as` gives the {word}'s wire name as a string, like `{key} = {} as \"{key}\"`",
                    crate::text::tokens_as_written(&ty)
                ),
            ));
        }
        Some(input.parse::<LitStr>()?)
    } else {
        None
    };
    Ok(Declared { key, ty, wire })
}

fn unknown_key_message(kind: Kind, key: &str) -> String {
    let list = Key::ALL
        .iter()
        .filter(|k| k.applies_to(kind))
        .map(|k| format!("`{}`", k.text()))
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
        (Kind::Activity, "events" | "queues" | "status" | "kv") => {
            "; events, queues, a custom status and KV values belong to orchestrations: declare \
             them on the #[orchestration] that waits for, dequeues or sets them"
        }
        (
            Kind::Orchestration,
            "signals" | "signal" | "event" | "queue" | "custom_status" | "statuses" | "values"
            | "keys",
        ) => {
            "; an orchestration's interface is declared with `events(..)`, `queues(..)`, \
             `status = ..` and `kv(..)`"
        }
        (Kind::Activity, "allow_nondeterminism") => {
            "; activities run once and duroxide records their results, so they may read the \
             clock or do I/O as they are: remove it"
        }
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

/// A key that takes no value; returns where it is written.
fn bare_flag(meta: &ParseNestedMeta, message: &str) -> syn::Result<proc_macro2::Span> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        skip_value(meta);
        return Err(meta.error(message));
    }
    Ok(meta.path.segments[0].ident.span())
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

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::diagnostics::Diagnostics;
    use crate::item::{Args, Kind};
    use proc_macro2::TokenStream;

    fn parsed(kind: Kind, args: &str) -> (Args, Vec<String>) {
        let tokens: TokenStream = args.parse().unwrap();
        let mut diagnostics = Diagnostics::new();
        let args = parse(kind, tokens, &mut diagnostics);
        (args, diagnostics.into_messages())
    }

    #[test]
    fn every_key_of_an_activity() {
        let (args, errors) = parsed(
            Kind::Activity,
            r#""duroxide-azure-arm", name = "provision-vm", idempotent, description = "VM","#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(args.prefix.unwrap().value(), "duroxide-azure-arm");
        assert_eq!(args.name.unwrap().value(), "provision-vm");
        assert!(args.idempotent.unwrap().value);
        assert_eq!(args.description.unwrap().value(), "VM");
    }

    #[test]
    fn every_key_of_an_orchestration() {
        let (args, errors) = parsed(
            Kind::Orchestration,
            r#"crate_prefix, version = "2.0.0", uses(activities::a, b)"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert!(args.crate_prefix.is_some());
        assert_eq!(args.version.unwrap().value(), "2.0.0");
        assert_eq!(args.uses.len(), 2);
    }

    #[test]
    fn idempotent_takes_a_bool_or_nothing() {
        let (args, _) = parsed(Kind::Activity, "idempotent = false");
        assert!(!args.idempotent.unwrap().value);
        let (_, errors) = parsed(Kind::Activity, r#"idempotent = "yes""#);
        assert_eq!(
            errors,
            ["`idempotent` takes `true` or `false`, or no value at all"]
        );
    }

    #[test]
    fn problems_are_all_reported_and_parsing_goes_on() {
        let (args, errors) = parsed(
            Kind::Activity,
            r#"nmae = "x", name = 5, version = "2.0.0", name = "b", description = "kept""#,
        );
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].starts_with("unknown argument `nmae` for #[activity]; expected one of"));
        assert_eq!(
            errors[1],
            "`name` needs a string literal, like `name = \"provision-vm\"`"
        );
        assert!(errors[2].contains("duroxide versions orchestrations only"));
        assert_eq!(errors[3], "`name` is given twice; keep one");
        assert_eq!(args.description.unwrap().value(), "kept");
    }

    #[test]
    fn the_prefix_can_be_given_once() {
        let (_, errors) = parsed(Kind::Activity, r#""a", prefix = "b""#);
        assert!(errors[0].starts_with("the crate prefix is given twice"));
        let (_, errors) = parsed(Kind::Activity, r#""a", crate_prefix"#);
        assert!(errors[0].starts_with("the crate prefix is given twice"));
        let (_, errors) = parsed(Kind::Activity, "crate_prefix = \"a\"");
        assert!(errors[0].starts_with("`crate_prefix` is a bare flag"));
    }

    #[test]
    fn a_key_of_the_other_kind_says_why_it_does_not_apply() {
        let (_, errors) = parsed(Kind::Orchestration, "idempotent");
        assert!(errors[0].contains("orchestrations are replayed instead"));
        let (_, errors) = parsed(Kind::Activity, "uses(a)");
        assert!(errors[0].contains("`uses` lists what an orchestration calls"));
    }

    #[test]
    fn uses_needs_a_list() {
        let (_, errors) = parsed(Kind::Orchestration, "uses = a");
        assert_eq!(
            errors,
            ["`uses` takes a list of companion modules, like `uses(activities::provision_vm)`"]
        );
    }
}
