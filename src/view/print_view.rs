//! The printable card: every section with content, read-only and typeset,
//! with tables for metrics and hyperparameters and charts for graphs, so the
//! browser's Print to PDF gives a document to attach to an approval. Empty
//! sections and fields are left out, not printed as blanks.

use leptos::prelude::*;
use serde_json::Value;

use super::platform::today;
use super::store::expect_store;
use crate::domain::chart::{Frame, Tick, bar_chart, heat, line_chart, numbers, points};
use crate::domain::export::model_name;
use crate::domain::form::node::{FormNode, NodeKind, ObjectNode};
use crate::domain::form::values::{item_summary, unknown_keys};
use crate::domain::form::{Widget, card_form, choose_widget};

/// The read-only card, rebuilt when the card changes.
#[component]
pub fn PrintView() -> impl IntoView {
    let store = expect_store();
    let revision = store.revision();
    let package = store.package();
    let source = store.source();
    let body = move || {
        revision.track();
        store.with_card(|card| render_card(&card_form().root, card))
    };
    let title = move || {
        let package = package.get();
        let name = model_name(package.arn.as_deref(), None);
        match name {
            Some(name) => format!("Model card: {name}"),
            None => "Model card".to_owned(),
        }
    };
    let meta = move || {
        let package = package.get();
        let mut parts = Vec::new();
        if let Some(arn) = package.arn {
            parts.push(arn);
        }
        if let Some(status) = package.status {
            parts.push(format!("Card status: {status}"));
        }
        parts.push(format!("Source: {}", source.get().describe()));
        parts.push(format!("Printed {}", today()));
        parts.join(" · ")
    };
    view! {
        <article class="mce-print" data-testid="print-view">
            <header class="mce-print__header">
                <h1 class="mce-print__title">{title}</h1>
                <p class="mce-print__meta">{meta}</p>
            </header>
            {body}
        </article>
    }
}

fn render_card(root: &'static FormNode, card: &Value) -> AnyView {
    let NodeKind::Object(object) = &root.kind else {
        return view! { <pre class="mce-print__json">{pretty(card)}</pre> }.into_any();
    };
    let sections: Vec<AnyView> = object
        .properties
        .iter()
        .filter_map(|property| {
            let value = card.get(&property.key)?;
            let content = render_value(&property.node, value, 3)?;
            let label = property.node.label_or(&property.key);
            Some(
                view! {
                    <section class="mce-print__section">
                        <h2>{label}</h2>
                        {content}
                    </section>
                }
                .into_any(),
            )
        })
        .collect();
    let others = other_fields(object, card);
    if sections.is_empty() && others.is_none() {
        return view! { <p class="mce-print__empty">"The card is empty."</p> }.into_any();
    }
    view! { {sections} {others} }.into_any()
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.iter().all(is_empty),
        Value::Object(map) => map.values().all(is_empty),
        _ => false,
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(true) => "Yes".to_owned(),
        Value::Bool(false) => "No".to_owned(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A row of `.mce-print__table` and of its compact variant, in rem, as the
/// stylesheet lays them out (font size, padding and border).
const TABLE_ROW_REM: f64 = 1.74;
const COMPACT_ROW_REM: f64 = 1.59;
/// A chart's height at its widest (`.mce-chart`: 30rem wide, the frame's
/// 2:1 ratio) and the margins around a figure or table.
const CHART_REM: f64 = 15.0;
const MARGINS_REM: f64 = 1.5;

/// The height a figure or table holds while off screen. The stylesheet
/// skips laying out off-screen figures and tables (`content-visibility:
/// auto`: on the largest card that is most of the preview's 22,000
/// elements), and each holds this size until it has been laid out once, so
/// the scroll bar matches the document's length from the start.
fn reserved_height(rows: usize, row_rem: f64, chart: bool) -> String {
    let chart = if chart { CHART_REM } else { 0.0 };
    format!("auto {:.1}rem", chart + MARGINS_REM + rows as f64 * row_rem)
}

fn heading(level: u8, text: String) -> AnyView {
    match level {
        0..=3 => view! { <h3>{text}</h3> }.into_any(),
        4 => view! { <h4>{text}</h4> }.into_any(),
        _ => view! { <h5>{text}</h5> }.into_any(),
    }
}

/// The print rendering of a value, or `None` when there is nothing to show.
fn render_value(node: &'static FormNode, value: &Value, level: u8) -> Option<AnyView> {
    if is_empty(value) {
        return None;
    }
    let view = match (choose_widget(node), &node.kind) {
        (Widget::Fieldset, NodeKind::Object(object)) => render_object(object, value, level, None)?,
        (Widget::VariantSwitch, NodeKind::Variants(variants)) => {
            let index = variants.select(value)?;
            let variant = &variants.variants[index];
            let NodeKind::Object(object) = &variant.node.kind else {
                return None;
            };
            let kind = view! { <p class="mce-print__kind">{variant.label.clone()}</p> };
            let body = render_object(object, value, level, variants.discriminator.as_deref());
            view! { {kind} {body} }.into_any()
        }
        (Widget::ItemList, NodeKind::Array(array)) => {
            let noun = node
                .ui
                .item_label
                .clone()
                .unwrap_or_else(|| "Item".to_owned());
            let items: Vec<AnyView> = value
                .as_array()?
                .iter()
                .enumerate()
                .filter_map(|(index, item)| {
                    let content = render_value(&array.items, item, level + 1)?;
                    let summary = item_summary(&array.items, Some(item)).or_else(|| {
                        match &array.items.kind {
                            NodeKind::Variants(variants) => variants
                                .select(item)
                                .and_then(|i| item_summary(&variants.variants[i].node, Some(item))),
                            _ => None,
                        }
                    });
                    let title = match summary {
                        Some(summary) => format!("{noun} {}: {summary}", index + 1),
                        None => format!("{noun} {}", index + 1),
                    };
                    Some(
                        view! {
                            <div class="mce-print__item">
                                {heading(level, title)}
                                {content}
                            </div>
                        }
                        .into_any(),
                    )
                })
                .collect();
            view! { {items} }.into_any()
        }
        (Widget::ObjectTable, NodeKind::Array(array)) => {
            render_table(node.label_or("table"), &array.items, value)?
        }
        (Widget::TextList | Widget::NumberList, _) => {
            let items = value
                .as_array()?
                .iter()
                .map(|item| view! { <li>{scalar_text(item)}</li> })
                .collect_view();
            view! { <ul class="mce-print__list">{items}</ul> }.into_any()
        }
        (Widget::KeyValueRows, _) => {
            let rows = value
                .as_object()?
                .iter()
                .map(|(key, item)| view! { <tr><th scope="row">{key.clone()}</th><td>{scalar_text(item)}</td></tr> })
                .collect_view();
            view! { <table class="mce-print__table"><tbody>{rows}</tbody></table> }.into_any()
        }
        (Widget::PointTable, _) => render_points(value)?,
        (Widget::LabelledNumbers, _) => render_bars(value)?,
        (Widget::NumberGrid, _) => render_matrix(value)?,
        (Widget::JsonText, _) => {
            view! { <pre class="mce-print__json">{pretty(value)}</pre> }.into_any()
        }
        _ => view! { <p class="mce-print__text">{scalar_text(value)}</p> }.into_any(),
    };
    Some(view)
}

/// An object's fields: plain ones as a definition list, the rest as
/// titled groups. `skip` is a variant's discriminator, which the variant's
/// label already says.
fn render_object(
    object: &'static ObjectNode,
    value: &Value,
    level: u8,
    skip: Option<&str>,
) -> Option<AnyView> {
    let map = value.as_object()?;
    let mut plain = Vec::new();
    let mut groups = Vec::new();
    for property in object
        .properties
        .iter()
        .filter(|p| Some(p.key.as_str()) != skip)
    {
        let Some(child) = map.get(&property.key).filter(|child| !is_empty(child)) else {
            continue;
        };
        let label = property.node.label_or(&property.key);
        match choose_widget(&property.node) {
            Widget::TextInput
            | Widget::TextArea
            | Widget::Select
            | Widget::NumberInput
            | Widget::Checkbox
            | Widget::ScalarChoice => {
                plain.push(view! { <dt>{label}</dt><dd>{scalar_text(child)}</dd> }.into_any());
            }
            _ => {
                // Sibling label arrays print inside their grid's table.
                if property.node.ui.shown_with.is_some() {
                    continue;
                }
                let Some(content) = render_labelled(&property.node, child, map, level + 1) else {
                    continue;
                };
                groups.push(
                    view! {
                        <div class="mce-print__group">
                            {heading(level, label)}
                            {content}
                        </div>
                    }
                    .into_any(),
                );
            }
        }
    }
    let others = other_fields(object, value);
    if plain.is_empty() && groups.is_empty() && others.is_none() {
        return None;
    }
    let list = (!plain.is_empty()).then(|| view! { <dl class="mce-print__fields">{plain}</dl> });
    Some(view! { {list} {groups} {others} }.into_any())
}

/// A grid printed with the labels its hints name from the sibling fields.
fn render_labelled(
    node: &'static FormNode,
    value: &Value,
    siblings: &serde_json::Map<String, Value>,
    level: u8,
) -> Option<AnyView> {
    let labels = |key: &Option<String>| -> Vec<String> {
        key.as_ref()
            .and_then(|key| siblings.get(key))
            .and_then(Value::as_array)
            .map(|items| items.iter().map(scalar_text).collect())
            .unwrap_or_default()
    };
    match choose_widget(node) {
        Widget::LabelledNumbers => render_bar_table(value, &labels(&node.ui.labels_from)),
        Widget::NumberGrid => render_matrix_table(
            value,
            &labels(&node.ui.labels_from),
            &labels(&node.ui.row_labels_from),
        ),
        Widget::PointTable => {
            let axis = |key: &Option<String>| {
                key.as_ref()
                    .and_then(|key| siblings.get(key))
                    .map(scalar_text)
                    .filter(|name| !name.is_empty())
            };
            render_point_table(
                value,
                axis(&node.ui.x_name_from),
                axis(&node.ui.y_name_from),
            )
        }
        _ => render_value(node, value, level),
    }
}

fn other_fields(object: &ObjectNode, value: &Value) -> Option<AnyView> {
    let keys = unknown_keys(object, Some(value));
    if keys.is_empty() {
        return None;
    }
    let rows = keys
        .into_iter()
        .map(|key| {
            let shown = value.get(&key).map(pretty).unwrap_or_default();
            view! { <dt><code>{key}</code></dt><dd><pre class="mce-print__json">{shown}</pre></dd> }
        })
        .collect_view();
    Some(
        view! {
            <div class="mce-print__group mce-print__others">
                <h4>"Fields outside the schema"</h4>
                <dl class="mce-print__fields">{rows}</dl>
            </div>
        }
        .into_any(),
    )
}

fn render_table(label: String, item: &'static FormNode, value: &Value) -> Option<AnyView> {
    let NodeKind::Object(object) = &item.kind else {
        return None;
    };
    let items = value.as_array()?;
    let columns: Vec<_> = object
        .properties
        .iter()
        .filter(|property| {
            items
                .iter()
                .any(|row| row.get(&property.key).is_some_and(|v| !is_empty(v)))
        })
        .collect();
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
    let reserved = reserved_height(items.len() + 1, TABLE_ROW_REM, false);
    Some(
        view! {
            <div class="mce-table-scroll" tabindex="0" role="region" aria-label=label style:contain-intrinsic-size=reserved>
                <table class="mce-print__table">
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any(),
    )
}

fn render_points(value: &Value) -> Option<AnyView> {
    render_point_table(value, None, None)
}

fn render_point_table(
    value: &Value,
    x_name: Option<String>,
    y_name: Option<String>,
) -> Option<AnyView> {
    let points = points(value);
    let chart = line_chart(&points, Frame::PRINT)?;
    let frame = Frame::PRINT;
    let x_ticks = chart
        .x_ticks
        .iter()
        .map(|tick| view! { <text x=tick.at y=frame.height - 8.0 text-anchor="middle">{tick.label.clone()}</text> })
        .collect_view();
    let y_ticks = y_axis(&chart.y_ticks, frame);
    let x_label = x_name.clone().unwrap_or_else(|| "x".to_owned());
    let y_label = y_name.clone().unwrap_or_else(|| "y".to_owned());
    let description = format!(
        "Line graph of {} points, {y_label} against {x_label}",
        points.len()
    );
    let rows = points
        .iter()
        .map(|(x, y)| view! { <tr><td>{x.to_string()}</td><td>{y.to_string()}</td></tr> })
        .collect_view();
    let reserved = reserved_height(points.len() + 1, COMPACT_ROW_REM, true);
    Some(view! {
        <figure class="mce-print__figure" style:contain-intrinsic-size=reserved>
            <svg class="mce-chart" viewBox=format!("0 0 {} {}", frame.width, frame.height) role="img" aria-label=description>
                {y_ticks}
                {x_ticks}
                <path d=chart.path class="mce-chart__line" />
            </svg>
            <table class="mce-print__table mce-print__table--compact">
                <thead><tr><th scope="col">{x_label}</th><th scope="col">{y_label}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
    .into_any())
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

fn render_bars(value: &Value) -> Option<AnyView> {
    render_bar_table(value, &[])
}

fn render_bar_table(value: &Value, labels: &[String]) -> Option<AnyView> {
    let values = numbers(value);
    let chart = bar_chart(&values, Frame::PRINT)?;
    let frame = Frame::PRINT;
    let bars = chart
        .bars
        .iter()
        .map(|bar| view! { <rect x=bar.x y=bar.y width=bar.width height=bar.height class="mce-chart__bar" /> })
        .collect_view();
    let y_ticks = y_axis(&chart.y_ticks, frame);
    let rows = values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let label = labels
                .get(index)
                .cloned()
                .unwrap_or_else(|| format!("Bar {}", index + 1));
            view! { <tr><th scope="row">{label}</th><td>{value.to_string()}</td></tr> }
        })
        .collect_view();
    let reserved = reserved_height(values.len(), COMPACT_ROW_REM, true);
    Some(view! {
        <figure class="mce-print__figure" style:contain-intrinsic-size=reserved>
            <svg class="mce-chart" viewBox=format!("0 0 {} {}", frame.width, frame.height) role="img" aria-label=format!("Bar chart of {} values", values.len())>
                {y_ticks}
                {bars}
                <line x1=frame.left x2=frame.width - 8.0 y1=chart.baseline y2=chart.baseline class="mce-chart__axis" />
            </svg>
            <table class="mce-print__table mce-print__table--compact"><tbody>{rows}</tbody></table>
        </figure>
    }
    .into_any())
}

fn render_matrix(value: &Value) -> Option<AnyView> {
    render_matrix_table(value, &[], &[])
}

fn render_matrix_table(value: &Value, columns: &[String], rows: &[String]) -> Option<AnyView> {
    let grid: Vec<Vec<f64>> = value.as_array()?.iter().map(numbers).collect();
    let all: Vec<f64> = grid.iter().flatten().copied().collect();
    let min = all.iter().copied().fold(f64::INFINITY, f64::min);
    let max = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let head = (0..width)
        .map(|column| view! { <th scope="col">{columns.get(column).cloned().unwrap_or_else(|| format!("{}", column + 1))}</th> })
        .collect_view();
    let body = grid
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let cells = row
                .iter()
                .map(|cell| {
                    let shade = heat(*cell, min, max);
                    let shading = format!("rgb(11 92 173 / {:.2})", shade * 0.55);
                    view! { <td style:background-color=shading>{cell.to_string()}</td> }
                })
                .collect_view();
            let label = rows
                .get(index)
                .cloned()
                .unwrap_or_else(|| format!("{}", index + 1));
            view! { <tr><th scope="row">{label}</th>{cells}</tr> }
        })
        .collect_view();
    let reserved = reserved_height(grid.len() + 1, TABLE_ROW_REM, false);
    Some(
        view! {
            <div class="mce-table-scroll" tabindex="0" role="region" aria-label="Matrix of values" style:contain-intrinsic-size=reserved>
                <table class="mce-print__table mce-print__matrix">
                    <thead><tr><td></td>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any(),
    )
}
