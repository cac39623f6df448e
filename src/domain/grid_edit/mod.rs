//! What the number grids (a matrix, a bar chart's values, a line graph's
//! points) do to the card when edited: a paste of many cells, a row or
//! column added or removed, an axis label typed; and the few words the
//! grids say about themselves (their size).
//!
//! Each edit changes the object holding the grid (the metric) as a whole,
//! so that the numbers and their labels move together in one undo step;
//! the view hands that object here and stores what comes back. Reading the
//! clipboard and the page stays in `view/form/grid/`.

mod bars;
mod matrix;
mod points;

use serde_json::{Number, Value};

pub use bars::{BARS_SHAPE, BarKeys, BarPaste, bar_count};
pub use matrix::{MatrixEdit, MatrixKeys, MatrixParts, matrix_size, row_lengths};
pub use points::{
    POINTS_SHAPE, PointColumns, PointKeys, PointPaste, SAME_COLUMN, WiderPaste, axis_title,
    check_points, new_point, point_count,
};

/// Whether pasted `text` is a block of cells (tabs, lines or commas) that
/// the grid spreads from the cell pasted into; a single value is left to
/// the cell's own paste.
pub fn is_table_paste(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['\n', '\r']);
    trimmed.contains(['\t', '\n']) || trimmed.contains(',')
}

/// Whether the cell at `index` of a row `length` cells long can be typed
/// in: every cell before it is there (it is one of them, or the next one,
/// which appends).
pub fn cell_open(index: usize, length: usize) -> bool {
    index <= length
}

/// The texts of a labels array (a missing array has none; an item that is
/// not text reads as empty).
pub fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The labels array `labels` (as [`strings`] reads it) with `text` at
/// `index`, padded with empty labels when it is shorter.
pub fn set_label(labels: Option<&Value>, index: usize, text: String) -> Value {
    let mut all = strings(labels);
    if all.len() <= index {
        all.resize(index + 1, String::new());
    }
    all[index] = text;
    string_array(all)
}

/// Labels as a JSON array of strings.
fn string_array(labels: Vec<String>) -> Value {
    Value::Array(labels.into_iter().map(Value::String).collect())
}

/// A row of numbers as JSON values.
fn number_row(row: Vec<Number>) -> Vec<Value> {
    row.into_iter().map(Value::Number).collect()
}

/// A new cell's value.
fn zero() -> Value {
    Value::Number(Number::from(0))
}

/// "1 bar", "3 bars": a count with its noun.
fn counted(count: usize, one: &str, many: &str) -> String {
    match count {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_block_of_cells_is_a_table_paste_and_a_single_value_is_not() {
        assert!(is_table_paste("1\t2"));
        assert!(is_table_paste("1\n2\n"));
        assert!(is_table_paste("1,2"));
        assert!(!is_table_paste("0.5"));
        assert!(!is_table_paste("0.5\n"));
        assert!(!is_table_paste("0.5\r\n"));
    }

    #[test]
    fn a_cell_is_open_up_to_one_past_the_row_end() {
        assert!(cell_open(0, 0));
        assert!(cell_open(2, 2));
        assert!(!cell_open(3, 2));
    }

    #[test]
    fn labels_read_as_texts_with_non_text_as_empty() {
        assert_eq!(strings(None), Vec::<String>::new());
        assert_eq!(strings(Some(&json!("a"))), Vec::<String>::new());
        assert_eq!(strings(Some(&json!(["a", 1, "b"]))), ["a", "", "b"]);
    }

    #[test]
    fn a_label_typed_past_the_end_pads_the_array() {
        assert_eq!(set_label(None, 2, "c".to_owned()), json!(["", "", "c"]));
        assert_eq!(
            set_label(Some(&json!(["a", "b"])), 0, "z".to_owned()),
            json!(["z", "b"])
        );
    }

    #[test]
    fn counts_take_their_noun_in_the_singular_for_one() {
        assert_eq!(counted(0, "bar", "bars"), "0 bars");
        assert_eq!(counted(1, "bar", "bars"), "1 bar");
        assert_eq!(counted(7, "bar", "bars"), "7 bars");
    }
}
