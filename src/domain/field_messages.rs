//! The messages each form field shows, gathered from the card's findings,
//! and which fields' messages an edit changed.
//!
//! The editor re-renders a field's messages only when they change, so
//! after every edit it compares the messages by field before and after
//! ([`changed_fields`]) and notifies just those fields. Both halves are
//! pure: the findings come from [`super::findings`], the notifying is the
//! view's.

use std::collections::BTreeMap;

use super::issues::ValidationIssue;
use super::pointer::JsonPointer;

/// What one field shows: its errors and its lint warnings, each in the
/// order found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldMessages {
    /// Schema errors (and text typed that the card cannot take).
    pub errors: Vec<String>,
    /// Lint warnings.
    pub warnings: Vec<String>,
}

/// The messages of every field that has any, by the field's pointer text
/// (a `BTreeMap`, so snapshots compare in one ordered walk).
pub type MessagesByField = BTreeMap<String, FieldMessages>;

/// The errors and warnings each field shows, in the order found: an issue
/// shows on its `field` (for `required`, the missing member), not where
/// the validator found it.
pub fn messages_by_field(
    issues: &[ValidationIssue],
    warnings: &[ValidationIssue],
) -> MessagesByField {
    let mut by_field = MessagesByField::new();
    for issue in issues {
        by_field
            .entry(issue.field.to_string())
            .or_default()
            .errors
            .push(issue.message.clone());
    }
    for warning in warnings {
        by_field
            .entry(warning.field.to_string())
            .or_default()
            .warnings
            .push(warning.message.clone());
    }
    by_field
}

/// The fields whose messages differ between two snapshots: changed or
/// gone, then new.
pub fn changed_fields<T: PartialEq>(
    old: &BTreeMap<String, T>,
    new: &BTreeMap<String, T>,
) -> Vec<String> {
    let mut keys: Vec<String> = old
        .iter()
        .filter(|(key, messages)| new.get(*key) != Some(messages))
        .map(|(key, _)| key.clone())
        .collect();
    keys.extend(new.keys().filter(|key| !old.contains_key(*key)).cloned());
    keys
}

/// The errors the field at `pointer` shows (none when it shows nothing).
pub fn errors_of(messages: &MessagesByField, pointer: &JsonPointer) -> Vec<String> {
    messages
        .get(&pointer.to_string())
        .map(|shown| shown.errors.clone())
        .unwrap_or_default()
}

/// The lint warnings the field at `pointer` shows.
pub fn warnings_of(messages: &MessagesByField, pointer: &JsonPointer) -> Vec<String> {
    messages
        .get(&pointer.to_string())
        .map(|shown| shown.warnings.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(field: &str, message: &str) -> ValidationIssue {
        let field = JsonPointer::parse(field).unwrap();
        ValidationIssue {
            pointer: field.clone(),
            field,
            keyword: "test".into(),
            title: "Field".into(),
            message: message.into(),
        }
    }

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn messages_gather_on_their_field_in_the_order_found() {
        let issues = [
            issue("/a", "first"),
            issue("/b", "other"),
            issue("/a", "second"),
        ];
        let warnings = [issue("/a", "careful"), issue("/c", "lint")];
        let by_field = messages_by_field(&issues, &warnings);
        assert_eq!(by_field.len(), 3);
        assert_eq!(by_field["/a"].errors, strings(&["first", "second"]));
        assert_eq!(by_field["/a"].warnings, strings(&["careful"]));
        assert_eq!(by_field["/b"].errors, strings(&["other"]));
        assert!(by_field["/b"].warnings.is_empty());
        assert!(by_field["/c"].errors.is_empty());
        assert_eq!(by_field["/c"].warnings, strings(&["lint"]));
    }

    #[test]
    fn an_issue_shows_on_its_field_not_where_it_was_found() {
        let mut missing = issue("/model_overview/model_name", "required");
        missing.pointer = JsonPointer::parse("/model_overview").unwrap();
        let by_field = messages_by_field(&[missing], &[]);
        let field = JsonPointer::parse("/model_overview/model_name").unwrap();
        assert_eq!(errors_of(&by_field, &field), strings(&["required"]));
        assert!(errors_of(&by_field, &JsonPointer::parse("/model_overview").unwrap()).is_empty());
    }

    #[test]
    fn a_field_without_messages_reads_as_empty() {
        let by_field = messages_by_field(&[issue("/a", "wrong")], &[]);
        let elsewhere = JsonPointer::parse("/b").unwrap();
        assert!(errors_of(&by_field, &elsewhere).is_empty());
        assert!(warnings_of(&by_field, &elsewhere).is_empty());
        assert!(warnings_of(&by_field, &JsonPointer::parse("/a").unwrap()).is_empty());
    }

    #[test]
    fn changed_fields_are_the_changed_the_gone_and_the_new() {
        let old = messages_by_field(
            &[
                issue("/same", "x"),
                issue("/changed", "old"),
                issue("/gone", "y"),
            ],
            &[],
        );
        let new = messages_by_field(
            &[
                issue("/same", "x"),
                issue("/changed", "new"),
                issue("/new", "z"),
            ],
            &[],
        );
        assert_eq!(
            changed_fields(&old, &new),
            strings(&["/changed", "/gone", "/new"])
        );
    }

    #[test]
    fn a_warning_alone_changing_counts_as_a_change() {
        let old = messages_by_field(&[issue("/a", "x")], &[]);
        let new = messages_by_field(&[issue("/a", "x")], &[issue("/a", "lint")]);
        assert_eq!(changed_fields(&old, &new), strings(&["/a"]));
    }

    #[test]
    fn equal_snapshots_change_nothing() {
        let snapshot = messages_by_field(&[issue("/a", "x")], &[issue("/b", "y")]);
        assert!(changed_fields(&snapshot, &snapshot.clone()).is_empty());
        assert!(changed_fields(&MessagesByField::new(), &MessagesByField::new()).is_empty());
    }
}
