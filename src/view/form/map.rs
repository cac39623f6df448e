//! Maps (`metadata`, `custom_details`): key/value rows with add, remove and
//! rename. A key being typed that is empty or already used is text the card
//! does not hold (`domain::entries`): an error on its row, counted among
//! the card's problems, while the card keeps the last good key (with its
//! value) until the key is fixed or put back, so renaming never loses a
//! value.

use leptos::prelude::*;
use serde_json::Value;

use super::entry_actions::EntryActions;
use super::frame::{FieldIds, MessageList, field_messages, heading};
use super::rows::focus_later;
use super::schema_field::schema_field;
use crate::domain::document::{Coalesce, Edit};
use crate::domain::entries::{Entry, EntryKind, KeyProblem, Slot, key_problem};
use crate::domain::form::layout::{MAP_VALUES_REQUIRED, class, text};
use crate::domain::form::node::{FormNode, MapNode};
use crate::domain::form::values::{field_id, new_value};
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, expect_store};

/// Key/value rows for an object whose keys the user chooses.
#[component]
pub fn KeyValueRows(
    /// Where the object is.
    pointer: JsonPointer,
    /// Its form node.
    node: &'static FormNode,
    /// Its values' node.
    map: &'static MapNode,
    /// Its label.
    label: String,
    /// The level of its title.
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let trigger = store.watch_value(&pointer);
    let keys = {
        let pointer = pointer.clone();
        Memo::new(move |_| {
            trigger.track();
            store.read(&pointer, |value| {
                value
                    .and_then(Value::as_object)
                    .map(|map| map.keys().cloned().collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let count = Memo::new(move |_| keys.with(Vec::len));
    let noun = text::noun(node, text::ENTRY);
    let ids = FieldIds::new(&pointer);
    let heading_id = ids.heading();
    let messages = field_messages(store, &pointer);
    // A row added but not yet given a key lives only here (open at once
    // when a draft restored a key typed for it that still needs fixing).
    let pending = RwSignal::new(untrack(|| {
        store.find_entry(Slot::NewKey, &pointer).is_some()
    }));
    let rows = {
        let pointer = pointer.clone();
        let noun = noun.clone();
        move |index: usize| {
            view! { <MapRow map_pointer=pointer.clone() index keys values=&map.values noun=noun.clone() heading_level=heading_level + 1 /> }
        }
    };
    let pending_row = {
        let pointer = pointer.clone();
        let noun = noun.clone();
        move || {
            pending.get().then(|| {
                view! { <PendingRow map_pointer=pointer.clone() keys values=&map.values noun=noun.clone() pending /> }
            })
        }
    };
    let add = {
        let pending_id = format!("{}-new-key", ids.control);
        move |_| {
            pending.set(true);
            focus_later(pending_id.clone());
        }
    };
    let help = node.help().map(str::to_owned);
    view! {
        <div class=class::MAP id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=heading_id.clone() aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            <div class=class::LIST_HEAD>
                {heading(heading_level, heading_id.clone(), class::LIST_TITLE, label)}
                <span class=class::LIST_LIMIT>
                    {move || text::entries(count.get())}
                </span>
            </div>
            {help.map(|help| view! { <p class=class::FIELD_HELP>{help}</p> })}
            <ul class=class::MAP_ROWS>
                <For each=move || 0..count.get() key=|index| *index children=rows />
                {pending_row}
            </ul>
            <MessageList id=ids.messages.clone() messages />
            <button type="button" class=class::BUTTON_ADD on:click=add disabled=move || pending.get()>
                {text::add(&noun)}
            </button>
        </div>
    }
}

#[component]
fn MapRow(
    map_pointer: JsonPointer,
    index: usize,
    keys: Memo<Vec<String>>,
    values: &'static FormNode,
    noun: String,
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let key = Memo::new(move |_| keys.with(|keys| keys.get(index).cloned().unwrap_or_default()));
    // The key box shows what was typed while the card cannot take it, else
    // the card's key (which follows undo and redo).
    let entry = {
        let map_pointer = map_pointer.clone();
        Memo::new(move |_| store.find_entry(Slot::Key, &map_pointer.child(key.get())))
    };
    let shown = move || {
        entry
            .with(|entry| entry.as_ref().map(|entry| entry.text.clone()))
            .unwrap_or_else(|| key.get())
    };
    let message = move || entry.with(|entry| entry.as_ref().map(Entry::message));
    let row_id = format!("{}-row{index}", field_id(&map_pointer.to_string()));
    let key_id = format!("{row_id}-key");
    let focus_id = key_id.clone();
    let problem_id = format!("{row_id}-key-messages");
    let name = text::item_name(&noun, index);
    let on_key = rename_on_input(store, map_pointer.clone(), keys, key);
    let remove = {
        let map_pointer = map_pointer.clone();
        move |_| {
            let member = map_pointer.child(key.get_untracked());
            store.drop_entry(Slot::Key, &member);
            store.remove(&member);
        }
    };
    let value_field = {
        let map_pointer = map_pointer.clone();
        move || {
            let key = key.get();
            let label = text::map_value(&key);
            schema_field(
                map_pointer.child(key),
                values,
                label,
                MAP_VALUES_REQUIRED,
                heading_level,
            )
        }
    };
    view! {
        <li class=class::MAP_ROW data-row=index>
            <div class=class::MAP_KEY>
                <label class=class::FIELD_LABEL for=key_id.clone()>{format!("{name} key")}</label>
                <input
                    type="text"
                    id=key_id
                    class=class::INPUT
                    data-key-of=move || map_pointer.child(key.get()).to_string()
                    aria-invalid=move || entry.with(Option::is_some).to_string()
                    aria-describedby=problem_id.clone()
                    prop:value=shown
                    on:input=on_key
                />
                <ul id=problem_id class=class::MESSAGES aria-live="polite">
                    {move || message().map(|text| view! { <li class=class::MESSAGE_ERROR>{text}</li> })}
                </ul>
                <EntryActions entry focus_id=focus_id />
            </div>
            <div class=class::MAP_VALUE>{value_field}</div>
            <button type="button" class=class::ICON_BUTTON_DANGER aria-label=format!("Remove {name}") on:click=remove>
                "✕"
            </button>
        </li>
    }
}

/// Takes a key typed into the box of the entry now keyed `key`: a usable
/// key renames the entry; one empty or already used is held as text the
/// card does not hold, until fixed or put back.
fn rename_on_input(
    store: CardStore,
    map_pointer: JsonPointer,
    keys: Memo<Vec<String>>,
    key: Memo<String>,
) -> impl Fn(web_sys::Event) + 'static {
    move |event| {
        let text = event_target_value(&event);
        let own = key.get_untracked();
        let member = map_pointer.child(own.clone());
        match keys.with_untracked(|keys| key_problem(keys, Some(&own), &text)) {
            Some(problem) => store.hold_entry(&member, EntryKind::Key { problem }, text),
            None => {
                store.drop_entry(Slot::Key, &member);
                if text != own {
                    rename(store, &map_pointer, own, text);
                }
            }
        }
    }
}

fn rename(store: CardStore, map: &JsonPointer, from: String, to: String) {
    let _ = store.edit(
        Edit::RenameKey {
            object: map.clone(),
            from,
            to,
        },
        Coalesce::Typing,
    );
}

/// A new row: it joins the card as soon as its key is usable. A key that
/// another entry already uses is text the card does not hold, until fixed
/// or cancelled.
#[component]
fn PendingRow(
    map_pointer: JsonPointer,
    keys: Memo<Vec<String>>,
    values: &'static FormNode,
    noun: String,
    pending: RwSignal<bool>,
) -> impl IntoView {
    let store = expect_store();
    let key_id = format!("{}-new-key", field_id(&map_pointer.to_string()));
    let problem_id = format!("{key_id}-messages");
    let entry = store.entry(Slot::NewKey, &map_pointer);
    let shown = move || {
        entry
            .with(|entry| entry.as_ref().map(|entry| entry.text.clone()))
            .unwrap_or_default()
    };
    let message = move || {
        entry
            .with(|entry| entry.as_ref().map(Entry::message))
            .unwrap_or_else(|| "A key can't be empty".to_owned())
    };
    let on_key = {
        let map_pointer = map_pointer.clone();
        move |event| {
            let text = event_target_value(&event);
            match keys.with_untracked(|keys| key_problem(keys, None, &text)) {
                Some(KeyProblem::Taken) => store.hold_entry(&map_pointer, EntryKind::NewKey, text),
                Some(KeyProblem::Empty) => store.drop_entry(Slot::NewKey, &map_pointer),
                None => {
                    store.drop_entry(Slot::NewKey, &map_pointer);
                    let index = keys.with_untracked(Vec::len);
                    store.set(&map_pointer.child(text), new_value(values));
                    pending.set(false);
                    let row_key_id =
                        format!("{}-row{index}-key", field_id(&map_pointer.to_string()));
                    focus_later(row_key_id);
                }
            }
        }
    };
    let cancel = {
        let map_pointer = map_pointer.clone();
        move |_| {
            store.drop_entry(Slot::NewKey, &map_pointer);
            pending.set(false);
        }
    };
    view! {
        <li class=class::MAP_ROW_PENDING>
            <div class=class::MAP_KEY>
                <label class=class::FIELD_LABEL for=key_id.clone()>{format!("New {} key", noun.to_lowercase())}</label>
                <input
                    type="text"
                    id=key_id
                    class=class::INPUT
                    data-new-key-of=map_pointer.to_string()
                    aria-invalid="true"
                    aria-describedby=problem_id.clone()
                    prop:value=shown
                    on:input=on_key
                />
                <ul id=problem_id class=class::MESSAGES aria-live="polite">
                    <li class=class::MESSAGE_ERROR>{message}</li>
                </ul>
            </div>
            <p class=class::MAP_VALUE_HINT>"Type a key to add the entry."</p>
            <button type="button" class=class::ICON_BUTTON aria-label="Cancel the new entry" on:click=cancel>
                "✕"
            </button>
        </li>
    }
}
