//! Edits checked against the document and turned into the one primitive
//! operation that performs each ([`Plan`]), before anything changes: an
//! edit that cannot be made is refused here with the reason.

use serde_json::{Map, Value};

use super::diff::same;
use super::edit::{Edit, EditError};
use super::lookup::{existing_index, lookup};
use super::ops::Op;
use crate::domain::pointer::{JsonPointer, parse_index};

/// An edit turned into the one operation that performs it.
pub(super) struct Plan {
    pub(super) op: Op,
    /// The edit would leave the document as it is.
    pub(super) no_op: bool,
    /// Where a typing edit continues from (for coalescing).
    pub(super) typing_before: JsonPointer,
    /// Where the next typing edit must be to continue this one; differs only
    /// for renames, whose key changes with every keystroke.
    pub(super) typing_after: JsonPointer,
}

impl Plan {
    fn at(op: Op, pointer: JsonPointer) -> Self {
        Self {
            op,
            no_op: false,
            typing_before: pointer.clone(),
            typing_after: pointer,
        }
    }
}

/// Validates an edit against the document and turns it into an operation.
pub(super) fn plan(root: &Value, edit: Edit) -> Result<Plan, EditError> {
    match edit {
        Edit::Set { pointer, value } => plan_set(root, pointer, value),
        Edit::Remove { pointer } => plan_remove(root, pointer),
        Edit::Insert {
            array,
            index,
            value,
        } => plan_insert(root, array, index, value),
        Edit::Move { array, from, to } => plan_move(root, array, from, to),
        Edit::RenameKey { object, from, to } => plan_rename(root, object, from, to),
    }
}

/// Plans a `Remove`: of an existing member or element, never the root.
fn plan_remove(root: &Value, pointer: JsonPointer) -> Result<Plan, EditError> {
    let Some((last, parent)) = split_last(&pointer) else {
        return Err(EditError::RootCannotBeRemoved);
    };
    let op = match lookup(root, &parent)? {
        Value::Object(members) if members.contains_key(last) => Op::RemoveMember {
            object: parent,
            key: last.to_owned(),
        },
        Value::Object(_) => return Err(EditError::NotFound(pointer)),
        Value::Array(items) => Op::RemoveElement {
            index: existing_index(items, last, &parent)?,
            array: parent,
        },
        _ => return Err(EditError::NotAContainer(parent)),
    };
    Ok(Plan::at(op, pointer))
}

/// Plans an `Insert`: into an existing array at most at its end, or as the
/// first element of an array that is missing but whose place is vacant.
fn plan_insert(
    root: &Value,
    array: JsonPointer,
    index: usize,
    value: Value,
) -> Result<Plan, EditError> {
    let typing = array.child(index.to_string());
    let op = match lookup(root, &array) {
        Ok(Value::Array(items)) if index <= items.len() => Op::InsertElement {
            array,
            index,
            value,
        },
        Ok(Value::Array(items)) => {
            return Err(EditError::IndexOutOfRange {
                array,
                index,
                len: items.len(),
            });
        }
        Ok(_) => return Err(EditError::NotAnArray(array)),
        Err(error) => match Vacancy::at(root, &array) {
            Some(_) if index > 0 => {
                return Err(EditError::IndexOutOfRange {
                    array,
                    index,
                    len: 0,
                });
            }
            Some(vacancy) => vacancy.fill(Value::Array(vec![value])),
            None => return Err(error),
        },
    };
    Ok(Plan::at(op, typing))
}

/// Plans a `Move` between two existing positions of an array.
fn plan_move(root: &Value, array: JsonPointer, from: usize, to: usize) -> Result<Plan, EditError> {
    let Value::Array(items) = lookup(root, &array)? else {
        return Err(EditError::NotAnArray(array));
    };
    let len = items.len();
    for index in [from, to] {
        if index >= len {
            return Err(EditError::IndexOutOfRange { array, index, len });
        }
    }
    let mut plan = Plan::at(
        Op::MoveElement {
            array: array.clone(),
            from,
            to,
        },
        array,
    );
    plan.no_op = from == to;
    Ok(plan)
}

/// Plans a `RenameKey`: of an existing member, to a key that is neither
/// empty nor another member's.
fn plan_rename(
    root: &Value,
    object: JsonPointer,
    from: String,
    to: String,
) -> Result<Plan, EditError> {
    let Value::Object(members) = lookup(root, &object)? else {
        return Err(EditError::NotAnObject(object));
    };
    if to.is_empty() {
        return Err(EditError::EmptyKey);
    }
    if !members.contains_key(&from) {
        return Err(EditError::NotFound(object.child(from)));
    }
    if from != to && members.contains_key(&to) {
        return Err(EditError::KeyExists { object, key: to });
    }
    Ok(Plan {
        no_op: from == to,
        typing_before: object.child(from.as_str()),
        typing_after: object.child(to.as_str()),
        op: Op::RenameMember { object, from, to },
    })
}

/// Plans a `Set`: replace what exists, or add the topmost missing member
/// (holding any further missing members) or the appended element.
fn plan_set(root: &Value, pointer: JsonPointer, value: Value) -> Result<Plan, EditError> {
    let tokens = pointer.tokens();
    let mut current = root;
    for (depth, token) in tokens.iter().enumerate() {
        let here = JsonPointer::from_tokens(&tokens[..depth]);
        let is_last = depth + 1 == tokens.len();
        match current {
            Value::Object(members) => match members.get(token) {
                Some(next) => current = next,
                None => {
                    let value = tokens[depth + 1..].iter().rev().fold(value, |inner, key| {
                        let mut members = Map::new();
                        members.insert(key.clone(), inner);
                        Value::Object(members)
                    });
                    let op = Op::AddMember {
                        index: members.len(),
                        object: here,
                        key: token.clone(),
                        value,
                    };
                    return Ok(Plan::at(op, pointer));
                }
            },
            Value::Array(items) => {
                let index = parse_index(token).ok_or_else(|| {
                    EditError::NotFound(JsonPointer::from_tokens(&tokens[..=depth]))
                })?;
                match items.get(index) {
                    Some(next) => current = next,
                    None if is_last && index == items.len() => {
                        let op = Op::InsertElement {
                            array: here,
                            index,
                            value,
                        };
                        return Ok(Plan::at(op, pointer));
                    }
                    None => {
                        return Err(EditError::IndexOutOfRange {
                            array: here,
                            index,
                            len: items.len(),
                        });
                    }
                }
            }
            _ => return Err(EditError::NotAContainer(here)),
        }
    }
    let no_op = same(current, &value);
    let mut plan = Plan::at(
        Op::Replace {
            pointer: pointer.clone(),
            value,
        },
        pointer,
    );
    plan.no_op = no_op;
    Ok(plan)
}

/// A place that does not exist yet but can be filled: a missing member of
/// an existing object, or the slot just past the end of an existing array.
enum Vacancy {
    Member {
        object: JsonPointer,
        index: usize,
        key: String,
    },
    Element {
        array: JsonPointer,
        index: usize,
    },
}

impl Vacancy {
    /// The place `pointer` names, if it is vacant and its parent exists.
    fn at(root: &Value, pointer: &JsonPointer) -> Option<Self> {
        let (last, parent) = split_last(pointer)?;
        match lookup(root, &parent).ok()? {
            Value::Object(members) if !members.contains_key(last) => Some(Self::Member {
                index: members.len(),
                object: parent,
                key: last.to_owned(),
            }),
            Value::Array(items) if parse_index(last) == Some(items.len()) => Some(Self::Element {
                index: items.len(),
                array: parent,
            }),
            _ => None,
        }
    }

    /// The operation that puts `value` in this place.
    fn fill(self, value: Value) -> Op {
        match self {
            Self::Member { object, index, key } => Op::AddMember {
                object,
                index,
                key,
                value,
            },
            Self::Element { array, index } => Op::InsertElement {
                array,
                index,
                value,
            },
        }
    }
}

/// The last token and the parent pointer; None at the root.
fn split_last(pointer: &JsonPointer) -> Option<(&str, JsonPointer)> {
    let last = pointer.tokens().last()?;
    Some((last.as_str(), pointer.parent()?))
}
