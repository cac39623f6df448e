//! Leaf controls: text, multi-line text, choice, number, checkbox and raw
//! JSON. Each binds to one pointer, re-renders only when that value or its
//! messages change, and carries `data-path`, an id derived from the
//! pointer, `aria-invalid` and `aria-describedby`.

use leptos::prelude::*;
use serde_json::Value;

use super::entry_actions::EntryActions;
use super::frame::{FieldFrame, FieldIds, FieldMessages, MessageList, field_messages};
use crate::domain::entries::{Entry, EntryKind, Slot};
use crate::domain::form::node::{FormNode, NodeKind};
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
                class="mce-input mce-input--multiline"
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
                class="mce-input"
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
        let current = text.get();
        (!current.is_empty() && !known.contains(&current)).then(|| {
            view! { <option value=current.clone()>{format!("{current} (not allowed)")}</option> }
        })
    };
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
            class="mce-input mce-input--select"
            data-path=attrs.path
            aria-invalid=invalid
            aria-required=required.to_string()
            aria-describedby=attrs.described_by
            aria-labelledby=attrs.labelled_by
            prop:value=move || text.get()
            on:change=on_change
        >
            <option value="">{if required { "Choose…" } else { "Not set" }}</option>
            {stray}
            {options
                .into_iter()
                .map(|option| view! { <option value=option.clone()>{option.clone()}</option> })
                .collect_view()}
        </select>
    }
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
    /// Extra classes (grid cells are narrower).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let store = expect_store();
    let invalid = attrs.invalid(Signal::derive(|| false));
    let required = attrs.required;
    view! {
        <input
            type="text"
            inputmode="decimal"
            id=attrs.id
            class=format!("mce-input mce-input--number {class}")
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
            class="mce-checkbox"
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
            class="mce-input mce-input--multiline mce-input--code"
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
/// label, help, counter and messages.
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
    /// The widget chosen for it.
    widget: crate::domain::form::Widget,
) -> impl IntoView {
    use crate::domain::form::Widget;
    let store = expect_store();
    let ids = FieldIds::new(&pointer);
    let messages = field_messages(store, &pointer);
    let help = node.help().map(str::to_owned);
    let max_length = match &node.kind {
        NodeKind::Text(text) if text.options.is_none() => text.max_length,
        _ => None,
    };
    let counter = max_length.map(|limit| {
        let text = text_signal(store, &pointer);
        Signal::derive(move || (text.with(|text| text.chars().count()), limit))
    });
    let attrs = ControlAttrs {
        id: ids.control.clone(),
        path: pointer.to_string(),
        described_by: ids.described_by(help.is_some(), counter.is_some()),
        labelled_by: None,
        required,
        messages,
    };
    if widget == Widget::Checkbox {
        return view! {
            <div class="mce-field mce-field--checkbox" class:mce-field--invalid=move || messages.invalid()>
                <div class="mce-field__check">
                    <CheckboxControl attrs pointer />
                    <label class="mce-field__label" for=ids.control.clone()>{label}</label>
                </div>
                {help.map(|help| view! { <p id=ids.help.clone() class="mce-field__help">{help}</p> })}
                <MessageList id=ids.messages.clone() messages />
            </div>
        }
        .into_any();
    }
    let placeholder = node.ui.placeholder.clone();
    let number = (widget == Widget::NumberInput).then(|| NumberDraft::new(store, &pointer));
    let entry = match number {
        Some(draft) => draft.entry,
        None => store.entry(Slot::Value, &pointer),
    };
    let actions = view! { <EntryActions entry focus_id=ids.control.clone() /> }.into_any();
    let control = match (widget, &node.kind) {
        (Widget::Select, NodeKind::Text(text)) => {
            let options = text.options.clone().unwrap_or_default();
            view! { <SelectControl attrs pointer options /> }.into_any()
        }
        (Widget::NumberInput, _) => match number {
            Some(draft) => view! { <NumberControl attrs pointer draft /> }.into_any(),
            None => ().into_any(),
        },
        (Widget::TextArea, _) => {
            view! { <TextControl attrs pointer multiline=true placeholder=placeholder.unwrap_or_default() /> }
                .into_any()
        }
        (Widget::TextInput, _) => {
            view! { <TextControl attrs pointer multiline=false placeholder=placeholder.unwrap_or_default() /> }
                .into_any()
        }
        _ => view! { <JsonControl attrs pointer entry /> }.into_any(),
    };
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
