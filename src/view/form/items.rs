//! Lists of groups (evaluations, metric groups, metrics): each item a
//! collapsible card whose body is only built while it is open, so a card
//! with thousands of fields shows at once and stays light.

use leptos::prelude::*;

use super::frame::{FieldIds, MessageList};
use super::list_parts::{ListParts, show_more};
use super::rows::{RowActions, focus_later, row_keys};
use super::schema_field::schema_field;
use crate::domain::form::layout::{ITEM_PAGE, class, starts_collapsed, text};
use crate::domain::form::node::{ArrayNode, FormNode};
use crate::domain::form::values::{new_value, summary_keys, summary_of};
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, expect_store};
use crate::view::view_state::{Disclosure, ViewState, expect_view_state};

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
    let parts = ListParts::new(&pointer, node, text::ITEM);
    let (store, count) = (parts.store, parts.count);
    let own_title = titled_by.is_none();
    let heading_id = titled_by.unwrap_or_else(|| parts.heading_id.clone());
    let shown = RwSignal::new(ITEM_PAGE);
    let collapsed_by_default = starts_collapsed(node, count.get_untracked());
    let view_state = expect_view_state();
    show_revealed_items(view_state, &pointer, shown);
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
            focus_later(FieldIds::new(&item).toggle());
        }
    };
    let item_heading_level = if own_title {
        heading_level + 1
    } else {
        heading_level
    };
    let cards = {
        let (pointer, noun, list) = (pointer.clone(), parts.noun.clone(), label.clone());
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
    let ids = parts.ids.clone();
    view! {
        <div class=class::ITEMS id=ids.control.clone() tabindex="-1" role="group" aria-labelledby=heading_id aria-describedby=ids.messages.clone() data-path=pointer.to_string()>
            {parts.head(own_title.then_some(heading_level), label, array)}
            {parts.help_view().filter(|_| own_title)}
            <ol class=class::ITEMS_LIST>
                <For each=move || 0..count.get().min(shown.get()) key=|index| *index children=cards />
            </ol>
            {show_more(shown, count, ITEM_PAGE)}
            <MessageList id=ids.messages.clone() messages=parts.messages />
            {parts.add_button(add)}
        </div>
    }
}

/// Shows enough of the list at `pointer` for a reveal of an item beyond
/// the page (an error's field, say) to find it.
fn show_revealed_items(view_state: ViewState, pointer: &JsonPointer, shown: RwSignal<usize>) {
    let pointer = pointer.clone();
    Effect::new(move |_| {
        let Some(request) = view_state.reveal_request().get() else {
            return;
        };
        if let Some(index) = index_below(&pointer, &request.pointer)
            && index >= shown.get_untracked()
        {
            shown.set((index / ITEM_PAGE + 1) * ITEM_PAGE);
        }
    });
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
    let ids = FieldIds::new(&pointer);
    let (toggle_id, body_id) = (ids.toggle(), ids.body());
    let view_state = expect_view_state();
    let remembered = view_state.disclosure(&pointer);
    let expanded = RwSignal::new(remembered.map_or(!collapsed_by_default, Disclosure::is_expanded));
    open_for_reveal(view_state, &pointer, expanded);
    let summary = item_summary(store, &pointer, item);
    let problems = problems_inside(store, &pointer);
    let name = text::item_name(&noun, index);
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
        <li class=class::ITEM data-path=pointer.to_string()>
            <div class=class::ITEM_HEAD on:keydown=keys>
                <button
                    type="button"
                    id=toggle_id
                    class=class::ITEM_TOGGLE
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=body_id.clone()
                    on:click=toggle
                >
                    <span class=class::ITEM_CHEVRON aria-hidden="true">{move || text::chevron(expanded.get())}</span>
                    <span class=class::ITEM_NAME>{name.clone()}</span>
                    <span class=class::ITEM_SUMMARY>{summary}</span>
                    <span class=class::BADGE_ERROR hidden=move || problems.get() == 0>
                        {move || text::problems(problems.get())}
                    </span>
                </button>
                <RowActions array index count name list focus_suffix="-toggle" />
            </div>
            <div id=body_id class=class::ITEM_BODY hidden=move || !expanded.get()>
                {body}
            </div>
        </li>
    }
}

/// Opens the item at `pointer` for a reveal of something inside it, such
/// as an error's field.
fn open_for_reveal(view_state: ViewState, pointer: &JsonPointer, expanded: RwSignal<bool>) {
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

/// What the title of the item at `pointer` says of it. It follows its name
/// as it is typed: it watches the item (for edits that replace it) and just
/// the members the title is made of, not every edit inside the item.
fn item_summary(
    store: CardStore,
    pointer: &JsonPointer,
    item: &'static FormNode,
) -> impl Fn() -> String + Send + Sync + use<> {
    let triggers: Vec<ArcTrigger> = std::iter::once(pointer.clone())
        .chain(summary_keys(item).into_iter().map(|key| pointer.child(key)))
        .map(|watched| store.watch_value(&watched))
        .collect();
    let pointer = pointer.clone();
    move || {
        triggers.iter().for_each(ArcTrigger::track);
        store.read(&pointer, |value| summary_of(item, value))
    }
}
