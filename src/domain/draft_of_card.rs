//! Building a draft from the card being edited: [`Draft::of_card`].
//!
//! The editor saves a draft after every burst of edits. What goes into it
//! (the card, its layout, its undo history within [`HISTORY_BUDGET`], the
//! text typed that the card does not hold, where the card departs from)
//! is decided here, as a pure function of the document and what is known
//! of its origin. The time of the save is a parameter, never read from a
//! clock, so the assembly is tested natively like the rest of the domain.
//! [`PackageInfo`] lives here because the draft is what reads it: it is
//! kept with the card so a reload still knows the model package.

use serde_json::Value;

use super::document::CardDocument;
use super::drafts::{CardSource, DRAFT_VERSION, Draft, HISTORY_BUDGET, Lineage};
use super::entries::Entries;
use super::json_text::TextStyle;

/// What the app knows of the model package a card belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackageInfo {
    /// Its ARN.
    pub arn: Option<String>,
    /// The card's `ModelCardStatus` as loaded.
    pub status: Option<String>,
}

/// Where the card being edited departs from: what a draft records so that
/// it can later say what changed, and whether its source moved on.
#[derive(Clone, Copy, Debug)]
pub struct Departure<'a> {
    /// Where the card came from (its drafts are kept under this).
    pub source: &'a CardSource,
    /// The card as its source gave it.
    pub source_card: &'a Value,
    /// The fingerprint of `source_card` (kept, not recomputed: on the
    /// largest card hashing it costs milliseconds).
    pub source_fingerprint: &'a str,
    /// Its model package, as far as known.
    pub package: &'a PackageInfo,
}

impl Draft {
    /// The draft of `document` (laid out in `style`, with the typed
    /// `entries` the card does not hold), departing from `departure`,
    /// saved at `saved_at_ms`. Where the reviewer is and the registry base
    /// are the session's to fill in; the lineage is stamped by the tab
    /// that stores it.
    pub fn of_card(
        document: &CardDocument,
        style: &TextStyle,
        entries: &Entries,
        departure: Departure<'_>,
        saved_at_ms: f64,
    ) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            source: departure.source.clone(),
            saved_at_ms,
            source_fingerprint: departure.source_fingerprint.to_owned(),
            source_card: departure.source_card.clone(),
            arn: departure.package.arn.clone(),
            status: departure.package.status.clone(),
            card: document.root().clone(),
            indent: style.indent.clone(),
            trailing_newline: style.trailing_newline,
            place: Default::default(),
            registry_base: None,
            to_fill: Vec::new(),
            history: document.history_snapshot(HISTORY_BUDGET),
            lineage: Lineage::default(),
            entries: entries.kept_in_drafts().cloned().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::document::{Coalesce, Edit};
    use crate::domain::drafts::{decode, encode, fingerprint};
    use crate::domain::entries::{Entry, EntryKind};
    use crate::domain::pointer::JsonPointer;
    use crate::domain::resume::DraftPlace;

    fn pointer(text: &str) -> JsonPointer {
        JsonPointer::parse(text).unwrap()
    }

    fn entry(at: &str, kind: EntryKind, text: &str) -> Entry {
        Entry {
            pointer: pointer(at),
            kind,
            text: text.into(),
            held: None,
        }
    }

    /// A card loaded from a file, one value typed over, a number box
    /// holding text that is not a number and the source view holding text
    /// that does not parse.
    fn edited() -> (CardDocument, Entries, Value) {
        let source_card = json!({"model_overview": {"model_name": "old"}});
        let mut document = CardDocument::new(source_card.clone());
        let edit = Edit::Set {
            pointer: pointer("/model_overview/model_name"),
            value: json!("new"),
        };
        document.apply(edit, Coalesce::Never, 5.0).unwrap();
        let mut entries = Entries::default();
        entries.put(entry("/x", EntryKind::Number, "0,97"));
        let broken = EntryKind::Source {
            error: "line 1, column 2: expected value".into(),
        };
        entries.put(entry("", broken, ""));
        (document, entries, source_card)
    }

    fn draft_at(saved_at_ms: f64) -> (Draft, CardDocument, Value) {
        let (document, entries, source_card) = edited();
        let source = CardSource::File("card.json".into());
        let package = PackageInfo {
            arn: Some("arn:aws:sagemaker:eu-west-1:1:model-package/m/1".into()),
            status: Some("Draft".into()),
        };
        let style = TextStyle {
            indent: Some("    ".into()),
            trailing_newline: false,
        };
        let fingerprint = fingerprint(&source_card);
        let departure = Departure {
            source: &source,
            source_card: &source_card,
            source_fingerprint: &fingerprint,
            package: &package,
        };
        let draft = Draft::of_card(&document, &style, &entries, departure, saved_at_ms);
        (draft, document, source_card)
    }

    #[test]
    fn the_draft_holds_the_card_as_edited_and_where_it_departs_from() {
        let (draft, document, source_card) = draft_at(1_795_000_000_000.0);
        assert_eq!(draft.version, DRAFT_VERSION);
        assert_eq!(draft.card, *document.root());
        assert_eq!(draft.source, CardSource::File("card.json".into()));
        assert_eq!(draft.source_card, source_card);
        assert_eq!(draft.source_fingerprint, fingerprint(&source_card));
        assert_eq!(
            draft.arn.as_deref(),
            Some("arn:aws:sagemaker:eu-west-1:1:model-package/m/1")
        );
        assert_eq!(draft.status.as_deref(), Some("Draft"));
    }

    #[test]
    fn the_time_of_the_save_is_the_one_given() {
        assert_eq!(
            draft_at(1_795_000_000_000.0).0.saved_at_ms,
            1_795_000_000_000.0
        );
        assert_eq!(draft_at(42.5).0.saved_at_ms, 42.5);
    }

    #[test]
    fn the_draft_keeps_the_layout_and_the_undo_history() {
        let (draft, _, _) = draft_at(0.0);
        assert_eq!(draft.style().indent.as_deref(), Some("    "));
        assert!(!draft.style().trailing_newline);
        assert_eq!(draft.history.undo_len(), 1);
        assert_eq!(draft.history.redo_len(), 0);
        let restored = CardDocument::with_history(draft.card.clone(), draft.history.clone());
        assert!(restored.can_undo());
    }

    #[test]
    fn typed_text_is_kept_but_not_the_source_views() {
        let (draft, _, _) = draft_at(0.0);
        assert_eq!(draft.entries, vec![entry("/x", EntryKind::Number, "0,97")]);
    }

    #[test]
    fn the_session_and_the_tab_fill_in_the_rest() {
        let (draft, _, _) = draft_at(0.0);
        assert_eq!(draft.place, DraftPlace::default());
        assert_eq!(draft.registry_base, None);
        assert_eq!(draft.lineage, Lineage::default());
    }

    #[test]
    fn the_draft_survives_being_stored() {
        let (draft, _, _) = draft_at(7.0);
        let read = decode(&encode(&draft)).unwrap();
        assert_eq!(read.card, draft.card);
        assert_eq!(read.entries, draft.entries);
        assert_eq!(read.saved_at_ms, 7.0);
    }

    #[test]
    fn the_deepest_card_import_accepts_survives_a_draft() {
        // Nested as deep as import accepts, and edited at the bottom.
        let deepest = (1..=200)
            .map(|depth| {
                let text = format!("{{\"x\": {}0{}}}", "[".repeat(depth), "]".repeat(depth));
                (depth, crate::domain::import::import_text(&text))
            })
            .take_while(|(_, imported)| imported.is_ok())
            .last()
            .map(|(depth, imported)| (depth, imported.unwrap().card))
            .unwrap();
        let (depth, card) = deepest;
        let mut document = CardDocument::new(card.clone());
        let bottom = format!("/x{}", "/0".repeat(depth));
        let edit = Edit::Set {
            pointer: pointer(&bottom),
            value: json!(1),
        };
        document.apply(edit, Coalesce::Never, 5.0).unwrap();
        let departure = Departure {
            source: &CardSource::File("deep.json".into()),
            source_card: &card,
            source_fingerprint: &fingerprint(&card),
            package: &PackageInfo::default(),
        };
        let draft = Draft::of_card(
            &document,
            &TextStyle::standard(),
            &Entries::default(),
            departure,
            1.0,
        );
        let read = decode(&encode(&draft)).expect("the draft of the deepest card reads back");
        assert_eq!(read.card, draft.card);
        assert_eq!(read.source_card, card);
        assert!(read.history.undo_len() == 1, "its history too");
    }
}
