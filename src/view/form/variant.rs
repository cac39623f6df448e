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
use super::metric_chart::MetricChartPanel;
use super::object::ObjectFields;
use crate::domain::card_schema::humanize;
use crate::domain::chart::ChartKind;
use crate::domain::entries::Slot;
use crate::domain::form::layout::{class, text};
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
    let on_change = {
        let (pointer, discriminator) = (pointer.clone(), discriminator.clone());
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
        let (pointer, discriminator) = (pointer.clone(), discriminator.clone());
        move || match chosen.get() {
            Some(index) => chosen_fields(&pointer, variants, index, heading_level, &discriminator),
            None => untyped_json(store, &pointer),
        }
    };
    let type_label = text::variant_select(&label, &humanize(&discriminator));
    let (select_id, described_by) = (ids.control.clone(), ids.messages.clone());
    view! {
        <div class=class::VARIANT data-path=pointer.to_string()>
            <FieldFrame ids label=type_label help=node.help().map(str::to_owned) required=true messages>
                <select
                    id=select_id
                    class=class::INPUT_SELECT
                    data-path=tag_pointer.to_string()
                    aria-invalid=move || messages.invalid().to_string()
                    aria-describedby=described_by
                    prop:value=move || tag.get()
                    on:change=on_change
                >
                    <option value="" disabled=true>{text::CHOOSE_TYPE}</option>
                    {move || tag.with(|current| unknown_tag(variants, current))}
                    {type_options(variants)}
                </select>
            </FieldFrame>
            <div class=class::VARIANT_BODY>{body}</div>
        </div>
    }
    .into_any()
}

/// An option for each tag of each variant.
fn type_options(variants: &'static VariantsNode) -> impl IntoView {
    variants
        .variants
        .iter()
        .flat_map(|variant| {
            variant.tags.iter().map(move |tag| {
                let text = text::variant_choice(&variant.label, tag, variant.tags.len());
                view! { <option value=tag.clone()>{text}</option> }
            })
        })
        .collect_view()
}

/// The option standing for a tag no variant carries, so the select never
/// shows another type than the card holds.
fn unknown_tag(variants: &VariantsNode, current: &str) -> Option<impl IntoView + use<>> {
    let known = variants.variant_for_tag(current).is_some();
    (!current.is_empty() && !known).then(|| {
        view! { <option value=current.to_owned()>{text::unknown_type(current)}</option> }
    })
}

/// The fields of the variant at `index` (all but its discriminator).
fn chosen_fields(
    pointer: &JsonPointer,
    variants: &'static VariantsNode,
    index: usize,
    heading_level: u8,
    discriminator: &str,
) -> AnyView {
    let variant = &variants.variants[index];
    // A line graph, bar chart or matrix metric shows its chart first,
    // directly under its type, then the fields that make it.
    let charted = variant
        .tags
        .iter()
        .any(|tag| ChartKind::of_type(tag).is_some());
    match &variant.node.kind {
        NodeKind::Object(object) => view! {
            {charted.then(|| view! { <MetricChartPanel pointer=pointer.clone() /> })}
            <ObjectFields pointer=pointer.clone() object heading_level skip=discriminator.to_owned() />
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// A value of no known type, as raw JSON until a type is chosen.
fn untyped_json(store: CardStore, pointer: &JsonPointer) -> AnyView {
    let attrs = ControlAttrs {
        id: format!("{}-json", FieldIds::new(pointer).control),
        path: pointer.to_string(),
        described_by: String::new(),
        labelled_by: None,
        required: false,
        messages: FieldMessages::none(),
    };
    let entry = store.entry(Slot::Value, pointer);
    let focus_id = attrs.id.clone();
    view! {
        <div class=class::FIELD>
            <label class=class::FIELD_LABEL for=attrs.id.clone()>{text::UNTYPED_JSON}</label>
            <JsonControl attrs pointer=pointer.clone() entry />
            <EntryActions entry focus_id />
        </div>
    }
    .into_any()
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
                    .position(|variant| variant.node.kind.scalar_name() == Some(name.as_str()))
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
            described_by: ids.described_by(help.as_deref(), None),
            labelled_by: None,
            required,
            messages,
        };
        let kind = kind.get().map(|index| &variants.variants[index].node.kind);
        let (control, actions) = scalar_control(store, attrs, &pointer, kind);
        let counter = match kind {
            Some(NodeKind::Text(text)) => text.max_length.map(|limit| {
                let text = text_signal(store, &pointer);
                Signal::derive(move || (text.with(|text| text.chars().count()), limit))
            }),
            _ => None,
        };
        let (ids, label, help) = (ids.clone(), label.clone(), help.clone());
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

/// The control for a scalar of `kind` (text when unknown), and the ways
/// out of number text the card does not hold.
fn scalar_control(
    store: CardStore,
    attrs: ControlAttrs,
    pointer: &JsonPointer,
    kind: Option<&NodeKind>,
) -> (AnyView, AnyView) {
    let pointer = pointer.clone();
    match kind {
        Some(NodeKind::Number(_)) => {
            let draft = NumberDraft::new(store, &pointer);
            let focus_id = attrs.id.clone();
            let actions = view! { <EntryActions entry=draft.entry focus_id /> }.into_any();
            (
                view! { <NumberControl attrs pointer draft /> }.into_any(),
                actions,
            )
        }
        Some(NodeKind::Boolean) => (
            view! { <CheckboxControl attrs pointer /> }.into_any(),
            ().into_any(),
        ),
        _ => (
            view! { <TextControl attrs pointer multiline=false /> }.into_any(),
            ().into_any(),
        ),
    }
}
