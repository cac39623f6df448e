//! A line graph's points as an x/y table. What a paste does to the card is
//! [`crate::domain::grid_edit::PointKeys`]; here are the table and its
//! rows.

use leptos::prelude::*;

use super::{
    GridFrame, NumberCell, move_between_cells, read_paste, sibling, staged_rows, target_row,
    update_parent,
};
use crate::domain::form::layout::grid::{self, GridIds, cell_labelled_by, point_row};
use crate::domain::form::layout::{class, text};
use crate::domain::form::node::FormNode;
use crate::domain::grid_edit::{PointKeys, axis_title, check_points, new_point, point_count};
use crate::domain::pointer::JsonPointer;
use crate::view::form::leaf::text_signal;
use crate::view::form::rows::array_len;
use crate::view::store::{CardStore, expect_store};

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
    let ids = GridIds::new(&pointer);
    let (x_id, y_id) = (ids.x(), ids.y());
    let paste_error = RwSignal::new(None::<String>);
    let keys = PointKeys {
        points: pointer.tokens().last().cloned().unwrap_or_default(),
        x_name: node.ui.x_name_from.clone(),
        y_name: node.ui.y_name_from.clone(),
    };
    let on_paste = {
        let pointer = pointer.clone();
        move |event: web_sys::ClipboardEvent| {
            if let Some(table) = read_paste(&event, paste_error, check_points) {
                let start = target_row(&event);
                let keys = keys.clone();
                update_parent(store, &pointer, move |metric| {
                    keys.paste(metric, start, table)
                });
            }
        }
    };
    let add = {
        let pointer = pointer.clone();
        move |_| store.insert(&pointer, count.get_untracked(), new_point())
    };
    let built = staged_rows(move || count.get(), || 2);
    let rows = {
        let pointer = pointer.clone();
        let (x_id, y_id) = (x_id.clone(), y_id.clone());
        move |row: usize| {
            let point = pointer.child(row.to_string());
            view! { <PointRow store point row x_id=x_id.clone() y_id=y_id.clone() /> }
        }
    };
    let size = Signal::derive(move || point_count(count.get()));
    let x_title = axis_heading(store, sibling(&pointer, &node.ui.x_name_from), "X");
    let y_title = axis_heading(store, sibling(&pointer, &node.ui.y_name_from), "Y");
    view! {
        <GridFrame pointer label heading_level size paste_error>
            <div class=class::TABLE_SCROLL>
                <table class=class::GRID_TABLE on:paste=on_paste on:keydown=move |event| move_between_cells(event, built)>
                    <thead>
                        <tr>
                            <th scope="col" class=class::TABLE_INDEX>{text::NUMBER_COLUMN}</th>
                            <th scope="col" id=x_id>{x_title}</th>
                            <th scope="col" id=y_id>{y_title}</th>
                            <th scope="col"><span class=class::VISUALLY_HIDDEN>{grid::ACTIONS}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..built.get() key=|row| *row children=rows />
                    </tbody>
                </table>
            </div>
            <button type="button" class=class::BUTTON_ADD on:click=add>{text::add(grid::POINT)}</button>
        </GridFrame>
    }
}

/// A column's heading, following the axis name at `name` (when the graph
/// has one): "X", or "X (recall)".
fn axis_heading(
    store: CardStore,
    name: Option<JsonPointer>,
    axis: &'static str,
) -> impl Fn() -> String + Send + Sync + 'static {
    let name = name.map(|pointer| text_signal(store, &pointer));
    move || axis_title(axis, name.map(|text| text.get()).as_deref())
}

/// One point: its number, its x and y, its remove button.
#[component]
fn PointRow(
    store: CardStore,
    point: JsonPointer,
    row: usize,
    x_id: String,
    y_id: String,
) -> impl IntoView {
    let row_id = point_row(&point);
    let remove = {
        let point = point.clone();
        move |_| store.remove(&point)
    };
    view! {
        <tr>
            <th scope="row" id=row_id.clone() class=class::TABLE_INDEX>{row + 1}</th>
            <NumberCell pointer=point.child("0") labelled_by=cell_labelled_by(&x_id, &row_id) row />
            <NumberCell pointer=point.child("1") labelled_by=cell_labelled_by(&y_id, &row_id) row />
            <td class=class::TABLE_ACTIONS>
                <button type="button" class=class::ICON_BUTTON_DANGER aria-label=format!("Remove point {}", row + 1) on:click=remove>"✕"</button>
            </td>
        </tr>
    }
}
