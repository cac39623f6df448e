//! The list of the card's schema problems, with a count that is always
//! visible and announced when it changes.

use leptos::prelude::*;

use crate::domain::validation::ValidationIssue;

use super::state::expect_editor_state;

/// Beyond this many, the list says how many more there are instead of
/// rendering them all (a broken 4 MB card can have thousands).
const SHOWN_AT_MOST: usize = 200;

/// "3 problems", "1 problem", "No problems": the whole card's verdict.
#[component]
pub fn ProblemCount() -> impl IntoView {
    let issues = expect_editor_state().issues();
    let count = Memo::new(move |_| issues.with(Vec::len));
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

/// Every problem with its JSON Pointer; activating one shows it in the card.
#[component]
pub fn ProblemList() -> impl IntoView {
    let state = expect_editor_state();
    let issues = state.issues();
    let stale = move || state.parse_error().with(Option::is_some);
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
    view! {
        <section class="mce-problems" aria-labelledby="mce-problems-heading">
            <h2 id="mce-problems-heading" class="mce-problems__heading">
                "Problems"
            </h2>
            <p class="mce-problems__note" hidden=move || !stale()>
                "The text does not parse; these are the problems of the last version that did."
            </p>
            <ul class="mce-problems__list" data-testid="problem-list">
                {rows}
            </ul>
            <p class="mce-problems__more" hidden=move || hidden_count() == 0>
                {move || format!("and {} more, not listed", hidden_count())}
            </p>
        </section>
    }
}

#[component]
fn ProblemRow(
    /// The problem to show.
    issue: ValidationIssue,
) -> impl IntoView {
    let state = expect_editor_state();
    let pointer_text = if issue.pointer.is_root() {
        "(card)".to_owned()
    } else {
        issue.pointer.to_string()
    };
    let pointer = issue.pointer.clone();
    view! {
        <li class="mce-problems__item" data-pointer=issue.pointer.to_string() data-keyword=issue.keyword>
            <button
                type="button"
                class="mce-problems__link"
                on:click=move |_| state.reveal(pointer.clone())
            >
                <code class="mce-problems__pointer">{pointer_text}</code>
                <span class="mce-problems__message">{issue.message}</span>
            </button>
        </li>
    }
}
