//! The model package card schema as the app ships it, and what the app reads
//! off it directly (the card's sections).
//!
//! The file under `schemas/` is the schema from the AWS documentation,
//! verbatim; everything here derives from it rather than restating it.

use std::sync::LazyLock;

use serde_json::Value;

/// The card schema's text, embedded at build time.
pub const CARD_SCHEMA_JSON: &str = include_str!("../../schemas/model-package-card.schema.json");

static CARD_SCHEMA: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(CARD_SCHEMA_JSON).expect("the bundled card schema is valid JSON")
});

/// The card schema, parsed once.
pub fn card_schema() -> &'static Value {
    &CARD_SCHEMA
}

/// A top-level part of a card, as the schema declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The property name in the card, e.g. `intended_uses`.
    pub key: String,
    /// A heading for people, e.g. "Intended uses".
    pub title: String,
    /// The schema's description, when it has one.
    pub description: Option<String>,
}

/// The sections of a card: the schema's top-level properties, in the order
/// the schema declares them.
pub fn sections(schema: &Value) -> Vec<Section> {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(key, property)| Section {
            key: key.clone(),
            title: property
                .get("title")
                .and_then(Value::as_str)
                .map_or_else(|| humanize(key), str::to_owned),
            description: property
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
        .collect()
}

/// Turns a property name into a label: `line_of_business` becomes
/// "Line of business".
pub fn humanize(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => key.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_has_six_sections_in_schema_order() {
        let keys: Vec<_> = sections(card_schema()).into_iter().map(|s| s.key).collect();
        assert_eq!(
            keys,
            [
                "model_overview",
                "intended_uses",
                "business_details",
                "training_details",
                "evaluation_details",
                "additional_information",
            ]
        );
    }

    #[test]
    fn sections_take_titles_from_keys_and_descriptions_from_the_schema() {
        let all = sections(card_schema());
        assert_eq!(all[1].title, "Intended uses");
        assert_eq!(
            all[1].description.as_deref(),
            Some("Intended usage of model.")
        );
        assert_eq!(all[4].description, None);
    }

    #[test]
    fn sections_prefer_a_schema_title() {
        let schema = serde_json::json!({"properties": {"x_y": {"title": "Custom"}}});
        assert_eq!(sections(&schema)[0].title, "Custom");
        assert!(sections(&serde_json::json!({"type": "string"})).is_empty());
    }

    #[test]
    fn humanize_makes_labels() {
        assert_eq!(humanize("line_of_business"), "Line of business");
        assert_eq!(humanize("x"), "X");
        assert_eq!(humanize("_"), "_");
    }
}
