//! Cards going out: a JSON file, and the input of `aws sagemaker
//! update-model-package`, byte for byte what the tests' golden files hold.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::json_text::{TextStyle, to_json_text};

/// A model card's status (`ModelCardStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardStatus {
    /// Being written.
    Draft,
    /// Waiting for a reviewer.
    PendingReview,
    /// Approved by a reviewer.
    Approved,
    /// No longer in use.
    Archived,
}

impl CardStatus {
    /// Every status, in the order people go through them.
    pub const ALL: [CardStatus; 4] = [
        CardStatus::Draft,
        CardStatus::PendingReview,
        CardStatus::Approved,
        CardStatus::Archived,
    ];

    /// The API's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::PendingReview => "PendingReview",
            Self::Approved => "Approved",
            Self::Archived => "Archived",
        }
    }

    /// The status the API calls `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == name)
    }
}

impl fmt::Display for CardStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The card as a file: pretty-printed (two spaces), keys in the order they
/// were loaded, numbers as written, a final newline.
pub fn card_file_text(card: &Value) -> String {
    to_json_text(card, &TextStyle::standard())
}

/// A file name for the card: the model's name and the date, safe on every
/// file system, e.g. `ModelGroup1-3-card-2026-11-25.json`.
pub fn card_file_name(model: Option<&str>, date: &str) -> String {
    let model = model.map(safe_name).filter(|name| !name.is_empty());
    match model {
        Some(model) => format!("{model}-card-{date}.json"),
        None => format!("model-card-{date}.json"),
    }
}

/// The name for the update input file.
pub fn update_input_file_name(model: Option<&str>) -> String {
    match model.map(safe_name).filter(|name| !name.is_empty()) {
        Some(model) => format!("update-model-package-{model}.json"),
        None => "update-model-package.json".to_owned(),
    }
}

fn safe_name(name: &str) -> String {
    let mut safe = String::with_capacity(name.len());
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-') {
            safe.push(ch);
        } else if !safe.ends_with('-') {
            safe.push('-');
        }
    }
    safe.trim_matches(['-', '.']).chars().take(80).collect()
}

/// "ModelGroup1-3" from `arn:aws:sagemaker:...:model-package/ModelGroup1/3`,
/// and a file's stem from its name.
pub fn model_name(arn: Option<&str>, file_name: Option<&str>) -> Option<String> {
    if let Some(package) = arn.and_then(|arn| arn.split_once(":model-package/")) {
        return Some(package.1.replace('/', "-"));
    }
    let stem = file_name?
        .rsplit_once('.')
        .map_or(file_name?, |(stem, _)| stem);
    Some(stem.to_owned())
}

/// Why an ARN will not do for `update-model-package`.
pub fn check_arn(arn: &str) -> Result<(), String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let well_formed = parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "sagemaker"
        && !parts[3].is_empty()
        && parts[4].len() == 12
        && parts[4].bytes().all(|byte| byte.is_ascii_digit())
        && parts[5]
            .strip_prefix("model-package/")
            .is_some_and(|rest| !rest.is_empty());
    if well_formed {
        Ok(())
    } else {
        Err("a model package ARN looks like arn:aws:sagemaker:REGION:ACCOUNT:model-package/GROUP/VERSION".to_owned())
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct UpdateInput<'a> {
    model_package_arn: &'a str,
    model_card: ModelCard,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ModelCard {
    model_card_content: String,
    model_card_status: &'static str,
}

/// The input for `aws sagemaker update-model-package --cli-input-json`:
/// the ARN, and the card as compact JSON text with its status.
pub fn update_input_text(arn: &str, card: &Value, status: CardStatus) -> String {
    let input = UpdateInput {
        model_package_arn: arn,
        model_card: ModelCard {
            model_card_content: serde_json::to_string(card)
                .expect("a JSON value always serialises"),
            model_card_status: status.as_str(),
        },
    };
    let mut text = serde_json::to_string_pretty(&input).expect("the input always serialises");
    text.push('\n');
    text
}

/// The command that applies an update input saved as `file_name`.
pub fn update_command(file_name: &str) -> String {
    format!("aws sagemaker update-model-package --cli-input-json file://{file_name}")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn file_names_come_from_the_model_and_the_date() {
        let arn = "arn:aws:sagemaker:us-east-2:123456789012:model-package/ModelGroup1/3";
        assert_eq!(
            model_name(Some(arn), None).as_deref(),
            Some("ModelGroup1-3")
        );
        assert_eq!(
            model_name(None, Some("fraud card.json")).as_deref(),
            Some("fraud card")
        );
        assert_eq!(
            card_file_name(Some("fraud card/ä"), "2026-11-25"),
            "fraud-card-card-2026-11-25.json"
        );
        assert_eq!(
            card_file_name(None, "2026-11-25"),
            "model-card-2026-11-25.json"
        );
        assert_eq!(
            card_file_name(Some("///"), "2026-11-25"),
            "model-card-2026-11-25.json"
        );
        assert_eq!(
            update_input_file_name(Some("ModelGroup1-3")),
            "update-model-package-ModelGroup1-3.json"
        );
    }

    #[test]
    fn arns_are_checked_for_the_model_package_shape() {
        assert!(
            check_arn("arn:aws:sagemaker:us-east-2:123456789012:model-package/ModelGroup1/3")
                .is_ok()
        );
        assert!(
            check_arn("arn:aws-cn:sagemaker:cn-north-1:123456789012:model-package/g/1").is_ok()
        );
        assert!(check_arn("arn:aws:sagemaker:us-east-2:1234:model-package/g/1").is_err());
        assert!(check_arn("arn:aws:s3:::bucket").is_err());
        assert!(check_arn("").is_err());
    }

    #[test]
    fn the_update_input_carries_the_card_as_compact_text() {
        let card = json!({"b": 1.0, "a": "é"});
        let text = update_input_text("arn:x", &card, CardStatus::PendingReview);
        assert_eq!(
            text,
            "{\n  \"ModelPackageArn\": \"arn:x\",\n  \"ModelCard\": {\n    \"ModelCardContent\": \"{\\\"b\\\":1.0,\\\"a\\\":\\\"é\\\"}\",\n    \"ModelCardStatus\": \"PendingReview\"\n  }\n}\n"
        );
        assert_eq!(
            update_command("u.json"),
            "aws sagemaker update-model-package --cli-input-json file://u.json"
        );
    }

    #[test]
    fn statuses_round_trip_their_api_names() {
        for status in CardStatus::ALL {
            assert_eq!(CardStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(CardStatus::parse("Pending"), None);
    }
}
