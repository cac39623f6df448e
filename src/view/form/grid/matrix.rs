//! A matrix: rows by columns of numbers, with labelled axes. What each
//! edit does to the card is [`crate::domain::grid_edit::MatrixKeys`]; here
//! are the table's head, its rows and its buttons.

use leptos::prelude::*;

use super::{
    GridFrame, LabelCell, NumberCell, move_between_cells, read_paste, sibling, staged_rows,
    target_row, update_parent,
};
use crate::domain::form::layout::grid::{self, GridIds, cell_labelled_by, column_name, row_name};
use crate::domain::form::layout::{class, text};
use crate::domain::form::node::{ArrayNode, FormNode};
use crate::domain::grid_edit::{MatrixEdit, MatrixKeys, cell_open, matrix_size, row_lengths};
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, expect_store};

/// A matrix on the page: where its numbers and labels are, its shape, and
/// the ids its cells are labelled by.
#[derive(Clone)]
struct MatrixGrid {
    store: CardStore,
    /// Where the rows are.
    pointer: JsonPointer,
    /// Where, in the metric, its parts are.
    keys: MatrixKeys,
    /// The column labels, when it has them.
    column_labels: Option<JsonPointer>,
    /// The row labels, when it has them.
    row_labels: Option<JsonPointer>,
    /// Row lengths: the grid's shape, which only structural edits change.
    shape: Memo<Vec<usize>>,
    /// The widest row's length.
    columns: Memo<usize>,
    /// The ids its cells are labelled by.
    ids: GridIds,
}

impl MatrixGrid {
    fn new(store: CardStore, pointer: JsonPointer, node: &FormNode) -> Self {
        let keys = MatrixKeys {
            values: pointer.tokens().last().cloned().unwrap_or_default(),
            column_labels: node.ui.labels_from.clone(),
            row_labels: node.ui.row_labels_from.clone(),
        };
        let trigger = store.watch_value(&pointer);
        let shape = {
            let pointer = pointer.clone();
            Memo::new(move |_| {
                trigger.track();
                store.read(&pointer, row_lengths)
            })
        };
        Self {
            store,
            column_labels: sibling(&pointer, &keys.column_labels),
            row_labels: sibling(&pointer, &keys.row_labels),
            keys,
            shape,
            columns: Memo::new(move |_| shape.with(|rows| rows.iter().copied().max().unwrap_or(0))),
            ids: GridIds::new(&pointer),
            pointer,
        }
    }

    /// Applies `edit` as one undo step, numbers and labels together.
    fn edit(&self, edit: MatrixEdit) {
        let keys = self.keys.clone();
        update_parent(self.store, &self.pointer, move |metric| {
            keys.apply(metric, edit)
        });
    }

    fn column_id(&self, column: usize) -> String {
        self.ids.column(column)
    }

    fn row_id(&self, row: usize) -> String {
        self.ids.row(row)
    }
}

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
    let grid = MatrixGrid::new(expect_store(), pointer.clone(), node);
    let (shape, columns) = (grid.shape, grid.columns);
    let paste_error = RwSignal::new(None::<String>);
    let on_paste = {
        let grid = grid.clone();
        move |event: web_sys::ClipboardEvent| {
            if let Some(table) = read_paste(&event, paste_error, Ok) {
                let start = target_row(&event);
                grid.edit(MatrixEdit::Paste { start, table });
            }
        }
    };
    let (add_row, add_column) = (grid.clone(), grid.clone());
    let built = staged_rows(move || shape.with(Vec::len), move || columns.get() + 1);
    let size =
        Signal::derive(move || matrix_size(shape.with(Vec::len), columns.get(), array.max_items));
    let row = {
        let grid = grid.clone();
        move |row: usize| view! { <MatrixRow grid=grid.clone() row /> }
    };
    view! {
        <GridFrame pointer label heading_level size paste_error>
            <div class=class::TABLE_SCROLL>
                <table class=class::GRID_MATRIX on:paste=on_paste on:keydown=move |event| move_between_cells(event, built)>
                    <MatrixHead grid=grid.clone() />
                    <tbody>
                        <For each=move || 0..built.get() key=|row| *row children=row />
                    </tbody>
                </table>
            </div>
            <div class=class::GRID_BUTTONS>
                <button type="button" class=class::BUTTON_ADD on:click=move |_| add_row.edit(MatrixEdit::AddRow)>{text::add(grid::ROW)}</button>
                <button type="button" class=class::BUTTON_ADD on:click=move |_| add_column.edit(MatrixEdit::AddColumn)>{text::add(grid::COLUMN)}</button>
            </div>
        </GridFrame>
    }
}

/// The matrix's head: a heading for each column, with its label box when
/// the matrix has column labels.
#[component]
fn MatrixHead(grid: MatrixGrid) -> impl IntoView {
    let has_row_labels = grid.row_labels.is_some();
    let columns = grid.columns;
    let heads = move || {
        (0..columns.get())
            .map(|column| view! { <ColumnHead grid=grid.clone() column /> })
            .collect_view()
    };
    view! {
        <thead>
            <tr>
                <th scope="col" class=class::TABLE_INDEX><span class=class::VISUALLY_HIDDEN>{grid::ROW}</span></th>
                {has_row_labels.then(|| view! { <th scope="col">{grid::ROW_LABEL}</th> })}
                {heads}
                <th scope="col" class=class::TABLE_ACTIONS><span class=class::VISUALLY_HIDDEN>{grid::ACTIONS}</span></th>
            </tr>
        </thead>
    }
}

/// One column's heading: its number, its remove button, its label box.
#[component]
fn ColumnHead(grid: MatrixGrid, column: usize) -> impl IntoView {
    let column_id = grid.column_id(column);
    let labels = grid.column_labels.clone();
    let remove = move |_| grid.edit(MatrixEdit::RemoveColumn(column));
    let title = view! {
        <span id=column_id.clone() class=class::GRID_NUMBER>{column_name(column)}</span>
        <button type="button" class=class::ICON_BUTTON_DANGER aria-label=format!("Remove column {}", column + 1) on:click=remove>"✕"</button>
    };
    match labels {
        Some(labels) => view! {
            <th scope="col" class=class::GRID_HEAD>
                {title}
                <LabelCell labels index=column labelled_by=column_id header=true />
            </th>
        }
        .into_any(),
        None => view! { <th scope="col" class=class::GRID_HEAD>{title}</th> }.into_any(),
    }
}

/// One row: its number, its label box, its cells (a cell past one beyond
/// the row's end is a placeholder), its remove button.
#[component]
fn MatrixRow(grid: MatrixGrid, row: usize) -> impl IntoView {
    let row_pointer = grid.pointer.child(row.to_string());
    let row_id = grid.row_id(row);
    let label = grid.row_labels.clone().map(|labels| {
        view! { <LabelCell labels index=row labelled_by=row_id.clone() /> }
    });
    let (shape, columns) = (grid.shape, grid.columns);
    let cells = {
        let grid = grid.clone();
        let row_id = row_id.clone();
        move || {
            let length = shape.with(|rows| rows.get(row).copied().unwrap_or(0));
            (0..columns.get())
                .map(|column| {
                    let labelled_by = cell_labelled_by(&grid.column_id(column), &row_id);
                    if cell_open(column, length) {
                        view! { <NumberCell pointer=row_pointer.child(column.to_string()) labelled_by row /> }.into_any()
                    } else {
                        view! { <td class=class::GRID_CELL_MISSING title=grid::MISSING_CELL>"—"</td> }.into_any()
                    }
                })
                .collect_view()
        }
    };
    let remove = move |_| grid.edit(MatrixEdit::RemoveRow(row));
    view! {
        <tr>
            <th scope="row" class=class::TABLE_INDEX><span id=row_id>{row_name(row)}</span></th>
            {label}
            {cells}
            <td class=class::TABLE_ACTIONS>
                <button type="button" class=class::ICON_BUTTON_DANGER aria-label=format!("Remove row {}", row + 1) on:click=remove>"✕"</button>
            </td>
        </tr>
    }
}
