//! A matrix's edits: rows by columns of numbers, with the labels of its
//! columns and rows in sibling arrays of the metric, each edit changing
//! numbers and labels together.

use serde_json::{Map, Value};

use super::{number_row, string_array, strings, zero};
use crate::domain::grid_text::PastedTable;

/// Where a matrix's parts are in the object holding it (the metric): its
/// numbers, and the sibling arrays of column and row labels the ui hints
/// name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixKeys {
    /// The numbers' key (`value`).
    pub values: String,
    /// The column labels' key, when the matrix has them.
    pub column_labels: Option<String>,
    /// The row labels' key, when the matrix has them.
    pub row_labels: Option<String>,
}

/// A matrix's numbers and axis labels, as read from the metric.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MatrixParts {
    /// The rows (a row that is not an array reads as empty).
    pub rows: Vec<Vec<Value>>,
    /// The column labels, when the metric holds them.
    pub columns: Option<Vec<String>>,
    /// The row labels, when the metric holds them.
    pub row_names: Option<Vec<String>>,
}

/// A change to a matrix.
#[derive(Clone, Debug, PartialEq)]
pub enum MatrixEdit {
    /// A pasted table replaces the rows from `start` on, and brings its
    /// column labels and its row labels (from `start` on) when it has them.
    Paste {
        /// The row pasted into.
        start: usize,
        /// What was pasted.
        table: PastedTable,
    },
    /// A row of zeros below, as wide as the widest row (at least one).
    AddRow,
    /// A column of zeros to the right of the widest row; every row is
    /// filled out to it.
    AddColumn,
    /// The row at this index goes, with its label.
    RemoveRow(usize),
    /// The column at this index goes from every row, with its label.
    RemoveColumn(usize),
}

impl MatrixKeys {
    /// The matrix as `metric` holds it.
    pub fn read(&self, metric: &Map<String, Value>) -> MatrixParts {
        let labels = |key: &Option<String>| {
            key.as_ref()
                .and_then(|key| metric.get(key))
                .map(|value| strings(Some(value)))
        };
        MatrixParts {
            rows: metric
                .get(&self.values)
                .and_then(Value::as_array)
                .map(|rows| {
                    rows.iter()
                        .map(|row| row.as_array().cloned().unwrap_or_default())
                        .collect()
                })
                .unwrap_or_default(),
            columns: labels(&self.column_labels),
            row_names: labels(&self.row_labels),
        }
    }

    /// Writes `parts` into `metric`: the numbers always, each labels array
    /// when the matrix has that key and the parts hold labels for it.
    pub fn write(&self, parts: MatrixParts, metric: &mut Map<String, Value>) {
        metric.insert(
            self.values.clone(),
            Value::Array(parts.rows.into_iter().map(Value::Array).collect()),
        );
        for (key, names) in [
            (&self.column_labels, parts.columns),
            (&self.row_labels, parts.row_names),
        ] {
            if let (Some(key), Some(names)) = (key, names) {
                metric.insert(key.clone(), string_array(names));
            }
        }
    }

    /// Applies `edit` to the matrix `metric` holds.
    pub fn apply(&self, metric: &mut Map<String, Value>, edit: MatrixEdit) {
        let mut parts = self.read(metric);
        parts.apply(edit);
        self.write(parts, metric);
    }
}

impl MatrixParts {
    /// The widest row's length: the matrix's column count.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Applies `edit`.
    pub fn apply(&mut self, edit: MatrixEdit) {
        match edit {
            MatrixEdit::Paste { start, table } => self.paste(start, table),
            MatrixEdit::AddRow => self.add_row(),
            MatrixEdit::AddColumn => self.add_column(),
            MatrixEdit::RemoveRow(row) => self.remove_row(row),
            MatrixEdit::RemoveColumn(column) => self.remove_column(column),
        }
    }

    fn paste(&mut self, start: usize, table: PastedTable) {
        self.rows.truncate(start);
        self.rows.extend(table.rows.into_iter().map(number_row));
        if let Some(labels) = table.column_labels {
            self.columns = Some(labels);
        }
        if let Some(labels) = table.row_labels {
            let mut names = self.row_names.take().unwrap_or_default();
            names.truncate(start);
            names.resize(start, String::new());
            names.extend(labels);
            self.row_names = Some(names);
        }
    }

    fn add_row(&mut self) {
        let width = self.width().max(1);
        self.rows.push(vec![zero(); width]);
        let height = self.rows.len();
        if let Some(names) = &mut self.row_names {
            names.resize(height, String::new());
        }
    }

    fn add_column(&mut self) {
        let width = self.width();
        if self.rows.is_empty() {
            self.rows.push(Vec::new());
        }
        for row in self.rows.iter_mut() {
            row.resize(width + 1, zero());
        }
        if let Some(names) = &mut self.columns {
            names.resize(width + 1, String::new());
        }
    }

    fn remove_row(&mut self, row: usize) {
        if row < self.rows.len() {
            self.rows.remove(row);
        }
        if let Some(names) = &mut self.row_names
            && row < names.len()
        {
            names.remove(row);
        }
    }

    fn remove_column(&mut self, column: usize) {
        for row in self.rows.iter_mut() {
            if column < row.len() {
                row.remove(column);
            }
        }
        if let Some(names) = &mut self.columns
            && column < names.len()
        {
            names.remove(column);
        }
    }
}

/// The length of each row of the matrix `value` (a row that is not an
/// array counts as empty): the grid's shape, which only structural edits
/// change.
pub fn row_lengths(value: Option<&Value>) -> Vec<usize> {
    value
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .map(|row| row.as_array().map_or(0, Vec::len))
                .collect()
        })
        .unwrap_or_default()
}

/// The matrix's size as its heading shows it, with its limit when it has
/// one: "3 × 4 · at most 20 × 20".
pub fn matrix_size(rows: usize, columns: usize, max_items: Option<u64>) -> String {
    let limit = max_items
        .map(|max| format!(" · at most {max} × {max}"))
        .unwrap_or_default();
    format!("{rows} × {columns}{limit}")
}

#[cfg(test)]
mod tests {
    use serde_json::{Number, json};

    use super::*;

    fn keys() -> MatrixKeys {
        MatrixKeys {
            values: "value".to_owned(),
            column_labels: Some("x_axis_name".to_owned()),
            row_labels: Some("y_axis_name".to_owned()),
        }
    }

    fn edited(metric: Value, keys: &MatrixKeys, edit: MatrixEdit) -> Value {
        let Value::Object(mut metric) = metric else {
            panic!("a metric object");
        };
        keys.apply(&mut metric, edit);
        Value::Object(metric)
    }

    fn numbers(rows: &[&[i64]]) -> Vec<Vec<Number>> {
        rows.iter()
            .map(|row| row.iter().map(|n| Number::from(*n)).collect())
            .collect()
    }

    #[test]
    fn a_row_is_added_as_wide_as_the_widest_with_an_empty_label() {
        let metric =
            json!({"value": [[1, 2], [3]], "x_axis_name": ["a", "b"], "y_axis_name": ["r1", "r2"]});
        assert_eq!(
            edited(metric, &keys(), MatrixEdit::AddRow),
            json!({"value": [[1, 2], [3], [0, 0]], "x_axis_name": ["a", "b"], "y_axis_name": ["r1", "r2", ""]})
        );
    }

    #[test]
    fn a_row_added_to_an_empty_matrix_has_one_cell() {
        assert_eq!(
            edited(json!({}), &keys(), MatrixEdit::AddRow),
            json!({"value": [[0]]})
        );
    }

    #[test]
    fn a_column_fills_every_row_out_and_pads_the_labels() {
        let metric = json!({"value": [[1, 2], [3]], "x_axis_name": ["a"]});
        assert_eq!(
            edited(metric, &keys(), MatrixEdit::AddColumn),
            json!({"value": [[1, 2, 0], [3, 0, 0]], "x_axis_name": ["a", "", ""]})
        );
        assert_eq!(
            edited(json!({"value": []}), &keys(), MatrixEdit::AddColumn),
            json!({"value": [[0]]})
        );
    }

    #[test]
    fn a_row_goes_with_its_label() {
        let metric = json!({"value": [[1], [2], [3]], "y_axis_name": ["a", "b"]});
        assert_eq!(
            edited(metric.clone(), &keys(), MatrixEdit::RemoveRow(1)),
            json!({"value": [[1], [3]], "y_axis_name": ["a"]})
        );
        assert_eq!(
            edited(metric, &keys(), MatrixEdit::RemoveRow(2)),
            json!({"value": [[1], [2]], "y_axis_name": ["a", "b"]})
        );
    }

    #[test]
    fn a_column_goes_from_every_row_long_enough_and_with_its_label() {
        let metric = json!({"value": [[1, 2, 3], [4]], "x_axis_name": ["a", "b", "c"]});
        assert_eq!(
            edited(metric, &keys(), MatrixEdit::RemoveColumn(1)),
            json!({"value": [[1, 3], [4]], "x_axis_name": ["a", "c"]})
        );
    }

    #[test]
    fn a_paste_replaces_the_rows_from_where_it_lands_and_brings_its_labels() {
        let metric = json!({"value": [[1, 1], [2, 2], [3, 3]], "x_axis_name": ["a", "b"], "y_axis_name": ["r1"]});
        let table = PastedTable {
            column_labels: Some(vec!["p".to_owned(), "q".to_owned()]),
            row_labels: Some(vec!["s".to_owned(), "t".to_owned()]),
            rows: numbers(&[&[7, 8], &[9, 10]]),
        };
        assert_eq!(
            edited(metric, &keys(), MatrixEdit::Paste { start: 2, table }),
            json!({"value": [[1, 1], [2, 2], [7, 8], [9, 10]], "x_axis_name": ["p", "q"], "y_axis_name": ["r1", "", "s", "t"]})
        );
    }

    #[test]
    fn a_paste_without_labels_keeps_the_labels_there_are() {
        let metric = json!({"value": [[1]], "x_axis_name": ["a"]});
        let table = PastedTable {
            column_labels: None,
            row_labels: None,
            rows: numbers(&[&[5, 6]]),
        };
        assert_eq!(
            edited(metric, &keys(), MatrixEdit::Paste { start: 0, table }),
            json!({"value": [[5, 6]], "x_axis_name": ["a"]})
        );
    }

    #[test]
    fn labels_are_written_only_where_the_matrix_has_a_key_for_them() {
        let keys = MatrixKeys {
            values: "value".to_owned(),
            column_labels: None,
            row_labels: None,
        };
        let table = PastedTable {
            column_labels: Some(vec!["p".to_owned()]),
            row_labels: Some(vec!["s".to_owned()]),
            rows: numbers(&[&[5]]),
        };
        assert_eq!(
            edited(json!({}), &keys, MatrixEdit::Paste { start: 0, table }),
            json!({"value": [[5]]})
        );
    }

    #[test]
    fn the_shape_counts_each_row_and_a_non_array_as_empty() {
        assert_eq!(row_lengths(None), Vec::<usize>::new());
        assert_eq!(row_lengths(Some(&json!([[1, 2], "x", []]))), [2, 0, 0]);
    }

    #[test]
    fn the_size_names_its_limit_when_there_is_one() {
        assert_eq!(matrix_size(3, 4, None), "3 × 4");
        assert_eq!(matrix_size(0, 0, Some(20)), "0 × 0 · at most 20 × 20");
    }
}
