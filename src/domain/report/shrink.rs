//! Curves too long for a card, made shorter while keeping their shape: a
//! 10,000-point curve alone is past the 100,000 characters the service
//! accepts for a whole card. Largest-Triangle-Three-Buckets (Steinarsson,
//! 2013) keeps the first and last points and, from each bucket between,
//! the point that spans the largest triangle with its neighbours' picks,
//! so peaks and bends survive where taking every n-th point would skip
//! them.

use serde_json::Value;

use super::metric::change_each;

/// The indices of at most `max` of `points` to keep, in order: all of them
/// when they are few enough, always the first and the last.
pub fn keep_shape(points: &[(f64, f64)], max: usize) -> Vec<usize> {
    let count = points.len();
    if count <= max || count <= 2 {
        return (0..count).collect();
    }
    if max < 3 {
        return vec![0, count - 1];
    }
    let buckets = max - 2;
    let width = (count - 2) as f64 / buckets as f64;
    let mut kept = Vec::with_capacity(max);
    kept.push(0);
    let mut previous = 0;
    for bucket in 0..buckets {
        let start = 1 + (bucket as f64 * width).floor() as usize;
        let end = (1 + ((bucket + 1) as f64 * width).floor() as usize).min(count - 1);
        let next = next_average(points, bucket + 1, buckets, width);
        let (ax, ay) = points[previous];
        let area = |index: usize| {
            let (bx, by) = points[index];
            ((ax - next.0) * (by - ay) - (ax - bx) * (next.1 - ay)).abs()
        };
        let chosen = (start..end.max(start + 1))
            .max_by(|a, b| area(*a).total_cmp(&area(*b)))
            .unwrap_or(start);
        kept.push(chosen);
        previous = chosen;
    }
    kept.push(count - 1);
    kept
}

/// The mean point of bucket `bucket`, or the last point after the last.
fn next_average(points: &[(f64, f64)], bucket: usize, buckets: usize, width: f64) -> (f64, f64) {
    let count = points.len();
    if bucket >= buckets {
        return points[count - 1];
    }
    let start = 1 + (bucket as f64 * width).floor() as usize;
    let end = (1 + ((bucket + 1) as f64 * width).floor() as usize).clamp(start + 1, count);
    let slice = &points[start..end];
    let n = slice.len() as f64;
    let (sx, sy) = slice
        .iter()
        .fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x, sy + y));
    (sx / n, sy / n)
}

/// Every line graph in `groups` with more than `max` points, shortened;
/// one sentence per shortened curve saying by how much.
pub fn shorten_curves(groups: &mut [Value], max: usize) -> Vec<String> {
    change_each(groups, "linear_graph", |metric| {
        let points = metric.get_mut("value").and_then(Value::as_array_mut)?;
        let read: Vec<(f64, f64)> = points
            .iter()
            .map(|point| Some((point.get(0)?.as_f64()?, point.get(1)?.as_f64()?)))
            .collect::<Option<_>>()?;
        if read.len() <= max {
            return None;
        }
        let before = points.len();
        *points = keep_shape(&read, max)
            .into_iter()
            .map(|index| points[index].clone())
            .collect();
        Some(format!(
            "{before} points shortened to {}, keeping its ends and shape.",
            points.len()
        ))
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn few_points_are_all_kept_and_the_ends_always_are() {
        let points: Vec<(f64, f64)> = (0..5).map(|x| (x as f64, 0.0)).collect();
        assert_eq!(keep_shape(&points, 10), [0, 1, 2, 3, 4]);
        assert_eq!(keep_shape(&points, 2), [0, 4]);
        assert_eq!(keep_shape(&[], 3), Vec::<usize>::new());
        assert_eq!(keep_shape(&points[..1], 1), [0]);
    }

    #[test]
    fn a_peak_survives_that_every_nth_point_would_skip() {
        let mut points: Vec<(f64, f64)> = (0..10_000).map(|x| (x as f64, 0.0)).collect();
        points[4_321].1 = 100.0;
        let kept = keep_shape(&points, 50);
        assert_eq!(kept.len(), 50);
        assert_eq!((kept[0], kept[49]), (0, 9_999));
        assert!(kept.contains(&4_321), "the peak is kept");
        assert!(kept.windows(2).all(|pair| pair[0] < pair[1]), "in order");
    }

    #[test]
    fn long_curves_in_groups_are_shortened_and_said_so() {
        let long: Vec<Value> = (0..1_000)
            .map(|x| json!([x, (x as f64 / 100.0).sin()]))
            .collect();
        let mut groups = vec![json!({"name": "Quality", "metric_data": [
            {"name": "roc", "type": "linear_graph", "value": long},
            {"name": "short", "type": "linear_graph", "value": [[0, 0], [1, 1]]},
            {"name": "auc", "type": "number", "value": 0.9}
        ]})];
        let said = shorten_curves(&mut groups, 100);
        assert_eq!(
            said,
            ["Quality › roc: 1000 points shortened to 100, keeping its ends and shape."]
        );
        assert_eq!(
            groups[0]["metric_data"][0]["value"]
                .as_array()
                .unwrap()
                .len(),
            100
        );
        assert_eq!(
            groups[0]["metric_data"][0]["value"][99],
            json!([999, (999.0f64 / 100.0).sin()])
        );
        assert_eq!(
            groups[0]["metric_data"][1]["value"],
            json!([[0, 0], [1, 1]])
        );
    }
}
