//! A bar chart's values, each beside its label. What each edit does to the
//! card is [`crate::domain::grid_edit::BarKeys`]; here are the table and
//! its rows.

use leptos::prelude::*;
use serde_json::{Map, Value};

use super::{
    GridFrame, LabelCell, NumberCell, move_between_cells, read_paste, sibling, staged_rows,
    update_parent,
};
use crate::domain::form::layout::grid::{self, GridIds, cell_labelled_by};
use crate::domain::form::layout::{class, text};
use crate::domain::form::node::FormNode;
use crate::domain::grid_edit::{BarKeys, BarPaste, bar_count, cell_open};
use crate::domain::pointer::JsonPointer;
use crate::view::form::rows::array_len;
use crate::view::store::{CardStore, expect_store};

/// A bar chart on the page: where its values and labels are, and the ids
/// its cells are labelled by.
#[derive(Clone)]
struct BarGrid {
    store: CardStore,
    /// Where the values are.
    pointer: JsonPointer,
    /// Where, in the metric, its parts are.
    keys: BarKeys,
    /// The labels, when it has them.
    labels: Option<JsonPointer>,
    /// How many values there are.
    values_count: Memo<usize>,
    /// The ids its cells are labelled by.
    ids: GridIds,
}

impl BarGrid {
    fn new(store: CardStore, pointer: JsonPointer, node: &FormNode) -> Self {
        let keys = BarKeys {
            values: pointer.tokens().last().cloned().unwrap_or_default(),
            labels: node.ui.labels_from.clone(),
        };
        Self {
            store,
            labels: sibling(&pointer, &keys.labels),
            keys,
            values_count: array_len(store, &pointer),
            ids: GridIds::new(&pointer),
            pointer,
        }
    }

    /// Changes the metric as one undo step, values and labels together.
    fn update(&self, change: impl FnOnce(&BarKeys, &mut Map<String, Value>) + 'static) {
        let keys = self.keys.clone();
        update_parent(self.store, &self.pointer, move |metric| {
            change(&keys, metric)
        });
    }
}

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
    let grid = BarGrid::new(store, pointer.clone(), node);
    let values_count = grid.values_count;
    let labels_count = grid.labels.as_ref().map(|labels| array_len(store, labels));
    let count = Memo::new(move |_| {
        values_count
            .get()
            .max(labels_count.map_or(0, |count| count.get()))
    });
    let paste_error = RwSignal::new(None::<String>);
    let on_paste = {
        let grid = grid.clone();
        move |event: web_sys::ClipboardEvent| {
            if let Some(paste) = read_paste(&event, paste_error, BarPaste::from_table) {
                grid.update(move |keys, metric| keys.paste(metric, paste));
            }
        }
    };
    let add = {
        let grid = grid.clone();
        move |_| grid.update(|keys, metric| keys.add(metric))
    };
    let built = staged_rows(move || count.get(), || 2);
    let size = Signal::derive(move || bar_count(count.get()));
    let (label_id, value_id) = (grid.ids.labels(), grid.ids.values());
    let has_labels = grid.labels.is_some();
    let rows = move |row: usize| view! { <BarRow grid=grid.clone() row /> };
    view! {
        <GridFrame pointer label heading_level size paste_error>
            <div class=class::TABLE_SCROLL>
                <table class=class::GRID_TABLE on:paste=on_paste on:keydown=move |event| move_between_cells(event, built)>
                    <thead>
                        <tr>
                            <th scope="col" class=class::TABLE_INDEX>{text::NUMBER_COLUMN}</th>
                            {has_labels.then(|| view! { <th scope="col" id=label_id>{grid::LABEL}</th> })}
                            <th scope="col" id=value_id>{grid::VALUE}</th>
                            <th scope="col"><span class=class::VISUALLY_HIDDEN>{grid::ACTIONS}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..built.get() key=|row| *row children=rows />
                    </tbody>
                </table>
            </div>
            <button type="button" class=class::BUTTON_ADD on:click=add>{text::add(grid::BAR)}</button>
        </GridFrame>
    }
}

/// One bar: its number, its label box, its value (when every value before
/// it is there), its remove button.
#[component]
fn BarRow(grid: BarGrid, row: usize) -> impl IntoView {
    let row_id = grid.ids.bar(row);
    let label_cell = grid.labels.clone().map(|labels| {
        let labelled_by = cell_labelled_by(&grid.ids.labels(), &row_id);
        view! { <LabelCell labels index=row labelled_by /> }
    });
    let value_cell = cell_open(row, grid.values_count.get_untracked()).then(|| {
        let labelled_by = cell_labelled_by(&grid.ids.values(), &row_id);
        view! { <NumberCell pointer=grid.pointer.child(row.to_string()) labelled_by row /> }
    });
    let remove = move |_| grid.update(move |keys, metric| keys.remove(metric, row));
    view! {
        <tr>
            <td id=row_id class=class::TABLE_INDEX>{row + 1}</td>
            {label_cell}
            {value_cell}
            <td class=class::TABLE_ACTIONS>
                <button type="button" class=class::ICON_BUTTON_DANGER aria-label=format!("Remove bar {}", row + 1) on:click=remove>"✕"</button>
            </td>
        </tr>
    }
}
