//! The companion's side of the interface `registry!` reads: a marker type, `__Item`, implementing
//! the facade's `Item` trait, whose `ENTRY` says everything a registry needs to know about the
//! item (the facade's `Entry`, defined once there, with named fields), and `__Companion`, the
//! facade's `Annotated<__Item>`, which is what `registry!` reads.
//!
//! `registry!` reads it through a glob import of the entry's module, with a fallback that is no
//! `Companion`: an entry that was never annotated is then one error at the entry, saying what
//! to annotate (see the facade's `__private/companion.rs`).

use crate::fingerprint;
use crate::item::{Item, Kind};
use crate::text::tokens_as_written;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Type;

/// The companion's `__Companion` and its `impl Companion`, reading the companion's own items.
pub(crate) fn definition(item: &Item, register: &TokenStream) -> TokenStream {
    let private = item.support.private();
    let text = |ty: &Option<Type>| ty.as_ref().map_or_else(String::new, tokens_as_written);
    let (input_type, output_type) = (text(&item.input), text(&item.output));
    let version_key = syn::LitByteStr::new(&item.version_key, Span::call_site());
    let (version, uses) = match item.kind {
        Kind::Orchestration => (quote!(VERSION), quote!(ACTIVITIES_USED)),
        Kind::Activity => (quote!("1.0.0"), quote!(&[])),
    };
    let idempotent = item.idempotent;
    let identity = fingerprint::identity(item.kind, &item.full_name, &item.version_key);
    let orchestration = item.kind == Kind::Orchestration;
    let prefix = fingerprint::literal(&item.prefix);
    let needs_config = item.config.is_some();
    let (configured, configured_value) = configured(item, &private);
    quote! {
        #[doc(hidden)]
        pub type __Companion = #private::Annotated<__Item>;

        #[doc(hidden)]
        pub enum __Item {}

        impl #private::Item for __Item {
            const ENTRY: #private::Entry = #private::Entry {
                name: NAME,
                description: DESCRIPTION,
                facts: #private::Facts {
                    identity: #identity,
                    orchestration: #orchestration,
                    prefix: #prefix,
                    needs_config: #needs_config,
                    annotated: true,
                },
                input_type: #input_type,
                output_type: #output_type,
                version: #version,
                version_key: #version_key,
                idempotent: #idempotent,
                uses: #uses,
                register: #register,
            };
            type Configured = #configured;
            const CONFIGURED: Self::Configured = #configured_value;
        }
    }
}

/// The configured slot's type and value: an activity with a `#[config]` parameter registers
/// through it, with the registry's configuration; every other item has `()`.
fn configured(item: &Item, private: &TokenStream) -> (TokenStream, TokenStream) {
    if !item.registers_with_config() {
        return (quote!(()), quote!(()));
    }
    let builder = quote!(#private::duroxide::runtime::registry::ActivityRegistryBuilder);
    (
        quote!(fn(#builder, &Config) -> #builder),
        quote!(__register_with_config),
    )
}
