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

/// `table` when every row is an x and a y, else why not
/// ([`POINTS_SHAPE`]).
pub fn check_points(table: PastedTable) -> Result<PastedTable, String> {
    if table.rows.iter().all(|row| row.len() == 2) {
        Ok(table)
    } else {
        Err(POINTS_SHAPE.to_owned())
    }
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

    #[test]
    fn only_rows_of_two_are_points() {
        assert!(check_points(table(&[&[1, 2], &[3, 4]], None)).is_ok());
        assert_eq!(
            check_points(table(&[&[1, 2], &[3]], None)),
            Err(POINTS_SHAPE.to_owned())
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
