//! The printable card: every section with content, read-only and typeset,
//! with tables for metrics and hyperparameters and charts for graphs, so the
//! browser's Print to PDF gives a document to attach to an approval. Empty
//! sections and fields are left out, not printed as blanks.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use serde_json::Value;

use super::backend::Backend;
use super::platform::{after_next_frame, after_next_paint, print, today};
use super::store::expect_store;
use super::view_state::{ViewMode, ViewState};
use crate::domain::chart::{
    Frame, Shading, Tick, bar_categories, bar_chart, line_chart, numbers, points,
};
use crate::domain::export::{model_name, printed_source, version_facts};
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
    let before_print = window_event_listener_untyped("beforeprint", |_| build_the_rest_now());
    on_cleanup(move || before_print.remove());
    let body = move || {
        revision.track();
        store.with_card(|card| render_card(&card_form().root, card, &Budget::new()))
    };
    let title = move || {
        let package = package.get();
        let name = model_name(package.arn.as_deref(), None);
        match name {
            Some(name) => format!("Model card: {name}"),
            None => "Model card".to_owned(),
        }
    };
    let backend = use_context::<Backend>();
    // The version's ARN, the card status and the version's approval
    // status: for a registry version, the approval as last read from the
    // registry, and the status the submit bar would send.
    let facts = move || {
        let package = package.get();
        let opened = backend.and_then(|backend| {
            backend.opened().with(|opened| {
                opened
                    .as_ref()
                    .filter(|opened| {
                        package.arn.as_ref() == Some(&opened.package.model_package_arn)
                    })
                    .map(|opened| opened.package.model_approval_status.clone())
            })
        });
        let status = match (&package.status, &opened) {
            (Some(status), _) => Some(status.clone()),
            (None, Some(_)) => Some("Draft".to_owned()),
            (None, None) => None,
        };
        version_facts(
            package.arn.as_deref(),
            status.as_deref(),
            opened.flatten().as_deref(),
        )
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view()
    };
    let meta = move || {
        format!(
            "Source: {} · Printed {}",
            source.with(printed_source),
            today()
        )
    };
    view! {
        <article class="mce-print" data-testid="print-view">
            <header class="mce-print__header">
                <h1 class="mce-print__title">{title}</h1>
                <dl class="mce-print__facts" data-testid="print-facts">{facts}</dl>
                <p class="mce-print__meta">{meta}</p>
            </header>
            {body}
        </article>
    }
}

fn render_card(root: &'static FormNode, card: &Value, budget: &Budget) -> AnyView {
    let NodeKind::Object(object) = &root.kind else {
        return view! { <pre class="mce-print__json">{pretty(card)}</pre> }.into_any();
    };
    let sections: Vec<AnyView> = object
        .properties
        .iter()
        .filter_map(|property| {
            let value = card.get(&property.key)?;
            let content = render_value(&property.node, value, 3, budget)?;
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
    format!(
        "auto {:.1}rem",
        MARGINS_REM + content_height(rows, row_rem, chart)
    )
}

/// The height of a figure's or table's content, without its margins.
fn content_height(rows: usize, row_rem: f64, chart: bool) -> f64 {
    let chart = if chart { CHART_REM } else { 0.0 };
    chart + rows as f64 * row_rem
}

/// The table cells and chart marks built in the frame that shows the
/// preview: about a screenful, and the largest card's training tables.
/// Figures and tables past them are built after that frame, one task each,
/// so switching to the preview of the largest card (22,000 elements) does
/// not hold the page for the whole of it, and a key pressed meanwhile is
/// handled between two of them.
const FIRST_CELLS: usize = 600;

/// What is left of [`FIRST_CELLS`] while the preview is built.
struct Budget(Cell<usize>);

impl Budget {
    fn new() -> Self {
        Self(Cell::new(FIRST_CELLS))
    }

    /// The content of a figure or table of `cells` cells: built now while
    /// the budget lasts, else a block of `height_rem` (so the page keeps its
    /// length) replaced by the content after the next frame. Once one waits,
    /// every later one does, so the preview fills from the top.
    fn now_or_later<V: IntoView + 'static>(
        &self,
        cells: usize,
        height_rem: f64,
        build: impl FnOnce() -> V + Send + 'static,
    ) -> AnyView {
        let left = self.0.get();
        if cells <= left {
            self.0.set(left - cells);
            return build().into_any();
        }
        self.0.set(0);
        later(height_rem, build)
    }
}

thread_local! {
    /// The switches of the figures on the page not built yet: Print waits
    /// until there are none, and printing from the browser's own menu
    /// turns them all on ([`build_the_rest_now`]).
    static WAITING: RefCell<Vec<RwSignal<bool>>> = const { RefCell::new(Vec::new()) };
}

fn later<V: IntoView + 'static>(
    height_rem: f64,
    build: impl FnOnce() -> V + Send + 'static,
) -> AnyView {
    let shown = RwSignal::new(false);
    WAITING.with_borrow_mut(|waiting| waiting.push(shown));
    after_next_paint(move || {
        WAITING.with_borrow_mut(|waiting| waiting.retain(|other| *other != shown));
        // The preview may have been left or rebuilt meanwhile.
        let _ = shown.try_set(true);
    });
    let mut build = Some(build);
    let placeholder = format!("{height_rem:.1}rem");
    (move || {
        if shown.get() {
            build.take().map(|build| build().into_any())
        } else {
            Some(
                view! { <div class="mce-print__waiting" aria-hidden="true" style:height=placeholder.clone()></div> }
                    .into_any(),
            )
        }
    })
    .into_any()
}

/// Builds every figure still waiting, at once: the browser is about to
/// print from its own menu while the preview fills (our Print button and
/// Ctrl+P wait for them instead). The page's updates run before the
/// browser lays it out for printing, so the whole card is printed.
fn build_the_rest_now() {
    for shown in WAITING.with_borrow_mut(std::mem::take) {
        let _ = shown.try_set(true);
    }
}

/// Shows the preview and prints it once it is on the page with every
/// figure and table built, so that all of it is printed, not the form's
/// controls (after about two seconds it prints what there is rather than
/// nothing).
pub fn print_preview(view_state: ViewState) {
    view_state.set_mode(ViewMode::Preview);
    leptos::task::spawn_local(async move {
        for _ in 0..120 {
            leptos::task::tick().await;
            let on_page = document()
                .query_selector("[data-testid=print-view]")
                .ok()
                .flatten()
                .is_some();
            if on_page && WAITING.with_borrow(Vec::is_empty) {
                break;
            }
            after_next_frame().await;
        }
        print();
    });
}

fn heading(level: u8, text: String) -> AnyView {
    match level {
        0..=3 => view! { <h3>{text}</h3> }.into_any(),
        4 => view! { <h4>{text}</h4> }.into_any(),
        _ => view! { <h5>{text}</h5> }.into_any(),
    }
}

/// The print rendering of a value, or `None` when there is nothing to show.
fn render_value(
    node: &'static FormNode,
    value: &Value,
    level: u8,
    budget: &Budget,
) -> Option<AnyView> {
    if is_empty(value) {
        return None;
    }
    let view = match (choose_widget(node), &node.kind) {
        (Widget::Fieldset, NodeKind::Object(object)) => {
            render_object(object, value, level, None, budget)?
        }
        (Widget::VariantSwitch, NodeKind::Variants(variants)) => {
            let index = variants.select(value)?;
            let variant = &variants.variants[index];
            let NodeKind::Object(object) = &variant.node.kind else {
                return None;
            };
            let kind = view! { <p class="mce-print__kind">{variant.label.clone()}</p> };
            let body = render_object(
                object,
                value,
                level,
                variants.discriminator.as_deref(),
                budget,
            );
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
                    let content = render_value(&array.items, item, level + 1, budget)?;
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
            render_table(node.label_or("table"), &array.items, value, budget)?
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
        (Widget::PointTable, _) => render_point_table(value, None, None, budget)?,
        (Widget::LabelledNumbers, _) => render_bar_table(value, &[], budget)?,
        (Widget::NumberGrid, _) => render_matrix_table(value, &[], &[], budget)?,
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
    budget: &Budget,
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
                let Some(content) = render_labelled(&property.node, child, map, level + 1, budget)
                else {
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
    budget: &Budget,
) -> Option<AnyView> {
    let labels = |key: &Option<String>| -> Vec<String> {
        key.as_ref()
            .and_then(|key| siblings.get(key))
            .and_then(Value::as_array)
            .map(|items| items.iter().map(scalar_text).collect())
            .unwrap_or_default()
    };
    match choose_widget(node) {
        Widget::LabelledNumbers => render_bar_table(value, &labels(&node.ui.labels_from), budget),
        Widget::NumberGrid => render_matrix_table(
            value,
            &labels(&node.ui.labels_from),
            &labels(&node.ui.row_labels_from),
            budget,
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
                budget,
            )
        }
        _ => render_value(node, value, level, budget),
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
                <h4>"Fields a model card does not define"</h4>
                <dl class="mce-print__fields">{rows}</dl>
            </div>
        }
        .into_any(),
    )
}

fn render_table(
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
                .any(|row| row.get(&property.key).is_some_and(|v| !is_empty(v)))
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

fn render_point_table(
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

fn render_bar_table(value: &Value, labels: &[String], budget: &Budget) -> Option<AnyView> {
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

fn render_matrix_table(
    value: &Value,
    columns: &[String],
    rows: &[String],
    budget: &Budget,
) -> Option<AnyView> {
    let grid: Vec<Vec<f64>> = value.as_array()?.iter().map(numbers).collect();
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let columns: Vec<String> = (0..width)
        .map(|column| {
            columns
                .get(column)
                .cloned()
                .unwrap_or_else(|| format!("{}", column + 1))
        })
        .collect();
    let rows: Vec<String> = (0..grid.len())
        .map(|row| {
            rows.get(row)
                .cloned()
                .unwrap_or_else(|| format!("{}", row + 1))
        })
        .collect();
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
