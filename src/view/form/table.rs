//! Lists of small flat objects (hyperparameters, training metrics) as a
//! table: a row per item, a column per field, the column header labelling
//! each cell's control.

use leptos::prelude::*;

use super::entry_actions::EntryActions;
use super::frame::{FieldIds, MessageList, field_messages, heading};
use super::items::PAGE;
use super::leaf::{
    CheckboxControl, ControlAttrs, NumberControl, NumberDraft, SelectControl, TextControl,
};
use super::rows::{RowActions, array_len, focus_later, row_keys, staged_rows};
use crate::domain::form::columns::column_width;
use crate::domain::form::node::{ArrayNode, FormNode, NodeKind, ObjectNode, PropertyNode};
use crate::domain::form::values::{field_id, limit_text, new_value};
use crate::domain::pointer::JsonPointer;
use crate::view::store::expect_store;

/// A table editing an array of flat objects.
#[component]
pub fn ObjectTable(
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
    let NodeKind::Object(object) = &array.items.kind else {
        return ().into_any();
    };
    let count = array_len(store, &pointer);
    let noun = node
        .ui
        .item_label
        .clone()
        .unwrap_or_else(|| "Item".to_owned());
    let ids = FieldIds::new(&pointer);
    let table_id = ids.control.clone();
    let heading_id = format!("{table_id}-heading");
    let messages = field_messages(store, &pointer);
    let shown = RwSignal::new(PAGE * 2);
    let headers = object
        .properties
        .iter()
        .map(|property| {
            view! {
                <th scope="col" id=format!("{table_id}-col-{}", property.key) class=column_width(&property.node).class()>
                    {property.node.label_or(&property.key)}
                    {property.required.then(|| view! { <span class="mce-field__required" aria-hidden="true">" *"</span> })}
                </th>
            }
        })
        .collect_view();
    let add = {
        let pointer = pointer.clone();
        move |_| {
            let index = count.get_untracked();
            store.insert(&pointer, index, new_value(&array.items));
            if index >= shown.get_untracked() {
                shown.set(index + 1);
            }
            let first = object
                .properties
                .first()
                .map(|p| p.key.clone())
                .unwrap_or_default();
            focus_later(field_id(
                &pointer.child(index.to_string()).child(first).to_string(),
            ));
        }
    };
    let rows = {
        let pointer = pointer.clone();
        let noun = noun.clone();
        let table_id = table_id.clone();
        let list = label.clone();
        move |index: usize| {
            view! { <TableRow array=pointer.clone() index count object noun=noun.clone() list=list.clone() table_id=table_id.clone() /> }
        }
    };
    let built = staged_rows(
        move || count.get().min(shown.get()),
        // A row's text boxes, with their counters and messages, and its
        // move and remove buttons cost about three grid cells each.
        move || (object.properties.len() + 1) * 3,
    );
    let hidden = move || count.get().saturating_sub(shown.get());
    let help = node.help().map(str::to_owned);
    view! {
        <div class="mce-table-field" id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=heading_id.clone() aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            <div class="mce-list__head">
                {heading(heading_level, heading_id.clone(), "mce-list__title", label)}
                <span class="mce-list__limit">{move || limit_text(count.get(), array)}</span>
            </div>
            {help.map(|help| view! { <p class="mce-field__help">{help}</p> })}
            <div class="mce-table-scroll" hidden=move || count.get() == 0>
                <table class="mce-table" aria-labelledby=heading_id.clone()>
                    <thead>
                        <tr>
                            <th scope="col" class="mce-table__index">"#"</th>
                            {headers}
                            <th scope="col" class="mce-table__actions"><span class="mce-visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..built.get() key=|index| *index children=rows />
                    </tbody>
                </table>
            </div>
            <p class="mce-items__more" hidden=move || hidden() == 0>
                <button type="button" class="mce-button" on:click=move |_| shown.update(|shown| *shown += PAGE * 2)>
                    {move || format!("Show {} more of {}", hidden().min(PAGE * 2), hidden())}
                </button>
            </p>
            <MessageList id=ids.messages.clone() messages />
            <button type="button" class="mce-button mce-button--add" on:click=add>
                {format!("Add {}", noun.to_lowercase())}
            </button>
        </div>
    }
    .into_any()
}

#[component]
fn TableRow(
    array: JsonPointer,
    index: usize,
    count: Memo<usize>,
    object: &'static ObjectNode,
    noun: String,
    list: String,
    table_id: String,
) -> impl IntoView {
    let store = expect_store();
    let pointer = array.child(index.to_string());
    let row_id = format!("{}-row", field_id(&pointer.to_string()));
    let name = format!("{noun} {}", index + 1);
    let keys = row_keys(store, array.clone(), index, count, "-row");
    let cells = object
        .properties
        .iter()
        .map(|property| {
            let header = format!("{table_id}-col-{}", property.key);
            view! {
                <td class=column_width(&property.node).class()>
                    <TableCell item=pointer.clone() property labelled_by=format!("{header} {row_id}") />
                </td>
            }
        })
        .collect_view();
    view! {
        <tr data-path=pointer.to_string() on:keydown=keys>
            <th scope="row" id=row_id.clone() class="mce-table__index" tabindex="-1">
                <span class="mce-visually-hidden">{format!("{noun} ")}</span>
                {index + 1}
            </th>
            {cells}
            <td class="mce-table__actions"><RowActions array index count name list focus_suffix="-row" /></td>
        </tr>
    }
}

#[component]
fn TableCell(
    item: JsonPointer,
    property: &'static PropertyNode,
    labelled_by: String,
) -> impl IntoView {
    let store = expect_store();
    let pointer = item.child(property.key.clone());
    let ids = FieldIds::new(&pointer);
    let messages = field_messages(store, &pointer);
    let attrs = ControlAttrs {
        id: ids.control.clone(),
        path: pointer.to_string(),
        described_by: ids.described_by(false, false),
        labelled_by: Some(labelled_by),
        required: property.required,
        messages,
    };
    let placeholder = property.node.ui.placeholder.clone().unwrap_or_default();
    let mut actions = None;
    let control = match &property.node.kind {
        NodeKind::Number(_) => {
            let draft = NumberDraft::new(store, &pointer);
            actions =
                Some(view! { <EntryActions entry=draft.entry focus_id=ids.control.clone() /> });
            view! { <NumberControl attrs pointer draft /> }.into_any()
        }
        NodeKind::Boolean => view! { <CheckboxControl attrs pointer /> }.into_any(),
        NodeKind::Text(text) if text.options.is_some() => {
            let options = text.options.clone().unwrap_or_default();
            view! { <SelectControl attrs pointer options /> }.into_any()
        }
        _ => view! { <TextControl attrs pointer multiline=false placeholder /> }.into_any(),
    };
    view! {
        {control}
        <MessageList id=ids.messages messages />
        {actions}
    }
}
