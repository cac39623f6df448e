//! The card's four metric shapes built from report values, and the small
//! readings of report JSON every format shares. Numbers are copied as the
//! report wrote them (the card keeps their digits); names are never cut,
//! so a name too long for the schema is a problem the validator shows,
//! not a silent change.

use serde_json::{Map, Number, Value, json};

/// A simple number metric.
pub fn simple(name: &str, value: Number, notes: Option<String>) -> Value {
    with_notes(
        json!({"name": name, "type": "number", "value": value}),
        notes,
    )
}

/// A line graph from its points, with its axes named.
pub fn line_graph(name: &str, points: Vec<(Number, Number)>, x: &str, y: &str) -> Value {
    let value: Vec<Value> = points.into_iter().map(|(px, py)| json!([px, py])).collect();
    json!({"name": name, "type": "linear_graph", "value": value, "x_axis_name": x, "y_axis_name": y})
}

/// A bar chart: one bar per label, the y axis named.
pub fn bar_chart(name: &str, bars: Vec<(String, Number)>, y: &str) -> Value {
    let (labels, values): (Vec<String>, Vec<Number>) = bars.into_iter().unzip();
    json!({"name": name, "type": "bar_chart", "value": values, "x_axis_name": labels, "y_axis_name": y})
}

/// A matrix with its row and column labels.
pub fn matrix(
    name: &str,
    rows: Vec<Vec<Number>>,
    row_labels: Vec<String>,
    column_labels: Vec<String>,
    notes: Option<String>,
) -> Value {
    let metric = json!({
        "name": name,
        "type": "matrix",
        "value": rows,
        "x_axis_name": column_labels,
        "y_axis_name": row_labels,
    });
    with_notes(metric, notes)
}

fn with_notes(mut metric: Value, notes: Option<String>) -> Value {
    if let (Some(notes), Some(object)) = (notes, metric.as_object_mut()) {
        object.insert("notes".to_owned(), Value::String(notes));
    }
    metric
}

/// Runs `change` on every metric of `kind` in `groups`; each sentence it
/// returns is said as "group › metric: sentence". Shared by what shortens
/// curves and what cuts matrices.
pub fn change_each(
    groups: &mut [Value],
    kind: &str,
    mut change: impl FnMut(&mut Value) -> Option<String>,
) -> Vec<String> {
    let mut said = Vec::new();
    for group in groups.iter_mut() {
        let group_name = name_of(group);
        let metrics = group.get_mut("metric_data").and_then(Value::as_array_mut);
        for metric in metrics.into_iter().flatten() {
            if metric.get("type").and_then(Value::as_str) != Some(kind) {
                continue;
            }
            let name = name_of(metric);
            if let Some(sentence) = change(metric) {
                said.push(format!("{group_name} › {name}: {sentence}"));
            }
        }
    }
    said
}

/// A group's or metric's name, or nothing.
fn name_of(value: &Value) -> String {
    value
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// A metric group.
pub fn group(name: &str, metrics: Vec<Value>) -> Value {
    json!({"name": name, "metric_data": metrics})
}

/// `value` as a number the card can hold: a JSON number, not the string
/// "NaN" or "Infinity" reports write where there is none.
pub fn number(value: &Value) -> Option<Number> {
    match value {
        Value::Number(number) => Some(number.clone()),
        _ => None,
    }
}

/// A list of numbers, when every item is one.
pub fn numbers(value: &Value) -> Option<Vec<Number>> {
    value.as_array()?.iter().map(number).collect()
}

/// A value as a label: strings as they are, anything else as JSON text.
pub fn label(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A snake_case report key as a title: "binary_classification_metrics"
/// reads "Binary classification metrics".
pub fn title(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut characters = spaced.trim().chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// A nested object of numbers (`{row: {column: n}}`) as a matrix: rows in
/// the report's order, columns in the order first seen, a cell the report
/// leaves out counted 0. `None` unless every leaf is a number.
pub fn nested_counts(value: &Map<String, Value>) -> Option<NestedCounts> {
    let mut columns: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(value.len());
    for cells in value.values() {
        let cells = cells.as_object()?;
        for (column, cell) in cells {
            number(cell)?;
            if !columns.contains(column) {
                columns.push(column.clone());
            }
        }
        rows.push(cells);
    }
    if rows.is_empty() || columns.is_empty() {
        return None;
    }
    let mut missing = 0;
    let grid = rows
        .iter()
        .map(|cells| {
            columns
                .iter()
                .map(|column| match cells.get(column).and_then(number) {
                    Some(count) => count,
                    None => {
                        missing += 1;
                        Number::from(0)
                    }
                })
                .collect()
        })
        .collect();
    Some(NestedCounts {
        rows: value.keys().cloned().collect(),
        columns,
        grid,
        missing,
    })
}

/// A nested object of numbers read as a matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NestedCounts {
    /// The outer keys.
    pub rows: Vec<String>,
    /// The inner keys, in the order first seen.
    pub columns: Vec<String>,
    /// The numbers, row by row.
    pub grid: Vec<Vec<Number>>,
    /// How many cells the report left out (counted 0).
    pub missing: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_as_titles() {
        assert_eq!(
            title("binary_classification_metrics"),
            "Binary classification metrics"
        );
        assert_eq!(title("r2"), "R2");
        assert_eq!(title(""), "");
    }

    #[test]
    fn only_json_numbers_are_numbers() {
        assert_eq!(number(&json!(0.5)), Some(Number::from_f64(0.5).unwrap()));
        assert_eq!(number(&json!("NaN")), None);
        assert_eq!(number(&Value::Null), None);
        assert_eq!(numbers(&json!([1, 2])).map(|n| n.len()), Some(2));
        assert_eq!(numbers(&json!([1, "NaN"])), None);
    }

    #[test]
    fn nested_counts_fill_left_out_cells_with_zero_and_keep_the_report_order() {
        let counts = json!({"b": {"b": 5, "a": 1}, "a": {"a": 7}});
        let read = nested_counts(counts.as_object().unwrap()).unwrap();
        assert_eq!(read.rows, ["b", "a"]);
        assert_eq!(read.columns, ["b", "a"]);
        assert_eq!(
            serde_json::to_value(&read.grid).unwrap(),
            json!([[5, 1], [0, 7]])
        );
        assert_eq!(read.missing, 1);
        assert!(nested_counts(json!({"a": {"a": "x"}}).as_object().unwrap()).is_none());
        assert!(nested_counts(json!({"a": 1}).as_object().unwrap()).is_none());
        assert!(nested_counts(&Map::new()).is_none());
    }
}
