//! A line graph's points as an x/y table.

use leptos::prelude::*;
use serde_json::Value;

use super::{
    GridFrame, NumberCell, move_between_cells, number_rows, pasted_table, sibling, staged_rows,
    target_row, update_parent, zero,
};
use crate::domain::form::node::FormNode;
use crate::domain::form::values::field_id;
use crate::domain::pointer::JsonPointer;
use crate::view::form::leaf::text_signal;
use crate::view::form::rows::array_len;
use crate::view::store::expect_store;

/// A line graph's points as an x/y table.
#[component]
pub fn PointTable(
    /// Where the points are.
    pointer: JsonPointer,
    /// Their form node.
    node: &'static FormNode,
    /// The label.
    label: String,
    /// The level of its title.
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
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
    let built = staged_rows(move || count.get(), || 2);
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
                <table class="mce-table mce-grid__table" on:paste=on_paste on:keydown=move |event| move_between_cells(event, built)>
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
