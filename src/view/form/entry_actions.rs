//! The two ways out of text the card does not hold, beside its control:
//! take the number the reviewer plainly meant ("Use 0.97"), or put back
//! what the card holds. Shown only while there is such text.

use leptos::prelude::*;

use super::rows::focus_later;
use crate::domain::entries::{Entry, Slot, use_label};
use crate::domain::form::layout::class;
use crate::view::store::{CardStore, expect_store};
use crate::view::view_state::expect_view_state;

/// The buttons for the entry of a control, while it has one.
#[component]
pub fn EntryActions(
    /// The control's entry (from [`CardStore::entry`]).
    entry: Memo<Option<Entry>>,
    /// The id of the control, focused once the entry is resolved.
    focus_id: String,
) -> impl IntoView {
    let store = expect_store();
    move || {
        entry
            .get()
            .map(|entry| view! { <EntryButtons store entry focus_id=focus_id.clone() /> })
    }
}

/// "Use 0.97" for each plain reading, then "Put back 0". Once resolved,
/// focus goes to the control (`focus_id`, or found by its place), since
/// the buttons are gone.
#[component]
pub fn EntryButtons(
    /// The store holding the entry.
    store: CardStore,
    /// The entry.
    entry: Entry,
    /// The id of the control to focus once resolved, when known.
    #[prop(optional)]
    focus_id: Option<String>,
) -> impl IntoView {
    let view_state = expect_view_state();
    let slot = entry.kind.slot();
    let refocus = {
        let pointer = entry.pointer.clone();
        move || match (&focus_id, slot) {
            (Some(id), _) => focus_later(id.clone()),
            (None, Slot::Source) => {}
            (None, _) => view_state.reveal_control(pointer.clone(), slot),
        }
    };
    let suggestions = entry
        .suggestions()
        .into_iter()
        .map(|number| {
            let (pointer, refocus) = (entry.pointer.clone(), refocus.clone());
            let label = use_label(&number);
            view! {
                <button type="button" class=class::BUTTON_SMALL_PRIMARY on:click=move |_| {
                    store.accept_number(&pointer, number.clone());
                    refocus();
                }>{label}</button>
            }
        })
        .collect_view();
    let put_back = {
        let pointer = entry.pointer.clone();
        move |_| {
            store.drop_entry(slot, &pointer);
            refocus();
        }
    };
    view! {
        <span class=class::ENTRY_ACTIONS role="group" aria-label="What was typed">
            {suggestions}
            <button type="button" class=class::BUTTON_SMALL on:click=put_back>{entry.put_back_label()}</button>
        </span>
    }
}
