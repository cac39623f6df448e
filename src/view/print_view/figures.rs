//! The preview's tables and charts: an array of objects as a table, and
//! the metric grids (points, labelled numbers, a matrix) as the editor's
//! charts (`view/chart.rs`) with their values beside, each built within
//! the first frame's budget or after it.

use leptos::prelude::*;
use serde_json::Value;

use super::deferred::{Budget, COMPACT_ROW_REM, TABLE_ROW_REM, content_height, reserved_height};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::domain::chart::metric_chart;
use crate::domain::form::node::{FormNode, NodeKind};
use crate::domain::print::{is_blank, scalar_text};
use crate::view::chart::{chart_svg, chart_table};

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
    let reserved = reserved_height(rows, TABLE_ROW_REM, 0.0);
    let table = budget.now_or_later(cells, content_height(rows, TABLE_ROW_REM, 0.0), move || {
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

/// The chart of a metric (or of a grid with no metric around it, given
/// its `type`), as the editor draws it, with its numbers in a table
/// beside; while its data is incomplete, the sentence saying what is
/// missing.
pub(super) fn render_metric_figure(metric: &Value, budget: &Budget) -> Option<AnyView> {
    let chart = metric_chart(metric)?;
    let chart = match chart {
        Ok(chart) => chart,
        Err(missing) => {
            return Some(view! { <p class="mce-print__text">{missing.message}</p> }.into_any());
        }
    };
    let rows = chart.table.rows.len() + 1;
    let reserved = reserved_height(rows, COMPACT_ROW_REM, chart.size.1);
    let cells = rows * chart.table.columns.len().max(2);
    let id = format!(
        "mce-print-chart-{}",
        NEXT_CHART.fetch_add(1, Ordering::Relaxed)
    );
    let content = budget.now_or_later(
        cells,
        content_height(rows, COMPACT_ROW_REM, chart.size.1),
        move || {
            let caption = format!("{}: the values", chart.title);
            view! {
                {chart_svg(&chart, &id)}
                {chart_table(&chart.table, caption)}
            }
        },
    );
    Some(
        view! {
            <figure class="mce-print__figure" style:contain-intrinsic-size=reserved>
                {content}
            </figure>
        }
        .into_any(),
    )
}

/// Numbers the preview's charts, so that each one's title and description
/// ids are unique on the page.
static NEXT_CHART: AtomicUsize = AtomicUsize::new(0);
