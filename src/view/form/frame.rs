//! What every field has around its control: a label tied to it, help, a
//! character counter, and its messages, linked to the control with
//! `aria-describedby` and announced as they change.

use leptos::prelude::*;

pub use crate::domain::form::layout::FieldIds;
use crate::domain::form::layout::{class, text};
use crate::domain::pointer::JsonPointer;
use crate::view::store::CardStore;

/// What a field says about its value: schema errors, and lint warnings
/// (which never make the card invalid).
#[derive(Clone, Copy)]
pub struct FieldMessages {
    /// Schema errors.
    pub errors: Signal<Vec<String>>,
    /// Lint warnings.
    pub warnings: Signal<Vec<String>>,
}

impl FieldMessages {
    /// No messages, for controls that stand for no place in the card.
    pub fn none() -> Self {
        Self {
            errors: Signal::derive(Vec::new),
            warnings: Signal::derive(Vec::new),
        }
    }

    /// Whether the field has errors (for `aria-invalid`).
    pub fn invalid(&self) -> bool {
        !self.errors.with(Vec::is_empty)
    }
}

/// The messages of the field at `pointer`, as signals that change only
/// when they do.
pub fn field_messages(store: CardStore, pointer: &JsonPointer) -> FieldMessages {
    let trigger = store.watch_messages(pointer);
    let errors = {
        let (pointer, trigger) = (pointer.clone(), trigger.clone());
        Signal::derive(move || {
            trigger.track();
            store.messages(&pointer)
        })
    };
    let pointer = pointer.clone();
    let warnings = Signal::derive(move || {
        trigger.track();
        store.warnings(&pointer)
    });
    FieldMessages { errors, warnings }
}

/// How a control gets its accessible name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelMode {
    /// A `<label>` above or beside the control, with this text.
    Visible(String),
    /// Visible text elsewhere (table headers), by these element ids.
    LabelledBy(String),
}

/// The messages of a field, as a list announced politely when it changes.
#[component]
pub fn MessageList(
    /// The list's id, which the control's `aria-describedby` names.
    id: String,
    /// The messages.
    messages: FieldMessages,
    /// A note from the widget itself (not from the schema), such as why a
    /// paste into a grid was refused.
    #[prop(optional, into)]
    note: Option<Signal<Option<String>>>,
) -> impl IntoView {
    // One effect for the whole list: a field's messages are few and change
    // together, and a grid has hundreds of these lists. Every item is the
    // same view with its class as data, so an item that changes kind is
    // updated in place, class included.
    let items = move || {
        let note = note.and_then(|note| note.get());
        let errors = messages.errors.get();
        let warnings = messages.warnings.get();
        note.into_iter()
            .map(|text| (class::MESSAGE_NOTE, text))
            .chain(errors.into_iter().map(|text| (class::MESSAGE_ERROR, text)))
            .chain(
                warnings
                    .into_iter()
                    .map(|text| (class::MESSAGE_WARNING, text)),
            )
            .map(|(class, text)| view! { <li class=class>{text}</li> })
            .collect_view()
    };
    view! {
        <ul id=id class=class::MESSAGES aria-live="polite">
            {items}
        </ul>
    }
}

/// The label, help and counter around a control.
#[component]
pub fn FieldFrame(
    /// The field's ids.
    ids: FieldIds,
    /// The visible label.
    label: String,
    /// Help under the label.
    help: Option<String>,
    /// Whether the schema requires the field.
    required: bool,
    /// The field's messages.
    messages: FieldMessages,
    /// "12 / 1024": the length the schema counts, against its limit.
    #[prop(optional)]
    counter: Option<Signal<(usize, u64)>>,
    /// What follows the messages: the ways out of text the card does not
    /// hold (see `entry_actions`).
    #[prop(optional)]
    actions: Option<AnyView>,
    /// The control.
    children: Children,
) -> impl IntoView {
    let invalid = move || messages.invalid();
    let counter_view = counter.map(|counter| {
        view! {
            <span
                id=ids.counter.clone()
                class=move || counter.with(|(used, limit)| class::counter(text::counter_over(*used, *limit)))
            >
                {move || counter.with(|(used, limit)| text::counter(*used, *limit))}
            </span>
        }
    });
    view! {
        <div class=move || class::field(false, invalid())>
            <div class=class::FIELD_TOP>
                <label class=class::FIELD_LABEL for=ids.control.clone()>
                    {label}
                    {required.then(|| view! { <span class=class::FIELD_REQUIRED aria-hidden="true">{text::REQUIRED_MARK}</span> })}
                </label>
                {counter_view}
            </div>
            {help.map(|help| view! { <p id=ids.help.clone() class=class::FIELD_HELP>{help}</p> })}
            {children()}
            <MessageList id=ids.messages.clone() messages />
            {actions}
        </div>
    }
}

/// A widget's title at `level`, so the page's outline follows the card's
/// nesting without skipping a level (screen-reader users move by
/// headings). Levels below 2 are the page's and section's; nesting deeper
/// than 6 stays at 6, the deepest HTML has.
pub fn heading(level: u8, id: String, class: &'static str, text: String) -> AnyView {
    match level {
        ..=2 => view! { <h2 id=id class=class>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id class=class>{text}</h3> }.into_any(),
        4 => view! { <h4 id=id class=class>{text}</h4> }.into_any(),
        5 => view! { <h5 id=id class=class>{text}</h5> }.into_any(),
        _ => view! { <h6 id=id class=class>{text}</h6> }.into_any(),
    }
}
