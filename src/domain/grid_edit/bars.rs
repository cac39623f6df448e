//! A bar chart's edits: its values with their labels in a sibling array
//! of the metric, each edit changing both together.

use serde_json::{Map, Number, Value};

use super::{counted, string_array, strings, zero};
use crate::domain::grid_text::PastedTable;

/// Why a pasted table does not fit a bar chart.
pub const BARS_SHAPE: &str = "Bars need one column of values, or one row";

/// Where a bar chart's parts are in the metric: its values, and the
/// sibling array of labels the ui hints name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarKeys {
    /// The values' key (`value`).
    pub values: String,
    /// The labels' key, when the chart has them.
    pub labels: Option<String>,
}

/// A paste that fits a bar chart: its values, and the labels beside them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarPaste {
    /// The values, in order.
    pub values: Vec<Number>,
    /// Their labels, when the paste had them.
    pub labels: Option<Vec<String>>,
}

impl BarPaste {
    /// One column of values (with a label column), or one row of values
    /// (with a header row of labels); anything else does not fit
    /// ([`BARS_SHAPE`]).
    pub fn from_table(table: PastedTable) -> Result<Self, String> {
        let labels = if table.rows.iter().all(|row| row.len() == 1) {
            table.row_labels
        } else if table.rows.len() == 1 {
            table.column_labels
        } else {
            return Err(BARS_SHAPE.to_owned());
        };
        Ok(Self {
            values: table.rows.into_iter().flatten().collect(),
            labels,
        })
    }
}

impl BarKeys {
    /// How many bars `metric` holds: values or labels, whichever are more.
    pub fn count(&self, metric: &Map<String, Value>) -> usize {
        let length = |key: &String| {
            metric
                .get(key)
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        };
        length(&self.values).max(self.labels.as_ref().map_or(0, length))
    }

    /// The pasted values replace the chart's, and its labels (when it
    /// brings some and the chart has a key for them) replace the labels.
    pub fn paste(&self, metric: &mut Map<String, Value>, paste: BarPaste) {
        metric.insert(
            self.values.clone(),
            Value::Array(paste.values.into_iter().map(Value::Number).collect()),
        );
        if let (Some(names), Some(key)) = (paste.labels, &self.labels) {
            metric.insert(key.clone(), string_array(names));
        }
    }

    /// A bar after the last: a zero, with an empty label; values and
    /// labels are padded to the same length.
    pub fn add(&self, metric: &mut Map<String, Value>) {
        let count = self.count(metric);
        let mut values = metric
            .get(&self.values)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        values.resize(count + 1, zero());
        metric.insert(self.values.clone(), Value::Array(values));
        if let Some(key) = &self.labels {
            let mut names = strings(metric.get(key));
            names.resize(count + 1, String::new());
            metric.insert(key.clone(), string_array(names));
        }
    }

    /// The bar at `row` goes: its value and its label, where there are.
    pub fn remove(&self, metric: &mut Map<String, Value>, row: usize) {
        for key in std::iter::once(&self.values).chain(&self.labels) {
            if let Some(Value::Array(items)) = metric.get_mut(key)
                && row < items.len()
            {
                items.remove(row);
            }
        }
    }
}

/// The chart's size as its heading shows it: "1 bar", "4 bars".
pub fn bar_count(count: usize) -> String {
    counted(count, "bar", "bars")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn keys() -> BarKeys {
        BarKeys {
            values: "value".to_owned(),
            labels: Some("x_axis_name".to_owned()),
        }
    }

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => panic!("a metric object"),
        }
    }

    fn table(
        rows: &[&[i64]],
        column_labels: Option<&[&str]>,
        row_labels: Option<&[&str]>,
    ) -> PastedTable {
        let texts = |labels: &[&str]| labels.iter().map(|label| (*label).to_owned()).collect();
        PastedTable {
            column_labels: column_labels.map(texts),
            row_labels: row_labels.map(texts),
            rows: rows
                .iter()
                .map(|row| row.iter().map(|n| Number::from(*n)).collect())
                .collect(),
        }
    }

    #[test]
    fn a_column_of_values_takes_its_row_labels() {
        let paste = BarPaste::from_table(table(&[&[1], &[2]], Some(&["v"]), Some(&["a", "b"])));
        assert_eq!(
            paste,
            Ok(BarPaste {
                values: vec![Number::from(1), Number::from(2)],
                labels: Some(vec!["a".to_owned(), "b".to_owned()]),
            })
        );
    }

    #[test]
    fn a_row_of_values_takes_its_header_labels() {
        let paste =
            BarPaste::from_table(table(&[&[1, 2, 3]], Some(&["a", "b", "c"]), None)).expect("fits");
        assert_eq!(paste.values.len(), 3);
        assert_eq!(
            paste.labels,
            Some(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()])
        );
    }

    #[test]
    fn a_block_of_several_rows_and_columns_does_not_fit() {
        assert_eq!(
            BarPaste::from_table(table(&[&[1, 2], &[3, 4]], None, None)),
            Err(BARS_SHAPE.to_owned())
        );
    }

    #[test]
    fn a_paste_replaces_values_and_labels() {
        let mut metric = object(json!({"value": [9, 9, 9], "x_axis_name": ["x", "y", "z"]}));
        let paste =
            BarPaste::from_table(table(&[&[1], &[2]], None, Some(&["a", "b"]))).expect("fits");
        keys().paste(&mut metric, paste);
        assert_eq!(
            Value::Object(metric),
            json!({"value": [1, 2], "x_axis_name": ["a", "b"]})
        );
        let mut unlabelled = object(json!({"x_axis_name": ["x"]}));
        let paste = BarPaste::from_table(table(&[&[5]], None, None)).expect("fits");
        keys().paste(&mut unlabelled, paste);
        assert_eq!(
            Value::Object(unlabelled),
            json!({"value": [5], "x_axis_name": ["x"]})
        );
    }

    #[test]
    fn a_bar_is_added_after_the_longer_of_values_and_labels() {
        let mut metric = object(json!({"value": [1], "x_axis_name": ["a", "b"]}));
        assert_eq!(keys().count(&metric), 2);
        keys().add(&mut metric);
        assert_eq!(
            Value::Object(metric),
            json!({"value": [1, 0, 0], "x_axis_name": ["a", "b", ""]})
        );
        let mut empty = Map::new();
        keys().add(&mut empty);
        assert_eq!(
            Value::Object(empty),
            json!({"value": [0], "x_axis_name": [""]})
        );
    }

    #[test]
    fn a_bar_goes_with_its_label_where_there_is_one() {
        let mut metric = object(json!({"value": [1, 2, 3], "x_axis_name": ["a", "b"]}));
        keys().remove(&mut metric, 2);
        assert_eq!(
            Value::Object(metric.clone()),
            json!({"value": [1, 2], "x_axis_name": ["a", "b"]})
        );
        keys().remove(&mut metric, 0);
        assert_eq!(
            Value::Object(metric),
            json!({"value": [2], "x_axis_name": ["b"]})
        );
    }

    #[test]
    fn the_size_counts_bars() {
        assert_eq!(bar_count(1), "1 bar");
        assert_eq!(bar_count(3), "3 bars");
    }
}
