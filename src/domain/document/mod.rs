//! The card document: one JSON value edited by JSON Pointer, with undo/redo.
//!
//! Every way the app changes a card (a form field, a list button, the JSON
//! source) goes through [`CardDocument`], so there is one history and one
//! notion of "what changed" ([`Change`]) for the views to re-render by.
//!
//! Each edit becomes one primitive operation whose application returns its
//! exact inverse, positions included (a removed member goes back where it
//! was), so undo and redo are mirror images and round trips are exact, down
//! to the order of object keys. Nothing here reads a clock: callers pass
//! times in milliseconds.

use std::collections::VecDeque;

use serde_json::Value;

use super::json_text::compact_char_len;
use super::pointer::{JsonPointer, child_value as child};

mod diff;
mod edit;
mod history;
mod lookup;
mod moves;
mod ops;
mod plan;

pub use diff::diff_scope;
pub use edit::{Edit, EditError};
pub use history::HistorySnapshot;
pub use moves::{Move, Whereabouts, follow_all};

use diff::common_ancestor;
use history::{Step, history_fits};
use lookup::lookup_mut;
use ops::{Op, apply_op, invert_ops};
use plan::plan;

/// How long a pause ends a run of typing, so the next keystroke starts a new
/// undo step: one undo reverts a burst of typing, not a single character.
pub const TYPING_PAUSE_MS: f64 = 1000.0;

/// Undo steps kept at most, so a long session cannot grow without bound.
const MAX_STEPS: usize = 500;

/// Approximate bytes of old values the history may retain before the oldest
/// steps are dropped: whole-card replacements of a large card add up fast.
const MAX_RETAINED_BYTES: usize = 64 * 1024 * 1024;

/// What an edit, undo or redo changed: every value that may differ lies at
/// or below `scope`. Views re-render subscribers at or below `scope` only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The deepest pointer covering everything that changed. Adding,
    /// removing, moving or renaming an entry changes its container, so the
    /// scope is then the container.
    pub scope: JsonPointer,
    /// How places moved or were replaced, in the order applied (empty for
    /// an edit that changed nothing).
    pub moves: Vec<Move>,
}

impl Change {
    /// Where `pointer` is after this change.
    pub fn follow(&self, pointer: &JsonPointer) -> Whereabouts {
        follow_all(&self.moves, pointer)
    }
}

/// How an edit joins the undo history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coalesce {
    /// A step of its own: buttons, drags, pastes.
    Never,
    /// Typing: merges into the previous step when that was also typing at the
    /// same pointer, less than [`TYPING_PAUSE_MS`] after it, and nothing was
    /// undone in between.
    Typing,
}

/// The card being edited, with its undo and redo history.
///
/// Views never mutate the value directly: they send an [`Edit`] and
/// re-render what the returned [`Change`] covers.
#[derive(Clone, Debug)]
pub struct CardDocument {
    root: Value,
    /// Oldest step first; undo pops from the back, bounds drop from the front.
    undo: VecDeque<Step>,
    /// Next step to redo last.
    redo: Vec<Step>,
    /// Sum of `Step::bytes` over both stacks.
    retained_bytes: usize,
    /// Where and when the last typing edit happened, while the top undo step
    /// may still absorb more typing.
    last_typing: Option<(JsonPointer, f64)>,
    revision: u64,
    max_steps: usize,
    max_bytes: usize,
    /// The card's length as compact JSON text, in characters, kept current
    /// by measuring only what each change touched.
    content_length: usize,
}

impl CardDocument {
    /// Starts editing a card with an empty history: loading a card is not an
    /// undoable step.
    pub fn new(root: Value) -> Self {
        Self::with_limits(root, MAX_STEPS, MAX_RETAINED_BYTES)
    }

    /// Lets tests exercise the history bounds without megabytes of data.
    fn with_limits(root: Value, max_steps: usize, max_bytes: usize) -> Self {
        Self {
            content_length: compact_char_len(&root),
            root,
            undo: VecDeque::new(),
            redo: Vec::new(),
            retained_bytes: 0,
            last_typing: None,
            revision: 0,
            max_steps,
            max_bytes,
        }
    }

    /// The whole card, for serialising, validating and rendering.
    pub fn root(&self) -> &Value {
        &self.root
    }

    /// The value a field shows. The token "3" indexes arrays; "03" and "-"
    /// do not, as RFC 6901 says, so a pointer names at most one value.
    pub fn get(&self, pointer: &JsonPointer) -> Option<&Value> {
        pointer
            .tokens()
            .iter()
            .try_fold(&self.root, |value, token| child(value, token))
    }

    /// Applies an edit and records how to undo it. On error the document and
    /// history are unchanged. An edit that would change nothing (setting an
    /// equal value, moving an element onto itself, renaming a key to itself)
    /// returns its scope but records no step, so undo never does nothing.
    pub fn apply(
        &mut self,
        edit: Edit,
        coalesce: Coalesce,
        now_ms: f64,
    ) -> Result<Change, EditError> {
        let plan = plan(&self.root, edit)?;
        let scope = plan.op.scope();
        if plan.no_op {
            return Ok(Change {
                scope,
                moves: Vec::new(),
            });
        }
        let moves = vec![Move::of(&plan.op)];
        let before = self.length_at(&scope);
        let inverse = apply_op(&mut self.root, plan.op)?;
        self.relength(&scope, before);
        self.record(
            inverse,
            scope.clone(),
            coalesce,
            plan.typing_before,
            plan.typing_after,
            now_ms,
        );
        Ok(Change { scope, moves })
    }

    /// Replaces the whole value (e.g. the user edited the JSON source) as ONE
    /// undo step, recording only the smallest subtree that differs: returns
    /// None (and records nothing) when equal.
    pub fn replace_root(
        &mut self,
        mut new_root: Value,
        coalesce: Coalesce,
        now_ms: f64,
    ) -> Option<Change> {
        let scope = diff_scope(&self.root, &new_root)?;
        // diff_scope only descends into members and elements both values
        // have, so the scope exists in `new_root` and in the document.
        let value = lookup_mut(&mut new_root, &scope).map(Value::take).ok()?;
        let op = Op::Replace {
            pointer: scope.clone(),
            value,
        };
        let before = self.length_at(&scope);
        let inverse = apply_op(&mut self.root, op).ok()?;
        self.relength(&scope, before);
        self.record(
            inverse,
            scope.clone(),
            coalesce,
            JsonPointer::root(),
            JsonPointer::root(),
            now_ms,
        );
        Some(Change {
            moves: vec![Move::Replaced(scope.clone())],
            scope,
        })
    }

    /// Reverts the latest step; None when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Change> {
        let step = self.undo.pop_back()?;
        let (inverted, change) = self.cross(step)?;
        self.redo.push(inverted);
        self.revision += 1;
        self.enforce_bounds();
        Some(change)
    }

    /// Re-applies the latest undone step; None when there is nothing to redo
    /// (nothing was undone, or an edit came after the undo).
    pub fn redo(&mut self) -> Option<Change> {
        let step = self.redo.pop()?;
        let (inverted, change) = self.cross(step)?;
        self.undo.push_back(inverted);
        self.revision += 1;
        self.enforce_bounds();
        Some(change)
    }

    /// Moves the document across `step`, taken off one of the stacks: the
    /// step that moves it back, for the other stack, and what changed.
    fn cross(&mut self, step: Step) -> Option<(Step, Change)> {
        self.retained_bytes -= step.bytes;
        self.last_typing = None;
        let scope = step.scope.clone();
        // A step's operations are applied newest first.
        let moves = step.ops.iter().rev().map(Move::of).collect();
        let before = self.length_at(&scope);
        let inverted = self.invert(step);
        self.relength(&scope, before);
        let inverted = inverted?;
        self.retained_bytes += inverted.bytes;
        Some((inverted, Change { scope, moves }))
    }

    /// The newest undo and redo steps whose retained size fits
    /// `max_bytes`, for a draft to store.
    pub fn history_snapshot(&self, max_bytes: usize) -> HistorySnapshot {
        let mut budget = max_bytes;
        let mut take = |steps: &mut dyn Iterator<Item = &Step>| -> Vec<Step> {
            let mut kept = Vec::new();
            for step in steps {
                if step.bytes > budget {
                    break;
                }
                budget -= step.bytes;
                kept.push(step.clone());
            }
            kept
        };
        // Newest first while choosing, oldest first when stored.
        let mut redo = take(&mut self.redo.iter().rev());
        redo.reverse();
        let mut undo = take(&mut self.undo.iter().rev());
        undo.reverse();
        HistorySnapshot { undo, redo }
    }

    /// A document with a stored history. The history is replayed on a copy
    /// first (all the way back, then forward again); if it does not fit the
    /// value exactly, it is dropped and the document starts with none, so a
    /// stale or tampered draft can never corrupt the card.
    pub fn with_history(root: Value, history: HistorySnapshot) -> Self {
        let mut document = Self::new(root);
        if history_fits(&document.root, &history) {
            document.retained_bytes = history
                .undo
                .iter()
                .chain(&history.redo)
                .map(|step| step.bytes)
                .sum();
            document.undo = history.undo.into();
            document.redo = history.redo;
            document.enforce_bounds();
        }
        document
    }

    /// Whether the Undo button should be enabled.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether the Redo button should be enabled.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Bumped by every change (edit, undo, redo); lets views and caches tell
    /// whether anything changed.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The card's length as the service counts it: characters of compact
    /// JSON text (MC007 warns past the limit).
    pub fn content_length(&self) -> usize {
        self.content_length
    }

    fn length_at(&self, scope: &JsonPointer) -> Option<usize> {
        self.get(scope).map(compact_char_len)
    }

    /// Updates the length after a change within `scope`, which measured
    /// `before` characters; measures everything when the scope did not
    /// exist before or after.
    fn relength(&mut self, scope: &JsonPointer, before: Option<usize>) {
        self.content_length = match (before, self.length_at(scope)) {
            (Some(before), Some(after)) => self.content_length + after - before,
            _ => compact_char_len(&self.root),
        };
    }

    /// Applies a step's operations and returns the step that reverses them.
    /// The history always matches the document, so this cannot fail; if it
    /// ever did, the document is left as it was and the history, being out
    /// of step with it, is discarded rather than trusted.
    fn invert(&mut self, step: Step) -> Option<Step> {
        match invert_ops(&mut self.root, step.ops) {
            Ok(ops) => Some(Step::new(ops, step.scope)),
            Err(error) => {
                debug_assert!(false, "history out of step with the document: {error}");
                self.undo.clear();
                self.redo.clear();
                self.retained_bytes = 0;
                None
            }
        }
    }

    /// Records the inverse of an applied edit, merging typing into the
    /// previous step when it continues it.
    fn record(
        &mut self,
        inverse: Op,
        scope: JsonPointer,
        coalesce: Coalesce,
        typing_before: JsonPointer,
        typing_after: JsonPointer,
        now_ms: f64,
    ) {
        for step in self.redo.drain(..) {
            self.retained_bytes -= step.bytes;
        }
        let continues_typing = coalesce == Coalesce::Typing
            && self.last_typing.as_ref().is_some_and(|(pointer, at)| {
                *pointer == typing_before && (0.0..TYPING_PAUSE_MS).contains(&(now_ms - at))
            });
        match self.undo.back_mut() {
            Some(top) if continues_typing => {
                top.scope = common_ancestor(&top.scope, &scope);
                // Undo applies the newest inverse first; when the step's
                // older inverse overwrites that place anyway, the newer one
                // is dead weight (a burst of typing keeps one old value).
                if !top.ops.last().is_some_and(|last| last.overwrites(&inverse)) {
                    let bytes = inverse.approx_bytes();
                    top.bytes += bytes;
                    self.retained_bytes += bytes;
                    top.ops.push(inverse);
                }
            }
            _ => {
                let step = Step::new(vec![inverse], scope);
                self.retained_bytes += step.bytes;
                self.undo.push_back(step);
            }
        }
        self.last_typing = match coalesce {
            Coalesce::Typing => Some((typing_after, now_ms)),
            Coalesce::Never => None,
        };
        self.revision += 1;
        self.enforce_bounds();
    }

    /// Drops the oldest undo steps (then the furthest redo steps) until the
    /// history is within its step count and byte budget.
    fn enforce_bounds(&mut self) {
        while self.undo.len() > self.max_steps {
            self.drop_oldest_undo();
        }
        while self.retained_bytes > self.max_bytes {
            if !self.undo.is_empty() {
                self.drop_oldest_undo();
            } else if !self.redo.is_empty() {
                let step = self.redo.remove(0);
                self.retained_bytes -= step.bytes;
            } else {
                break;
            }
        }
    }

    fn drop_oldest_undo(&mut self) {
        if let Some(step) = self.undo.pop_front() {
            self.retained_bytes -= step.bytes;
        }
        if self.undo.is_empty() {
            self.last_typing = None;
        }
    }
}
#[cfg(test)]
mod tests {
    use super::ops::approx_size;
    use super::*;
    use crate::domain::json_text::{TextStyle, to_json_text};
    use serde_json::json;

    fn ptr(text: &str) -> JsonPointer {
        JsonPointer::parse(text).unwrap()
    }

    fn set(pointer: &str, value: Value) -> Edit {
        Edit::Set {
            pointer: ptr(pointer),
            value,
        }
    }

    fn text(doc: &CardDocument) -> String {
        serde_json::to_string(doc.root()).unwrap()
    }

    /// Undo steps, counted by undoing them all.
    fn undo_all(doc: &mut CardDocument) -> usize {
        let mut steps = 0;
        while doc.undo().is_some() {
            steps += 1;
        }
        steps
    }

    #[test]
    fn set_creates_missing_parent_objects_and_undo_removes_exactly_them() {
        let original = json!({"model_overview": {"model_name": "m"}, "z": 1});
        let mut doc = CardDocument::new(original.clone());
        let change = doc
            .apply(
                set("/model_overview/x/y/z", json!("deep")),
                Coalesce::Never,
                0.0,
            )
            .unwrap();
        assert_eq!(change.scope, ptr("/model_overview"));
        assert_eq!(doc.get(&ptr("/model_overview/x/y/z")), Some(&json!("deep")));
        assert_eq!(
            doc.undo().map(|change| change.scope),
            Some(ptr("/model_overview"))
        );
        assert_eq!(doc.root(), &original);
        assert_eq!(text(&doc), serde_json::to_string(&original).unwrap());
        assert!(doc.redo().is_some());
        assert_eq!(doc.get(&ptr("/model_overview/x/y/z")), Some(&json!("deep")));
    }

    #[test]
    fn set_through_a_missing_array_element_is_an_error_but_len_appends() {
        let mut doc = CardDocument::new(json!({"a": [1]}));
        assert_eq!(
            doc.apply(set("/a/1/x", json!(2)), Coalesce::Never, 0.0),
            Err(EditError::IndexOutOfRange {
                array: ptr("/a"),
                index: 1,
                len: 1
            })
        );
        assert_eq!(
            doc.apply(set("/a/-", json!(2)), Coalesce::Never, 0.0),
            Err(EditError::NotFound(ptr("/a/-")))
        );
        assert!(!doc.can_undo());
        let change = doc
            .apply(set("/a/1", json!(2)), Coalesce::Never, 0.0)
            .unwrap();
        assert_eq!(change.scope, ptr("/a"));
        assert_eq!(doc.root(), &json!({"a": [1, 2]}));
        assert_eq!(
            doc.apply(set("/a/0/x", json!(2)), Coalesce::Never, 0.0),
            Err(EditError::NotAContainer(ptr("/a/0")))
        );
    }

    #[test]
    fn set_on_an_existing_member_keeps_its_position() {
        let mut doc = CardDocument::new(json!({"a": 1, "b": 2, "c": 3}));
        let change = doc
            .apply(set("/b", json!("two")), Coalesce::Never, 0.0)
            .unwrap();
        assert_eq!(change.scope, ptr("/b"));
        assert_eq!(text(&doc), r#"{"a":1,"b":"two","c":3}"#);
        doc.undo();
        assert_eq!(text(&doc), r#"{"a":1,"b":2,"c":3}"#);
    }

    #[test]
    fn setting_the_root_replaces_the_document() {
        let mut doc = CardDocument::new(json!({"a": 1}));
        doc.apply(set("", json!([1])), Coalesce::Never, 0.0)
            .unwrap();
        assert_eq!(doc.root(), &json!([1]));
        doc.undo();
        assert_eq!(doc.root(), &json!({"a": 1}));
    }

    #[test]
    fn remove_then_undo_puts_the_member_back_at_its_position() {
        let mut doc = CardDocument::new(json!({"a": 1, "b": {"x": [1]}, "c": 3}));
        let change = doc
            .apply(Edit::Remove { pointer: ptr("/b") }, Coalesce::Never, 0.0)
            .unwrap();
        assert_eq!(change.scope, ptr(""));
        assert_eq!(text(&doc), r#"{"a":1,"c":3}"#);
        doc.undo();
        assert_eq!(text(&doc), r#"{"a":1,"b":{"x":[1]},"c":3}"#);
        doc.redo();
        assert_eq!(text(&doc), r#"{"a":1,"c":3}"#);
        doc.undo();
        assert_eq!(text(&doc), r#"{"a":1,"b":{"x":[1]},"c":3}"#);
    }

    #[test]
    fn removing_the_root_or_a_missing_member_is_an_error() {
        let mut doc = CardDocument::new(json!({"a": 1}));
        let remove = |p: &str| Edit::Remove { pointer: ptr(p) };
        assert_eq!(
            doc.apply(remove(""), Coalesce::Never, 0.0),
            Err(EditError::RootCannotBeRemoved)
        );
        assert_eq!(
            doc.apply(remove("/b"), Coalesce::Never, 0.0),
            Err(EditError::NotFound(ptr("/b")))
        );
        assert_eq!(
            doc.apply(remove("/a/b"), Coalesce::Never, 0.0),
            Err(EditError::NotAContainer(ptr("/a")))
        );
        assert_eq!(doc.revision(), 0);
    }

    #[test]
    fn array_insert_remove_move_round_trip_through_undo_and_redo() {
        let original = json!({"list": ["a", "b", "c"]});
        let mut doc = CardDocument::new(original.clone());
        let list = ptr("/list");
        let insert = Edit::Insert {
            array: list.clone(),
            index: 1,
            value: json!("new"),
        };
        assert_eq!(doc.apply(insert, Coalesce::Never, 0.0).unwrap().scope, list);
        assert_eq!(doc.root(), &json!({"list": ["a", "new", "b", "c"]}));
        let append = Edit::Insert {
            array: list.clone(),
            index: 4,
            value: json!("end"),
        };
        doc.apply(append, Coalesce::Never, 0.0).unwrap();
        let remove = Edit::Remove {
            pointer: ptr("/list/0"),
        };
        doc.apply(remove, Coalesce::Never, 0.0).unwrap();
        assert_eq!(doc.root(), &json!({"list": ["new", "b", "c", "end"]}));
        let moved = Edit::Move {
            array: list.clone(),
            from: 0,
            to: 3,
        };
        doc.apply(moved, Coalesce::Never, 0.0).unwrap();
        let after = json!({"list": ["b", "c", "end", "new"]});
        assert_eq!(doc.root(), &after);

        assert_eq!(undo_all(&mut doc), 4);
        assert_eq!(doc.root(), &original);
        while doc.redo().is_some() {}
        assert_eq!(doc.root(), &after);
        // redo(undo(x)) is exact step by step too.
        doc.undo();
        assert_eq!(doc.root(), &json!({"list": ["new", "b", "c", "end"]}));
        doc.redo();
        assert_eq!(doc.root(), &after);
    }

    #[test]
    fn move_towards_the_front_lands_at_the_target_index() {
        let mut doc = CardDocument::new(json!([0, 1, 2, 3]));
        let moved = Edit::Move {
            array: ptr(""),
            from: 3,
            to: 1,
        };
        doc.apply(moved, Coalesce::Never, 0.0).unwrap();
        assert_eq!(doc.root(), &json!([0, 3, 1, 2]));
        doc.undo();
        assert_eq!(doc.root(), &json!([0, 1, 2, 3]));
    }

    #[test]
    fn insert_creates_a_missing_array_under_an_existing_parent() {
        let mut doc = CardDocument::new(json!({"a": {"k": 1}}));
        let insert = Edit::Insert {
            array: ptr("/a/list"),
            index: 0,
            value: json!({"name": "x"}),
        };
        let change = doc.apply(insert, Coalesce::Never, 0.0).unwrap();
        assert_eq!(change.scope, ptr("/a"));
        assert_eq!(text(&doc), r#"{"a":{"k":1,"list":[{"name":"x"}]}}"#);
        doc.undo();
        assert_eq!(text(&doc), r#"{"a":{"k":1}}"#);
        let orphan = Edit::Insert {
            array: ptr("/b/list"),
            index: 0,
            value: json!(1),
        };
        assert_eq!(
            doc.apply(orphan, Coalesce::Never, 0.0),
            Err(EditError::NotFound(ptr("/b")))
        );
    }

    #[test]
    fn index_errors_leave_document_and_history_unchanged() {
        let mut doc = CardDocument::new(json!({"list": [1, 2], "s": "x"}));
        doc.apply(set("/s", json!("y")), Coalesce::Never, 0.0)
            .unwrap();
        doc.undo();
        let before = doc.root().clone();
        let revision = doc.revision();
        let list = ptr("/list");
        let failures = [
            (
                Edit::Insert {
                    array: list.clone(),
                    index: 3,
                    value: json!(0),
                },
                EditError::IndexOutOfRange {
                    array: list.clone(),
                    index: 3,
                    len: 2,
                },
            ),
            (
                Edit::Remove {
                    pointer: ptr("/list/2"),
                },
                EditError::IndexOutOfRange {
                    array: list.clone(),
                    index: 2,
                    len: 2,
                },
            ),
            (
                Edit::Remove {
                    pointer: ptr("/list/01"),
                },
                EditError::NotFound(ptr("/list/01")),
            ),
            (
                Edit::Move {
                    array: list.clone(),
                    from: 0,
                    to: 2,
                },
                EditError::IndexOutOfRange {
                    array: list.clone(),
                    index: 2,
                    len: 2,
                },
            ),
            (
                Edit::Insert {
                    array: ptr("/s"),
                    index: 0,
                    value: json!(0),
                },
                EditError::NotAnArray(ptr("/s")),
            ),
        ];
        for (edit, error) in failures {
            assert_eq!(doc.apply(edit, Coalesce::Never, 0.0), Err(error));
            assert_eq!(doc.root(), &before);
            assert_eq!(doc.revision(), revision);
            assert!(!doc.can_undo());
            assert!(doc.can_redo(), "a failed edit must not clear redo");
        }
    }

    #[test]
    fn rename_keeps_position_and_value_and_undoes() {
        let mut doc = CardDocument::new(json!({"o": {"a": 1, "b": [2], "c": 3}}));
        let rename = Edit::RenameKey {
            object: ptr("/o"),
            from: "b".into(),
            to: "B".into(),
        };
        let change = doc.apply(rename, Coalesce::Never, 0.0).unwrap();
        assert_eq!(change.scope, ptr("/o"));
        assert_eq!(text(&doc), r#"{"o":{"a":1,"B":[2],"c":3}}"#);
        doc.undo();
        assert_eq!(text(&doc), r#"{"o":{"a":1,"b":[2],"c":3}}"#);
        doc.redo();
        assert_eq!(text(&doc), r#"{"o":{"a":1,"B":[2],"c":3}}"#);
    }

    #[test]
    fn rename_to_an_existing_or_empty_key_is_an_error() {
        let mut doc = CardDocument::new(json!({"a": 1, "b": 2}));
        let rename = |to: &str| Edit::RenameKey {
            object: ptr(""),
            from: "a".into(),
            to: to.into(),
        };
        assert_eq!(
            doc.apply(rename("b"), Coalesce::Never, 0.0),
            Err(EditError::KeyExists {
                object: ptr(""),
                key: "b".into()
            })
        );
        assert_eq!(
            doc.apply(rename(""), Coalesce::Never, 0.0),
            Err(EditError::EmptyKey)
        );
        assert_eq!(
            doc.apply(rename("a"), Coalesce::Never, 0.0)
                .map(|change| change.scope),
            Ok(ptr(""))
        );
        assert!(!doc.can_undo(), "renaming a key to itself records nothing");
        assert_eq!(text(&doc), r#"{"a":1,"b":2}"#);
    }

    #[test]
    fn typing_at_one_pointer_coalesces_into_one_step() {
        let mut doc = CardDocument::new(json!({"name": ""}));
        for (i, word) in ["h", "he", "hel", "hell", "hello"].iter().enumerate() {
            doc.apply(
                set("/name", json!(word)),
                Coalesce::Typing,
                i as f64 * 100.0,
            )
            .unwrap();
        }
        assert_eq!(doc.undo().map(|change| change.scope), Some(ptr("/name")));
        assert_eq!(doc.root(), &json!({"name": ""}));
        assert!(!doc.can_undo());
        doc.redo();
        assert_eq!(doc.root(), &json!({"name": "hello"}));
    }

    #[test]
    fn a_pause_or_another_pointer_starts_a_new_typing_step() {
        let mut doc = CardDocument::new(json!({"a": "", "b": ""}));
        doc.apply(set("/a", json!("x")), Coalesce::Typing, 0.0)
            .unwrap();
        doc.apply(set("/a", json!("xy")), Coalesce::Typing, 1500.0)
            .unwrap();
        doc.apply(set("/b", json!("z")), Coalesce::Typing, 1600.0)
            .unwrap();
        doc.apply(set("/b", json!("zz")), Coalesce::Typing, 1700.0)
            .unwrap();
        assert_eq!(undo_all(&mut doc), 3);
    }

    #[test]
    fn a_never_edit_is_its_own_step_even_between_typing() {
        let mut doc = CardDocument::new(json!({"a": ""}));
        doc.apply(set("/a", json!("x")), Coalesce::Typing, 0.0)
            .unwrap();
        doc.apply(set("/a", json!("xy")), Coalesce::Never, 100.0)
            .unwrap();
        doc.apply(set("/a", json!("xyz")), Coalesce::Typing, 200.0)
            .unwrap();
        assert_eq!(undo_all(&mut doc), 3);
    }

    #[test]
    fn typing_after_an_undo_starts_a_new_step() {
        let mut doc = CardDocument::new(json!({"a": "", "b": 0}));
        doc.apply(set("/b", json!(1)), Coalesce::Never, 0.0)
            .unwrap();
        doc.apply(set("/a", json!("x")), Coalesce::Typing, 10.0)
            .unwrap();
        doc.undo();
        doc.apply(set("/a", json!("y")), Coalesce::Typing, 20.0)
            .unwrap();
        doc.undo();
        assert_eq!(doc.root(), &json!({"a": "", "b": 1}));
        doc.redo();
        doc.apply(set("/a", json!("yz")), Coalesce::Typing, 30.0)
            .unwrap();
        doc.undo();
        assert_eq!(doc.root(), &json!({"a": "y", "b": 1}));
    }

    #[test]
    fn a_burst_of_typing_retains_only_the_value_before_it() {
        let mut doc = CardDocument::new(json!({"a": "start"}));
        for i in 1..=50 {
            let typed = "x".repeat(1000 + i);
            doc.apply(set("/a", json!(typed)), Coalesce::Typing, i as f64)
                .unwrap();
        }
        assert!(doc.retained_bytes < 1000, "{} bytes", doc.retained_bytes);
        doc.undo();
        assert_eq!(doc.root(), &json!({"a": "start"}));
    }

    #[test]
    fn typing_into_a_created_member_undoes_to_its_absence() {
        let mut doc = CardDocument::new(json!({"a": 1}));
        for (i, word) in ["n", "na", "nam"].iter().enumerate() {
            doc.apply(set("/b/c", json!(word)), Coalesce::Typing, i as f64)
                .unwrap();
        }
        assert_eq!(doc.undo().map(|change| change.scope), Some(ptr("")));
        assert_eq!(text(&doc), r#"{"a":1}"#);
        assert!(!doc.can_undo());
        doc.redo();
        assert_eq!(text(&doc), r#"{"a":1,"b":{"c":"nam"}}"#);
    }

    #[test]
    fn typing_a_key_name_coalesces_renames() {
        let mut doc = CardDocument::new(json!({"k": 1, "z": 2}));
        let mut from = "k".to_owned();
        for (i, to) in ["ke", "key"].iter().enumerate() {
            let rename = Edit::RenameKey {
                object: ptr(""),
                from: from.clone(),
                to: (*to).to_owned(),
            };
            doc.apply(rename, Coalesce::Typing, i as f64).unwrap();
            from = (*to).to_owned();
        }
        assert_eq!(text(&doc), r#"{"key":1,"z":2}"#);
        assert_eq!(undo_all(&mut doc), 1);
        assert_eq!(text(&doc), r#"{"k":1,"z":2}"#);
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut doc = CardDocument::new(json!({"a": 1}));
        doc.apply(set("/a", json!(2)), Coalesce::Never, 0.0)
            .unwrap();
        doc.undo();
        assert!(doc.can_redo());
        doc.apply(set("/a", json!(3)), Coalesce::Never, 0.0)
            .unwrap();
        assert!(!doc.can_redo());
        assert_eq!(doc.redo(), None);
        assert_eq!(doc.root(), &json!({"a": 3}));
    }

    #[test]
    fn revision_counts_edits_undos_and_redos_but_not_no_ops() {
        let mut doc = CardDocument::new(json!({"a": 1}));
        doc.apply(set("/a", json!(2)), Coalesce::Never, 0.0)
            .unwrap();
        doc.apply(set("/a", json!(2)), Coalesce::Never, 0.0)
            .unwrap();
        assert_eq!(doc.revision(), 1);
        doc.undo();
        doc.redo();
        assert_eq!(doc.revision(), 3);
    }

    #[test]
    fn replace_root_records_the_smallest_differing_subtree() {
        let big = json!({
            "model_overview": {"model_name": "m", "tags": ["a", "b", "c"]},
            "evaluation_details": [
                {"name": "e1", "metric_groups": [{"name": "g", "metric_data": [{"name": "acc", "value": 0.9}]}]},
                {"name": "e2"}
            ],
            "additional_information": {"caveats": "none"}
        });
        let mut doc = CardDocument::new(big.clone());
        let mut edited = big.clone();
        edited["evaluation_details"][0]["metric_groups"][0]["metric_data"][0]["name"] =
            json!("accuracy");
        let change = doc
            .replace_root(edited.clone(), Coalesce::Never, 0.0)
            .unwrap();
        let leaf = ptr("/evaluation_details/0/metric_groups/0/metric_data/0/name");
        assert_eq!(change.scope, leaf);
        assert_eq!(doc.root(), &edited);
        assert_eq!(doc.undo().map(|change| change.scope), Some(leaf));
        assert_eq!(doc.root(), &big);
        // Only the changed string is retained, not the whole card.
        assert!(doc.redo.iter().map(|step| step.bytes).sum::<usize>() < approx_size(&big));
    }

    #[test]
    fn replacing_the_root_with_an_equal_value_records_nothing() {
        let card = json!({"a": {"b": [1, 2.5, "x"]}});
        let mut doc = CardDocument::new(card.clone());
        assert_eq!(doc.replace_root(card, Coalesce::Never, 0.0), None);
        assert!(!doc.can_undo());
        assert_eq!(doc.revision(), 0);
    }

    #[test]
    fn numbers_keep_their_text() {
        let source = r#"{"a": 1.0, "b": 1e-7, "c": 123456789012345678901234567890}"#;
        let mut doc = CardDocument::new(serde_json::from_str(source).unwrap());
        doc.apply(set("/d", json!("x")), Coalesce::Never, 0.0)
            .unwrap();
        assert_eq!(
            to_json_text(doc.root(), &TextStyle::detect(source)),
            r#"{"a":1.0,"b":1e-7,"c":123456789012345678901234567890,"d":"x"}"#
        );
    }

    #[test]
    fn get_indexes_arrays_only_by_canonical_indices() {
        let doc = CardDocument::new(json!({"l": [10, 11, 12, 13], "o": {"03": "k"}}));
        assert_eq!(doc.get(&ptr("/l/3")), Some(&json!(13)));
        assert_eq!(doc.get(&ptr("/l/03")), None);
        assert_eq!(doc.get(&ptr("/l/-")), None);
        assert_eq!(doc.get(&ptr("/l/4")), None);
        assert_eq!(doc.get(&ptr("/o/03")), Some(&json!("k")));
        assert_eq!(doc.get(&ptr("")), Some(doc.root()));
    }

    #[test]
    fn history_keeps_at_most_500_steps() {
        let mut doc = CardDocument::new(json!({"n": 0}));
        for i in 1..=600 {
            doc.apply(set("/n", json!(i)), Coalesce::Never, i as f64)
                .unwrap();
        }
        assert_eq!(undo_all(&mut doc), 500);
        assert_eq!(doc.root(), &json!({"n": 100}));
    }

    #[test]
    fn history_drops_oldest_steps_over_the_byte_budget() {
        let mut doc = CardDocument::with_limits(json!({"s": ""}), 500, 10_000);
        for i in 1..=10 {
            let long = "x".repeat(1000 * i);
            doc.apply(set("/s", json!(long)), Coalesce::Never, 0.0)
                .unwrap();
        }
        assert!(doc.retained_bytes <= 10_000);
        let kept = undo_all(&mut doc);
        assert!(kept > 0 && kept < 10, "kept {kept} steps");
        assert_eq!(doc.root(), &json!({"s": "x".repeat(1000 * (10 - kept))}));
    }
}
