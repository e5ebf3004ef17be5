//! Parsing and checking of the annotated function's signature.
//!
//! Only the signature is parsed; the body stays raw tokens (as in tokio-macros and
//! tracing-attributes), which keeps the macro cheap and lets the function be re-emitted exactly
//! as written.

use crate::args::Kind;
use crate::diagnostics::Diagnostics;
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::{
    Attribute, FnArg, GenericArgument, PathArguments, ReturnType, Signature, Type, Visibility,
};

/// An `fn` item whose body is kept as tokens.
pub(crate) struct Function {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: Visibility,
    pub(crate) sig: Signature,
    pub(crate) body: TokenStream,
}

impl Function {
    /// Parses an `fn` item. The body is split off before syn sees the rest: syn's parser copies
    /// every token it is given into its buffer, across the compiler's proc-macro bridge, and the
    /// body would only be copied to be passed on untouched.
    pub(crate) fn parse(input: TokenStream) -> syn::Result<Function> {
        let mut trees: Vec<TokenTree> = input.into_iter().collect();
        let body = match trees.pop() {
            Some(TokenTree::Group(body)) if body.delimiter() == Delimiter::Brace => body,
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
            body: TokenTree::Group(body).into(),
        })
    }
}

impl ToTokens for Function {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        for attr in &self.attrs {
            attr.to_tokens(tokens);
        }
        self.vis.to_tokens(tokens);
        self.sig.to_tokens(tokens);
        self.body.to_tokens(tokens);
    }
}

/// The parts of a valid signature that generation needs.
pub(crate) struct Shape<'a> {
    pub(crate) context: Option<&'a Type>,
    pub(crate) input: Option<&'a Type>,
    pub(crate) output: Option<&'a Type>,
    /// A `self` parameter: the function sits in an `impl` block, where no module can go.
    pub(crate) is_method: bool,
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
    let expected = expected_signature(kind, &sig.ident);
    if sig.asyncness.is_none() {
        diagnostics.error(
            sig.fn_token,
            format!("{attr} functions must be `async`; write `{expected}`"),
        );
    }
    if let Some(constness) = &sig.constness {
        diagnostics.error(
            constness,
            format!("{attr} functions cannot be `const`; remove it"),
        );
    }
    if let syn::Safety::Unsafe(unsafety) = &sig.safety {
        diagnostics.error(
            unsafety,
            format!("{attr} functions cannot be `unsafe`: duroxide calls them through safe code; remove it"),
        );
    }
    if let Some(abi) = &sig.abi {
        diagnostics.error(
            abi,
            format!("{attr} functions cannot declare an ABI; remove it"),
        );
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        let message = format!(
            "{attr} functions cannot be generic: duroxide registers one concrete function per \
             name; use concrete input and output types"
        );
        // `fn f<>()` and a bare `where` print no parameters to point at.
        match (&sig.generics.where_clause, sig.generics.params.is_empty()) {
            (_, false) => diagnostics.error(&sig.generics, message),
            (Some(clause), true) => diagnostics.error_at(clause.where_token.span, message),
            (None, true) => diagnostics.error(&sig.ident, message),
        }
    }
    if let Some(variadic) = &sig.variadic {
        diagnostics.error(variadic, format!("{attr} functions cannot be variadic"));
    }
    let typed: Vec<&Type> = sig
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            FnArg::Receiver(receiver) => {
                diagnostics.error(
                    receiver,
                    format!(
                        "{attr} goes on a free function at module level, not on a method; move \
                         `{}` out of the `impl` block",
                        sig.ident
                    ),
                );
                None
            }
            FnArg::Typed(pat) => Some(&*pat.ty),
        })
        .collect();
    let mut uses_impl_trait = false;
    for ty in &typed {
        uses_impl_trait |= check_no_impl_trait(ty, &attr, diagnostics);
    }
    // Types that mention generics or `impl Trait` cannot be named outside the signature, so no
    // helper is generated for them.
    let nameable =
        sig.generics.params.is_empty() && sig.generics.where_clause.is_none() && !uses_impl_trait;
    let has_receiver = typed.len() != sig.inputs.len();
    let expected_count = if has_config { 3 } else { 2 };
    if !has_receiver && sig.inputs.len() != expected_count {
        let message =
            format!(
            "{attr} functions take exactly two parameters, the context and the input{}, found {}; \
             write `{expected}`",
            if has_config { ", then the #[config] parameter" } else { "" },
            sig.inputs.len()
        );
        if sig.inputs.is_empty() {
            diagnostics.error_at(sig.paren_token.span.join(), message);
        } else {
            diagnostics.error(&sig.inputs, message);
        }
    }
    let context = typed.first().copied();
    if let Some(context) = context {
        check_context_kind(kind, context, diagnostics);
    }
    Shape {
        context,
        input: typed
            .get(1)
            .copied()
            .filter(|_| nameable && typed.len() == expected_count),
        output: result_ok_type(kind, sig, &expected, diagnostics).filter(|_| nameable),
        is_method: has_receiver,
    }
}

/// Removes our `#[config]` marker from the parameters, so the function compiles as written, and
/// returns whether the third parameter carries it, and its type when that type is valid. Only the third parameter of an activity may carry
/// it: configuration is shared by every call of an activity, while an orchestration must be
/// deterministic and gets everything through its input.
pub(crate) fn take_config(
    kind: Kind,
    sig: &mut Signature,
    diagnostics: &mut Diagnostics,
) -> (bool, Option<Type>) {
    let mut marked_third = false;
    let mut found = None;
    for (index, arg) in sig.inputs.iter_mut().enumerate() {
        let FnArg::Typed(param) = arg else { continue };
        let Some(position) = param.attrs.iter().position(|a| a.path().is_ident("config")) else {
            continue;
        };
        let marker = param.attrs.remove(position);
        marked_third |= index == 2;
        if !matches!(marker.meta, syn::Meta::Path(_)) {
            diagnostics.error(
                &marker,
                "`#[config]` takes no arguments; write `#[config] config: Arc<YourConfig>`",
            );
        }
        if kind == Kind::Orchestration {
            diagnostics.error(
                &marker,
                "orchestrations cannot take #[config]: they are replayed and must be \
                 deterministic; pass what they need in the input, or read the configuration in an \
                 activity",
            );
        } else if index != 2 {
            diagnostics.error(
                &marker,
                "#[config] marks the third parameter, after the context and the input: \
                 `(ctx: ActivityContext, input: YourInput, #[config] config: Arc<YourConfig>)`",
            );
        } else if !is_arc(&param.ty) {
            diagnostics.error(
                &param.ty,
                "a #[config] parameter is shared by every call of the activity, so it is an \
                 `Arc<YourConfig>`; write `#[config] config: Arc<YourConfig>`",
            );
        } else {
            found = Some((*param.ty).clone());
        }
    }
    (marked_third, found)
}

fn is_arc(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.qself.is_none()
    && path.path.segments.last().is_some_and(|last| {
        last.ident == "Arc" && matches!(&last.arguments, PathArguments::AngleBracketed(a) if a.args.len() == 1)
    }))
}

fn expected_signature(kind: Kind, ident: &syn::Ident) -> String {
    match kind {
        Kind::Activity => format!(
            "async fn {ident}(ctx: ActivityContext, input: YourInput) -> Result<YourOutput, String>"
        ),
        Kind::Orchestration => format!(
            "async fn {ident}(ctx: OrchestrationContext, input: YourInput) -> Result<YourOutput, String>"
        ),
    }
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
pub(crate) fn check_context_kind(kind: Kind, context: &Type, diagnostics: &mut Diagnostics) {
    let (wrong, right) = context_names(kind);
    if context_is_wrong_kind(kind, context) {
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
}

/// Whether the context type was already reported by [`check_context_kind`].
pub(crate) fn context_is_wrong_kind(kind: Kind, context: &Type) -> bool {
    last_segment(context).as_deref() == Some(context_names(kind).0)
}

/// The context type an item of `kind` must not take, and the one it must.
fn context_names(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Activity => ("OrchestrationContext", "ActivityContext"),
        Kind::Orchestration => ("ActivityContext", "OrchestrationContext"),
    }
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
