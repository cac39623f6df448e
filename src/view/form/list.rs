//! Lists of plain values: artifacts, datasets, container images (strings)
//! or numbers, one labelled box per item.

use leptos::prelude::*;

use super::entry_actions::EntryActions;
use super::frame::{FieldIds, MessageList, field_messages, heading};
use super::leaf::{ControlAttrs, NumberControl, NumberDraft, TextControl};
use super::rows::{RowActions, array_len, focus_later, row_keys};
use crate::domain::form::node::{ArrayNode, FormNode, NodeKind};
use crate::domain::form::values::{field_id, limit_text, new_value};
use crate::domain::pointer::JsonPointer;
use crate::view::store::expect_store;

/// An editable list of strings or numbers.
#[component]
pub fn ScalarList(
    /// Where the array is.
    pointer: JsonPointer,
    /// Its form node.
    node: &'static FormNode,
    /// Its items and limits.
    array: &'static ArrayNode,
    /// Its label.
    label: String,
    /// The level of its title.
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let count = array_len(store, &pointer);
    let noun = node
        .ui
        .item_label
        .clone()
        .unwrap_or_else(|| "Item".to_owned());
    let ids = FieldIds::new(&pointer);
    let heading_id = format!("{}-heading", ids.control);
    let messages = field_messages(store, &pointer);
    let placeholder = node.ui.placeholder.clone();
    let add = {
        let pointer = pointer.clone();
        let item = &array.items;
        move |_| {
            let index = count.get_untracked();
            store.insert(&pointer, index, new_value(item));
            focus_later(field_id(&pointer.child(index.to_string()).to_string()));
        }
    };
    let help = node.help().map(str::to_owned);
    let rows = {
        let pointer = pointer.clone();
        let noun = noun.clone();
        let list = label.clone();
        move |index: usize| {
            view! {
                <ScalarRow
                    array=pointer.clone()
                    index
                    count
                    item=&array.items
                    noun=noun.clone()
                    list=list.clone()
                    placeholder=placeholder.clone()
                />
            }
        }
    };
    view! {
        <div class="mce-list" id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=heading_id.clone() aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            <div class="mce-list__head">
                {heading(heading_level, heading_id.clone(), "mce-list__title", label)}
                <span class="mce-list__limit">{move || limit_text(count.get(), array)}</span>
            </div>
            {help.map(|help| view! { <p class="mce-field__help">{help}</p> })}
            <ol class="mce-list__rows">
                <For each=move || 0..count.get() key=|index| *index children=rows />
            </ol>
            <MessageList id=ids.messages.clone() messages />
            <button type="button" class="mce-button mce-button--add" on:click=add>
                {format!("Add {}", noun.to_lowercase())}
            </button>
        </div>
    }
}

#[component]
fn ScalarRow(
    array: JsonPointer,
    index: usize,
    count: Memo<usize>,
    item: &'static FormNode,
    noun: String,
    list: String,
    placeholder: Option<String>,
) -> impl IntoView {
    let store = expect_store();
    let pointer = array.child(index.to_string());
    let ids = FieldIds::new(&pointer);
    let messages = field_messages(store, &pointer);
    let name = format!("{noun} {}", index + 1);
    let attrs = ControlAttrs {
        id: ids.control.clone(),
        path: pointer.to_string(),
        described_by: ids.described_by(false, false),
        labelled_by: None,
        required: true,
        messages,
    };
    let is_number = matches!(item.kind, NodeKind::Number(_));
    let draft = is_number.then(|| NumberDraft::new(store, &pointer));
    let control = match draft {
        Some(draft) => view! { <NumberControl attrs pointer=pointer.clone() draft /> }.into_any(),
        None => view! {
            <TextControl attrs pointer=pointer.clone() multiline=false placeholder=placeholder.unwrap_or_default() />
        }
        .into_any(),
    };
    let actions = draft
        .map(|draft| view! { <EntryActions entry=draft.entry focus_id=ids.control.clone() /> });
    let keys = row_keys(store, array.clone(), index, count, "");
    let enter_adds = {
        let array = array.clone();
        move |event: web_sys::KeyboardEvent| {
            if event.key() == "Enter" && !event.alt_key() && !event.shift_key() {
                event.prevent_default();
                store.insert(&array, index + 1, new_value(item));
                focus_later(field_id(&array.child((index + 1).to_string()).to_string()));
            }
        }
    };
    view! {
        <li class="mce-list__row" on:keydown=move |event| { keys(event.clone()); enter_adds(event); }>
            <label class="mce-list__label" for=ids.control.clone()>{name.clone()}</label>
            <div class="mce-list__control">
                {control}
                <MessageList id=ids.messages.clone() messages />
                {actions}
            </div>
            <RowActions array index count name list focus_suffix="" />
        </li>
    }
}
