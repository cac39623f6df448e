//! Evaluation reports turned into a card's metric groups, for the editor's
//! "Add evaluation from report" and the CLI's `add-evaluation` alike.
//!
//! A report's format is detected from its keys (or named by the user):
//! the card's own metric schema, Clarify bias and explainability
//! (`analysis.json`), and Model Monitor model quality (`statistics.json`)
//! for regression, binary and multiclass classification. **Every** group
//! a report holds is converted, each metric read by its shape rather than
//! from a list of expected keys; what cannot be converted is named in the
//! conversion's notes. Nothing is cut to fit the schema: a name too long
//! or a matrix too large is for the validator to show.

mod apply;
mod bias;
pub mod cli;
mod explain;
mod metric;
pub mod preview;
mod quality;
mod shrink;
mod top;

use std::fmt;

use serde_json::{Map, Value};

pub use apply::{ApplyError, Destination, add_groups};
pub use quality::CONFUSION_ORIENTATION;
pub use shrink::{keep_shape, shorten_curves};
pub use top::{OTHER, cut_matrices, top_classes};

/// The report formats there are converters for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// The card's metric schema: `{"metric_groups": [...]}`.
    MetricSchema,
    /// Clarify's bias `analysis.json`.
    ClarifyBias,
    /// Clarify's explainability `analysis.json`.
    ClarifyExplainability,
    /// Model Monitor's model quality report for a regression model.
    ModelQualityRegression,
    /// Model Monitor's model quality report for a binary classifier.
    ModelQualityBinary,
    /// Model Monitor's model quality report for a multiclass classifier.
    ModelQualityMulticlass,
}

impl ReportFormat {
    /// Every format, in the order the selector and `--help` list them.
    pub const ALL: [Self; 6] = [
        Self::MetricSchema,
        Self::ClarifyBias,
        Self::ClarifyExplainability,
        Self::ModelQualityRegression,
        Self::ModelQualityBinary,
        Self::ModelQualityMulticlass,
    ];

    /// The name `--format` takes.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::MetricSchema => "metric-schema",
            Self::ClarifyBias => "clarify-bias",
            Self::ClarifyExplainability => "clarify-explainability",
            Self::ModelQualityRegression => "model-quality-regression",
            Self::ModelQualityBinary => "model-quality-binary",
            Self::ModelQualityMulticlass => "model-quality-multiclass",
        }
    }

    /// The format named by `--format`.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|format| format.cli_name() == name)
    }

    /// What the format is, as the screen names it.
    pub fn title(self) -> &'static str {
        match self {
            Self::MetricSchema => "Model card metric schema",
            Self::ClarifyBias => "Clarify bias report",
            Self::ClarifyExplainability => "Clarify explainability report",
            Self::ModelQualityRegression => "Model Monitor model quality, regression",
            Self::ModelQualityBinary => "Model Monitor model quality, binary classification",
            Self::ModelQualityMulticlass => {
                "Model Monitor model quality, multiclass classification"
            }
        }
    }
}

/// The format `report`'s keys say it is, if any.
pub fn detect(report: &Value) -> Option<ReportFormat> {
    let report = report.as_object()?;
    let has = |key: &str| report.contains_key(key);
    let explanations = report
        .get("explanations")
        .and_then(Value::as_object)
        .is_some_and(|explained| {
            explained.contains_key("kernel_shap") || explained.contains_key("pdp")
        });
    if report.get("metric_groups").is_some_and(Value::is_array) {
        Some(ReportFormat::MetricSchema)
    } else if has("pre_training_bias_metrics") || has("post_training_bias_metrics") {
        Some(ReportFormat::ClarifyBias)
    } else if explanations {
        Some(ReportFormat::ClarifyExplainability)
    } else if has("multiclass_classification_metrics") {
        Some(ReportFormat::ModelQualityMulticlass)
    } else if has("binary_classification_metrics") {
        Some(ReportFormat::ModelQualityBinary)
    } else if has("regression_metrics") {
        Some(ReportFormat::ModelQualityRegression)
    } else {
        None
    }
}

/// How global SHAP values become metrics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapAs {
    /// A simple metric per feature.
    SimpleMetrics,
    /// One bar chart of the largest `k` by magnitude.
    TopBars(usize),
}

/// Choices a conversion takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConvertOptions {
    /// How global SHAP values become metrics.
    pub shap_as: ShapAs,
}

impl Default for ConvertOptions {
    fn default() -> Self {
        Self {
            shap_as: ShapAs::SimpleMetrics,
        }
    }
}

/// A report converted: metric groups for an evaluation, and what was left
/// out and why, one sentence each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conversion {
    /// The metric groups, in the report's order.
    pub groups: Vec<Value>,
    /// What was not converted, and why.
    pub notes: Vec<String>,
}

/// Why a report could not be converted. Callers name the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// The text is not JSON.
    NotJson(String),
    /// The JSON is not an object, as every report is.
    NotAnObject(String),
    /// No format recognised; the report's top-level keys, for the message.
    Unrecognised(Vec<String>),
    /// The format was named or detected, but nothing in the report is a
    /// group it can convert.
    NothingToConvert {
        /// The format.
        format: ReportFormat,
        /// What that format holds.
        expected: &'static str,
    },
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson(why) => write!(f, "is not JSON: {why}"),
            Self::NotAnObject(kind) => write!(f, "is {kind}, not a report (a JSON object)"),
            Self::Unrecognised(keys) => {
                let shown: Vec<String> = keys
                    .iter()
                    .take(6)
                    .map(|key| format!("\"{key}\""))
                    .collect();
                let keys = if shown.is_empty() {
                    "no keys".to_owned()
                } else {
                    format!("the keys {}", shown.join(", "))
                };
                write!(
                    f,
                    "is not a report this editor reads: it has {keys}. Expected \"metric_groups\" (the card's metric schema), \"pre_training_bias_metrics\" or \"post_training_bias_metrics\" (Clarify bias), \"explanations\" (Clarify explainability), or \"regression_metrics\", \"binary_classification_metrics\" or \"multiclass_classification_metrics\" (Model Monitor model quality)"
                )
            }
            Self::NothingToConvert { format, expected } => {
                write!(
                    f,
                    "has nothing to convert as a {}: expected {expected}",
                    format.title()
                )
            }
        }
    }
}

impl std::error::Error for ReportError {}

/// Reads a report file's text: JSON, an object.
pub fn parse_report(text: &str) -> Result<Value, ReportError> {
    let value: Value =
        serde_json::from_str(text).map_err(|error| ReportError::NotJson(error.to_string()))?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(ReportError::NotAnObject(quality::kind(&value)))
    }
}

/// The format to read `report` as: `named`, else the detected one.
pub fn format_of(report: &Value, named: Option<ReportFormat>) -> Result<ReportFormat, ReportError> {
    named.or_else(|| detect(report)).ok_or_else(|| {
        ReportError::Unrecognised(
            report
                .as_object()
                .map(|object| object.keys().cloned().collect())
                .unwrap_or_default(),
        )
    })
}

/// `report` converted as `format`.
pub fn convert(
    format: ReportFormat,
    report: &Value,
    options: ConvertOptions,
) -> Result<Conversion, ReportError> {
    let empty = Map::new();
    let object = report.as_object().unwrap_or(&empty);
    match format {
        ReportFormat::MetricSchema => metric_schema(object),
        ReportFormat::ClarifyBias => bias::convert(object),
        ReportFormat::ClarifyExplainability => explain::convert(object, options.shap_as),
        ReportFormat::ModelQualityRegression
        | ReportFormat::ModelQualityBinary
        | ReportFormat::ModelQualityMulticlass => quality::convert(format, object),
    }
}

/// The card's own metric schema: its groups as they are.
fn metric_schema(report: &Map<String, Value>) -> Result<Conversion, ReportError> {
    let groups = report
        .get("metric_groups")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if groups.is_empty() {
        return Err(ReportError::NothingToConvert {
            format: ReportFormat::MetricSchema,
            expected: "\"metric_groups\", a list of metric groups",
        });
    }
    let notes = report
        .keys()
        .filter(|key| *key != "metric_groups")
        .map(|key| format!("\"{key}\" is not a metric group; left out."))
        .collect();
    Ok(Conversion { groups, notes })
}

#[cfg(test)]
mod tests;
