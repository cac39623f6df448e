//! The card's verdict, always visible, and the error summary: every
//! problem with where it is, moving focus to its field on click or Enter.

use leptos::prelude::*;

use super::form::entry_actions::EntryButtons;
use super::store::expect_store;
use super::view_state::expect_view_state;
use crate::domain::entries::{ENTRY_KEYWORD, Slot};
use crate::domain::form::card_form;
use crate::domain::form::labels::label_path;
use crate::domain::validation::ValidationIssue;

/// Beyond this many, the list says how many more there are instead of
/// rendering them all (a broken 4 MB card can have thousands).
const SHOWN_AT_MOST: usize = 200;

/// "3 problems", "1 problem", "No problems": the whole card's verdict.
#[component]
pub fn ProblemCount() -> impl IntoView {
    let issues = expect_store().issues();
    let count = Memo::new(move |_| issues.with(|issues| issues.len()));
    view! {
        <p
            class="mce-count"
            class:mce-count--clean=move || count.get() == 0
            role="status"
            aria-live="polite"
            data-testid="problem-count"
            data-count=move || count.get().to_string()
        >
            {move || problem_count_text(count.get())}
        </p>
    }
}

/// Says how many schema problems there are, in words.
pub fn problem_count_text(count: usize) -> String {
    match count {
        0 => "No problems".to_owned(),
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    }
}

/// Every problem, labelled by where it is; activating one shows its field.
#[component]
pub fn ProblemList() -> impl IntoView {
    let store = expect_store();
    let issues = store.issues();
    let rows = move || {
        issues.with(|issues| {
            issues
                .iter()
                .take(SHOWN_AT_MOST)
                .cloned()
                .map(|issue| view! { <ProblemRow issue /> })
                .collect_view()
        })
    };
    let hidden_count = move || issues.with(|issues| issues.len().saturating_sub(SHOWN_AT_MOST));
    let warnings = store.lint_warnings();
    let warning_rows = move || {
        warnings.with(|warnings| {
            warnings
                .iter()
                .take(SHOWN_AT_MOST)
                .cloned()
                .map(|issue| view! { <ProblemRow issue warning=true /> })
                .collect_view()
        })
    };
    let warning_count = move || warnings.with(|warnings| warnings.len());
    view! {
        <section class="mce-problems" aria-labelledby="mce-problems-heading">
            <h2 id="mce-problems-heading" class="mce-problems__heading">"Problems"</h2>
            <p class="mce-problems__empty" hidden=move || issues.with(|issues| !issues.is_empty())>
                "The card matches the schema."
            </p>
            <ul class="mce-problems__list" data-testid="problem-list">
                {rows}
            </ul>
            <p class="mce-problems__more" hidden=move || hidden_count() == 0>
                {move || format!("and {} more, not listed", hidden_count())}
            </p>
        </section>
        <section class="mce-problems mce-problems--warnings" aria-labelledby="mce-warnings-heading" hidden=move || warning_count() == 0>
            <h2 id="mce-warnings-heading" class="mce-problems__heading">
                {move || format!("Warnings ({})", warning_count())}
            </h2>
            <p class="mce-problems__note">"Valid by the schema, but worth a look; they do not block saving."</p>
            <ul class="mce-problems__list" data-testid="warning-list">
                {warning_rows}
            </ul>
        </section>
    }
}

#[component]
fn ProblemRow(
    /// The problem to show.
    issue: ValidationIssue,
    /// Whether it is a lint warning rather than a schema error.
    #[prop(optional)]
    warning: bool,
) -> impl IntoView {
    let store = expect_store();
    let view_state = expect_view_state();
    let place = store.with_card(|card| label_path(&card_form().root, card, &issue.field));
    let place = match (place.is_empty(), issue.title.is_empty()) {
        (false, _) => place.join(" › "),
        // The card itself, or the source view's text (which is titled).
        (true, false) => issue.title.clone(),
        (true, true) => "Card".to_owned(),
    };
    let field = issue.field.clone();
    let titled = issue.titled_message();
    let code =
        warning.then(|| view! { <span class="mce-problems__code">{issue.keyword.clone()}</span> });
    // Text the card does not hold is resolved from here too.
    let entry = (issue.keyword == ENTRY_KEYWORD)
        .then(|| store.entry_of_issue(&issue))
        .flatten();
    let slot = entry
        .as_ref()
        .map_or(Slot::Value, |entry| entry.kind.slot());
    let buttons = entry.map(|entry| view! { <EntryButtons store entry /> });
    view! {
        <li
            class="mce-problems__item"
            class:mce-problems__item--warning=warning
            data-pointer=issue.pointer.to_string()
            data-field=issue.field.to_string()
            data-keyword=issue.keyword.clone()
            data-message=titled
        >
            <button type="button" class="mce-problems__link" on:click=move |_| view_state.reveal_control(field.clone(), slot)>
                <span class="mce-problems__place">{place} {code}</span>
                <span class="mce-problems__message">{issue.message}</span>
                <code class="mce-problems__pointer">{issue.field.to_string()}</code>
            </button>
            {buttons}
        </li>
    }
}
