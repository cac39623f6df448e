//! The editor's shared state: one context handle with private signals and
//! intent methods, so components say what they want, not how it is stored.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::json_text::{JsonTextError, parse_json};
use crate::domain::pointer::JsonPointer;
use crate::domain::validation::{ValidationIssue, validate_card};

/// The card being edited and everything derived from it.
///
/// `card` is the last text that parsed: while the source text is broken the
/// card, its issues and every view of it stay as they were.
#[derive(Clone, Copy)]
pub struct EditorState {
    card: RwSignal<Value>,
    source: RwSignal<String>,
    /// Bumped when the source text is replaced from outside the text box
    /// (formatting, loading), so the box rewrites its content only then and
    /// typing never moves the caret.
    source_revision: RwSignal<u64>,
    parse_error: RwSignal<Option<JsonTextError>>,
    issues: Memo<Vec<ValidationIssue>>,
    issue_counts: Memo<BTreeMap<String, usize>>,
    reveal_request: RwSignal<Option<JsonPointer>>,
}

impl EditorState {
    /// State for a card given as JSON text (which may be broken).
    pub fn new(initial_text: &str) -> Self {
        let (card, parse_error) = match parse_json(initial_text) {
            Ok(card) => (card, None),
            Err(error) => (Value::Object(Default::default()), Some(error)),
        };
        let card = RwSignal::new(card);
        let issues = Memo::new(move |_| card.with(validate_card));
        let issue_counts = Memo::new(move |_| issues.with(|issues| count_by_section(issues)));
        Self {
            card,
            source: RwSignal::new(initial_text.to_owned()),
            source_revision: RwSignal::new(0),
            parse_error: RwSignal::new(parse_error),
            issues,
            issue_counts,
            reveal_request: RwSignal::new(None),
        }
    }

    /// Makes this state the one components below find with
    /// [`expect_editor_state`].
    pub fn provide(self) -> Self {
        provide_context(self);
        self
    }

    /// Takes the text the user typed: the card follows it when it parses.
    pub fn edit_source(&self, text: String) {
        match parse_json(&text) {
            Ok(card) => {
                self.card.set(card);
                self.parse_error.set(None);
            }
            Err(error) => self.parse_error.set(Some(error)),
        }
        self.source.set(text);
    }

    /// Replaces the source text from outside the text box.
    pub fn replace_source(&self, text: String) {
        self.edit_source(text);
        self.source_revision.update(|revision| *revision += 1);
    }

    /// Rewrites the source as the card, pretty-printed in its own key order.
    /// Does nothing while the text does not parse (it would lose the edits).
    pub fn format_source(&self) {
        if self.parse_error.with_untracked(Option::is_some) {
            return;
        }
        let pretty = self
            .card
            .with_untracked(serde_json::to_string_pretty)
            .expect("a JSON value always serialises");
        self.replace_source(pretty);
    }

    /// The source text; components reading it re-run on every keystroke.
    pub fn source(&self) -> ReadSignal<String> {
        self.source.read_only()
    }

    /// Changes only when the text is replaced from outside the text box.
    pub fn source_revision(&self) -> ReadSignal<u64> {
        self.source_revision.read_only()
    }

    /// Why the source text does not parse, if it does not.
    pub fn parse_error(&self) -> ReadSignal<Option<JsonTextError>> {
        self.parse_error.read_only()
    }

    /// The schema issues of the last card that parsed.
    pub fn issues(&self) -> Memo<Vec<ValidationIssue>> {
        self.issues
    }

    /// How many issues fall in each top-level section of the card.
    pub fn issue_counts_by_section(&self) -> Memo<BTreeMap<String, usize>> {
        self.issue_counts
    }

    /// Asks whichever view shows the card to bring `pointer` into view.
    pub fn reveal(&self, pointer: JsonPointer) {
        self.reveal_request.set(Some(pointer));
    }

    /// The latest request to bring a place of the card into view.
    pub fn reveal_request(&self) -> ReadSignal<Option<JsonPointer>> {
        self.reveal_request.read_only()
    }
}

fn count_by_section(issues: &[ValidationIssue]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for issue in issues {
        if let Some(section) = issue.pointer.first() {
            *counts.entry(section.to_owned()).or_default() += 1;
        }
    }
    counts
}

/// The [`EditorState`] an ancestor provided; panics when there is none,
/// which is a wiring bug, not a run-time condition.
pub fn expect_editor_state() -> EditorState {
    expect_context::<EditorState>()
}
