//! Navigation between the card's sections, each with its issue count.

use leptos::prelude::*;

use crate::domain::card_schema::{Section, card_schema, sections};
use crate::domain::pointer::JsonPointer;

use super::state::expect_editor_state;

/// The card's sections, read from the schema's top-level properties.
#[component]
pub fn SectionNav() -> impl IntoView {
    let items = sections(card_schema())
        .into_iter()
        .map(|section| view! { <SectionLink section /> })
        .collect_view();
    view! {
        <nav class="mce-sections" aria-label="Card sections">
            <h2 class="mce-sections__heading">"Sections"</h2>
            <ul class="mce-sections__list">{items}</ul>
        </nav>
    }
}

/// One section: activating it brings the section into view.
#[component]
fn SectionLink(
    /// The section to link to.
    section: Section,
) -> impl IntoView {
    let state = expect_editor_state();
    let counts = state.issue_counts_by_section();
    let key = section.key.clone();
    let count = Memo::new(move |_| counts.with(|counts| counts.get(&key).copied().unwrap_or(0)));
    let pointer = JsonPointer::from_tokens([section.key.clone()]);
    let count_label = move || match count.get() {
        0 => String::new(),
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    view! {
        <li class="mce-sections__item">
            <button
                type="button"
                class="mce-sections__link"
                data-section=section.key.clone()
                title=section.description.clone()
                on:click=move |_| state.reveal(pointer.clone())
            >
                <span class="mce-sections__title">{section.title.clone()}</span>
                <span
                    class="mce-badge mce-badge--error"
                    hidden=move || count.get() == 0
                    aria-label=count_label
                >
                    {move || count.get()}
                </span>
            </button>
        </li>
    }
}
