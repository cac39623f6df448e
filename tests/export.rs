//! Export formats byte for byte against golden files, and what comes back
//! in when they are imported again.

use std::path::{Path, PathBuf};

use model_card_editor::domain::export::{CardStatus, card_file_text, update_input_text};
use model_card_editor::domain::import::{Shape, import_bytes, import_text};
use model_card_editor::domain::json_text::parse_json;

const ARN: &str = "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud-detector/3";

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(path(relative)).unwrap()
}

#[test]
fn the_card_file_is_the_golden_file() {
    let card = parse_json(&read("cards/round-trip.json")).unwrap();
    assert_eq!(card_file_text(&card), read("export/round-trip.card.json"));
}

#[test]
fn the_update_input_is_the_golden_file() {
    let card = parse_json(&read("cards/complete.json")).unwrap();
    assert_eq!(
        update_input_text(ARN, &card, CardStatus::PendingReview),
        read("export/complete.update-model-package.json")
    );
}

#[test]
fn an_exported_update_input_imports_back_to_the_same_card() {
    let card = parse_json(&read("cards/complete.json")).unwrap();
    let imported =
        import_bytes(read("export/complete.update-model-package.json").as_bytes()).unwrap();
    assert_eq!(imported.shape, Shape::UpdateModelPackageInput);
    assert_eq!(imported.arn.as_deref(), Some(ARN));
    assert_eq!(imported.status.as_deref(), Some("PendingReview"));
    assert_eq!(imported.card.to_string(), card.to_string());
}

#[test]
fn the_describe_model_package_example_imports() {
    let imported = import_text(&read("import/describe-model-package.json")).unwrap();
    assert_eq!(imported.shape, Shape::DescribeModelPackage);
    assert_eq!(imported.status.as_deref(), Some("Draft"));
    assert_eq!(
        imported.card["model_overview"]["model_creator"],
        "Fraud Analytics Team"
    );
}
