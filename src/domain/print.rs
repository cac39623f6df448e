//! What the printable card (the preview) says of a value, decided without
//! a browser so it is tested natively: which values are blank and left
//! out rather than printed as gaps, how a single value reads, how a
//! list's item is titled, how a matrix's rows and columns are labelled,
//! and which card status the printout names.

use serde_json::Value;

use crate::domain::form::layout::text::item_name;

/// Whether `value` has nothing to print: null, blank text, or a list or
/// object of such values only.
pub fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.iter().all(is_blank),
        Value::Object(map) => map.values().all(is_blank),
        _ => false,
    }
}

/// A single value as printed: text as it is, a yes/no for a checkbox,
/// nothing for null, and anything else as JSON.
pub fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(true) => "Yes".to_owned(),
        Value::Bool(false) => "No".to_owned(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The heading of a list's item: its noun and its number (counted from 1),
/// with its summary when it has one ("Metric 2: accuracy").
pub fn item_title(noun: &str, index: usize, summary: Option<&str>) -> String {
    match summary {
        Some(summary) => format!("{noun} {}: {summary}", index + 1),
        None => item_name(noun, index),
    }
}

/// The card status a printout names: the card's own as it was loaded or,
/// for the registry version being edited when its card has none yet,
/// "Draft", the status the submit bar would send.
pub fn printed_card_status(loaded: Option<&str>, editing_registry_version: bool) -> Option<String> {
    match (loaded, editing_registry_version) {
        (Some(status), _) => Some(status.to_owned()),
        (None, true) => Some("Draft".to_owned()),
        (None, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn blank_values_are_null_blank_text_or_made_of_blank_values() {
        for blank in [
            json!(null),
            json!(""),
            json!("  \n"),
            json!([]),
            json!([null, " "]),
            json!({}),
            json!({"a": null, "b": ["", {}]}),
        ] {
            assert!(is_blank(&blank), "{blank}");
        }
        for filled in [
            json!(0),
            json!(false),
            json!("x"),
            json!([null, 1]),
            json!({"a": {"b": "x"}}),
        ] {
            assert!(!is_blank(&filled), "{filled}");
        }
    }

    #[test]
    fn a_single_value_reads_as_text_yes_or_no_or_json() {
        assert_eq!(scalar_text(&json!("Low")), "Low");
        assert_eq!(scalar_text(&json!(true)), "Yes");
        assert_eq!(scalar_text(&json!(false)), "No");
        assert_eq!(scalar_text(&json!(null)), "");
        assert_eq!(scalar_text(&json!(0.5)), "0.5");
        assert_eq!(scalar_text(&json!([1, 2])), "[1,2]");
    }

    #[test]
    fn an_item_is_titled_by_its_noun_number_and_summary() {
        assert_eq!(
            item_title("Metric", 1, Some("accuracy")),
            "Metric 2: accuracy"
        );
        assert_eq!(item_title("Item", 0, None), "Item 1");
    }

    #[test]
    fn the_printed_card_status_is_the_loaded_one_else_draft_for_a_registry_version() {
        assert_eq!(
            printed_card_status(Some("Approved"), true).as_deref(),
            Some("Approved")
        );
        assert_eq!(
            printed_card_status(Some("Approved"), false).as_deref(),
            Some("Approved")
        );
        assert_eq!(printed_card_status(None, true).as_deref(), Some("Draft"));
        assert_eq!(printed_card_status(None, false), None);
    }
}
