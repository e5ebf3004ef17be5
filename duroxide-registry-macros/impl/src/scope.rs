//! Names one level down: how a type, path or visibility written in one module is spelled inside
//! a module below it, such as a companion (a child of the function's module) or `registry!`'s
//! `names` module.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{Type, Visibility};

/// Names a companion cannot reach through `super::`, because they may come from a prelude
/// rather than from the parent module: std's prelude types and traits, and the primitive types.
const PRELUDE: &[&str] = &[
    "Option", "Result", "String", "Vec", "Box", "Send", "Sync", "Sized", "Unpin", "Fn", "FnMut",
    "FnOnce", "Iterator", "Future", "bool", "char", "str", "u8", "u16", "u32", "u64", "u128",
    "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64",
];

/// Idents that can appear in a type without naming anything in the parent module: keywords,
/// and the `_` placeholder.
const NOT_NAMES: &[&str] = &[
    "_", "dyn", "impl", "mut", "const", "fn", "for", "unsafe", "extern", "as", "crate", "Self",
];

/// How one companion reaches its parent's names.
///
/// A glob import (`use super::*;`) would do for every name, but it copies every name of the
/// parent module into the companion: work proportional to the parent's size, for each companion
/// in it, so quadratic in a module of many annotated functions. So names are rewritten as
/// `super::Name` where that means the same, and the glob is kept only for a companion that
/// mentions names that may live elsewhere: prelude names (`String`, `Vec<T>`, which a crate may
/// also define itself) and the first segment of a relative path (`types::Input`, which may be a
/// module of the parent or another crate). (An orchestration's `ACTIVITIES_USED` paths, which
/// are relative paths too, are not resolved in the companion at all: see `orchestration.rs`.)
pub(crate) struct Scope {
    glob: bool,
}

impl Scope {
    pub(crate) fn new<'a>(types: impl IntoIterator<Item = &'a Type>) -> Self {
        let mut glob = false;
        for ty in types {
            rewrite(ty.to_token_stream(), &mut glob, false);
        }
        Scope { glob }
    }

    /// Whether the companion imports its parent's names with `use super::*;`.
    pub(crate) fn glob(&self) -> bool {
        self.glob
    }

    /// `ty` as written in the companion. With the glob, names stay as they are (a `super::`
    /// there would trip `unused_qualifications` in the user's crate), except `Input`, `Output`
    /// and `Config`, which the companion's own aliases would shadow.
    pub(crate) fn ty(&self, ty: &Type) -> TokenStream {
        rewrite(ty.to_token_stream(), &mut false, self.glob)
    }
}

/// `vis`, written beside the function, as written inside its companion so that it reaches the
/// same modules. A re-export from the companion may reach no further than the item it
/// re-exports, and one module down, `pub(super)` and a private item mean something else.
pub(crate) fn visibility(vis: &Visibility) -> TokenStream {
    let Visibility::Restricted(restricted) = vis else {
        return match vis {
            Visibility::Inherited => quote!(pub(super)),
            _ => quote!(#vis),
        };
    };
    let segments: Vec<&Ident> = restricted.path.segments.iter().map(|s| &s.ident).collect();
    match segments.split_first() {
        Some((first, [])) if *first == "self" => quote!(pub(super)),
        Some((first, rest)) if *first == "self" => quote!(pub(in super #(:: #rest)*)),
        Some((first, _)) if *first == "super" => quote!(pub(in super #(:: #segments)*)),
        _ => quote!(#vis),
    }
}

/// `path`, written in some module, as seen from `depth` modules below it: `super::` for each
/// level, unless the path is anchored (`crate::`, `::`), and `self::` becomes the first `super`.
/// (A path that starts with another crate's name, which only resolves at the crate's root or
/// through the extern prelude, is outside what this supports: anchor it with `::`.)
pub(crate) fn child_path(path: &syn::Path, depth: usize) -> TokenStream {
    let first = path.segments.first().map(|s| &s.ident);
    if path.leading_colon.is_some() || first.is_some_and(|i| i == "crate") {
        return quote!(#path);
    }
    let supers = (0..depth).map(|_| Ident::new("super", path_span(path)));
    let segments: Vec<&Ident> = path.segments.iter().map(|s| &s.ident).collect();
    match first {
        Some(first) if first == "self" => {
            let rest = &segments[1..];
            quote!(#(#supers)::* #(:: #rest)*)
        }
        _ => quote!(#(#supers::)* #(#segments)::*),
    }
}

fn path_span(path: &syn::Path) -> proc_macro2::Span {
    path.segments
        .first()
        .map_or_else(proc_macro2::Span::call_site, |s| s.ident.span())
}

/// Rewrites `tokens` for the companion; sets `needs_glob` when a name can only be reached
/// through the glob, and leaves such names untouched when `glob` says it is there.
fn rewrite(tokens: TokenStream, needs_glob: &mut bool, glob: bool) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    for (index, tree) in trees.iter().enumerate() {
        let TokenTree::Ident(ident) = tree else {
            out.push(match tree {
                TokenTree::Group(group) => {
                    let stream = rewrite(group.stream(), needs_glob, glob);
                    let mut rewritten = proc_macro2::Group::new(group.delimiter(), stream);
                    rewritten.set_span(group.span());
                    TokenTree::Group(rewritten)
                }
                other => other.clone(),
            });
            continue;
        };
        let punct_at = |at: usize, ch: char| matches!(trees.get(at), Some(TokenTree::Punct(p)) if p.as_char() == ch);
        let path_sep_at = |at: usize| punct_at(at, ':') && punct_at(at + 1, ':');
        // Inside a path (`a::b`) or a lifetime (`'a`), an ident does not start a name; nor does
        // an associated type in a binding or a bound (`Iterator<Item = T>`, `Iterator<Item: B>`).
        let continues = index >= 2 && path_sep_at(index - 2)
            || index >= 1 && punct_at(index - 1, '\'')
            || punct_at(index + 1, '=')
            || punct_at(index + 1, ':') && !path_sep_at(index + 1);
        let text = ident.to_string();
        let super_ = TokenTree::Ident(Ident::new("super", ident.span()));
        let qualified = |out: &mut Vec<TokenTree>| {
            out.push(super_.clone());
            out.extend(quote!(::));
            out.push(tree.clone());
        };
        if continues || NOT_NAMES.contains(&text.as_str()) {
            out.push(tree.clone());
        } else if text == "self" {
            out.push(super_);
        } else if matches!(text.as_str(), "super" | "Input" | "Output" | "Config") {
            qualified(&mut out);
        } else if path_sep_at(index + 1)
            || punct_at(index + 1, '!')
            || PRELUDE.contains(&text.as_str())
        {
            // A relative path, a macro, or a name that may come from a prelude.
            *needs_glob = true;
            out.push(tree.clone());
        } else if glob {
            out.push(tree.clone());
        } else {
            qualified(&mut out);
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(types: &[&str]) -> (bool, Vec<String>) {
        let types: Vec<Type> = types.iter().map(|t| syn::parse_str(t).unwrap()).collect();
        let scope = Scope::new(&types);
        let written = types.iter().map(|t| scope.ty(t).to_string()).collect();
        (scope.glob(), written)
    }

    #[test]
    fn local_names_are_reached_through_super_without_a_glob() {
        let (glob, written) = seen(&["ProvisionVmInput", "(Reply, [Item; 4])", "&'static Config"]);
        assert!(!glob);
        assert_eq!(
            written,
            [
                "super :: ProvisionVmInput",
                "(super :: Reply , [super :: Item ; 4])",
                "& 'static super :: Config",
            ]
        );
    }

    #[test]
    fn prelude_names_and_relative_paths_need_the_glob_and_stay_as_written() {
        for ty in [
            "String",
            "Vec<Reply>",
            "types::Reply",
            "serde_json::Value",
            "m!()",
        ] {
            let (glob, written) = seen(&[ty, "Reply"]);
            assert!(glob, "{ty}");
            let expected = syn::parse_str::<Type>(ty)
                .unwrap()
                .to_token_stream()
                .to_string();
            assert_eq!(written, [expected, "Reply".to_owned()], "{ty}");
        }
    }

    #[test]
    fn visibility_reaches_as_far_from_the_companion() {
        for (written, seen) in [
            ("pub", "pub"),
            ("", "pub (super)"),
            ("pub(crate)", "pub (crate)"),
            ("pub(self)", "pub (super)"),
            ("pub(super)", "pub (in super :: super)"),
            ("pub(in crate::a)", "pub (in crate :: a)"),
            ("pub(in self::a)", "pub (in super :: a)"),
            ("pub(in super::a)", "pub (in super :: super :: a)"),
        ] {
            let vis: Visibility = syn::parse_str(written).unwrap();
            assert_eq!(visibility(&vis).to_string(), seen, "{written}");
        }
    }

    #[test]
    fn anchored_paths_and_the_companions_own_names() {
        let (glob, written) = seen(&[
            "crate::types::Reply",
            "::std::string::String",
            "self::Reply",
            "super::Reply",
            "Input",
            "Box<dyn Iterator<Item = Output> + Send>",
            "Box<dyn Iterator<Item: Local>>",
        ]);
        assert!(glob, "Box and Send come from the prelude");
        assert_eq!(
            written,
            [
                "crate :: types :: Reply",
                ":: std :: string :: String",
                "super :: Reply",
                "super :: super :: Reply",
                "super :: Input",
                "Box < dyn Iterator < Item = super :: Output > + Send >",
                "Box < dyn Iterator < Item : Local > >",
            ]
        );
    }
}
