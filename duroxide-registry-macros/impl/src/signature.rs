//! Parsing and checking of the annotated function's signature.
//!
//! Only the signature is parsed; the body stays raw tokens (as in tokio-macros and
//! tracing-attributes), which keeps the macro cheap and lets the function be re-emitted exactly
//! as written.

use crate::diagnostics::Diagnostics;
use crate::item::{Function, Kind};
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, FnArg, GenericArgument, PathArguments, ReturnType, Signature, Type};

/// Parses an `fn` item, or a declaration: a body-less `fn` signature ending in `;`, which
/// stands for work implemented elsewhere. The body is split off before syn sees the rest: syn's
/// parser copies every token it is given into its buffer, across the compiler's proc-macro
/// bridge, and the body would only be copied to be passed on untouched.
pub(crate) fn parse(input: TokenStream) -> syn::Result<Function> {
    let mut trees: Vec<TokenTree> = input.into_iter().collect();
    let (body, declaration) = match trees.pop() {
        Some(TokenTree::Group(body)) if body.delimiter() == Delimiter::Brace => {
            (TokenTree::Group(body).into(), None)
        }
        Some(TokenTree::Punct(semi)) if semi.as_char() == ';' => {
            (TokenStream::new(), Some(semi.span()))
        }
        other => {
            let span = other.map_or_else(Span::call_site, |tree| tree.span());
            return Err(syn::Error::new(span, "expected the function body"));
        }
    };
    let head = |input: ParseStream| {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let sig = input.parse()?;
        Ok((attrs, vis, sig))
    };
    let (attrs, vis, sig) = head.parse2(trees.into_iter().collect())?;
    Ok(Function {
        attrs,
        vis,
        sig,
        body,
        declaration,
    })
}

/// The parts of a signature that generation needs, and whether it passed every check.
pub(crate) struct Shape<'a> {
    pub(crate) context: Option<&'a Type>,
    pub(crate) input: Option<&'a Type>,
    pub(crate) output: Option<&'a Type>,
    /// A `self` parameter: the function sits in an `impl` block, where no module can go.
    pub(crate) is_method: bool,
    /// No check failed. Generation leaves out what relies on a sound signature, so that a
    /// broken one does not cascade into errors inside generated code.
    pub(crate) sound: bool,
}

/// Checks the signature against `async fn f(ctx: Context, input: In) -> Result<Out, String>`,
/// pushing one error per problem, and returns whatever parts could be found.
pub(crate) fn check<'a>(
    kind: Kind,
    sig: &'a Signature,
    has_config: bool,
    diagnostics: &mut Diagnostics,
) -> Shape<'a> {
    let attr = format!("#[{}]", kind.segment());
    let expected = expected_signature(kind, &sig.ident, has_config);
    let mut sound = check_qualifiers(sig, &attr, &expected, diagnostics);
    sound &= check_not_generic(sig, &attr, diagnostics);
    if let Some(variadic) = &sig.variadic {
        diagnostics.error(variadic, format!("{attr} functions cannot be variadic"));
        sound = false;
    }
    let mut typed: Vec<&Type> = Vec::new();
    for arg in &sig.inputs {
        match arg {
            FnArg::Receiver(receiver) => {
                diagnostics.error(
                    receiver,
                    format!(
                        "{attr} goes on a free function at module level, not on a method; move \
                         `{}` out of the `impl` block",
                        sig.ident
                    ),
                );
                sound = false;
            }
            FnArg::Typed(pat) => typed.push(&pat.ty),
        }
    }
    let mut uses_impl_trait = false;
    for ty in &typed {
        uses_impl_trait |= check_no_impl_trait(ty, &attr, diagnostics);
    }
    sound &= !uses_impl_trait;
    // Types that mention generics or `impl Trait` cannot be named outside the signature, so no
    // helper is generated for them.
    let nameable =
        sig.generics.params.is_empty() && sig.generics.where_clause.is_none() && !uses_impl_trait;
    let is_method = typed.len() != sig.inputs.len();
    let expected_count = if has_config { 3 } else { 2 };
    if !is_method && sig.inputs.len() != expected_count {
        let (count, which) = if has_config {
            (
                "three",
                "the context, the input and the #[config] parameter",
            )
        } else {
            ("two", "the context and the input")
        };
        let message = format!(
            "{attr} functions take exactly {count} parameters, {which}; found {}; write \
             `{expected}`",
            sig.inputs.len()
        );
        if sig.inputs.is_empty() {
            diagnostics.error_at(sig.paren_token.span.join(), message);
        } else {
            diagnostics.error(&sig.inputs, message);
        }
        sound = false;
    }
    let context = typed.first().copied();
    if let Some(context) = context {
        sound &= check_context_kind(kind, context, diagnostics);
    }
    let output = result_ok_type(kind, sig, &expected, diagnostics);
    sound &= output.is_some();
    Shape {
        context,
        input: typed
            .get(1)
            .copied()
            .filter(|_| nameable && typed.len() == expected_count),
        output: output.filter(|_| nameable),
        is_method,
        sound,
    }
}

/// `async`, and none of `const`, `unsafe` or an ABI; returns whether all hold. (Variadics are
/// checked with the parameters.)
fn check_qualifiers(
    sig: &Signature,
    attr: &str,
    expected: &str,
    diagnostics: &mut Diagnostics,
) -> bool {
    let mut sound = true;
    let mut fail = |tokens: &dyn quote::ToTokens, message: String| {
        diagnostics.error(tokens.to_token_stream(), message);
        sound = false;
    };
    if sig.asyncness.is_none() {
        fail(
            &sig.fn_token,
            format!("{attr} functions must be `async`; write `{expected}`"),
        );
    }
    if let Some(constness) = &sig.constness {
        fail(
            constness,
            format!("{attr} functions cannot be `const`; remove it"),
        );
    }
    if let syn::Safety::Unsafe(unsafety) = &sig.safety {
        fail(
            unsafety,
            format!(
                "{attr} functions cannot be `unsafe`: duroxide calls them through safe code; \
                 remove it"
            ),
        );
    }
    if let Some(abi) = &sig.abi {
        fail(
            abi,
            format!("{attr} functions cannot declare an ABI; remove it"),
        );
    }
    sound
}

/// No generic parameters and no `where` clause; returns whether that holds.
fn check_not_generic(sig: &Signature, attr: &str, diagnostics: &mut Diagnostics) -> bool {
    let generics = &sig.generics;
    if generics.params.is_empty() && generics.where_clause.is_none() {
        return true;
    }
    let message = format!(
        "{attr} functions cannot be generic: duroxide registers one concrete function per name; \
         use concrete input and output types"
    );
    // `fn f<>()` and a bare `where` print no parameters to point at.
    match (&generics.where_clause, generics.params.is_empty()) {
        (_, false) => diagnostics.error(generics, message),
        (Some(clause), true) => diagnostics.error_at(clause.where_token.span, message),
        (None, true) => diagnostics.error(&sig.ident, message),
    }
    false
}

/// What the `#[config]` marker says about a signature.
pub(crate) struct Config {
    /// The third parameter carries the marker, so three parameters are expected.
    pub(crate) marked_third: bool,
    /// The configuration's type, when it is valid.
    pub(crate) ty: Option<Type>,
    /// No marker was misplaced or malformed.
    pub(crate) sound: bool,
}

/// Removes our `#[config]` marker from the parameters, so the function compiles as written, and
/// says what it found. Only the third parameter of an activity may carry it: configuration is
/// shared by every call of an activity, while an orchestration must be deterministic and gets
/// everything through its input.
pub(crate) fn take_config(
    kind: Kind,
    sig: &mut Signature,
    diagnostics: &mut Diagnostics,
) -> Config {
    let mut config = Config {
        marked_third: false,
        ty: None,
        sound: true,
    };
    for (index, arg) in sig.inputs.iter_mut().enumerate() {
        let FnArg::Typed(param) = arg else { continue };
        let Some(position) = param.attrs.iter().position(|a| a.path().is_ident("config")) else {
            continue;
        };
        let marker = param.attrs.remove(position);
        config.marked_third |= index == 2;
        let mut fail = |tokens: &dyn quote::ToTokens, message: &str| {
            diagnostics.error(tokens.to_token_stream(), message);
            config.sound = false;
        };
        if !matches!(marker.meta, syn::Meta::Path(_)) {
            fail(
                &marker,
                "`#[config]` takes no arguments; write `#[config] config: Arc<YourConfig>`",
            );
        }
        if kind == Kind::Orchestration {
            fail(
                &marker,
                "orchestrations cannot take #[config]: they are replayed and must be \
                 deterministic; pass what they need in the input, or read the configuration in an \
                 activity",
            );
        } else if index != 2 {
            fail(
                &marker,
                "#[config] marks the third parameter, after the context and the input: \
                 `(ctx: ActivityContext, input: YourInput, #[config] config: Arc<YourConfig>)`",
            );
        } else if !is_arc(&param.ty) {
            fail(
                &param.ty,
                "a #[config] parameter is shared by every call of the activity, so it is an \
                 `Arc<YourConfig>`; write `#[config] config: Arc<YourConfig>`",
            );
        } else {
            config.ty = Some((*param.ty).clone());
        }
    }
    config
}

fn is_arc(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.qself.is_none()
    && path.path.segments.last().is_some_and(|last| {
        last.ident == "Arc" && matches!(&last.arguments, PathArguments::AngleBracketed(a) if a.args.len() == 1)
    }))
}

fn expected_signature(kind: Kind, ident: &syn::Ident, has_config: bool) -> String {
    let context = kind.context_name();
    let config = if has_config {
        ", #[config] config: Arc<YourConfig>"
    } else {
        ""
    };
    format!(
        "async fn {ident}(ctx: {context}, input: YourInput{config}) -> Result<YourOutput, String>"
    )
}

/// Reports argument-position `impl Trait`; returns whether there was any.
fn check_no_impl_trait(ty: &Type, attr: &str, diagnostics: &mut Diagnostics) -> bool {
    match ty {
        Type::ImplTrait(impl_trait) => {
            diagnostics.error(
                impl_trait,
                format!(
                    "{attr} parameters cannot use `impl Trait`: duroxide needs one concrete type \
                     to serialize; name the type"
                ),
            );
            true
        }
        Type::Reference(reference) => check_no_impl_trait(&reference.elem, attr, diagnostics),
        Type::Paren(paren) => check_no_impl_trait(&paren.elem, attr, diagnostics),
        Type::Group(group) => check_no_impl_trait(&group.elem, attr, diagnostics),
        Type::Tuple(tuple) => tuple.elems.iter().fold(false, |found, elem| {
            check_no_impl_trait(elem, attr, diagnostics) | found
        }),
        _ => false,
    }
}

/// Catches the obvious mix-up syntactically so the message can say what to do; aliased imports
/// are judged by the type checker through the assertion that generation emits.
/// Returns whether the type passed.
fn check_context_kind(kind: Kind, context: &Type, diagnostics: &mut Diagnostics) -> bool {
    let (wrong, right) = context_names(kind);
    let wrong_kind = context_is_wrong_kind(kind, context);
    if wrong_kind {
        diagnostics.error(
            context,
            format!(
                "#[{}] functions receive `{right}` as their first parameter, not `{wrong}`; \
                 change the type to `duroxide::{right}`{}",
                kind.segment(),
                match kind {
                    Kind::Activity => "",
                    Kind::Orchestration => ", or make this function an #[activity]",
                }
            ),
        );
    }
    !wrong_kind
}

/// Whether the context type was already reported by [`check_context_kind`].
pub(crate) fn context_is_wrong_kind(kind: Kind, context: &Type) -> bool {
    last_segment(context).as_deref() == Some(context_names(kind).0)
}

/// Whether the context type is written with the name of the context an item of `kind` takes
/// (`ActivityContext`, `duroxide::ActivityContext`): then only an alias could hide another type,
/// and a type of that name that is not duroxide's still fails the registration, at the function.
pub(crate) fn context_is_named_right(kind: Kind, context: &Type) -> bool {
    last_segment(context).as_deref() == Some(context_names(kind).1)
}

/// The context type an item of `kind` must not take, and the one it must.
fn context_names(kind: Kind) -> (&'static str, &'static str) {
    let other = match kind {
        Kind::Activity => Kind::Orchestration,
        Kind::Orchestration => Kind::Activity,
    };
    (other.context_name(), kind.context_name())
}

fn last_segment(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            path.path.segments.last().map(|s| s.ident.to_string())
        }
        _ => None,
    }
}

fn result_ok_type<'a>(
    kind: Kind,
    sig: &'a Signature,
    expected: &str,
    diagnostics: &mut Diagnostics,
) -> Option<&'a Type> {
    let attr = format!("#[{}]", kind.segment());
    let ty = match &sig.output {
        ReturnType::Default => {
            let after_params = sig.paren_token.span.close();
            diagnostics.error_at(
                after_params,
                format!(
                    "{attr} functions must return `Result<YourOutput, String>`; write `{expected}`"
                ),
            );
            return None;
        }
        ReturnType::Type(_, ty) => ty,
    };
    let ok = match &**ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last().and_then(|last| {
            if last.ident != "Result" {
                return None;
            }
            match &last.arguments {
                PathArguments::AngleBracketed(args) if (1..=2).contains(&args.args.len()) => {
                    match &args.args[0] {
                        GenericArgument::Type(ok) => Some(ok),
                        _ => None,
                    }
                }
                _ => None,
            }
        }),
        _ => None,
    };
    if ok.is_none() {
        diagnostics.error(
            ty,
            format!(
                "{attr} functions must return `Result<YourOutput, String>`: duroxide records the \
                 `Err` string as the failure; write `{expected}`"
            ),
        );
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::{check, parse, take_config};
    use crate::diagnostics::Diagnostics;
    use crate::item::Kind;
    use quote::ToTokens;

    /// The errors for `function`, whether it counts as sound, and the parts found.
    fn checked(kind: Kind, function: &str) -> (Vec<String>, bool, [Option<String>; 3]) {
        let mut function = parse(function.parse().unwrap()).unwrap();
        let mut diagnostics = Diagnostics::new();
        let config = take_config(kind, &mut function.sig, &mut diagnostics);
        let shape = check(kind, &function.sig, config.marked_third, &mut diagnostics);
        let text = |ty: Option<&syn::Type>| ty.map(|ty| ty.to_token_stream().to_string());
        let parts = [text(shape.context), text(shape.input), text(shape.output)];
        let sound = shape.sound && config.sound;
        (diagnostics.into_messages(), sound, parts)
    }

    #[test]
    fn the_expected_shape_is_sound_and_its_parts_are_found() {
        let (errors, sound, parts) = checked(
            Kind::Activity,
            "async fn f(ctx: ActivityContext, input: In) -> Result<Out, String> {}",
        );
        assert!(errors.is_empty() && sound, "{errors:?}");
        assert_eq!(
            parts,
            [
                Some("ActivityContext".to_owned()),
                Some("In".to_owned()),
                Some("Out".to_owned())
            ]
        );
    }

    #[test]
    fn the_body_is_kept_as_written_and_never_parsed() {
        let function = parse("fn f() { this is not rust }".parse().unwrap()).unwrap();
        assert_eq!(function.body.to_string(), "{ this is not rust }");
        assert!(function.declaration.is_none());
        assert!(parse("fn f() -> u8".parse().unwrap()).is_err());
    }

    #[test]
    fn a_signature_ending_in_a_semicolon_is_a_declaration() {
        let function = parse("pub async fn f(ctx: C, input: I) -> R;".parse().unwrap()).unwrap();
        assert!(function.is_declaration());
        assert!(function.body.is_empty());
        assert!(
            function.to_token_stream().is_empty(),
            "nothing of it is emitted"
        );
    }

    #[test]
    fn each_broken_rule_is_one_error_and_makes_it_unsound() {
        for (function, expected) in [
            (
                "fn f(ctx: ActivityContext, input: In) -> Result<Out, String> {}",
                "functions must be `async`",
            ),
            (
                "async fn f<T>(ctx: ActivityContext, input: T) -> Result<Out, String> {}",
                "cannot be generic",
            ),
            (
                "async fn f(ctx: ActivityContext) -> Result<Out, String> {}",
                "take exactly two parameters",
            ),
            (
                "async fn f(ctx: ActivityContext, input: In) {}",
                "must return `Result<YourOutput, String>`",
            ),
            (
                "async fn f(ctx: ActivityContext, input: In) -> Option<Out> {}",
                "duroxide records the `Err` string",
            ),
            (
                "async fn f(ctx: ActivityContext, input: impl Send) -> Result<Out, String> {}",
                "cannot use `impl Trait`",
            ),
            (
                "async fn f(ctx: OrchestrationContext, input: In) -> Result<Out, String> {}",
                "not `OrchestrationContext`",
            ),
            (
                "async fn f(&self, input: In) -> Result<Out, String> {}",
                "not on a method",
            ),
        ] {
            let (errors, sound, _) = checked(Kind::Activity, function);
            assert_eq!(errors.len(), 1, "{function}: {errors:?}");
            assert!(errors[0].contains(expected), "{function}: {errors:?}");
            assert!(!sound, "{function}");
        }
    }

    #[test]
    fn config_is_the_third_parameter_of_an_activity_only() {
        let (errors, sound, _) = checked(
            Kind::Activity,
            "async fn f(ctx: ActivityContext, input: In, #[config] c: Arc<C>) -> Result<Out, String> {}",
        );
        assert!(errors.is_empty() && sound, "{errors:?}");
        let (errors, sound, _) = checked(
            Kind::Activity,
            "async fn f(ctx: ActivityContext, input: In, #[config] c: C) -> Result<Out, String> {}",
        );
        assert!(
            errors[0].contains("`Arc<YourConfig>`") && !sound,
            "{errors:?}"
        );
        let (errors, _, _) = checked(
            Kind::Orchestration,
            "async fn f(ctx: OrchestrationContext, input: In, #[config] c: Arc<C>) -> Result<Out, String> {}",
        );
        assert!(
            errors[0].contains("orchestrations cannot take #[config]"),
            "{errors:?}"
        );
    }
}
