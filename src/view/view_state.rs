//! Where the views are, apart from the card: which view is shown, the
//! latest request to reveal a place, how far each view was scrolled, where
//! the source view's caret was, which items the reviewer expanded, and
//! what a variant item held as each variant.
//!
//! None of this is the card: it is not undone, not validated and not
//! saved in a draft (the session notes the view and the caret itself, see
//! [`super::session`]). So it lives in its own context handle,
//! [`ViewState`], provided next to the [`CardStore`]; the store keeps the
//! document, its history and its findings. What belongs to one card (the
//! scroll, the caret, the expanded items, the variant stash) is forgotten
//! when another card is opened ([`ViewState::forget_card`]).

use std::collections::HashMap;

use leptos::prelude::*;
use serde_json::Value;

use super::store::CardStore;
use crate::domain::entries::Slot;
use crate::domain::pointer::JsonPointer;

/// Which view of the card is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewMode {
    /// The generated form.
    Form,
    /// The JSON text.
    Source,
    /// The read-only, printable card.
    Preview,
}

impl ViewMode {
    /// Every view, in the order the tabs show them.
    pub const ALL: [ViewMode; 3] = [ViewMode::Form, ViewMode::Source, ViewMode::Preview];

    /// The view's place in [`ViewMode::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A request to bring a place of the card into view and focus it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevealRequest {
    /// The place.
    pub pointer: JsonPointer,
    /// Which control of the place: its value's, or a map entry's key box
    /// (see [`Slot`]).
    pub slot: Slot,
    /// Distinguishes repeated requests for the same place.
    pub serial: u64,
}

/// Where the source view's text box was left, so coming back to the view
/// comes back there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextPlace {
    /// How far the text box was scrolled down and across (lines do not
    /// wrap).
    pub scroll: (i32, i32),
    /// The selection's start and end (UTF-16 offsets; a caret is an empty
    /// selection).
    pub selection: (u32, u32),
}

/// Whether an item is shown open or closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disclosure {
    /// Its fields are shown.
    Expanded,
    /// Only its summary line is shown.
    Collapsed,
}

impl Disclosure {
    /// The disclosure an item's toggle shows (`aria-expanded`).
    pub fn of_expanded(expanded: bool) -> Self {
        if expanded {
            Self::Expanded
        } else {
            Self::Collapsed
        }
    }

    /// Whether the item's fields are shown.
    pub fn is_expanded(self) -> bool {
        self == Self::Expanded
    }
}

/// What the views remember of one card, forgotten when another opens.
#[derive(Default)]
struct PerCard {
    /// What a variant item held as each variant (or tag), by item pointer.
    stash: HashMap<String, HashMap<String, Value>>,
    /// Items the user expanded or collapsed, by pointer.
    expanded: HashMap<String, Disclosure>,
    /// How far the main area was scrolled in each view, indexed as
    /// [`ViewMode::ALL`].
    scroll_tops: [i32; 3],
    /// Where the source view's text box was left.
    text_place: Option<TextPlace>,
}

/// The shared handle; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct ViewState {
    /// The card's store: text typed in the source view is parsed before
    /// another view shows the card.
    store: CardStore,
    mode: RwSignal<ViewMode>,
    reveal: RwSignal<Option<RevealRequest>>,
    per_card: StoredValue<PerCard, LocalStorage>,
}

impl ViewState {
    /// The views of `store`'s card: a card whose text does not parse opens
    /// in the source view, which shows the text and its error; any other
    /// in the form.
    pub fn new(store: CardStore) -> Self {
        let broken = store
            .source_draft()
            .with_untracked(|draft| draft.as_ref().is_some_and(|draft| draft.error.is_some()));
        let mode = if broken {
            ViewMode::Source
        } else {
            ViewMode::Form
        };
        Self {
            store,
            mode: RwSignal::new(mode),
            reveal: RwSignal::new(None),
            per_card: StoredValue::new_local(PerCard::default()),
        }
    }

    /// Makes this the view state components below find with
    /// [`expect_view_state`].
    pub fn provide(self) -> Self {
        provide_context(self);
        self
    }

    /// Forgets what the views remembered of the card edited until now
    /// (scroll, caret, expanded items, variant stash): another opens.
    pub fn forget_card(&self) {
        self.per_card.set_value(PerCard::default());
    }

    /// The view shown.
    pub fn mode(&self) -> ReadSignal<ViewMode> {
        self.mode.read_only()
    }

    /// Shows the form, the source or the preview.
    pub fn set_mode(&self, mode: ViewMode) {
        self.store.commit_source();
        self.mode.set(mode);
    }

    /// Asks the view shown to bring `pointer` into view and focus it.
    pub fn reveal(&self, pointer: JsonPointer) {
        self.reveal_control(pointer, Slot::Value);
    }

    /// Asks for one control of a place: its value's, or a map entry's key
    /// box; the source view's text is revealed in that view.
    pub fn reveal_control(&self, pointer: JsonPointer, slot: Slot) {
        if slot == Slot::Source {
            self.set_mode(ViewMode::Source);
        }
        let serial = self
            .reveal
            .with_untracked(|request| request.as_ref().map_or(0, |r| r.serial + 1));
        self.reveal.set(Some(RevealRequest {
            pointer,
            slot,
            serial,
        }));
    }

    /// The latest reveal request.
    pub fn reveal_request(&self) -> ReadSignal<Option<RevealRequest>> {
        self.reveal.read_only()
    }

    /// What the item at `item` held when it was the shape named `slot` (a
    /// variant, or a variant and tag), so switching back restores it.
    pub fn stashed(&self, item: &JsonPointer, slot: &str) -> Option<Value> {
        self.per_card.with_value(|card| {
            card.stash
                .get(&item.to_string())
                .and_then(|by_slot| by_slot.get(slot))
                .cloned()
        })
    }

    /// Remembers what the item at `item` holds as the shape named `slot`.
    pub fn stash(&self, item: &JsonPointer, slot: &str, value: Value) {
        self.per_card.update_value(|card| {
            card.stash
                .entry(item.to_string())
                .or_default()
                .insert(slot.to_owned(), value);
        });
    }

    /// Whether the user expanded or collapsed the item at `pointer`;
    /// `None` when they have not touched it.
    pub fn disclosure(&self, pointer: &JsonPointer) -> Option<Disclosure> {
        self.disclosure_at(&pointer.to_string())
    }

    /// Remembers that the item at `pointer` is expanded or collapsed.
    pub fn set_disclosure(&self, pointer: &JsonPointer, disclosure: Disclosure) {
        self.set_disclosure_at(pointer.to_string(), disclosure);
    }

    /// Whether the chart of the metric at `pointer` was left open or
    /// closed; `None` if it was never toggled.
    pub fn chart_disclosure(&self, pointer: &JsonPointer) -> Option<Disclosure> {
        self.disclosure_at(&chart_key(pointer))
    }

    /// Remembers that the chart of the metric at `pointer` is open or
    /// closed, beside the items' own states.
    pub fn set_chart_disclosure(&self, pointer: &JsonPointer, disclosure: Disclosure) {
        self.set_disclosure_at(chart_key(pointer), disclosure);
    }

    fn disclosure_at(&self, key: &str) -> Option<Disclosure> {
        self.per_card
            .with_value(|card| card.expanded.get(key).copied())
    }

    fn set_disclosure_at(&self, key: String, disclosure: Disclosure) {
        self.per_card
            .update_value(|card| _ = card.expanded.insert(key, disclosure));
    }

    /// How far the main area was scrolled when `mode`'s view was left, for
    /// the card edited now.
    pub fn scroll_top(&self, mode: ViewMode) -> i32 {
        self.per_card
            .with_value(|card| card.scroll_tops[mode.index()])
    }

    /// Remembers how far the main area is scrolled in `mode`'s view.
    pub fn set_scroll_top(&self, mode: ViewMode, top: i32) {
        self.per_card
            .update_value(|card| card.scroll_tops[mode.index()] = top);
    }

    /// Where the source view's text box was left, for the card edited now.
    pub fn text_place(&self) -> Option<TextPlace> {
        self.per_card.with_value(|card| card.text_place)
    }

    /// Remembers where the source view's text box is.
    pub fn set_text_place(&self, place: TextPlace) {
        self.per_card
            .update_value(|card| card.text_place = Some(place));
    }
}

/// Where a metric's chart state is kept: beside its item's, under a key no
/// pointer has (`#` is not a token a card's keys use here).
fn chart_key(pointer: &JsonPointer) -> String {
    format!("{pointer}#chart")
}

/// The [`ViewState`] an ancestor provided; panics when there is none,
/// which is a wiring bug, not a run-time condition.
pub fn expect_view_state() -> ViewState {
    expect_context::<ViewState>()
}
