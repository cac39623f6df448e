//! What follows a change of the card: the watchers of what changed are
//! notified, the findings revised, the typed entries brought along, and
//! the signals that summarise the card (issues, warnings, entries, undo
//! and redo) updated only where they differ, so typing that fixes or
//! breaks nothing re-renders nothing but its own field.

use std::sync::Arc;

use leptos::prelude::*;

use super::{CardStore, ChangeFrom, Inner};
use crate::domain::document::Change;
use crate::domain::entries::{Entries, ListedEntry, Slot};
use crate::domain::field_messages::{changed_fields, messages_by_field};
use crate::domain::findings::Findings;
use crate::domain::form::card_form;
use crate::domain::issues::sort_in_form_order;
use crate::domain::pointer::JsonPointer;
use crate::domain::validation::ValidationIssue;

impl CardStore {
    /// Notifies what `change` covers, revalidates, brings the typed entries
    /// along, and updates the signals that summarise the card.
    pub(super) fn after_change(&self, change: Change, from: ChangeFrom) {
        let notify = self.inner.try_update_value(|inner| {
            let scope = change.scope.to_string();
            let mut triggers = inner.values.at_or_below(&scope);
            triggers.extend(inner.subtrees.along(&scope));
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
    pub(super) fn update_entries(&self, change: impl FnOnce(&mut Entries) -> bool) {
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
