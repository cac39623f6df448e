//! Comparing cards: the field-level differences between two versions (what
//! a reviewer checks before submitting, what a draft changed), and the
//! three-way merge that resolves a conflict: what you started from, what
//! the server holds now, what you edited.
//!
//! Objects are compared key by key and arrays element by element while they
//! keep their length; an array whose length changed is one change, so an
//! insertion never shows as a cascade of shifted elements, and never merges
//! into the wrong place.

use serde_json::{Map, Value};

use super::pointer::JsonPointer;

/// How a place differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// Only the newer version has it.
    Added,
    /// Only the older version has it.
    Removed,
    /// Both have it, with different values.
    Changed,
}

/// One difference, with both values.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    /// Where.
    pub pointer: JsonPointer,
    /// How.
    pub kind: ChangeKind,
    /// The older value (absent when added).
    pub old: Option<Value>,
    /// The newer value (absent when removed).
    pub new: Option<Value>,
}

/// The differences from `old` to `new`, in document order.
pub fn diff(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    walk(old, new, JsonPointer::root(), &mut changes);
    changes
}

fn walk(old: &Value, new: &Value, pointer: JsonPointer, out: &mut Vec<FieldChange>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let child = pointer.child(key.clone());
                match b.get(key) {
                    Some(other) => walk(value, other, child, out),
                    None => out.push(FieldChange {
                        pointer: child,
                        kind: ChangeKind::Removed,
                        old: Some(value.clone()),
                        new: None,
                    }),
                }
            }
            for (key, value) in b.iter().filter(|(key, _)| !a.contains_key(*key)) {
                out.push(FieldChange {
                    pointer: pointer.child(key.clone()),
                    kind: ChangeKind::Added,
                    old: None,
                    new: Some(value.clone()),
                });
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                walk(x, y, pointer.child(index.to_string()), out);
            }
        }
        (x, y) if x != y => out.push(FieldChange {
            pointer,
            kind: ChangeKind::Changed,
            old: Some(x.clone()),
            new: Some(y.clone()),
        }),
        _ => {}
    }
}

/// A place both sides changed, differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Where (the wider of the two changed places).
    pub pointer: JsonPointer,
    /// What it was when editing started.
    pub base: Option<Value>,
    /// What the server holds now.
    pub theirs: Option<Value>,
    /// What the edits made it.
    pub mine: Option<Value>,
}

/// A three-way merge: the server's card with every edit that does not
/// collide applied, and the collisions to decide.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// The merged card; at conflicts it holds the server's value.
    pub merged: Value,
    /// What both sides changed differently.
    pub conflicts: Vec<Conflict>,
    /// How many of the edits were applied without conflict.
    pub applied: usize,
}

/// Merges `mine` (edited from `base`) into `theirs` (the server's card
/// now, also changed from `base`).
pub fn merge(base: &Value, theirs: &Value, mine: &Value) -> Merge {
    let their_changes = diff(base, theirs);
    let mut merged = theirs.clone();
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut applied = 0;
    for change in diff(base, mine) {
        let overlapping: Vec<&FieldChange> = their_changes
            .iter()
            .filter(|theirs| {
                theirs.pointer.starts_with(&change.pointer)
                    || change.pointer.starts_with(&theirs.pointer)
            })
            .collect();
        let same_result = overlapping.len() == 1
            && overlapping[0].pointer == change.pointer
            && overlapping[0].new == change.new;
        if overlapping.is_empty() {
            set_at(&mut merged, &change.pointer, change.new.clone());
            applied += 1;
        } else if same_result {
            applied += 1;
        } else {
            let pointer = overlapping
                .iter()
                .map(|theirs| &theirs.pointer)
                .chain(std::iter::once(&change.pointer))
                .min_by_key(|pointer| pointer.tokens().len())
                .cloned()
                .unwrap_or_default();
            if conflicts
                .iter()
                .any(|conflict| pointer.starts_with(&conflict.pointer))
            {
                continue;
            }
            conflicts.retain(|conflict| !conflict.pointer.starts_with(&pointer));
            conflicts.push(Conflict {
                base: get(base, &pointer).cloned(),
                theirs: get(theirs, &pointer).cloned(),
                mine: get(mine, &pointer).cloned(),
                pointer,
            });
        }
    }
    Merge {
        merged,
        conflicts,
        applied,
    }
}

/// Which side a conflict is resolved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The server's value.
    Theirs,
    /// The edited value.
    Mine,
}

/// The merged card with each conflict resolved as chosen (`choices[i]` for
/// `merge.conflicts[i]`; a missing choice keeps the server's value).
pub fn resolve(merge: &Merge, choices: &[Side]) -> Value {
    let mut card = merge.merged.clone();
    for (conflict, side) in merge.conflicts.iter().zip(choices) {
        if *side == Side::Mine {
            set_at(&mut card, &conflict.pointer, conflict.mine.clone());
        }
    }
    card
}

fn get<'a>(value: &'a Value, pointer: &JsonPointer) -> Option<&'a Value> {
    pointer
        .tokens()
        .iter()
        .try_fold(value, |value, token| match value {
            Value::Object(map) => map.get(token),
            Value::Array(items) => token
                .parse::<usize>()
                .ok()
                .and_then(|index| items.get(index)),
            _ => None,
        })
}

/// Sets (or with `None` removes) the value at `pointer`, creating missing
/// objects on the way.
fn set_at(root: &mut Value, pointer: &JsonPointer, value: Option<Value>) {
    let Some((last, parents)) = pointer.tokens().split_last() else {
        if let Some(value) = value {
            *root = value;
        }
        return;
    };
    let mut target = root;
    for token in parents {
        target = match target {
            Value::Object(map) => map
                .entry(token.clone())
                .or_insert_with(|| Value::Object(Map::new())),
            Value::Array(items) => match token
                .parse::<usize>()
                .ok()
                .and_then(|index| items.get_mut(index))
            {
                Some(item) => item,
                None => return,
            },
            _ => return,
        };
    }
    match (target, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(last.clone(), value);
        }
        (Value::Object(map), None) => {
            map.shift_remove(last);
        }
        (Value::Array(items), Some(value)) => {
            if let Some(slot) = last
                .parse::<usize>()
                .ok()
                .and_then(|index| items.get_mut(index))
            {
                *slot = value;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn pointers(changes: &[FieldChange]) -> Vec<(String, ChangeKind)> {
        changes
            .iter()
            .map(|c| (c.pointer.to_string(), c.kind))
            .collect()
    }

    #[test]
    fn a_diff_lists_leaves_with_their_values() {
        let old = json!({"a": {"b": 1, "c": "x"}, "list": [1, 2], "gone": true});
        let new = json!({"a": {"b": 2, "c": "x"}, "list": [1, 3], "added": null});
        let changes = diff(&old, &new);
        assert_eq!(
            pointers(&changes),
            [
                ("/a/b".into(), ChangeKind::Changed),
                ("/list/1".into(), ChangeKind::Changed),
                ("/gone".into(), ChangeKind::Removed),
                ("/added".into(), ChangeKind::Added),
            ]
        );
        assert_eq!(
            (changes[0].old.clone(), changes[0].new.clone()),
            (Some(json!(1)), Some(json!(2)))
        );
    }

    #[test]
    fn an_array_that_changed_length_is_one_change() {
        let changes = diff(&json!({"list": [1, 2, 3]}), &json!({"list": [0, 1, 2, 3]}));
        assert_eq!(pointers(&changes), [("/list".into(), ChangeKind::Changed)]);
    }

    #[test]
    fn edits_elsewhere_merge_cleanly() {
        let base = json!({"a": 1, "b": 1, "c": {"d": 1}});
        let theirs = json!({"a": 2, "b": 1, "c": {"d": 1}});
        let mine = json!({"a": 1, "b": 3, "c": {"d": 1, "e": 5}});
        let result = merge(&base, &theirs, &mine);
        assert!(result.conflicts.is_empty());
        assert_eq!(
            result.merged,
            json!({"a": 2, "b": 3, "c": {"d": 1, "e": 5}})
        );
        assert_eq!(result.applied, 2);
    }

    #[test]
    fn the_same_edit_on_both_sides_is_no_conflict() {
        let base = json!({"a": 1});
        let result = merge(&base, &json!({"a": 2}), &json!({"a": 2}));
        assert!(result.conflicts.is_empty());
        assert_eq!(result.merged, json!({"a": 2}));
    }

    #[test]
    fn different_edits_to_one_place_conflict_and_resolve_either_way() {
        let base = json!({"risk": "Low", "name": "x"});
        let theirs = json!({"risk": "High", "name": "x"});
        let mine = json!({"risk": "Medium", "name": "y"});
        let result = merge(&base, &theirs, &mine);
        assert_eq!(result.conflicts.len(), 1);
        let conflict = &result.conflicts[0];
        assert_eq!(conflict.pointer.to_string(), "/risk");
        assert_eq!(
            (
                conflict.base.clone(),
                conflict.theirs.clone(),
                conflict.mine.clone()
            ),
            (
                Some(json!("Low")),
                Some(json!("High")),
                Some(json!("Medium"))
            )
        );
        assert_eq!(result.merged, json!({"risk": "High", "name": "y"}));
        assert_eq!(
            resolve(&result, &[Side::Mine]),
            json!({"risk": "Medium", "name": "y"})
        );
        assert_eq!(
            resolve(&result, &[Side::Theirs]),
            json!({"risk": "High", "name": "y"})
        );
    }

    #[test]
    fn a_change_inside_what_the_other_side_removed_conflicts_at_the_wider_place() {
        let base = json!({"section": {"a": 1, "b": 2}});
        let theirs = json!({});
        let mine = json!({"section": {"a": 5, "b": 2}});
        let result = merge(&base, &theirs, &mine);
        assert_eq!(result.conflicts.len(), 1);
        assert_eq!(result.conflicts[0].pointer.to_string(), "/section");
        assert_eq!(result.conflicts[0].theirs, None);
        assert_eq!(
            resolve(&result, &[Side::Mine]),
            json!({"section": {"a": 5, "b": 2}})
        );
    }

    #[test]
    fn removing_what_nobody_else_touched_merges() {
        let base = json!({"a": 1, "b": 2});
        let result = merge(&base, &json!({"a": 1, "b": 2, "c": 3}), &json!({"a": 1}));
        assert_eq!(result.merged, json!({"a": 1, "c": 3}));
    }
}
