//! Paths read out of raw token streams. Function bodies are passed on as tokens and never
//! parsed (which keeps the macros cheap), so what the body scans look for, `a::b::call(..)` or
//! `Instant::now()`, is read token by token.

use proc_macro2::{Ident, Spacing, TokenTree};

/// Reads `[::] ident (:: ident)*` starting at `start`; returns the segments and the index after.
pub(crate) fn read_path(trees: &[TokenTree], start: usize) -> (Option<(Vec<Ident>, bool)>, usize) {
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
    // A path right after `.` is a method or field, not a module.
    let after_dot = start > 0 && is_punct(trees.get(start - 1), '.');
    if segments.is_empty() || after_dot {
        return (None, i);
    }
    (Some((segments, leading)), i)
}

/// Whether the ident at `i` stands on its own: not after `::` (a path's segment) nor `.` (a
/// field or method of something else).
pub(crate) fn starts_an_expression(trees: &[TokenTree], i: usize) -> bool {
    let after_path = i >= 2 && is_path_sep(trees, i - 2);
    let after_dot = i >= 1 && is_punct(trees.get(i - 1), '.');
    !after_path && !after_dot
}

/// The index after a `::<...>` at `at`, or `at` when there is none.
pub(crate) fn skip_turbofish(trees: &[TokenTree], at: usize) -> usize {
    if !is_path_sep(trees, at) || !is_punct(trees.get(at + 2), '<') {
        return at;
    }
    let mut depth = 0usize;
    let mut i = at + 2;
    while let Some(tree) = trees.get(i) {
        if is_punct(Some(tree), '<') {
            depth += 1;
        } else if is_punct(Some(tree), '>') {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return i + 1;
            }
        }
        i += 1;
    }
    i
}

pub(crate) fn is_path_sep(trees: &[TokenTree], i: usize) -> bool {
    matches!(
        (trees.get(i), trees.get(i + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && b.as_char() == ':' && a.spacing() == Spacing::Joint
    )
}

pub(crate) fn is_punct(tree: Option<&TokenTree>, ch: char) -> bool {
    matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == ch)
}
