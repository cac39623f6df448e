//! Lists of groups (evaluations, metric groups, metrics): each item a
//! collapsible card whose body is only built while it is open, so a card
//! with thousands of fields shows at once and stays light.

use leptos::prelude::*;

use super::frame::{FieldIds, MessageList, field_messages, heading};
use super::rows::{RowActions, array_len, focus_later, row_keys};
use super::schema_field::schema_field;
use crate::domain::form::node::{ArrayNode, FormNode};
use crate::domain::form::values::{field_id, limit_text, new_value, summary_keys, summary_of};
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, expect_store};
use crate::view::view_state::{Disclosure, expect_view_state};

/// Items shown before "Show more".
pub const PAGE: usize = 50;

/// Lists longer than this start with their items collapsed.
const COLLAPSE_BEYOND: usize = 10;

/// A list of collapsible item cards with add, move and remove.
#[component]
pub fn ItemList(
    /// Where the array is.
    pointer: JsonPointer,
    /// Its form node.
    node: &'static FormNode,
    /// Its items and limits.
    array: &'static ArrayNode,
    /// Its label.
    label: String,
    /// The level of its title; its items' titles are one below it, or at
    /// it when a heading outside titles the list.
    heading_level: u8,
    /// The id of a heading outside that already titles the list (a
    /// section's); the list then shows no title of its own.
    #[prop(optional)]
    titled_by: Option<String>,
) -> impl IntoView {
    let store = expect_store();
    let view_state = expect_view_state();
    let count = array_len(store, &pointer);
    let noun = node
        .ui
        .item_label
        .clone()
        .unwrap_or_else(|| "Item".to_owned());
    let ids = FieldIds::new(&pointer);
    let own_title = titled_by.is_none();
    let heading_id = titled_by.unwrap_or_else(|| format!("{}-heading", ids.control));
    let messages = field_messages(store, &pointer);
    let shown = RwSignal::new(PAGE);
    let collapsed_by_default =
        node.ui.collapsed.unwrap_or(false) || count.get_untracked() > COLLAPSE_BEYOND;
    // A reveal of an item beyond the page shows enough of the list.
    {
        let pointer = pointer.clone();
        Effect::new(move |_| {
            let Some(request) = view_state.reveal_request().get() else {
                return;
            };
            if let Some(index) = index_below(&pointer, &request.pointer)
                && index >= shown.get_untracked()
            {
                shown.set((index / PAGE + 1) * PAGE);
            }
        });
    }
    let add = {
        let pointer = pointer.clone();
        move |_| {
            let index = count.get_untracked();
            store.insert(&pointer, index, new_value(&array.items));
            let item = pointer.child(index.to_string());
            view_state.set_disclosure(&item, Disclosure::Expanded);
            if index >= shown.get_untracked() {
                shown.set(index + 1);
            }
            focus_later(format!("{}-toggle", field_id(&item.to_string())));
        }
    };
    let item_heading_level = if own_title {
        heading_level + 1
    } else {
        heading_level
    };
    let cards = {
        let pointer = pointer.clone();
        let noun = noun.clone();
        let list = label.clone();
        move |index: usize| {
            view! {
                <ItemCard
                    array=pointer.clone()
                    index
                    count
                    item=&array.items
                    noun=noun.clone()
                    list=list.clone()
                    collapsed_by_default
                    heading_level=item_heading_level
                />
            }
        }
    };
    let hidden = move || count.get().saturating_sub(shown.get());
    let help = node.help().map(str::to_owned);
    view! {
        <div class="mce-items" id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=heading_id.clone() aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            <div class="mce-list__head">
                {own_title.then(|| heading(heading_level, heading_id.clone(), "mce-list__title", label))}
                <span class="mce-list__limit">{move || limit_text(count.get(), array)}</span>
            </div>
            {help.filter(|_| own_title).map(|help| view! { <p class="mce-field__help">{help}</p> })}
            <ol class="mce-items__list">
                <For each=move || 0..count.get().min(shown.get()) key=|index| *index children=cards />
            </ol>
            <p class="mce-items__more" hidden=move || hidden() == 0>
                <button type="button" class="mce-button" on:click=move |_| shown.update(|shown| *shown += PAGE)>
                    {move || format!("Show {} more of {}", hidden().min(PAGE), hidden())}
                </button>
            </p>
            <MessageList id=ids.messages.clone() messages />
            <button type="button" class="mce-button mce-button--add" on:click=add>
                {format!("Add {}", noun.to_lowercase())}
            </button>
        </div>
    }
}

/// The index of the item of `array` that `pointer` lies in, if it does.
fn index_below(array: &JsonPointer, pointer: &JsonPointer) -> Option<usize> {
    if !pointer.starts_with(array) {
        return None;
    }
    pointer.tokens().get(array.tokens().len())?.parse().ok()
}

/// The number of schema problems inside the item at `pointer`.
fn problems_inside(store: CardStore, pointer: &JsonPointer) -> Memo<usize> {
    let issues = store.issues();
    let pointer = pointer.clone();
    Memo::new(move |_| {
        issues.with(|issues| {
            issues
                .iter()
                .filter(|issue| issue.field.starts_with(&pointer))
                .count()
        })
    })
}

#[component]
fn ItemCard(
    array: JsonPointer,
    index: usize,
    count: Memo<usize>,
    item: &'static FormNode,
    noun: String,
    list: String,
    collapsed_by_default: bool,
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let pointer = array.child(index.to_string());
    let id = field_id(&pointer.to_string());
    let toggle_id = format!("{id}-toggle");
    let body_id = format!("{id}-body");
    let view_state = expect_view_state();
    let remembered = view_state.disclosure(&pointer);
    let expanded = RwSignal::new(remembered.map_or(!collapsed_by_default, Disclosure::is_expanded));
    // Opening for a reveal of something inside, such as an error's field.
    {
        let pointer = pointer.clone();
        Effect::new(move |_| {
            let Some(request) = view_state.reveal_request().get() else {
                return;
            };
            if request.pointer.starts_with(&pointer)
                && request.pointer != pointer
                && !expanded.get_untracked()
            {
                expanded.set(true);
                view_state.set_disclosure(&pointer, Disclosure::Expanded);
            }
        });
    }
    // The title follows its name as it is typed: it watches the item (for
    // edits that replace it) and just the members the title is made of, not
    // every edit inside the item.
    let summary_triggers: Vec<ArcTrigger> = std::iter::once(pointer.clone())
        .chain(summary_keys(item).into_iter().map(|key| pointer.child(key)))
        .map(|watched| store.watch_value(&watched))
        .collect();
    let summary = {
        let pointer = pointer.clone();
        move || {
            summary_triggers.iter().for_each(ArcTrigger::track);
            store.read(&pointer, |value| summary_of(item, value))
        }
    };
    let problems = problems_inside(store, &pointer);
    let name = format!("{noun} {}", index + 1);
    let toggle = {
        let pointer = pointer.clone();
        move |_| {
            let next = !expanded.get_untracked();
            expanded.set(next);
            view_state.set_disclosure(&pointer, Disclosure::of_expanded(next));
        }
    };
    let keys = row_keys(store, array.clone(), index, count, "-toggle");
    let body = {
        let pointer = pointer.clone();
        let name = name.clone();
        move || {
            expanded
                .get()
                .then(|| schema_field(pointer.clone(), item, name.clone(), false, heading_level))
        }
    };
    view! {
        <li class="mce-item" data-path=pointer.to_string()>
            <div class="mce-item__head" on:keydown=keys>
                <button
                    type="button"
                    id=toggle_id
                    class="mce-item__toggle"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=body_id.clone()
                    on:click=toggle
                >
                    <span class="mce-item__chevron" aria-hidden="true">{move || if expanded.get() { "▾" } else { "▸" }}</span>
                    <span class="mce-item__name">{name.clone()}</span>
                    <span class="mce-item__summary">{summary}</span>
                    <span class="mce-badge mce-badge--error" hidden=move || problems.get() == 0>
                        {move || match problems.get() {
                            1 => "1 problem".to_owned(),
                            n => format!("{n} problems"),
                        }}
                    </span>
                </button>
                <RowActions array index count name list focus_suffix="-toggle" />
            </div>
            <div id=body_id class="mce-item__body" hidden=move || !expanded.get()>
                {body}
            </div>
        </li>
    }
}
