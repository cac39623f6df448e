//! The card as JSON text: the source view, a first-class way to edit it.
//! It and the form are two views of one document: typing here updates the
//! card (and the form) whenever the text parses; an edit or undo elsewhere
//! rewrites the text.

use leptos::html::Textarea;
use leptos::prelude::*;

use super::form::entry_actions::EntryActions;
use super::session::Session;
use super::store::expect_store;
use super::view_state::{TextPlace, ViewMode, expect_view_state};
use crate::domain::entries::Slot;
use crate::domain::json_text::{
    JsonTextError, byte_offset_of_utf16, line_and_column, locate, utf16_offset,
};
use crate::domain::pointer::JsonPointer;

/// A text box holding the card's JSON, parsed and validated on every edit.
#[component]
pub fn SourceEditor() -> impl IntoView {
    let store = expect_store();
    let view_state = expect_view_state();
    let textarea: NodeRef<Textarea> = NodeRef::new();
    let caret = RwSignal::new((1usize, 1usize));
    let draft = store.source_draft();
    let parse_error =
        Memo::new(move |_| draft.with(|draft| draft.as_ref().and_then(|d| d.error.clone())));
    let initial = draft
        .get_untracked()
        .map_or_else(|| store.card_text(), |draft| draft.text);

    // The caret's offset (UTF-16) when its line and column were last
    // worked out. Reading the text copies all of it (100 KB on the largest
    // card), so a key or click that leaves the caret where `input` already
    // put it reads nothing.
    let caret_offset = StoredValue::new(None::<u32>);
    let place_caret = move |text: &str, start: u32| {
        caret_offset.set_value(Some(start));
        caret.set(line_and_column(
            text,
            byte_offset_of_utf16(text, start as usize),
        ));
    };
    let selection_start = |element: &web_sys::HtmlTextAreaElement| {
        element.selection_start().ok().flatten().unwrap_or(0)
    };
    let selection_end = |element: &web_sys::HtmlTextAreaElement| {
        element.selection_end().ok().flatten().unwrap_or(0)
    };
    let update_caret = move || {
        if let Some(element) = textarea.get_untracked() {
            place_caret(&element.value(), selection_start(&element));
        }
    };
    let follow_caret = move || {
        if let Some(element) = textarea.get_untracked() {
            let start = selection_start(&element);
            if caret_offset.get_value() != Some(start) {
                place_caret(&element.value(), start);
            }
        }
    };

    // Coming back to the view comes back to where the text box was left:
    // its selection (or caret) and its scroll.
    let left_at = view_state.text_place();
    Effect::new(move |_| {
        let Some(place) = left_at else {
            return;
        };
        // Once the text box is on the page and laid out: scrolling a box
        // that is not yet does nothing.
        request_animation_frame(move || {
            // The view may have been left within the frame.
            if let Some(Some(element)) = textarea.try_get_untracked() {
                let (start, end) = place.selection;
                let _ = element.set_selection_range(start, end);
                element.set_scroll_top(place.scroll.0);
                element.set_scroll_left(place.scroll.1);
                update_caret();
            }
        });
    });
    // Kept up to date as the caret and scroll move (reading them copies no
    // text), as the view is gone by the time anything could ask.
    let remember_place = move || {
        // Also called by the text box losing focus as the view is removed.
        if let Some(Some(element)) = textarea.try_get_untracked() {
            let selection = (selection_start(&element), selection_end(&element));
            let scroll = (element.scroll_top(), element.scroll_left());
            view_state.set_text_place(TextPlace { scroll, selection });
        }
    };

    // An edit elsewhere (the form, undo) rewrites the text; the text's own
    // edits do not (they leave a current draft).
    Effect::new(move |previous: Option<u64>| {
        let revision = store.revision().get();
        if previous.is_some_and(|previous| previous != revision)
            && draft.get_untracked().is_none()
            && let Some(element) = textarea.get_untracked()
        {
            element.set_value(&store.card_text());
            caret_offset.set_value(None);
        }
        revision
    });

    // Text that did not parse, put back from elsewhere (the problem list):
    // the box shows the card's text again.
    Effect::new(move |had_error: Option<bool>| {
        let has_error = parse_error.with(Option::is_some);
        if had_error == Some(true)
            && draft.with_untracked(Option::is_none)
            && let Some(element) = textarea.get_untracked()
        {
            element.set_value(&store.card_text());
            caret_offset.set_value(None);
        }
        has_error
    });

    // Bring a requested place into view: select it and scroll to it.
    Effect::new(move |_| {
        let Some(request) = view_state.reveal_request().get() else {
            return;
        };
        if view_state.mode().get_untracked() != ViewMode::Source {
            return;
        }
        let Some(element) = textarea.get_untracked() else {
            return;
        };
        let text = element.value();
        let mut pointer: Option<JsonPointer> = Some(request.pointer);
        while let Some(candidate) = pointer {
            if let Some(span) = locate(&text, &candidate) {
                let range = span.focus();
                select_bytes(&element, &text, range.start, range.end);
                update_caret();
                return;
            }
            pointer = candidate.parent();
        }
    });

    let jump_to_parse_error = move |_| {
        if let (Some(error), Some(element)) =
            (parse_error.get_untracked(), textarea.get_untracked())
        {
            let text = element.value();
            select_bytes(&element, &text, error.offset, error.offset);
            update_caret();
        }
    };
    let source_entry = store.entry(Slot::Source, &JsonPointer::root());
    let session = use_context::<Session>();
    let format = move |_| {
        if parse_error.get_untracked().is_some() {
            return;
        }
        let text = store.format_source();
        if let Some(element) = textarea.get_untracked() {
            element.set_value(&text);
        }
        // The new indent is not an edit of the card, so no edit saves it:
        // without this, a reload before the next edit would bring the
        // draft back laid out as before.
        if let Some(session) = session {
            session.schedule_save();
        }
    };

    view! {
        <section class="mce-source" aria-labelledby="mce-source-label" data-testid="source-view">
            <div class="mce-source__bar">
                <label id="mce-source-label" for="mce-source-text" class="mce-source__label">
                    "Card JSON"
                </label>
                <button type="button" class="mce-button" on:click=format disabled=move || parse_error.with(Option::is_some)>
                    "Format"
                </button>
            </div>
            <textarea
                id="mce-source-text"
                class="mce-source__text"
                data-testid="source-text"
                node_ref=textarea
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                wrap="off"
                aria-invalid=move || parse_error.with(Option::is_some).to_string()
                aria-describedby=move || {
                    if parse_error.with(Option::is_some) {
                        "mce-source-parse-error mce-source-caret"
                    } else {
                        "mce-source-caret"
                    }
                }
                prop:value=initial
                on:input=move |event| {
                    let text = event_target_value(&event);
                    if let Some(element) = textarea.get_untracked() {
                        place_caret(&text, selection_start(&element));
                    }
                    store.type_source(text);
                }
                on:keyup=move |_| {
                    follow_caret();
                    remember_place();
                }
                on:click=move |_| {
                    follow_caret();
                    remember_place();
                }
                on:select=move |_| remember_place()
                on:scroll=move |_| remember_place()
                on:blur=move |_| remember_place()
            ></textarea>
            <div class="mce-source__status">
                <p
                    id="mce-source-parse-error"
                    class="mce-source__parse-error"
                    role="alert"
                    data-testid="parse-error"
                    hidden=move || parse_error.with(Option::is_none)
                >
                    {move || parse_error.get().map(|error| parse_error_text(&error))}
                    " "
                    <button type="button" class="mce-link" on:click=jump_to_parse_error>
                        "Go to error"
                    </button>
                    <EntryActions entry=source_entry focus_id="mce-source-text".to_owned() />
                </p>
                <p id="mce-source-caret" class="mce-source__caret">
                    {move || {
                        let (line, column) = caret.get();
                        format!("Line {line}, column {column}")
                    }}
                </p>
            </div>
        </section>
    }
}

/// The sentence shown for text that does not parse.
pub fn parse_error_text(error: &JsonTextError) -> String {
    format!(
        "Not valid JSON at line {}, column {}: {}. The last valid card is kept.",
        error.line, error.column, error.message
    )
}

/// Selects a byte range of the text box's value, focuses it and scrolls the
/// selection into view.
fn select_bytes(element: &web_sys::HtmlTextAreaElement, text: &str, start: usize, end: usize) {
    let (start16, end16) = (utf16_offset(text, start), utf16_offset(text, end));
    // Blur first: Chromium scrolls a selection into view on focus.
    let _ = element.blur();
    let _ = element.set_selection_range(start16 as u32, end16 as u32);
    let _ = element.focus();
    let (line, _) = line_and_column(text, start);
    let line_height = element.scroll_height() as f64 / text.lines().count().max(1) as f64;
    let target = (line.saturating_sub(3) as f64 * line_height) as i32;
    element.set_scroll_top(target);
}
