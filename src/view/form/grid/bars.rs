//! A bar chart's values, each beside its label.

use leptos::prelude::*;
use serde_json::Value;

use super::{
    GridFrame, LabelCell, NumberCell, move_between_cells, pasted_table, sibling, staged_rows,
    strings, update_parent, zero,
};
use crate::domain::form::node::FormNode;
use crate::domain::form::values::field_id;
use crate::domain::pointer::JsonPointer;
use crate::view::form::rows::array_len;
use crate::view::store::expect_store;

/// A bar chart's values, each beside its label from the sibling array.
#[component]
pub fn LabelledNumbers(
    /// Where the values are.
    pointer: JsonPointer,
    /// Their form node.
    node: &'static FormNode,
    /// The label.
    label: String,
    /// The level of its title.
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
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
    let built = staged_rows(move || count.get(), || 2);
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
                <table class="mce-table mce-grid__table" on:paste=on_paste on:keydown=move |event| move_between_cells(event, built)>
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
