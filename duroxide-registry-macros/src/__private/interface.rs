//! What the typed interface helpers of an orchestration do (`#[orchestration(events(..),
//! queues(..), status = .., kv(..))]`), and its `continue_as_new` and `start_detached`.
//!
//! Every helper calls duroxide's own API with the declared wire name, and encodes as
//! duroxide's typed calls do, so that a payload is byte for byte what the hand-written calls
//! send: events, queue messages and statuses as its `_typed_codec` (a JSON string travels as its
//! raw content), KV values as `set_kv_value_typed` (JSON). Decoding never panics, where
//! duroxide's `schedule_wait_typed` and `dequeue_event_typed` `expect`: a payload that does not
//! decode is an `Err` that names the orchestration, the item, its wire name and the type.

use super::codec;
use crate::interface::{ContinueAsNew, State, Status};
use duroxide::{Client, ClientError, DurableFuture, OrchestrationContext, OrchestrationStatus};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::Duration;

/// One declared item, for messages: what a generated helper knows about what it serves.
#[derive(Debug, Clone, Copy)]
pub struct Described {
    /// The orchestration's full name.
    pub orchestration: &'static str,
    /// `event`, `queue`, `kv` or `status`.
    pub channel: &'static str,
    /// The key as declared (`approval`).
    pub key: &'static str,
    /// The wire name.
    pub wire: &'static str,
    /// The payload type, as written.
    pub payload_type: &'static str,
}

impl Described {
    /// The error for a payload that does not decode.
    fn undecodable(&self, error: &dyn std::fmt::Display) -> String {
        let Described {
            orchestration,
            channel,
            key,
            wire,
            payload_type,
        } = self;
        if *channel == "status" {
            format!(
                "the custom status of orchestration `{orchestration}` does not decode as \
                 `{payload_type}`: {error}"
            )
        } else {
            format!(
                "the {channel} `{key}` of orchestration `{orchestration}` (wire name `{wire}`) \
                 carries a payload that does not decode as `{payload_type}`: {error}"
            )
        }
    }

    /// A payload of an event, queue or status, decoded as duroxide's `_typed_codec` decodes it.
    fn decode<T: DeserializeOwned>(&self, raw: &str) -> Result<T, String> {
        codec::decode(Ok(raw.to_owned())).map_err(|error| self.undecodable(&error))
    }

    /// A KV value, decoded as `get_kv_value_typed` decodes it: JSON.
    fn decode_json<T: DeserializeOwned>(&self, raw: &str) -> Result<T, String> {
        serde_json::from_str(raw).map_err(|error| self.undecodable(&error))
    }
}

/// An event's `wait`: the next raise of it, decoded.
#[inline]
#[must_use]
pub fn wait<T: DeserializeOwned + Send + 'static>(
    ctx: &OrchestrationContext,
    item: &'static Described,
) -> DurableFuture<Result<T, String>> {
    ctx.schedule_wait(item.wire)
        .map(move |raw| item.decode(&raw))
}

/// A queue's `dequeue`: the next message, decoded.
#[inline]
#[must_use]
pub fn dequeue<T: DeserializeOwned + Send + 'static>(
    ctx: &OrchestrationContext,
    item: &'static Described,
) -> DurableFuture<Result<T, String>> {
    ctx.dequeue_event(item.wire)
        .map(move |raw| item.decode(&raw))
}

/// The status's `set`: encoded as duroxide's typed calls encode, so a `String` status is its
/// raw text.
///
/// # Panics
///
/// If the status cannot be encoded as JSON, as duroxide's typed calls panic.
#[inline]
pub fn set_status<T: Serialize + ?Sized>(ctx: &OrchestrationContext, item: &Described, status: &T) {
    ctx.set_custom_status(codec::encode(item.orchestration, status));
}

/// The status's `current`, inside the orchestration.
///
/// # Errors
///
/// A status that does not decode.
#[inline]
pub fn current_status<T: DeserializeOwned>(
    ctx: &OrchestrationContext,
    item: &Described,
) -> Result<Option<T>, String> {
    ctx.get_custom_status()
        .map(|raw| item.decode(&raw))
        .transpose()
}

/// The status's `get`, from a client.
///
/// # Errors
///
/// The provider's, or a status that does not decode (`ClientError::InvalidInput`).
#[inline]
pub async fn get_status<T: DeserializeOwned>(
    client: &Client,
    instance: &str,
    item: &Described,
) -> Result<Status<T>, ClientError> {
    typed_status(client.get_orchestration_status(instance).await?, item)
}

/// The status's `wait_for_change`, from a client: once the status's version passes
/// `last_seen_version`, or the instance finishes.
///
/// # Errors
///
/// A timeout, the provider's, or a status that does not decode (`ClientError::InvalidInput`).
#[inline]
pub async fn wait_for_status_change<T: DeserializeOwned>(
    client: &Client,
    instance: &str,
    last_seen_version: u64,
    timeout: Duration,
    item: &Described,
) -> Result<Status<T>, ClientError> {
    // duroxide polls the store at this interval until the timeout.
    const POLL: Duration = Duration::from_millis(50);
    let status = client
        .wait_for_status_change(instance, last_seen_version, POLL, timeout)
        .await?;
    typed_status(status, item)
}

fn typed_status<T: DeserializeOwned>(
    status: OrchestrationStatus,
    item: &Described,
) -> Result<Status<T>, ClientError> {
    let (raw, version, state) = match status {
        OrchestrationStatus::NotFound => (None, 0, State::NotFound),
        OrchestrationStatus::Running {
            custom_status,
            custom_status_version,
        } => (custom_status, custom_status_version, State::Running),
        OrchestrationStatus::Completed {
            custom_status,
            custom_status_version,
            ..
        } => (custom_status, custom_status_version, State::Completed),
        OrchestrationStatus::Failed {
            custom_status,
            custom_status_version,
            ..
        } => (custom_status, custom_status_version, State::Failed),
    };
    let value = raw
        .map(|raw| item.decode(&raw))
        .transpose()
        .map_err(|message| ClientError::InvalidInput { message })?;
    Ok(Status {
        value,
        version,
        state,
    })
}

/// A KV value's `get`, inside the orchestration.
///
/// # Errors
///
/// A value that does not decode.
#[inline]
pub fn kv_get<T: DeserializeOwned>(
    ctx: &OrchestrationContext,
    item: &Described,
) -> Result<Option<T>, String> {
    ctx.get_kv_value(item.wire)
        .map(|raw| item.decode_json(&raw))
        .transpose()
}

/// A KV value's `get_from`: the value another instance holds under the same key.
#[inline]
#[must_use]
pub fn kv_get_from<T: DeserializeOwned + Send + 'static>(
    ctx: &OrchestrationContext,
    instance: impl Into<String>,
    item: &'static Described,
) -> DurableFuture<Result<Option<T>, String>> {
    ctx.get_kv_value_from_instance(instance, item.wire)
        .map(move |result| result?.map(|raw| item.decode_json(&raw)).transpose())
}

/// A KV value's `fetch`, from a client.
///
/// # Errors
///
/// The provider's, or a value that does not decode (`ClientError::InvalidInput`).
#[inline]
pub async fn kv_fetch<T: DeserializeOwned>(
    client: &Client,
    instance: &str,
    item: &Described,
) -> Result<Option<T>, ClientError> {
    client
        .get_kv_value(instance, item.wire)
        .await?
        .map(|raw| item.decode_json(&raw))
        .transpose()
        .map_err(|message| ClientError::InvalidInput { message })
}

/// A KV value's `wait`, from a client: until the instance sets it.
///
/// # Errors
///
/// A timeout, the provider's, or a value that does not decode (`ClientError::InvalidInput`).
#[inline]
pub async fn kv_wait<T: DeserializeOwned>(
    client: &Client,
    instance: &str,
    timeout: Duration,
    item: &Described,
) -> Result<T, ClientError> {
    let raw = client
        .wait_for_kv_value(instance, item.wire, timeout)
        .await?;
    item.decode_json(&raw)
        .map_err(|message| ClientError::InvalidInput { message })
}

/// An orchestration's `continue_as_new`: a new execution of `name` at exactly `version`, with
/// `input` encoded as duroxide's typed calls encode it. The future never completes: the
/// execution ends where it is awaited, so it is typed as whatever the body returns.
///
/// # Panics
///
/// If the input cannot be encoded as JSON, as duroxide's typed calls panic.
#[inline]
pub fn continue_as_new<In: Serialize + ?Sized, T>(
    ctx: &OrchestrationContext,
    name: &'static str,
    version: &'static str,
    input: &In,
) -> ContinueAsNew<T> {
    // duroxide records the command here, and its future never completes; ours neither.
    drop(ctx.continue_as_new_versioned(version, codec::encode(name, input)));
    ContinueAsNew::new()
}

/// An orchestration's `start_detached`: a new instance of `name` at exactly `version`, which
/// runs on its own.
///
/// # Errors
///
/// An instance id duroxide reserves for sub-orchestrations (it starts with `sub::` or holds
/// `::sub::`), where duroxide's own call panics.
///
/// # Panics
///
/// If the input cannot be encoded as JSON, as duroxide's typed calls panic.
#[inline]
pub fn start_detached<In: Serialize + ?Sized>(
    ctx: &OrchestrationContext,
    name: &'static str,
    version: &'static str,
    instance: impl Into<String>,
    input: &In,
) -> Result<(), String> {
    let instance = instance.into();
    if instance.starts_with("sub::") || instance.contains("::sub::") {
        return Err(format!(
            "cannot start `{name}` as `{instance}`: instance ids that start with `sub::` or hold \
             `::sub::` are duroxide's, for sub-orchestrations; choose another id"
        ));
    }
    ctx.schedule_orchestration_versioned(
        name,
        Some(version.to_owned()),
        instance,
        codec::encode(name, input),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Described;
    use serde::Deserialize;

    const APPROVAL: Described = Described {
        orchestration: "fleet::orchestration::deploy",
        channel: "event",
        key: "approval",
        wire: "Approval",
        payload_type: "Decision",
    };

    #[derive(Deserialize, Debug, PartialEq)]
    struct Decision {
        approved: bool,
    }

    #[test]
    fn a_payload_decodes_as_duroxides_codec_decodes() {
        assert_eq!(
            APPROVAL.decode::<Decision>(r#"{"approved":true}"#),
            Ok(Decision { approved: true })
        );
        assert_eq!(
            APPROVAL.decode::<String>("raw text"),
            Ok("raw text".to_owned())
        );
    }

    #[test]
    fn a_payload_that_does_not_decode_names_everything() {
        let error = APPROVAL
            .decode::<Decision>(r#"{"approve":true}"#)
            .unwrap_err();
        assert!(
            error.starts_with(
                "the event `approval` of orchestration `fleet::orchestration::deploy` (wire name \
                 `Approval`) carries a payload that does not decode as `Decision`: "
            ),
            "{error}"
        );
    }

    #[test]
    fn kv_values_are_json() {
        assert_eq!(APPROVAL.decode_json::<String>("\"x\""), Ok("x".to_owned()));
        assert!(APPROVAL.decode_json::<String>("x").is_err());
    }
}
