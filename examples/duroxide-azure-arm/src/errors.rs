//! The domain error of this crate's activities.
//!
//! duroxide carries an activity's error as a `String`, so activities serialize an
//! [`AzureError`] into it (the pattern document's "Error Types") and orchestrations decode it
//! with [`AzureError::decode`] to branch on what went wrong.

use serde::{Deserialize, Serialize};
use simulated_cloud::CloudError;
use std::fmt;

/// What an Azure activity can fail with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AzureError {
    /// A resource the request depends on does not exist.
    ResourceNotFound {
        /// Id of the missing resource.
        resource_id: String,
    },
    /// The subscription has no quota left for this resource type in the region.
    QuotaExceeded {
        /// The resource type whose quota is used up, for example `app-service-plan/premium`.
        resource_type: String,
    },
    /// The configured credentials were refused.
    AuthenticationFailed,
    /// The request itself is wrong, for example an unknown tier; retrying cannot help.
    InvalidRequest {
        /// What is wrong with it.
        message: String,
    },
    /// The service failed for a reason of its own; retrying may help.
    ServiceError {
        /// What the service said.
        message: String,
    },
}

impl AzureError {
    /// The error as the `String` an activity returns: its JSON form.
    #[must_use]
    pub fn encode(&self) -> String {
        // A plain enum of strings always serializes; the fallback only keeps this total.
        serde_json::to_string(self).unwrap_or_else(|_| self.to_string())
    }

    /// Decodes an activity's error string; `None` when it is not an [`AzureError`], for example
    /// a timeout or an infrastructure failure reported by duroxide itself.
    #[must_use]
    pub fn decode(error: &str) -> Option<Self> {
        serde_json::from_str(error).ok()
    }
}

impl fmt::Display for AzureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AzureError::ResourceNotFound { resource_id } => {
                write!(f, "resource not found: {resource_id}")
            }
            AzureError::QuotaExceeded { resource_type } => {
                write!(f, "quota exceeded for {resource_type}")
            }
            AzureError::AuthenticationFailed => {
                f.write_str("authentication failed: check the subscription and tenant")
            }
            AzureError::InvalidRequest { message } => write!(f, "invalid request: {message}"),
            AzureError::ServiceError { message } => write!(f, "service error: {message}"),
        }
    }
}

impl std::error::Error for AzureError {}

/// Lets activities, which return `Result<_, String>`, use `?` on an `AzureError`.
impl From<AzureError> for String {
    fn from(error: AzureError) -> String {
        error.encode()
    }
}

impl From<CloudError> for AzureError {
    fn from(error: CloudError) -> Self {
        match error {
            CloudError::QuotaExceeded { kind, .. } => AzureError::QuotaExceeded {
                resource_type: kind.trim_start_matches("azure/").to_owned(),
            },
            CloudError::Storage(message) => AzureError::ServiceError { message },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_activity_error_string() {
        for error in [
            AzureError::ResourceNotFound {
                resource_id: "/x".into(),
            },
            AzureError::QuotaExceeded {
                resource_type: "vm".into(),
            },
            AzureError::AuthenticationFailed,
            AzureError::InvalidRequest {
                message: "tier".into(),
            },
            AzureError::ServiceError {
                message: "busy".into(),
            },
        ] {
            assert_eq!(
                AzureError::decode(&String::from(error.clone())),
                Some(error)
            );
        }
    }

    #[test]
    fn other_strings_are_not_azure_errors() {
        assert_eq!(AzureError::decode("activity timed out"), None);
        assert_eq!(AzureError::decode("{\"Unknown\":{}}"), None);
    }
}
