//! Values of several shapes. A metric's `type` select switches between
//! simple, line graph, bar chart and matrix metrics, showing the fields of
//! the chosen one; switching back restores what was entered. A simple
//! metric's value is edited as the kind its `type` declares.

use leptos::prelude::*;
use serde_json::Value;

use super::entry_actions::EntryActions;
use super::frame::{FieldFrame, FieldIds, FieldMessages, field_messages};
use super::leaf::{
    CheckboxControl, ControlAttrs, JsonControl, NumberControl, NumberDraft, TextControl,
    text_signal,
};
use super::object::ObjectFields;
use crate::domain::card_schema::humanize;
use crate::domain::entries::Slot;
use crate::domain::form::node::{FormNode, NodeKind, VariantsNode};
use crate::domain::form::values::{convert_scalar, switch_variant};
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, expect_store};
use crate::view::view_state::{ViewState, expect_view_state};

/// The type select and the fields of the chosen variant.
#[component]
pub fn VariantSwitch(
    /// Where the value is.
    pointer: JsonPointer,
    /// Its form node.
    node: &'static FormNode,
    /// Its variants.
    variants: &'static VariantsNode,
    /// Its label.
    label: String,
    /// The level of its fields' titles (the switch has none of its own).
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let view_state = expect_view_state();
    let Some(discriminator) = variants.discriminator.clone() else {
        return ().into_any();
    };
    let tag_pointer = pointer.child(discriminator.clone());
    let tag = text_signal(store, &tag_pointer);
    let trigger = store.watch_value(&pointer);
    let chosen = {
        let pointer = pointer.clone();
        Memo::new(move |_| {
            trigger.track();
            tag.track();
            store.read(&pointer, |value| {
                value.and_then(|value| variants.select(value))
            })
        })
    };
    let ids = FieldIds::new(&tag_pointer);
    let messages = field_messages(store, &tag_pointer);
    let attrs_id = ids.control.clone();
    let described_by = ids.described_by(false, false);
    let options = variants
        .variants
        .iter()
        .flat_map(|variant| {
            variant.tags.iter().map(move |tag| {
                let text = if variant.tags.len() == 1 {
                    variant.label.clone()
                } else {
                    format!("{} – {}", variant.label, tag_label(tag))
                };
                view! { <option value=tag.clone()>{text}</option> }
            })
        })
        .collect_view();
    let on_change = {
        let pointer = pointer.clone();
        let discriminator = discriminator.clone();
        move |event| {
            let new_tag = event_target_value(&event);
            switch_to(
                store,
                view_state,
                &pointer,
                variants,
                &discriminator,
                &new_tag,
            );
        }
    };
    let body = {
        let pointer = pointer.clone();
        let discriminator = discriminator.clone();
        move || {
            match chosen.get() {
            Some(index) => match &variants.variants[index].node.kind {
                NodeKind::Object(object) => view! {
                    <ObjectFields pointer=pointer.clone() object heading_level skip=discriminator.clone() />
                }
                .into_any(),
                _ => ().into_any(),
            },
            None => {
                let attrs = ControlAttrs {
                    id: format!(
                        "{}-json",
                        crate::domain::form::values::field_id(&pointer.to_string())
                    ),
                    path: pointer.to_string(),
                    described_by: String::new(),
                    labelled_by: None,
                    required: false,
                    messages: FieldMessages::none(),
                };
                let entry = store.entry(Slot::Value, &pointer);
                let focus_id = attrs.id.clone();
                view! {
                    <div class="mce-field">
                        <label class="mce-field__label" for=attrs.id.clone()>"Content, as JSON, until a type is chosen"</label>
                        <JsonControl attrs pointer=pointer.clone() entry />
                        <EntryActions entry focus_id />
                    </div>
                }
                .into_any()
            }
        }
        }
    };
    let type_label = format!("{label}: {}", humanize(&discriminator));
    view! {
        <div class="mce-variant" data-path=pointer.to_string()>
            <FieldFrame ids label=type_label help=node.help().map(str::to_owned) required=true messages>
                <select
                    id=attrs_id
                    class="mce-input mce-input--select"
                    data-path=tag_pointer.to_string()
                    aria-invalid=move || messages.invalid().to_string()
                    aria-describedby=described_by
                    prop:value=move || tag.get()
                    on:change=on_change
                >
                    <option value="" disabled=true>"Choose a type…"</option>
                    {move || {
                        let current = tag.get();
                        let known = variants.variant_for_tag(&current).is_some();
                        (!current.is_empty() && !known)
                            .then(|| view! { <option value=current.clone()>{format!("{current} (unknown)")}</option> })
                    }}
                    {options}
                </select>
            </FieldFrame>
            <div class="mce-variant__body">{body}</div>
        </div>
    }
    .into_any()
}

/// How a tag reads in the type select: "number", "string" and "boolean"
/// as people say them.
fn tag_label(tag: &str) -> String {
    match tag {
        "string" => "text".to_owned(),
        "boolean" => "yes/no".to_owned(),
        other => other.replace('_', " "),
    }
}

/// Switches the item at `pointer` to the variant carrying `new_tag`, as one
/// undo step, stashing what it holds so switching back restores it.
fn switch_to(
    store: CardStore,
    view_state: ViewState,
    pointer: &JsonPointer,
    variants: &VariantsNode,
    discriminator: &str,
    new_tag: &str,
) {
    let Some(to) = variants.variant_for_tag(new_tag) else {
        return;
    };
    let current = store
        .value(pointer)
        .unwrap_or(Value::Object(Default::default()));
    let from = variants.select(&current);
    let old_tag = current
        .get(discriminator)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let mut next = if from == Some(to) {
        // The same shape, another declared kind (a simple metric's number,
        // text or yes/no): its value follows, restored or converted.
        let mut next = current.clone();
        if let (Some(map), Some(value)) = (next.as_object_mut(), current.get("value")) {
            view_state.stash(pointer, &format!("{to}:{old_tag}"), value.clone());
            let restored = view_state
                .stashed(pointer, &format!("{to}:{new_tag}"))
                .unwrap_or_else(|| convert_scalar(value, new_tag));
            map.insert("value".to_owned(), restored);
        }
        next
    } else {
        if let Some(from) = from {
            view_state.stash(pointer, &from.to_string(), current.clone());
        }
        switch_variant(
            variants,
            &current,
            to,
            view_state.stashed(pointer, &to.to_string()).as_ref(),
        )
    };
    if let Some(map) = next.as_object_mut() {
        map.insert(discriminator.to_owned(), Value::String(new_tag.to_owned()));
    }
    store.set(pointer, next);
}

/// A value that may be a number, text or yes/no, edited as the kind its
/// sibling declares (a simple metric's `type`) or, without one, as the kind
/// it holds.
#[component]
pub fn ScalarChoice(
    /// Where the value is.
    pointer: JsonPointer,
    /// Its form node.
    node: &'static FormNode,
    /// Its kinds.
    variants: &'static VariantsNode,
    /// Its label.
    label: String,
    /// Whether the schema requires it.
    required: bool,
) -> impl IntoView {
    let store = expect_store();
    let declared = node
        .ui
        .kind_from
        .as_ref()
        .and_then(|sibling| pointer.parent().map(|parent| parent.child(sibling.clone())))
        .map(|sibling| text_signal(store, &sibling));
    let trigger = store.watch_value(&pointer);
    let kind = {
        let pointer = pointer.clone();
        Memo::new(move |_| {
            trigger.track();
            let declared = declared.map(|declared| declared.get());
            let by_declaration = declared.and_then(|name| {
                variants
                    .variants
                    .iter()
                    .position(|variant| kind_name(&variant.node.kind) == Some(name.as_str()))
            });
            by_declaration.or_else(|| {
                store.read(&pointer, |value| {
                    value.and_then(|value| variants.select(value))
                })
            })
        })
    };
    let ids = FieldIds::new(&pointer);
    let messages = field_messages(store, &pointer);
    let help = node.help().map(str::to_owned);
    move || {
        let attrs = ControlAttrs {
            id: ids.control.clone(),
            path: pointer.to_string(),
            described_by: ids.described_by(help.is_some(), false),
            labelled_by: None,
            required,
            messages,
        };
        let variant = kind.get().map(|index| &variants.variants[index].node);
        let mut actions = ().into_any();
        let control = match variant.map(|node| &node.kind) {
            Some(NodeKind::Number(_)) => {
                let draft = NumberDraft::new(store, &pointer);
                actions = view! { <EntryActions entry=draft.entry focus_id=ids.control.clone() /> }
                    .into_any();
                view! { <NumberControl attrs pointer=pointer.clone() draft /> }.into_any()
            }
            Some(NodeKind::Boolean) => {
                view! { <CheckboxControl attrs pointer=pointer.clone() /> }.into_any()
            }
            _ => view! { <TextControl attrs pointer=pointer.clone() multiline=false /> }.into_any(),
        };
        let counter = match variant.map(|node| &node.kind) {
            Some(NodeKind::Text(text)) => text.max_length.map(|limit| {
                let text = text_signal(store, &pointer);
                Signal::derive(move || (text.with(|text| text.chars().count()), limit))
            }),
            _ => None,
        };
        let ids = ids.clone();
        let label = label.clone();
        let help = help.clone();
        match counter {
            Some(counter) => view! {
                <FieldFrame ids label help required messages counter actions>{control}</FieldFrame>
            }
            .into_any(),
            None => view! {
                <FieldFrame ids label help required messages actions>{control}</FieldFrame>
            }
            .into_any(),
        }
    }
}

fn kind_name(kind: &NodeKind) -> Option<&'static str> {
    match kind {
        NodeKind::Text(_) => Some("string"),
        NodeKind::Number(_) => Some("number"),
        NodeKind::Boolean => Some("boolean"),
        _ => None,
    }
}
