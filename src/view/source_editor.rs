//! The card as JSON text: the source view, a first-class way to edit it.

use leptos::html::Textarea;
use leptos::prelude::*;

use crate::domain::json_text::{
    JsonTextError, byte_offset_of_utf16, line_and_column, locate, utf16_offset,
};

use super::state::expect_editor_state;

/// A text box holding the card's JSON, parsed and validated on every edit.
#[component]
pub fn SourceEditor() -> impl IntoView {
    let state = expect_editor_state();
    let textarea: NodeRef<Textarea> = NodeRef::new();
    let caret = RwSignal::new((1usize, 1usize));
    let parse_error = state.parse_error();

    let update_caret = move || {
        if let Some(element) = textarea.get_untracked() {
            let start = element.selection_start().ok().flatten().unwrap_or(0) as usize;
            let position = state
                .source()
                .with_untracked(|text| line_and_column(text, byte_offset_of_utf16(text, start)));
            caret.set(position);
        }
    };

    // Bring a requested place into view: select it and scroll to it.
    Effect::new(move |_| {
        let Some(pointer) = state.reveal_request().get() else {
            return;
        };
        let Some(element) = textarea.get_untracked() else {
            return;
        };
        let Some(range) = state
            .source()
            .with_untracked(|text| locate(text, &pointer).map(|span| span.focus()))
        else {
            return;
        };
        select_bytes(&element, range.start, range.end);
        update_caret();
    });

    let jump_to_parse_error = move |_| {
        if let (Some(error), Some(element)) =
            (parse_error.get_untracked(), textarea.get_untracked())
        {
            select_bytes(&element, error.offset, error.offset);
            update_caret();
        }
    };

    view! {
        <section class="mce-source" aria-labelledby="mce-source-label">
            <div class="mce-source__bar">
                <label id="mce-source-label" for="mce-source-text" class="mce-source__label">
                    "Card JSON"
                </label>
                <button
                    type="button"
                    class="mce-button"
                    on:click=move |_| state.format_source()
                    disabled=move || parse_error.with(Option::is_some)
                >
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
                prop:value=move || {
                    state.source_revision().track();
                    state.source().get_untracked()
                }
                on:input=move |event| {
                    state.edit_source(event_target_value(&event));
                    update_caret();
                }
                on:keyup=move |_| update_caret()
                on:click=move |_| update_caret()
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
fn select_bytes(element: &web_sys::HtmlTextAreaElement, start: usize, end: usize) {
    let text = element.value();
    let (start16, end16) = (utf16_offset(&text, start), utf16_offset(&text, end));
    // Blur first: Chromium scrolls a selection into view on focus.
    let _ = element.blur();
    let _ = element.set_selection_range(start16 as u32, end16 as u32);
    let _ = element.focus();
    let (line, _) = line_and_column(&text, start);
    let line_height = element.scroll_height() as f64 / text.lines().count().max(1) as f64;
    let target = (line.saturating_sub(3) as f64 * line_height) as i32;
    element.set_scroll_top(target);
}
