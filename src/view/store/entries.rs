//! Text typed into controls that the card cannot hold (a number written
//! `0,97`, a key already taken): the store keeps it beside the card, counts
//! it as a problem, and lets it go when fixed, put back, or replaced.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use super::CardStore;
use crate::domain::entries::{Entry, EntryKind, ListedEntry, Slot};
use crate::domain::pointer::JsonPointer;
use crate::domain::validation::ValidationIssue;

impl CardStore {
    /// Records text typed into the control of `pointer` (which control, the
    /// kind says) that the card cannot take: it is shown, counted as a
    /// problem and blocks exports until fixed or put back.
    pub fn hold_entry(&self, pointer: &JsonPointer, kind: EntryKind, text: String) {
        self.commit_source();
        let held = match kind.slot() {
            Slot::Value | Slot::Key => self.value(pointer),
            Slot::NewKey | Slot::Source => None,
        };
        let entry = Entry {
            pointer: pointer.clone(),
            kind,
            text,
            held,
        };
        self.update_entries(|entries| entries.put(entry));
    }

    /// Drops the text typed into the control of `pointer`: it was fixed,
    /// or the reviewer chose to put back what the card holds.
    pub fn drop_entry(&self, slot: Slot, pointer: &JsonPointer) {
        self.update_entries(|entries| entries.remove(slot, pointer));
        if slot == Slot::Source {
            self.source_draft.set(None);
        }
    }

    /// The text typed into the control of `pointer` that the card does not
    /// hold, as a signal that changes only when it does.
    pub fn entry(&self, slot: Slot, pointer: &JsonPointer) -> Memo<Option<Entry>> {
        let (store, pointer) = (*self, pointer.clone());
        Memo::new(move |_| store.find_entry(slot, &pointer))
    }

    /// The text typed into the control of `pointer` that the card does not
    /// hold, read tracked (for a memo whose place itself changes).
    pub fn find_entry(&self, slot: Slot, pointer: &JsonPointer) -> Option<Entry> {
        self.entries.with(|listed| {
            listed
                .iter()
                .find(|listed| listed.entry.kind.slot() == slot && &listed.entry.pointer == pointer)
                .map(|listed| listed.entry.clone())
        })
    }

    /// The entry a problem of the list stands for, if it stands for one.
    pub fn entry_of_issue(&self, issue: &ValidationIssue) -> Option<Entry> {
        self.entries.with_untracked(|listed| {
            listed
                .iter()
                .find(|listed| &listed.issue == issue)
                .map(|listed| listed.entry.clone())
        })
    }

    /// Every text typed that the card does not hold, in form order, with
    /// its problem.
    pub fn entries(&self) -> ReadSignal<Arc<Vec<ListedEntry>>> {
        self.entries.read_only()
    }

    /// Takes the number the reviewer meant for the text typed at
    /// `pointer`, as one undoable step.
    pub fn accept_number(&self, pointer: &JsonPointer, number: serde_json::Number) {
        self.drop_entry(Slot::Value, pointer);
        self.set(pointer, Value::Number(number));
    }
}
