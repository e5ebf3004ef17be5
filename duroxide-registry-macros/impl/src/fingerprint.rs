//! Fingerprints that `registry!`'s checks compare instead of text: const evaluation interprets
//! every byte of a string comparison one step at a time, while two `u128`s compare in one.
//!
//! 128 bits, like the fingerprints rustc itself identifies items by across crates: equal values
//! always give equal fingerprints, and two different ones share a fingerprint with a chance of
//! 2^-128. Every fingerprint a registry compares comes from this macro in the same build, so
//! std's hasher, fixed but unspecified across Rust releases, gives them all the same way.

use crate::item::{Channel, Kind};
use proc_macro2::TokenStream;
use quote::ToTokens;

/// The fingerprint of what makes two registrations collide, which a registry lock's line is
/// compared by too: the name, and for an orchestration its version's sort key.
pub(crate) fn identity(kind: Kind, full_name: &str, version_key: &[u8]) -> TokenStream {
    match kind {
        Kind::Orchestration => literal(&(full_name, version_key)),
        Kind::Activity => literal(&full_name),
    }
}

/// The fingerprint of an event, queue or KV key an orchestration declares, which a registry
/// lock's line of that kind is compared by: the orchestration's name and version's sort key,
/// the kind, and the wire name.
pub(crate) fn declared(
    channel: Channel,
    full_name: &str,
    version_key: &[u8],
    wire: &str,
) -> TokenStream {
    literal(&(channel.word(), full_name, version_key, wire))
}

/// The fingerprint of `value`, as a `u128` literal.
pub(crate) fn literal(value: &impl std::hash::Hash) -> TokenStream {
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
