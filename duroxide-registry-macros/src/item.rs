//! Parse and validate an annotated function into an [`Item`], the model both attribute macros
//! generate from. Every problem goes into the diagnostics; the model is still produced, as
//! complete as the input allows, so generation can emit the function and its companion anyway.

use crate::args::{Args, Kind};
use crate::diagnostics::Diagnostics;
use crate::naming::{self, Part};
use crate::scope::Scope;
use crate::signature::{self, Function};
use crate::usage::{self, ModulePath};
use crate::version;
use proc_macro2::{Span, TokenStream};
use syn::{Attribute, Expr, Lit, Meta, Type};

pub(crate) struct Item {
    pub(crate) kind: Kind,
    pub(crate) function: Function,
    pub(crate) full_name: String,
    /// The `{crate}` part of the full name.
    pub(crate) prefix: String,
    pub(crate) description: String,
    pub(crate) idempotent: bool,
    pub(crate) version: String,
    /// Whether `version` was given; without it duroxide's default registration is used.
    pub(crate) explicit_version: bool,
    pub(crate) version_key: Vec<u8>,
    /// Companion modules this orchestration calls, relative to the function's module.
    pub(crate) uses: Vec<ModulePath>,
    pub(crate) context: Option<Type>,
    pub(crate) input: Option<Type>,
    pub(crate) output: Option<Type>,
    /// The type of an activity's `#[config]` parameter, shared by every call.
    pub(crate) config: Option<Type>,
    /// Whether the signature passed every check; if not, generated code that relies on it is
    /// left out so that its errors do not cascade.
    pub(crate) signature_ok: bool,
    /// The function is a method, so no companion module can be generated beside it.
    pub(crate) is_method: bool,
    /// `#[cfg]` and `#[cfg_attr]` of the function, repeated on everything generated for it.
    pub(crate) cfgs: Vec<Attribute>,
    /// How the companion reaches the names the function's module sees.
    pub(crate) scope: Scope,
}

impl Item {
    /// Whether the companion registers the activity through `__register_activity_with_config`,
    /// which its `__META` then names: it takes a `#[config]` parameter and its signature is sound.
    pub(crate) fn registers_with_config(&self) -> bool {
        self.config.is_some() && self.signature_ok
    }

    pub(crate) fn from_tokens(
        kind: Kind,
        args: TokenStream,
        mut function: Function,
        diagnostics: &mut Diagnostics,
    ) -> Item {
        let args = Args::parse(kind, args, diagnostics);
        let before_signature = diagnostics.count();
        let (has_config, config) = signature::take_config(kind, &mut function.sig, diagnostics);
        let shape = signature::check(kind, &function.sig, has_config, diagnostics);
        let signature_ok = diagnostics.count() == before_signature;
        let prefix = resolve_prefix(&args, std::env::var("CARGO_PKG_NAME").ok(), diagnostics);
        let name = resolve_name(kind, &args, &function.sig.ident, diagnostics);
        let (version, version_key) = resolve_version(&args, diagnostics);
        let mut uses: Vec<ModulePath> = args.uses.iter().map(ModulePath::from_syn).collect();
        if kind == Kind::Orchestration {
            usage::scan(&function.body, &mut uses);
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
            let types = [shape.input, shape.output, shape.context, config.as_ref()];
            Scope::new(types.into_iter().flatten())
        };
        Item {
            kind,
            full_name: format!("{prefix}::{}::{name}", kind.segment()),
            prefix,
            description,
            idempotent: args.idempotent.is_some_and(|flag| flag.value),
            version,
            explicit_version: args.version.is_some(),
            version_key,
            uses,
            context: shape.context.cloned(),
            input: shape.input.cloned(),
            output: shape.output.cloned(),
            config,
            signature_ok,
            is_method: shape.is_method,
            cfgs,
            scope,
            function,
        }
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

fn resolve_name(
    kind: Kind,
    args: &Args,
    ident: &syn::Ident,
    diagnostics: &mut Diagnostics,
) -> String {
    let part = Part::Name(kind.segment());
    if let Some(name) = &args.name {
        let value = name.value();
        if let Err(message) = naming::check(&value, part) {
            diagnostics.error(name, message);
        }
        return value;
    }
    let value = naming::default_name(ident);
    if let Err(message) = naming::check(&value, part) {
        diagnostics.error(
            ident,
            format!(
                "the function's name gives no valid default {} name: {message}; give one \
                 explicitly with `name = \"...\"`",
                kind.segment()
            ),
        );
    }
    value
}

fn resolve_version(args: &Args, diagnostics: &mut Diagnostics) -> (String, Vec<u8>) {
    let default_key = || version::sort_key(&semver::Version::new(1, 0, 0));
    let Some(literal) = &args.version else {
        return (version::DEFAULT.to_owned(), default_key());
    };
    let text = literal.value();
    match version::parse(&text) {
        Ok(parsed) => (text, version::sort_key(&parsed)),
        Err(message) => {
            diagnostics.error(literal, message);
            (text, default_key())
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
    use super::{doc_summary, resolve_prefix, Args};
    use crate::diagnostics::Diagnostics;

    fn default_prefix_errors(package: Option<&str>) -> String {
        let mut diagnostics = Diagnostics::default();
        resolve_prefix(
            &Args::default(),
            package.map(str::to_owned),
            &mut diagnostics,
        );
        let mut tokens = proc_macro2::TokenStream::new();
        diagnostics.emit_into(&mut tokens);
        tokens.to_string()
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
