//! A line graph's points: x/y pairs, and the names of the axes in sibling
//! strings of the metric that a paste with a header row fills when empty.

use serde_json::{Map, Value};

use super::{counted, number_row, zero};
use crate::domain::grid_text::PastedTable;

/// Why a pasted table does not fit a line graph's points.
pub const POINTS_SHAPE: &str = "Points need two columns, x and y";

/// Where a line graph's parts are in the metric: its points, and the
/// sibling strings naming its axes that the ui hints name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointKeys {
    /// The points' key (`value`).
    pub points: String,
    /// The x axis name's key, when the graph has one.
    pub x_name: Option<String>,
    /// The y axis name's key, when the graph has one.
    pub y_name: Option<String>,
}

/// What a paste into a line graph's points is, once its shape is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PointPaste {
    /// Every row is an x and a y: pasted as it is.
    Ready(PastedTable),
    /// Every row has the same three or more cells (a threshold, a false
    /// and a true positive rate, say): the reviewer says which columns are
    /// x and y before anything changes.
    Choose(WiderPaste),
}

/// `table` as points, as a choice of columns when it is wider than two,
/// or why it cannot be points ([`POINTS_SHAPE`]).
pub fn check_points(table: PastedTable) -> Result<PointPaste, String> {
    let width = table.rows.first().map_or(0, Vec::len);
    if width < 2 || table.rows.iter().any(|row| row.len() != width) {
        Err(POINTS_SHAPE.to_owned())
    } else if width == 2 {
        Ok(PointPaste::Ready(table))
    } else {
        Ok(PointPaste::Choose(WiderPaste { table }))
    }
}

/// Which pasted columns (0-based) hold the x and the y.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PointColumns {
    /// The column of x.
    pub x: usize,
    /// The column of y.
    pub y: usize,
}

/// Why two columns were not taken: the same one for both axes.
pub const SAME_COLUMN: &str = "Choose two different columns for x and y";

/// A pasted table with more columns than a point has, waiting for the
/// reviewer's choice of two.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WiderPaste {
    table: PastedTable,
}

impl WiderPaste {
    /// How many columns were pasted.
    pub fn width(&self) -> usize {
        self.table.rows.first().map_or(0, Vec::len)
    }

    /// How many points the paste makes.
    pub fn len(&self) -> usize {
        self.table.rows.len()
    }

    /// Never empty: a paste is at least one row.
    pub fn is_empty(&self) -> bool {
        self.table.rows.is_empty()
    }

    /// Each column as the choice names it: its number and its header, or
    /// its first values when it has none, so that the reviewer can tell
    /// the columns apart ("2: fpr", "2: 0, 0.1, 0.25, …").
    pub fn column_names(&self) -> Vec<String> {
        (0..self.width())
            .map(|column| {
                let label = self
                    .table
                    .column_labels
                    .as_ref()
                    .and_then(|labels| labels.get(column))
                    .filter(|label| !label.is_empty());
                match label {
                    Some(label) => format!("{}: {label}", column + 1),
                    None => format!("{}: {}", column + 1, self.first_values(column)),
                }
            })
            .collect()
    }

    fn first_values(&self, column: usize) -> String {
        let values: Vec<String> = self
            .table
            .rows
            .iter()
            .take(3)
            .map(|row| row[column].to_string())
            .collect();
        let more = if self.len() > 3 { ", …" } else { "" };
        format!("{}{more}", values.join(", "))
    }

    /// The choice offered first: the columns headed with the graph's axis
    /// names, else the first two that are not a threshold (a curve's
    /// export often leads with it), else the first two.
    pub fn likely_columns(&self, x_name: Option<&str>, y_name: Option<&str>) -> PointColumns {
        let labels = self.table.column_labels.as_deref().unwrap_or_default();
        let headed = |name: Option<&str>| {
            let name = name.map(str::trim).filter(|name| !name.is_empty())?;
            labels
                .iter()
                .position(|label| label.trim().eq_ignore_ascii_case(name))
        };
        let threshold =
            |column: &usize| labels.get(*column).is_some_and(|label| is_threshold(label));
        let preferred: Vec<usize> = (0..self.width())
            .filter(|column| !threshold(column))
            .chain((0..self.width()).filter(threshold))
            .collect();
        let x_headed = headed(x_name);
        let y_headed = headed(y_name).filter(|y| Some(*y) != x_headed);
        let x = x_headed
            .or_else(|| {
                preferred
                    .iter()
                    .copied()
                    .find(|column| Some(*column) != y_headed)
            })
            .unwrap_or(0);
        let y = y_headed
            .or_else(|| preferred.iter().copied().find(|column| *column != x))
            .unwrap_or(1);
        PointColumns { x, y }
    }

    /// The table cut to the chosen columns, x then y, with their headers;
    /// or why not ([`SAME_COLUMN`]).
    pub fn pick(self, columns: PointColumns) -> Result<PastedTable, String> {
        if columns.x == columns.y {
            return Err(SAME_COLUMN.to_owned());
        }
        let rows = self
            .table
            .rows
            .iter()
            .map(|row| two_of(row, columns))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| POINTS_SHAPE.to_owned())?;
        let column_labels = self
            .table
            .column_labels
            .as_deref()
            .and_then(|labels| two_of(labels, columns));
        Ok(PastedTable {
            column_labels,
            row_labels: self.table.row_labels,
            rows,
        })
    }
}

/// A row's x and y cells, when it has both.
fn two_of<T: Clone>(row: &[T], PointColumns { x, y }: PointColumns) -> Option<Vec<T>> {
    Some(vec![row.get(x)?.clone(), row.get(y)?.clone()])
}

/// Whether a pasted column's header names a curve's threshold.
fn is_threshold(label: &str) -> bool {
    let label = label.to_lowercase();
    ["threshold", "cutoff", "cut-off", "cut off"]
        .iter()
        .any(|word| label.contains(word))
}

impl PointKeys {
    /// The pasted points replace those from `start` on; a header row names
    /// the axes that have no name yet.
    pub fn paste(&self, metric: &mut Map<String, Value>, start: usize, table: PastedTable) {
        let mut points: Vec<Value> = metric
            .get(&self.points)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        points.truncate(start);
        points.extend(
            table
                .rows
                .into_iter()
                .map(|row| Value::Array(number_row(row))),
        );
        metric.insert(self.points.clone(), Value::Array(points));
        let (Some(labels), Some(x_key), Some(y_key)) =
            (table.column_labels, &self.x_name, &self.y_name)
        else {
            return;
        };
        for (axis_key, name) in [(x_key, labels.first()), (y_key, labels.get(1))] {
            let unnamed = metric
                .get(axis_key)
                .and_then(Value::as_str)
                .is_none_or(str::is_empty);
            if let (true, Some(name)) = (unnamed, name) {
                metric.insert(axis_key.clone(), Value::String(name.clone()));
            }
        }
    }
}

/// A new point: at the origin.
pub fn new_point() -> Value {
    Value::Array(vec![zero(), zero()])
}

/// A column's heading: "X", or "X (recall)" once the axis has a name.
pub fn axis_title(axis: &str, name: Option<&str>) -> String {
    match name.filter(|name| !name.is_empty()) {
        Some(name) => format!("{axis} ({name})"),
        None => axis.to_owned(),
    }
}

/// The graph's size as its heading shows it: "1 point", "40 points".
pub fn point_count(count: usize) -> String {
    counted(count, "point", "points")
}

#[cfg(test)]
mod tests {
    use serde_json::{Number, json};

    use super::*;

    fn keys() -> PointKeys {
        PointKeys {
            points: "value".to_owned(),
            x_name: Some("x_axis_name".to_owned()),
            y_name: Some("y_axis_name".to_owned()),
        }
    }

    fn table(rows: &[&[i64]], header: Option<&[&str]>) -> PastedTable {
        PastedTable {
            column_labels: header.map(|labels| labels.iter().map(|l| (*l).to_owned()).collect()),
            row_labels: None,
            rows: rows
                .iter()
                .map(|row| row.iter().map(|n| Number::from(*n)).collect())
                .collect(),
        }
    }

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => panic!("a metric object"),
        }
    }

    fn wider(rows: &[&[i64]], header: Option<&[&str]>) -> WiderPaste {
        match check_points(table(rows, header)) {
            Ok(PointPaste::Choose(wider)) => wider,
            other => panic!("a choice of columns, not {other:?}"),
        }
    }

    #[test]
    fn rows_of_two_are_points_wider_rows_ask_which_and_ragged_rows_are_refused() {
        let two = table(&[&[1, 2], &[3, 4]], None);
        assert_eq!(check_points(two.clone()), Ok(PointPaste::Ready(two)));
        let three = wider(&[&[1, 2, 3], &[4, 5, 6]], None);
        assert_eq!((three.width(), three.len()), (3, 2));
        for ragged in [
            &[&[1, 2][..], &[3][..]][..],
            &[&[1, 2, 3], &[4, 5]],
            &[&[1], &[2]],
        ] {
            assert_eq!(
                check_points(table(ragged, None)),
                Err(POINTS_SHAPE.to_owned()),
                "{ragged:?}"
            );
        }
    }

    #[test]
    fn columns_are_named_by_their_header_or_their_first_values() {
        let headed = wider(&[&[1, 2, 3]], Some(&["threshold", "fpr", "tpr"]));
        assert_eq!(headed.column_names(), ["1: threshold", "2: fpr", "3: tpr"]);
        let plain = wider(&[&[1, 2, 3], &[4, 5, 6], &[7, 8, 9], &[10, 11, 12]], None);
        assert_eq!(plain.column_names()[1], "2: 2, 5, 8, …");
        let short = wider(&[&[1, 2, 3]], None);
        assert_eq!(short.column_names()[2], "3: 3");
    }

    #[test]
    fn the_likely_columns_are_the_axes_by_name_else_the_first_two_that_are_not_a_threshold() {
        let roc = wider(&[&[1, 2, 3]], Some(&["Threshold", "FPR", "TPR"]));
        let cases = [
            (None, None, (1, 2)),
            (Some("tpr"), Some("fpr"), (2, 1)),
            (Some(" fpr "), None, (1, 2)),
            (None, Some("fpr"), (2, 1)),
            (Some("fpr"), Some("FPR"), (1, 2)),
            (Some("recall"), Some("precision"), (1, 2)),
            (Some(""), Some(""), (1, 2)),
        ];
        for (x_name, y_name, (x, y)) in cases {
            assert_eq!(
                roc.likely_columns(x_name, y_name),
                PointColumns { x, y },
                "{x_name:?} {y_name:?}"
            );
        }
        let plain = wider(&[&[1, 2, 3]], None);
        assert_eq!(
            plain.likely_columns(Some("fpr"), None),
            PointColumns { x: 0, y: 1 }
        );
        let cut = wider(&[&[1, 2, 3]], Some(&["recall", "cut-off", "precision"]));
        assert_eq!(cut.likely_columns(None, None), PointColumns { x: 0, y: 2 });
    }

    #[test]
    fn picking_two_columns_keeps_their_numbers_and_headers_in_x_y_order() {
        let roc = wider(
            &[&[9, 1, 2], &[8, 3, 4]],
            Some(&["threshold", "fpr", "tpr"]),
        );
        assert_eq!(
            roc.clone().pick(PointColumns { x: 2, y: 1 }),
            Ok(table(&[&[2, 1], &[4, 3]], Some(&["tpr", "fpr"])))
        );
        assert_eq!(
            roc.pick(PointColumns { x: 1, y: 1 }),
            Err(SAME_COLUMN.to_owned())
        );
        let plain = wider(&[&[9, 1, 2]], None);
        assert_eq!(
            plain.pick(PointColumns { x: 0, y: 2 }),
            Ok(table(&[&[9, 2]], None))
        );
    }

    #[test]
    fn a_paste_replaces_the_points_from_where_it_lands() {
        let mut metric = object(json!({"value": [[0, 0], [1, 1], [2, 2]]}));
        keys().paste(&mut metric, 1, table(&[&[5, 6], &[7, 8], &[9, 10]], None));
        assert_eq!(
            Value::Object(metric),
            json!({"value": [[0, 0], [5, 6], [7, 8], [9, 10]]})
        );
    }

    #[test]
    fn a_header_names_only_the_axes_without_a_name() {
        let mut metric = object(json!({"value": [], "x_axis_name": "recall", "y_axis_name": ""}));
        keys().paste(&mut metric, 0, table(&[&[1, 2]], Some(&["r", "precision"])));
        assert_eq!(
            Value::Object(metric),
            json!({"value": [[1, 2]], "x_axis_name": "recall", "y_axis_name": "precision"})
        );
    }

    #[test]
    fn without_both_axis_keys_a_header_names_nothing() {
        let keys = PointKeys {
            y_name: None,
            ..keys()
        };
        let mut metric = Map::new();
        keys.paste(&mut metric, 0, table(&[&[1, 2]], Some(&["r", "p"])));
        assert_eq!(Value::Object(metric), json!({"value": [[1, 2]]}));
    }

    #[test]
    fn an_axis_is_titled_with_its_name_once_it_has_one() {
        assert_eq!(axis_title("X", None), "X");
        assert_eq!(axis_title("X", Some("")), "X");
        assert_eq!(axis_title("Y", Some("precision")), "Y (precision)");
    }

    #[test]
    fn a_new_point_is_at_the_origin_and_the_size_counts_points() {
        assert_eq!(new_point(), json!([0, 0]));
        assert_eq!(point_count(1), "1 point");
        assert_eq!(point_count(0), "0 points");
    }
}
