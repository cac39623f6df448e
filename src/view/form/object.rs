//! An object's fields as a group, and the keys it has that the schema does
//! not declare: kept, flagged, removable.

use leptos::prelude::*;
use serde_json::Value;

use super::frame::{MessageList, field_messages, heading};
use super::overview::EvaluationOverview;
use super::schema_field::schema_field;
use crate::domain::chart::has_overview;
use crate::domain::form::layout::{class, text};
use crate::domain::form::node::{AdditionalProperties, FormNode, ObjectNode};
use crate::domain::form::values::{field_id, unknown_keys};
use crate::domain::pointer::JsonPointer;
use crate::view::store::expect_store;

/// The fields of an object, in presentation order.
#[component]
pub fn ObjectField(
    /// Where the object is.
    pointer: JsonPointer,
    /// Its form node.
    node: &'static FormNode,
    /// Its declared fields.
    object: &'static ObjectNode,
    /// Its label.
    label: String,
    /// The heading level of its title (a section is 2).
    heading_level: u8,
) -> impl IntoView {
    let group_id = format!("{}-group", field_id(&pointer.to_string()));
    let heading_id = format!("{group_id}-heading");
    let help = node.help().map(str::to_owned);
    let path = pointer.to_string();
    let section = heading_level == 2;
    let title_class = if section {
        class::GROUP_TITLE_SECTION
    } else {
        class::GROUP_TITLE
    };
    let title = heading(heading_level, heading_id.clone(), title_class, label);
    view! {
        <div
            class=class::group(section)
            role="group"
            id=group_id
            aria-labelledby=heading_id
            data-path=path
        >
            {title}
            {help.map(|help| view! { <p class=class::GROUP_HELP>{help}</p> })}
            <ObjectFields pointer object heading_level=heading_level + 1 />
        </div>
    }
}

/// The fields of an object without a title: for variant bodies and items,
/// whose title is shown by their container.
#[component]
pub fn ObjectFields(
    /// Where the object is.
    pointer: JsonPointer,
    /// Its declared fields.
    object: &'static ObjectNode,
    /// The level of its fields' titles.
    heading_level: u8,
    /// A field not to show (the variant switch shows the discriminator).
    #[prop(optional)]
    skip: Option<String>,
    /// Show only the keys the schema does not declare (the card's top
    /// level, whose declared fields are the sections).
    #[prop(optional)]
    only_unknown: bool,
) -> impl IntoView {
    let fields = object
        .properties
        .iter()
        .filter(|_| !only_unknown)
        .filter(|property| property.node.ui.shown_with.is_none())
        .filter(|property| skip.as_deref() != Some(property.key.as_str()))
        .map(|property| {
            schema_field(
                pointer.child(property.key.clone()),
                &property.node,
                property.node.label_or(&property.key),
                property.required,
                heading_level,
            )
        })
        .collect_view();
    // An evaluation shows its charts and simple metrics together first.
    let overview = (has_overview(object) && !only_unknown).then(|| {
        view! { <EvaluationOverview pointer=pointer.clone() heading_level /> }
    });
    view! {
        {overview}
        {fields}
        <UnknownFields pointer object />
    }
}

/// Keys of the object that no field edits: shown with their JSON, flagged,
/// and removable, never dropped silently.
#[component]
fn UnknownFields(
    /// Where the object is.
    pointer: JsonPointer,
    /// Its declared fields.
    object: &'static ObjectNode,
) -> impl IntoView {
    let store = expect_store();
    let trigger = store.watch_value(&pointer);
    let keys = {
        let pointer = pointer.clone();
        Memo::new(move |_| {
            trigger.track();
            store.read(&pointer, |value| unknown_keys(object, value))
        })
    };
    let forbidden = object.additional == AdditionalProperties::Forbidden;
    move || {
        keys.get()
            .into_iter()
            .map(|key| {
                view! { <UnknownField object_pointer=pointer.clone() key forbidden /> }
            })
            .collect_view()
    }
}

#[component]
fn UnknownField(object_pointer: JsonPointer, key: String, forbidden: bool) -> impl IntoView {
    let store = expect_store();
    let pointer = object_pointer.child(key.clone());
    let id = field_id(&pointer.to_string());
    let messages = field_messages(store, &pointer);
    let preview = store.read(&pointer, |value| {
        let text = value.map(Value::to_string).unwrap_or_default();
        if text.chars().count() > 200 {
            format!("{}…", text.chars().take(200).collect::<String>())
        } else {
            text
        }
    });
    let note = if forbidden {
        "A model card has no such field here: the registry will refuse the card until it is removed."
    } else {
        text::UNKNOWN_KEPT
    };
    let label = format!("Remove unknown field \"{key}\"");
    let path = pointer.to_string();
    view! {
        <div class=class::UNKNOWN id=id.clone() data-path=path role="group" aria-labelledby=format!("{id}-key") aria-describedby=format!("{id}-messages")>
            <p class=class::UNKNOWN_HEAD>
                <span class=class::UNKNOWN_FLAG>{text::UNKNOWN_FIELD}</span>
                " "
                <code id=format!("{id}-key")>{key.clone()}</code>
            </p>
            <pre class=class::UNKNOWN_VALUE>{preview}</pre>
            <p class=class::UNKNOWN_NOTE>{note}</p>
            <MessageList id=format!("{id}-messages") messages />
            <button type="button" class=class::BUTTON_DANGER aria-label=label on:click=move |_| store.remove(&pointer)>
                "Remove"
            </button>
        </div>
    }
}
