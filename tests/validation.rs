//! The card schema as shipped, validating the fixture cards: the verdicts
//! and the pointers the editor shows.

use std::path::Path;

use model_card_editor::domain::card_schema::{CARD_SCHEMA_JSON, card_schema};
use model_card_editor::domain::json_text::parse_json;
use model_card_editor::domain::validation::{
    SchemaValidator, ValidationIssue, card_is_valid, validate_card, validator_schema,
};
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cards")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pointers(issues: &[ValidationIssue]) -> Vec<String> {
    issues
        .iter()
        .map(|issue| issue.pointer.to_string())
        .collect()
}

#[test]
fn bundled_schema_is_the_documented_one_and_compiles() {
    let seed: Value = serde_json::from_str(CARD_SCHEMA_JSON).unwrap();
    assert_eq!(seed["title"], "SageMakerModelCardSchema");
    assert!(SchemaValidator::compile(card_schema()).is_ok());
}

#[test]
fn an_empty_card_is_valid() {
    let card = fixture("empty.json");
    assert!(card_is_valid(&card));
    assert_eq!(validate_card(&card), []);
}

#[test]
fn a_complete_card_is_valid() {
    let card = fixture("complete.json");
    assert_eq!(validate_card(&card), []);
    assert!(card_is_valid(&card));
}

#[test]
fn a_risk_rating_outside_the_enum_is_reported_on_the_field() {
    let issues = validate_card(&fixture("invalid-enum.json"));
    assert_eq!(pointers(&issues), ["/intended_uses/risk_rating"]);
    assert_eq!(issues[0].keyword, "enum");
    assert_eq!(
        issues[0].message,
        "Must be one of High, Medium, Low, Unknown, found `Severe`"
    );
}

#[test]
fn an_over_long_string_is_reported_with_its_length() {
    let issues = validate_card(&fixture("invalid-max-length.json"));
    assert_eq!(pointers(&issues), ["/model_overview/model_creator"]);
    assert_eq!(issues[0].keyword, "maxLength");
    assert_eq!(issues[0].message, "At most 1024 characters, found 1025");
}

#[test]
fn an_unknown_field_is_reported_on_its_object() {
    let issues = validate_card(&fixture("invalid-additional-property.json"));
    assert_eq!(pointers(&issues), ["/business_details"]);
    assert_eq!(issues[0].field.to_string(), "/business_details/owner");
    assert_eq!(issues[0].keyword, "additionalProperties");
    assert_eq!(
        issues[0].message,
        "A model card has no field \u{201c}owner\u{201d} here: remove it, or move what it holds into a field the card has"
    );
}

#[test]
fn a_missing_required_name_is_reported_on_the_evaluation() {
    let issues = validate_card(&fixture("invalid-missing-name.json"));
    assert_eq!(pointers(&issues), ["/evaluation_details/0"]);
    assert_eq!(issues[0].field.to_string(), "/evaluation_details/0/name");
    assert_eq!(issues[0].keyword, "required");
    assert_eq!(issues[0].message, "Required, but `name` is missing");
}

#[test]
fn max_length_counts_code_points_not_utf16_units_or_bytes() {
    let emoji = "🎯".repeat(1024);
    let card = serde_json::json!({"model_overview": {"model_creator": emoji}});
    assert!(card_is_valid(&card), "1,024 emoji are 1,024 characters");
    let card = serde_json::json!({"model_overview": {"model_creator": "🎯".repeat(1025)}});
    assert_eq!(
        pointers(&validate_card(&card)),
        ["/model_overview/model_creator"]
    );
}

#[test]
fn keys_with_slash_and_tilde_are_escaped_in_pointers() {
    let card = serde_json::json!({
        "additional_information": {"custom_details": {"a/b~c": 5}}
    });
    let issues = validate_card(&card);
    assert_eq!(
        pointers(&issues),
        ["/additional_information/custom_details/a~1b~0c"]
    );
    assert_eq!(issues[0].message, "Must be text, found a number");
}

#[test]
fn a_card_that_is_not_an_object_is_reported_at_the_root() {
    let issues = validate_card(&serde_json::json!([1, 2]));
    assert_eq!(pointers(&issues), [""]);
    assert_eq!(
        issues[0].to_string(),
        "(card): Must be a set of fields, found a list"
    );
}

#[test]
fn compiled_and_runtime_validators_agree_on_every_fixture() {
    let runtime = SchemaValidator::compile(card_schema()).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cards");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let card = fixture(&name);
        let form = &model_card_editor::domain::form::card_form().root;
        assert_eq!(
            validate_card(&card),
            runtime.issues(&card, Some(form)),
            "{name}"
        );
        checked += 1;
    }
    assert!(checked >= 6, "found only {checked} fixtures");
}

fn fields(issues: &[ValidationIssue]) -> Vec<(String, String)> {
    issues
        .iter()
        .map(|issue| (issue.field.to_string(), issue.message.clone()))
        .collect()
}

fn metric_card(metric: Value) -> Value {
    serde_json::json!({"evaluation_details": [{"name": "e", "metric_groups": [{"name": "g", "metric_data": [metric]}]}]})
}

const METRIC: &str = "/evaluation_details/0/metric_groups/0/metric_data/0";

#[test]
fn a_metric_failing_its_anyof_is_explained_by_the_type_it_claims() {
    let matrix = metric_card(serde_json::json!({
        "name": "confusion", "type": "matrix", "value": [[1, 2], [3, "x"]]
    }));
    assert_eq!(
        fields(&validate_card(&matrix)),
        [(
            format!("{METRIC}/value/1/1"),
            "Must be a number, found text".to_owned()
        )]
    );
    let bar = metric_card(serde_json::json!({"name": "", "type": "bar_chart", "value": []}));
    assert_eq!(
        fields(&validate_card(&bar)),
        [
            (format!("{METRIC}/name"), "Must not be empty".to_owned()),
            (
                format!("{METRIC}/value"),
                "At least 1 item, found 0".to_owned()
            ),
        ]
    );
}

#[test]
fn a_metric_with_an_unknown_or_missing_type_is_asked_for_one() {
    let unknown = metric_card(serde_json::json!({"name": "m", "type": "pie", "value": 1}));
    assert_eq!(
        fields(&validate_card(&unknown)),
        [(
            format!("{METRIC}/type"),
            "\"pie\" is not a known type; choose Single value, Line graph, Bar chart or Matrix"
                .to_owned()
        )]
    );
    let missing = metric_card(serde_json::json!({"name": "m", "value": 1}));
    assert_eq!(
        fields(&validate_card(&missing)),
        [(
            format!("{METRIC}/type"),
            "Choose a type: Single value, Line graph, Bar chart or Matrix".to_owned()
        )]
    );
}

#[test]
fn a_simple_value_is_checked_as_the_kind_its_type_declares() {
    let long = "x".repeat(64);
    let text = metric_card(serde_json::json!({"name": "m", "type": "string", "value": long}));
    assert_eq!(
        fields(&validate_card(&text)),
        [(
            format!("{METRIC}/value"),
            "At most 63 characters, found 64".to_owned()
        )]
    );
    let null = metric_card(serde_json::json!({"name": "m", "type": "number", "value": null}));
    assert_eq!(
        fields(&validate_card(&null)),
        [(
            format!("{METRIC}/value"),
            "Must be a number, found empty (null)".to_owned()
        )]
    );
}

#[test]
fn a_linear_graph_point_with_three_coordinates_is_reported_on_the_point() {
    let graph = metric_card(serde_json::json!({
        "name": "roc", "type": "linear_graph", "value": [[0, 0], [0.5, 0.7, 1]]
    }));
    assert_eq!(
        fields(&validate_card(&graph)),
        [(
            format!("{METRIC}/value/1"),
            "At most 2 items, found 3".to_owned()
        )]
    );
}

#[test]
fn the_validators_copy_of_the_schema_is_made_from_the_bundled_one() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/generated/card-validator.schema.json");
    let expected = validator_schema(card_schema());
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        let text = serde_json::to_string_pretty(&expected).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
    }
    let generated: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        generated,
        expected,
        "{} is stale: run UPDATE_GENERATED=1 cargo test --test validation",
        path.display()
    );
}

#[test]
fn patterns_checked_without_a_regex_engine_agree_with_the_engine() {
    let runtime = SchemaValidator::compile(card_schema()).unwrap();
    let form = &model_card_editor::domain::form::card_form().root;
    let long = "x".repeat(300);
    let names = [
        "", "\n", "\n\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", " ", "\t", "a", "é",
        "a\n", "\na", "\u{0}", &long,
    ];
    let mut failing = 0;
    for name in names {
        let card = json!({
            "evaluation_details": [{"name": name, "metric_groups": [{"name": name, "metric_data": [
                {"name": name, "type": "number", "value": 1}
            ]}]}],
            "training_details": {"training_job_details": {
                "hyper_parameters": [{"name": name, "value": name}],
                "training_metrics": [{"name": name, "value": 1}],
            }},
        });
        let issues = validate_card(&card);
        assert_eq!(issues, runtime.issues(&card, Some(form)), "{name:?}");
        assert_eq!(
            card_is_valid(&card),
            runtime.issues(&card, None).is_empty(),
            "{name:?}"
        );
        failing += usize::from(issues.iter().any(|issue| issue.keyword == "pattern"));
    }
    assert_eq!(failing, 3, "\"\", \"\\n\" and \"\\n\\n\" fail the patterns");
}
