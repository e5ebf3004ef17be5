//! The payloads of versioned sub-orchestrations. duroxide 0.1.32 has no typed API for them, so
//! these mirror its private codec (`_typed_codec::Json`) byte for byte: a value that serializes
//! to a JSON string travels as its raw content, anything else as the JSON of its
//! `serde_json::Value` (so that object keys are in the same order), and decoding falls back to
//! reading the payload as a raw string.

use duroxide::{DurableFuture, OrchestrationContext};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// `value` as duroxide's typed calls encode it.
///
/// # Panics
///
/// If `value` cannot be encoded as JSON, naming `name`, as duroxide's own typed calls panic.
pub fn encode<T: Serialize + ?Sized>(name: &str, value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(raw)) => raw,
        Ok(value) => serde_json::to_string(&value)
            .unwrap_or_else(|error| panic!("{name}: cannot encode the input: {error}")),
        Err(error) => panic!("{name}: cannot encode the input: {error}"),
    }
}

/// A payload as duroxide's typed calls decode it: as JSON, or else as a raw string.
///
/// # Errors
///
/// The payload's own error, or the decoding error.
#[allow(clippy::needless_pass_by_value)]
pub fn decode<T: DeserializeOwned>(result: Result<String, String>) -> Result<T, String> {
    let payload = result?;
    match serde_json::from_str::<T>(&payload) {
        Ok(value) => Ok(value),
        Err(_) => serde_json::from_value(Value::String(payload)).map_err(|error| error.to_string()),
    }
}

/// A companion's `call` and `call_with_id`: the orchestration `name` at exactly `version`, as a
/// sub-orchestration, with the instance id given or derived from the parent's. One function for
/// both helpers, so that a missing bound on a user's type is one error, not one per helper.
#[inline]
pub fn call<In, Out>(
    ctx: &OrchestrationContext,
    name: &'static str,
    version: &'static str,
    instance_id: Option<String>,
    input: &In,
) -> DurableFuture<Result<Out, String>>
where
    In: Serialize + ?Sized,
    Out: DeserializeOwned + Send + 'static,
{
    let (version, input) = (Some(version.to_owned()), encode(name, input));
    let call = match instance_id {
        Some(id) => ctx.schedule_sub_orchestration_versioned_with_id(name, version, id, input),
        None => ctx.schedule_sub_orchestration_versioned(name, version, input),
    };
    call.map(decode::<Out>)
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Input {
        zone: String,
        count: u32,
    }

    #[test]
    fn a_string_travels_raw_and_anything_else_as_sorted_json() {
        assert_eq!(encode("n", "plain text"), "plain text");
        assert_eq!(
            encode(
                "n",
                &Input {
                    zone: "eu".into(),
                    count: 2
                }
            ),
            r#"{"count":2,"zone":"eu"}"#
        );
    }

    #[test]
    fn decoding_falls_back_to_a_raw_string() {
        assert_eq!(decode::<String>(Ok("raw".into())), Ok("raw".to_owned()));
        assert_eq!(
            decode::<Input>(Ok(r#"{"zone":"eu","count":2}"#.into())),
            Ok(Input {
                zone: "eu".into(),
                count: 2
            })
        );
        assert_eq!(
            decode::<Input>(Err("failed".into())),
            Err("failed".to_owned())
        );
        assert!(decode::<Input>(Ok("nope".into())).is_err());
    }
}
