//! The preview's tables and charts: an array of objects as a table, and
//! the metric grids (points, labelled numbers, a matrix) as a chart or a
//! shaded table with their values beside, each built within the first
//! frame's budget or after it.

use leptos::prelude::*;
use serde_json::Value;

use super::deferred::{Budget, COMPACT_ROW_REM, TABLE_ROW_REM, content_height, reserved_height};
use crate::domain::chart::{
    Frame, Shading, Tick, bar_categories, bar_chart, line_chart, numbers, points,
};
use crate::domain::form::node::{FormNode, NodeKind};
use crate::domain::print::{is_blank, numbered_labels, scalar_text};

/// An array of objects as a table, with a column for each property that
/// some row fills.
pub(super) fn render_table(
    label: String,
    item: &'static FormNode,
    value: &Value,
    budget: &Budget,
) -> Option<AnyView> {
    let NodeKind::Object(object) = &item.kind else {
        return None;
    };
    let items = value.as_array()?.clone();
    let columns: Vec<_> = object
        .properties
        .iter()
        .filter(|property| {
            items
                .iter()
                .any(|row| row.get(&property.key).is_some_and(|v| !is_blank(v)))
        })
        .collect();
    let rows = items.len() + 1;
    let cells = rows * columns.len();
    let reserved = reserved_height(rows, TABLE_ROW_REM, false);
    let table = budget.now_or_later(cells, content_height(rows, TABLE_ROW_REM, false), move || {
        let head = columns
            .iter()
            .map(|property| view! { <th scope="col">{property.node.label_or(&property.key)}</th> })
            .collect_view();
        let body = items
            .iter()
            .map(|row| {
                let cells = columns
                    .iter()
                    .map(|property| view! { <td>{row.get(&property.key).map(scalar_text).unwrap_or_default()}</td> })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <table class="mce-print__table">
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        }
    });
    Some(
        view! {
            <div class="mce-table-scroll" tabindex="0" role="region" aria-label=label style:contain-intrinsic-size=reserved>
                {table}
            </div>
        }
        .into_any(),
    )
}

/// Points as a line graph, with their values in a table beside it.
pub(super) fn render_point_table(
    value: &Value,
    x_name: Option<String>,
    y_name: Option<String>,
    budget: &Budget,
) -> Option<AnyView> {
    let points = points(value);
    let frame = Frame::PRINT;
    let chart = line_chart(&points, frame)?;
    let x_label = x_name.unwrap_or_else(|| "x".to_owned());
    let y_label = y_name.unwrap_or_else(|| "y".to_owned());
    let description = format!(
        "Line graph of {} points, {y_label} against {x_label}",
        points.len()
    );
    let rows = points.len() + 1;
    let reserved = reserved_height(rows, COMPACT_ROW_REM, true);
    let content = budget.now_or_later(rows * 2, content_height(rows, COMPACT_ROW_REM, true), move || {
        let x_ticks = chart
            .x_ticks
            .iter()
            .map(|tick| view! { <text x=tick.at y=frame.height - 8.0 text-anchor="middle">{tick.label.clone()}</text> })
            .collect_view();
        let y_ticks = y_axis(&chart.y_ticks, frame);
        let rows = points
            .iter()
            .map(|(x, y)| view! { <tr><td>{x.to_string()}</td><td>{y.to_string()}</td></tr> })
            .collect_view();
        view! {
            <svg class="mce-chart" viewBox=format!("0 0 {} {}", frame.width, frame.height) role="img" aria-label=description>
                {y_ticks}
                {x_ticks}
                <path d=chart.path class="mce-chart__line" />
            </svg>
            <table class="mce-print__table mce-print__table--compact">
                <thead><tr><th scope="col">{x_label}</th><th scope="col">{y_label}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    Some(
        view! {
            <figure class="mce-print__figure" style:contain-intrinsic-size=reserved>
                {content}
            </figure>
        }
        .into_any(),
    )
}

/// The value axis of a chart: a grid line and a label at every tick.
fn y_axis(ticks: &[Tick], frame: Frame) -> impl IntoView + use<> {
    ticks
        .iter()
        .map(|tick| view! {
            <line x1=frame.left x2=frame.width - 8.0 y1=tick.at y2=tick.at class="mce-chart__grid" />
            <text x=frame.left - 6.0 y=tick.at + 4.0 text-anchor="end">{tick.label.clone()}</text>
        })
        .collect_view()
}

/// Labelled numbers as a bar chart, with their values in a table beside
/// it.
pub(super) fn render_bar_table(
    value: &Value,
    labels: &[String],
    budget: &Budget,
) -> Option<AnyView> {
    let values = numbers(value);
    let frame = Frame::PRINT;
    let chart = bar_chart(&values, labels, frame)?;
    let labels = bar_categories(values.len(), labels);
    let reserved = reserved_height(values.len(), COMPACT_ROW_REM, true);
    let height = content_height(values.len(), COMPACT_ROW_REM, true);
    let content = budget.now_or_later(values.len() * 3, height, move || {
        let bars = chart
            .bars
            .iter()
            .zip(values.iter().zip(&labels))
            .map(|(bar, (value, label))| view! {
                <rect x=bar.x y=bar.y width=bar.width height=bar.height class="mce-chart__bar">
                    <title>{format!("{label}: {value}")}</title>
                </rect>
            })
            .collect_view();
        let angle = chart.label_angle;
        let categories = chart
            .labels
            .iter()
            .map(|label| {
                let turn = (angle != 0.0).then(|| format!("rotate({angle} {} {})", label.x, label.y));
                let anchor = if angle == 0.0 { "middle" } else { "end" };
                view! {
                    <text x=label.x y=label.y text-anchor=anchor transform=turn class="mce-chart__category">
                        <title>{label.full.clone()}</title>
                        {label.text.clone()}
                    </text>
                }
            })
            .collect_view();
        let y_ticks = y_axis(&chart.y_ticks, frame);
        let rows = values
            .iter()
            .zip(labels)
            .map(|(value, label)| view! { <tr><th scope="row">{label}</th><td>{value.to_string()}</td></tr> })
            .collect_view();
        view! {
            <svg class="mce-chart" viewBox=format!("0 0 {} {}", frame.width, frame.height) role="img" aria-label=format!("Bar chart of {} values", values.len())>
                {y_ticks}
                {bars}
                {categories}
                <line x1=frame.left x2=frame.width - 8.0 y1=chart.baseline y2=chart.baseline class="mce-chart__axis" />
            </svg>
            <table class="mce-print__table mce-print__table--compact"><tbody>{rows}</tbody></table>
        }
    });
    Some(
        view! {
            <figure class="mce-print__figure" style:contain-intrinsic-size=reserved>
                {content}
            </figure>
        }
        .into_any(),
    )
}

/// A matrix as a table shaded by value, with the legend of its shading.
pub(super) fn render_matrix_table(
    value: &Value,
    columns: &[String],
    rows: &[String],
    budget: &Budget,
) -> Option<AnyView> {
    let grid: Vec<Vec<f64>> = value.as_array()?.iter().map(numbers).collect();
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let columns = numbered_labels(columns, width);
    let rows = numbered_labels(rows, grid.len());
    // One scale for every cell of the matrix.
    let shading = Shading::of(grid.iter().flatten().copied());
    let legend = shading.map(|shading| shading.legend());
    let height = grid.len() + 1;
    let reserved = reserved_height(height, TABLE_ROW_REM, false);
    let cells = height * (width + 1);
    let table = budget.now_or_later(
        cells,
        content_height(height, TABLE_ROW_REM, false),
        move || {
            let head = columns
                .into_iter()
                .map(|label| view! { <th scope="col">{label}</th> })
                .collect_view();
            let body = grid
                .iter()
                .zip(rows)
                .map(|(row, label)| {
                    let cells = row
                        .iter()
                        .map(|cell| {
                            let colour = shading.map(|shading| shading.colour(*cell).css());
                            view! { <td class="mce-print__cell" style:background-color=colour>{cell.to_string()}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{label}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <table class="mce-print__table mce-print__matrix">
                    <thead><tr><td></td>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            }
        },
    );
    Some(
        view! {
            <div class="mce-table-scroll" tabindex="0" role="region" aria-label="Matrix of values" style:contain-intrinsic-size=reserved>
                {table}
            </div>
            {legend.map(|legend| view! { <p class="mce-print__legend">{legend}</p> })}
        }
        .into_any(),
    )
}
