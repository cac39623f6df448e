//! Leaf controls: text, multi-line text, choice, number, checkbox and raw
//! JSON. Each binds to one pointer, re-renders only when that value or its
//! messages change, and carries `data-path`, an id derived from the
//! pointer, `aria-invalid` and `aria-describedby`.

use leptos::prelude::*;
use serde_json::Value;

use super::entry_actions::EntryActions;
use super::frame::{FieldFrame, FieldMessages, MessageList, field_messages};
use crate::domain::entries::{Entry, EntryKind, Slot};
use crate::domain::form::layout::{
    Choice, Leaf, LeafLayout, choices, class, control_class, options_of, stray_choice,
};
use crate::domain::form::node::FormNode;
use crate::domain::form::values::parse_number;
use crate::domain::json_text::parse_json;
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, Requirement, expect_store};

/// The value at `pointer` as text for a text box: strings as they are,
/// nothing as "", anything else as its JSON.
pub fn text_signal(store: CardStore, pointer: &JsonPointer) -> Signal<String> {
    let trigger = store.watch_value(pointer);
    let pointer = pointer.clone();
    Signal::derive(move || {
        trigger.track();
        store.read(&pointer, |value| match value {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
        })
    })
}

/// Attributes every control shares, computed once per field.
#[derive(Clone)]
pub struct ControlAttrs {
    /// The control's id.
    pub id: String,
    /// The pointer, for `data-path`.
    pub path: String,
    /// `aria-describedby`.
    pub described_by: String,
    /// `aria-labelledby`, when the visible label is not a `<label>`.
    pub labelled_by: Option<String>,
    /// Whether the schema requires the value.
    pub required: bool,
    /// The field's messages (errors set `aria-invalid`).
    pub messages: FieldMessages,
}

impl ControlAttrs {
    fn invalid(&self, local: Signal<bool>) -> Signal<String> {
        let messages = self.messages;
        Signal::derive(move || (messages.invalid() || local.get()).to_string())
    }
}

/// A one- or multi-line text box for the string at `pointer`.
#[component]
pub fn TextControl(
    /// Shared attributes.
    attrs: ControlAttrs,
    /// Where the string is.
    pointer: JsonPointer,
    /// Whether it is multi-line.
    multiline: bool,
    /// Example text for the empty box.
    #[prop(optional)]
    placeholder: Option<String>,
) -> impl IntoView {
    let store = expect_store();
    let text = text_signal(store, &pointer);
    let invalid = attrs.invalid(Signal::derive(|| false));
    let required = attrs.required;
    let on_input = {
        let pointer = pointer.clone();
        move |event| {
            store.type_text(
                &pointer,
                event_target_value(&event),
                Requirement::of(required),
            )
        }
    };
    if multiline {
        view! {
            <textarea
                id=attrs.id
                class=class::INPUT_MULTILINE
                data-path=attrs.path
                rows="3"
                placeholder=placeholder
                aria-invalid=invalid
                aria-required=required.to_string()
                aria-describedby=attrs.described_by
                aria-labelledby=attrs.labelled_by
                prop:value=move || text.get()
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=attrs.id
                class=class::INPUT
                data-path=attrs.path
                placeholder=placeholder
                aria-invalid=invalid
                aria-required=required.to_string()
                aria-describedby=attrs.described_by
                aria-labelledby=attrs.labelled_by
                prop:value=move || text.get()
                on:input=on_input
            />
        }
        .into_any()
    }
}

/// A choice among the schema's `enum` strings.
#[component]
pub fn SelectControl(
    /// Shared attributes.
    attrs: ControlAttrs,
    /// Where the string is.
    pointer: JsonPointer,
    /// The allowed values.
    options: Vec<String>,
) -> impl IntoView {
    let store = expect_store();
    let text = text_signal(store, &pointer);
    let invalid = attrs.invalid(Signal::derive(|| false));
    let required = attrs.required;
    let known = options.clone();
    // A value the schema does not allow still shows, flagged, so the
    // select never misrepresents the card.
    let stray = move || {
        text.with(|current| stray_choice(&known, current))
            .map(option)
    };
    let mut choices = choices(&options, required).into_iter();
    let empty = choices.next().map(option);
    let on_change = {
        let pointer = pointer.clone();
        move |event| {
            let chosen = event_target_value(&event);
            store.type_text(&pointer, chosen, Requirement::of(required));
        }
    };
    view! {
        <select
            id=attrs.id
            class=class::INPUT_SELECT
            data-path=attrs.path
            aria-invalid=invalid
            aria-required=required.to_string()
            aria-describedby=attrs.described_by
            aria-labelledby=attrs.labelled_by
            prop:value=move || text.get()
            on:change=on_change
        >
            {empty}
            {stray}
            {choices.map(option).collect_view()}
        </select>
    }
}

/// One option of a select, as the layout describes it.
fn option(choice: Choice) -> impl IntoView {
    view! { <option value=choice.value>{choice.text}</option> }
}

/// What a number box shows while the user types: text that is not a
/// JSON number (`0,97`, `1 234`) stays in the box and is held by the store
/// as an entry the card does not hold, a problem until fixed or put back
/// (see `domain::entries`); the card keeps its number meanwhile.
#[derive(Clone, Copy)]
pub struct NumberDraft {
    shown: Signal<String>,
    /// The text typed that the card does not hold, if any.
    pub entry: Memo<Option<Entry>>,
}

impl NumberDraft {
    /// The draft state of the number at `pointer`.
    pub fn new(store: CardStore, pointer: &JsonPointer) -> Self {
        let stored = text_signal(store, pointer);
        let entry = store.entry(Slot::Value, pointer);
        let shown = Signal::derive(move || {
            entry
                .with(|entry| entry.as_ref().map(|entry| entry.text.clone()))
                .unwrap_or_else(|| stored.get())
        });
        Self { shown, entry }
    }

    /// Takes what was typed: a number goes into the card, anything else
    /// is held as an entry. Emptying an optional member removes it.
    pub fn input(&self, store: CardStore, pointer: &JsonPointer, text: String, required: bool) {
        if text.trim().is_empty() {
            store.drop_entry(Slot::Value, pointer);
            store.type_text(pointer, String::new(), Requirement::of(required));
            return;
        }
        match parse_number(&text) {
            Some(number) => {
                store.drop_entry(Slot::Value, pointer);
                store.type_value(pointer, Value::Number(number));
            }
            None => store.hold_entry(pointer, EntryKind::Number, text),
        }
    }
}

/// A box for a number; typed text that is not yet a number is kept and
/// said so, never silently dropped.
#[component]
pub fn NumberControl(
    /// Shared attributes.
    attrs: ControlAttrs,
    /// Where the number is.
    pointer: JsonPointer,
    /// The draft state, shared with whatever shows its note.
    draft: NumberDraft,
    /// Whether the box is a grid's cell (narrower).
    #[prop(optional)]
    cell: bool,
) -> impl IntoView {
    let store = expect_store();
    let invalid = attrs.invalid(Signal::derive(|| false));
    let required = attrs.required;
    view! {
        <input
            type="text"
            inputmode="decimal"
            id=attrs.id
            class=if cell { class::INPUT_NUMBER_CELL } else { class::INPUT_NUMBER }
            data-path=attrs.path
            aria-invalid=invalid
            aria-required=required.to_string()
            aria-describedby=attrs.described_by
            aria-labelledby=attrs.labelled_by
            prop:value=move || draft.shown.get()
            on:input=move |event| draft.input(store, &pointer, event_target_value(&event), required)
        />
    }
}

/// A checkbox for a boolean.
#[component]
pub fn CheckboxControl(
    /// Shared attributes.
    attrs: ControlAttrs,
    /// Where the boolean is.
    pointer: JsonPointer,
) -> impl IntoView {
    let store = expect_store();
    let trigger = store.watch_value(&pointer);
    let checked = {
        let pointer = pointer.clone();
        move || {
            trigger.track();
            store.read(&pointer, |value| value == Some(&Value::Bool(true)))
        }
    };
    let invalid = attrs.invalid(Signal::derive(|| false));
    view! {
        <input
            type="checkbox"
            id=attrs.id
            class=class::CHECKBOX
            data-path=attrs.path
            aria-invalid=invalid
            aria-describedby=attrs.described_by
            aria-labelledby=attrs.labelled_by
            prop:checked=checked
            on:change=move |event| {
                let checked = event_target_checked(&event);
                store.set(&pointer, Value::Bool(checked));
            }
        />
    }
}

/// Raw JSON for values no form can express. Text that parses goes into
/// the card and stays laid out as typed while the card holds its value;
/// text that does not is held as an entry the card does not hold (a
/// problem until fixed or put back), and the card keeps its value.
#[component]
pub fn JsonControl(
    /// Shared attributes.
    attrs: ControlAttrs,
    /// Where the value is.
    pointer: JsonPointer,
    /// The text typed that the card does not hold, if any.
    entry: Memo<Option<Entry>>,
) -> impl IntoView {
    let store = expect_store();
    let trigger = store.watch_value(&pointer);
    // The text last typed that parsed, and what it parsed to.
    let typed = RwSignal::new(None::<(String, Value)>);
    let shown = {
        let pointer = pointer.clone();
        move || {
            trigger.track();
            if let Some(text) = entry.with(|entry| entry.as_ref().map(|entry| entry.text.clone())) {
                return text;
            }
            store.read(&pointer, |value| {
                let as_typed = typed.with(|typed| {
                    typed
                        .as_ref()
                        .filter(|(_, parsed)| value == Some(parsed))
                        .map(|(text, _)| text.clone())
                });
                as_typed.unwrap_or_else(|| {
                    value.map_or_else(String::new, |value| {
                        serde_json::to_string_pretty(value).unwrap_or_default()
                    })
                })
            })
        }
    };
    let invalid = attrs.invalid(Signal::derive(|| false));
    let required = attrs.required;
    view! {
        <textarea
            id=attrs.id
            class=control_class(Leaf::JsonText)
            data-path=attrs.path
            rows="4"
            spellcheck="false"
            aria-invalid=invalid
            aria-describedby=attrs.described_by
            aria-labelledby=attrs.labelled_by
            prop:value=shown
            on:input=move |event| {
                let text = event_target_value(&event);
                if text.trim().is_empty() {
                    typed.set(None);
                    store.drop_entry(Slot::Value, &pointer);
                    store.type_text(&pointer, String::new(), Requirement::of(required));
                    return;
                }
                match parse_json(&text) {
                    Ok(value) => {
                        typed.set(Some((text, value.clone())));
                        store.drop_entry(Slot::Value, &pointer);
                        store.type_value(&pointer, value);
                    }
                    Err(problem) => {
                        let error = format!("line {}, column {}: {}", problem.line, problem.column, problem.message);
                        store.hold_entry(&pointer, EntryKind::Json { error }, text);
                    }
                }
            }
        ></textarea>
    }
}

/// A labelled leaf field: the control chosen for `node`, framed with its
/// label, help, counter and messages, as its [`LeafLayout`] describes.
#[component]
pub fn LeafField(
    /// Where the value is.
    pointer: JsonPointer,
    /// The field's form node.
    node: &'static FormNode,
    /// The field's label.
    label: String,
    /// Whether the schema requires it.
    required: bool,
    /// The control chosen for it.
    leaf: Leaf,
) -> impl IntoView {
    let store = expect_store();
    let layout = LeafLayout::new(&pointer, node, leaf, required);
    let messages = field_messages(store, &pointer);
    let attrs = ControlAttrs {
        id: layout.ids.control.clone(),
        path: pointer.to_string(),
        described_by: layout.described_by.clone(),
        labelled_by: None,
        required,
        messages,
    };
    if leaf == Leaf::Checkbox {
        return checkbox_field(layout, label, attrs, pointer);
    }
    let counter = layout.counter_limit.map(|limit| {
        let text = text_signal(store, &pointer);
        Signal::derive(move || (text.with(|text| text.chars().count()), limit))
    });
    let number = (leaf == Leaf::NumberInput).then(|| NumberDraft::new(store, &pointer));
    let entry = match number {
        Some(draft) => draft.entry,
        None => store.entry(Slot::Value, &pointer),
    };
    let ids = layout.ids.clone();
    let actions = view! { <EntryActions entry focus_id=ids.control.clone() /> }.into_any();
    let control = leaf_control(&layout, node, attrs, pointer, number, entry);
    let help = layout.help;
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

/// A checkbox field: the box before its label, no required mark.
fn checkbox_field(
    layout: LeafLayout,
    label: String,
    attrs: ControlAttrs,
    pointer: JsonPointer,
) -> AnyView {
    let messages = attrs.messages;
    let ids = layout.ids.clone();
    let top = layout.top_class();
    view! {
        <div class=move || layout.field_class(messages.invalid())>
            <div class=top>
                <CheckboxControl attrs pointer />
                <label class=class::FIELD_LABEL for=ids.control.clone()>{label}</label>
            </div>
            {layout.help.clone().map(|help| view! { <p id=ids.help.clone() class=class::FIELD_HELP>{help}</p> })}
            <MessageList id=ids.messages.clone() messages />
        </div>
    }
    .into_any()
}

/// The control of a leaf field other than a checkbox.
fn leaf_control(
    layout: &LeafLayout,
    node: &'static FormNode,
    attrs: ControlAttrs,
    pointer: JsonPointer,
    number: Option<NumberDraft>,
    entry: Memo<Option<Entry>>,
) -> AnyView {
    let placeholder = layout.placeholder.clone().unwrap_or_default();
    match (layout.leaf, number) {
        (Leaf::Select, _) => {
            let options = options_of(node).to_vec();
            view! { <SelectControl attrs pointer options /> }.into_any()
        }
        (Leaf::NumberInput, Some(draft)) => {
            view! { <NumberControl attrs pointer draft /> }.into_any()
        }
        (Leaf::TextArea, _) => {
            view! { <TextControl attrs pointer multiline=true placeholder /> }.into_any()
        }
        (Leaf::TextInput, _) => {
            view! { <TextControl attrs pointer multiline=false placeholder /> }.into_any()
        }
        (Leaf::NumberInput | Leaf::Checkbox | Leaf::JsonText, _) => {
            view! { <JsonControl attrs pointer entry /> }.into_any()
        }
    }
}
