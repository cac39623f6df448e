//! A matrix: rows by columns of numbers, with labelled axes.

use leptos::prelude::*;
use serde_json::Value;

use super::{
    GridFrame, LabelCell, NumberCell, move_between_cells, pasted_table, sibling, staged_rows,
    strings, target_row, update_parent, zero,
};
use crate::domain::form::node::{ArrayNode, FormNode};
use crate::domain::form::values::field_id;
use crate::domain::pointer::JsonPointer;
use crate::view::store::expect_store;

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
    let built = staged_rows(move || shape.with(Vec::len), move || columns.get() + 1);
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
                <table class="mce-table mce-grid__table mce-grid__matrix" on:paste=on_paste on:keydown=move |event| move_between_cells(event, built)>
                    <thead>
                        <tr>
                            <th scope="col" class="mce-table__index"><span class="mce-visually-hidden">"Row"</span></th>
                            {has_row_labels.then(|| view! { <th scope="col">"Row label"</th> })}
                            {header}
                            <th scope="col" class="mce-table__actions"><span class="mce-visually-hidden">"Actions"</span></th>
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
