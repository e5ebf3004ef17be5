//! Finds the activities and sub-orchestrations an orchestration body calls through their
//! companion modules (`provision_vm::call(..)`, `activities::provision_vm::NAME`), so that
//! `ACTIVITIES_USED` is derived from the code instead of written beside it.

use crate::item::ModulePath;
use proc_macro2::{Ident, TokenStream, TokenTree};

/// Companion items whose use means "this body calls that item".
const MARKERS: &[&str] = &[
    "call",
    "call_with_retry",
    "call_on_session",
    "call_with_id",
    "NAME",
];

/// Collects, in order of first appearance and without repeats, the module paths that the body
/// uses a companion item through.
pub(crate) fn scan(body: &TokenStream, found: &mut Vec<ModulePath>) {
    let trees: Vec<TokenTree> = body.clone().into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Group(group) => {
                scan(&group.stream(), found);
                i += 1;
            }
            TokenTree::Ident(_) | TokenTree::Punct(_) => {
                let (path, next) = read_path(&trees, i);
                if let Some(module) = path.and_then(companion_module) {
                    if !found.contains(&module) {
                        found.push(module);
                    }
                }
                i = next.max(i + 1);
            }
            TokenTree::Literal(_) => i += 1,
        }
    }
}

/// Reads `[::] ident (:: ident)*` starting at `start`; returns the segments and the index after.
fn read_path(trees: &[TokenTree], start: usize) -> (Option<(Vec<Ident>, bool)>, usize) {
    let mut i = start;
    let leading = is_path_sep(trees, i);
    if leading {
        i += 2;
    }
    let mut segments = Vec::new();
    while let Some(TokenTree::Ident(ident)) = trees.get(i) {
        segments.push(ident.clone());
        i += 1;
        if is_path_sep(trees, i) && matches!(trees.get(i + 2), Some(TokenTree::Ident(_))) {
            i += 2;
        } else {
            break;
        }
    }
    // A path right after `.` is a method or field, and after `as` is a cast: neither names a module.
    let after_dot =
        start > 0 && matches!(&trees[start - 1], TokenTree::Punct(p) if p.as_char() == '.');
    if segments.is_empty() || after_dot {
        return (None, i);
    }
    (Some((segments, leading)), i)
}

fn is_path_sep(trees: &[TokenTree], i: usize) -> bool {
    matches!(
        (trees.get(i), trees.get(i + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && b.as_char() == ':' && a.spacing() == proc_macro2::Spacing::Joint
    )
}

/// `a::b::call` names the companion module `a::b`. The module's last segment must look like a
/// module (lowercase), so that an associated `Type::NAME` is not mistaken for a companion.
fn companion_module((segments, leading): (Vec<Ident>, bool)) -> Option<ModulePath> {
    let (marker, module) = segments.split_last()?;
    let last_module = module.last()?;
    let marker_text = marker.to_string();
    let module_text = last_module.to_string();
    let looks_like_module = module_text
        .trim_start_matches("r#")
        .starts_with(|c: char| c.is_ascii_lowercase() || c == '_');
    let is_keyword = matches!(module_text.as_str(), "self" | "super" | "crate" | "Self");
    (MARKERS.contains(&marker_text.as_str()) && looks_like_module && !is_keyword)
        .then(|| ModulePath::new(module.to_vec(), leading))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(body: &str) -> Vec<String> {
        let tokens: TokenStream = body.parse().unwrap();
        let mut found = Vec::new();
        scan(&tokens, &mut found);
        found.iter().map(ModulePath::text).collect()
    }

    #[test]
    fn finds_calls_and_names_in_order_without_repeats() {
        let body = r#"{
            let vm = activities::provision_vm::call(&ctx, &input).await?;
            let fw = configure_firewall::call_with_retry(&ctx, &cfg, policy).await?;
            let again = activities::provision_vm::call(&ctx, &input).await?;
            let raw = ctx.schedule_activity_typed(crate::activities::legacy::NAME, &x).await?;
            let all = ctx.join(vec![sub::child::call_with_id(&ctx, "id", &x)]).await;
            let s = session::call_on_session(&ctx, &x, "s");
        }"#;
        assert_eq!(
            scanned(body),
            [
                "activities::provision_vm",
                "configure_firewall",
                "crate::activities::legacy",
                "sub::child",
                "session",
            ]
        );
    }

    #[test]
    fn ignores_types_methods_and_unrelated_paths() {
        let body = r#"{
            let a = Config::NAME;
            let b = ctx.call(1);
            let c = std::mem::take(&mut x);
            let d = self::NAME;
            let e = call(1);
        }"#;
        assert!(scanned(body).is_empty(), "{:?}", scanned(body));
    }

    #[test]
    fn keeps_paths_as_written_with_leading_colons() {
        let tokens: TokenStream = "{ ::other::a::call(&c, &i); super::b::NAME; self::c::NAME; }"
            .parse()
            .unwrap();
        let mut found = Vec::new();
        scan(&tokens, &mut found);
        let written: Vec<String> = found.iter().map(|p| p.as_written().to_string()).collect();
        assert_eq!(written, [":: other :: a", "super :: b", "self :: c"]);
    }
}
