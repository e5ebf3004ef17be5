//! How generated code reaches the facade crate, `duroxide-registry-macros`, whose `__private`
//! module holds everything the expansions call, and re-exports duroxide, serde and serde_json:
//! `::duroxide_registry_macros`, or the path a `crate = "..."` argument gives, for crates that
//! re-export this one under another name (as `#[serde(crate = "...")]` does).

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::LitStr;

/// The path to the facade crate.
#[derive(Clone)]
pub(crate) struct Support(TokenStream);

impl Default for Support {
    fn default() -> Self {
        Support(quote!(::duroxide_registry_macros))
    }
}

impl Support {
    /// The path a `crate = "..."` argument gives.
    pub(crate) fn parse(literal: &LitStr) -> syn::Result<Self> {
        let path: syn::Path = literal.parse().map_err(|_| {
            syn::Error::new(
                literal.span(),
                format!(
                    "`crate` takes the path this crate is re-exported at, like \
                     `crate = \"::my_sdk::registry_macros\"`; `{}` is not a path",
                    literal.value()
                ),
            )
        })?;
        let mut tokens = path.into_token_stream();
        // The path is written for the item's own module; spanned there, it resolves there.
        tokens = respan(tokens, literal.span());
        Ok(Support(tokens))
    }

    /// The path `registry!`'s `crate: ...` gives.
    pub(crate) fn from_path(path: &syn::Path) -> Self {
        Support(path.into_token_stream())
    }

    /// `path::__private`: what generated code calls.
    pub(crate) fn private(&self) -> TokenStream {
        let path = &self.0;
        quote!(#path::__private)
    }

    /// The facade's own path, for its public modules.
    pub(crate) fn facade(&self) -> TokenStream {
        self.0.clone()
    }

    /// `path::inventory`: the inventory's types.
    pub(crate) fn inventory(&self) -> TokenStream {
        let path = &self.0;
        quote!(#path::inventory)
    }

    /// `path::replay`: the replay check.
    pub(crate) fn replay(&self) -> TokenStream {
        let path = &self.0;
        quote!(#path::replay)
    }
}

fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            tree.set_span(span);
            tree
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Support;

    #[test]
    fn the_default_is_the_facade_and_a_path_can_replace_it() {
        assert_eq!(
            Support::default().private().to_string(),
            ":: duroxide_registry_macros :: __private"
        );
        let literal: syn::LitStr = syn::parse_quote!("::my_sdk::macros");
        let support = Support::parse(&literal).unwrap();
        assert_eq!(
            support.private().to_string(),
            ":: my_sdk :: macros :: __private"
        );
        let literal: syn::LitStr = syn::parse_quote!("not a path");
        assert!(Support::parse(&literal).is_err());
    }
}
