//! An evaluation's overview: every chart-shaped metric of all its metric
//! groups, and its simple metrics as one compact table, in the card's
//! order, each knowing where its metric is so the reviewer can go there.

use serde_json::Value;

use super::metric::ChartKind;
use crate::domain::form::node::ObjectNode;
use crate::domain::pointer::JsonPointer;
use crate::domain::print::scalar_text;

/// The key of an evaluation's metric groups.
const GROUPS: &str = "metric_groups";
/// The key of a metric group's metrics.
const METRICS: &str = "metric_data";

/// Whether objects of this shape (an evaluation: they hold metric groups)
/// get an overview.
pub fn has_overview(object: &ObjectNode) -> bool {
    object
        .properties
        .iter()
        .any(|property| property.key == GROUPS)
}

/// A metric drawn in the overview.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartedMetric {
    /// Where the metric is.
    pub pointer: JsonPointer,
    /// Its group's name.
    pub group: String,
    /// Its name.
    pub name: String,
    /// Its chart.
    pub kind: ChartKind,
}

/// A simple metric, a row of the overview's table.
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleMetric {
    /// Where the metric is.
    pub pointer: JsonPointer,
    /// Its group's name.
    pub group: String,
    /// Its name.
    pub name: String,
    /// Its value, as the card holds it.
    pub value: String,
}

/// What an evaluation's overview shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Overview {
    /// Chart-shaped metrics, group by group.
    pub charts: Vec<ChartedMetric>,
    /// Simple metrics, group by group.
    pub simple: Vec<SimpleMetric>,
}

impl Overview {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.charts.is_empty() && self.simple.is_empty()
    }
}

/// A name, or what stands for a missing one.
fn name_of(value: &Value, fallback: String) -> String {
    value
        .get("name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map_or(fallback, str::to_owned)
}

/// The overview of the evaluation at `pointer` holding `evaluation`.
pub fn overview(pointer: &JsonPointer, evaluation: Option<&Value>) -> Overview {
    let mut overview = Overview::default();
    let groups = evaluation
        .and_then(|e| e.get(GROUPS))
        .and_then(Value::as_array);
    for (g, group) in groups.into_iter().flatten().enumerate() {
        let group_name = name_of(group, format!("Group {}", g + 1));
        let group_pointer = pointer.child(GROUPS).child(g.to_string()).child(METRICS);
        let metrics = group.get(METRICS).and_then(Value::as_array);
        for (m, metric) in metrics.into_iter().flatten().enumerate() {
            let pointer = group_pointer.child(m.to_string());
            let name = name_of(metric, format!("Metric {}", m + 1));
            let group = group_name.clone();
            let tag = metric
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default();
            match ChartKind::of_type(tag) {
                Some(kind) => overview.charts.push(ChartedMetric {
                    pointer,
                    group,
                    name,
                    kind,
                }),
                None => {
                    let value = metric.get("value").map(scalar_text).unwrap_or_default();
                    overview.simple.push(SimpleMetric {
                        pointer,
                        group,
                        name,
                        value,
                    });
                }
            }
        }
    }
    overview
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn charts_and_simple_metrics_are_gathered_from_every_group() {
        let evaluation = json!({"metric_groups": [
            {"name": "quality", "metric_data": [
                {"name": "accuracy", "type": "number", "value": 0.97},
                {"name": "roc", "type": "linear_graph", "value": [[0, 0], [1, 1]]},
                {"type": "boolean", "value": true}
            ]},
            {"metric_data": [{"name": "cm", "type": "matrix", "value": [[1]]}]},
            {"name": "empty"}
        ]});
        let at = JsonPointer::parse("/evaluation_details/2").unwrap();
        let overview = overview(&at, Some(&evaluation));
        assert_eq!(overview.charts.len(), 2);
        assert_eq!(
            overview.charts[0].pointer.to_string(),
            "/evaluation_details/2/metric_groups/0/metric_data/1"
        );
        assert_eq!(
            overview.charts[1].group, "Group 2",
            "a group without a name"
        );
        assert_eq!(overview.charts[1].kind, ChartKind::Heat);
        let rows: Vec<_> = overview
            .simple
            .iter()
            .map(|s| (s.name.as_str(), s.value.as_str()))
            .collect();
        assert_eq!(rows, [("accuracy", "0.97"), ("Metric 3", "Yes")]);
        assert!(super::overview(&at, None).is_empty());
        assert!(super::overview(&at, Some(&json!("x"))).is_empty());
    }
}
