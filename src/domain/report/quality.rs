//! Model Monitor's model quality reports (`statistics.json`-style):
//! `regression_metrics`, `binary_classification_metrics`,
//! `multiclass_classification_metrics`, and any other `*_metrics` object a
//! report holds. Every group becomes a metric group, and every metric in
//! it is read by its shape, not by a list of expected keys: a number (with
//! its standard deviation when that is a number), a confusion matrix, a
//! curve, a table of counts. What cannot be read is named in the
//! conversion's notes, never dropped in silence.

use serde_json::{Map, Value};

use super::metric::{
    self, bar_chart, group, line_graph, matrix, nested_counts, number, numbers, simple,
};
use super::{Conversion, ReportError, ReportFormat};

/// Where a confusion matrix's rows and columns come from, as the report
/// nests them: predicted counts under each actual class.
pub const CONFUSION_ORIENTATION: &str = "Rows are the actual classes and columns the predicted classes, as the report nests them (its confusion_matrix holds, under each actual class, the count of each predicted class).";

/// The report's metric groups, converted.
pub fn convert(
    format: ReportFormat,
    report: &Map<String, Value>,
) -> Result<Conversion, ReportError> {
    let mut conversion = Conversion::default();
    for (key, value) in report {
        match value.as_object() {
            Some(metrics) if key.ends_with("_metrics") => {
                let name = metric::title(key);
                let metrics = group_metrics(&name, metrics, &mut conversion.notes);
                conversion.groups.push(group(&name, metrics));
            }
            _ => conversion
                .notes
                .push(format!("\"{key}\" is not a group of metrics; left out.")),
        }
    }
    if conversion.groups.is_empty() {
        return Err(ReportError::NothingToConvert {
            format,
            expected: "an object such as \"binary_classification_metrics\", \"multiclass_classification_metrics\" or \"regression_metrics\"",
        });
    }
    Ok(conversion)
}

/// One group's metrics, in the report's order.
fn group_metrics(group: &str, metrics: &Map<String, Value>, notes: &mut Vec<String>) -> Vec<Value> {
    let mut converted = Vec::new();
    for (name, value) in metrics {
        match read_metric(name, value) {
            Ok(mut metrics) => converted.append(&mut metrics),
            Err(why) => notes.push(format!("{group} › {name}: {why}; left out.")),
        }
    }
    converted
}

/// One report metric as card metrics, or why it cannot be one.
fn read_metric(name: &str, value: &Value) -> Result<Vec<Value>, String> {
    if let Some(value) = number(value) {
        return Ok(vec![simple(name, value, None)]);
    }
    let Some(object) = value.as_object() else {
        return Err(format!(
            "{} is not a number, a curve or a matrix",
            kind(value)
        ));
    };
    if object.contains_key("value") {
        return scalar(name, object);
    }
    if let Some(curve) = curve(name, object)? {
        return Ok(vec![curve]);
    }
    if let Some(counts) = nested_counts(object) {
        let mut notes = vec![];
        if name.contains("confusion") {
            notes.push(CONFUSION_ORIENTATION.to_owned());
        }
        if counts.missing > 0 {
            notes.push(format!(
                "{} cells the report leaves out are counted 0.",
                counts.missing
            ));
        }
        let notes = (!notes.is_empty()).then(|| notes.join(" "));
        return Ok(vec![matrix(
            name,
            counts.grid,
            counts.rows,
            counts.columns,
            notes,
        )]);
    }
    let bars: Option<Vec<(String, serde_json::Number)>> = object
        .iter()
        .map(|(label, value)| Some((label.clone(), number(value)?)))
        .collect();
    match bars {
        Some(bars) if !bars.is_empty() => Ok(vec![bar_chart(name, bars, name)]),
        _ => Err("its values are not a number, a curve or a matrix".to_owned()),
    }
}

/// `{"value": n, "standard_deviation": n or "NaN"}`: the value, and the
/// deviation as a metric of its own when it is a number.
fn scalar(name: &str, object: &Map<String, Value>) -> Result<Vec<Value>, String> {
    let value = object.get("value").unwrap_or(&Value::Null);
    let Some(value) = number(value) else {
        return Err(format!("its value is {}", kind(value)));
    };
    let mut metrics = vec![simple(name, value, None)];
    if let Some(deviation) = object.get("standard_deviation").and_then(number) {
        metrics.push(simple(
            &format!("{name} standard deviation"),
            deviation,
            None,
        ));
    }
    Ok(metrics)
}

/// A curve: the two known ones by their keys, else any object of exactly
/// two number lists (x first). `Err` when the lists differ in length.
fn curve(name: &str, object: &Map<String, Value>) -> Result<Option<Value>, String> {
    let known = [
        (
            "false_positive_rates",
            "true_positive_rates",
            "False positive rate",
            "True positive rate",
        ),
        ("recalls", "precisions", "Recall", "Precision"),
    ];
    let (xs, ys, x_name, y_name) = match known
        .iter()
        .find(|(x, y, ..)| object.contains_key(*x) && object.contains_key(*y))
    {
        Some((x, y, x_name, y_name)) => (
            &object[*x],
            &object[*y],
            x_name.to_string(),
            y_name.to_string(),
        ),
        None => {
            let lists: Vec<(&String, &Value)> = object.iter().collect();
            match lists.as_slice() {
                [(x_key, xs), (y_key, ys)] if numbers(xs).is_some() && numbers(ys).is_some() => {
                    (*xs, *ys, metric::title(x_key), metric::title(y_key))
                }
                _ => return Ok(None),
            }
        }
    };
    let (Some(xs), Some(ys)) = (numbers(xs), numbers(ys)) else {
        return Err("its curve holds values that are not numbers".to_owned());
    };
    if xs.len() != ys.len() || xs.is_empty() {
        return Err(format!(
            "its curve has {} x values and {} y values",
            xs.len(),
            ys.len()
        ));
    }
    Ok(Some(line_graph(
        name,
        xs.into_iter().zip(ys).collect(),
        &x_name,
        &y_name,
    )))
}

/// What a JSON value is, for a message.
pub fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "true or false".to_owned(),
        Value::Number(_) => "a number".to_owned(),
        Value::String(text) => {
            format!("the text \"{}\"", text.chars().take(20).collect::<String>())
        }
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}
