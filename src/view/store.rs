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
//! drafts are built by [`crate::domain::drafts::Draft::of_card`], the
//! messages by field by [`crate::domain::field_messages`]. The clock that
//! times edits is given by whoever makes the store, so the store runs
//! natively in tests (`tests/store.rs`). The methods are grouped by
//! concern in `store/`: the card's origin and drafts, the source view's
//! text, text the card cannot hold, and what follows a change.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::document::{CardDocument, Coalesce, Edit, EditError};
/// The store's loads and drafts carry it, so it is named with the store.
pub use crate::domain::draft_of_card::PackageInfo;
use crate::domain::drafts::{CardSource, fingerprint};
use crate::domain::entries::{Entries, ListedEntry};
use crate::domain::field_messages::{MessagesByField, errors_of, messages_by_field, warnings_of};
use crate::domain::findings::Findings;
use crate::domain::json_text::{JsonTextError, TextStyle, parse_json, to_json_text};
use crate::domain::pointer::JsonPointer;
use crate::domain::validation::ValidationIssue;

use super::subscriptions::Subscriptions;

mod entries;
mod origin;
mod source_text;
mod summary;

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
    /// Watchers of whole subtrees (charts), told of changes below them too.
    subtrees: Subscriptions,
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
                subtrees: Subscriptions::default(),
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
        self.watch_in(pointer, |inner| &mut inner.values)
    }

    /// Registers the calling component as a watcher of everything at and
    /// below `pointer` (a chart of a whole metric): an edit of any of its
    /// cells, or of anything above it, notifies it; an edit elsewhere does
    /// not.
    pub fn watch_subtree(&self, pointer: &JsonPointer) -> ArcTrigger {
        self.watch_in(pointer, |inner| &mut inner.subtrees)
    }

    /// Registers a watcher of the messages shown on the field at `pointer`.
    pub fn watch_messages(&self, pointer: &JsonPointer) -> ArcTrigger {
        self.watch_in(pointer, |inner| &mut inner.messages)
    }

    /// Registers a watcher of `pointer` in the subscriptions `which` picks,
    /// unregistered when the calling component unmounts.
    fn watch_in(
        &self,
        pointer: &JsonPointer,
        which: fn(&mut Inner) -> &mut Subscriptions,
    ) -> ArcTrigger {
        let key = pointer.to_string();
        let trigger = self
            .inner
            .try_update_value(|inner| which(inner).watch(&key));
        let inner = self.inner;
        on_cleanup(move || {
            inner.try_update_value(|inner| which(inner).unwatch(&key));
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

    fn parent_is_object(&self, pointer: &JsonPointer) -> bool {
        match pointer.parent() {
            Some(parent) => self.read(&parent, |value| !matches!(value, Some(Value::Array(_)))),
            None => false,
        }
    }
}

/// The [`CardStore`] an ancestor provided; panics when there is none, which
/// is a wiring bug, not a run-time condition.
pub fn expect_store() -> CardStore {
    expect_context::<CardStore>()
}
