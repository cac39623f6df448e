//! Edits turned into primitive operations, and their application: each
//! operation spells out every position, so applying it returns the
//! operation that exactly reverses it.

use serde_json::{Map, Value};

use super::{Edit, EditError};
use crate::domain::pointer::{JsonPointer, parse_index};

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
        Edit::Remove { pointer } => {
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
        Edit::Insert {
            array,
            index,
            value,
        } => {
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
        Edit::Move { array, from, to } => {
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
        Edit::RenameKey { object, from, to } => {
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
    }
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

/// The index a token names in `items`, if it names an existing element.
fn existing_index(items: &[Value], token: &str, array: &JsonPointer) -> Result<usize, EditError> {
    let index = parse_index(token).ok_or_else(|| EditError::NotFound(array.child(token)))?;
    if index < items.len() {
        Ok(index)
    } else {
        Err(EditError::IndexOutOfRange {
            array: array.clone(),
            index,
            len: items.len(),
        })
    }
}

/// The value at `pointer`, or why there is none.
fn lookup<'a>(root: &'a Value, pointer: &JsonPointer) -> Result<&'a Value, EditError> {
    let tokens = pointer.tokens();
    let mut current = root;
    for (depth, token) in tokens.iter().enumerate() {
        current = match current {
            Value::Object(members) => members
                .get(token)
                .ok_or_else(|| EditError::NotFound(JsonPointer::from_tokens(&tokens[..=depth])))?,
            Value::Array(items) => {
                let here = JsonPointer::from_tokens(&tokens[..depth]);
                &items[existing_index(items, token, &here)?]
            }
            _ => {
                return Err(EditError::NotAContainer(JsonPointer::from_tokens(
                    &tokens[..depth],
                )));
            }
        };
    }
    Ok(current)
}

/// The value at `pointer`, mutably, or why there is none.
pub(super) fn lookup_mut<'a>(
    root: &'a mut Value,
    pointer: &JsonPointer,
) -> Result<&'a mut Value, EditError> {
    let tokens = pointer.tokens();
    let mut current = root;
    for (depth, token) in tokens.iter().enumerate() {
        current = match current {
            Value::Object(members) => members
                .get_mut(token)
                .ok_or_else(|| EditError::NotFound(JsonPointer::from_tokens(&tokens[..=depth])))?,
            Value::Array(items) => {
                let here = JsonPointer::from_tokens(&tokens[..depth]);
                let index = existing_index(items, token, &here)?;
                &mut items[index]
            }
            _ => {
                return Err(EditError::NotAContainer(JsonPointer::from_tokens(
                    &tokens[..depth],
                )));
            }
        };
    }
    Ok(current)
}

fn object_mut<'a>(
    root: &'a mut Value,
    pointer: &JsonPointer,
) -> Result<&'a mut Map<String, Value>, EditError> {
    match lookup_mut(root, pointer)? {
        Value::Object(members) => Ok(members),
        _ => Err(EditError::NotAnObject(pointer.clone())),
    }
}

fn array_mut<'a>(
    root: &'a mut Value,
    pointer: &JsonPointer,
) -> Result<&'a mut Vec<Value>, EditError> {
    match lookup_mut(root, pointer)? {
        Value::Array(items) => Ok(items),
        _ => Err(EditError::NotAnArray(pointer.clone())),
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
        } => {
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
        Op::RemoveMember { object, key } => {
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
        Op::InsertElement {
            array,
            index,
            value,
        } => {
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
        Op::RemoveElement { array, index } => {
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
        Op::MoveElement { array, from, to } => {
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
        Op::RenameMember { object, from, to } => {
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
    }
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

/// The longest pointer both start with.
pub(super) fn common_ancestor(a: &JsonPointer, b: &JsonPointer) -> JsonPointer {
    let shared = a
        .tokens()
        .iter()
        .zip(b.tokens())
        .take_while(|(x, y)| x == y)
        .count();
    JsonPointer::from_tokens(&a.tokens()[..shared])
}

/// Equality that, unlike `Value`'s, also compares the order of object keys:
/// to the person editing, a reordered object is a changed one.
pub(super) fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(vx, vy)| same(vx, vy))
        }
        _ => a == b,
    }
}

/// The deepest pointer under which all differences between `old` and `new`
/// lie; None if equal. Objects compare key sets AND order (a reordering is a
/// difference at that object); arrays of equal length are compared
/// element-wise; arrays of different length differ at the array itself.
pub fn diff_scope(old: &Value, new: &Value) -> Option<JsonPointer> {
    let mut tokens = Vec::new();
    let (mut old, mut new) = (old, new);
    loop {
        // The one child that differs, if exactly one does; `Err` when the
        // difference is this value itself.
        let differing: Result<Option<(String, &Value, &Value)>, ()> = match (old, new) {
            (Value::Object(x), Value::Object(y))
                if x.len() == y.len() && x.keys().zip(y.keys()).all(|(a, b)| a == b) =>
            {
                let mut found = x.iter().zip(y.values()).filter(|((_, a), b)| !same(a, b));
                match (found.next(), found.next()) {
                    (None, _) => Ok(None),
                    (Some(((key, a), b)), None) => Ok(Some((key.clone(), a, b))),
                    (Some(_), Some(_)) => Err(()),
                }
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
                let mut found = x
                    .iter()
                    .zip(y)
                    .enumerate()
                    .filter(|(_, (a, b))| !same(a, b));
                match (found.next(), found.next()) {
                    (None, _) => Ok(None),
                    (Some((index, (a, b))), None) => Ok(Some((index.to_string(), a, b))),
                    (Some(_), Some(_)) => Err(()),
                }
            }
            _ if same(old, new) => Ok(None),
            _ => Err(()),
        };
        match differing {
            Ok(None) if tokens.is_empty() => return None,
            // A child differed one level up, so something below differs.
            Ok(None) | Err(()) => return Some(JsonPointer::from_tokens(tokens)),
            Ok(Some((token, a, b))) => {
                tokens.push(token);
                old = a;
                new = b;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ptr(text: &str) -> JsonPointer {
        JsonPointer::parse(text).unwrap()
    }

    #[test]
    fn diff_scope_of_equal_values_is_none() {
        let value = json!({"a": [1, {"b": null}], "c": "d"});
        assert_eq!(diff_scope(&value, &value.clone()), None);
    }

    #[test]
    fn diff_scope_of_one_leaf_is_that_leaf() {
        let old = json!({"a": [1, {"b": null}], "c": "d"});
        let new = json!({"a": [1, {"b": false}], "c": "d"});
        assert_eq!(diff_scope(&old, &new), Some(ptr("/a/1/b")));
    }

    #[test]
    fn diff_scope_of_two_leaves_is_their_common_ancestor() {
        let old = json!({"x": {"p": {"a": 1}, "q": {"b": 2}}, "y": 0});
        let new = json!({"x": {"p": {"a": 9}, "q": {"b": 8}}, "y": 0});
        assert_eq!(diff_scope(&old, &new), Some(ptr("/x")));
        let old = json!({"a": 1, "b": 2});
        let new = json!({"a": 3, "b": 4});
        assert_eq!(diff_scope(&old, &new), Some(ptr("")));
    }

    #[test]
    fn diff_scope_sees_key_reordering_at_the_object() {
        let old = json!({"o": {"a": 1, "b": 2}});
        let new = json!({"o": {"b": 2, "a": 1}});
        assert_eq!(old, new, "serde_json's own equality ignores order");
        assert_eq!(diff_scope(&old, &new), Some(ptr("/o")));
    }

    #[test]
    fn diff_scope_of_an_array_length_change_is_the_array() {
        let old = json!({"l": [1, 2], "m": 0});
        let new = json!({"l": [1, 2, 3], "m": 0});
        assert_eq!(diff_scope(&old, &new), Some(ptr("/l")));
        assert_eq!(diff_scope(&json!(1), &json!("1")), Some(ptr("")));
    }
}
