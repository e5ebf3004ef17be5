//! What an attribute emits when it is not on a function at all: the input, untouched, and one
//! error at what the item is, saying where the attribute goes.

use crate::item::Kind;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Visibility};

pub(crate) fn not_a_function(kind: Kind, input: TokenStream) -> TokenStream {
    let context = kind.context_name();
    let example = match kind {
        Kind::Activity => "provision_vm",
        Kind::Orchestration => "deploy_webapp",
    };
    let message = format!(
        "#[{}] goes on an `async fn` declared at module level, like `pub async fn {example}(ctx: \
         {context}, input: YourInput) -> Result<YourOutput, String>`",
        kind.segment(),
    );
    let error = syn::Error::new(item_keyword(&input), message).into_compile_error();
    quote!(#input #error)
}

/// Where the item says what it is (`struct`, `const`, ...), past its attributes and visibility;
/// the first token when that cannot be found.
fn item_keyword(input: &TokenStream) -> Span {
    let keyword = |stream: ParseStream| {
        stream.call(Attribute::parse_outer)?;
        stream.parse::<Visibility>()?;
        let span = stream.step(|cursor| match cursor.token_tree() {
            Some((tree, rest)) => Ok((tree.span(), rest)),
            None => Err(cursor.error("no item after the attributes")),
        })?;
        stream.parse::<TokenStream>()?;
        Ok(span)
    };
    keyword.parse2(input.clone()).unwrap_or_else(|_| {
        input
            .clone()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |t| t.span())
    })
}
