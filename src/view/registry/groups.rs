//! The model package groups: searched by name as the reviewer types (in
//! the page at once, and by the service after a pause, which finds groups
//! made since they were listed), the count of matches announced, and a
//! group chosen.

use leptos::prelude::*;

use super::Load;
use super::state::GroupSearch;
use crate::domain::registry::search::{groups_summary, merged_groups};
use crate::domain::sagemaker::ModelPackageGroupSummary;
use crate::view::backend::expect_backend;

/// The groups, with their search.
#[component]
pub fn GroupList() -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    let place = state.place();
    let groups = state.groups();
    let search = state.group_search();
    let query = Memo::new(move |_| place.with(|place| place.group_query.clone()));
    let shown = Memo::new(move |_| {
        groups.with(|groups| match groups {
            Load::Loaded(listed) => Some(query.with(|query| merged_groups(listed, &[], query))),
            _ => None,
        })
    });
    // The query is read first: read only inside `shown`, a change that
    // leaves the groups shown the same would not reach the count.
    let count = move || {
        let query = query.get();
        shown.with(|shown| {
            shown
                .as_ref()
                .map(|shown| groups_summary(shown.len(), &query))
        })
    };
    let search_problem = move || search.with(search_failure);
    let searching = move || search.with(is_searching);
    view! {
        <nav class="mce-registry__groups" aria-label="Model package groups">
            <h2 class="mce-sections__heading">"Model package groups"</h2>
            <div class="mce-field mce-registry__search">
                <label class="mce-field__label" for="mce-group-search">"Search groups by name"</label>
                <input id="mce-group-search" type="search" class="mce-input" autocomplete="off" spellcheck="false"
                    aria-describedby="mce-groups-count" prop:value=place.with_untracked(|place| place.group_query.clone())
                    on:input=move |event| state.search_groups(backend, event_target_value(&event)) />
            </div>
            <p id="mce-groups-count" class="mce-registry__count" role="status" data-testid="groups-count">{count}</p>
            <p class="mce-messages__error" role="alert" hidden=move || search_problem().is_none()>
                {search_problem}
            </p>
            <GroupsLoad />
            <ul class="mce-sections__list" aria-busy=move || searching().then_some("true")>
                <For
                    each=move || shown.get().unwrap_or_default()
                    key=|summary| summary.model_package_group_name.clone()
                    children=|summary| view! { <GroupButton summary /> }
                />
            </ul>
        </nav>
    }
}

/// Why the service's search failed, when it did.
fn search_failure(search: &Option<GroupSearch>) -> Option<String> {
    match search {
        Some(GroupSearch {
            load: Load::Failed(message),
            ..
        }) => Some(message.clone()),
        _ => None,
    }
}

/// Whether the service is searching.
fn is_searching(search: &Option<GroupSearch>) -> bool {
    matches!(
        search,
        Some(GroupSearch {
            load: Load::Loading,
            ..
        })
    )
}

/// The groups while they load, or why they could not be listed (with a
/// way to try again); nothing once they are listed.
#[component]
fn GroupsLoad() -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    let groups = state.groups();
    move || {
        match groups.get() {
        Load::Idle | Load::Loading => Some(
            view! { <p class="mce-loading" role="status">"Loading model package groups…"</p> }
                .into_any(),
        ),
        Load::Failed(message) => Some(
            view! {
                <div role="alert" class="mce-banner mce-banner--error">
                    <p>{message}</p>
                    <button type="button" class="mce-button" on:click=move |_| state.load_groups(backend)>"Try again"</button>
                </div>
            }
            .into_any(),
        ),
        Load::Loaded(_) => None,
    }
    }
}

/// One group, chosen with a click.
#[component]
fn GroupButton(summary: ModelPackageGroupSummary) -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    let place = state.place();
    let name = summary.model_package_group_name;
    let chosen = {
        let name = name.clone();
        Memo::new(move |_| place.with(|place| place.group.as_deref() == Some(name.as_str())))
    };
    view! {
        <li>
            <button
                type="button"
                class="mce-registry__group"
                aria-current=move || chosen.get().then_some("true")
                on:click={
                    let name = name.clone();
                    move |_| state.choose_group(backend, &name)
                }
            >
                <span class="mce-registry__group-name">{name.clone()}</span>
                <span class="mce-registry__group-description">{summary.model_package_group_description.unwrap_or_default()}</span>
            </button>
        </li>
    }
}
