//! The card as JSON text: the source view, a first-class way to edit it.
//! It and the form are two views of one document: typing here updates the
//! card (and the form) whenever the text parses; an edit or undo elsewhere
//! rewrites the text.

use leptos::html::Textarea;
use leptos::prelude::*;

use super::form::entry_actions::EntryActions;
use super::session::Session;
use super::store::{CardStore, SourceDraft, expect_store};
use super::view_state::{TextPlace, ViewMode, ViewState, expect_view_state};
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
    let text_box = TextBox::new();
    let draft = store.source_draft();
    let parse_error =
        Memo::new(move |_| draft.with(|draft| draft.as_ref().and_then(|d| d.error.clone())));
    let initial = draft
        .get_untracked()
        .map_or_else(|| store.card_text(), |draft| draft.text);
    restore_place_on_return(view_state, text_box);
    rewrite_after_edits_elsewhere(store, text_box, draft);
    rewrite_when_error_put_back(store, text_box, draft, parse_error);
    reveal_in_text(view_state, text_box);
    let session = use_context::<Session>();
    let format = move |_| format_text(store, text_box, session, parse_error);
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
            <SourceText store text_box parse_error initial />
            <div class="mce-source__status">
                <ParseErrorLine store text_box parse_error />
                <p id="mce-source-caret" class="mce-source__caret">
                    {move || {
                        let (line, column) = text_box.caret.get();
                        format!("Line {line}, column {column}")
                    }}
                </p>
            </div>
        </section>
    }
}

/// The text box itself: typing hands the text to the store, and every
/// move of the caret or scroll is remembered.
#[component]
fn SourceText(
    store: CardStore,
    text_box: TextBox,
    /// Why the text does not parse, when it does not.
    parse_error: Memo<Option<JsonTextError>>,
    /// The text first shown: a draft's, or the card's.
    initial: String,
) -> impl IntoView {
    let view_state = expect_view_state();
    let remember_place = move || text_box.remember_place(view_state);
    view! {
        <textarea
            id="mce-source-text"
            class="mce-source__text"
            data-testid="source-text"
            node_ref=text_box.node
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
                if let Some(element) = text_box.node.get_untracked() {
                    text_box.place_caret(&text, selection_start(&element));
                }
                store.type_source(text);
            }
            on:keyup=move |_| {
                text_box.follow_caret();
                remember_place();
            }
            on:click=move |_| {
                text_box.follow_caret();
                remember_place();
            }
            on:select=move |_| remember_place()
            on:scroll=move |_| remember_place()
            on:blur=move |_| remember_place()
        ></textarea>
    }
}

/// Why the text does not parse, with a way to go to the place and the
/// actions of the text kept aside; hidden while it parses.
#[component]
fn ParseErrorLine(
    store: CardStore,
    text_box: TextBox,
    parse_error: Memo<Option<JsonTextError>>,
) -> impl IntoView {
    let jump_to_parse_error = move |_| {
        if let (Some(error), Some(element)) =
            (parse_error.get_untracked(), text_box.node.get_untracked())
        {
            let text = element.value();
            select_bytes(&element, &text, error.offset, error.offset);
            text_box.update_caret();
        }
    };
    let source_entry = store.entry(Slot::Source, &JsonPointer::root());
    view! {
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
    }
}

/// The text box and the caret's line and column shown under it. `Copy`,
/// so the handlers and effects share it.
#[derive(Clone, Copy)]
struct TextBox {
    node: NodeRef<Textarea>,
    /// The caret's line and column (1-based).
    caret: RwSignal<(usize, usize)>,
    /// The caret's offset (UTF-16) when its line and column were last
    /// worked out. Reading the text copies all of it (100 KB on the
    /// largest card), so a key or click that leaves the caret where
    /// `input` already put it reads nothing.
    caret_offset: StoredValue<Option<u32>>,
}

impl TextBox {
    fn new() -> Self {
        Self {
            node: NodeRef::new(),
            caret: RwSignal::new((1, 1)),
            caret_offset: StoredValue::new(None),
        }
    }

    /// Works out the caret's line and column in `text`.
    fn place_caret(self, text: &str, start: u32) {
        self.caret_offset.set_value(Some(start));
        self.caret.set(line_and_column(
            text,
            byte_offset_of_utf16(text, start as usize),
        ));
    }

    /// Works out the caret's line and column afresh.
    fn update_caret(self) {
        if let Some(element) = self.node.get_untracked() {
            self.place_caret(&element.value(), selection_start(&element));
        }
    }

    /// Works out the caret's line and column if the caret has moved.
    fn follow_caret(self) {
        if let Some(element) = self.node.get_untracked() {
            let start = selection_start(&element);
            if self.caret_offset.get_value() != Some(start) {
                self.place_caret(&element.value(), start);
            }
        }
    }

    /// Shows the card's text instead of what the box holds.
    fn show_card_text(self, store: CardStore) {
        if let Some(element) = self.node.get_untracked() {
            element.set_value(&store.card_text());
            self.caret_offset.set_value(None);
        }
    }

    /// Remembers the box's selection and scroll. Kept up to date as the
    /// caret and scroll move (reading them copies no text), as the view is
    /// gone by the time anything could ask.
    fn remember_place(self, view_state: ViewState) {
        // Also called by the text box losing focus as the view is removed.
        if let Some(Some(element)) = self.node.try_get_untracked() {
            let selection = (selection_start(&element), selection_end(&element));
            let scroll = (element.scroll_top(), element.scroll_left());
            view_state.set_text_place(TextPlace { scroll, selection });
        }
    }
}

fn selection_start(element: &web_sys::HtmlTextAreaElement) -> u32 {
    element.selection_start().ok().flatten().unwrap_or(0)
}

fn selection_end(element: &web_sys::HtmlTextAreaElement) -> u32 {
    element.selection_end().ok().flatten().unwrap_or(0)
}

/// Coming back to the view comes back to where the text box was left: its
/// selection (or caret) and its scroll.
fn restore_place_on_return(view_state: ViewState, text_box: TextBox) {
    let left_at = view_state.text_place();
    Effect::new(move |_| {
        let Some(place) = left_at else {
            return;
        };
        // Once the text box is on the page and laid out: scrolling a box
        // that is not yet does nothing.
        request_animation_frame(move || {
            // The view may have been left within the frame.
            if let Some(Some(element)) = text_box.node.try_get_untracked() {
                let (start, end) = place.selection;
                let _ = element.set_selection_range(start, end);
                element.set_scroll_top(place.scroll.0);
                element.set_scroll_left(place.scroll.1);
                text_box.update_caret();
            }
        });
    });
}

/// An edit elsewhere (the form, undo) rewrites the text; the text's own
/// edits do not (they leave a current draft).
fn rewrite_after_edits_elsewhere(
    store: CardStore,
    text_box: TextBox,
    draft: Signal<Option<SourceDraft>>,
) {
    Effect::new(move |previous: Option<u64>| {
        let revision = store.revision().get();
        if previous.is_some_and(|previous| previous != revision) && draft.get_untracked().is_none()
        {
            text_box.show_card_text(store);
        }
        revision
    });
}

/// Text that did not parse, put back from elsewhere (the problem list):
/// the box shows the card's text again.
fn rewrite_when_error_put_back(
    store: CardStore,
    text_box: TextBox,
    draft: Signal<Option<SourceDraft>>,
    parse_error: Memo<Option<JsonTextError>>,
) {
    Effect::new(move |had_error: Option<bool>| {
        let has_error = parse_error.with(Option::is_some);
        if had_error == Some(true) && draft.with_untracked(Option::is_none) {
            text_box.show_card_text(store);
        }
        has_error
    });
}

/// Brings a requested place into view: selects it (or its nearest ancestor
/// the text has) and scrolls to it.
fn reveal_in_text(view_state: ViewState, text_box: TextBox) {
    Effect::new(move |_| {
        let Some(request) = view_state.reveal_request().get() else {
            return;
        };
        if view_state.mode().get_untracked() != ViewMode::Source {
            return;
        }
        let Some(element) = text_box.node.get_untracked() else {
            return;
        };
        let text = element.value();
        let mut pointer: Option<JsonPointer> = Some(request.pointer);
        while let Some(candidate) = pointer {
            if let Some(span) = locate(&text, &candidate) {
                let range = span.focus();
                select_bytes(&element, &text, range.start, range.end);
                text_box.update_caret();
                return;
            }
            pointer = candidate.parent();
        }
    });
}

/// Lays the text out with the card's indent, when it parses.
fn format_text(
    store: CardStore,
    text_box: TextBox,
    session: Option<Session>,
    parse_error: Memo<Option<JsonTextError>>,
) {
    if parse_error.get_untracked().is_some() {
        return;
    }
    let text = store.format_source();
    if let Some(element) = text_box.node.get_untracked() {
        element.set_value(&text);
    }
    // The new indent is not an edit of the card, so no edit saves it:
    // without this, a reload before the next edit would bring the draft
    // back laid out as before.
    if let Some(session) = session {
        session.schedule_save();
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
