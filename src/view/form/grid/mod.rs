//! Number grids: a line graph's points as an x/y table, a bar chart's values
//! beside their labels, a matrix as rows by columns with labelled axes.
//! Each accepts a block pasted from a spreadsheet (tab- or comma-separated),
//! with its header row and label column when it has them.
//!
//! Here is what the three share: their cells, reading a paste, building
//! long grids in stages, moving between cells from the keyboard, and the
//! frame around them. The widgets are `points.rs`, `bars.rs` and
//! `matrix.rs`.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use serde_json::{Map, Value};

use super::entry_actions::EntryActions;
use super::frame::{FieldIds, MessageList, field_messages, heading};
use super::leaf::{ControlAttrs, NumberControl, NumberDraft, text_signal};
use super::rows::{StagedRows, staged_rows};
use crate::domain::form::layout::{class, grid};
use crate::domain::grid_edit::{is_table_paste, set_label};
use crate::domain::grid_nav::{self, Caret, Modifiers};
use crate::domain::grid_text::{PastedTable, parse_table};
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, expect_store};

mod bars;
mod matrix;
mod point_columns;
mod points;

pub use bars::LabelledNumbers;
pub use matrix::NumberGrid;
pub use points::PointTable;

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

/// Reads a multi-cell paste: `None` when the clipboard holds a single value
/// (the cell's own paste handles it), else the table or why it is not one.
fn pasted_table(event: &web_sys::ClipboardEvent) -> Option<Result<PastedTable, String>> {
    let text = event.clipboard_data()?.get_data("text/plain").ok()?;
    if !is_table_paste(&text) {
        return None;
    }
    event.prevent_default();
    Some(parse_table(&text).map_err(|error| error.to_string()))
}

/// Reads a multi-cell paste and checks that it fits the grid (`fit`): what
/// fits, clearing the last paste error; else `None`, with why said in
/// `paste_error`. A single value is the cell's own (`None`, nothing said).
fn read_paste<T>(
    event: &web_sys::ClipboardEvent,
    paste_error: RwSignal<Option<String>>,
    fit: impl FnOnce(PastedTable) -> Result<T, String>,
) -> Option<T> {
    match pasted_table(event)?.and_then(fit) {
        Ok(fitting) => {
            paste_error.set(None);
            Some(fitting)
        }
        Err(why) => {
            paste_error.set(Some(why));
            None
        }
    }
}

/// The row a paste landed in, from the `data-row` of the cell holding the
/// focused input (the event's target is the input, inside the cell).
fn target_row(event: &web_sys::ClipboardEvent) -> usize {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("[data-row]").ok().flatten())
        .and_then(|cell| cell.get_attribute("data-row"))
        .and_then(|row| row.parse().ok())
        .unwrap_or(0)
}

/// The id of the element a paste landed in (a cell's input), to give
/// focus back to after a question about the paste.
fn target_id(event: &web_sys::ClipboardEvent) -> Option<String> {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .map(|element| element.id())
        .filter(|id| !id.is_empty())
}

/// Focuses the element with `id`, when it is still on the page.
fn focus_by_id(id: &str) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
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
        described_by: ids.messages.clone(),
        labelled_by: Some(labelled_by),
        required: grid::CELLS_REQUIRED,
        messages,
    };
    let actions = view! { <EntryActions entry=draft.entry focus_id=ids.control.clone() /> };
    view! {
        <td class=class::GRID_CELL data-row=row>
            <NumberControl attrs pointer draft cell=true />
            <MessageList id=ids.messages messages />
            {actions}
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
        let all = store.read(&labels, |labels| set_label(labels, index, typed));
        store.type_value(&labels, all);
    };
    let cell = view! {
        <input
            type="text"
            id=ids.control.clone()
            class=class::INPUT_LABEL_CELL
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
        view! { <th scope="col" class=class::GRID_LABEL>{cell}</th> }.into_any()
    } else {
        view! { <th scope="row" class=class::GRID_LABEL data-row=index>{cell}</th> }.into_any()
    }
}

/// Moves focus between a grid's cells from the keyboard, as a
/// spreadsheet does ([`grid_nav::step`] decides when a key moves): to the
/// cell that many rows and columns away, if it holds a box. A move past the
/// last row built while `rows` are still being built builds them all, and
/// lands once they are there.
fn move_between_cells(event: web_sys::KeyboardEvent, rows: StagedRows) {
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
    let Some((row_step, column_step)) =
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
        u32::try_from(row.row_index() as isize + row_step),
        u32::try_from(cell.cell_index() as isize + column_step),
    ) else {
        return;
    };
    if let Some(next) = box_at(&table, target_row, target_column) {
        event.prevent_default();
        focus_and_select(&next);
    } else if target_row >= table.rows().length() && rows.pending() {
        event.prevent_default();
        rows.finish();
        leptos::task::spawn_local(async move {
            for _ in 0..8 {
                leptos::task::tick().await;
                if let Some(next) = box_at(&table, target_row, target_column) {
                    focus_and_select(&next);
                    return;
                }
            }
        });
    }
}

/// The text box in the cell at `row` and `column` of `table`, if any.
fn box_at(
    table: &web_sys::HtmlTableElement,
    row: u32,
    column: u32,
) -> Option<web_sys::HtmlInputElement> {
    table
        .rows()
        .item(row)
        .and_then(|row| row.dyn_into::<web_sys::HtmlTableRowElement>().ok())
        .and_then(|row| row.cells().item(column))
        .and_then(|cell| cell.query_selector("input").ok().flatten())
        .and_then(|next| next.dyn_into::<web_sys::HtmlInputElement>().ok())
}

fn focus_and_select(input: &web_sys::HtmlInputElement) {
    let _ = input.focus();
    input.select();
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
    let heading_id = ids.heading();
    let messages = field_messages(store, &pointer);
    view! {
        <div class=class::GRID id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=heading_id.clone() aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            <div class=class::LIST_HEAD>
                {heading(heading_level, heading_id.clone(), class::LIST_TITLE, label)}
                <span class=class::LIST_LIMIT>{move || size.get()}</span>
            </div>
            <p class=class::FIELD_HELP>{grid::HELP}</p>
            {children()}
            <MessageList id=ids.messages.clone() messages note=Signal::derive(move || paste_error.get()) />
        </div>
    }
}
