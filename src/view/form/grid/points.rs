//! A line graph's points as an x/y table. What a paste does to the card is
//! [`crate::domain::grid_edit::PointKeys`]; here are the table and its
//! rows.

use leptos::prelude::*;

use super::point_columns::{PointColumnChoice, WaitingPaste};
use super::{
    GridFrame, NumberCell, focus_by_id, move_between_cells, read_paste, sibling, staged_rows,
    target_id, target_row, update_parent,
};
use crate::domain::form::layout::grid::{self, GridIds, cell_labelled_by, point_row};
use crate::domain::form::layout::{class, text};
use crate::domain::form::node::FormNode;
use crate::domain::grid_edit::{
    PointKeys, PointPaste, axis_title, check_points, new_point, point_count,
};
use crate::domain::grid_text::PastedTable;
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
    let x_name = sibling(&pointer, &node.ui.x_name_from).map(|name| text_signal(store, &name));
    let y_name = sibling(&pointer, &node.ui.y_name_from).map(|name| text_signal(store, &name));
    let waiting = RwSignal::new(None::<WaitingPaste>);
    let take = {
        let pointer = pointer.clone();
        Callback::new(move |(start, table): (usize, PastedTable)| {
            let keys = keys.clone();
            update_parent(store, &pointer, move |metric| {
                keys.paste(metric, start, table)
            });
        })
    };
    let close = Callback::new(move |()| {
        let cell = waiting.get_untracked().and_then(|paste| paste.cell);
        waiting.set(None);
        if let Some(cell) = cell {
            focus_by_id(&cell);
        }
    });
    let on_paste =
        move |event: web_sys::ClipboardEvent| match read_paste(&event, paste_error, check_points) {
            Some(PointPaste::Ready(table)) => {
                // A paste that fits supersedes a question still open.
                waiting.set(None);
                take.run((target_row(&event), table));
            }
            Some(PointPaste::Choose(wider)) => waiting.set(Some(WaitingPaste {
                wider,
                start: target_row(&event),
                cell: target_id(&event),
            })),
            None => {}
        };
    let choice = {
        let ids = ids.clone();
        move || {
            waiting.get().map(|paste| {
                let name = |signal: Option<Signal<String>>| signal.map(|text| text.get_untracked());
                let likely = paste
                    .wider
                    .likely_columns(name(x_name).as_deref(), name(y_name).as_deref());
                view! { <PointColumnChoice ids=ids.clone() waiting=paste likely on_take=take on_close=close /> }
            })
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
    let x_title = axis_heading(x_name, "X");
    let y_title = axis_heading(y_name, "Y");
    view! {
        <GridFrame pointer label heading_level size paste_error>
            {choice}
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

/// A column's heading, following the axis name (when the graph has one):
/// "X", or "X (recall)".
fn axis_heading(
    name: Option<Signal<String>>,
    axis: &'static str,
) -> impl Fn() -> String + Send + Sync + 'static {
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
