//! The constant each entry gets in the `names` module, and version families: entries that share
//! one `as ALIAS` because they are versions of one orchestration.
//!
//! `names: names` gives every entry a constant, `names::orchestrations::PROVISION_POSTGRES`,
//! named by its `as ALIAS` or else by its path's last segment. Entries without `#[cfg]` may share
//! a constant only when each names it with `as`, all are orchestrations, and their `NAME`s are
//! equal, which `registry!` checks in const evaluation (see [`family_checks`]); two default names
//! that would collide are an error at the second entry, asking for `as ALIAS`. Entries under
//! `#[cfg]` that share one are twins, of which a build compiles one: each defines it under its
//! own `#[cfg]`s.

use super::parse::{Entry, Registry};
use super::table::{self, List, PathIds};
use crate::diagnostics::Diagnostics;
use crate::scope::child_path;
use heck::ToShoutySnakeCase;
use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned};

/// An entry and its index in its list.
type Member<'a> = (usize, &'a Entry);

/// One constant of the `names` module and the entries it stands for, in list order.
pub(super) struct Constant<'a> {
    ident: Ident,
    /// Every entry named by it: one, a version family, or `#[cfg]` twins.
    members: Vec<Member<'a>>,
    /// The entries that define it, each under its own `#[cfg]`s: the first member without any,
    /// or, when every member has some (twins, of which a build compiles one), each of them.
    definers: Vec<Member<'a>>,
    /// Whether its members form a version family whose `NAME`s `registry!` holds equal.
    family: bool,
}

/// The constants of both lists.
#[derive(Default)]
pub(super) struct Names<'a> {
    orchestrations: Vec<Constant<'a>>,
    activities: Vec<Constant<'a>>,
}

/// Gives every entry its constant, grouping the entries that share one. Problems are reported
/// only when `registry!` generates a `names` module, the one place the constants matter.
pub(super) fn resolve<'a>(registry: &'a Registry, diagnostics: &mut Diagnostics) -> Names<'a> {
    let mut problems = Diagnostics::new();
    let names = Names {
        orchestrations: constants(&registry.orchestrations, true, &mut problems),
        activities: constants(&registry.activities, false, &mut problems),
    };
    if registry.names.is_some() {
        diagnostics.append(problems);
    } else {
        // Without a `names` module nothing reads the constants, so their problems are not errors.
        problems.discard();
    }
    names
}

fn constants<'a>(
    entries: &'a [Entry],
    orchestrations: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<Constant<'a>> {
    // Grouped by the name's text, read once per entry: comparing two `Ident`s reads both texts
    // from the compiler, which for every pair of entries of a long list adds up.
    let mut groups: Vec<(String, Ident, Vec<Member<'a>>)> = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let Some(ident) = constant_name(entry, diagnostics) else {
            continue;
        };
        let text = ident.to_string();
        match groups.iter_mut().find(|(name, _, _)| *name == text) {
            Some((_, _, members)) => members.push((index, entry)),
            None => groups.push((text, ident, vec![(index, entry)])),
        }
    }
    groups
        .into_iter()
        .map(|(_, ident, members)| group(ident, members, orchestrations, diagnostics))
        .collect()
}

/// One constant from the entries that share its name. Entries without `#[cfg]` that share it
/// must be versions of one orchestration, each naming it with `as`; entries under `#[cfg]`
/// (twins, of which a build compiles one) each define it under their own, and the compiler
/// tells if a build compiles two of them at once.
fn group<'a>(
    ident: Ident,
    members: Vec<Member<'a>>,
    orchestrations: bool,
    diagnostics: &mut Diagnostics,
) -> Constant<'a> {
    let explicit = members.iter().all(|(_, entry)| entry.alias.is_some());
    let plain: Vec<Member<'a>> = members
        .iter()
        .copied()
        .filter(|(_, e)| e.cfgs.is_empty())
        .collect();
    // A constant defined unconditionally may be shared only within an orchestration family.
    let shared = members.len() > 1 && !plain.is_empty();
    if shared && !(explicit && orchestrations) {
        let (first_index, first) = plain[0];
        let second = members
            .iter()
            .map(|(index, entry)| (*index, *entry))
            .find(|(index, _)| *index != first_index)
            .map_or(first, |(_, entry)| entry);
        let (text, first_text) = (&second.text, &first.text);
        let message = if explicit {
            format!(
                "`{text}` shares `as {ident}` with `{first_text}`, but activities have no \
                 versions, so each gets a constant of its own; give it another name"
            )
        } else {
            format!(
                "`{text}` would get the same `names` constant as `{first_text}`, `{ident}`; name \
                 it with `{text} as SOME_NAME` (versions of one orchestration may share one: write \
                 the same `as ALIAS` on each)"
            )
        };
        match &second.alias {
            Some(alias) => diagnostics.error(alias, message),
            None => diagnostics.error(&second.path, message),
        }
    }
    let definers = match plain.first() {
        Some(first) => vec![*first],
        None => members.clone(),
    };
    Constant {
        ident,
        family: orchestrations && explicit && members.len() > 1,
        members,
        definers,
    }
}

/// The entry's `as ALIAS`, or its last segment in SCREAMING_SNAKE_CASE when that is an
/// identifier (`_2fa` gives `2FA`, which is not).
fn constant_name(entry: &Entry, diagnostics: &mut Diagnostics) -> Option<Ident> {
    if let Some(alias) = &entry.alias {
        return Some(alias.clone());
    }
    let path = &entry.path;
    let last = path.segments.last()?;
    let shouty = last
        .ident
        .to_string()
        .trim_start_matches("r#")
        .to_shouty_snake_case();
    match syn::parse_str::<Ident>(&shouty) {
        Ok(mut ident) => {
            ident.set_span(last.ident.span());
            Some(ident)
        }
        Err(_) => {
            diagnostics.error(
                &last.ident,
                format!(
                    "`{}` gives no constant name for `names` (`{shouty}` is not an identifier); \
                     name it with `{} as SOME_NAME`",
                    last.ident, entry.text
                ),
            );
            None
        }
    }
}

/// The pattern's `names::orchestrations::PROVISION_POSTGRES` constants, each its entry's own
/// `NAME`, so that they cannot drift. A family's constant is its first member's `NAME`, which
/// the family checks hold equal to every other member's.
pub(super) fn module(module: &Ident, names: &Names, registry: &Registry) -> TokenStream {
    let constants = |constants: &[Constant]| -> Vec<TokenStream> {
        constants.iter().map(|c| constant(c, registry)).collect()
    };
    let orchestrations = constants(&names.orchestrations);
    let activities = constants(&names.activities);
    quote! {
        /// Name constants of everything listed in `registry!`, as the pattern's `names.rs` has them.
        pub mod #module {
            /// Orchestration names.
            pub mod orchestrations {
                #(#orchestrations)*
            }
            /// Activity names.
            pub mod activities {
                #(#activities)*
            }
        }
    }
}

fn constant(constant: &Constant, registry: &Registry) -> TokenStream {
    let ident = &constant.ident;
    // Plain text, not a link: the function and its companion module share the path, and
    // rustdoc cannot tell which one a link from generated docs means.
    let written: Vec<String> = constant
        .members
        .iter()
        .map(|(_, e)| format!("`{}`", e.text))
        .collect();
    let doc = if constant.family {
        format!(
            "The name of {}, versions of one orchestration.",
            written.join(", ")
        )
    } else {
        format!("The name of {}.", written.join(" or "))
    };
    let private = registry.support.private();
    constant
        .definers
        .iter()
        .map(|(_, definer)| {
            let cfgs = &definer.cfgs;
            // Two modules down, in `names::orchestrations`; `NO_NAME` for an entry that is no
            // companion, which the table's read reports.
            let name = table::read_at(definer, &child_path(&definer.path, 2), "NAME");
            quote_spanned! {definer.span=>
                #(#cfgs)*
                #[doc = #doc]
                pub const #ident: &str = {
                    #[allow(unused_imports)]
                    use #private::NO_NAME as NAME;
                    #name
                };
            }
        })
        .collect()
}

/// Inside the checks' const block: for every member of a family after the first, a `const`,
/// spanned at its entry, that fails unless its `NAME` is the first member's.
pub(super) fn family_checks(names: &Names, registry: &Registry, paths: &PathIds) -> TokenStream {
    // `checks` is the checks block's own import of the facade's module, so that the whole call
    // is spanned at the entry: the error of a const check is reported at the span of its call.
    // `TABLE`, the checks block's reference to the table: handed to each check as it is, never
    // taken by reference again (see `checks.rs`).
    let at = table::At {
        registry,
        paths,
        table: quote!(TABLE),
    };
    let mut checks = TokenStream::new();
    for constant in names.orchestrations.iter().filter(|c| c.family) {
        // Every member is held to the one that defines the constant (the first without
        // `#[cfg]`, so that the check runs in every build that has the member).
        let (first_index, first) = constant.definers[0];
        let first_row = at.row(List::Orchestrations, first_index, first);
        for (index, member) in constant
            .members
            .iter()
            .filter(|(index, _)| *index != first_index)
        {
            let alias = constant.ident.to_string();
            let (text, first_text) = (&member.text, &first.text);
            let row = at.row(List::Orchestrations, *index, member);
            let cfgs = first.cfgs.iter().chain(&member.cfgs);
            let span = member.alias.as_ref().map_or(member.span, Ident::span);
            let names = [member, first].map(|entry| table::read(entry, "NAME"));
            let private = registry.support.private();
            checks.extend(quote_spanned! {span=>
                #(#cfgs)*
                const _: () = {
                    #[allow(unused_imports)]
                    use #private::NO_NAME as NAME;
                    checks::same_name(TABLE, #row, #first_row, [#(#names),*], [#text, #alias, #first_text])
                };
            });
        }
    }
    checks
}
