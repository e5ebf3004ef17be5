//! The hidden interface between a companion and `registry!`: what a registry needs to know about
//! an item it lists, which it cannot see, since macro invocations share nothing.
//!
//! Every companion defines it, whatever its kind, so that `registry!` can check an entry listed
//! under the wrong kind and say so, instead of failing to find kind-specific items. It is one
//! `#[doc(hidden)] pub const __META` tuple rather than a const per fact, since each const is one
//! more body for the compiler to check, in every companion.

use crate::args::Kind;
use crate::item::Item;
use crate::text::tokens_as_written;
use proc_macro2::{Span, TokenStream};
use quote::{quote, ToTokens};
use syn::Type;

/// The fields of `__META`, in tuple order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Meta {
    /// `&str`: the input type as written, for the inventory.
    InputType,
    /// `&str`: the output type as written, for the inventory.
    OutputType,
    /// `&str`: the version registered at (`1.0.0` for activities).
    Version,
    /// `&[u8]`: the version as a key whose byte order is semver's order.
    VersionKey,
    /// `bool`: an activity's `IDEMPOTENT`.
    Idempotent,
    /// `&[&str]`: an orchestration's `ACTIVITIES_USED`.
    Uses,
    /// `bool`: whether the activity takes a `#[config]` parameter.
    NeedsConfig,
    /// `bool`: whether the item is an orchestration.
    Orchestration,
    /// `u128`: fingerprint of the crate prefix.
    PrefixFingerprint,
    /// `u128`: fingerprint of what makes two registrations collide: the name, and for
    /// orchestrations the version.
    IdentityFingerprint,
    /// For an activity with a `#[config]` parameter, its `__register_activity_with_config` as a
    /// `fn(ActivityRegistryBuilder, &Config) -> ActivityRegistryBuilder`; for every other item
    /// `()`. A registry with a configuration picks by this type how to register the entry.
    Configured,
}

impl Meta {
    const ALL: [Meta; 11] = [
        Meta::InputType,
        Meta::OutputType,
        Meta::Version,
        Meta::VersionKey,
        Meta::Idempotent,
        Meta::Uses,
        Meta::NeedsConfig,
        Meta::Orchestration,
        Meta::PrefixFingerprint,
        Meta::IdentityFingerprint,
        Meta::Configured,
    ];

    /// The field read from the companion at `path`: `path::__META.N`.
    pub(crate) fn of(self, path: &impl ToTokens) -> TokenStream {
        let index = syn::Index::from(self as usize);
        quote!(#path::__META.#index)
    }

    /// The field's type and value for `item`.
    fn field(self, item: &Item) -> (TokenStream, TokenStream) {
        let text = |ty: &Option<Type>| ty.as_ref().map_or_else(String::new, tokens_as_written);
        let orchestration = item.kind == Kind::Orchestration;
        match self {
            Meta::InputType => (quote!(&str), text(&item.input).into_token_stream()),
            Meta::OutputType => (quote!(&str), text(&item.output).into_token_stream()),
            Meta::Version => (quote!(&str), item.version.to_token_stream()),
            Meta::VersionKey => {
                let key = syn::LitByteStr::new(&item.version_key, Span::call_site());
                (quote!(&[u8]), key.into_token_stream())
            }
            Meta::Idempotent => (quote!(bool), item.idempotent.into_token_stream()),
            Meta::Uses if orchestration => (quote!(&[&str]), quote!(ACTIVITIES_USED)),
            Meta::Uses => (quote!(&[&str]), quote!(&[])),
            Meta::NeedsConfig => (quote!(bool), item.config.is_some().into_token_stream()),
            Meta::Orchestration => (quote!(bool), orchestration.into_token_stream()),
            Meta::PrefixFingerprint => (quote!(u128), fingerprint(&item.prefix)),
            Meta::IdentityFingerprint if orchestration => (
                quote!(u128),
                fingerprint(&(&item.full_name, &item.version_key)),
            ),
            Meta::IdentityFingerprint => (quote!(u128), fingerprint(&item.full_name)),
            Meta::Configured if item.registers_with_config() => {
                let builder = quote!(::duroxide::runtime::registry::ActivityRegistryBuilder);
                (
                    quote!(fn(#builder, &Config) -> #builder),
                    quote!(__register_activity_with_config),
                )
            }
            Meta::Configured => (quote!(()), quote!(())),
        }
    }
}

/// The companion's `__META` const.
pub(crate) fn definition(item: &Item) -> TokenStream {
    let (types, values): (Vec<_>, Vec<_>) = Meta::ALL.iter().map(|m| m.field(item)).unzip();
    quote! {
        #[doc(hidden)]
        pub const __META: (#(#types,)*) = (#(#values,)*);
    }
}

/// A fingerprint for `registry!` to compare instead of text: const evaluation interprets every
/// byte of a string comparison one step at a time, while two `u128`s compare in one, and rows
/// of integers hold no references for the borrow checker to relate. 128 bits, like the
/// fingerprints rustc itself identifies items by across crates: equal values always give equal
/// fingerprints, and two different ones share a fingerprint with a chance of 2^-128. Every
/// fingerprint a registry compares comes from this macro in the same build, so std's hasher,
/// fixed but unspecified across Rust releases, gives them all the same way.
fn fingerprint(value: &impl std::hash::Hash) -> TokenStream {
    // Two 64-bit hashes of the value, each behind a tag of its own.
    let high = u128::from(hash(&(0u8, value)));
    let low = u128::from(hash(&(1u8, value)));
    proc_macro2::Literal::u128_suffixed((high << 64) | low).into_token_stream()
}

/// std's hasher over `value`: fixed within one build, which is all its users need.
pub(crate) fn hash(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::Meta;

    #[test]
    fn tuple_order_is_declaration_order() {
        for (index, field) in Meta::ALL.into_iter().enumerate() {
            assert_eq!(field as usize, index, "{field:?}");
        }
    }
}
