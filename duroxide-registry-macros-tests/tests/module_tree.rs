//! Each crate of the macros reads as a one-way tree of modules: no two modules import each
//! other, directly or around a circle (`CONTRIBUTING.md`, "The macro crate in one page").
//!
//! A module is a file: `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`. A reference is a path
//! `crate::x::y`, `super::x` or `self::x` anywhere in the file (a `use` group counts each of its
//! paths), resolved to the longest module path that exists. Files are read as Rust tokens, so
//! comments and strings never count. Test modules (files whose path mentions `test`) are left
//! out: they may reach anywhere.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Module = Vec<String>;

#[test]
fn the_facade_is_a_tree() {
    assert_no_cycles(&repository().join("duroxide-registry-macros/src"));
}

#[test]
fn the_proc_macro_crate_is_a_tree() {
    assert_no_cycles(&repository().join("duroxide-registry-macros/impl/src"));
}

/// A cycle of three modules is found: the check can fail.
#[test]
fn a_cycle_is_found() {
    let files = [
        (vec!["a".to_owned()], "use crate::b::f;"),
        (vec!["b".to_owned()], "fn f() { super::c::g() }"),
        (vec!["c".to_owned()], "use crate::{a, d};"),
        (vec!["d".to_owned()], ""),
    ];
    let modules: BTreeMap<Module, TokenStream> = files
        .into_iter()
        .map(|(module, text)| (module, text.parse().unwrap()))
        .collect();
    let cycles = cycles(&edges(&modules));
    assert_eq!(cycles, [vec!["a", "b", "c"]]);
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn assert_no_cycles(src: &Path) {
    let mut modules = BTreeMap::new();
    read_modules(src, src, &mut modules);
    assert!(modules.len() > 3, "no modules under {}", src.display());
    let cycles = cycles(&edges(&modules));
    assert!(
        cycles.is_empty(),
        "modules of {} import each other in a circle: {cycles:?}",
        src.display()
    );
}

fn read_modules(src: &Path, dir: &Path, modules: &mut BTreeMap<Module, TokenStream>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_modules(src, &path, modules);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(src).unwrap().with_extension("");
        let mut module: Module = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module.iter().any(|part| part.contains("test")) {
            continue;
        }
        if matches!(
            module.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            module.pop();
        }
        let text = fs::read_to_string(&path).unwrap();
        let tokens = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        modules.insert(module, tokens);
    }
}

/// Each module's references to other modules (never to itself or to a module it is inside).
fn edges(modules: &BTreeMap<Module, TokenStream>) -> BTreeMap<Module, BTreeSet<Module>> {
    modules
        .iter()
        .map(|(module, tokens)| {
            let mut targets = BTreeSet::new();
            let mut paths = Vec::new();
            collect_paths(tokens.clone(), &[], &mut paths);
            for path in paths {
                if let Some(target) = resolve(module, &path, modules) {
                    if &target != module && !module.starts_with(&target) {
                        targets.insert(target);
                    }
                }
            }
            (module.clone(), targets)
        })
        .collect()
}

/// Every path starting with `crate`, `super` or `self`, as segments; a `{ .. }` group after
/// `::` expands to one path per member, prefixed.
fn collect_paths(tokens: TokenStream, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Group(group) => collect_paths(group.stream(), &[], out),
            TokenTree::Ident(ident)
                if prefix.is_empty()
                    && matches!(ident.to_string().as_str(), "crate" | "super" | "self")
                    && !(i >= 2 && is_separator(&trees, i - 2)) =>
            {
                let (path, next) = read_path(&trees, i, prefix, out);
                out.push(path);
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// Reads `a :: b :: { .. }` from `start`; returns the path and the index after it.
fn read_path(
    trees: &[TokenTree],
    start: usize,
    prefix: &[String],
    out: &mut Vec<Vec<String>>,
) -> (Vec<String>, usize) {
    let mut path = prefix.to_vec();
    let mut i = start;
    while let Some(TokenTree::Ident(ident)) = trees.get(i) {
        path.push(ident.to_string());
        i += 1;
        if !is_separator(trees, i) {
            break;
        }
        i += 2;
        if let Some(TokenTree::Group(group)) = trees.get(i) {
            if group.delimiter() == Delimiter::Brace {
                for member in split_commas(group.stream()) {
                    let (inner, _) = read_path(&member, 0, &path, out);
                    out.push(inner);
                }
                return (path, i + 1);
            }
        }
    }
    (path, i)
}

fn split_commas(tokens: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut parts = vec![Vec::new()];
    for tree in tokens {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => parts.push(Vec::new()),
            _ => parts.last_mut().unwrap().push(tree),
        }
    }
    parts
}

fn is_separator(trees: &[TokenTree], i: usize) -> bool {
    matches!(
        (trees.get(i), trees.get(i + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':'
    )
}

/// The longest module that `path`, written in `module`, reaches.
fn resolve(
    module: &Module,
    path: &[String],
    modules: &BTreeMap<Module, TokenStream>,
) -> Option<Module> {
    let (mut base, mut rest): (Module, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("self") => (module.clone(), &path[1..]),
        Some("super") => (
            module[..module.len().saturating_sub(1)].to_vec(),
            &path[1..],
        ),
        _ => return None,
    };
    while rest.first().is_some_and(|s| s == "super") {
        base.pop();
        rest = &rest[1..];
    }
    (0..=rest.len()).rev().find_map(|n| {
        let mut candidate = base.clone();
        candidate.extend(rest[..n].iter().cloned());
        modules.contains_key(&candidate).then_some(candidate)
    })
}

/// The strongly connected components of more than one module, each sorted.
fn cycles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    // Two modules are in one cycle when each reaches the other.
    let reach = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(module) = stack.pop() {
            for next in &edges[&module] {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&Module, BTreeSet<Module>> =
        edges.keys().map(|module| (module, reach(module))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for (module, reached) in &reaches {
        if !reached.contains(*module) {
            continue;
        }
        let mut cycle: Vec<String> = reached
            .iter()
            .filter(|other| reaches[other].contains(*module))
            .map(|m| m.join("::"))
            .collect();
        cycle.sort();
        if !found.contains(&cycle) {
            found.push(cycle);
        }
    }
    found
}
