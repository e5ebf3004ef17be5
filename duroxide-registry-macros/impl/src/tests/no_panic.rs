//! No panics, ever: property tests that feed thousands of malformed `#[activity(...)]`,
//! `#[orchestration(...)]` and `registry! { ... }` inputs to the expansion functions.
//!
//! Every input is written as source text and lexed by `proc_macro2`'s fallback lexer with the
//! `span-locations` feature, so each token carries a location in a "file" of its own: one for
//! the attribute's arguments, one for the item, one for the `registry!` body. Some inputs are
//! then truncated at a random token, at the top level or inside a group. Each expansion must:
//!
//! - return, not panic;
//! - carry every `compile_error!` at a *real span*. Outside a compiler, `proc_macro2` reports
//!   `Span::call_site()` as line 1, column 0 of the file `<unspecified>`, and any span the
//!   macro invents (`Span::call_site()`, `Span::mixed_site()`) reads the same. A real span is
//!   one whose file is one of the input files: the error points at a token the user wrote,
//!   which is what rustc underlines. Both ends of each `compile_error!` are checked: `syn`
//!   spans the macro path at the error's first token and the message at its last. The one
//!   exception is running out of input, see `call_site_allowed`;
//! - produce items: the output parses as a `syn::File` whenever it has no error, and also
//!   whenever the annotated item is itself valid Rust (rustc only ever hands an attribute macro a
//!   valid item; the macro must keep it and add a well-formed companion beside it), and always
//!   for `registry!`. The one exception is an item whose body does not parse: the macro passes
//!   bodies on as written, so the first token that fails must then be one of the user's.
//!
//! Well-formed inputs from the same grammar must expand without any error, so that a generator
//! drifting into producing only garbage, or an expansion that errors on everything, fails too.
//!
//! `PROPTEST_CASES` overrides the number of cases per property (default 512; seven properties,
//! about 12 s on two idle cores). A failure prints the shrunk input; nothing is persisted.
//!

use crate::item::{Key, Kind};
use crate::registry::Key as RegistryKey;
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::panic::{self, AssertUnwindSafe};
use std::str::FromStr;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(512);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Checking one expansion

/// Lexes generated source text; the generators only produce balanced, lexable text, so a failure
/// here is a bug of the test, reported as such.
fn lex(text: &str) -> Result<TokenStream, TestCaseError> {
    TokenStream::from_str(text).map_err(|error| {
        TestCaseError::fail(format!(
            "generator produced unlexable text ({error}): {text}"
        ))
    })
}

/// The "file" the tokens of one input were lexed into.
fn file_of(tokens: &TokenStream) -> Option<String> {
    tokens
        .clone()
        .into_iter()
        .next()
        .map(|tree| tree.span().file())
}

/// Cuts `tokens` after a token chosen by `cuts[0]`; when that token is a group and more cuts
/// follow, cuts inside the group instead, keeping its delimiters and span.
fn truncate(tokens: TokenStream, cuts: &[usize]) -> TokenStream {
    let Some((&cut, deeper)) = cuts.split_first() else {
        return tokens;
    };
    let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
    if trees.is_empty() {
        return TokenStream::new();
    }
    let keep = cut % (trees.len() + 1);
    trees.truncate(keep);
    if !deeper.is_empty() {
        if let Some(TokenTree::Group(group)) = trees.last_mut() {
            let mut inner = Group::new(group.delimiter(), truncate(group.stream(), deeper));
            inner.set_span(group.span());
            *group = inner;
        }
    }
    trees.into_iter().collect()
}

/// Errors that may sit at the call site. Outside a compiler that reads as `<unspecified>` 1:0;
/// inside one, it is the attribute (`#[activity(name =)]`) or the whole `registry! { .. }`.
///
/// - syn reports running out of tokens at the end of the macro input at the call site, by
///   design: there is no token left to point at. Its messages say "unexpected end of input", or
///   "expected `X`" for punctuation. Errors of any other wording name a token, so their span
///   must be in the input. An empty item (which rustc never passes) has no token either.
fn call_site_allowed(message: &str, item_is_empty: bool) -> bool {
    // `message` is the `compile_error!` body as written: `"text"`.
    let text = message.trim().trim_start_matches('"').trim_end_matches('"');
    let end_of_input = text.starts_with("unexpected end of input")
        || (text.starts_with("expected `")
            && text.ends_with('`')
            && text.matches('`').count() == 2);
    end_of_input || item_is_empty
}

/// Whether a span points into one of the inputs.
fn is_real(span: Span, inputs: &[String]) -> bool {
    inputs.contains(&span.file()) && span.source_text().is_some()
}

fn is_call_site(span: Span) -> bool {
    span.file() == Span::call_site().file() && span.start() == Span::call_site().start()
}

/// Every `compile_error! { "..." }` in `output` as (its first span, its last span, message).
fn compile_errors(output: &TokenStream) -> Vec<(Span, Span, String)> {
    let trees: Vec<TokenTree> = output.clone().into_iter().collect();
    let mut found = Vec::new();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(body))) =
                    (trees.get(i + 1), trees.get(i + 2))
                {
                    if bang.as_char() == '!' {
                        found.push((ident.span(), body.span(), body.stream().to_string()));
                    }
                }
            }
            TokenTree::Group(group) => found.extend(compile_errors(&group.stream())),
            _ => {}
        }
    }
    found
}

/// Runs one expansion, catching a panic, and checks its output.
/// What one expansion gave, once checked.
struct Expansion {
    errors: Vec<(Span, Span, String)>,
    /// The output as items, when it was parsed.
    file: Option<syn::File>,
}

/// How an expansion is held to the properties.
struct Rules<'a> {
    /// The input token streams: error spans must point into them.
    inputs: &'a [&'a TokenStream],
    /// Whether the output must parse as items even when it carries errors.
    output_must_parse: bool,
    /// Whether the annotated item is empty, so that an error has no token to point at.
    item_is_empty: bool,
}

fn check(
    describe: &dyn Fn() -> String,
    rules: &Rules,
    expand: impl FnOnce() -> TokenStream,
) -> Result<Expansion, TestCaseError> {
    let output = match panic::catch_unwind(AssertUnwindSafe(expand)) {
        Ok(output) => output,
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            return Err(TestCaseError::fail(format!(
                "expansion panicked: {message}\n{}",
                describe()
            )));
        }
    };
    let (inputs, output_must_parse) = (rules.inputs, rules.output_must_parse);
    let files: Vec<String> = inputs.iter().filter_map(|tokens| file_of(tokens)).collect();
    let errors = compile_errors(&output);
    for (start, end, message) in &errors {
        for (which, span) in [("start", start), ("end", end)] {
            prop_assert!(
                is_real(*span, &files)
                    || (is_call_site(*span) && call_site_allowed(message, rules.item_is_empty)),
                "compile_error! {message} has its {which} at {:?} in {}, not in the input {:?}\n{}",
                span.start(),
                span.file(),
                files,
                describe()
            );
        }
    }
    let mut file = None;
    if errors.is_empty() || output_must_parse {
        match syn::parse2::<syn::File>(output.clone()) {
            Ok(parsed) => file = Some(parsed),
            // The macro passes the body on as written, so a body that does not parse is
            // reported by the compiler, at the user's own token; what the macro adds must parse.
            Err(error) if !output_must_parse && is_real(error.span(), &files) => {}
            Err(error) => {
                return Err(TestCaseError::fail(format!(
                    "output does not parse as items ({error}):\n{output}\n{}",
                    describe()
                )))
            }
        }
    }
    Ok(Expansion { errors, file })
}

fn expand_attribute(
    kind: Kind,
    (args, args_cuts): (&str, &[usize]),
    (item, item_cuts): (&str, &[usize]),
) -> Result<Expansion, TestCaseError> {
    let args = truncate(lex(args)?, args_cuts);
    let item = truncate(lex(item)?, item_cuts);
    let item_is_valid = syn::parse2::<syn::Item>(item.clone()).is_ok();
    let describe = || format!("#[{}({args})]\n{item}", kind.segment());
    let (args_in, item_in) = (args.clone(), item.clone());
    let rules = Rules {
        inputs: &[&args, &item],
        output_must_parse: item_is_valid,
        item_is_empty: item.is_empty(),
    };
    check(&describe, &rules, move || {
        crate::expand::attribute(kind, args_in, item_in)
    })
}

fn expand_registry(input: &str, cuts: &[usize]) -> Result<Expansion, TestCaseError> {
    let input = truncate(lex(input)?, cuts);
    let describe = || format!("registry! {{ {input} }}");
    let cloned = input.clone();
    let rules = Rules {
        inputs: &[&input],
        output_must_parse: true,
        item_is_empty: false,
    };
    check(&describe, &rules, move || crate::registry::expand(cloned))
}

// ---------------------------------------------------------------------------------------------
// Generators: source-text fragments, malformed and well-formed

fn pick(options: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(options)
        .prop_map(str::to_owned)
        .boxed()
}

/// Strings a user might put in a literal: kebab-case, wrong case, separators, reserved,
/// non-ASCII, escapes, and very long ones.
fn text_value() -> BoxedStrategy<String> {
    prop_oneof![
        pick(&[
            "provision-vm",
            "a",
            "x-1-y",
            "",
            " ",
            "ProvisionVM",
            "provision_vm",
            "a::b",
            "a/b",
            "a.b",
            "-a-",
            "a--b",
            "__duroxide_syscall:new_guid",
            "café-order",
            "日本語",
            "🚀-launch",
            "a\u{200d}b",
            "Ω",
            "2.0.0",
            "v2",
            "1.0.0+build.5",
            "1.0.0-alpha.1",
            "99999999999999999999.0.0",
            "1.2",
            "latest",
        ]),
        "[a-z]{1,8}(-[a-z0-9]{1,8}){0,3}",
        "\\PC{0,12}",
        (1usize..10_000).prop_map(|n| "a".repeat(n)),
        (1usize..1_000).prop_map(|n| "é-".repeat(n)),
    ]
    .boxed()
}

/// `text` as a Rust string literal of some kind.
fn string_literal() -> BoxedStrategy<String> {
    (text_value(), 0..4u8)
        .prop_map(|(text, style)| match style {
            0 | 1 => format!("{text:?}"),
            2 => format!("r#\"{}\"#", text.replace("\"#", "")),
            _ => format!("r\"{}\"", text.replace('"', "")),
        })
        .boxed()
}

/// Literals of the wrong kind, and other single tokens where a value is expected.
fn odd_value() -> BoxedStrategy<String> {
    prop_oneof![
        pick(&[
            "42",
            "-1",
            "1.5",
            "1e3",
            "0x1F",
            "1u8",
            "1_000",
            "'c'",
            "'\\n'",
            "b'x'",
            "b\"bytes\"",
            "br\"raw\"",
            "c\"cstr\"",
            "true",
            "false",
            "yes",
            "None",
            "()",
            "[]",
            "{}",
            "(\"x\")",
            "[\"x\"]",
            "\"a\" \"b\"",
            "'a",
            "_",
            "self",
            "crate::x",
            "concat!(\"a\")",
            "- \"x\"",
            "=",
            "= \"x\"",
            "!",
            "#",
            "$x",
            "@",
            "~",
            "?",
            ";",
            "..",
            "::",
            "r#type",
            "café",
        ]),
        string_literal(),
    ]
    .boxed()
}

/// Paths, well-formed and odd.
fn path() -> BoxedStrategy<String> {
    prop_oneof![
        pick(&[
            "a",
            "a::b",
            "a::b::c",
            "::a::b",
            "crate::a",
            "self::a",
            "super::a",
            "super::super::a",
            "crate",
            "self",
            "super",
            "r#type",
            "r#match::r#fn",
            "café::naïve",
            "_",
            "__",
            "_1",
            "a::_",
            "Self",
            "a::<T>",
            "a::b::",
            "::",
            "<A as B>::c",
            "a<T>",
            "a::b::c::d::e::f",
            "x1",
            "A::B",
            "a__b",
            "___",
            "_2fa",
            "a::__",
            "m::_0",
            "__x",
            "_9lives",
            "x::___",
            "ß",
            "m::ǅ",
            "x::ﬁ",
        ]),
        "[a-z_][a-z0-9_]{0,6}(::[a-z_][a-z0-9_]{0,6}){0,4}",
        (1usize..5_000).prop_map(|n| format!("a::{}", "b".repeat(n))),
        (1usize..300).prop_map(|n| vec!["m"; n].join("::")),
    ]
    .boxed()
}

/// One `key = value`-ish argument of `#[activity]` / `#[orchestration]`, mostly malformed.
fn argument() -> BoxedStrategy<String> {
    // Every key the attributes know (of either kind, so that each kind meets the other's), and
    // keys a user might mistype.
    let mut keys: Vec<String> = Key::ALL.iter().map(|k| k.text().to_owned()).collect();
    keys.extend(
        [
            "nmae",
            "Name",
            "r#name",
            "::name",
            "name::x",
            "a::b",
            "self",
            "config",
            "idempotent::x",
            "crate_prefix::x",
            "crate::x",
        ]
        .map(str::to_owned),
    );
    let key = prop::sample::select(keys).boxed();
    prop_oneof![
        (key.clone(), string_literal()).prop_map(|(k, v)| format!("{k} = {v}")),
        (key.clone(), odd_value()).prop_map(|(k, v)| format!("{k} = {v}")),
        (key.clone(), odd_value()).prop_map(|(k, v)| format!("{k} {v}")),
        key.clone(),
        (key.clone(), prop::collection::vec(path(), 0..4))
            .prop_map(|(k, paths)| format!("{k}({})", paths.join(", "))),
        (key.clone(), prop::collection::vec(path(), 0..3))
            .prop_map(|(k, paths)| format!("{k}[{}]", paths.join(", "))),
        (key, prop::collection::vec(odd_value(), 0..3))
            .prop_map(|(k, values)| format!("{k}({})", values.join(" "))),
        string_literal(),
        odd_value(),
        pick(&[
            "idempotent = true",
            "idempotent = false",
            "version = \"2.0.0\"",
            "crate_prefix"
        ]),
    ]
    .boxed()
}

fn separator() -> BoxedStrategy<String> {
    prop_oneof![
        8 => Just(", ".to_owned()),
        1 => Just(",, ".to_owned()),
        1 => Just(" ".to_owned()),
        1 => Just("; ".to_owned()),
        1 => Just(" = ".to_owned()),
    ]
    .boxed()
}

fn join_with_separators(parts: Vec<(String, String)>, trailing: bool) -> String {
    let mut text = String::new();
    let count = parts.len();
    for (i, (part, sep)) in parts.into_iter().enumerate() {
        text.push_str(&part);
        if i + 1 < count || trailing {
            text.push_str(&sep);
        }
    }
    text
}

/// The arguments of an attribute: a sequence of arguments with odd separators.
fn malformed_args() -> BoxedStrategy<String> {
    (
        prop::collection::vec((argument(), separator()), 0..6),
        any::<bool>(),
    )
        .prop_map(|(parts, trailing)| join_with_separators(parts, trailing))
        .boxed()
}

/// Arguments that must be accepted, for the positive control.
fn valid_args(attr: Attr) -> BoxedStrategy<(String, Option<String>, Option<String>)> {
    let prefix = prop_oneof![Just(None), "[a-z]{1,6}(-[a-z0-9]{1,5}){0,2}".prop_map(Some),];
    let name = prop_oneof![Just(None), "[a-z]{1,6}(-[a-z0-9]{1,5}){0,2}".prop_map(Some)];
    let extra: BoxedStrategy<Vec<String>> = match attr.kind() {
        Kind::Activity => prop::collection::vec(
            pick(&[
                "idempotent",
                "idempotent = true",
                "idempotent = false",
                "description = \"d\"",
                "crate = \"::duroxide_registry_macros\"",
            ]),
            0..2,
        )
        .boxed(),
        Kind::Orchestration => prop::collection::vec(
            pick(&[
                "version = \"2.0.0\"",
                "version = \"1.0.0-rc.1\"",
                "uses(a::b, c)",
                "description = \"d\"",
                "allow_nondeterminism = \"replays as it ran\"",
                "crate = \"crate::reexported\"",
            ]),
            0..2,
        )
        .boxed(),
    };
    (prefix, name, extra, any::<bool>(), any::<bool>())
        .prop_map(|(prefix, name, mut extra, leading, flat)| {
            extra.dedup_by(|a, b| a.split(['=', '(']).next() == b.split(['=', '(']).next());
            let mut args = Vec::new();
            match (&prefix, leading) {
                (Some(p), true) => args.push(format!("{p:?}")),
                (Some(p), false) => args.push(format!("prefix = {p:?}")),
                (None, _) => {}
            }
            if let Some(name) = &name {
                args.push(format!("name = {name:?}"));
                // In place needs a name, which it has here.
                if flat {
                    args.push("flat".to_owned());
                }
            }
            args.extend(extra);
            (args.join(", "), prefix, name)
        })
        .boxed()
}

fn type_text() -> BoxedStrategy<String> {
    pick(&[
        "In",
        "Out",
        "u8",
        "String",
        "Vec<String>",
        "Input",
        "Output",
        "self::Input",
        "super::X",
        "crate::a::B",
        "::ext::T",
        "(A, B)",
        "()",
        "[u8; 4]",
        "&'static str",
        "&str",
        "impl Into<String>",
        "dyn Fn()",
        "fn() -> u8",
        "<T as Tr>::A",
        "Option<Box<dyn Fn(u32) -> u32 + Send>>",
        "_",
        "!",
        "Self",
        "T",
        "ActivityContext",
        "OrchestrationContext",
        "duroxide::ActivityContext",
        "::duroxide::OrchestrationContext",
        "Arc<Cfg>",
        "std::sync::Arc<Cfg>",
        "Vec<Vec<Vec<Vec<Vec<u8>>>>>",
        "Naïve",
    ])
}

fn parameter() -> BoxedStrategy<String> {
    prop_oneof![
        (
            pick(&["ctx", "_ctx", "input", "_", "mut x", "(a, b)", "&x", "r#type", "ñ"]),
            type_text()
        )
            .prop_map(|(pat, ty)| format!("{pat}: {ty}")),
        type_text().prop_map(|ty| format!("#[config] cfg: {ty}")),
        type_text().prop_map(|ty| format!("#[config(x)] cfg: {ty}")),
        type_text().prop_map(|ty| format!("#[other] x: {ty}")),
        pick(&[
            "self",
            "&self",
            "&mut self",
            "mut self",
            "self: Box<Self>",
            "..."
        ]),
    ]
    .boxed()
}

fn return_type() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        type_text().prop_map(|ok| format!("-> Result<{ok}, String>")),
        type_text().prop_map(|ok| format!("-> std::result::Result<{ok}, String>")),
        type_text().prop_map(|ok| format!("-> Result<{ok}>")),
        type_text().prop_map(|ty| format!("-> {ty}")),
        pick(&[
            "-> Result<>",
            "-> Result<'a, u8>",
            "-> Result<u8, String, X>",
            "-> Result<impl Send, String>",
            "-> impl Future<Output = Result<u8, String>>",
            "-> <X as Y>::Result<u8, String>",
            "-> Result<u8, String> where u8: Copy",
        ]),
    ]
    .boxed()
}

fn fn_ident() -> BoxedStrategy<String> {
    prop_oneof![
        pick(&[
            "provision_vm",
            "f",
            "r#type",
            "r#gen",
            "café",
            "ñandú",
            "ProvisionVM",
            "_",
            "__",
            "_2fa",
            "x__y",
            "__duroxide_syscall",
            "CONST",
        ]),
        "[a-z][a-z0-9_]{0,10}",
        (1usize..5_000).prop_map(|n| format!("f{}", "o".repeat(n))),
    ]
    .boxed()
}

fn body() -> BoxedStrategy<String> {
    prop_oneof![
        pick(&[
            "{}",
            "{ Ok(input) }",
            "{ a::b::call(&ctx, &input).await }",
            "{ let x = super::a::call_with_retry(&ctx, &i, p).await?; ::ext::b::NAME; self::c::call_on_session(&ctx, &i, \"s\"); }",
            "{ { { crate::x::y::call_with_id(&ctx, \"id\", &i) } } }",
            "{ Config::NAME; ctx.call(1); call(1); self::NAME; super::NAME; r#type::call(&c, &i) }",
            "{ a :: b :: call }",
            "{ :: }",
            ";",
        ]),
        prop::collection::vec(path(), 0..5).prop_map(|paths| {
            let calls: Vec<String> = paths.iter().map(|p| format!("{p}::call(&ctx, &x); {p}::NAME;")).collect();
            format!("{{ {} }}", calls.join(" "))
        }),
    ]
    .boxed()
}

/// Bodies that are valid Rust, for the positive control.
fn valid_body() -> BoxedStrategy<String> {
    pick(&[
        "{}",
        "{ Ok(input) }",
        "{ a::b::call(&ctx, &input).await }",
        "{ let x = super::a::call_with_retry(&ctx, &i, p).await?; ::ext::b::NAME; self::c::call_on_session(&ctx, &i, \"s\"); }",
        "{ { { crate::x::y::call_with_id(&ctx, \"id\", &i) } } }",
        "{ Config::NAME; ctx.call(1); call(1); self::NAME; super::NAME; r#type::call(&c, &i) }",
    ])
}

fn outer_attributes() -> BoxedStrategy<String> {
    prop::collection::vec(
        pick(&[
            "/// Provision a VM.\n",
            "///\n/// \n",
            "/** block\n doc */\n",
            "#[doc = \"attribute doc\"]\n",
            "#[doc = 5]\n",
            "#[doc]\n",
            "#[doc = concat!(\"a\", \"b\")]\n",
            "#[cfg(feature = \"x\")]\n",
            "#[cfg_attr(unix, inline)]\n",
            "#[cfg_attr(unix, cfg(windows))]\n",
            "#[allow(unused)]\n",
            "#[must_use]\n",
            "#[inline]\n",
            "#[rustfmt::skip]\n",
            "#[tracing::instrument(skip(ctx))]\n",
            "#[activity]\n",
            "#[orchestration(name = \"x\")]\n",
            "#[config]\n",
            "/// 日本語の説明。\n",
        ]),
        0..4,
    )
    .prop_map(|attrs| attrs.concat())
    .boxed()
}

fn visibility() -> BoxedStrategy<String> {
    pick(&[
        "",
        "pub ",
        "pub(crate) ",
        "pub(super) ",
        "pub(self) ",
        "pub(in crate::a) ",
        "pub(in a::b) ",
    ])
}

fn qualifiers() -> BoxedStrategy<String> {
    pick(&[
        "async ",
        "async ",
        "async ",
        "",
        "const ",
        "async unsafe ",
        "unsafe ",
        "extern \"C\" ",
        "async extern \"C\" ",
        "const async unsafe extern ",
        "async const ",
        "default async ",
    ])
}

fn generics() -> BoxedStrategy<String> {
    pick(&[
        "",
        "",
        "",
        "<T>",
        "<'a>",
        "<const N: usize>",
        "<T: Clone, 'a>",
        "<>",
    ])
}

fn where_clause() -> BoxedStrategy<String> {
    pick(&["", "", "", "where T: Clone", "where", "where u8: Copy,"])
}

/// An annotated item: mostly functions with odd signatures, sometimes another item or junk.
fn malformed_item() -> BoxedStrategy<String> {
    let function = (
        outer_attributes(),
        visibility(),
        qualifiers(),
        fn_ident(),
        generics(),
        prop::collection::vec(parameter(), 0..5),
        return_type(),
        where_clause(),
        body(),
    )
        .prop_map(
            |(attrs, vis, quals, ident, generics, params, ret, where_, body)| {
                format!(
                    "{attrs}{vis}{quals}fn {ident}{generics}({}) {ret} {where_} {body}",
                    params.join(", ")
                )
            },
        );
    prop_oneof![
        8 => function,
        1 => pick(&[
            "struct X;",
            "pub struct In { a: u8 }",
            "impl X { async fn f(&self) {} }",
            "mod m { pub async fn f(ctx: ActivityContext, i: u8) -> Result<u8, String> { Ok(i) } }",
            "trait T { async fn f(); }",
            "static X: u8 = 0;",
            "macro_rules! m { () => {} }",
            "extern \"C\" { fn f(); }",
            "use a::b;",
            "",
            "fn",
            "async fn",
            "pub async fn f",
            "#[doc = \"only\"]",
            "#![inner] async fn f() {}",
            "async fn f() -> {}",
            "async fn f(ctx: ActivityContext, input: In) -> Result<Out, String>",
        ]),
        1 => token_soup(),
    ]
    .boxed()
}

/// Random, balanced, lexable token trees.
fn token_soup() -> BoxedStrategy<String> {
    let leaf = pick(&[
        "a",
        "r#type",
        "café",
        "_",
        "fn",
        "async",
        "pub",
        "mod",
        "crate",
        "self",
        "super",
        "::",
        ":",
        ",",
        ";",
        "=",
        "#",
        "!",
        "-",
        "->",
        "=>",
        "<",
        ">",
        "&",
        "'a",
        "'c'",
        "1",
        "1.5",
        "\"s\"",
        "b\"b\"",
        "c\"c\"",
        "r#\"r\"#",
        "true",
        "as",
        "$",
        "@",
        "?",
        "..",
        "...",
        "activity",
        "orchestration",
        "names",
        "activities",
        "orchestrations",
        "config",
        "idempotent",
        "version",
        "uses",
        "name",
        "prefix",
        "compile_error",
    ]);
    leaf.prop_recursive(4, 64, 8, |inner| {
        (prop::collection::vec(inner, 0..8), 0..4u8).prop_map(|(trees, delimiter)| {
            let content = trees.join(" ");
            match delimiter {
                0 => format!("({content})"),
                1 => format!("[{content}]"),
                2 => format!("{{{content}}}"),
                _ => content,
            }
        })
    })
    .boxed()
}

/// A function `#[activity]` or `#[orchestration]` must accept, for the positive control.
fn valid_function(attr: Attr) -> BoxedStrategy<(String, String)> {
    let context = match attr.kind() {
        Kind::Activity => pick(&[
            "ActivityContext",
            "duroxide::ActivityContext",
            "::duroxide::ActivityContext",
        ]),
        Kind::Orchestration => pick(&[
            "OrchestrationContext",
            "duroxide::OrchestrationContext",
            "::duroxide::OrchestrationContext",
        ]),
    };
    let payload = pick(&[
        "In",
        "Out",
        "u8",
        "String",
        "Vec<String>",
        "Input",
        "Output",
        "self::Input",
        "super::X",
        "crate::a::B",
        "(A, B)",
        "()",
        "[u8; 4]",
    ]);
    (
        prop::collection::vec(pick(&["/// Doc.\n", "#[allow(unused)]\n", "#[must_use]\n", "#[inline]\n"]), 0..3),
        visibility(),
        "[a-z][a-z0-9]{0,6}(_[a-z0-9]{1,6}){0,2}".prop_filter("a keyword", |ident| is_ident(ident)),
        context,
        payload.clone(),
        payload,
        valid_body(),
    )
        .prop_map(|(attrs, vis, ident, context, input, output, body)| {
            let text = format!(
                "{}{vis}async fn {ident}(ctx: {context}, input: {input}) -> Result<{output}, String> {body}",
                attrs.concat()
            );
            (text, ident)
        })
        .boxed()
}

/// Which attribute; `Kind` itself has no `Debug`, which proptest needs to print a case.
#[derive(Debug, Clone, Copy)]
enum Attr {
    Activity,
    Orchestration,
}

impl Attr {
    fn kind(self) -> Kind {
        match self {
            Attr::Activity => Kind::Activity,
            Attr::Orchestration => Kind::Orchestration,
        }
    }
}

fn attr() -> BoxedStrategy<Attr> {
    prop_oneof![Just(Attr::Activity), Just(Attr::Orchestration)].boxed()
}

/// Whether `text` is an identifier (not a keyword), as a well-formed input needs.
fn is_ident(text: &str) -> bool {
    syn::parse_str::<syn::Ident>(text).is_ok()
}

fn cuts() -> BoxedStrategy<Vec<usize>> {
    prop_oneof![
        2 => Just(Vec::new()),
        1 => prop::collection::vec(any::<usize>(), 1..4),
    ]
    .boxed()
}

/// One entry of a `registry!` list, mostly malformed.
fn registry_entry() -> BoxedStrategy<String> {
    let attribute = pick(&[
        "",
        "",
        "",
        "",
        "",
        "#[cfg(feature = \"x\")] ",
        "#[cfg(all())] ",
        "#[cfg] ",
        "#[cfg = \"x\"] ",
        "#[allow(unused)] ",
        "#![cfg(x)] ",
        "#[doc = \"d\"] ",
        "#[cfg(a)] #[cfg(b)] ",
    ]);
    let alias = pick(&[
        "",
        "",
        "",
        "",
        "",
        "",
        " as X",
        " as PROVISION_V2",
        " as 1",
        " as",
        " as r#type",
        " as café",
        " as a::b",
        " as _",
    ]);
    prop_oneof![
        12 => (attribute, path(), alias).prop_map(|(a, p, al)| format!("{a}{p}{al}")),
        1 => odd_value(),
        1 => token_soup(),
    ]
    .boxed()
}

fn registry_value() -> BoxedStrategy<String> {
    let entries = (
        prop::collection::vec((registry_entry(), separator()), 0..6),
        any::<bool>(),
    )
        .prop_map(|(parts, trailing)| join_with_separators(parts, trailing));
    prop_oneof![
        6 => entries.clone().prop_map(|e| format!("[{e}]")),
        1 => entries.clone().prop_map(|e| format!("({e})")),
        1 => entries.prop_map(|e| format!("{{{e}}}")),
        1 => path(),
        1 => type_text(),
        1 => odd_value(),
        1 => Just(String::new()),
    ]
    .boxed()
}

fn malformed_registry() -> BoxedStrategy<String> {
    // Every key `registry!` knows, the lists twice as often, and keys a user might mistype.
    let mut keys: Vec<String> = RegistryKey::ALL
        .iter()
        .map(|k| k.text().to_owned())
        .collect();
    keys.extend(
        [
            "orchestrations",
            "activities",
            "activites",
            "Names",
            "r#names",
            "names::x",
            "1",
            "\"activities\"",
            "_",
            "",
        ]
        .map(str::to_owned),
    );
    let key = prop::sample::select(keys).boxed();
    let colon = pick(&[": ", ": ", ": ", "= ", " ", ":: ", "; "]);
    let any_part = (key, colon, registry_value()).prop_map(|(k, c, v)| format!("{k}{c}{v}"));
    // Parts of the right shape, often: the checks that come after parsing only run on them.
    let names = prop_oneof![fn_ident(), path()].prop_map(|module| format!("names: {module}"));
    let list = (
        pick(&["orchestrations", "activities"]),
        prop::collection::vec(registry_entry(), 0..5),
    )
        .prop_map(|(key, entries)| format!("{key}: [{}]", entries.join(", ")));
    let part = prop_oneof![2 => any_part, 2 => names, 5 => list];
    prop_oneof![
        8 => (prop::collection::vec((part, separator()), 0..5), any::<bool>())
            .prop_map(|(parts, trailing)| join_with_separators(parts, trailing)),
        1 => token_soup(),
    ]
    .boxed()
}

/// A `registry!` input the macro must accept (the checks on what the paths name run later, in
/// const evaluation), for the positive control.
fn valid_registry() -> BoxedStrategy<(String, usize, usize, bool)> {
    // Segments as functions are named, leading underscores and digits included.
    let path = "[a-z][a-z0-9]{0,5}(::(_|[a-z])[a-z0-9_]{0,5}){0,3}"
        .prop_filter("a keyword", |path| path.split("::").all(is_ident));
    let entry = (
        pick(&["", "#[cfg(feature = \"x\")] ", "#[cfg(not(unix))] "]),
        path,
        any::<bool>(),
    );
    (
        prop::collection::vec(entry, 0..8),
        0usize..8,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(entries, split, names, config)| {
            // Distinct paths across both lists: a path listed twice is an error of its own.
            let mut seen: Vec<String> = Vec::new();
            let mut constants: Vec<String> = Vec::new();
            let mut rendered = Vec::new();
            for (i, (cfg, path, alias)) in entries.into_iter().enumerate() {
                if seen.contains(&path) {
                    continue;
                }
                seen.push(path.clone());
                // A segment like `_0` or `__` has no SHOUTY_SNAKE_CASE identifier: a `names`
                // constant for it needs an alias (without one it is an error), so a well-formed
                // input gives it one; so does a segment whose constant an earlier entry has
                // (`a::_e7` and `b::_e7`), which would collide.
                let last = path.rsplit("::").next().unwrap_or_default();
                let constant = heck::ToShoutySnakeCase::to_shouty_snake_case(last);
                let nameless = !is_ident(&constant);
                let collides = constants.contains(&constant);
                constants.push(constant);
                let alias = if alias || (names && (nameless || collides)) {
                    format!(" as ALIAS_{i}")
                } else {
                    String::new()
                };
                rendered.push(format!("{cfg}{path}{alias}"));
            }
            let split = split.min(rendered.len());
            let mut parts = vec![
                format!("orchestrations: [{}]", rendered[..split].join(", ")),
                format!("activities: [{}]", rendered[split..].join(", ")),
            ];
            if names {
                parts.insert(0, "names: names".to_owned());
            }
            if config {
                parts.push("config: crate::Config".to_owned());
                parts.push("replay: replay".to_owned());
                parts.push("crate: ::duroxide_registry_macros".to_owned());
            }
            (parts.join(", "), split, rendered.len() - split, names)
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn attribute_arguments_never_panic(
        attr in attr(),
        args in malformed_args(),
        cuts in cuts(),
        (item, _) in valid_function(Attr::Activity),
    ) {
        let kind = attr.kind();
        // A valid function, so that any error comes from the arguments (or the context type of
        // the wrong kind, which is an error too).
        expand_attribute(kind, (&args, &cuts), (&item, &[]))?;
    }

    #[test]
    fn attribute_items_never_panic(
        attr in attr(),
        args in prop_oneof![malformed_args(), Just(String::new())],
        item in malformed_item(),
        item_cuts in cuts(),
    ) {
        let kind = attr.kind();
        expand_attribute(kind, (&args, &[]), (&item, &item_cuts))?;
    }

    #[test]
    fn attribute_token_soup_never_panics(attr in attr(), args in token_soup(), item in token_soup()) {
        expand_attribute(attr.kind(), (&args, &[]), (&item, &[]))?;
    }

    #[test]
    fn registry_inputs_never_panic(input in malformed_registry(), cuts in cuts()) {
        expand_registry(&input, &cuts)?;
    }

    #[test]
    fn registry_token_soup_never_panics(input in token_soup()) {
        expand_registry(&input, &[])?;
    }

    #[test]
    fn well_formed_attributes_expand_without_errors(
        (attr, (args, prefix, name), (item, ident)) in prop_oneof![
            (Just(Attr::Activity), valid_args(Attr::Activity), valid_function(Attr::Activity)),
            (
                Just(Attr::Orchestration),
                valid_args(Attr::Orchestration),
                valid_function(Attr::Orchestration)
            ),
        ],
    ) {
        let kind = attr.kind();
        let expansion = expand_attribute(kind, (&args, &[]), (&item, &[]))?;
        let errors = &expansion.errors;
        prop_assert!(errors.is_empty(), "#[{}({args})] {item}\nerrors: {errors:?}", kind.segment());
        let prefix = prefix.unwrap_or_else(|| std::env::var("CARGO_PKG_NAME").unwrap_or_default());
        let name = name.unwrap_or_else(|| ident.replace('_', "-"));
        let expected = format!("{prefix}::{}::{name}", kind.segment());
        let items = expansion.file.map(|file| file.items).unwrap_or_default();
        let function = items.iter().any(|item| matches!(item, syn::Item::Fn(f) if f.sig.ident == ident));
        prop_assert!(function, "the function `{ident}` is not kept: {item}");
        // In place (`flat`), `NAME` is declared beside the function.
        let companion = if args.contains("flat") { &items[..] } else { module_items(&items, &ident) };
        prop_assert_eq!(string_const(companion, "NAME"), Some(expected));
    }

    #[test]
    fn well_formed_registries_expand_without_errors(
        (registry, orchestrations, activities, names) in valid_registry(),
    ) {
        let expansion = expand_registry(&registry, &[])?;
        let errors = &expansion.errors;
        prop_assert!(errors.is_empty(), "registry! {{ {registry} }}\nerrors: {errors:?}");
        let items = expansion.file.map(|file| file.items).unwrap_or_default();
        for function in [
            "create_activity_registry",
            "create_orchestration_registry",
            "list_activities",
            "list_orchestrations",
        ] {
            let found = items.iter().any(|item| matches!(item, syn::Item::Fn(f) if f.sig.ident == function));
            prop_assert!(found, "no `fn {function}` for registry! {{ {registry} }}");
        }
        let names_module = module_items(&items, "names");
        if names {
            let count = |list: &str| {
                module_items(names_module, list)
                    .iter()
                    .filter(|item| matches!(item, syn::Item::Const(_)))
                    .count()
            };
            prop_assert_eq!(
                (count("orchestrations"), count("activities")),
                (orchestrations, activities),
                "names constants for registry! {{ {} }}",
                registry
            );
        } else {
            prop_assert!(names_module.is_empty(), "a `names` module nobody asked for");
        }
    }
}

/// The items of the inline module `name` among `items`; none if there is no such module.
fn module_items<'a>(items: &'a [syn::Item], name: &str) -> &'a [syn::Item] {
    items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(module) if module.ident == name => {
                module.content.as_ref().map(|(_, items)| items.as_slice())
            }
            _ => None,
        })
        .unwrap_or_default()
}

/// The value of `const name: &str = "..."` among `items`.
fn string_const(items: &[syn::Item], name: &str) -> Option<String> {
    items.iter().find_map(|item| match item {
        syn::Item::Const(constant) if constant.ident == name => match &*constant.expr {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) => Some(text.value()),
            _ => None,
        },
        _ => None,
    })
}

// ---------------------------------------------------------------------------------------------
// The checker itself must be able to fail

#[test]
fn truncation_cuts_at_the_top_level_and_inside_groups() {
    let tokens = TokenStream::from_str("a b [c d (e f)] g").unwrap();
    assert_eq!(
        truncate(tokens.clone(), &[]).to_string(),
        "a b [c d (e f)] g"
    );
    assert_eq!(truncate(tokens.clone(), &[1]).to_string(), "a");
    assert_eq!(truncate(tokens.clone(), &[3, 2]).to_string(), "a b [c d]");
    assert_eq!(truncate(tokens, &[3, 3, 1]).to_string(), "a b [c d (e)]");
}

#[test]
fn spans_invented_by_the_macro_are_not_real() {
    let input = TokenStream::from_str("\n  name = 5").unwrap();
    let files = vec![file_of(&input).unwrap()];
    let first = input.clone().into_iter().next().unwrap().span();
    assert!(is_real(first, &files));
    assert!(!is_real(Span::call_site(), &files));
    assert!(!is_real(Span::mixed_site(), &files));
    let other = TokenStream::from_str("name")
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
        .span();
    assert!(
        !is_real(other, &files),
        "a span from a file the macro parsed itself"
    );
}

#[test]
fn a_call_site_error_fails_the_check() {
    let input = TokenStream::from_str("x").unwrap();
    let describe = || String::new();
    let rules = Rules {
        inputs: &[&input],
        output_must_parse: false,
        item_is_empty: false,
    };
    let invented = check(&describe, &rules, || {
        syn::Error::new(Span::call_site(), "m").into_compile_error()
    });
    assert!(invented.is_err());
    let end_of_input = check(&describe, &rules, || {
        syn::Error::new(Span::call_site(), "unexpected end of input, expected ident")
            .into_compile_error()
    });
    assert!(
        end_of_input.is_ok(),
        "syn's end-of-input errors sit at the call site by design"
    );
    let spanned = check(&describe, &rules, || {
        syn::Error::new_spanned(&input, "m").into_compile_error()
    });
    assert!(spanned.is_ok());
    let panics = check(&describe, &rules, || panic!("boom"));
    assert!(matches!(panics, Err(error) if error.to_string().contains("boom")));
    let garbage = check(&describe, &rules, || {
        TokenStream::from_str("a b c").unwrap()
    });
    assert!(
        garbage.is_err(),
        "output that is not items, with no error, fails"
    );
}
