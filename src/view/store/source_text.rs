//! The source view's text as the store takes it: typed text waits for
//! the next frame to be parsed, text that does not parse is kept with its
//! error (and counted as a problem of the card), and Format lays the card
//! out with indentation.

use leptos::prelude::*;

use super::{CardStore, ChangeFrom, SourceDraft};
use crate::domain::document::Coalesce;
use crate::domain::entries::{EntryKind, Slot};
use crate::domain::json_text::{JsonTextError, TextStyle, parse_json};
use crate::domain::pointer::JsonPointer;
use crate::view::platform::after_next_paint;

impl CardStore {
    /// The card's text laid out with indentation, for the source view's
    /// Format: a card that came compact (on one line, as the registry and
    /// minified files give it) is indented with two spaces from now on, in
    /// the view and when saved; an indented card keeps its indent.
    fn formatted_text(&self) -> String {
        self.commit_source();
        self.inner.update_value(|inner| {
            if inner.style.indent.is_none() {
                inner.style.indent = TextStyle::standard().indent;
            }
        });
        self.card_text()
    }

    /// Formats the card's text (see [`CardStore::formatted_text`]) and makes
    /// it the source view's text. That text is the card exactly, so it is
    /// not parsed again (on the largest card a parse is about 5 ms).
    pub fn format_source(&self) -> String {
        let text = self.formatted_text();
        let revision = self.revision.get_untracked();
        self.source_draft.set(Some(SourceDraft {
            text: text.clone(),
            revision,
            error: None,
        }));
        text
    }

    /// Takes text typed in the source view. Parsing the whole card takes a
    /// few milliseconds on the largest one; done on every key it pushed
    /// typing past a frame. So the text is parsed after the frame that shows
    /// the key (keys typed meanwhile are parsed once), and anything that
    /// reads or changes the card through the store parses it first
    /// ([`CardStore::commit_source`]): nothing sees a card older than what
    /// the user typed.
    pub fn type_source(&self, text: String) {
        let scheduled = self.source_pending.with_value(Option::is_some);
        self.source_pending.set_value(Some(text));
        if !scheduled {
            let store = *self;
            after_next_paint(move || store.commit_source());
        }
    }

    /// Parses the text typed in the source view, if any is waiting.
    pub fn commit_source(&self) {
        if let Some(Some(text)) = self.source_pending.try_update_value(Option::take) {
            self.edit_source(text);
        }
    }

    /// Takes the JSON source text as the user typed it: the card follows
    /// when it parses; when it does not, the card stays and the text and
    /// its error are kept for the source view.
    pub fn edit_source(&self, text: String) {
        self.source_pending.set_value(None);
        match parse_json(&text) {
            Ok(card) => {
                let change = self.inner.try_update_value(|inner| {
                    inner
                        .document
                        .replace_root(card, Coalesce::Typing, (inner.clock)())
                });
                if let Some(Some(change)) = change {
                    self.after_change(change, ChangeFrom::SourceText);
                }
                self.update_entries(|entries| entries.remove(Slot::Source, &JsonPointer::root()));
                let revision = self.revision.get_untracked();
                self.source_draft.set(Some(SourceDraft {
                    text,
                    revision,
                    error: None,
                }));
            }
            Err(error) => {
                self.hold_source_error(&error);
                let revision = self.revision.get_untracked();
                self.source_draft.set(Some(SourceDraft {
                    text,
                    revision,
                    error: Some(error),
                }));
            }
        }
    }

    /// Counts source text that does not parse as a problem of the card:
    /// what would be exported is the card as the text last parsed.
    pub(super) fn hold_source_error(&self, error: &JsonTextError) {
        let error = format!(
            "line {}, column {}: {}",
            error.line, error.column, error.message
        );
        // The text itself stays in `source_draft`; the entry only says why.
        self.hold_entry(
            &JsonPointer::root(),
            EntryKind::Source { error },
            String::new(),
        );
    }

    /// The source text as last typed, while it belongs to the current card.
    pub fn source_draft(&self) -> Signal<Option<SourceDraft>> {
        let draft = self.source_draft;
        let revision = self.revision;
        Signal::derive(move || {
            let current = revision.get();
            draft.get().filter(|draft| draft.revision == current)
        })
    }
}
