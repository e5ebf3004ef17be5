//! The domain error of this crate's activities, carried in duroxide's error string as JSON.

use serde::{Deserialize, Serialize};
use simulated_cloud::CloudError;
use std::fmt;

/// What an EC2 activity can fail with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AwsError {
    /// The account's limit for this resource kind is reached.
    LimitExceeded {
        /// The resource kind, for example `ec2-instance`.
        resource_type: String,
    },
    /// A resource the request refers to does not exist.
    NotFound {
        /// Id of the missing resource.
        resource_id: String,
    },
    /// The service failed for a reason of its own; retrying may help.
    ServiceError {
        /// What the service said.
        message: String,
    },
}

impl AwsError {
    /// The error as the `String` an activity returns: its JSON form.
    #[must_use]
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| self.to_string())
    }

    /// Decodes an activity's error string; `None` when it is not an [`AwsError`].
    #[must_use]
    pub fn decode(error: &str) -> Option<Self> {
        serde_json::from_str(error).ok()
    }
}

impl fmt::Display for AwsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AwsError::LimitExceeded { resource_type } => {
                write!(f, "limit exceeded for {resource_type}")
            }
            AwsError::NotFound { resource_id } => write!(f, "not found: {resource_id}"),
            AwsError::ServiceError { message } => write!(f, "service error: {message}"),
        }
    }
}

impl std::error::Error for AwsError {}

/// Lets activities, which return `Result<_, String>`, use `?` on an `AwsError`.
impl From<AwsError> for String {
    fn from(error: AwsError) -> String {
        error.encode()
    }
}

impl From<CloudError> for AwsError {
    fn from(error: CloudError) -> Self {
        match error {
            CloudError::QuotaExceeded { kind, .. } => AwsError::LimitExceeded {
                resource_type: kind.trim_start_matches("aws/").to_owned(),
            },
            CloudError::Storage(message) => AwsError::ServiceError { message },
        }
    }
}
