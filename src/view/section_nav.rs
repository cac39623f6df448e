//! Navigation between the card's sections, each with its problem count.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::store::expect_store;
use super::view_state::expect_view_state;
use crate::domain::card_schema::{Section, card_schema, sections};
use crate::domain::form::card_form;
use crate::domain::pointer::JsonPointer;

/// The card's sections, read from the schema's top-level properties.
#[component]
pub fn SectionNav() -> impl IntoView {
    let store = expect_store();
    let issues = store.issues();
    let counts = Memo::new(move |_| {
        issues.with(|issues| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for issue in issues.iter() {
                if let Some(section) = issue.field.first() {
                    *counts.entry(section.to_owned()).or_default() += 1;
                }
            }
            counts
        })
    });
    let items = sections(card_schema())
        .into_iter()
        .map(|section| view! { <SectionLink section counts /> })
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
    /// Problem counts by section key.
    counts: Memo<BTreeMap<String, usize>>,
) -> impl IntoView {
    let view_state = expect_view_state();
    let key = section.key.clone();
    let count = Memo::new(move |_| counts.with(|counts| counts.get(&key).copied().unwrap_or(0)));
    let pointer = JsonPointer::from_tokens([section.key.clone()]);
    let title = card_form()
        .root
        .child(&section.key, None)
        .map_or(section.title.clone(), |node| node.label_or(&section.key));
    let count_label = move || match count.get() {
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
                on:click=move |_| view_state.reveal(pointer.clone())
            >
                <span class="mce-sections__title">{title}</span>
                <span class="mce-badge mce-badge--error" hidden=move || count.get() == 0 aria-label=count_label>
                    {move || count.get()}
                </span>
            </button>
        </li>
    }
}
