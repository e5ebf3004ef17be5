//! Finds the activities and sub-orchestrations an orchestration body calls through their
//! companion modules, so that `ACTIVITIES_USED` is derived from the code instead of written
//! beside it.
//!
//! Only companion-shaped uses count, so that an ordinary function or constant that happens to be
//! called `call` or `NAME` never enters the inventory (nor, since each use becomes the
//! expression `path::NAME`, changes what compiles):
//!
//! - a call of a companion helper whose first argument is the orchestration's context
//!   parameter: `provision_vm::call(&ctx, ..)`, `call_with_retry`, `call_on_session`,
//!   `call_with_id`, with `ctx` or `&ctx`;
//! - a companion's `NAME` as the first argument of a `schedule_*` method called on the context:
//!   `ctx.schedule_activity_typed::<In, Out>(activities::legacy::NAME, &input)`.
//!
//! Anything else, a call through a helper function of the user's above all, is listed with
//! `uses(...)`.

use crate::item::{Helper, ModulePath};
use crate::paths::{is_punct, read_path, skip_turbofish, starts_an_expression};
use proc_macro2::{Delimiter, Ident, TokenStream, TokenTree};

/// Collects, in order of first appearance and without repeats, the companion modules the body
/// calls. `context` is the name of the orchestration's context parameter; without one (a
/// pattern such as `_`), nothing in the body can be a call through it.
pub(crate) fn scan(body: &TokenStream, context: Option<&Ident>, found: &mut Vec<ModulePath>) {
    let Some(context) = context else { return };
    let trees: Vec<TokenTree> = body.clone().into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Group(group) => {
                scan(&group.stream(), Some(context), found);
                i += 1;
            }
            // `ctx.schedule_..`: the cheap test on the next token first, since reading an ident's
            // text is a call into the compiler for every ident of the body.
            TokenTree::Ident(ident)
                if is_punct(trees.get(i + 1), '.')
                    && starts_an_expression(&trees, i)
                    && ident == context =>
            {
                if let Some(module) = scheduled_name(&trees, i) {
                    push(found, module);
                }
                i += 1;
            }
            TokenTree::Ident(_) | TokenTree::Punct(_) => {
                let (path, next) = read_path(&trees, i);
                if let Some(module) = path.and_then(|path| helper_call(path, &trees, next, context))
                {
                    push(found, module);
                }
                i = next.max(i + 1);
            }
            TokenTree::Literal(_) => i += 1,
        }
    }
}

fn push(found: &mut Vec<ModulePath>, module: ModulePath) {
    if !found.contains(&module) {
        found.push(module);
    }
}

/// `a::b::call(ctx, ..)`, with the path read up to `next`: the companion module `a::b`, when the
/// parenthesised arguments follow and the first of them is the context.
fn helper_call(
    (segments, leading): (Vec<Ident>, bool),
    trees: &[TokenTree],
    next: usize,
    context: &Ident,
) -> Option<ModulePath> {
    let (helper, module) = segments.split_last()?;
    // A helper is always called through its module; a lone name is not one (nor read as text).
    if module.is_empty() || !matches!(trees.get(next), Some(TokenTree::Group(_))) {
        return None;
    }
    let helper = helper.to_string();
    if !Helper::ALL.iter().any(|known| known.text() == helper) {
        return None;
    }
    let arguments = parenthesized(trees.get(next)?)?;
    first_argument_is_context(&arguments, context).then(|| companion(module, leading))?
}

/// `ctx.schedule_x(a::b::NAME, ..)`, possibly with a turbofish, starting at the context's
/// ident: the companion module `a::b`.
fn scheduled_name(trees: &[TokenTree], start: usize) -> Option<ModulePath> {
    let is_dot = matches!(trees.get(start + 1), Some(TokenTree::Punct(p)) if p.as_char() == '.');
    let method = match trees.get(start + 2) {
        Some(TokenTree::Ident(method)) if is_dot => method,
        _ => return None,
    };
    if !method.to_string().starts_with("schedule_") {
        return None;
    }
    let arguments = parenthesized(trees.get(skip_turbofish(trees, start + 3))?)?;
    let first = first_argument(&arguments);
    let (path, end) = read_path(&first, 0);
    let (segments, leading) = path?;
    let (name, module) = segments.split_last()?;
    (end == first.len() && name == "NAME")
        .then(|| companion(module, leading))
        .flatten()
}

fn parenthesized(tree: &TokenTree) -> Option<Vec<TokenTree>> {
    match tree {
        TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {
            Some(group.stream().into_iter().collect())
        }
        _ => None,
    }
}

/// The tokens of the first argument: up to the first comma at the top level.
fn first_argument(arguments: &[TokenTree]) -> Vec<TokenTree> {
    arguments
        .iter()
        .take_while(|tree| !is_punct(Some(tree), ','))
        .cloned()
        .collect()
}

/// `ctx` or `&ctx`.
fn first_argument_is_context(arguments: &[TokenTree], context: &Ident) -> bool {
    match first_argument(arguments).as_slice() {
        [TokenTree::Ident(ident)] => ident == context,
        [TokenTree::Punct(amp), TokenTree::Ident(ident)] => {
            amp.as_char() == '&' && ident == context
        }
        _ => false,
    }
}

/// The module of a companion item, `a::b` of `a::b::call`. Its last segment must look like a
/// module (lowercase), so that an associated `Type::NAME` is never taken for a companion.
fn companion(module: &[Ident], leading: bool) -> Option<ModulePath> {
    let last = module.last()?.to_string();
    let looks_like_module = last
        .trim_start_matches("r#")
        .starts_with(|c: char| c.is_ascii_lowercase() || c == '_');
    let is_keyword = matches!(last.as_str(), "self" | "super" | "crate" | "Self");
    (looks_like_module && !is_keyword).then(|| ModulePath::new(module.to_vec(), leading))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(body: &str) -> Vec<String> {
        let tokens: TokenStream = body.parse().unwrap();
        let context = Ident::new("ctx", proc_macro2::Span::call_site());
        let mut found = Vec::new();
        scan(&tokens, Some(&context), &mut found);
        found.iter().map(ModulePath::text).collect()
    }

    #[test]
    fn finds_helper_calls_and_scheduled_names_in_order_without_repeats() {
        let body = r#"{
            let vm = activities::provision_vm::call(&ctx, &input).await?;
            let fw = configure_firewall::call_with_retry(&ctx, &cfg, policy).await?;
            let again = activities::provision_vm::call(&ctx, &input).await?;
            let raw = ctx.schedule_activity_typed::<In, Vec<Out>>(crate::activities::legacy::NAME, &x).await?;
            let all = ctx.join(vec![sub::child::call_with_id(&ctx, "id", &x)]).await;
            let s = session::call_on_session(ctx, &x, "s");
            let t = ctx.schedule_sub_orchestration(::other::orchestrations::o::NAME, "i", x);
        }"#;
        assert_eq!(
            scanned(body),
            [
                "activities::provision_vm",
                "configure_firewall",
                "crate::activities::legacy",
                "sub::child",
                "session",
                "::other::orchestrations::o",
            ]
        );
    }

    #[test]
    fn ordinary_functions_and_constants_of_the_same_names_do_not_count() {
        let body = r#"{
            let a = retry::call(1);
            let b = limits::NAME;
            let c = helpers::call(&other, &input);
            let d = ctx.trace_info(limits::NAME);
            let e = ctx.schedule_timer(limits::NAME.len());
            let f = ctx.schedule_activity(format!("{}", a::NAME), x);
            let g = Config::NAME;
            let h = ctx.call(1);
            let i = self::NAME;
            let j = call(&ctx);
            let k = other.ctx.schedule_activity(a::NAME, x);
            let l = steps::provision(&ctx, &input).await?;
        }"#;
        assert!(scanned(body).is_empty(), "{:?}", scanned(body));
    }

    #[test]
    fn closures_and_async_blocks_are_scanned_too() {
        let body = "{ let f = || async move { a::call(&ctx, &i).await }; }";
        assert_eq!(scanned(body), ["a"]);
    }

    #[test]
    fn keeps_paths_as_written_with_leading_colons() {
        let tokens: TokenStream =
            "{ ::other::a::call(&ctx, &i); ctx.schedule_activity(super::b::NAME, i); }"
                .parse()
                .unwrap();
        let context = Ident::new("ctx", proc_macro2::Span::call_site());
        let mut found = Vec::new();
        scan(&tokens, Some(&context), &mut found);
        let written: Vec<String> = found.iter().map(|p| p.as_written().to_string()).collect();
        assert_eq!(written, [":: other :: a", "super :: b"]);
    }

    #[test]
    fn without_a_context_parameter_nothing_counts() {
        let tokens: TokenStream = "{ a::call(&ctx, &i); }".parse().unwrap();
        let mut found = Vec::new();
        scan(&tokens, None, &mut found);
        assert!(found.is_empty());
    }
}
