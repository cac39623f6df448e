//! Lists of plain values: artifacts, datasets, container images (strings)
//! or numbers, one labelled box per item.

use leptos::prelude::*;

use super::entry_actions::EntryActions;
use super::frame::{FieldIds, MessageList, field_messages};
use super::leaf::{ControlAttrs, NumberControl, NumberDraft, TextControl};
use super::list_parts::ListParts;
use super::rows::{RowActions, focus_later, row_keys};
use crate::domain::form::layout::{
    LIST_ROWS_REQUIRED, Leaf, class, list_row_placeholder, scalar_list_leaf, text,
};
use crate::domain::form::node::{ArrayNode, FormNode};
use crate::domain::form::values::{field_id, new_value};
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
    let parts = ListParts::new(&pointer, node, text::ITEM);
    let (store, count) = (parts.store, parts.count);
    let placeholder = list_row_placeholder(node).map(str::to_owned);
    let add = {
        let pointer = pointer.clone();
        let item = &array.items;
        move |_| {
            let index = count.get_untracked();
            store.insert(&pointer, index, new_value(item));
            focus_later(field_id(&pointer.child(index.to_string()).to_string()));
        }
    };
    let rows = {
        let (pointer, noun, list) = (pointer.clone(), parts.noun.clone(), label.clone());
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
    let ids = parts.ids.clone();
    view! {
        <div class=class::LIST id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=parts.heading_id.clone() aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            {parts.head(Some(heading_level), label, array)}
            {parts.help_view()}
            <ol class=class::LIST_ROWS>
                <For each=move || 0..count.get() key=|index| *index children=rows />
            </ol>
            <MessageList id=ids.messages.clone() messages=parts.messages />
            {parts.add_button(add)}
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
    let name = text::item_name(&noun, index);
    let attrs = ControlAttrs {
        id: ids.control.clone(),
        path: pointer.to_string(),
        described_by: ids.messages.clone(),
        labelled_by: None,
        required: LIST_ROWS_REQUIRED,
        messages,
    };
    let is_number = scalar_list_leaf(item) == Leaf::NumberInput;
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
        <li class=class::LIST_ROW on:keydown=move |event| { keys(event.clone()); enter_adds(event); }>
            <label class=class::LIST_LABEL for=ids.control.clone()>{name.clone()}</label>
            <div class=class::LIST_CONTROL>
                {control}
                <MessageList id=ids.messages.clone() messages />
                {actions}
            </div>
            <RowActions array index count name list focus_suffix="" />
        </li>
    }
}
