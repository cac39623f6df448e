//! A matrix with more classes than a card holds (20 x 20), cut to the
//! classes with the most support (the largest row sums: the actual
//! classes seen most), optionally with the rest pooled into one "other"
//! class so that no count is lost. The effect is said in numbers before
//! anything changes.

use serde_json::{Number, Value, json};

use super::metric::change_each;

/// The name of the pooled class.
pub const OTHER: &str = "other";

/// `matrix` (a matrix metric) with its `k` best-supported classes, the
/// rest pooled into [`OTHER`] when `pool` (then `k` counts it), and a
/// sentence saying what that left out or pooled. `None` when the matrix is
/// not square with labels, or already has `k` classes or fewer.
pub fn top_classes(matrix: &Value, k: usize, pool: bool) -> Option<(Value, String)> {
    let grid: Vec<Vec<f64>> = matrix
        .get("value")?
        .as_array()?
        .iter()
        .map(|row| {
            row.as_array()?
                .iter()
                .map(Value::as_f64)
                .collect::<Option<Vec<_>>>()
        })
        .collect::<Option<_>>()?;
    let size = grid.len();
    let labels = |key: &str| -> Option<Vec<String>> {
        let labels: Vec<String> = matrix
            .get(key)?
            .as_array()?
            .iter()
            .map(|l| l.as_str().map(str::to_owned))
            .collect::<Option<_>>()?;
        (labels.len() == size).then_some(labels)
    };
    let (rows, columns) = (labels("y_axis_name")?, labels("x_axis_name")?);
    let kept_count = if pool { k.checked_sub(1)? } else { k };
    if size <= k || grid.iter().any(|row| row.len() != size) || kept_count == 0 {
        return None;
    }
    let support: Vec<f64> = grid.iter().map(|row| row.iter().sum()).collect();
    let mut order: Vec<usize> = (0..size).collect();
    order.sort_by(|a, b| support[*b].total_cmp(&support[*a]).then(a.cmp(b)));
    let mut kept: Vec<usize> = order[..kept_count].to_vec();
    kept.sort_unstable();
    let dropped: Vec<usize> = (0..size).filter(|class| !kept.contains(class)).collect();
    let total: f64 = support.iter().sum();
    let cell = |rows: &[usize], columns: &[usize]| sum_cells(&grid, rows, columns);
    let mut value: Vec<Vec<Value>> = kept
        .iter()
        .map(|row| {
            kept.iter()
                .map(|column| number(grid[*row][*column]))
                .collect()
        })
        .collect();
    let (mut row_labels, mut column_labels): (Vec<String>, Vec<String>) = (
        kept.iter().map(|i| rows[*i].clone()).collect(),
        kept.iter().map(|i| columns[*i].clone()).collect(),
    );
    if pool {
        for (index, row) in kept.iter().enumerate() {
            value[index].push(number(cell(&[*row], &dropped)));
        }
        let mut other: Vec<Value> = kept
            .iter()
            .map(|column| number(cell(&dropped, &[*column])))
            .collect();
        other.push(number(cell(&dropped, &dropped)));
        value.push(other);
        row_labels.push(OTHER.to_owned());
        column_labels.push(OTHER.to_owned());
    }
    let names: Vec<&str> = dropped.iter().take(3).map(|i| rows[*i].as_str()).collect();
    let more = if dropped.len() > 3 {
        format!(" and {} more", dropped.len() - 3)
    } else {
        String::new()
    };
    let left: f64 = cell(&dropped, &(0..size).collect::<Vec<_>>()) + cell(&kept, &dropped);
    let share = if total > 0.0 {
        left / total * 100.0
    } else {
        0.0
    };
    let effect = if pool {
        format!(
            "{size} classes become the {kept_count} with the most support and \"{OTHER}\", which pools {} ({}{more}): no count is lost.",
            dropped.len(),
            names.join(", ")
        )
    } else {
        format!(
            "{size} classes become the {kept_count} with the most support; {} ({}{more}) are left out with {} of {} counts ({share:.1}%).",
            dropped.len(),
            names.join(", "),
            count_text(left),
            count_text(total)
        )
    };
    let mut cut = matrix.clone();
    cut["value"] = json!(value);
    cut["y_axis_name"] = json!(row_labels);
    cut["x_axis_name"] = json!(column_labels);
    Some((cut, effect))
}

/// The sum of the cells in `rows` and `columns`.
fn sum_cells(grid: &[Vec<f64>], rows: &[usize], columns: &[usize]) -> f64 {
    rows.iter()
        .map(|row| {
            columns
                .iter()
                .map(|column| grid[*row][*column])
                .sum::<f64>()
        })
        .sum()
}

/// Every matrix in `groups` with more than `k` classes cut to its best
/// supported (pooling the rest when `pool`); one sentence per matrix.
pub fn cut_matrices(groups: &mut [Value], k: usize, pool: bool) -> Vec<String> {
    change_each(groups, "matrix", |metric| {
        let (cut, effect) = top_classes(metric, k, pool)?;
        *metric = cut;
        Some(effect)
    })
}

/// A sum as the card keeps it: whole numbers as integers.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        Value::Number(Number::from(value as i64))
    } else {
        Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

fn count_text(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(size: usize) -> Value {
        // Class i is seen (i + 1) * 10 times: 8 right, the rest as class 0.
        let value: Vec<Vec<u64>> = (0..size)
            .map(|row| {
                (0..size)
                    .map(|column| match (row, column) {
                        (r, c) if r == c => (r as u64 + 1) * 10 - 2,
                        (r, 0) if r != 0 => 2,
                        (0, 1) => 2,
                        _ => 0,
                    })
                    .collect()
            })
            .collect();
        let labels: Vec<String> = (0..size).map(|i| format!("c{i}")).collect();
        json!({"name": "confusion_matrix", "type": "matrix", "value": value, "x_axis_name": labels, "y_axis_name": labels})
    }

    #[test]
    fn the_best_supported_classes_are_kept_in_their_order_and_the_loss_is_said() {
        let (cut, effect) = top_classes(&matrix(25), 20, false).unwrap();
        assert_eq!(cut["value"].as_array().unwrap().len(), 20);
        assert_eq!(
            cut["y_axis_name"][0], "c5",
            "c0 to c4 have the least support"
        );
        assert_eq!(cut["x_axis_name"][19], "c24");
        assert_eq!(cut["value"][0][0], json!(58));
        assert_eq!(
            effect,
            "25 classes become the 20 with the most support; 5 (c0, c1, c2 and 2 more) are left out with 190 of 3250 counts (5.8%)."
        );
    }

    #[test]
    fn pooling_the_rest_keeps_every_count() {
        let original = matrix(25);
        let (cut, effect) = top_classes(&original, 20, true).unwrap();
        let sum = |m: &Value| -> u64 {
            m["value"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|r| r.as_array().unwrap())
                .map(|v| v.as_u64().unwrap())
                .sum()
        };
        assert_eq!(sum(&cut), sum(&original));
        assert_eq!(cut["value"].as_array().unwrap().len(), 20);
        assert_eq!(cut["y_axis_name"][19], OTHER);
        assert_eq!(
            cut["value"][0][19],
            json!(2),
            "c6 predicted as c0, now in other"
        );
        assert!(
            effect.ends_with("which pools 6 (c0, c1, c2 and 3 more): no count is lost."),
            "{effect}"
        );
    }

    #[test]
    fn small_ragged_or_unlabelled_matrices_are_left_as_they_are() {
        assert_eq!(top_classes(&matrix(20), 20, false), None);
        let mut ragged = matrix(25);
        ragged["value"][3] = json!([1, 2]);
        assert_eq!(top_classes(&ragged, 20, false), None);
        let mut unlabelled = matrix(25);
        unlabelled.as_object_mut().unwrap().remove("x_axis_name");
        assert_eq!(top_classes(&unlabelled, 20, false), None);
        assert_eq!(
            top_classes(&matrix(25), 1, true),
            None,
            "pooling needs room for one kept class"
        );
    }
}
