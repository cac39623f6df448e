//! A bar chart's values, each beside its label. What each edit does to the
//! card is [`crate::domain::grid_edit::BarKeys`]; here are the table and
//! its rows.

use leptos::prelude::*;
use serde_json::{Map, Value};

use super::{
    GridFrame, LabelCell, NumberCell, move_between_cells, read_paste, sibling, staged_rows,
    update_parent,
};
use crate::domain::form::node::FormNode;
use crate::domain::form::values::field_id;
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
    /// The control id the other ids start from.
    id: String,
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
            id: field_id(&pointer.to_string()),
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

    fn label_id(&self) -> String {
        format!("{}-labels", self.id)
    }

    fn value_id(&self) -> String {
        format!("{}-values", self.id)
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
    let (label_id, value_id) = (grid.label_id(), grid.value_id());
    let has_labels = grid.labels.is_some();
    let rows = move |row: usize| view! { <BarRow grid=grid.clone() row /> };
    view! {
        <GridFrame pointer label heading_level size paste_error>
            <div class="mce-table-scroll">
                <table class="mce-table mce-grid__table" on:paste=on_paste on:keydown=move |event| move_between_cells(event, built)>
                    <thead>
                        <tr>
                            <th scope="col" class="mce-table__index">"#"</th>
                            {has_labels.then(|| view! { <th scope="col" id=label_id>"Label"</th> })}
                            <th scope="col" id=value_id>"Value"</th>
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

/// One bar: its number, its label box, its value (when every value before
/// it is there), its remove button.
#[component]
fn BarRow(grid: BarGrid, row: usize) -> impl IntoView {
    let row_id = format!("{}-bar{row}", grid.id);
    let label_cell = grid.labels.clone().map(|labels| {
        let labelled_by = format!("{} {row_id}", grid.label_id());
        view! { <LabelCell labels index=row labelled_by /> }
    });
    let value_cell = cell_open(row, grid.values_count.get_untracked()).then(|| {
        let labelled_by = format!("{} {row_id}", grid.value_id());
        view! { <NumberCell pointer=grid.pointer.child(row.to_string()) labelled_by row /> }
    });
    let remove = move |_| grid.update(move |keys, metric| keys.remove(metric, row));
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
