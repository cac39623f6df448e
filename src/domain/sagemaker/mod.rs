//! The SageMaker model-registry API as the editor speaks it (AWS JSON 1.1):
//! operations, request and response shapes matching the service model,
//! errors decoded into kinds the UI can branch on, and the retry and
//! idempotency policy. No transport here: `view::api` sends what this
//! builds.
//!
//! The request and response shapes are in `shapes`.

use std::fmt;

use serde_json::Value;

mod retry;
mod shapes;

pub use self::retry::{PageTokens, RETRY_AFTER_LIMIT_MS, RetryPolicy, parse_retry_after};
pub use self::shapes::{
    Container, DescribeModelPackageInput, DescribeTrainingJobInput, InferenceSpecification,
    ListModelPackageGroupsInput, ListModelPackageGroupsOutput, ListModelPackagesInput,
    ListModelPackagesOutput, ModelCard, ModelPackage, ModelPackageGroupSummary,
    ModelPackageSummary, UpdateModelPackageInput, UpdateModelPackageOutput,
};

/// The operations the editor calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// `ListModelPackageGroups`.
    ListModelPackageGroups,
    /// `ListModelPackages`.
    ListModelPackages,
    /// `DescribeModelPackage`.
    DescribeModelPackage,
    /// `UpdateModelPackage`.
    UpdateModelPackage,
    /// `DescribeTrainingJob`: what fills a card's training details.
    DescribeTrainingJob,
}

impl Operation {
    /// The operation's name in the service model.
    pub fn name(self) -> &'static str {
        match self {
            Self::ListModelPackageGroups => "ListModelPackageGroups",
            Self::ListModelPackages => "ListModelPackages",
            Self::DescribeModelPackage => "DescribeModelPackage",
            Self::UpdateModelPackage => "UpdateModelPackage",
            Self::DescribeTrainingJob => "DescribeTrainingJob",
        }
    }

    /// The `X-Amz-Target` header.
    pub fn target(self) -> String {
        format!("SageMaker.{}", self.name())
    }
}

/// The approval statuses a version can have.
pub const APPROVAL_STATUSES: [&str; 3] = ["Approved", "Rejected", "PendingManualApproval"];

/// What went wrong talking to the service, as the UI branches on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request was refused as invalid (also "not found" for a package).
    Validation,
    /// The resource does not exist.
    ResourceNotFound,
    /// An account limit was hit.
    ResourceLimitExceeded,
    /// Someone else changed it first.
    Conflict,
    /// Too many requests: retried with backoff.
    Throttling,
    /// The credentials were refused or lack permission.
    AccessDenied,
    /// The request signature or credentials are wrong or expired.
    BadSignature,
    /// A service failure (5xx): retried with backoff.
    ServiceFault,
    /// No answer in time.
    Timeout,
    /// No connection: the network, the endpoint, or CORS refused it.
    Network,
    /// The answer was not what the API promises.
    BadResponse,
    /// Any other error type the service names.
    Other(String),
}

/// An error from a call, with the service's own message when it gave one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceError {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// The HTTP status, when there was an answer.
    pub status: Option<u16>,
    /// The service's message, or ours.
    pub message: String,
    /// How long the answer asked to wait before trying again
    /// (`Retry-After`), in milliseconds.
    pub retry_after_ms: Option<u64>,
}

impl ServiceError {
    /// An error of `kind` with `message` and no HTTP status.
    pub fn local(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            status: None,
            message: message.into(),
            retry_after_ms: None,
        }
    }

    /// Whether trying again may help.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Throttling
                | ErrorKind::ServiceFault
                | ErrorKind::Timeout
                | ErrorKind::Network
        )
    }

    /// The failure in a few words, for a place too small for
    /// [`ServiceError::explain`] (a table cell).
    pub fn brief(&self) -> &str {
        match &self.kind {
            ErrorKind::Validation => "refused as invalid",
            ErrorKind::ResourceNotFound => "not found",
            ErrorKind::ResourceLimitExceeded => "account limit reached",
            ErrorKind::Conflict => "changed at the same time",
            ErrorKind::Throttling => "the service is busy",
            ErrorKind::AccessDenied => "not allowed",
            ErrorKind::BadSignature => "signature refused",
            ErrorKind::ServiceFault => "service failure",
            ErrorKind::Timeout => "no answer in time",
            ErrorKind::Network => "endpoint not reached",
            ErrorKind::BadResponse => "unreadable answer",
            ErrorKind::Other(name) => name,
        }
    }

    /// The sentence a reviewer reads.
    pub fn explain(&self) -> String {
        let detail = if self.message.is_empty() {
            String::new()
        } else {
            format!(" The service said: \u{201c}{}\u{201d}", self.message)
        };
        match &self.kind {
            ErrorKind::Validation => format!("The service refused the request as invalid.{detail}"),
            ErrorKind::ResourceNotFound => format!("The model package was not found.{detail}"),
            ErrorKind::ResourceLimitExceeded => format!("An account limit was reached.{detail}"),
            ErrorKind::Conflict => {
                format!("Someone else changed this model package at the same time.{detail}")
            }
            ErrorKind::Throttling => format!(
                "The service is busy and asked to slow down; it still was after several tries.{detail}"
            ),
            ErrorKind::AccessDenied => {
                format!("The credentials are not allowed to do this.{detail}")
            }
            ErrorKind::BadSignature => format!(
                "The service did not accept the request's signature: check the access key, secret and session token (temporary credentials expire), and the region.{detail}"
            ),
            ErrorKind::ServiceFault => {
                format!("The service failed, and kept failing after several tries.{detail}")
            }
            ErrorKind::Timeout => format!("The service did not answer in time.{detail}"),
            ErrorKind::Network => format!(
                "The endpoint could not be reached: the network may be down, the endpoint address wrong, or it does not allow this page (CORS).{detail}"
            ),
            ErrorKind::BadResponse => format!("The service's answer could not be read.{detail}"),
            ErrorKind::Other(name) => format!("The service returned an error ({name}).{detail}"),
        }
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain())
    }
}

impl std::error::Error for ServiceError {}

/// Decodes a non-2xx answer: `{"__type": "...#Name", "message": "..."}`.
pub fn decode_error(status: u16, body: &str) -> ServiceError {
    let parsed: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let raw_type = parsed
        .get("__type")
        .or_else(|| parsed.get("code"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let name = raw_type.rsplit('#').next().unwrap_or_default().to_owned();
    let message = ["message", "Message"]
        .iter()
        .find_map(|key| parsed.get(*key).and_then(Value::as_str))
        .unwrap_or_default()
        .to_owned();
    let kind = match name.as_str() {
        "ValidationException" | "ValidationError" => ErrorKind::Validation,
        "ResourceNotFound" | "ResourceNotFoundException" => ErrorKind::ResourceNotFound,
        "ResourceLimitExceeded" => ErrorKind::ResourceLimitExceeded,
        "ConflictException" => ErrorKind::Conflict,
        "ThrottlingException"
        | "Throttling"
        | "TooManyRequestsException"
        | "RequestLimitExceeded" => ErrorKind::Throttling,
        // Whatever its name, a 429 asks to slow down.
        _ if status == 429 => ErrorKind::Throttling,
        "AccessDeniedException" | "AccessDenied" | "UnrecognizedClientException" => {
            ErrorKind::AccessDenied
        }
        "InvalidSignatureException"
        | "IncompleteSignature"
        | "SignatureDoesNotMatch"
        | "ExpiredTokenException"
        | "InvalidClientTokenId"
        | "MissingAuthenticationToken" => ErrorKind::BadSignature,
        "InternalFailure" | "ServiceUnavailable" | "InternalServerError" => ErrorKind::ServiceFault,
        "" if status >= 500 => ErrorKind::ServiceFault,
        "" if status == 403 => ErrorKind::AccessDenied,
        "" => ErrorKind::BadResponse,
        _ if status >= 500 => ErrorKind::ServiceFault,
        other => ErrorKind::Other(other.to_owned()),
    };
    ServiceError {
        kind,
        status: Some(status),
        message,
        retry_after_ms: None,
    }
}

/// The `NameContains` to send for what a reviewer typed to find a group:
/// the service takes 1 to 63 characters of `[a-zA-Z0-9-]`, and refuses
/// anything else, which no group name can contain anyway, so `None` (the
/// search is then the page's own).
pub fn name_contains_filter(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let usable = (1..=63).contains(&typed.chars().count())
        && typed.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    usable.then(|| typed.to_owned())
}

/// What a submit says when the browser gives no secure random numbers for
/// its `ClientToken`: nothing is sent.
pub const NO_SECURE_RANDOM: &str = "This browser gave no secure random numbers, which a submit needs for its one-time token (the token lets a retried submit be applied once). Nothing was sent, and your edits are kept. Try another browser, or the editor served over HTTPS.";

/// A `ClientToken` (a UUID v4, 36 characters of `[0-9a-f-]`) from 16
/// random bytes: one per submit, reused by its retries.
pub fn client_token(random: [u8; 16]) -> String {
    let mut bytes = random;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A time in epoch seconds as people read it, in UTC ("2026-11-25 17:15").
pub fn format_time(epoch_seconds: f64) -> String {
    let date = super::sigv4::amz_date(epoch_seconds * 1000.0);
    format!(
        "{}-{}-{} {}:{} UTC",
        &date[0..4],
        &date[4..6],
        &date[6..8],
        &date[9..11],
        &date[11..13]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_encode_as_the_service_model_names_them() {
        let input = ListModelPackagesInput {
            model_package_group_name: Some("fraud-detector".into()),
            max_results: Some(100),
            sort_by: Some("CreationTime".into()),
            sort_order: Some("Descending".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&input).unwrap(),
            r#"{"ModelPackageGroupName":"fraud-detector","MaxResults":100,"SortBy":"CreationTime","SortOrder":"Descending"}"#
        );
        let update = UpdateModelPackageInput {
            model_package_arn: "arn:x".into(),
            model_card: Some(ModelCard {
                model_card_content: Some("{}".into()),
                model_card_status: Some("Draft".into()),
            }),
            client_token: Some("t".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&update).unwrap(),
            r#"{"ModelPackageArn":"arn:x","ModelCard":{"ModelCardContent":"{}","ModelCardStatus":"Draft"},"ClientToken":"t"}"#
        );
        assert_eq!(
            Operation::UpdateModelPackage.target(),
            "SageMaker.UpdateModelPackage"
        );
    }

    #[test]
    fn errors_decode_into_kinds_with_the_services_message() {
        let error = decode_error(
            400,
            r#"{"__type": "com.amazonaws.sagemaker#ValidationException", "message": "bad enum"}"#,
        );
        assert_eq!(
            (error.kind, error.message.as_str(), error.status),
            (ErrorKind::Validation, "bad enum", Some(400))
        );
        assert_eq!(
            decode_error(
                400,
                r#"{"__type": "ThrottlingException", "Message": "slow"}"#
            )
            .kind,
            ErrorKind::Throttling
        );
        assert_eq!(
            decode_error(500, r#"{"__type": "InternalFailure"}"#).kind,
            ErrorKind::ServiceFault
        );
        assert_eq!(
            decode_error(503, "<html>busy</html>").kind,
            ErrorKind::ServiceFault
        );
        assert_eq!(
            decode_error(
                403,
                r#"{"__type": "InvalidSignatureException", "message": "no"}"#
            )
            .kind,
            ErrorKind::BadSignature
        );
        assert_eq!(
            decode_error(400, r#"{"__type": "ConflictException"}"#).kind,
            ErrorKind::Conflict
        );
        assert_eq!(
            decode_error(418, r#"{"__type": "Teapot"}"#).kind,
            ErrorKind::Other("Teapot".into())
        );
        assert!(
            decode_error(400, r#"{"__type":"ValidationException","message":"m"}"#)
                .explain()
                .contains("The service said: “m”")
        );
    }

    #[test]
    fn client_tokens_are_uuids_within_the_services_pattern() {
        let token = client_token([0xab; 16]);
        assert_eq!(token, "abababab-abab-4bab-abab-abababababab");
        assert!(token.len() <= 36 && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    #[test]
    fn only_names_the_service_accepts_are_sent_as_name_contains() {
        assert_eq!(name_contains_filter(" fraud "), Some("fraud".to_owned()));
        assert_eq!(
            name_contains_filter("churn-model-2"),
            Some("churn-model-2".to_owned())
        );
        for refused in [
            "",
            "   ",
            "fraud detector",
            "🙂",
            "غش",
            "a_b",
            &"a".repeat(64),
        ] {
            assert_eq!(name_contains_filter(refused), None, "{refused:?}");
        }
        assert_eq!(
            name_contains_filter(&"a".repeat(63)).map(|name| name.len()),
            Some(63)
        );
        let input = ListModelPackageGroupsInput {
            name_contains: Some("fraud".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&input).unwrap(),
            r#"{"NameContains":"fraud"}"#
        );
    }

    #[test]
    fn failures_have_a_brief_form_for_small_places() {
        assert_eq!(
            ServiceError::local(ErrorKind::Timeout, "").brief(),
            "no answer in time"
        );
        assert_eq!(
            decode_error(400, r#"{"__type": "ValidationException"}"#).brief(),
            "refused as invalid"
        );
        assert_eq!(
            ServiceError::local(ErrorKind::Other("Teapot".into()), "").brief(),
            "Teapot"
        );
    }

    #[test]
    fn times_read_in_utc() {
        assert_eq!(format_time(1_795_563_115.058), "2026-11-24 23:31 UTC");
    }
}
