//! The card being edited, shared by every component: one context handle
//! over the [`CardDocument`] and its undo history, with intent methods
//! (`type_text`, `set`, `insert`, `remove`, `undo`, the source view's
//! text, ...) and fine-grained change notification.
//!
//! Fields do not read a signal holding the whole card (that would re-run
//! every field on every keystroke); each watches its own pointer, and an
//! edit notifies only the watchers at or below what it changed. Validation
//! runs on every change, synchronously, and notifies only the fields whose
//! messages changed.
//!
//! The store holds the card and what follows from it: its findings, the
//! text typed that it cannot hold (entries), the source text waiting to be
//! parsed, and where it departs from (its source, the source's card, its
//! model package), which a draft records. Package metadata stays here
//! rather than in the session because loading a card, restoring a draft
//! and submitting all change it together with the card. Where the views
//! are (mode, reveal, scroll, caret, expanded items, variant stash) is not
//! the card: see [`super::view_state`]. Pure decisions live in the domain:
//! drafts are built by [`Draft::of_card`], messages by field by
//! [`crate::domain::field_messages`]. The clock that times edits is given
//! by whoever makes the store, so the store runs natively in tests.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::document::{CardDocument, Change, Coalesce, Edit, EditError, Move};
use crate::domain::draft_of_card::Departure;
/// The store's loads and drafts carry it, so it is named with the store.
pub use crate::domain::draft_of_card::PackageInfo;
use crate::domain::drafts::{CardSource, Draft, fingerprint};
use crate::domain::entries::{Entries, Entry, EntryKind, ListedEntry, Slot};
use crate::domain::field_messages::{
    MessagesByField, changed_fields, errors_of, messages_by_field, warnings_of,
};
use crate::domain::findings::Findings;
use crate::domain::form::card_form;
use crate::domain::issues::sort_in_form_order;
use crate::domain::json_text::{JsonTextError, TextStyle, parse_json, to_json_text};
use crate::domain::pointer::JsonPointer;
use crate::domain::validation::ValidationIssue;

use super::platform::after_next_paint;
use super::subscriptions::Subscriptions;

/// A card to start editing: where it came from and how it is laid out.
#[derive(Clone, Debug)]
pub struct LoadedCard {
    /// The card.
    pub card: Value,
    /// Its layout.
    pub style: TextStyle,
    /// Where it came from (its drafts are kept under this).
    pub source: CardSource,
    /// Its model package, when known.
    pub package: PackageInfo,
}

/// Whether the schema requires a text field's value, which decides what
/// emptying the field does (see [`CardStore::type_text`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requirement {
    /// The schema requires it: emptied, it keeps "" so the form can ask
    /// for it.
    Required,
    /// The schema does not: emptied, the member goes.
    Optional,
}

impl Requirement {
    /// The requirement a field's `required` attribute says.
    pub fn of(required: bool) -> Self {
        if required {
            Self::Required
        } else {
            Self::Optional
        }
    }
}

/// Where a change came from, which decides whether the source view's text
/// survives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChangeFrom {
    /// The source view's text, parsed: the text stays as typed.
    SourceText,
    /// Anything else (the form, undo, a merge, a load): the source view's
    /// text is written afresh from the card.
    Elsewhere,
}

/// The JSON source text when the user typed it (it may not parse).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceDraft {
    /// The text as typed.
    pub text: String,
    /// The document revision the text belongs to: once the document moves
    /// on (an edit in the form, an undo), the text is stale.
    pub revision: u64,
    /// Why the text does not parse, if it does not.
    pub error: Option<JsonTextError>,
}

struct Inner {
    document: CardDocument,
    style: TextStyle,
    values: Subscriptions,
    messages: Subscriptions,
    /// The card's errors and warnings, revised after every change.
    findings: Findings,
    /// Text typed into controls that the card does not hold.
    entries: Entries,
    /// Errors and warnings by the pointer of the field that shows them.
    field_messages: MessagesByField,
    /// The card as its source gave it, and its fingerprint.
    source_card: Value,
    source_fingerprint: String,
    /// Milliseconds since the epoch, for grouping keystrokes into undo
    /// steps; given by whoever makes the store (the browser's clock, or a
    /// test's).
    clock: Box<dyn Fn() -> f64>,
}

/// The shared handle; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct CardStore {
    inner: StoredValue<Inner, LocalStorage>,
    /// Text typed in the source view and not parsed yet (see
    /// [`CardStore::type_source`]).
    source_pending: StoredValue<Option<String>>,
    revision: RwSignal<u64>,
    issues: RwSignal<Arc<Vec<ValidationIssue>>>,
    warnings: RwSignal<Arc<Vec<ValidationIssue>>>,
    entries: RwSignal<Arc<Vec<ListedEntry>>>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
    source_draft: RwSignal<Option<SourceDraft>>,
    last_error: RwSignal<Option<String>>,
    source: RwSignal<CardSource>,
    package: RwSignal<PackageInfo>,
}

impl CardStore {
    /// A store editing `card`, saved later in `style`, telling the time of
    /// edits by `clock` (milliseconds since the epoch).
    pub fn new(card: Value, style: TextStyle, clock: impl Fn() -> f64 + 'static) -> Self {
        let source_fingerprint = fingerprint(&card);
        let source_card = card.clone();
        let document = CardDocument::new(card);
        let findings = Findings::of(document.root(), document.content_length());
        let issues = findings.errors().to_vec();
        let warnings = findings.warnings();
        let field_messages = messages_by_field(&issues, &warnings);
        Self {
            inner: StoredValue::new_local(Inner {
                document,
                findings,
                entries: Entries::default(),
                style,
                values: Subscriptions::default(),
                messages: Subscriptions::default(),
                field_messages,
                source_card,
                source_fingerprint,
                clock: Box::new(clock),
            }),
            source_pending: StoredValue::new(None),
            revision: RwSignal::new(0),
            issues: RwSignal::new(Arc::new(issues)),
            warnings: RwSignal::new(Arc::new(warnings)),
            entries: RwSignal::new(Arc::new(Vec::new())),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            source_draft: RwSignal::new(None),
            last_error: RwSignal::new(None),
            source: RwSignal::new(CardSource::Scratch),
            package: RwSignal::new(PackageInfo::default()),
        }
    }

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

    /// Replaces the whole card as one undoable step (a merge applied).
    pub fn replace_card(&self, card: Value) {
        self.commit_source();
        let change = self.inner.try_update_value(|inner| {
            inner
                .document
                .replace_root(card, Coalesce::Never, (inner.clock)())
        });
        if let Some(Some(change)) = change {
            self.after_change(change, ChangeFrom::Elsewhere);
        }
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

    /// A store for a card given as JSON text, which may be broken: then the
    /// card starts empty and the source view shows the text and its error.
    pub fn from_text(text: &str, clock: impl Fn() -> f64 + 'static) -> Self {
        match parse_json(text) {
            Ok(card) => Self::new(card, TextStyle::detect(text), clock),
            Err(error) => {
                let empty = Value::Object(Default::default());
                let store = Self::new(empty, TextStyle::standard(), clock);
                store.hold_source_error(&error);
                store.source_draft.set(Some(SourceDraft {
                    text: text.to_owned(),
                    revision: 0,
                    error: Some(error),
                }));
                store
            }
        }
    }

    /// Makes this store the one components below find with [`expect_store`].
    pub fn provide(self) -> Self {
        provide_context(self);
        self
    }

    // ---- reading -------------------------------------------------------

    /// Registers the calling component as a watcher of `pointer`'s value,
    /// for as long as it is mounted; track the returned trigger in a
    /// reactive closure, then read with [`CardStore::read`].
    pub fn watch_value(&self, pointer: &JsonPointer) -> ArcTrigger {
        let key = pointer.to_string();
        let trigger = self
            .inner
            .try_update_value(|inner| inner.values.watch(&key));
        let inner = self.inner;
        on_cleanup(move || {
            inner.try_update_value(|inner| inner.values.unwatch(&key));
        });
        trigger.unwrap_or_default()
    }

    /// Registers a watcher of the messages shown on the field at `pointer`.
    pub fn watch_messages(&self, pointer: &JsonPointer) -> ArcTrigger {
        let key = pointer.to_string();
        let trigger = self
            .inner
            .try_update_value(|inner| inner.messages.watch(&key));
        let inner = self.inner;
        on_cleanup(move || {
            inner.try_update_value(|inner| inner.messages.unwatch(&key));
        });
        trigger.unwrap_or_default()
    }

    /// Reads the value at `pointer` without tracking anything.
    pub fn read<R>(&self, pointer: &JsonPointer, read: impl FnOnce(Option<&Value>) -> R) -> R {
        self.commit_source();
        self.inner
            .with_value(|inner| read(inner.document.get(pointer)))
    }

    /// A copy of the value at `pointer`, untracked.
    pub fn value(&self, pointer: &JsonPointer) -> Option<Value> {
        self.read(pointer, |value| value.cloned())
    }

    /// The errors shown on the field at `pointer`, untracked.
    pub fn messages(&self, pointer: &JsonPointer) -> Vec<String> {
        self.commit_source();
        self.inner
            .with_value(|inner| errors_of(&inner.field_messages, pointer))
    }

    /// The lint warnings shown on the field at `pointer`, untracked.
    pub fn warnings(&self, pointer: &JsonPointer) -> Vec<String> {
        self.commit_source();
        self.inner
            .with_value(|inner| warnings_of(&inner.field_messages, pointer))
    }

    /// The whole card as JSON text, laid out as it was loaded.
    pub fn card_text(&self) -> String {
        self.commit_source();
        self.inner
            .with_value(|inner| to_json_text(inner.document.root(), &inner.style))
    }

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

    /// Runs `read` on the whole card, untracked.
    pub fn with_card<R>(&self, read: impl FnOnce(&Value) -> R) -> R {
        self.commit_source();
        self.inner.with_value(|inner| read(inner.document.root()))
    }

    /// Changes on every edit, undo and redo.
    pub fn revision(&self) -> ReadSignal<u64> {
        self.revision.read_only()
    }

    /// The card's schema issues; changes only when they do.
    pub fn issues(&self) -> ReadSignal<Arc<Vec<ValidationIssue>>> {
        self.issues.read_only()
    }

    /// The card's lint warnings; changes only when they do.
    pub fn lint_warnings(&self) -> ReadSignal<Arc<Vec<ValidationIssue>>> {
        self.warnings.read_only()
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> ReadSignal<bool> {
        self.can_undo.read_only()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> ReadSignal<bool> {
        self.can_redo.read_only()
    }

    /// The last edit the document refused, said for people.
    pub fn last_error(&self) -> ReadSignal<Option<String>> {
        self.last_error.read_only()
    }

    // ---- editing -------------------------------------------------------

    /// Applies `edit`; on success notifies what it changed and revalidates.
    pub fn edit(&self, edit: Edit, coalesce: Coalesce) -> Result<(), EditError> {
        self.commit_source();
        let result = self
            .inner
            .try_update_value(|inner| inner.document.apply(edit, coalesce, (inner.clock)()));
        match result {
            Some(Ok(change)) => {
                self.after_change(change, ChangeFrom::Elsewhere);
                Ok(())
            }
            Some(Err(error)) => {
                self.last_error.set(Some(error.to_string()));
                Err(error)
            }
            None => Ok(()),
        }
    }

    /// Applies an edit the user asked for by a button; a refusal is shown
    /// in the status line rather than returned.
    pub fn command(&self, edit: Edit) {
        let _ = self.edit(edit, Coalesce::Never);
    }

    /// Sets the value at `pointer` as typing does (consecutive keystrokes
    /// are one undo step).
    pub fn type_value(&self, pointer: &JsonPointer, value: Value) {
        let _ = self.edit(
            Edit::Set {
                pointer: pointer.clone(),
                value,
            },
            Coalesce::Typing,
        );
    }

    /// Sets a text field. Emptying an optional member of an object removes
    /// it (the card says nothing rather than saying ""); a required one, or
    /// an item of a list, keeps "" so the form can ask for it.
    pub fn type_text(&self, pointer: &JsonPointer, text: String, requirement: Requirement) {
        let is_member = self.parent_is_object(pointer);
        if text.is_empty() && requirement == Requirement::Optional && is_member {
            if self.read(pointer, |value| value.is_some()) {
                let _ = self.edit(
                    Edit::Remove {
                        pointer: pointer.clone(),
                    },
                    Coalesce::Typing,
                );
            }
            return;
        }
        self.type_value(pointer, Value::String(text));
    }

    /// Sets the value at `pointer` as one undo step.
    pub fn set(&self, pointer: &JsonPointer, value: Value) {
        self.command(Edit::Set {
            pointer: pointer.clone(),
            value,
        });
    }

    /// Inserts `value` into the array at `array` before `index`, as one undo
    /// step; an array (or the objects above it) that does not exist yet is
    /// created, so "Add" works on an empty card.
    pub fn insert(&self, array: &JsonPointer, index: usize, value: Value) {
        if self.read(array, |current| current.is_some()) {
            self.command(Edit::Insert {
                array: array.clone(),
                index,
                value,
            });
        } else {
            self.set(array, Value::Array(vec![value]));
        }
    }

    /// Removes the member or element at `pointer` as one undo step.
    pub fn remove(&self, pointer: &JsonPointer) {
        self.command(Edit::Remove {
            pointer: pointer.clone(),
        });
    }

    /// Undoes the last step.
    pub fn undo(&self) {
        self.commit_source();
        if let Some(Some(change)) = self.inner.try_update_value(|inner| inner.document.undo()) {
            self.after_change(change, ChangeFrom::Elsewhere);
        }
    }

    /// Redoes the last undone step.
    pub fn redo(&self) {
        self.commit_source();
        if let Some(Some(change)) = self.inner.try_update_value(|inner| inner.document.redo()) {
            self.after_change(change, ChangeFrom::Elsewhere);
        }
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
    fn hold_source_error(&self, error: &JsonTextError) {
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

    fn parent_is_object(&self, pointer: &JsonPointer) -> bool {
        match pointer.parent() {
            Some(parent) => self.read(&parent, |value| !matches!(value, Some(Value::Array(_)))),
            None => false,
        }
    }

    /// Notifies what `change` covers, revalidates, brings the typed entries
    /// along, and updates the signals that summarise the card.
    fn after_change(&self, change: Change, from: ChangeFrom) {
        let notify = self.inner.try_update_value(|inner| {
            let mut triggers = inner.values.at_or_below(&change.scope.to_string());
            let document = &inner.document;
            let findings_changed = if change.scope.is_root() {
                inner.findings = Findings::of(document.root(), document.content_length());
                true
            } else {
                inner
                    .findings
                    .revise(document.root(), &change.scope, document.content_length())
            };
            let mut entries_changed = inner.entries.follow(&change, document.root());
            // An edit elsewhere rewrites the source view's text (see
            // `source_draft`), so text that did not parse is gone with it.
            if from == ChangeFrom::Elsewhere {
                entries_changed |= inner.entries.remove(Slot::Source, &JsonPointer::root());
            }
            // Typing that fixes or breaks nothing leaves every message as it is.
            let summary =
                (findings_changed || entries_changed).then(|| inner.summarise(&mut triggers));
            (
                triggers,
                summary,
                inner.document.can_undo(),
                inner.document.can_redo(),
                inner.document.revision(),
            )
        });
        let Some((triggers, summary, can_undo, can_redo, revision)) = notify else {
            return;
        };
        self.publish(triggers, summary);
        if self.can_undo.get_untracked() != can_undo {
            self.can_undo.set(can_undo);
        }
        if self.can_redo.get_untracked() != can_redo {
            self.can_redo.set(can_redo);
        }
        if from == ChangeFrom::Elsewhere && self.source_draft.with_untracked(Option::is_some) {
            self.source_draft.set(None);
        }
        if self.last_error.with_untracked(Option::is_some) {
            self.last_error.set(None);
        }
        self.revision.set(revision);
    }

    /// Notifies the fields whose messages changed, and updates the summary
    /// signals that differ.
    fn publish(&self, triggers: Vec<ArcTrigger>, summary: Option<Summary>) {
        for trigger in triggers {
            trigger.notify();
        }
        let Some(summary) = summary else {
            return;
        };
        if self
            .issues
            .with_untracked(|current| **current != summary.issues)
        {
            self.issues.set(Arc::new(summary.issues));
        }
        if self
            .warnings
            .with_untracked(|current| **current != summary.warnings)
        {
            self.warnings.set(Arc::new(summary.warnings));
        }
        if self
            .entries
            .with_untracked(|current| **current != summary.entries)
        {
            self.entries.set(Arc::new(summary.entries));
        }
    }

    /// Changes the typed entries with `change` (which says whether it
    /// changed anything), then re-summarises and notifies.
    fn update_entries(&self, change: impl FnOnce(&mut Entries) -> bool) {
        let result = self.inner.try_update_value(|inner| {
            if !change(&mut inner.entries) {
                return None;
            }
            let mut triggers = Vec::new();
            let summary = inner.summarise(&mut triggers);
            Some((triggers, summary))
        });
        if let Some(Some((triggers, summary))) = result {
            self.publish(triggers, Some(summary));
        }
    }

    // ---- text the card does not hold ------------------------------------

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

/// What the views show of the card's problems after a change.
struct Summary {
    /// Schema errors and typed entries, in form order.
    issues: Vec<ValidationIssue>,
    warnings: Vec<ValidationIssue>,
    entries: Vec<ListedEntry>,
}

impl Inner {
    /// The card's problems as the views show them, notifying (into
    /// `triggers`) the fields whose messages changed.
    fn summarise(&mut self, triggers: &mut Vec<ArcTrigger>) -> Summary {
        let card = self.document.root();
        let entries = self.entries.listed(&card_form().root, card);
        let mut issues = self.findings.errors().to_vec();
        // A value box's text is said on its field; a key box says its own.
        issues.extend(
            entries
                .iter()
                .filter(|listed| listed.entry.kind.slot() == Slot::Value)
                .map(|listed| listed.issue.clone()),
        );
        let warnings = self.findings.warnings();
        let field_messages = messages_by_field(&issues, &warnings);
        for key in changed_fields(&self.field_messages, &field_messages) {
            triggers.extend(self.messages.at(&key));
        }
        self.field_messages = field_messages;
        issues.extend(
            entries
                .iter()
                .filter(|listed| listed.entry.kind.slot() != Slot::Value)
                .map(|listed| listed.issue.clone()),
        );
        if !entries.is_empty() {
            sort_in_form_order(&card_form().root, card, &mut issues);
        }
        Summary {
            issues,
            warnings,
            entries,
        }
    }
}

/// The [`CardStore`] an ancestor provided; panics when there is none, which
/// is a wiring bug, not a run-time condition.
pub fn expect_store() -> CardStore {
    expect_context::<CardStore>()
}
