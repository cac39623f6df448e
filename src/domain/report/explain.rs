//! Clarify's explainability report (`analysis.json`): global SHAP values
//! per label (`explanations.kernel_shap`), as simple metrics or as a bar
//! chart of the top features, and partial dependence
//! (`explanations.pdp`), a line graph for a numerical feature and a bar
//! chart for a categorical one, with the data's distribution beside it.

use serde_json::{Map, Number, Value};

use super::metric::{bar_chart, group, label, line_graph, number, numbers, simple};
use super::quality::kind;
use super::{Conversion, ReportError, ReportFormat, ShapAs};

/// The report's explanations, converted.
pub fn convert(report: &Map<String, Value>, shap_as: ShapAs) -> Result<Conversion, ReportError> {
    let mut conversion = Conversion::default();
    let explanations = report.get("explanations").and_then(Value::as_object);
    for (key, value) in explanations.into_iter().flatten() {
        match key.as_str() {
            "kernel_shap" => shap(value, shap_as, &mut conversion),
            "pdp" => partial_dependence(value, &mut conversion),
            _ => conversion.notes.push(format!(
                "explanations › {key}: not SHAP values or partial dependence; left out."
            )),
        }
    }
    for key in report.keys().filter(|key| *key != "explanations") {
        conversion
            .notes
            .push(format!("\"{key}\" is not an explanation; left out."));
    }
    if conversion.groups.is_empty() {
        return Err(ReportError::NothingToConvert {
            format: ReportFormat::ClarifyExplainability,
            expected: "\"explanations\" with \"kernel_shap\" (global SHAP values per label) or \"pdp\" (partial dependence)",
        });
    }
    Ok(conversion)
}

/// A group per label: its global SHAP values and expected value.
fn shap(labels: &Value, shap_as: ShapAs, conversion: &mut Conversion) {
    let Some(labels) = labels.as_object() else {
        conversion.notes.push(format!(
            "explanations › kernel_shap is {}; left out.",
            kind(labels)
        ));
        return;
    };
    for (label_name, explained) in labels {
        let name = format!("SHAP values ({label_name})");
        let values: Vec<(String, Number)> = explained
            .get("global_shap_values")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(feature, value)| Some((feature.clone(), number(value)?)))
            .collect();
        let mut metrics = shap_metrics(values, shap_as);
        if let Some(expected) = explained.get("expected_value").and_then(number) {
            metrics.push(simple(
                "expected value",
                expected,
                Some("The model's mean prediction, which the SHAP values add to.".to_owned()),
            ));
        }
        if explained.get("global_top_shap_text").is_some() {
            conversion.notes.push(format!(
                "{name} › global_top_shap_text: text explanations have no metric shape; left out."
            ));
        }
        if metrics.is_empty() {
            conversion
                .notes
                .push(format!("{name}: no SHAP value with a number; left out."));
        } else {
            conversion.groups.push(group(&name, metrics));
        }
    }
}

/// Global SHAP values as the reviewer chose: a simple metric each, or one
/// bar chart of the `k` largest by magnitude.
fn shap_metrics(values: Vec<(String, Number)>, shap_as: ShapAs) -> Vec<Value> {
    match shap_as {
        ShapAs::SimpleMetrics => values
            .into_iter()
            .map(|(feature, value)| simple(&feature, value, None))
            .collect(),
        ShapAs::TopBars(k) => {
            let mut ranked = values;
            let size = |value: &Number| value.as_f64().map_or(0.0, f64::abs);
            ranked.sort_by(|(_, a), (_, b)| size(b).total_cmp(&size(a)));
            let total = ranked.len();
            ranked.truncate(k.max(1));
            if ranked.is_empty() {
                return vec![];
            }
            let name = if total > ranked.len() {
                format!(
                    "global SHAP values, top {} of {total} features",
                    ranked.len()
                )
            } else {
                "global SHAP values".to_owned()
            };
            vec![bar_chart(&name, ranked, "mean |SHAP value|")]
        }
    }
}

/// One group of every feature's partial dependence.
fn partial_dependence(features: &Value, conversion: &mut Conversion) {
    let Some(features) = features.as_array() else {
        conversion.notes.push(format!(
            "explanations › pdp is {}; left out.",
            kind(features)
        ));
        return;
    };
    let mut metrics = Vec::new();
    for feature in features {
        match feature_dependence(feature) {
            Ok(mut more) => metrics.append(&mut more),
            Err(why) => conversion
                .notes
                .push(format!("Partial dependence › {why}; left out.")),
        }
    }
    if !metrics.is_empty() {
        conversion.groups.push(group("Partial dependence", metrics));
    }
}

/// One feature: its predictions per label over its values, and how the
/// data is spread over them.
fn feature_dependence(feature: &Value) -> Result<Vec<Value>, String> {
    let name = feature
        .get("feature_name")
        .map(label)
        .unwrap_or_else(|| "a feature".to_owned());
    let categorical = feature.get("data_type").and_then(Value::as_str) == Some("categorical");
    let at = feature
        .get("feature_values")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if at.is_empty() {
        return Err(format!("{name}: no feature values"));
    }
    let headers: Vec<String> = feature
        .get("label_headers")
        .and_then(Value::as_array)
        .map(|headers| headers.iter().map(label).collect())
        .unwrap_or_default();
    let series = prediction_series(
        feature.get("model_predictions").unwrap_or(&Value::Null),
        at.len(),
        headers.len(),
    )
    .ok_or_else(|| {
        format!(
            "{name}: its model predictions do not match its {} feature values",
            at.len()
        )
    })?;
    let mut metrics = Vec::new();
    for (index, predictions) in series.into_iter().enumerate() {
        let metric_name = match headers.get(index) {
            Some(header) if !header.is_empty() => format!("{name}: partial dependence ({header})"),
            _ => format!("{name}: partial dependence"),
        };
        metrics.push(drawn(
            &metric_name,
            &name,
            &at,
            predictions,
            categorical,
            "model prediction",
        )?);
    }
    if let Some(spread) = feature
        .get("data_distribution")
        .and_then(numbers)
        .filter(|spread| spread.len() == at.len())
    {
        metrics.push(drawn(
            &format!("{name}: data distribution"),
            &name,
            &at,
            spread,
            true,
            "share of the data",
        )?);
    }
    Ok(metrics)
}

/// Values over a feature's values: a line for numbers, else bars.
fn drawn(
    metric: &str,
    feature: &str,
    at: &[Value],
    values: Vec<Number>,
    bars: bool,
    y: &str,
) -> Result<Value, String> {
    let xs: Option<Vec<Number>> = at.iter().map(number).collect();
    match xs {
        Some(xs) if !bars => Ok(line_graph(
            metric,
            xs.into_iter().zip(values).collect(),
            feature,
            y,
        )),
        _ => Ok(bar_chart(
            metric,
            at.iter().map(label).zip(values).collect(),
            y,
        )),
    }
}

/// The predictions as one series per label, whichever way the report
/// nests them: a flat list (one label), a list per label, or a list per
/// feature value holding each label's prediction.
fn prediction_series(
    predictions: &Value,
    points: usize,
    labels: usize,
) -> Option<Vec<Vec<Number>>> {
    if let Some(flat) = numbers(predictions) {
        return (flat.len() == points).then(|| vec![flat]);
    }
    let nested: Vec<Vec<Number>> = predictions
        .as_array()?
        .iter()
        .map(numbers)
        .collect::<Option<_>>()?;
    let per_label = nested.iter().all(|series| series.len() == points);
    let per_point = nested.len() == points
        && nested
            .iter()
            .all(|row| !row.is_empty() && row.len() == nested[0].len());
    if per_label && (nested.len() == labels.max(1) || !per_point) {
        Some(nested)
    } else if per_point {
        let width = nested[0].len();
        Some(
            (0..width)
                .map(|label| nested.iter().map(|row| row[label].clone()).collect())
                .collect(),
        )
    } else {
        None
    }
}
