//! The rules every resolved item must follow, checked on the model once it is complete.
//!
//! Each rule is one function that reads the [`Item`] and pushes an error at the token to blame.
//! Rules never change the item: whatever they find, generation still emits the function and its
//! companion, so a broken rule cannot cascade into other errors. To add one, write the function,
//! list it in [`RULES`], and pin its message with a UI case (see `CONTRIBUTING.md`).

use crate::determinism;
use crate::diagnostics::Diagnostics;
use crate::item::{Channel, Item, Kind};
use crate::naming::{self, Part};

type Rule = fn(&Item, &mut Diagnostics);

/// Every rule, in the order their errors are reported.
const RULES: &[Rule] = &[
    declaration_names_its_item,
    in_place_needs_a_name,
    name_follows_the_convention,
    interface_is_well_formed,
    deterministic_body,
];

pub(crate) fn check(item: &Item, diagnostics: &mut Diagnostics) {
    for rule in RULES {
        rule(item, diagnostics);
    }
}

/// A declaration stands for work implemented elsewhere, so every default taken from this crate
/// (its package name, the function's name) could name the wrong item: the prefix and the name
/// must be written. One error for both, at the `;` that makes it a declaration.
fn declaration_names_its_item(item: &Item, diagnostics: &mut Diagnostics) {
    let Some(semi) = item.function.declaration else {
        return;
    };
    let has_prefix = item.args.prefix.is_some() || item.args.crate_prefix.is_some();
    let missing: Vec<&str> = [
        (!has_prefix).then_some("`prefix`"),
        item.args.name.is_none().then_some("`name`"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return;
    }
    let kind = item.kind.segment();
    let example = match item.kind {
        Kind::Activity => r#"prefix = "payments-worker", name = "charge-card""#,
        Kind::Orchestration => r#"prefix = "duroxide-azure-arm", name = "provision-postgres""#,
    };
    diagnostics.error_at(
        semi,
        format!(
            "this #[{kind}] has no body: it declares work implemented elsewhere, where defaults \
             taken from this crate would name the wrong item; give its {} as published, like \
             `#[{kind}({example})]` (`crate_prefix` says it is this crate's own)",
            missing.join(" and "),
        ),
    );
}

/// In place, the function's name (`activity`, or `create_instance_1_0_5_orchestration` in a file
/// of its own) says nothing about the wire name, so it must be given. The error points at `flat`,
/// or at the function's name when that is what put the items in place.
fn in_place_needs_a_name(item: &Item, diagnostics: &mut Diagnostics) {
    // A declaration's own rule asks for the name.
    if !item.in_place || item.args.name.is_some() || item.function.is_declaration() {
        return;
    }
    let kind = item.kind.segment();
    let ident = &item.function.sig.ident;
    let why = match item.args.flat {
        Some(_) => "with `flat`".to_owned(),
        None => format!("on a function named `{ident}`"),
    };
    let message = format!(
        "#[{kind}] {why} puts its items in this module, as the pattern's file-per-item layout \
         has them, so the function's name gives no wire name; give the one the crate publishes, \
         like `name = \"{example}\"`",
        example = match item.kind {
            Kind::Activity => "provision-vm",
            Kind::Orchestration => "create-instance",
        },
    );
    match item.args.flat {
        Some(span) => diagnostics.error_at(span, message),
        None => diagnostics.error(ident, message),
    }
}

/// An orchestration's body makes no call that replay cannot repeat (see `determinism.rs`), unless
/// `allow_nondeterminism` says why it may. Each call is reported at its path, with what to use
/// instead.
fn deterministic_body(item: &Item, diagnostics: &mut Diagnostics) {
    if item.kind != Kind::Orchestration || item.args.allow_nondeterminism.is_some() {
        return;
    }
    for finding in determinism::scan(&item.function.body) {
        diagnostics.error(&finding.tokens, finding.family.message(&finding.written));
    }
}

/// Each event, queue and KV key of an orchestration's interface has a usable wire name of its
/// own: not empty, not duroxide's (`__duroxide...`), without whitespace (a lock line pins it),
/// and no key or wire name twice within one kind. Each error points at the second key, or at the
/// wire name as written.
fn interface_is_well_formed(item: &Item, diagnostics: &mut Diagnostics) {
    for channel in Channel::ALL {
        let (word, words) = (channel.noun(), channel.plural());
        let declared = item.args.interface.of(channel);
        for (index, d) in declared.iter().enumerate() {
            let (key, wire) = (d.key.to_string(), d.wire_name());
            if let Some(problem) = wire_problem(&wire) {
                diagnostics.error_at(d.wire_span(), format!("the {word} `{key}` {problem}"));
            }
            let earlier = &declared[..index];
            if earlier.iter().any(|e| e.key == d.key) {
                diagnostics.error(
                    &d.key,
                    format!("the {word} `{key}` is declared twice; keep one"),
                );
            } else if let Some(first) = earlier.iter().find(|e| e.wire_name() == wire) {
                diagnostics.error_at(
                    d.wire_span(),
                    format!(
                        "the {words} `{}` and `{key}` share the wire name `{wire}`, so one could \
                         not be told from the other; give `{key}` its own with `as \"...\"`",
                        first.key
                    ),
                );
            }
        }
    }
}

/// What is wrong with a wire name, if anything, as the rest of a sentence about its item.
fn wire_problem(wire: &str) -> Option<String> {
    if wire.is_empty() {
        return Some(
            "has an empty wire name; give one, like `as \"approval\"`, or drop `as` to use the key"
                .to_owned(),
        );
    }
    let problem = if wire.starts_with("__duroxide") {
        "starts with `__duroxide`, which duroxide reserves for its own names; choose another"
    } else if wire.chars().any(|c| c.is_whitespace() || c.is_control()) {
        "holds whitespace or a control character, which the registry lock's lines cannot hold; \
         choose one without"
    } else {
        return None;
    };
    Some(format!("has the wire name `{wire}`, which {problem}"))
}

/// The short name is kebab-case and not reserved. The error points at the `name` argument, or,
/// for a default name, at the function's name, asking for an explicit one.
fn name_follows_the_convention(item: &Item, diagnostics: &mut Diagnostics) {
    if item.in_place && item.args.name.is_none() {
        return; // `in_place_needs_a_name` asks for one.
    }
    let kind = item.kind.segment();
    let Err(message) = naming::check(&item.name, Part::Name(kind)) else {
        return;
    };
    match &item.args.name {
        Some(written) => diagnostics.error(written, message),
        None => diagnostics.error(
            &item.function.sig.ident,
            format!(
                "the function's name gives no valid default {kind} name: {message}; give one \
                 explicitly with `name = \"...\"`"
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Diagnostics;
    use crate::item::Kind;
    use quote::quote;

    fn errors(args: proc_macro2::TokenStream, function: proc_macro2::TokenStream) -> Vec<String> {
        let function = crate::signature::parse(function).unwrap();
        let mut diagnostics = Diagnostics::new();
        let item = crate::resolve::item(Kind::Activity, args, function, &mut diagnostics);
        super::check(&item, &mut diagnostics);
        diagnostics.into_messages()
    }

    #[test]
    fn a_written_name_is_blamed_as_written() {
        let function = quote!(
            async fn f(c: ActivityContext, i: u8) -> Result<u8, String> {}
        );
        assert_eq!(
            errors(quote!(name = "ProvisionVM"), function),
            ["activity name `ProvisionVM` is not kebab-case: use lowercase ASCII words joined by \
              single hyphens; try `provision-vm`"]
        );
    }

    #[test]
    fn a_default_name_asks_for_an_explicit_one() {
        let function = quote!(
            async fn café(c: ActivityContext, i: u8) -> Result<u8, String> {}
        );
        let errors = errors(quote!(), function);
        assert!(
            errors[0].starts_with("the function's name gives no valid default activity name"),
            "{errors:?}"
        );
        assert!(errors[0].ends_with("give one explicitly with `name = \"...\"`"));
    }
}
