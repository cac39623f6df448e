//! What a metric draws: a line graph, bar chart or heat map from its
//! `type`, `value` and axis names, with the title and description a screen
//! reader announces and the same numbers as a table; or, while its data is
//! incomplete, a sentence saying what is missing instead of a broken
//! drawing. The editor's charts and the preview's read this one result.

use serde_json::Value;

use super::bars::{BarChart, bar_categories, bar_chart};
use super::heat::{HeatMap, heat_map, is_confusion, percent, row_shares};
use super::line::{LinePlot, curve_kind, line_plot};
use super::{Frame, bounds, number_text};

/// The chart a metric type draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// `linear_graph`: `[x, y]` points.
    Line,
    /// `bar_chart`: one number per bar.
    Bars,
    /// `matrix`: rows of numbers.
    Heat,
}

impl ChartKind {
    /// The chart of a metric `type`; `None` for simple metrics.
    pub fn of_type(tag: &str) -> Option<Self> {
        match tag {
            "linear_graph" => Some(Self::Line),
            "bar_chart" => Some(Self::Bars),
            "matrix" => Some(Self::Heat),
            _ => None,
        }
    }

    /// Its name, as its description starts.
    pub fn name(self) -> &'static str {
        match self {
            Self::Line => "Line graph",
            Self::Bars => "Bar chart",
            Self::Heat => "Heat map",
        }
    }
}

/// How many of a group's first metrics show their chart open until the
/// reviewer closes it; later ones start closed, so opening a long group
/// draws a screenful, not every chart.
pub const OPEN_CHARTS: usize = 4;

/// Whether the chart of the metric at `index` in its group starts open.
pub fn chart_starts_open(index: Option<usize>) -> bool {
    index.is_some_and(|index| index < OPEN_CHARTS)
}

/// The drawing itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Figure {
    /// A line graph.
    Line(LinePlot),
    /// A bar chart.
    Bars(BarChart),
    /// A heat map.
    Heat(HeatMap),
}

/// The numbers of a chart as a table: the alternative to the picture.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DataTable {
    /// The column headers.
    pub columns: Vec<String>,
    /// The rows; with `row_headers`, each row's first cell heads it.
    pub rows: Vec<Vec<String>>,
    /// Whether each row's first cell is its header.
    pub row_headers: bool,
}

/// A metric's chart, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricChart {
    /// Which chart.
    pub kind: ChartKind,
    /// The drawing.
    pub figure: Figure,
    /// The SVG's width and height (its `viewBox`).
    pub size: (f64, f64),
    /// The chart's title: the metric's name.
    pub title: String,
    /// What it shows, in one sentence: kind, axes, points, range.
    pub description: String,
    /// The x axis's title (line graphs).
    pub x_title: Option<String>,
    /// The y axis's title (line graphs and bar charts).
    pub y_title: Option<String>,
    /// The same numbers as a table.
    pub table: DataTable,
}

/// Why a metric's chart cannot be drawn yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Missing {
    /// Which chart it will be.
    pub kind: ChartKind,
    /// What is missing, in one sentence.
    pub message: String,
}

/// The chart of `metric` (a metric object), or what it still lacks;
/// `None` when its `type` draws no chart.
pub fn metric_chart(metric: &Value) -> Option<Result<MetricChart, Missing>> {
    let kind = ChartKind::of_type(metric.get("type")?.as_str()?)?;
    let name = metric
        .get("name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .unwrap_or("Unnamed metric")
        .to_owned();
    let value = metric.get("value").unwrap_or(&Value::Null);
    let missing = |message: String| Missing { kind, message };
    Some(match kind {
        ChartKind::Line => line_metric(&name, metric, value).map_err(missing),
        ChartKind::Bars => bar_metric(&name, metric, value).map_err(missing),
        ChartKind::Heat => heat_metric(&name, metric, value).map_err(missing),
    })
}

/// A metric's axis name that is text (line graphs' both, bar charts' y).
fn axis_title(metric: &Value, key: &str) -> Option<String> {
    let title = metric.get(key)?.as_str()?.trim();
    (!title.is_empty()).then(|| title.to_owned())
}

/// A metric's axis name that is a list of labels (bar charts' x,
/// matrices' both).
fn axis_labels(metric: &Value, key: &str) -> Vec<String> {
    metric
        .get(key)
        .and_then(Value::as_array)
        .map(|labels| {
            labels
                .iter()
                .map(|l| l.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The items of an array `value`, or a message that there are none.
fn items<'a>(value: &'a Value, what: &str, action: &str) -> Result<&'a Vec<Value>, String> {
    match value.as_array() {
        Some(items) if !items.is_empty() => Ok(items),
        _ => Err(format!("No {what} yet: {action} to see the chart.")),
    }
}

/// A finite number, or `None`.
fn finite(value: &Value) -> Option<f64> {
    value.as_f64().filter(|n| n.is_finite())
}

/// "from 0.1 to 0.9" (or "all 5").
fn range_words(values: impl Iterator<Item = f64>) -> String {
    match bounds(values) {
        Some((low, high)) if low == high => format!("all {}", number_text(low)),
        Some((low, high)) => format!("from {} to {}", number_text(low), number_text(high)),
        None => String::new(),
    }
}

fn line_metric(name: &str, metric: &Value, value: &Value) -> Result<MetricChart, String> {
    let items = items(value, "points", "add [x, y] pairs")?;
    let mut points = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match item
            .as_array()
            .map(|pair| pair.iter().map(finite).collect::<Vec<_>>())
            .as_deref()
        {
            Some([Some(x), Some(y)]) => points.push((*x, *y)),
            _ => {
                return Err(format!(
                    "Point {} is not two numbers yet; the graph is drawn when every point is an [x, y] pair.",
                    index + 1
                ));
            }
        }
    }
    let (x_title, y_title) = (
        axis_title(metric, "x_axis_name"),
        axis_title(metric, "y_axis_name"),
    );
    let (x_name, y_name) = (
        x_title.as_deref().unwrap_or("x"),
        y_title.as_deref().unwrap_or("y"),
    );
    let curve = curve_kind(name, x_name, y_name, &points);
    let plot = line_plot(&points, curve, Frame::CHART).ok_or_else(String::new)?;
    let count = if points.len() == 1 {
        "1 point".to_owned()
    } else {
        format!("{} points", points.len())
    };
    let description = match curve {
        Some(curve) => format!(
            "{} of {count}, {y_name} against {x_name}, from 0 to 1 on both axes, with {}.",
            capitalised(curve.name()),
            curve.reference_name()
        ),
        None => format!(
            "Line graph of {count}, {y_name} against {x_name}: {x_name} {}, {y_name} {}.",
            range_words(points.iter().map(|p| p.0)),
            range_words(points.iter().map(|p| p.1))
        ),
    };
    let rows = points
        .iter()
        .map(|(x, y)| vec![number_text(*x), number_text(*y)])
        .collect();
    Ok(MetricChart {
        kind: ChartKind::Line,
        size: (plot.frame.width, plot.frame.height),
        figure: Figure::Line(plot),
        title: name.to_owned(),
        description,
        table: DataTable {
            columns: vec![x_name.to_owned(), y_name.to_owned()],
            rows,
            row_headers: false,
        },
        x_title,
        y_title,
    })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn bar_metric(name: &str, metric: &Value, value: &Value) -> Result<MetricChart, String> {
    let items = items(value, "values", "add a number per bar")?;
    let mut values = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        values.push(finite(item).ok_or_else(|| {
            format!(
                "Bar {} is not a number yet; the chart is drawn when every bar's value is.",
                index + 1
            )
        })?);
    }
    let labels = axis_labels(metric, "x_axis_name");
    let chart = bar_chart(&values, &labels, Frame::CHART).ok_or_else(String::new)?;
    let y_title = axis_title(metric, "y_axis_name");
    let y_name = y_title.as_deref().unwrap_or("value");
    let count = if values.len() == 1 {
        "1 bar".to_owned()
    } else {
        format!("{} bars", values.len())
    };
    let description = format!(
        "Bar chart of {count}, {y_name} {}.",
        range_words(values.iter().copied())
    );
    let categories = bar_categories(values.len(), &labels);
    let rows = categories
        .into_iter()
        .zip(&values)
        .map(|(label, v)| vec![label, number_text(*v)])
        .collect();
    Ok(MetricChart {
        kind: ChartKind::Bars,
        size: (Frame::CHART.width, Frame::CHART.height),
        figure: Figure::Bars(chart),
        title: name.to_owned(),
        description,
        table: DataTable {
            columns: vec!["Bar".to_owned(), capitalised(y_name)],
            rows,
            row_headers: true,
        },
        x_title: None,
        y_title,
    })
}

/// The rows of a matrix `value` as numbers, or what is wrong with them.
fn matrix_rows(value: &Value) -> Result<Vec<Vec<f64>>, String> {
    let items = items(value, "rows", "add rows of numbers")?;
    let mut grid: Vec<Vec<f64>> = Vec::with_capacity(items.len());
    for (r, row) in items.iter().enumerate() {
        let cells = match row.as_array() {
            Some(cells) if !cells.is_empty() => cells,
            _ => {
                return Err(format!(
                    "Row {} has no values yet; the heat map is drawn when every row has.",
                    r + 1
                ));
            }
        };
        let mut numbers = Vec::with_capacity(cells.len());
        for (c, cell) in cells.iter().enumerate() {
            numbers.push(finite(cell).ok_or_else(|| {
                format!("Row {}, column {} is not a number yet; the heat map is drawn when every cell is.", r + 1, c + 1)
            })?);
        }
        if let Some(first) = grid.first().filter(|first| first.len() != numbers.len()) {
            return Err(format!(
                "Row {} has {} values and row 1 has {}: every row needs the same number of values to draw the heat map.",
                r + 1,
                numbers.len(),
                first.len()
            ));
        }
        grid.push(numbers);
    }
    Ok(grid)
}

fn heat_metric(name: &str, metric: &Value, value: &Value) -> Result<MetricChart, String> {
    let grid = matrix_rows(value)?;
    let (columns, rows) = (
        axis_labels(metric, "x_axis_name"),
        axis_labels(metric, "y_axis_name"),
    );
    let confusion = is_confusion(name, &grid, &rows, &columns);
    let map = heat_map(&grid, &rows, &columns, confusion).ok_or_else(String::new)?;
    let ends = |labels: &[super::HeatLabel]| match (labels.first(), labels.last()) {
        (Some(first), Some(last)) if labels.len() > 1 => format!("{} to {}", first.full, last.full),
        (Some(only), _) => only.full.clone(),
        _ => String::new(),
    };
    let mut description = format!(
        "Heat map of {} by {} values {}, rows {}, columns {}. {} The largest value is outlined, the smallest dashed.",
        grid.len(),
        grid[0].len(),
        range_words(grid.iter().flatten().copied()),
        ends(&map.row_labels),
        ends(&map.column_labels),
        map.shading.legend()
    );
    if confusion {
        description.push_str(" A confusion matrix: each row's share on the diagonal (its recall, rows being the actual classes) is written right of it.");
    }
    let mut header: Vec<String> = std::iter::once(String::new())
        .chain(map.column_labels.iter().map(|l| l.full.clone()))
        .collect();
    let shares = row_shares(&grid);
    if confusion {
        header.push("Recall".to_owned());
    }
    let table_rows = grid
        .iter()
        .zip(&map.row_labels)
        .zip(&shares)
        .map(|((row, label), share)| {
            let mut cells: Vec<String> = std::iter::once(label.full.clone())
                .chain(row.iter().map(|v| number_text(*v)))
                .collect();
            if confusion {
                cells.push(share.map_or_else(|| "–".to_owned(), percent));
            }
            cells
        })
        .collect();
    Ok(MetricChart {
        kind: ChartKind::Heat,
        size: (map.width, map.height),
        figure: Figure::Heat(map),
        title: name.to_owned(),
        description,
        table: DataTable {
            columns: header,
            rows: table_rows,
            row_headers: true,
        },
        x_title: None,
        y_title: None,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn drawn(metric: Value) -> MetricChart {
        metric_chart(&metric).unwrap().unwrap()
    }

    fn missing(metric: Value) -> String {
        metric_chart(&metric).unwrap().unwrap_err().message
    }

    #[test]
    fn each_chart_type_is_drawn_with_its_description_and_table() {
        let line = drawn(
            json!({"name": "loss", "type": "linear_graph", "value": [[0, 0.9], [1, 0.2]], "x_axis_name": "epoch", "y_axis_name": "loss"}),
        );
        assert_eq!(
            line.description,
            "Line graph of 2 points, loss against epoch: epoch from 0 to 1, loss from 0.2 to 0.9."
        );
        assert_eq!(line.table.columns, ["epoch", "loss"]);
        assert_eq!(line.table.rows, [["0", "0.9"], ["1", "0.2"]]);
        assert_eq!(
            (line.x_title.as_deref(), line.y_title.as_deref()),
            (Some("epoch"), Some("loss"))
        );
        let roc = drawn(
            json!({"name": "ROC", "type": "linear_graph", "value": [[0, 0], [0.1, 0.8], [1, 1]]}),
        );
        assert!(
            roc.description
                .starts_with("ROC curve of 3 points, y against x, from 0 to 1 on both axes"),
            "{}",
            roc.description
        );
        let bars = drawn(
            json!({"name": "h", "type": "bar_chart", "value": [3, -1], "x_axis_name": ["a", "b"], "y_axis_name": "count"}),
        );
        assert_eq!(bars.description, "Bar chart of 2 bars, count from -1 to 3.");
        assert_eq!(bars.table.rows, [["a", "3"], ["b", "-1"]]);
        let heat = drawn(
            json!({"name": "confusion", "type": "matrix", "value": [[8, 2], [1, 9]], "x_axis_name": ["y", "n"], "y_axis_name": ["y", "n"]}),
        );
        assert!(
            heat.description
                .starts_with("Heat map of 2 by 2 values from 1 to 9, rows y to n, columns y to n. Darker cells hold larger values, from 1 (lightest, yellow) to 9 (darkest, purple)."),
            "{}",
            heat.description
        );
        assert!(heat.description.contains("A confusion matrix"));
        assert_eq!(heat.table.columns, ["", "y", "n", "Recall"]);
        assert_eq!(heat.table.rows[0], ["y", "8", "2", "80%"]);
        assert_eq!(metric_chart(&json!({"type": "number", "value": 1})), None);
        assert_eq!(
            drawn(json!({"type": "bar_chart", "value": [1]})).title,
            "Unnamed metric"
        );
    }

    #[test]
    fn incomplete_data_says_what_is_missing() {
        assert_eq!(
            missing(json!({"type": "linear_graph", "value": []})),
            "No points yet: add [x, y] pairs to see the chart."
        );
        assert_eq!(
            missing(json!({"type": "linear_graph"})),
            "No points yet: add [x, y] pairs to see the chart."
        );
        assert!(
            missing(json!({"type": "linear_graph", "value": [[0, 1], [2]]}))
                .starts_with("Point 2 is not two numbers yet")
        );
        assert!(
            missing(json!({"type": "linear_graph", "value": [[0, "1"]]}))
                .starts_with("Point 1 is not two numbers yet")
        );
        assert!(
            missing(json!({"type": "bar_chart", "value": [1, null]}))
                .starts_with("Bar 2 is not a number yet")
        );
        assert_eq!(
            missing(json!({"type": "matrix", "value": [[1, 2, 3], [4, 5]]})),
            "Row 2 has 2 values and row 1 has 3: every row needs the same number of values to draw the heat map."
        );
        assert!(
            missing(json!({"type": "matrix", "value": [[1, "x"]]}))
                .starts_with("Row 1, column 2 is not a number yet")
        );
        assert!(
            missing(json!({"type": "matrix", "value": [[]]}))
                .starts_with("Row 1 has no values yet")
        );
        assert_eq!(
            metric_chart(&json!({"type": "matrix", "value": 3}))
                .unwrap()
                .unwrap_err()
                .kind,
            ChartKind::Heat
        );
    }

    #[test]
    fn the_card_order_is_kept_in_the_table_while_the_line_goes_by_x() {
        let chart = drawn(json!({"type": "linear_graph", "value": [[2, 1], [0, 0], [1, 5]]}));
        assert_eq!(chart.table.rows, [["2", "1"], ["0", "0"], ["1", "5"]]);
        let Figure::Line(plot) = chart.figure else {
            panic!()
        };
        assert!(plot.points.windows(2).all(|pair| pair[0].0 <= pair[1].0));
    }
}
