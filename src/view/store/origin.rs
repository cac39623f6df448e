//! Which card the store edits and where it departs from: loading a card,
//! restoring a draft, the source's card after a submit, and the draft of
//! the card as it stands (built by [`Draft::of_card`]).

use leptos::prelude::*;
use serde_json::Value;

use super::{CardStore, ChangeFrom, LoadedCard, PackageInfo};
use crate::domain::document::{CardDocument, Change, Move};
use crate::domain::draft_of_card::Departure;
use crate::domain::drafts::{CardSource, Draft, fingerprint};
use crate::domain::entries::Entries;
use crate::domain::json_text::TextStyle;
use crate::domain::pointer::JsonPointer;

impl CardStore {
    /// Starts editing another card, with a fresh history. The card edited
    /// until now is not lost: its draft stays stored under its own source.
    pub fn load(&self, loaded: LoadedCard) {
        let source_card = loaded.card.clone();
        self.replace_document(CardDocument::new(loaded.card), loaded.style, source_card);
        self.source.set(loaded.source);
        self.package.set(loaded.package);
    }

    /// Continues from a saved draft, its undo history included, departing
    /// from `source_card` (the source as loaded now, or as the draft
    /// remembers it).
    pub fn restore(&self, draft: Draft, source_card: Value) {
        let style = draft.style();
        let document = CardDocument::with_history(draft.card, draft.history);
        self.replace_document(document, style, source_card);
        self.update_entries(|entries| {
            *entries = Entries::from_list(draft.entries);
            true
        });
        self.source.set(draft.source);
        self.package.set(PackageInfo {
            arn: draft.arn,
            status: draft.status,
        });
    }

    fn replace_document(&self, document: CardDocument, style: TextStyle, source_card: Value) {
        // Text typed for the card being left is not applied to the new one.
        self.source_pending.set_value(None);
        self.inner.update_value(|inner| {
            inner.document = document;
            inner.entries = Entries::default();
            inner.style = style;
            inner.source_fingerprint = fingerprint(&source_card);
            inner.source_card = source_card;
        });
        self.source_draft.set(None);
        self.after_change(
            Change {
                scope: JsonPointer::root(),
                moves: vec![Move::Replaced(JsonPointer::root())],
            },
            ChangeFrom::Elsewhere,
        );
    }

    /// Records that the source now holds `source_card` (after a submit),
    /// keeping the document and its history: the draft is then cleared when
    /// the card equals it.
    pub fn rebase(&self, source_card: Value) {
        self.commit_source();
        self.inner.update_value(|inner| {
            inner.source_fingerprint = fingerprint(&source_card);
            inner.source_card = source_card;
        });
    }

    /// The card as a draft saved at `saved_at_ms` (see
    /// [`Draft::of_card`]).
    pub fn draft(&self, saved_at_ms: f64) -> Draft {
        self.commit_source();
        let source = self.source.get_untracked();
        let package = self.package.get_untracked();
        self.inner.with_value(|inner| {
            let departure = Departure {
                source: &source,
                source_card: &inner.source_card,
                source_fingerprint: &inner.source_fingerprint,
                package: &package,
            };
            let (document, style, entries) = (&inner.document, &inner.style, &inner.entries);
            Draft::of_card(document, style, entries, departure, saved_at_ms)
        })
    }

    /// Runs `read` on the card as its source gave it (what edits are
    /// measured from) and its fingerprint, untracked.
    pub fn with_source<R>(&self, read: impl FnOnce(&Value, &str) -> R) -> R {
        self.inner
            .with_value(|inner| read(&inner.source_card, &inner.source_fingerprint))
    }

    /// Whether the card is what its source gave and nothing typed waits
    /// outside it (no draft is needed then).
    pub fn matches_source(&self) -> bool {
        self.commit_source();
        self.inner.with_value(|inner| {
            inner.entries.kept_in_drafts().next().is_none()
                && fingerprint(inner.document.root()) == inner.source_fingerprint
        })
    }

    /// Where the card came from.
    pub fn source(&self) -> ReadSignal<CardSource> {
        self.source.read_only()
    }

    /// The model package the card belongs to, as far as known.
    pub fn package(&self) -> ReadSignal<PackageInfo> {
        self.package.read_only()
    }

    /// Records what became known of the model package (an ARN typed for
    /// export, a status chosen).
    pub fn set_package(&self, package: PackageInfo) {
        self.package.set(package);
    }
}
