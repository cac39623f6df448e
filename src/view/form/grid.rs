//! Number grids: a line graph's points as an x/y table, a bar chart's values
//! beside their labels, a matrix as rows by columns with labelled axes.
//! Each accepts a block pasted from a spreadsheet (tab- or comma-separated),
//! with its header row and label column when it has them.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use serde_json::{Map, Number, Value};

use super::frame::{FieldIds, MessageList, field_messages, heading};
use super::leaf::{ControlAttrs, NumberControl, NumberDraft, text_signal};
use super::rows::array_len;
use crate::domain::form::node::{ArrayNode, FormNode};
use crate::domain::form::values::field_id;
use crate::domain::grid_nav::{self, Caret, Modifiers};
use crate::domain::grid_text::{PastedTable, parse_table};
use crate::domain::pointer::JsonPointer;
use crate::view::platform::after_next_paint;
use crate::view::store::{CardStore, expect_store};

/// The sibling of `pointer` named `key` (a metric's `x_axis_name` beside
/// its `value`).
fn sibling(pointer: &JsonPointer, key: &Option<String>) -> Option<JsonPointer> {
    Some(pointer.parent()?.child(key.clone()?))
}

/// Changes the object holding the grid (the metric) as one undo step, so
/// values and labels move together.
fn update_parent(
    store: CardStore,
    pointer: &JsonPointer,
    change: impl FnOnce(&mut Map<String, Value>),
) {
    let Some(parent) = pointer.parent() else {
        return;
    };
    let mut object = match store.value(&parent) {
        Some(Value::Object(object)) => object,
        _ => Map::new(),
    };
    change(&mut object);
    store.set(&parent, Value::Object(object));
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn number_rows(rows: Vec<Vec<Number>>) -> Value {
    Value::Array(
        rows.into_iter()
            .map(|row| Value::Array(row.into_iter().map(Value::Number).collect()))
            .collect(),
    )
}

fn zero() -> Value {
    Value::Number(Number::from(0))
}

/// Reads a multi-cell paste: `None` when the clipboard holds a single value
/// (the cell's own paste handles it), else the table or why it is not one.
fn pasted_table(event: &web_sys::ClipboardEvent) -> Option<Result<PastedTable, String>> {
    let text = event.clipboard_data()?.get_data("text/plain").ok()?;
    let trimmed = text.trim_end_matches(['\n', '\r']);
    if !trimmed.contains(['\t', '\n']) && !trimmed.contains(',') {
        return None;
    }
    event.prevent_default();
    Some(parse_table(&text).map_err(|error| error.to_string()))
}

/// The row a paste landed in, from the `data-row` of the focused cell.
fn target_row(event: &web_sys::ClipboardEvent) -> usize {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.get_attribute("data-row"))
        .and_then(|row| row.parse().ok())
        .unwrap_or(0)
}

/// The rows a grid builds when it opens; the rest follow after the frame
/// that shows them. A metric group of the largest card holds grids of a
/// hundred rows and more (about 2,850 elements in all): built at once,
/// opening it took over 100 ms before anything showed.
const FIRST_ROWS: usize = 25;

/// How many of `count` rows to build: [`FIRST_ROWS`] now, all of them once
/// the browser has shown those.
fn staged_rows(count: impl Fn() -> usize + Send + Sync + 'static) -> Signal<usize> {
    let all = RwSignal::new(false);
    after_next_paint(move || {
        // The group may have been closed meanwhile.
        let _ = all.try_set(true);
    });
    Signal::derive(move || {
        let count = count();
        if all.get() {
            count
        } else {
            count.min(FIRST_ROWS)
        }
    })
}

/// A number cell of a grid, labelled by its row and column headers.
#[component]
fn NumberCell(pointer: JsonPointer, labelled_by: String, row: usize) -> impl IntoView {
    let store = expect_store();
    let ids = FieldIds::new(&pointer);
    let messages = field_messages(store, &pointer);
    let draft = NumberDraft::new(store, &pointer);
    let attrs = ControlAttrs {
        id: ids.control.clone(),
        path: pointer.to_string(),
        described_by: ids.described_by(false, false),
        labelled_by: Some(labelled_by),
        required: true,
        messages,
    };
    view! {
        <td class="mce-grid__cell" data-row=row>
            <NumberControl attrs pointer draft class="mce-input--cell" />
            <MessageList id=ids.messages messages note=draft.note />
        </td>
    }
}

/// A text cell of a grid (an axis label), typed into the labels array at
/// `index`, padding it when it is shorter.
#[component]
fn LabelCell(
    labels: JsonPointer,
    index: usize,
    labelled_by: String,
    #[prop(optional)] header: bool,
) -> impl IntoView {
    let store = expect_store();
    let pointer = labels.child(index.to_string());
    let ids = FieldIds::new(&pointer);
    let messages = field_messages(store, &pointer);
    let text = text_signal(store, &pointer);
    let on_input = move |event| {
        let typed = event_target_value(&event);
        let mut all = store.read(&labels, strings);
        if all.len() <= index {
            all.resize(index + 1, String::new());
        }
        all[index] = typed;
        store.type_value(
            &labels,
            Value::Array(all.into_iter().map(Value::String).collect()),
        );
    };
    let cell = view! {
        <input
            type="text"
            id=ids.control.clone()
            class="mce-input mce-input--cell mce-input--label"
            data-path=pointer.to_string()
            aria-labelledby=labelled_by
            aria-invalid=move || messages.invalid().to_string()
            aria-describedby=ids.messages.clone()
            prop:value=move || text.get()
            on:input=on_input
        />
        <MessageList id=ids.messages messages />
    };
    if header {
        view! { <th scope="col" class="mce-grid__label">{cell}</th> }.into_any()
    } else {
        view! { <th scope="row" class="mce-grid__label" data-row=index>{cell}</th> }.into_any()
    }
}

/// Moves focus between a grid's cells from the keyboard, as a
/// spreadsheet does ([`grid_nav::step`] decides when a key moves): to the
/// cell that many rows and columns away, if it holds a box.
fn move_between_cells(event: web_sys::KeyboardEvent) {
    if event.is_composing() {
        return;
    }
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let length = input.value().encode_utf16().count() as u32;
    let start = input.selection_start().ok().flatten().unwrap_or(0);
    let end = input.selection_end().ok().flatten().unwrap_or(start);
    let modifiers = Modifiers {
        shift: event.shift_key(),
        other: event.alt_key() || event.ctrl_key() || event.meta_key(),
    };
    let Some((rows, columns)) =
        grid_nav::step(&event.key(), modifiers, Caret::of(length, start, end))
    else {
        return;
    };
    let closest = |selector: &str| input.closest(selector).ok().flatten();
    let (Some(cell), Some(row), Some(table)) = (closest("td, th"), closest("tr"), closest("table"))
    else {
        return;
    };
    let (Ok(cell), Ok(row), Ok(table)) = (
        cell.dyn_into::<web_sys::HtmlTableCellElement>(),
        row.dyn_into::<web_sys::HtmlTableRowElement>(),
        table.dyn_into::<web_sys::HtmlTableElement>(),
    ) else {
        return;
    };
    let (Ok(target_row), Ok(target_column)) = (
        u32::try_from(row.row_index() as isize + rows),
        u32::try_from(cell.cell_index() as isize + columns),
    ) else {
        return;
    };
    let next = table
        .rows()
        .item(target_row)
        .and_then(|row| row.dyn_into::<web_sys::HtmlTableRowElement>().ok())
        .and_then(|row| row.cells().item(target_column))
        .and_then(|cell| cell.query_selector("input").ok().flatten())
        .and_then(|next| next.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(next) = next {
        event.prevent_default();
        let _ = next.focus();
        next.select();
    }
}

/// The frame around every grid: title, size, paste hint, paste errors and
/// the grid's own messages.
#[component]
fn GridFrame(
    pointer: JsonPointer,
    label: String,
    heading_level: u8,
    size: Signal<String>,
    paste_error: RwSignal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let store = expect_store();
    let ids = FieldIds::new(&pointer);
    let heading_id = format!("{}-heading", ids.control);
    let messages = field_messages(store, &pointer);
    view! {
        <div class="mce-grid" id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=heading_id.clone() aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            <div class="mce-list__head">
                {heading(heading_level, heading_id.clone(), "mce-list__title", label)}
                <span class="mce-list__limit">{move || size.get()}</span>
            </div>
            <p class="mce-field__help">"Paste cells from a spreadsheet or CSV into any cell to fill the grid from there. The arrow keys and Enter move between cells."</p>
            {children()}
            <MessageList id=ids.messages.clone() messages note=Signal::derive(move || paste_error.get()) />
        </div>
    }
}

/// A line graph's points as an x/y table.
#[component]
pub fn PointTable(
    /// Where the points are.
    pointer: JsonPointer,
    /// Their form node.
    node: &'static FormNode,
    /// Their limits.
    array: &'static ArrayNode,
    /// The label.
    label: String,
    /// The level of its title.
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let _ = array;
    let count = array_len(store, &pointer);
    let x_name =
        sibling(&pointer, &node.ui.x_name_from).map(|p| (p.clone(), text_signal(store, &p)));
    let y_name =
        sibling(&pointer, &node.ui.y_name_from).map(|p| (p.clone(), text_signal(store, &p)));
    let axis = |name: &Option<(JsonPointer, Signal<String>)>, fallback: &'static str| {
        let name = name.as_ref().map(|(_, text)| *text);
        move || match name.map(|text| text.get()).filter(|text| !text.is_empty()) {
            Some(text) => format!("{fallback} ({text})"),
            None => fallback.to_owned(),
        }
    };
    let id = field_id(&pointer.to_string());
    let (x_id, y_id) = (format!("{id}-x"), format!("{id}-y"));
    let paste_error = RwSignal::new(None::<String>);
    let on_paste = {
        let pointer = pointer.clone();
        let x_key = node.ui.x_name_from.clone();
        let y_key = node.ui.y_name_from.clone();
        move |event: web_sys::ClipboardEvent| {
            let Some(table) = pasted_table(&event) else {
                return;
            };
            let table = match table {
                Ok(table) if table.rows.iter().all(|row| row.len() == 2) => table,
                Ok(_) => {
                    paste_error.set(Some("Points need two columns, x and y".to_owned()));
                    return;
                }
                Err(error) => {
                    paste_error.set(Some(error));
                    return;
                }
            };
            paste_error.set(None);
            let start = target_row(&event);
            let key = pointer.tokens().last().cloned().unwrap_or_default();
            let (x_key, y_key) = (x_key.clone(), y_key.clone());
            update_parent(store, &pointer, move |metric| {
                let mut points: Vec<Value> = metric
                    .get(&key)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                points.truncate(start);
                if let Value::Array(rows) = number_rows(table.rows) {
                    points.extend(rows);
                }
                metric.insert(key, Value::Array(points));
                if let (Some(labels), Some(x_key), Some(y_key)) =
                    (table.column_labels, x_key, y_key)
                {
                    for (axis_key, name) in [(x_key, labels.first()), (y_key, labels.get(1))] {
                        let empty = metric
                            .get(&axis_key)
                            .and_then(Value::as_str)
                            .is_none_or(str::is_empty);
                        if let (true, Some(name)) = (empty, name) {
                            metric.insert(axis_key, Value::String(name.clone()));
                        }
                    }
                }
            });
        }
    };
    let add = {
        let pointer = pointer.clone();
        move |_| {
            store.insert(
                &pointer,
                count.get_untracked(),
                Value::Array(vec![zero(), zero()]),
            );
        }
    };
    let built = staged_rows(move || count.get());
    let rows = {
        let pointer = pointer.clone();
        let (x_id, y_id) = (x_id.clone(), y_id.clone());
        move |row: usize| {
            let point = pointer.child(row.to_string());
            let row_id = format!("{}-row", field_id(&point.to_string()));
            let remove = {
                let point = point.clone();
                move |_| store.remove(&point)
            };
            view! {
                <tr>
                    <th scope="row" id=row_id.clone() class="mce-table__index">{row + 1}</th>
                    <NumberCell pointer=point.child("0") labelled_by=format!("{x_id} {row_id}") row />
                    <NumberCell pointer=point.child("1") labelled_by=format!("{y_id} {row_id}") row />
                    <td class="mce-table__actions">
                        <button type="button" class="mce-icon-button mce-icon-button--danger" aria-label=format!("Remove point {}", row + 1) on:click=remove>"✕"</button>
                    </td>
                </tr>
            }
        }
    };
    let size = Signal::derive(move || match count.get() {
        1 => "1 point".to_owned(),
        n => format!("{n} points"),
    });
    view! {
        <GridFrame pointer=pointer.clone() label heading_level size paste_error>
            <div class="mce-table-scroll">
                <table class="mce-table mce-grid__table" on:paste=on_paste on:keydown=move_between_cells>
                    <thead>
                        <tr>
                            <th scope="col" class="mce-table__index">"#"</th>
                            <th scope="col" id=x_id>{axis(&x_name, "X")}</th>
                            <th scope="col" id=y_id>{axis(&y_name, "Y")}</th>
                            <th scope="col"><span class="mce-visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..built.get() key=|row| *row children=rows />
                    </tbody>
                </table>
            </div>
            <button type="button" class="mce-button mce-button--add" on:click=add>"Add point"</button>
        </GridFrame>
    }
}

/// A bar chart's values, each beside its label from the sibling array.
#[component]
pub fn LabelledNumbers(
    /// Where the values are.
    pointer: JsonPointer,
    /// Their form node.
    node: &'static FormNode,
    /// Their limits.
    array: &'static ArrayNode,
    /// The label.
    label: String,
    /// The level of its title.
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let _ = array;
    let value_key = pointer.tokens().last().cloned().unwrap_or_default();
    let labels_key = node.ui.labels_from.clone();
    let labels = sibling(&pointer, &labels_key);
    let values_count = array_len(store, &pointer);
    let labels_count = labels.as_ref().map(|labels| array_len(store, labels));
    let count = Memo::new(move |_| {
        values_count
            .get()
            .max(labels_count.map_or(0, |count| count.get()))
    });
    let id = field_id(&pointer.to_string());
    let (label_id, value_id) = (format!("{id}-labels"), format!("{id}-values"));
    let paste_error = RwSignal::new(None::<String>);
    let on_paste = {
        let pointer = pointer.clone();
        let value_key = value_key.clone();
        let labels_key = labels_key.clone();
        move |event: web_sys::ClipboardEvent| {
            let Some(table) = pasted_table(&event) else {
                return;
            };
            let table = match table {
                Err(error) => {
                    paste_error.set(Some(error));
                    return;
                }
                Ok(table) => table,
            };
            // One column of values (with a label column), or one row of
            // values (with a header row of labels).
            let (values, names) = if table.rows.iter().all(|row| row.len() == 1) {
                (
                    table.rows.into_iter().flatten().collect::<Vec<_>>(),
                    table.row_labels,
                )
            } else if table.rows.len() == 1 {
                (
                    table.rows.into_iter().flatten().collect(),
                    table.column_labels,
                )
            } else {
                paste_error.set(Some(
                    "Bars need one column of values, or one row".to_owned(),
                ));
                return;
            };
            paste_error.set(None);
            let (value_key, labels_key) = (value_key.clone(), labels_key.clone());
            update_parent(store, &pointer, move |metric| {
                metric.insert(
                    value_key,
                    Value::Array(values.into_iter().map(Value::Number).collect()),
                );
                if let (Some(names), Some(key)) = (names, labels_key) {
                    metric.insert(
                        key,
                        Value::Array(names.into_iter().map(Value::String).collect()),
                    );
                }
            });
        }
    };
    let add = {
        let pointer = pointer.clone();
        let value_key = value_key.clone();
        let labels_key = labels_key.clone();
        move |_| {
            let count = count.get_untracked();
            let (value_key, labels_key) = (value_key.clone(), labels_key.clone());
            update_parent(store, &pointer, move |metric| {
                let mut values = metric
                    .get(&value_key)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                values.resize(count + 1, zero());
                metric.insert(value_key, Value::Array(values));
                if let Some(key) = labels_key {
                    let mut names = strings(metric.get(&key));
                    names.resize(count + 1, String::new());
                    metric.insert(
                        key,
                        Value::Array(names.into_iter().map(Value::String).collect()),
                    );
                }
            });
        }
    };
    let built = staged_rows(move || count.get());
    let rows = {
        let pointer = pointer.clone();
        let labels = labels.clone();
        let (label_id, value_id) = (label_id.clone(), value_id.clone());
        move |row: usize| {
            let row_id = format!("{id}-bar{row}");
            let remove = {
                let pointer = pointer.clone();
                let value_key = value_key.clone();
                let labels_key = labels_key.clone();
                move |_| {
                    let (value_key, labels_key) = (value_key.clone(), labels_key.clone());
                    update_parent(store, &pointer, move |metric| {
                        for key in std::iter::once(value_key).chain(labels_key) {
                            if let Some(Value::Array(items)) = metric.get_mut(&key)
                                && row < items.len()
                            {
                                items.remove(row);
                            }
                        }
                    });
                }
            };
            let label_cell = labels.clone().map(|labels| {
                view! { <LabelCell labels index=row labelled_by=format!("{label_id} {row_id}") /> }
            });
            let value_cell = (row < values_count.get_untracked() + 1).then(|| {
                view! { <NumberCell pointer=pointer.child(row.to_string()) labelled_by=format!("{value_id} {row_id}") row /> }
            });
            view! {
                <tr>
                    <td id=row_id class="mce-table__index">{row + 1}</td>
                    {label_cell}
                    {value_cell}
                    <td class="mce-table__actions">
                        <button type="button" class="mce-icon-button mce-icon-button--danger" aria-label=format!("Remove bar {}", row + 1) on:click=remove>"✕"</button>
                    </td>
                </tr>
            }
        }
    };
    let size = Signal::derive(move || match count.get() {
        1 => "1 bar".to_owned(),
        n => format!("{n} bars"),
    });
    let has_labels = labels.is_some();
    view! {
        <GridFrame pointer=pointer.clone() label heading_level size paste_error>
            <div class="mce-table-scroll">
                <table class="mce-table mce-grid__table" on:paste=on_paste on:keydown=move_between_cells>
                    <thead>
                        <tr>
                            <th scope="col" class="mce-table__index">"#"</th>
                            {has_labels.then(|| view! { <th scope="col" id=label_id.clone()>"Label"</th> })}
                            <th scope="col" id=value_id.clone()>"Value"</th>
                            <th scope="col"><span class="mce-visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..built.get() key=|row| *row children=rows />
                    </tbody>
                </table>
            </div>
            <button type="button" class="mce-button mce-button--add" on:click=add>"Add bar"</button>
        </GridFrame>
    }
}

/// A matrix's numbers and axis labels, changed together.
struct MatrixParts {
    rows: Vec<Vec<Value>>,
    columns: Option<Vec<String>>,
    row_names: Option<Vec<String>>,
}

/// A change to a matrix, applied as one undo step.
type GridChange = Box<dyn FnOnce(&mut MatrixParts)>;

/// A matrix: rows by columns of numbers, with column labels above and row
/// labels beside, from the sibling arrays the hints name.
#[component]
pub fn NumberGrid(
    /// Where the rows are.
    pointer: JsonPointer,
    /// Their form node.
    node: &'static FormNode,
    /// Their limits.
    array: &'static ArrayNode,
    /// The label.
    label: String,
    /// The level of its title.
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let value_key = pointer.tokens().last().cloned().unwrap_or_default();
    let column_key = node.ui.labels_from.clone();
    let row_key = node.ui.row_labels_from.clone();
    let column_labels = sibling(&pointer, &column_key);
    let row_labels = sibling(&pointer, &row_key);
    let trigger = store.watch_value(&pointer);
    // Row lengths: the grid's shape, which only structural edits change.
    let shape = {
        let pointer = pointer.clone();
        Memo::new(move |_| {
            trigger.track();
            store.read(&pointer, |value| {
                value
                    .and_then(Value::as_array)
                    .map(|rows| {
                        rows.iter()
                            .map(|row| row.as_array().map_or(0, Vec::len))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let columns = Memo::new(move |_| shape.with(|rows| rows.iter().copied().max().unwrap_or(0)));
    let id = field_id(&pointer.to_string());
    let paste_error = RwSignal::new(None::<String>);
    let edit_grid = {
        let pointer = pointer.clone();
        let value_key = value_key.clone();
        let column_key = column_key.clone();
        let row_key = row_key.clone();
        move |change: GridChange| {
            let (value_key, column_key, row_key) =
                (value_key.clone(), column_key.clone(), row_key.clone());
            update_parent(store, &pointer, move |metric| {
                let rows: Vec<Vec<Value>> = metric
                    .get(&value_key)
                    .and_then(Value::as_array)
                    .map(|rows| {
                        rows.iter()
                            .map(|row| row.as_array().cloned().unwrap_or_default())
                            .collect()
                    })
                    .unwrap_or_default();
                let columns = column_key
                    .as_ref()
                    .and_then(|key| metric.get(key))
                    .map(|v| strings(Some(v)));
                let row_names = row_key
                    .as_ref()
                    .and_then(|key| metric.get(key))
                    .map(|v| strings(Some(v)));
                let mut grid = MatrixParts {
                    rows,
                    columns,
                    row_names,
                };
                change(&mut grid);
                metric.insert(
                    value_key,
                    Value::Array(grid.rows.into_iter().map(Value::Array).collect()),
                );
                for (key, names) in [(column_key, grid.columns), (row_key, grid.row_names)] {
                    if let (Some(key), Some(names)) = (key, names) {
                        metric.insert(
                            key,
                            Value::Array(names.into_iter().map(Value::String).collect()),
                        );
                    }
                }
            });
        }
    };
    let on_paste = {
        let edit_grid = edit_grid.clone();
        move |event: web_sys::ClipboardEvent| {
            let Some(table) = pasted_table(&event) else {
                return;
            };
            match table {
                Err(error) => paste_error.set(Some(error)),
                Ok(table) => {
                    paste_error.set(None);
                    let start = target_row(&event);
                    edit_grid(Box::new(move |grid: &mut MatrixParts| {
                        grid.rows.truncate(start);
                        grid.rows.extend(
                            table
                                .rows
                                .into_iter()
                                .map(|row| row.into_iter().map(Value::Number).collect()),
                        );
                        if let Some(labels) = table.column_labels {
                            grid.columns = Some(labels);
                        }
                        if let Some(labels) = table.row_labels {
                            let mut names = grid.row_names.take().unwrap_or_default();
                            names.truncate(start);
                            names.resize(start, String::new());
                            names.extend(labels);
                            grid.row_names = Some(names);
                        }
                    }));
                }
            }
        }
    };
    let add_row = {
        let edit_grid = edit_grid.clone();
        move |_| {
            let width = columns.get_untracked().max(1);
            edit_grid(Box::new(move |grid: &mut MatrixParts| {
                grid.rows.push(vec![zero(); width]);
                let height = grid.rows.len();
                if let Some(names) = &mut grid.row_names {
                    names.resize(height, String::new());
                }
            }));
        }
    };
    let add_column = {
        let edit_grid = edit_grid.clone();
        move |_| {
            let width = columns.get_untracked();
            edit_grid(Box::new(move |grid: &mut MatrixParts| {
                if grid.rows.is_empty() {
                    grid.rows.push(Vec::new());
                }
                for row in grid.rows.iter_mut() {
                    row.resize(width + 1, zero());
                }
                if let Some(names) = &mut grid.columns {
                    names.resize(width + 1, String::new());
                }
            }));
        }
    };
    let column_id = {
        let id = id.clone();
        move |column: usize| format!("{id}-col{column}")
    };
    let header = {
        let column_id = column_id.clone();
        let column_labels = column_labels.clone();
        let edit_grid = edit_grid.clone();
        move || {
            (0..columns.get())
                .map(|column| {
                    let remove = {
                        let edit_grid = edit_grid.clone();
                        move |_| {
                            edit_grid(Box::new(move |grid: &mut MatrixParts| {
                                for row in grid.rows.iter_mut() {
                                    if column < row.len() {
                                        row.remove(column);
                                    }
                                }
                                if let Some(names) = &mut grid.columns
                                    && column < names.len()
                                {
                                    names.remove(column);
                                }
                            }));
                        }
                    };
                    let title = view! {
                        <span id=column_id(column) class="mce-grid__number">{format!("Column {}", column + 1)}</span>
                        <button type="button" class="mce-icon-button mce-icon-button--danger" aria-label=format!("Remove column {}", column + 1) on:click=remove>"✕"</button>
                    };
                    match &column_labels {
                        Some(labels) => view! {
                            <th scope="col" class="mce-grid__head">
                                {title}
                                <LabelCell labels=labels.clone() index=column labelled_by=column_id(column) header=true />
                            </th>
                        }
                        .into_any(),
                        None => view! { <th scope="col" class="mce-grid__head">{title}</th> }.into_any(),
                    }
                })
                .collect_view()
        }
    };
    let built = staged_rows(move || shape.with(Vec::len));
    let body_rows = {
        let pointer = pointer.clone();
        let row_labels = row_labels.clone();
        let edit_grid = edit_grid.clone();
        move |row: usize| {
            let column_id = column_id.clone();
            let row_pointer = pointer.child(row.to_string());
            let row_id = format!("{id}-row{row}");
            let remove = {
                let edit_grid = edit_grid.clone();
                move |_| {
                    edit_grid(Box::new(move |grid: &mut MatrixParts| {
                        if row < grid.rows.len() {
                            grid.rows.remove(row);
                        }
                        if let Some(names) = &mut grid.row_names
                            && row < names.len()
                        {
                            names.remove(row);
                        }
                    }));
                }
            };
            let label = row_labels.clone().map(|labels| {
                view! { <LabelCell labels index=row labelled_by=row_id.clone() /> }
            });
            let cells = {
                let row_pointer = row_pointer.clone();
                let row_id = row_id.clone();
                move || {
                    let length = shape.with(|rows| rows.get(row).copied().unwrap_or(0));
                    (0..columns.get())
                        .map(|column| {
                            let labelled_by = format!("{} {row_id}", column_id(column));
                            if column <= length {
                                view! { <NumberCell pointer=row_pointer.child(column.to_string()) labelled_by row /> }.into_any()
                            } else {
                                view! { <td class="mce-grid__cell mce-grid__cell--missing" title="This row is shorter; fill the cells to the left first">"—"</td> }.into_any()
                            }
                        })
                        .collect_view()
                }
            };
            view! {
                <tr>
                    <th scope="row" class="mce-table__index"><span id=row_id.clone()>{format!("Row {}", row + 1)}</span></th>
                    {label}
                    {cells}
                    <td class="mce-table__actions">
                        <button type="button" class="mce-icon-button mce-icon-button--danger" aria-label=format!("Remove row {}", row + 1) on:click=remove>"✕"</button>
                    </td>
                </tr>
            }
        }
    };
    let size = Signal::derive(move || {
        let limit = array
            .max_items
            .map(|max| format!(" · at most {max} × {max}"))
            .unwrap_or_default();
        format!("{} × {}{limit}", shape.with(Vec::len), columns.get())
    });
    let has_row_labels = row_labels.is_some();
    view! {
        <GridFrame pointer=pointer.clone() label heading_level size paste_error>
            <div class="mce-table-scroll">
                <table class="mce-table mce-grid__table mce-grid__matrix" on:paste=on_paste on:keydown=move_between_cells>
                    <thead>
                        <tr>
                            <th scope="col" class="mce-table__index"><span class="mce-visually-hidden">"Row"</span></th>
                            {has_row_labels.then(|| view! { <th scope="col">"Row label"</th> })}
                            {header}
                            <th scope="col"><span class="mce-visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..built.get() key=|row| *row children=body_rows />
                    </tbody>
                </table>
            </div>
            <div class="mce-grid__buttons">
                <button type="button" class="mce-button mce-button--add" on:click=add_row>"Add row"</button>
                <button type="button" class="mce-button mce-button--add" on:click=add_column>"Add column"</button>
            </div>
        </GridFrame>
    }
}
