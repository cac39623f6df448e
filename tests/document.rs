//! Loading and saving a card changes nothing that was not edited: key
//! order, numbers as written, unknown fields, layout.

use std::path::Path;

use model_card_editor::domain::document::{CardDocument, Coalesce, Edit};
use model_card_editor::domain::json_text::parse_json;
use model_card_editor::domain::json_text::{TextStyle, to_json_text};
use model_card_editor::domain::pointer::JsonPointer;
use model_card_editor::domain::validation::validate_card;
use serde_json::json;

fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cards")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn pointer(text: &str) -> JsonPointer {
    JsonPointer::parse(text).unwrap()
}

#[test]
fn a_card_loaded_and_saved_without_edits_is_byte_for_byte_the_same() {
    for name in ["complete.json", "round-trip.json", "empty.json"] {
        let text = fixture_text(name);
        let document = CardDocument::new(parse_json(&text).unwrap());
        assert_eq!(
            to_json_text(document.root(), &TextStyle::detect(&text)),
            text,
            "{name}"
        );
    }
}

#[test]
fn a_compact_card_stays_compact() {
    let text = r#"{"b":1.0,"a":[1e+2,"x"],"c":{}}"#;
    let document = CardDocument::new(parse_json(text).unwrap());
    assert_eq!(
        to_json_text(document.root(), &TextStyle::detect(text)),
        text
    );
}

#[test]
fn an_edit_changes_only_what_it_edits() {
    let text = fixture_text("round-trip.json");
    let mut document = CardDocument::new(parse_json(&text).unwrap());
    document
        .apply(
            Edit::Set {
                pointer: pointer("/intended_uses/risk_rating"),
                value: json!("High"),
            },
            Coalesce::Never,
            0.0,
        )
        .unwrap();
    let saved = to_json_text(document.root(), &TextStyle::detect(&text));
    assert_eq!(
        saved,
        text.replace("\"risk_rating\": \"Low\"", "\"risk_rating\": \"High\"")
    );
}

#[test]
fn unknown_fields_are_kept_through_edits_and_flagged_by_validation() {
    let text = fixture_text("round-trip.json");
    let mut document = CardDocument::new(parse_json(&text).unwrap());
    document
        .apply(
            Edit::Remove {
                pointer: pointer("/evaluation_details/0/metadata"),
            },
            Coalesce::Never,
            0.0,
        )
        .unwrap();
    let root = document.root();
    assert_eq!(
        root["zz_unknown_top"].to_string(),
        "12345678901234567890123"
    );
    assert_eq!(
        root["model_overview"]["x_team_note"]["kept"].to_string(),
        "[1.0,-0.0,1e-7,2.50e+3]"
    );
    assert_eq!(
        root["evaluation_details"][0]["metric_groups"][0]["extra"],
        json!(true)
    );
    let flagged: Vec<String> = validate_card(root)
        .iter()
        .filter(|issue| issue.keyword == "additionalProperties")
        .map(|issue| issue.field.to_string())
        .collect();
    // metric_groups items do not forbid extra keys, so "extra" is valid.
    assert_eq!(flagged, ["/model_overview/x_team_note", "/zz_unknown_top"]);
}

/// The one thing about a number's text that is not kept: serde_json writes
/// an exponent as `e` with a sign. Digits, decimals and trailing zeros are.
#[test]
fn exponents_are_written_in_one_form() {
    let value = parse_json("[1E2, 2.50E-3, 1e+2]").unwrap();
    assert_eq!(value.to_string(), "[1e+2,2.50e-3,1e+2]");
}

fn edited_document() -> CardDocument {
    let mut document = CardDocument::new(json!({"a": {"b": 1}, "list": [1, 2, 3]}));
    let edits = [
        Edit::Set {
            pointer: pointer("/a/c"),
            value: json!("new"),
        },
        Edit::Remove {
            pointer: pointer("/list/0"),
        },
        Edit::RenameKey {
            object: pointer("/a"),
            from: "b".into(),
            to: "bee".into(),
        },
        Edit::Move {
            array: pointer("/list"),
            from: 0,
            to: 1,
        },
    ];
    for edit in edits {
        document.apply(edit, Coalesce::Never, 0.0).unwrap();
    }
    document.undo().unwrap();
    document
}

#[test]
fn undo_history_survives_a_draft_round_trip() {
    let document = edited_document();
    let text = serde_json::to_string(&document.history_snapshot(1 << 20)).unwrap();
    let mut restored = CardDocument::with_history(
        document.root().clone(),
        serde_json::from_str(&text).unwrap(),
    );
    assert!(restored.can_undo() && restored.can_redo());
    restored.redo().unwrap();
    assert_eq!(
        serde_json::to_string(restored.root()).unwrap(),
        r#"{"a":{"bee":1,"c":"new"},"list":[3,2]}"#
    );
    while restored.undo().is_some() {}
    assert_eq!(
        serde_json::to_string(restored.root()).unwrap(),
        r#"{"a":{"b":1},"list":[1,2,3]}"#
    );
}

#[test]
fn a_history_that_does_not_fit_the_card_is_dropped() {
    let snapshot = edited_document().history_snapshot(1 << 20);
    let other = CardDocument::with_history(json!({"unrelated": true}), snapshot);
    assert!(!other.can_undo() && !other.can_redo());
    assert_eq!(other.root(), &json!({"unrelated": true}));
}

#[test]
fn a_snapshot_keeps_the_newest_steps_within_its_budget() {
    let mut document = CardDocument::new(json!({"text": ""}));
    for index in 0..50 {
        let value = json!("x".repeat(1000 + index));
        document
            .apply(
                Edit::Set {
                    pointer: pointer("/text"),
                    value,
                },
                Coalesce::Never,
                0.0,
            )
            .unwrap();
    }
    let snapshot = document.history_snapshot(20_000);
    assert!(
        snapshot.undo_len() > 5 && snapshot.undo_len() < 20,
        "{}",
        snapshot.undo_len()
    );
    let mut restored = CardDocument::with_history(document.root().clone(), snapshot);
    restored.undo().unwrap();
    assert_eq!(
        restored.root()["text"].as_str().unwrap().len(),
        1048,
        "the newest step comes back first"
    );
}
