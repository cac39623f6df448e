//! Primitive operations and their application: each operation spells out
//! every position, so applying it returns the operation that exactly
//! reverses it. Edits become operations in `plan`.

use serde_json::Value;

use super::edit::EditError;
use super::lookup::{array_mut, lookup_mut, object_mut};
use crate::domain::pointer::JsonPointer;

/// A primitive change with every position spelled out, so that applying it
/// yields another `Op` that exactly reverses it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub(super) enum Op {
    /// Swaps the value at an existing place (or the root).
    Replace { pointer: JsonPointer, value: Value },
    /// Adds a member at a position in an object.
    AddMember {
        object: JsonPointer,
        index: usize,
        key: String,
        value: Value,
    },
    /// Removes a member, closing the gap.
    RemoveMember { object: JsonPointer, key: String },
    /// Inserts an element into an array.
    InsertElement {
        array: JsonPointer,
        index: usize,
        value: Value,
    },
    /// Removes an element from an array.
    RemoveElement { array: JsonPointer, index: usize },
    /// Moves an element so it ends up at `to`.
    MoveElement {
        array: JsonPointer,
        from: usize,
        to: usize,
    },
    /// Renames a member in place.
    RenameMember {
        object: JsonPointer,
        from: String,
        to: String,
    },
}

impl Op {
    /// What the operation (and its inverse) may change.
    pub(super) fn scope(&self) -> JsonPointer {
        match self {
            Self::Replace { pointer, .. } => pointer.clone(),
            Self::AddMember { object, .. }
            | Self::RemoveMember { object, .. }
            | Self::RenameMember { object, .. } => object.clone(),
            Self::InsertElement { array, .. }
            | Self::RemoveElement { array, .. }
            | Self::MoveElement { array, .. } => array.clone(),
        }
    }

    /// Whether applying `self` right after `earlier` (a `Replace`) makes
    /// `earlier` invisible, because `self` replaces or removes a place that
    /// contains it.
    pub(super) fn overwrites(&self, earlier: &Op) -> bool {
        let Op::Replace { pointer, .. } = earlier else {
            return false;
        };
        match self {
            Self::Replace { pointer: place, .. } => pointer.starts_with(place),
            Self::RemoveMember { object, key } => pointer.starts_with(&object.child(key.as_str())),
            Self::RemoveElement { array, index } => {
                pointer.starts_with(&array.child(index.to_string()))
            }
            _ => false,
        }
    }

    /// A cheap estimate of the memory the operation retains.
    pub(super) fn approx_bytes(&self) -> usize {
        let pointer_bytes =
            |p: &JsonPointer| p.tokens().iter().map(|t| t.len() + 16).sum::<usize>();
        64 + match self {
            Self::Replace { pointer, value } => pointer_bytes(pointer) + approx_size(value),
            Self::AddMember {
                object, key, value, ..
            } => pointer_bytes(object) + key.len() + approx_size(value),
            Self::RemoveMember { object, key } => pointer_bytes(object) + key.len(),
            Self::InsertElement { array, value, .. } => pointer_bytes(array) + approx_size(value),
            Self::RemoveElement { array, .. } | Self::MoveElement { array, .. } => {
                pointer_bytes(array)
            }
            Self::RenameMember { object, from, to } => {
                pointer_bytes(object) + from.len() + to.len()
            }
        }
    }
}

/// Estimates a value's memory without serialising it: text lengths plus a
/// flat cost per node.
pub(super) fn approx_size(value: &Value) -> usize {
    16 + match value {
        Value::Null | Value::Bool(_) | Value::Number(_) => 0,
        Value::String(text) => text.len(),
        Value::Array(items) => items.iter().map(approx_size).sum(),
        Value::Object(members) => members
            .iter()
            .map(|(key, value)| key.len() + approx_size(value))
            .sum(),
    }
}

/// Applies one operation and returns the operation that reverses it
/// exactly. Everything is checked before anything changes, so on error the
/// document is untouched.
pub(super) fn apply_op(root: &mut Value, op: Op) -> Result<Op, EditError> {
    match op {
        Op::Replace { pointer, value } => {
            let old = std::mem::replace(lookup_mut(root, &pointer)?, value);
            Ok(Op::Replace {
                pointer,
                value: old,
            })
        }
        Op::AddMember {
            object,
            index,
            key,
            value,
        } => add_member(root, object, index, key, value),
        Op::RemoveMember { object, key } => remove_member(root, object, key),
        Op::InsertElement {
            array,
            index,
            value,
        } => insert_element(root, array, index, value),
        Op::RemoveElement { array, index } => remove_element(root, array, index),
        Op::MoveElement { array, from, to } => move_element(root, array, from, to),
        Op::RenameMember { object, from, to } => rename_member(root, object, from, to),
    }
}

/// Adds a member at `index` of an object that lacks `key`.
fn add_member(
    root: &mut Value,
    object: JsonPointer,
    index: usize,
    key: String,
    value: Value,
) -> Result<Op, EditError> {
    let members = object_mut(root, &object)?;
    if members.contains_key(&key) {
        return Err(EditError::KeyExists { object, key });
    }
    if index > members.len() {
        return Err(EditError::IndexOutOfRange {
            len: members.len(),
            array: object,
            index,
        });
    }
    members.shift_insert(index, key.clone(), value);
    Ok(Op::RemoveMember { object, key })
}

/// Removes a member; its inverse puts it back at its position.
fn remove_member(root: &mut Value, object: JsonPointer, key: String) -> Result<Op, EditError> {
    let members = object_mut(root, &object)?;
    let Some(index) = members.keys().position(|k| *k == key) else {
        return Err(EditError::NotFound(object.child(key)));
    };
    let Some(value) = members.shift_remove(&key) else {
        return Err(EditError::NotFound(object.child(key)));
    };
    Ok(Op::AddMember {
        object,
        index,
        key,
        value,
    })
}

/// Inserts an element at most at the array's end.
fn insert_element(
    root: &mut Value,
    array: JsonPointer,
    index: usize,
    value: Value,
) -> Result<Op, EditError> {
    let items = array_mut(root, &array)?;
    if index > items.len() {
        return Err(EditError::IndexOutOfRange {
            len: items.len(),
            array,
            index,
        });
    }
    items.insert(index, value);
    Ok(Op::RemoveElement { array, index })
}

/// Removes an existing element; its inverse inserts it back.
fn remove_element(root: &mut Value, array: JsonPointer, index: usize) -> Result<Op, EditError> {
    let items = array_mut(root, &array)?;
    if index >= items.len() {
        return Err(EditError::IndexOutOfRange {
            len: items.len(),
            array,
            index,
        });
    }
    let value = items.remove(index);
    Ok(Op::InsertElement {
        array,
        index,
        value,
    })
}

/// Moves an element between two existing positions; its inverse moves it
/// back.
fn move_element(
    root: &mut Value,
    array: JsonPointer,
    from: usize,
    to: usize,
) -> Result<Op, EditError> {
    let items = array_mut(root, &array)?;
    let len = items.len();
    for index in [from, to] {
        if index >= len {
            return Err(EditError::IndexOutOfRange { array, index, len });
        }
    }
    let value = items.remove(from);
    items.insert(to, value);
    Ok(Op::MoveElement {
        array,
        from: to,
        to: from,
    })
}

/// Renames a member in place, to a key no other member has.
fn rename_member(
    root: &mut Value,
    object: JsonPointer,
    from: String,
    to: String,
) -> Result<Op, EditError> {
    let members = object_mut(root, &object)?;
    if from == to {
        return Ok(Op::RenameMember { object, from, to });
    }
    if members.contains_key(&to) {
        return Err(EditError::KeyExists { object, key: to });
    }
    let Some(index) = members.keys().position(|k| *k == from) else {
        return Err(EditError::NotFound(object.child(from)));
    };
    let Some(value) = members.shift_remove(&from) else {
        return Err(EditError::NotFound(object.child(from)));
    };
    members.shift_insert(index, to.clone(), value);
    Ok(Op::RenameMember {
        object,
        from: to,
        to: from,
    })
}

/// Applies `ops` last-first and returns their inverses in the order that
/// reverses them (again last-first). On error, what was applied is rolled
/// back, so the document is as it was.
pub(super) fn invert_ops(root: &mut Value, ops: Vec<Op>) -> Result<Vec<Op>, EditError> {
    let mut inverses = Vec::with_capacity(ops.len());
    for op in ops.into_iter().rev() {
        match apply_op(root, op) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    // Each inverse exactly reverses an operation just applied
                    // to this same document, so it applies.
                    let _ = apply_op(root, inverse);
                }
                return Err(error);
            }
        }
    }
    Ok(inverses)
}
