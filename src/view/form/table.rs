//! Lists of small flat objects (hyperparameters, training metrics) as a
//! table: a row per item, a column per field, the column header labelling
//! each cell's control.

use leptos::prelude::*;

use super::entry_actions::EntryActions;
use super::frame::{FieldIds, MessageList, field_messages};
use super::leaf::{
    CheckboxControl, ControlAttrs, NumberControl, NumberDraft, SelectControl, TextControl,
};
use super::list_parts::{ListParts, show_more};
use super::rows::{RowActions, focus_later, row_keys, staged_rows};
use crate::domain::form::columns::column_width;
use crate::domain::form::layout::{Leaf, TABLE_PAGE, cell_leaf, class, options_of, text};
use crate::domain::form::node::{ArrayNode, FormNode, ObjectNode, PropertyNode};
use crate::domain::form::values::{field_id, new_value};
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
    /// The object each item is.
    object: &'static ObjectNode,
    /// Its label.
    label: String,
    /// The level of its title.
    heading_level: u8,
) -> impl IntoView {
    let parts = ListParts::new(&pointer, node, text::ITEM);
    let (store, count) = (parts.store, parts.count);
    let shown = RwSignal::new(TABLE_PAGE);
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
        let (pointer, noun, ids, list) = (
            pointer.clone(),
            parts.noun.clone(),
            parts.ids.clone(),
            label.clone(),
        );
        move |index: usize| {
            view! { <TableRow array=pointer.clone() index count object noun=noun.clone() list=list.clone() table=ids.clone() /> }
        }
    };
    let built = staged_rows(
        move || count.get().min(shown.get()),
        // A row's text boxes, with their counters and messages, and its
        // move and remove buttons cost about three grid cells each.
        move || (object.properties.len() + 1) * 3,
    );
    let ids = parts.ids.clone();
    view! {
        <div class=class::TABLE_FIELD id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=parts.heading_id.clone() aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            {parts.head(Some(heading_level), label, array)}
            {parts.help_view()}
            <div class=class::TABLE_SCROLL hidden=move || count.get() == 0>
                <table class=class::TABLE aria-labelledby=parts.heading_id.clone()>
                    <thead>
                        <tr>
                            <th scope="col" class=class::TABLE_INDEX>{text::NUMBER_COLUMN}</th>
                            {column_headers(ids.clone(), object)}
                            <th scope="col" class=class::TABLE_ACTIONS><span class=class::VISUALLY_HIDDEN>"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..built.get() key=|index| *index children=rows />
                    </tbody>
                </table>
            </div>
            {show_more(shown, count, TABLE_PAGE)}
            <MessageList id=ids.messages.clone() messages=parts.messages />
            {parts.add_button(add)}
        </div>
    }
}

/// A header per field of `object`: the field's label and required mark,
/// with the id its column's cells are labelled by.
fn column_headers(table: FieldIds, object: &'static ObjectNode) -> impl IntoView {
    object
        .properties
        .iter()
        .map(|property| {
            view! {
                <th scope="col" id=table.column(&property.key) class=column_width(&property.node).class()>
                    {property.node.label_or(&property.key)}
                    {property.required.then(|| view! { <span class=class::FIELD_REQUIRED aria-hidden="true">{text::REQUIRED_MARK}</span> })}
                </th>
            }
        })
        .collect_view()
}

#[component]
fn TableRow(
    array: JsonPointer,
    index: usize,
    count: Memo<usize>,
    object: &'static ObjectNode,
    noun: String,
    list: String,
    table: FieldIds,
) -> impl IntoView {
    let store = expect_store();
    let pointer = array.child(index.to_string());
    let row_id = FieldIds::new(&pointer).row();
    let name = text::item_name(&noun, index);
    let keys = row_keys(store, array.clone(), index, count, "-row");
    let cells = object
        .properties
        .iter()
        .map(|property| {
            let header = table.column(&property.key);
            view! {
                <td class=column_width(&property.node).class()>
                    <TableCell item=pointer.clone() property labelled_by=format!("{header} {row_id}") />
                </td>
            }
        })
        .collect_view();
    view! {
        <tr data-path=pointer.to_string() on:keydown=keys>
            <th scope="row" id=row_id.clone() class=class::TABLE_INDEX tabindex="-1">
                <span class=class::VISUALLY_HIDDEN>{format!("{noun} ")}</span>
                {index + 1}
            </th>
            {cells}
            <td class=class::TABLE_ACTIONS><RowActions array index count name list focus_suffix="-row" /></td>
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
        described_by: ids.messages.clone(),
        labelled_by: Some(labelled_by),
        required: property.required,
        messages,
    };
    let placeholder = property.node.ui.placeholder.clone().unwrap_or_default();
    let mut actions = None;
    let control = match cell_leaf(&property.node) {
        Leaf::NumberInput => {
            let draft = NumberDraft::new(store, &pointer);
            actions =
                Some(view! { <EntryActions entry=draft.entry focus_id=ids.control.clone() /> });
            view! { <NumberControl attrs pointer draft /> }.into_any()
        }
        Leaf::Checkbox => view! { <CheckboxControl attrs pointer /> }.into_any(),
        Leaf::Select => {
            let options = options_of(&property.node).to_vec();
            view! { <SelectControl attrs pointer options /> }.into_any()
        }
        Leaf::TextInput | Leaf::TextArea | Leaf::JsonText => {
            view! { <TextControl attrs pointer multiline=false placeholder /> }.into_any()
        }
    };
    view! {
        {control}
        <MessageList id=ids.messages messages />
        {actions}
    }
}
