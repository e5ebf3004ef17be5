//! The companion's side of the interface `registry!` reads: `__FACTS`, the facade's `Facts`,
//! which `registry!`'s checks compare in const evaluation, and `__INFO`, the facade's `Info`,
//! which its registries, inventory and lock read at run time. Both types are defined once, in
//! the facade (`__private/companion.rs`), with named fields; a companion only fills them in.

use crate::fingerprint;
use crate::item::{Channel, Item, Kind};
use crate::text::tokens_as_written;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use syn::Type;

/// The companion's `__FACTS` and `__INFO`; `register` is the `Register` its info holds.
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
    let name = fingerprint::literal(&item.full_name);
    let orchestration = item.kind == Kind::Orchestration;
    let prefix = fingerprint::literal(&item.prefix);
    let needs_config = item.config.is_some();
    let annotation = if item.function.is_declaration() {
        quote!(#private::Annotation::Declaration)
    } else {
        quote!(#private::Annotation::Definition)
    };
    let retry = retry_words(item);
    let (interface, status, interface_facts) = declared(item);
    quote! {
        #interface_facts

        #[doc(hidden)]
        pub const __FACTS: #private::Facts = #private::Facts {
            identity: #identity,
            name: #name,
            orchestration: #orchestration,
            prefix: #prefix,
            needs_config: #needs_config,
            annotation: #annotation,
        };

        #[doc(hidden)]
        pub const __INFO: #private::Info = #private::Info {
            name: NAME,
            description: DESCRIPTION,
            input_type: #input_type,
            output_type: #output_type,
            version: #version,
            version_key: #version_key,
            orchestration: #orchestration,
            idempotent: #idempotent,
            retry: #retry,
            uses: #uses,
            register: #register,
            interface: #interface,
            status: #status,
        };
    }
}

/// `__INFO`'s `retry`: the activity's declared defaults in words, or `None`.
fn retry_words(item: &Item) -> TokenStream {
    match &item.args.defaults {
        Some(defaults) => {
            let words = defaults.words();
            quote!(::core::option::Option::Some(#words))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// What `__INFO` says of the orchestration's declared interface, for the inventory and the
/// lock's text; and, when it declares events, queues or KV keys, `__INTERFACE`, their
/// fingerprints, which a registry with a lock checks its lines against. An item that declares
/// nothing gets no `__INTERFACE`: `registry!` falls back to none.
fn declared(item: &Item) -> (TokenStream, TokenStream, TokenStream) {
    let private = item.support.private();
    let interface = &item.args.interface;
    let status = interface.status.as_ref().map_or_else(
        || quote!(::core::option::Option::None),
        |ty| {
            let text = tokens_as_written(ty);
            quote!(::core::option::Option::Some(#text))
        },
    );
    let mut entries = Vec::new();
    let mut facts = Vec::new();
    for channel in Channel::ALL {
        let variant = Ident::new(
            match channel {
                Channel::Event => "Event",
                Channel::Queue => "Queue",
                Channel::Kv => "Kv",
            },
            Span::call_site(),
        );
        for declared in interface.of(channel) {
            let key = declared.key.to_string().trim_start_matches("r#").to_owned();
            let wire = declared.wire_name();
            let payload_type = tokens_as_written(&declared.ty);
            entries.push(quote! {
                #private::Declared {
                    channel: #private::Channel::#variant,
                    key: #key,
                    wire: #wire,
                    payload_type: #payload_type,
                }
            });
            facts.push(fingerprint::declared(
                channel,
                &item.full_name,
                &item.version_key,
                &wire,
            ));
        }
    }
    let interface_facts = (!facts.is_empty()).then(|| {
        quote! {
            #[doc(hidden)]
            pub const __INTERFACE: &[u128] = &[#(#facts),*];
        }
    });
    (
        quote!(&[#(#entries),*]),
        status,
        interface_facts.unwrap_or_default(),
    )
}
