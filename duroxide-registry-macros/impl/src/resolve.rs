//! Resolves an annotated function and its arguments into an [`Item`]: the full name from the
//! prefix and the short name, the version, the description, what the body uses, and how the
//! companion reaches the signature's types. Every problem goes into the diagnostics; the item is
//! still produced, as complete as the input allows, so that generation can emit the function and
//! its companion anyway.

use crate::args;
use crate::diagnostics::Diagnostics;
use crate::item::{Args, Function, Item, Kind, ModulePath};
use crate::naming::{self, Part};
use crate::scope::Scope;
use crate::signature;
use crate::support::Support;
use crate::usage;
use crate::version;
use proc_macro2::{Span, TokenStream};
use syn::{Attribute, Expr, Lit, Meta};

pub(crate) fn item(
    kind: Kind,
    args: TokenStream,
    mut function: Function,
    diagnostics: &mut Diagnostics,
) -> Item {
    let args = args::parse(kind, args, diagnostics);
    let config = signature::take_config(kind, &mut function.sig, diagnostics);
    let shape = signature::check(kind, &function.sig, config.marked_third, diagnostics);
    let prefix = resolve_prefix(&args, std::env::var("CARGO_PKG_NAME").ok(), diagnostics);
    let support = resolve_support(&args, diagnostics);
    // Checked against the convention by `rules`, which knows where it came from.
    let name = args.name.as_ref().map_or_else(
        || naming::default_name(&function.sig.ident),
        syn::LitStr::value,
    );
    let (version, version_key) = resolve_version(&args, diagnostics);
    let mut uses: Vec<ModulePath> = args.uses.iter().map(ModulePath::from_syn).collect();
    if kind == Kind::Orchestration {
        usage::scan(&function.body, context_parameter(&function), &mut uses);
    }
    let description = args
        .description
        .as_ref()
        .map_or_else(|| doc_summary(&function.attrs), syn::LitStr::value);
    let cfgs = function
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg") || a.path().is_ident("cfg_attr"))
        .cloned()
        .collect();
    let scope = {
        let types = [shape.input, shape.output, shape.context, config.ty.as_ref()];
        Scope::new(types.into_iter().flatten().chain(args.interface.types()))
    };
    Item {
        kind,
        full_name: format!("{prefix}::{}::{name}", kind.segment()),
        name,
        prefix,
        description,
        idempotent: args.idempotent.as_ref().is_some_and(|flag| flag.value),
        version,
        explicit_version: args.version.is_some(),
        version_key,
        uses,
        context: shape.context.cloned(),
        input: shape.input.cloned(),
        output: shape.output.cloned(),
        config: config.ty,
        sound: shape.sound && config.sound,
        is_method: shape.is_method,
        in_place: args.flat.is_some() || function.sig.ident == kind.segment(),
        cfgs,
        scope,
        support,
        function,
        args,
    }
}

/// The facade's path: `crate = "..."`, or `::duroxide_registry_macros`.
fn resolve_support(args: &Args, diagnostics: &mut Diagnostics) -> Support {
    let Some(literal) = &args.krate else {
        return Support::default();
    };
    Support::parse(literal).unwrap_or_else(|error| {
        diagnostics.push(error);
        Support::default()
    })
}

/// The name the body knows the context by: the first parameter's, when it is a plain name.
fn context_parameter(function: &Function) -> Option<&syn::Ident> {
    match function.sig.inputs.first()? {
        syn::FnArg::Typed(param) => match &*param.pat {
            syn::Pat::Ident(pat) => Some(&pat.ident),
            _ => None,
        },
        syn::FnArg::Receiver(_) => None,
    }
}

/// The explicit prefix, or else the package name, which Cargo hands the compiler as
/// `CARGO_PKG_NAME`.
fn resolve_prefix(args: &Args, package: Option<String>, diagnostics: &mut Diagnostics) -> String {
    if let Some(prefix) = &args.prefix {
        let value = prefix.value();
        if let Err(message) = naming::check(&value, Part::Prefix) {
            diagnostics.error(prefix, message);
        }
        return value;
    }
    let span = args.crate_prefix.unwrap_or_else(Span::call_site);
    match package {
        Some(package) => {
            if naming::check(&package, Part::Prefix).is_err() {
                let fix = naming::suggest(&package).map_or_else(
                    || "prefix = \"...\"".to_owned(),
                    |s| format!("prefix = \"{s}\""),
                );
                diagnostics.error_at(
                    span,
                    format!(
                        "the default crate prefix would be the package name `{package}`, which is \
                         not kebab-case; names are never rewritten silently, so give the prefix \
                         explicitly: `{fix}`"
                    ),
                );
            }
            package
        }
        None => {
            diagnostics.error_at(
                span,
                "CARGO_PKG_NAME is not set, so there is no default crate prefix (is this built \
                 outside Cargo?); set one explicitly: `prefix = \"my-crate\"`",
            );
            String::new()
        }
    }
}

fn resolve_version(args: &Args, diagnostics: &mut Diagnostics) -> (String, Vec<u8>) {
    let Some(literal) = &args.version else {
        return (version::DEFAULT.to_owned(), version::default_key());
    };
    let text = literal.value();
    match version::parse(&text) {
        Ok(parsed) => (text, version::sort_key(&parsed)),
        Err(message) => {
            diagnostics.error(literal, message);
            (text, version::default_key())
        }
    }
}

/// The first paragraph of the doc comment, each line trimmed, joined with single spaces.
fn doc_summary(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        let Meta::NameValue(meta) = &attr.meta else {
            continue;
        };
        let Expr::Lit(expr) = &meta.value else {
            continue;
        };
        let Lit::Str(text) = &expr.lit else { continue };
        lines.extend(
            text.value()
                .split('\n')
                .map(|line| line.trim().to_owned())
                .collect::<Vec<_>>(),
        );
    }
    lines
        .iter()
        .skip_while(|line| line.is_empty())
        .take_while(|line| !line.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::{doc_summary, resolve_prefix};
    use crate::diagnostics::Diagnostics;
    use crate::item::Args;

    fn default_prefix_errors(package: Option<&str>) -> String {
        let mut diagnostics = Diagnostics::new();
        resolve_prefix(
            &Args::default(),
            package.map(str::to_owned),
            &mut diagnostics,
        );
        diagnostics.into_compile_errors().to_string()
    }

    #[test]
    fn a_kebab_case_package_name_is_the_default_prefix() {
        assert_eq!(default_prefix_errors(Some("duroxide-azure-arm")), "");
    }

    #[test]
    fn a_snake_case_package_name_asks_for_an_explicit_prefix() {
        let errors = default_prefix_errors(Some("my_crate"));
        assert!(errors.contains("package name `my_crate`"), "{errors}");
        assert!(errors.contains(r#"prefix = \"my-crate\""#), "{errors}");
        assert!(errors.contains("never rewritten silently"), "{errors}");
    }

    #[test]
    fn a_missing_package_name_asks_for_an_explicit_prefix() {
        assert!(default_prefix_errors(None).contains("CARGO_PKG_NAME is not set"));
    }

    #[test]
    fn description_is_the_trimmed_first_paragraph() {
        let item: syn::ItemFn = syn::parse_quote! {
            ///
            ///   Provision an Azure VM
            ///  in a resource group.
            ///
            /// Details that stay out of the summary.
            fn f() {}
        };
        assert_eq!(
            doc_summary(&item.attrs),
            "Provision an Azure VM in a resource group."
        );
    }

    #[test]
    fn block_doc_comments_count_too() {
        let item: syn::ItemFn = syn::parse_quote! {
            /** First line
                second line

                rest */
            fn f() {}
        };
        assert_eq!(doc_summary(&item.attrs), "First line second line");
    }
}
