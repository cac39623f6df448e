//! The page: header with the card's verdict, section navigation, the
//! source view and the problem list.

use leptos::prelude::*;

use super::problems::{ProblemCount, ProblemList};
use super::section_nav::SectionNav;
use super::source_editor::SourceEditor;
use super::state::EditorState;

/// The text a new, empty card starts from.
pub const EMPTY_CARD_TEXT: &str = "{}";

/// The whole editor, starting from an empty card.
#[component]
pub fn App() -> impl IntoView {
    view! { <Editor initial_text=EMPTY_CARD_TEXT.to_owned() /> }
}

/// The editor for a card given as JSON text.
#[component]
pub fn Editor(
    /// The card to start with, as JSON text (it may be broken).
    initial_text: String,
) -> impl IntoView {
    EditorState::new(&initial_text).provide();
    view! {
        <div class="mce-app">
            <header class="mce-header">
                <h1 class="mce-header__title">"Model Card Editor"</h1>
                <ProblemCount />
            </header>
            <SectionNav />
            <main class="mce-main">
                <SourceEditor />
            </main>
            <aside class="mce-side" aria-label="Validation">
                <ProblemList />
            </aside>
        </div>
    }
}
