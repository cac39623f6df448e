//! Presentation data for generated forms (our "uiSchema"): labels, help,
//! placeholders, which strings are multi-line, composite widgets. Kept as
//! data, keyed by where a field sits, so no component special-cases a field
//! by name.
//!
//! Keys are either instance patterns, JSON Pointers into the card with `*`
//! for any array index or map key (`/evaluation_details/*/name`), or
//! definition paths (`#/definitions/simple_metric/value`), which apply
//! wherever that definition is used. An instance pattern's hints win over a
//! definition's, field by field.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// The model card's presentation data, embedded at build time.
pub const CARD_UI_JSON: &str = include_str!("../../../schemas/model-card.ui.json");

static CARD_UI: LazyLock<UiSchema> = LazyLock::new(|| {
    UiSchema::parse(CARD_UI_JSON)
        .expect("the bundled ui schema is well-formed (a native test checks it)")
});

/// The bundled model card presentation data, parsed once.
pub fn card_ui() -> &'static UiSchema {
    &CARD_UI
}

/// A widget a field asks for instead of the one its schema would get.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum WidgetHint {
    /// A one-line text box.
    Text,
    /// A multi-line text box.
    Textarea,
    /// `[x, y]` pairs as a two-column table.
    Points,
    /// Numbers beside the labels held by a sibling array (a bar chart).
    LabelledValues,
    /// Rows of numbers as a grid, with labelled rows and columns.
    Matrix,
    /// Raw JSON, for values no form can express.
    Json,
}

/// How one field is presented. Every hint is optional; absent hints fall
/// back to what the schema says.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct UiHints {
    /// The field's label.
    pub label: Option<String>,
    /// One or two sentences under the label.
    pub help: Option<String>,
    /// An example shown in the empty control.
    pub placeholder: Option<String>,
    /// Whether a string gets a multi-line text box.
    pub multiline: Option<bool>,
    /// A widget other than the schema's default.
    pub widget: Option<WidgetHint>,
    /// What one item of an array is called ("Artifact", "Evaluation").
    pub item_label: Option<String>,
    /// The child whose value titles a collapsed array item.
    pub summary: Option<String>,
    /// A sibling array holding labels for these numbers (bar chart labels,
    /// matrix column labels).
    pub labels_from: Option<String>,
    /// A sibling array holding the row labels of a matrix.
    pub row_labels_from: Option<String>,
    /// A sibling string naming the x axis of a points table.
    pub x_name_from: Option<String>,
    /// A sibling string naming the y axis of a points table.
    pub y_name_from: Option<String>,
    /// A sibling whose value says which kind of scalar this is (a simple
    /// metric's `type` says whether its `value` is a number, text or yes/no).
    pub kind_from: Option<String>,
    /// The sibling whose widget edits this field too, so it is not shown on
    /// its own.
    pub shown_with: Option<String>,
    /// The order of an object's fields; fields not named follow in schema
    /// order.
    pub order: Option<Vec<String>>,
    /// Whether an array's items start collapsed.
    pub collapsed: Option<bool>,
}

impl UiHints {
    /// These hints with every hint `over` sets replacing ours.
    pub fn overlaid_with(&self, over: &UiHints) -> UiHints {
        fn pick<T: Clone>(over: &Option<T>, under: &Option<T>) -> Option<T> {
            over.clone().or_else(|| under.clone())
        }
        UiHints {
            label: pick(&over.label, &self.label),
            help: pick(&over.help, &self.help),
            placeholder: pick(&over.placeholder, &self.placeholder),
            multiline: pick(&over.multiline, &self.multiline),
            widget: pick(&over.widget, &self.widget),
            item_label: pick(&over.item_label, &self.item_label),
            summary: pick(&over.summary, &self.summary),
            labels_from: pick(&over.labels_from, &self.labels_from),
            row_labels_from: pick(&over.row_labels_from, &self.row_labels_from),
            x_name_from: pick(&over.x_name_from, &self.x_name_from),
            y_name_from: pick(&over.y_name_from, &self.y_name_from),
            kind_from: pick(&over.kind_from, &self.kind_from),
            shown_with: pick(&over.shown_with, &self.shown_with),
            order: pick(&over.order, &self.order),
            collapsed: pick(&over.collapsed, &self.collapsed),
        }
    }
}

/// Presentation data for a whole schema.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct UiSchema {
    /// Hints by instance pattern or definition path.
    #[serde(default)]
    fields: BTreeMap<String, UiHints>,
}

/// Why presentation data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiSchemaError(pub String);

impl std::fmt::Display for UiSchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the ui schema is not usable: {}", self.0)
    }
}

impl std::error::Error for UiSchemaError {}

impl UiSchema {
    /// Reads presentation data from its JSON text.
    pub fn parse(text: &str) -> Result<Self, UiSchemaError> {
        let schema: UiSchema =
            serde_json::from_str(text).map_err(|error| UiSchemaError(error.to_string()))?;
        for key in schema.fields.keys() {
            if !(key.is_empty() || key.starts_with('/') || key.starts_with("#/")) {
                return Err(UiSchemaError(format!(
                    "key {key:?} is neither an instance pattern (/...) nor a definition path (#/...)"
                )));
            }
        }
        Ok(schema)
    }

    /// No presentation data: every field as its schema says.
    pub fn empty() -> Self {
        Self::default()
    }

    /// The hints for a field at `instance_pattern`, reached through the
    /// definition paths `definition_paths` (weakest first: the definition a
    /// `$ref` names, then the place inside the definition that refers).
    pub fn hints(&self, instance_pattern: &str, definition_paths: &[&str]) -> UiHints {
        let mut hints = UiHints::default();
        for path in definition_paths {
            if let Some(own) = self.fields.get(*path) {
                hints = hints.overlaid_with(own);
            }
        }
        match self.fields.get(instance_pattern) {
            Some(own) => hints.overlaid_with(own),
            None => hints,
        }
    }

    /// Every key, for checking that each names a real field.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.fields.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_hints_override_definition_hints_field_by_field() {
        let ui = UiSchema::parse(
            r##"{"fields": {
                "#/definitions/metric/name": {"label": "Metric", "placeholder": "accuracy"},
                "/a/*/name": {"label": "Name"}
            }}"##,
        )
        .unwrap();
        let hints = ui.hints("/a/*/name", &["#/definitions/metric/name"]);
        assert_eq!(hints.label.as_deref(), Some("Name"));
        assert_eq!(hints.placeholder.as_deref(), Some("accuracy"));
        assert_eq!(ui.hints("/elsewhere", &[]), UiHints::default());
    }

    #[test]
    fn unknown_hints_and_bad_keys_are_rejected() {
        assert!(UiSchema::parse(r#"{"fields": {"/a": {"lable": "typo"}}}"#).is_err());
        assert!(UiSchema::parse(r#"{"fields": {"a": {}}}"#).is_err());
        assert!(UiSchema::parse(r#"{"fields": {"/a": {"widget": "matrix"}}}"#).is_ok());
    }

    #[test]
    fn the_bundled_ui_schema_parses() {
        assert!(card_ui().keys().count() > 10);
    }
}
