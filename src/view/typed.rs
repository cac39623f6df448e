//! Text typed that the card does not hold, where an action must wait for
//! it: exports and Submit would send the card's value, not what the
//! reviewer sees, so they list every such text with its ways out (take the
//! plain reading, put back the card's value, go to the field) and go on
//! only once none is left.

use std::rc::Rc;

use leptos::prelude::*;

use super::form::entry_actions::EntryButtons;
use super::modal::Modal;
use super::store::{CardStore, expect_store};
use super::view_state::expect_view_state;
use crate::domain::entries::{ListedEntry, Slot, waiting_sentence};
use crate::domain::form::card_form;
use crate::domain::form::labels::label_path;

/// Every text the card does not hold, each with where it is, what is
/// wrong, and its buttons. `focus_id` names an element that takes focus
/// once an entry is resolved (its buttons are then gone); `go_to` runs
/// before "Go to the field" reveals it (a dialog closes itself).
#[component]
pub fn EntryList(
    /// The list's id (it takes focus when an entry is resolved).
    id: &'static str,
    /// Runs before a field is revealed.
    go_to: Callback<()>,
) -> impl IntoView {
    let store = expect_store();
    let entries = store.entries();
    let rows = move || {
        entries
            .get()
            .iter()
            .cloned()
            .map(|listed| view! { <EntryRow store listed focus_id=id go_to /> })
            .collect_view()
    };
    view! {
        <ul id=id class="mce-typed" tabindex="-1" data-testid="typed-list">
            {rows}
        </ul>
    }
}

#[component]
fn EntryRow(
    store: CardStore,
    listed: ListedEntry,
    focus_id: &'static str,
    go_to: Callback<()>,
) -> impl IntoView {
    let entry = listed.entry;
    let place = match entry.kind.slot() {
        Slot::Source => listed.issue.title.clone(),
        _ => {
            store.with_card(|card| label_path(&card_form().root, card, &entry.pointer).join(" › "))
        }
    };
    let (pointer, slot) = (entry.pointer.clone(), entry.kind.slot());
    let path = pointer.to_string();
    let message = entry.message();
    let view_state = expect_view_state();
    let reveal = move |_| {
        go_to.run(());
        view_state.reveal_control(pointer.clone(), slot);
    };
    view! {
        <li class="mce-typed__item" data-pointer=path>
            <span class="mce-typed__place">{place}</span>
            <span class="mce-typed__message">{message}</span>
            <span class="mce-typed__actions">
                <EntryButtons store entry focus_id=focus_id.to_owned() />
                <button type="button" class="mce-link" on:click=reveal>"Go to the field"</button>
            </span>
        </li>
    }
}

/// An action waiting for typed text to be resolved.
pub type WaitingAction = Rc<dyn Fn()>;

/// Holds an export (or any action that sends the card) while some control
/// shows text the card does not hold: the dialog lists them, and Continue
/// runs the action once none is left.
#[derive(Clone, Copy)]
pub struct Hold {
    open: RwSignal<bool>,
    action: StoredValue<Option<WaitingAction>, LocalStorage>,
}

impl Hold {
    /// A hold with nothing waiting.
    pub fn new() -> Self {
        Self {
            open: RwSignal::new(false),
            action: StoredValue::new_local(None),
        }
    }

    /// Runs `action` now if nothing typed is waiting; else keeps it and
    /// shows the list.
    pub fn run_or_hold(&self, store: CardStore, action: WaitingAction) {
        if store.entries().with_untracked(|entries| entries.is_empty()) {
            action();
        } else {
            self.action.set_value(Some(action));
            self.open.set(true);
        }
    }
}

impl Default for Hold {
    fn default() -> Self {
        Self::new()
    }
}

/// The dialog of a [`Hold`]: what waits, and Continue once resolved.
#[component]
pub fn HoldDialog(
    /// The hold it shows.
    hold: Hold,
) -> impl IntoView {
    let store = expect_store();
    let entries = store.entries();
    let count = move || entries.with(|entries| entries.len());
    let open = hold.open;
    let proceed = move |_: leptos::ev::MouseEvent| {
        open.set(false);
        if let Some(action) = hold.action.try_update_value(Option::take).flatten() {
            action();
        }
    };
    let close = Callback::new(move |()| open.set(false));
    view! {
        <Modal open title="Finish what you typed first".to_owned() id="mce-typed">
            <p role="status">{move || waiting_sentence(count())}</p>
            <EntryList id="mce-typed-list" go_to=close />
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" disabled=move || { count() > 0 } on:click=proceed>
                    "Continue"
                </button>
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Modal>
    }
}
