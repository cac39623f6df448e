//! Clarify's bias report (`analysis.json`): pre- and post-training bias
//! metrics per facet and facet value. Each stage, facet and value becomes
//! a metric group of simple metrics, its name saying which ("Post-training
//! bias: gender = female"); each metric keeps its description and the
//! label it was measured for in its notes.

use serde_json::{Map, Value};

use super::metric::{group, label, number, simple};
use super::quality::kind;
use super::{Conversion, ReportError, ReportFormat};

/// The stages a bias report holds, with the words naming them.
const STAGES: [(&str, &str); 2] = [
    ("pre_training_bias_metrics", "Pre-training bias"),
    ("post_training_bias_metrics", "Post-training bias"),
];

/// The report's bias metrics, every stage, facet and value.
pub fn convert(report: &Map<String, Value>) -> Result<Conversion, ReportError> {
    let mut conversion = Conversion::default();
    for (key, value) in report {
        match STAGES.iter().find(|(stage, _)| stage == key) {
            Some((_, stage)) => match value.as_object() {
                Some(metrics) => convert_stage(stage, metrics, &mut conversion),
                None => conversion.notes.push(format!(
                    "\"{key}\" is {}, not an object; left out.",
                    kind(value)
                )),
            },
            None => conversion.notes.push(format!(
                "\"{key}\" is not a stage of bias metrics; left out."
            )),
        }
    }
    if conversion.groups.is_empty() {
        return Err(ReportError::NothingToConvert {
            format: ReportFormat::ClarifyBias,
            expected: "\"pre_training_bias_metrics\" or \"post_training_bias_metrics\" with facets and their metrics",
        });
    }
    Ok(conversion)
}

/// One stage: a group per facet value.
fn convert_stage(stage: &str, metrics: &Map<String, Value>, conversion: &mut Conversion) {
    let measured_for = match (
        metrics.get("label"),
        metrics.get("label_value_or_threshold"),
    ) {
        (Some(name), Some(value)) => format!(" Label {} = {}.", label(name), label(value)),
        (Some(name), None) => format!(" Label {}.", label(name)),
        _ => String::new(),
    };
    let Some(facets) = metrics.get("facets").and_then(Value::as_object) else {
        conversion
            .notes
            .push(format!("{stage}: no facets; left out."));
        return;
    };
    for (facet, values) in facets {
        let Some(values) = values.as_array() else {
            conversion.notes.push(format!(
                "{stage} › {facet}: {} instead of a list of facet values; left out.",
                kind(values)
            ));
            continue;
        };
        for entry in values {
            let value = entry
                .get("value_or_threshold")
                .map(label)
                .unwrap_or_default();
            let name = if value.is_empty() {
                format!("{stage}: {facet}")
            } else {
                format!("{stage}: {facet} = {value}")
            };
            let items = entry
                .get("metrics")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let metrics: Vec<Value> = items
                .iter()
                .filter_map(|item| bias_metric(&name, item, &measured_for, &mut conversion.notes))
                .collect();
            if metrics.is_empty() {
                conversion
                    .notes
                    .push(format!("{name}: no metric with a number; left out."));
            } else {
                conversion.groups.push(group(&name, metrics));
            }
        }
    }
}

/// `{"name", "description", "value"}` as a simple metric; a value that is
/// not a number (Clarify writes null where a metric does not apply) is
/// named in the notes.
fn bias_metric(
    group: &str,
    item: &Value,
    measured_for: &str,
    notes: &mut Vec<String>,
) -> Option<Value> {
    let name = item.get("name").map(label).unwrap_or_default();
    let value = item.get("value").unwrap_or(&Value::Null);
    let Some(number) = number(value) else {
        notes.push(format!(
            "{group} › {name}: its value is {}; left out.",
            kind(value)
        ));
        return None;
    };
    let description = item.get("description").map(label).unwrap_or_default();
    let about = format!("{description}.{measured_for}");
    let about = about.trim_start_matches('.').trim().to_owned();
    Some(simple(&name, number, (!about.is_empty()).then_some(about)))
}
