//! What every list-like widget (items, texts and numbers, tables, grids)
//! sets up the same way: its length, what its items are called, its ids,
//! its messages, and the head, "Show more" and "Add" around its rows. Set
//! up once here, so the lists cannot drift apart from each other or from
//! the first view, which reads the same layout.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::frame::{FieldIds, FieldMessages, field_messages, heading};
use super::rows::array_len;
use crate::domain::form::layout::{class, text};
use crate::domain::form::node::{ArrayNode, FormNode};
use crate::domain::form::values::limit_text;
use crate::domain::pointer::JsonPointer;
use crate::view::store::{CardStore, expect_store};

/// A list's shared state, built by [`ListParts::new`].
#[derive(Clone)]
pub struct ListParts {
    /// The card store.
    pub store: CardStore,
    /// How many items the list has.
    pub count: Memo<usize>,
    /// What one item is called ("Artifact").
    pub noun: String,
    /// The list's ids (its group, its messages).
    pub ids: FieldIds,
    /// The id of the list's title.
    pub heading_id: String,
    /// The list's own messages (too few items, too many).
    pub messages: FieldMessages,
    /// The help under the list's title.
    pub help: Option<String>,
}

impl ListParts {
    /// The parts of the list at `pointer`, whose items are called
    /// `fallback_noun` unless the ui schema names them.
    pub fn new(pointer: &JsonPointer, node: &FormNode, fallback_noun: &str) -> Self {
        let store = expect_store();
        let ids = FieldIds::new(pointer);
        Self {
            store,
            count: array_len(store, pointer),
            noun: text::noun(node, fallback_noun),
            heading_id: ids.heading(),
            messages: field_messages(store, pointer),
            help: node.help().map(str::to_owned),
            ids,
        }
    }

    /// The list's head: its title at `level` (none when a heading outside
    /// titles it) and its count against its limits.
    pub fn head(&self, level: Option<u8>, label: String, array: &'static ArrayNode) -> AnyView {
        let count = self.count;
        let title =
            level.map(|level| heading(level, self.heading_id.clone(), class::LIST_TITLE, label));
        view! {
            <div class=class::LIST_HEAD>
                {title}
                <span class=class::LIST_LIMIT>{move || limit_text(count.get(), array)}</span>
            </div>
        }
        .into_any()
    }

    /// The help under the list's title, if it has any.
    pub fn help_view(&self) -> Option<AnyView> {
        self.help
            .clone()
            .map(|help| view! { <p class=class::FIELD_HELP>{help}</p> }.into_any())
    }

    /// "Add artifact", calling `add`.
    pub fn add_button(&self, add: impl FnMut(MouseEvent) + 'static) -> AnyView {
        view! {
            <button type="button" class=class::BUTTON_ADD on:click=add>
                {text::add(&self.noun)}
            </button>
        }
        .into_any()
    }
}

/// "Show 50 more of 120" under a list showing `shown` of its `count`
/// items, a `page` more at a time; hidden when all show.
pub fn show_more(shown: RwSignal<usize>, count: Memo<usize>, page: usize) -> AnyView {
    let hidden = move || count.get().saturating_sub(shown.get());
    view! {
        <p class=class::ITEMS_MORE hidden=move || hidden() == 0>
            <button type="button" class=class::BUTTON on:click=move |_| shown.update(|shown| *shown += page)>
                {move || text::show_more(hidden(), page)}
            </button>
        </p>
    }
    .into_any()
}
