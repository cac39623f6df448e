//! Finding the value a pointer names in the document, or saying why there
//! is none: shared by planning an edit and applying its operation.

use serde_json::{Map, Value};

use super::edit::EditError;
use crate::domain::pointer::{JsonPointer, parse_index};

/// The index a token names in `items`, if it names an existing element.
pub(super) fn existing_index(
    items: &[Value],
    token: &str,
    array: &JsonPointer,
) -> Result<usize, EditError> {
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
pub(super) fn lookup<'a>(root: &'a Value, pointer: &JsonPointer) -> Result<&'a Value, EditError> {
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

/// The object at `pointer`, mutably, or why there is none.
pub(super) fn object_mut<'a>(
    root: &'a mut Value,
    pointer: &JsonPointer,
) -> Result<&'a mut Map<String, Value>, EditError> {
    match lookup_mut(root, pointer)? {
        Value::Object(members) => Ok(members),
        _ => Err(EditError::NotAnObject(pointer.clone())),
    }
}

/// The array at `pointer`, mutably, or why there is none.
pub(super) fn array_mut<'a>(
    root: &'a mut Value,
    pointer: &JsonPointer,
) -> Result<&'a mut Vec<Value>, EditError> {
    match lookup_mut(root, pointer)? {
        Value::Array(items) => Ok(items),
        _ => Err(EditError::NotAnArray(pointer.clone())),
    }
}
