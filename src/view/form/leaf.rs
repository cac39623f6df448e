//! Leaf controls: text, multi-line text, choice, number, checkbox and raw
//! JSON. Each binds to one pointer, re-renders only when that value or its
//! messages change, and carries `data-path`, an id derived from the
//! pointer, `aria-invalid` and `aria-describedby`.

use leptos::prelude::*;
use serde_json::Value;

use super::frame::{FieldFrame, FieldIds, FieldMessages, MessageList, field_messages};
use crate::domain::form::node::{FormNode, NodeKind};
use crate::domain::form::values::parse_number;
use crate::domain::json_text::parse_json;
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, expect_store};

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
        move |event| store.type_text(&pointer, event_target_value(&event), required)
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
            store.type_text(&pointer, chosen, required);
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

/// What a number box shows and says while the user types: the typed text
/// is kept while it is not (yet) a number, and the card keeps its number.
#[derive(Clone, Copy)]
pub struct NumberDraft {
    shown: Signal<String>,
    draft: RwSignal<Option<String>>,
    /// "Not a number yet; the card keeps 0.9", while the text is not one.
    pub note: Signal<Option<String>>,
}

impl NumberDraft {
    /// The draft state of the number at `pointer`.
    pub fn new(store: CardStore, pointer: &JsonPointer) -> Self {
        let stored = text_signal(store, pointer);
        let draft = RwSignal::new(None::<String>);
        // A change from elsewhere (undo, paste) replaces an unfinished draft.
        Effect::new(move |previous: Option<String>| {
            let current = stored.get();
            if previous.is_some_and(|previous| previous != current) {
                draft.set(None);
            }
            current
        });
        let shown = Signal::derive(move || draft.get().unwrap_or_else(|| stored.get()));
        let note = Signal::derive(move || {
            draft.get().map(|_| match stored.get() {
                kept if kept.is_empty() => {
                    "Not a number yet; the card has no value here".to_owned()
                }
                kept => format!("Not a number yet; the card keeps {kept}"),
            })
        });
        Self { shown, draft, note }
    }

    /// Takes what was typed: a number goes into the card, anything else
    /// stays a draft. Emptying an optional member removes it.
    pub fn input(&self, store: CardStore, pointer: &JsonPointer, text: String, required: bool) {
        if text.trim().is_empty() {
            self.draft.set(None);
            store.type_text(pointer, String::new(), required);
            return;
        }
        match parse_number(&text) {
            Some(number) => {
                self.draft.set(None);
                store.type_value(pointer, Value::Number(number));
            }
            None => self.draft.set(Some(text)),
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
    let pending = Signal::derive(move || draft.note.with(Option::is_some));
    let invalid = attrs.invalid(pending);
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

/// Raw JSON for values no form can express; kept as typed until it parses.
#[component]
pub fn JsonControl(
    /// Shared attributes.
    attrs: ControlAttrs,
    /// Where the value is.
    pointer: JsonPointer,
    /// Set while the text does not parse.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = expect_store();
    let trigger = store.watch_value(&pointer);
    let draft = RwSignal::new(None::<String>);
    let stored = {
        let pointer = pointer.clone();
        move || {
            trigger.track();
            store.read(&pointer, |value| {
                value.map_or_else(String::new, |value| {
                    serde_json::to_string_pretty(value).unwrap_or_default()
                })
            })
        }
    };
    let shown = move || draft.get().unwrap_or_else(stored.clone());
    let pending = Signal::derive(move || error.with(Option::is_some));
    let invalid = attrs.invalid(pending);
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
                    draft.set(None);
                    error.set(None);
                    store.type_text(&pointer, String::new(), required);
                    return;
                }
                match parse_json(&text) {
                    Ok(value) => {
                        error.set(None);
                        draft.set(Some(text));
                        store.type_value(&pointer, value);
                    }
                    Err(problem) => {
                        error.set(Some(format!("Not JSON yet ({problem}); the card keeps its value")));
                        draft.set(Some(text));
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
    let json_error = RwSignal::new(None::<String>);
    let number = (widget == Widget::NumberInput).then(|| NumberDraft::new(store, &pointer));
    let note: Signal<Option<String>> = match number {
        Some(draft) => draft.note,
        None => Signal::derive(move || json_error.get()),
    };
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
        _ => view! { <JsonControl attrs pointer error=json_error /> }.into_any(),
    };
    match counter {
        Some(counter) => view! {
            <FieldFrame ids label help required messages counter note>{control}</FieldFrame>
        }
        .into_any(),
        None => view! {
            <FieldFrame ids label help required messages note>{control}</FieldFrame>
        }
        .into_any(),
    }
}
