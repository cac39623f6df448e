//! The undo history as steps of operations, and the part of it a draft
//! keeps: a step's size is estimated so the history stays within its
//! budget, and a stored history is replayed before it is trusted.

use serde_json::Value;

use super::diff::same;
use super::ops::{Op, invert_ops};
use crate::domain::pointer::JsonPointer;

/// One undo or redo step: operations applied last-first to move the
/// document across the step.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(from = "StoredStep", into = "StoredStep")]
pub(super) struct Step {
    pub(super) ops: Vec<Op>,
    pub(super) scope: JsonPointer,
    pub(super) bytes: usize,
}

/// A step as a draft stores it: its size is recomputed, not trusted.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct StoredStep {
    ops: Vec<Op>,
    scope: JsonPointer,
}

impl From<StoredStep> for Step {
    fn from(stored: StoredStep) -> Self {
        Step::new(stored.ops, stored.scope)
    }
}

impl From<Step> for StoredStep {
    fn from(step: Step) -> Self {
        StoredStep {
            ops: step.ops,
            scope: step.scope,
        }
    }
}

/// The part of a document's history a draft keeps, so undo and redo
/// survive a reload: the newest steps that fit a byte budget.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct HistorySnapshot {
    pub(super) undo: Vec<Step>,
    pub(super) redo: Vec<Step>,
}

impl HistorySnapshot {
    /// How many undo steps it holds.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many redo steps it holds.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

impl Step {
    pub(super) fn new(ops: Vec<Op>, scope: JsonPointer) -> Self {
        let bytes = ops.iter().map(Op::approx_bytes).sum();
        Self { ops, scope, bytes }
    }
}

/// Whether `history` can be undone all the way from `root` and redone all
/// the way back, ending where it started.
pub(super) fn history_fits(root: &Value, history: &HistorySnapshot) -> bool {
    let mut value = root.clone();
    let mut redone = Vec::new();
    for step in history.undo.iter().rev() {
        match invert_ops(&mut value, step.ops.clone()) {
            Ok(ops) => redone.push(ops),
            Err(_) => return false,
        }
    }
    for ops in redone.into_iter().rev() {
        if invert_ops(&mut value, ops).is_err() {
            return false;
        }
    }
    if !same(&value, root) {
        return false;
    }
    let mut undone = Vec::new();
    for step in history.redo.iter().rev() {
        match invert_ops(&mut value, step.ops.clone()) {
            Ok(ops) => undone.push(ops),
            Err(_) => return false,
        }
    }
    for ops in undone.into_iter().rev() {
        if invert_ops(&mut value, ops).is_err() {
            return false;
        }
    }
    same(&value, root)
}
