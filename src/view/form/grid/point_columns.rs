//! The question a paste wider than a line graph's points asks: which
//! pasted columns are x and y. Nothing changes in the card until the
//! reviewer answers; what is likely (the columns named as the axes, else
//! the first two that are not a threshold) is chosen to begin with.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::domain::form::layout::grid::GridIds;
use crate::domain::form::layout::{class, text};
use crate::domain::grid_edit::{PointColumns, WiderPaste};
use crate::domain::grid_text::PastedTable;

/// A wide paste waiting for its columns: what was pasted, the row it
/// landed in, and the cell to give focus back to.
#[derive(Clone)]
pub struct WaitingPaste {
    /// What was pasted.
    pub wider: WiderPaste,
    /// The row the paste landed in.
    pub start: usize,
    /// The id of the cell it was pasted into.
    pub cell: Option<String>,
}

/// The choice of a wide paste's x and y columns. `on_take` gets the table
/// cut to the two chosen, `on_close` runs after taking or cancelling.
#[component]
pub fn PointColumnChoice(
    /// The ids of the grid pasted into.
    ids: GridIds,
    /// The paste.
    waiting: WaitingPaste,
    /// The columns offered first.
    likely: PointColumns,
    /// Takes the chosen columns as the points from the paste's row on.
    on_take: Callback<(usize, PastedTable)>,
    /// Closes the question (and gives focus back to the cell).
    on_close: Callback<()>,
) -> impl IntoView {
    let x = RwSignal::new(likely.x);
    let y = RwSignal::new(likely.y);
    let refusal = RwSignal::new(None::<String>);
    let names = waiting.wider.column_names();
    let question = text::choose_point_columns(waiting.wider.width(), waiting.wider.len());
    let take_label = text::paste_points(waiting.wider.len());
    let (question_id, labelled_by) = (ids.column_question(), ids.column_question());
    let take = {
        let waiting = waiting.clone();
        move || {
            let columns = PointColumns {
                x: x.get_untracked(),
                y: y.get_untracked(),
            };
            match waiting.wider.clone().pick(columns) {
                Ok(table) => {
                    on_take.run((waiting.start, table));
                    on_close.run(());
                }
                Err(why) => refusal.set(Some(why)),
            }
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            event.stop_propagation();
            on_close.run(());
        }
    };
    view! {
        <div class=class::PASTE_CHOICE role="group" aria-labelledby=labelled_by on:keydown=on_keydown>
            <p id=question_id>{question}</p>
            <div class=class::PASTE_CHOICE_FIELDS>
                <ColumnSelect id=ids.column_choice("x") label="X" names=names.clone() chosen=x refusal autofocus=true />
                <ColumnSelect id=ids.column_choice("y") label="Y" names refusal chosen=y autofocus=false />
            </div>
            <p class=class::MESSAGE_NOTE aria-live="polite">{move || refusal.get()}</p>
            <div class=class::PASTE_CHOICE_ACTIONS>
                <button type="button" class=class::BUTTON_SMALL_PRIMARY on:click=move |_| take()>{take_label}</button>
                <button type="button" class=class::BUTTON_SMALL on:click=move |_| on_close.run(())>{text::CANCEL_PASTE}</button>
            </div>
        </div>
    }
}

/// One axis's select over the pasted columns. The first of the two takes
/// focus when the question shows, so the keyboard is where the question is.
#[component]
fn ColumnSelect(
    id: String,
    label: &'static str,
    names: Vec<String>,
    chosen: RwSignal<usize>,
    refusal: RwSignal<Option<String>>,
    autofocus: bool,
) -> impl IntoView {
    let select = NodeRef::<leptos::html::Select>::new();
    if autofocus {
        select.on_load(|element| {
            request_animation_frame(move || {
                let _ = element.focus();
            });
        });
    }
    let on_change = move |event: web_sys::Event| {
        let value = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|element| element.value().parse().ok());
        if let Some(column) = value {
            chosen.set(column);
            refusal.set(None);
        }
    };
    let options = names
        .into_iter()
        .enumerate()
        .map(|(column, name)| {
            view! { <option value=column.to_string() prop:selected=move || chosen.get() == column>{name}</option> }
        })
        .collect_view();
    view! {
        <label class=class::FIELD_LABEL for=id.clone()>{label}</label>
        <select id=id class=class::INPUT_SELECT node_ref=select on:change=on_change>{options}</select>
    }
}
