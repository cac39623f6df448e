//! Cards going out: a JSON file, and the input of `aws sagemaker
//! update-model-package`, byte for byte what the tests' golden files hold.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::drafts::CardSource;
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

/// The command that applies an update input saved as `file_name`, in
/// `region`: without `--region` the AWS CLI would use whatever region the
/// reviewer's profile names, which may not be the version's.
pub fn update_command(file_name: &str, region: &str) -> String {
    format!(
        "aws sagemaker update-model-package --region {region} --cli-input-json file://{file_name}"
    )
}

/// Why `region` is not an AWS region name (`us-east-2`, `eu-west-1`,
/// `us-gov-west-1`, `cn-north-1`).
pub fn check_region(region: &str) -> Result<(), String> {
    let parts: Vec<&str> = region.split('-').collect();
    let well_formed = parts.len() >= 3
        && parts.iter().all(|part| !part.is_empty())
        && parts[..parts.len() - 1]
            .iter()
            .all(|part| part.bytes().all(|byte| byte.is_ascii_lowercase()))
        && parts[parts.len() - 1]
            .bytes()
            .all(|byte| byte.is_ascii_digit());
    if well_formed {
        Ok(())
    } else {
        Err("a region looks like us-east-2 or eu-west-1".to_owned())
    }
}

/// The region an ARN names (`arn:aws:sagemaker:REGION:ACCOUNT:...`), when
/// it names a well-formed one.
pub fn arn_region(arn: &str) -> Option<&str> {
    let mut parts = arn.trim().splitn(6, ':');
    let (Some("arn"), Some(_partition), Some(_service), Some(region)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    check_region(region).ok().map(|()| region)
}

/// The region the AWS CLI command runs in, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionChoice {
    /// The region the model package's ARN names: the version lives there,
    /// so it wins. `configured` is the editor's configured region when that
    /// is another one, which the dialog then says.
    FromArn {
        /// The ARN's region.
        region: String,
        /// The configuration's region, when it differs.
        configured: Option<String>,
    },
    /// The editor's configured region (`config.json`), the ARN naming none.
    FromConfig(String),
    /// The region the reviewer typed, neither the ARN nor a configuration
    /// naming one.
    Typed(String),
    /// No region known: the dialog asks for one, with this reason (the
    /// typed text is not a region, or nothing was typed).
    Unknown(String),
}

impl RegionChoice {
    /// The region to put in the command, when one is known.
    pub fn region(&self) -> Option<&str> {
        match self {
            Self::FromArn { region, .. } | Self::FromConfig(region) | Self::Typed(region) => {
                Some(region)
            }
            Self::Unknown(_) => None,
        }
    }

    /// Whether the reviewer must type the region (no ARN or configuration
    /// names one).
    pub fn asks(&self) -> bool {
        matches!(self, Self::Typed(_) | Self::Unknown(_))
    }

    /// One sentence on where the region came from, for the dialog.
    pub fn explanation(&self) -> String {
        self.explanation_parts()
            .into_iter()
            .map(|part| part.text)
            .collect()
    }

    /// [`RegionChoice::explanation`] in parts, the region names marked, so
    /// that the dialog never breaks one at its hyphens ("eu-" at the end of
    /// a line, "west-1" on the next).
    pub fn explanation_parts(&self) -> Vec<Phrase> {
        let text = |text: &str| Phrase {
            text: text.to_owned(),
            region: false,
        };
        let region = |name: &str| Phrase {
            text: name.to_owned(),
            region: true,
        };
        match self {
            Self::FromArn {
                region: arns,
                configured: None,
            } => vec![
                text("Region "),
                region(arns),
                text(", from the model package ARN."),
            ],
            Self::FromArn {
                region: arns,
                configured: Some(configured),
            } => vec![
                text("Region "),
                region(arns),
                text(
                    ", from the model package ARN: the version is there. The editor is configured for ",
                ),
                region(configured),
                text(", which the command does not use."),
            ],
            Self::FromConfig(configured) => vec![
                text("Region "),
                region(configured),
                text(", from the editor's configuration."),
            ],
            Self::Typed(typed) => vec![text("Region "), region(typed), text(", as you typed it.")],
            Self::Unknown(reason) => vec![text(reason)],
        }
    }
}

/// A piece of a sentence, and whether it is a region's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The text.
    pub text: String,
    /// Whether it names a region (kept on one line).
    pub region: bool,
}

/// Which region the command uses: the ARN's (the version lives there),
/// else the configured one, else what the reviewer `typed`.
pub fn choose_region(arn: &str, configured: Option<&str>, typed: &str) -> RegionChoice {
    let configured = configured.filter(|region| check_region(region).is_ok());
    if let Some(region) = arn_region(arn) {
        return RegionChoice::FromArn {
            region: region.to_owned(),
            configured: configured
                .filter(|configured| *configured != region)
                .map(str::to_owned),
        };
    }
    if let Some(region) = configured {
        return RegionChoice::FromConfig(region.to_owned());
    }
    let typed = typed.trim();
    if typed.is_empty() {
        return RegionChoice::Unknown(
            "Enter the AWS region the model package is in (for example us-east-2): \
             the command needs it, and an ARN above names it too."
                .to_owned(),
        );
    }
    match check_region(typed) {
        Ok(()) => RegionChoice::Typed(typed.to_owned()),
        Err(problem) => RegionChoice::Unknown(format!(
            "\u{201c}{typed}\u{201d} is not a region: {problem}."
        )),
    }
}

/// A status as a reviewer reads it: `PendingManualApproval` as "Pending
/// manual approval".
pub fn status_words(status: &str) -> String {
    let mut words = String::with_capacity(status.len() + 4);
    for (index, ch) in status.chars().enumerate() {
        if ch.is_uppercase() && index > 0 {
            words.push(' ');
            words.extend(ch.to_lowercase());
        } else {
            words.push(ch);
        }
    }
    words
}

/// Where a printed card says it came from: the model registry for a
/// registry version (the printout names its ARN already), else the source
/// as the editor names it.
pub fn printed_source(source: &CardSource) -> String {
    match source {
        CardSource::ModelPackage(_) => "the model registry".to_owned(),
        other => other.describe(),
    }
}

/// `value` trimmed, when anything is left.
fn known(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|value| !value.is_empty())
}

/// What a printed card says about the model package version it belongs
/// to, as label and value, each when known: the version's ARN, the card's
/// status and the version's approval status. A printout attached to an
/// approval must say which version, and in which state, it describes.
pub fn version_facts(
    arn: Option<&str>,
    card_status: Option<&str>,
    approval_status: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut facts = Vec::new();
    if let Some(arn) = known(arn) {
        facts.push(("Model package ARN", arn.to_owned()));
    }
    if let Some(status) = known(card_status) {
        facts.push(("Card status", status_words(status)));
    }
    if let Some(approval) = known(approval_status) {
        facts.push(("Approval status", status_words(approval)));
    }
    facts
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
            update_command("u.json", "eu-west-1"),
            "aws sagemaker update-model-package --region eu-west-1 --cli-input-json file://u.json"
        );
    }

    const ARN: &str = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/g/3";

    #[test]
    fn regions_are_read_from_arns_and_checked() {
        assert_eq!(arn_region(ARN), Some("eu-west-1"));
        assert_eq!(
            arn_region("arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:model-package/g/1"),
            Some("us-gov-west-1")
        );
        assert_eq!(
            arn_region("arn:aws:sagemaker::123456789012:model-package/g/1"),
            None
        );
        assert_eq!(arn_region("arn:aws:sagemaker:EU:1:x"), None);
        assert_eq!(arn_region("not an arn"), None);
        assert_eq!(arn_region(""), None);
        assert!(check_region("ap-southeast-2").is_ok());
        for bad in [
            "",
            "us",
            "us-east",
            "US-EAST-2",
            "us-east-2a",
            "us--2",
            "us east 2",
        ] {
            assert!(check_region(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_arns_region_wins_and_a_different_configuration_is_said() {
        assert_eq!(
            choose_region(ARN, None, ""),
            RegionChoice::FromArn {
                region: "eu-west-1".to_owned(),
                configured: None
            }
        );
        assert_eq!(
            choose_region(ARN, Some("eu-west-1"), "us-west-2"),
            RegionChoice::FromArn {
                region: "eu-west-1".to_owned(),
                configured: None
            }
        );
        let differing = choose_region(ARN, Some("us-east-2"), "");
        assert_eq!(differing.region(), Some("eu-west-1"));
        assert_eq!(
            differing.explanation(),
            "Region eu-west-1, from the model package ARN: the version is there. \
             The editor is configured for us-east-2, which the command does not use."
        );
        assert!(!differing.asks());
        let regions: Vec<String> = differing
            .explanation_parts()
            .into_iter()
            .filter(|part| part.region)
            .map(|part| part.text)
            .collect();
        assert_eq!(regions, ["eu-west-1", "us-east-2"]);
    }

    #[test]
    fn without_an_arn_the_configuration_then_the_reviewer_says() {
        let configured = choose_region("", Some("us-east-2"), "");
        assert_eq!(configured, RegionChoice::FromConfig("us-east-2".to_owned()));
        assert_eq!(
            configured.explanation(),
            "Region us-east-2, from the editor's configuration."
        );
        let unknown = choose_region("arn:aws:sagemaker", None, "");
        assert_eq!(unknown.region(), None);
        assert!(unknown.asks());
        assert!(unknown.explanation().starts_with("Enter the AWS region"));
        let typed = choose_region("", None, " ap-south-1 ");
        assert_eq!(typed, RegionChoice::Typed("ap-south-1".to_owned()));
        assert!(typed.asks());
        let wrong = choose_region("", None, "Frankfurt");
        assert_eq!(wrong.region(), None);
        assert_eq!(
            wrong.explanation(),
            "\u{201c}Frankfurt\u{201d} is not a region: a region looks like us-east-2 or eu-west-1."
        );
    }

    #[test]
    fn a_printout_names_the_version_and_its_states() {
        let arn = "arn:aws:sagemaker:us-east-2:123456789012:model-package/g/3";
        assert_eq!(
            version_facts(
                Some(arn),
                Some("PendingReview"),
                Some("PendingManualApproval")
            ),
            vec![
                ("Model package ARN", arn.to_owned()),
                ("Card status", "Pending review".to_owned()),
                ("Approval status", "Pending manual approval".to_owned()),
            ]
        );
        assert_eq!(
            version_facts(None, Some("Approved"), None),
            vec![("Card status", "Approved".to_owned())]
        );
        assert_eq!(version_facts(Some(" "), None, Some("")), vec![]);
        assert_eq!(
            printed_source(&CardSource::ModelPackage(arn.to_owned())),
            "the model registry"
        );
        assert_eq!(
            printed_source(&CardSource::File("fraud.json".to_owned())),
            "\u{201c}fraud.json\u{201d}"
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
