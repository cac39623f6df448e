//! "Write a card" for a version without one starts from what the registry
//! knows rather than blank: the model artifact from the version's
//! containers, and, when another version of the group has a card, that
//! card (the newest by default) without its version-specific parts, which
//! belong to the other version and are marked to fill for this one
//! (`super::to_fill`).

use serde_json::{Map, Value};

use super::to_fill::{ToFill, VERSION_PARTS, VersionPart};
use crate::domain::training_fill::artifact_proposal;

/// A card to start from, and what was done to make it, for the notice.
#[derive(Clone, Debug, PartialEq)]
pub struct StartingCard {
    /// The card.
    pub card: Value,
    /// One sentence per thing taken or left out.
    pub notes: Vec<String>,
    /// The parts left out, to fill for this version.
    pub to_fill: Vec<ToFill>,
}

/// The card to start a version's card from: `other` (another version's
/// name and card) without its version-specific parts, or an empty card;
/// then the model artifact from `model_data_urls` (each once).
pub fn starting_card(model_data_urls: &[String], other: Option<(&str, &Value)>) -> StartingCard {
    let mut notes = Vec::new();
    let mut to_fill = Vec::new();
    let mut card = match other {
        Some((version, card)) if card.is_object() => {
            let mut card = card.clone();
            let left_out = leave_out_version_parts(&mut card);
            notes.push(match left_out.as_slice() {
                [] => format!("Started from the card of {version}."),
                parts => format!(
                    "Started from the card of {version}, without {}: they belong to that version, and are marked in their sections to fill for this one.",
                    parts
                        .iter()
                        .map(|part| part.words)
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
            });
            to_fill = left_out
                .iter()
                .map(|part| ToFill {
                    section: part.section.to_owned(),
                    from: version.to_owned(),
                })
                .collect();
            card
        }
        _ => Value::Object(Map::new()),
    };
    if let Some(artifact) = artifact_proposal(&card, model_data_urls) {
        let urls = artifact.proposed;
        let count = urls.as_array().map_or(0, Vec::len);
        if let Some(object) = card.as_object_mut() {
            let overview = object
                .entry("model_overview")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(overview) = overview.as_object_mut() {
                overview.insert("model_artifact".to_owned(), urls);
                notes.push(match count {
                    1 => "The model artifact is this version's model data.".to_owned(),
                    n => {
                        format!("The model artifact is this version's model data ({n} locations).")
                    }
                });
            }
        }
    }
    StartingCard {
        card,
        notes,
        to_fill,
    }
}

/// Removes the version-specific parts; says which were there.
fn leave_out_version_parts(card: &mut Value) -> Vec<&'static VersionPart> {
    let mut left_out = Vec::new();
    let Some(object) = card.as_object_mut() else {
        return left_out;
    };
    for part in &VERSION_PARTS {
        let removed = match part.member {
            None => object.remove(part.section).is_some(),
            Some(member) => {
                let removed = object
                    .get_mut(part.section)
                    .and_then(Value::as_object_mut)
                    .and_then(|section| section.remove(member))
                    .is_some();
                if object
                    .get(part.section)
                    .and_then(Value::as_object)
                    .is_some_and(Map::is_empty)
                {
                    object.remove(part.section);
                }
                removed
            }
        };
        if removed {
            left_out.push(part);
        }
    }
    left_out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::registry::to_fill::standing;

    #[test]
    fn another_versions_card_is_the_start_without_what_belongs_to_that_version() {
        let other = json!({
            "model_overview": {"model_creator": "Fraud ML", "model_artifact": ["s3://old"]},
            "training_details": {"objective_function": {"notes": "kept"}, "training_job_details": {"training_arn": "arn:old"}},
            "evaluation_details": [{"name": "Holdout"}],
        });
        let urls = vec![
            "s3://new/model.tar.gz".to_owned(),
            "s3://new/model.tar.gz".to_owned(),
        ];
        let start = starting_card(&urls, Some(("fraud-detector, version 3", &other)));
        assert_eq!(
            start.card,
            json!({
                "model_overview": {"model_creator": "Fraud ML", "model_artifact": ["s3://new/model.tar.gz"]},
                "training_details": {"objective_function": {"notes": "kept"}},
            })
        );
        assert_eq!(
            start.notes,
            [
                "Started from the card of fraud-detector, version 3, without its training job details and its evaluations: they belong to that version, and are marked in their sections to fill for this one.",
                "The model artifact is this version's model data.",
            ]
        );
        let marked: Vec<(&str, &str)> = start
            .to_fill
            .iter()
            .map(|mark| (mark.section.as_str(), mark.from.as_str()))
            .collect();
        assert_eq!(
            marked,
            [
                ("training_details", "fraud-detector, version 3"),
                ("evaluation_details", "fraud-detector, version 3"),
            ]
        );
        assert!(
            standing(&start.to_fill, &start.card).len() == 2,
            "both marks stand in the card started"
        );
    }

    #[test]
    fn with_nothing_else_the_start_is_what_the_registry_knows() {
        let start = starting_card(&["s3://a".into(), "s3://b".into()], None);
        assert_eq!(
            start.card,
            json!({"model_overview": {"model_artifact": ["s3://a", "s3://b"]}})
        );
        assert_eq!(
            start.notes,
            ["The model artifact is this version's model data (2 locations)."]
        );
        assert_eq!(starting_card(&[], None).card, json!({}));
        assert!(starting_card(&[], None).to_fill.is_empty());
        let only_training = json!({"training_details": {"training_job_details": {}}});
        let start = starting_card(&[], Some(("v1", &only_training)));
        assert_eq!(start.card, json!({}));
        assert_eq!(
            start.to_fill,
            [ToFill {
                section: "training_details".to_owned(),
                from: "v1".to_owned()
            }],
            "only what was there is marked"
        );
    }
}
