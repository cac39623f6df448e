//! A group's versions: a table sortable by every column but the
//! description, filtered by approval status and by what the reviewer types,
//! with each version's card status filled in as it is read. Coming back
//! to the screen puts focus on the chosen version's row.

use leptos::prelude::*;

use super::Load;
use super::state::{RegistryState, VersionEntry};
use crate::domain::registry::rows::{
    CardCell, SortKey, VersionRow, version_button_id, version_label,
};
use crate::domain::registry::search::{VERSIONS, match_summary, shown_versions};
use crate::domain::sagemaker::{APPROVAL_STATUSES, format_time};
use crate::view::backend::expect_backend;
use crate::view::form::rows::focus_later;

/// The versions of `group`.
#[component]
pub fn Versions(
    /// The group's name.
    group: String,
) -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    let place = state.place();
    let listing = group_listing(state, group.clone());
    let entries = Memo::new(move |_| match listing.get() {
        Some((_, Load::Loaded(entries))) => entries,
        _ => Vec::new(),
    });
    let shown = Memo::new(move |_| {
        entries.with(|entries| {
            let rows: Vec<VersionRow> = entries.iter().map(|entry| entry.row.get()).collect();
            let order = place.with(|place| shown_versions(&rows, &place.filter, place.sort));
            order
                .into_iter()
                .map(|index| entries[index].clone())
                .collect::<Vec<_>>()
        })
    });
    let count = move || {
        let total = entries.with(Vec::len);
        let shown = shown.with(Vec::len);
        place.with(|place| match_summary(VERSIONS, shown, Some(total), &place.filter.criteria()))
    };
    focus_chosen_on_return(state, listing, shown);
    let heading = group.clone();
    view! {
        <section class="mce-registry__versions" aria-labelledby="mce-versions-heading">
            <div class="mce-list__head">
                <h2 id="mce-versions-heading">{heading}</h2>
                <button type="button" class="mce-button" on:click=move |_| state.refresh(backend)>"Refresh"</button>
            </div>
            <VersionFilters />
            <p id="mce-versions-count" class="mce-registry__count" role="status" data-testid="versions-count">
                {move || matches!(listing.get(), Some((_, Load::Loaded(_)))).then(count)}
            </p>
            <VersionsBody group listing shown entries />
        </section>
    }
}

/// The listing of `group`'s versions, when the one held is of that group:
/// which listing it is, and how it stands.
type GroupListing = Memo<Option<(u64, Load<Vec<VersionEntry>>)>>;

/// Follows the listing the state holds of `group`'s versions.
fn group_listing(state: RegistryState, group: String) -> GroupListing {
    let versions = state.versions();
    Memo::new(move |_| {
        versions.with(|listing| {
            listing
                .as_ref()
                .filter(|listing| listing.group == group)
                .map(|listing| (listing.id, listing.load.clone()))
        })
    })
}

/// Coming back to the screen (once the versions are listed) puts focus
/// on the chosen version's row, when it is shown.
fn focus_chosen_on_return(
    state: RegistryState,
    listing: GroupListing,
    shown: Memo<Vec<VersionEntry>>,
) {
    let place = state.place();
    Effect::new(move |_| {
        let loaded = listing.with(|listing| matches!(listing, Some((_, Load::Loaded(_)))));
        if !loaded {
            return;
        }
        let target = shown.with(|shown| {
            place.with_untracked(|place| {
                place.focus_on_return(shown.iter().map(|entry| entry.arn.as_str()))
            })
        });
        if state.take_focus_request()
            && let Some(id) = target
        {
            focus_later(id);
        }
    });
}

/// The search box and the approval filter, showing the ones chosen before.
#[component]
fn VersionFilters() -> impl IntoView {
    let state = expect_backend().registry();
    let place = state.place();
    // The filter chosen before, marked on its option (a select's value set
    // before its options are there would not take).
    let approval = place.with_untracked(|place| place.filter.approval.clone());
    let options = APPROVAL_STATUSES
        .iter()
        .map(|status| {
            let chosen = approval.as_deref() == Some(*status);
            view! { <option value=*status selected=chosen>{*status}</option> }
        })
        .collect_view();
    view! {
        <div class="mce-registry__filters">
            <div class="mce-field mce-registry__search">
                <label class="mce-field__label" for="mce-version-search">"Search versions"</label>
                <input id="mce-version-search" type="search" class="mce-input" autocomplete="off" spellcheck="false"
                    aria-describedby="mce-versions-count"
                    prop:value=place.with_untracked(|place| place.filter.query.clone())
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        state.update_place(|place| place.filter.query = typed);
                    } />
            </div>
            <div class="mce-field">
                <label class="mce-field__label" for="mce-approval-filter">"Approval"</label>
                <select id="mce-approval-filter" class="mce-input mce-input--select"
                    on:change=move |event| {
                        let chosen = event_target_value(&event);
                        state.update_place(|place| place.filter.approval = Some(chosen).filter(|chosen| !chosen.is_empty()));
                    }>
                    <option value="" selected=approval.is_none()>"All"</option>
                    {options}
                </select>
            </div>
        </div>
    }
}

/// The versions while they load, why they could not be listed (with a way
/// to try again), or their table.
#[component]
fn VersionsBody(
    /// The group's name.
    group: String,
    listing: GroupListing,
    shown: Memo<Vec<VersionEntry>>,
    entries: Memo<Vec<VersionEntry>>,
) -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    move || match listing.get() {
        None | Some((_, Load::Idle | Load::Loading)) => {
            view! { <p class="mce-loading" role="status">"Loading versions…"</p> }.into_any()
        }
        Some((_, Load::Failed(message))) => view! {
            <div role="alert" class="mce-banner mce-banner--error" data-testid="versions-problem">
                <p>{message}</p>
                <button type="button" class="mce-button" on:click={
                    let group = group.clone();
                    move |_| state.load_versions(backend, group.clone())
                }>"Try again"</button>
            </div>
        }
        .into_any(),
        Some((id, Load::Loaded(_))) => {
            view! { <VersionsTable group=group.clone() shown entries listing_id=id /> }.into_any()
        }
    }
}

/// The table of the versions shown.
#[component]
fn VersionsTable(
    /// The group's name, naming the table's scroll box.
    group: String,
    shown: Memo<Vec<VersionEntry>>,
    entries: Memo<Vec<VersionEntry>>,
    /// Which listing: its rows are new ones.
    listing_id: u64,
) -> impl IntoView {
    let state = expect_backend().registry();
    let place = state.place();
    let header = move |key: SortKey, label: &'static str| {
        let state_of = move || place.with(|place| place.sort.aria_sort(key));
        view! {
            <th scope="col" aria-sort=state_of>
                <button type="button" class="mce-sort" on:click=move |_| {
                    state.update_place(|place| place.sort = place.sort.pressed(key));
                }>
                    {label}
                    <span aria-hidden="true">
                        {move || match state_of() {
                            "ascending" => " ▲",
                            "descending" => " ▼",
                            _ => "",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    // `entries` is read first: read only after `shown`, which follows it,
    // a change to it would not always reach this.
    let empty = move || {
        let none_listed = entries.with(Vec::is_empty);
        shown.with(Vec::is_empty).then(|| {
            let text = if none_listed {
                "This group has no versions."
            } else {
                "No version matches the search and filter."
            };
            view! { <tr><td colspan="6">{text}</td></tr> }
        })
    };
    view! {
        // The table may be wider than a narrow screen: it scrolls in its
        // own box, which the keyboard reaches too.
        <div class="mce-table-scroll mce-registry__table-scroll" tabindex="0" role="region" aria-label=format!("Versions of {group}")>
            <table class="mce-table mce-registry__table" data-testid="versions" data-listing=listing_id.to_string()>
                <thead>
                    <tr>
                        {header(SortKey::Version, "Version")}
                        <th scope="col" class="mce-registry__unsorted">"Description"</th>
                        {header(SortKey::Created, "Created")}
                        {header(SortKey::Status, "Status")}
                        {header(SortKey::Approval, "Approval")}
                        {header(SortKey::Card, "Card status")}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|entry| entry.arn.clone() children=|entry| view! { <VersionLine entry /> } />
                    {empty}
                </tbody>
            </table>
        </div>
    }
}

/// One version's row.
#[component]
fn VersionLine(entry: VersionEntry) -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    let place = state.place();
    let row = entry.row.clone();
    let arn = entry.arn.clone();
    let chosen = {
        let arn = arn.clone();
        Memo::new(move |_| place.with(|place| place.version.as_deref() == Some(arn.as_str())))
    };
    let text = {
        let row = row.clone();
        move |cell: fn(&VersionRow) -> String| {
            let row = row.clone();
            move || row.with(cell)
        }
    };
    let choose = {
        let arn = arn.clone();
        move |_| state.choose_version(backend, &arn)
    };
    view! {
        <tr class:mce-registry__row--selected=chosen data-arn=arn.clone()>
            <th scope="row">
                <button type="button" class="mce-link" id=version_button_id(&arn)
                    aria-current=move || chosen.get().then_some("true") on:click=choose>
                    {text(|row| version_label(&row.summary))}
                </button>
            </th>
            // `data-label` names a value where a narrow screen shows the
            // row as a card.
            <td data-label="Description">{text(|row| row.summary.model_package_description.clone().unwrap_or_default())}</td>
            <td data-label="Created">{text(|row| format_time(row.summary.creation_time))}</td>
            <td data-label="Status">{text(|row| row.summary.model_package_status.clone())}</td>
            <td data-label="Approval" data-column="approval">{text(|row| row.summary.model_approval_status.clone().unwrap_or_default())}</td>
            <td data-label="Card status" data-column="card"><CardStatus entry /></td>
        </tr>
    }
}

/// A version's card status: being read, read, or why not (with a way to
/// read it again).
#[component]
fn CardStatus(entry: VersionEntry) -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    let row = entry.row.clone();
    move || {
        let (cell, label) = row.with(|row| (row.card.clone(), version_label(&row.summary)));
        let text = cell.text();
        match cell {
            CardCell::Failed(_) => {
                let entry = entry.clone();
                view! {
                    <span class="mce-registry__card mce-registry__card--failed">
                        {text}
                        " "
                        <button type="button" class="mce-link" aria-label=format!("Try again: read the card status of {label}")
                        on:click=move |_| state.read_card_again(backend, entry.clone())>"Try again"</button>
                    </span>
                }
                .into_any()
            }
            CardCell::Reading => {
                view! { <span class="mce-registry__card mce-registry__card--reading">{text}</span> }
                    .into_any()
            }
            CardCell::Known(_) => {
                view! { <span class="mce-registry__card">{text}</span> }.into_any()
            }
        }
    }
}
