//! Comparing values as the person editing sees them (the order of object
//! keys counts), and finding the smallest place two values differ at.

use serde_json::Value;

use crate::domain::pointer::JsonPointer;

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
