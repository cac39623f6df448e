//! Where editors usually get JSON Schema wrong, pinned to what the
//! specification says. Each test names the rule it pins.

use model_card_editor::domain::json_text::parse_json;
use model_card_editor::domain::validation::{SchemaValidator, card_is_valid, validate_card};
use serde_json::{Value, json};

fn card(text: &str) -> Value {
    parse_json(text).unwrap()
}

fn creator(text: String) -> Value {
    json!({"model_overview": {"model_creator": text}})
}

#[test]
fn max_length_counts_code_points_not_utf16_units_or_bytes() {
    // 🎯 is two UTF-16 units and four bytes; é is one unit and two bytes.
    for unit in ["🎯", "é", "a", "\u{10FFFF}"] {
        assert!(
            card_is_valid(&creator(unit.repeat(1024))),
            "1,024 × {unit:?}"
        );
        assert!(
            !card_is_valid(&creator(unit.repeat(1025))),
            "1,025 × {unit:?}"
        );
    }
}

#[test]
fn pattern_is_unanchored_so_dot_1_63_is_not_a_length_limit() {
    let name = |name: &str| json!({"evaluation_details": [{"name": name}]});
    assert!(
        card_is_valid(&name(&"x".repeat(100))),
        "100 characters contain a match"
    );
    assert!(!card_is_valid(&name("")), "nothing to match");
    assert!(!card_is_valid(&name("\n")), "`.` does not match a newline");
    assert!(card_is_valid(&name("\r")), "`.` matches a carriage return");
    assert!(card_is_valid(&name("\n\nx")), "one character is enough");
}

#[test]
fn max_contains_without_contains_limits_nothing() {
    let artifacts: Vec<String> = (0..40).map(|i| format!("s3://b/{i}")).collect();
    assert!(card_is_valid(
        &json!({"model_overview": {"model_artifact": artifacts}})
    ));
    let metrics: Vec<Value> = (0..80)
        .map(|i| json!({"name": format!("m{i}"), "value": i}))
        .collect();
    assert!(
        card_is_valid(
            &json!({"training_details": {"training_job_details": {"training_metrics": metrics}}})
        ),
        "maxItems inside `items` applies to each item (an object), so limits nothing"
    );
}

#[test]
fn a_simple_metric_typed_number_may_hold_a_string() {
    let metric = json!({"name": "m", "type": "number", "value": "not a number"});
    let card = json!({"evaluation_details": [{"name": "e", "metric_groups": [{"name": "g", "metric_data": [metric]}]}]});
    assert!(
        card_is_valid(&card),
        "value is anyOf number, string, boolean whatever `type` says"
    );
}

#[test]
fn integers_may_be_written_with_a_fraction_of_zero() {
    let schema = json!({"type": "integer"});
    let validator = SchemaValidator::compile(&schema).unwrap();
    for text in ["1", "1.0", "-3.00", "1e2", "12345678901234567890123"] {
        assert!(
            validator.issues(&card(text), None).is_empty(),
            "{text} is an integer"
        );
    }
    for text in ["1.5", "1e-2", "\"1\""] {
        assert!(
            !validator.issues(&card(text), None).is_empty(),
            "{text} is not an integer"
        );
    }
}

#[test]
fn very_large_and_negative_numbers_are_numbers() {
    for number in [
        "1e308",
        "-1e308",
        "1e400",
        "12345678901234567890123456789",
        "-0.0",
        "-1.5e-300",
    ] {
        let text = format!(
            r#"{{"training_details": {{"training_job_details": {{"training_metrics": [{{"name": "m", "value": {number}}}]}}}}}}"#
        );
        let card = card(&text);
        assert!(card_is_valid(&card), "{number}");
        assert_eq!(
            card["training_details"]["training_job_details"]["training_metrics"][0]["value"]
                .to_string(),
            number.replace("e400", "e+400").replace("e308", "e+308"),
            "the number keeps its digits"
        );
    }
    let text = r#"{"training_details": {"training_job_details": {"training_metrics": [{"name": "m", "value": "1"}]}}}"#;
    assert_eq!(
        validate_card(&card(text))[0].message,
        "Must be a number, found text"
    );
}
