//! The registry's answers, recorded from the emulator (tests/emulator/
//! record.py), decode into the shapes the screens use.

use model_card_editor::domain::import::import_text;
use model_card_editor::domain::sagemaker::{
    ListModelPackageGroupsOutput, ListModelPackagesOutput, ModelPackage,
};

#[test]
fn list_model_package_groups_decodes() {
    let output: ListModelPackageGroupsOutput = serde_json::from_str(include_str!(
        "fixtures/sagemaker/list-model-package-groups.json"
    ))
    .unwrap();
    let names: Vec<_> = output
        .model_package_group_summary_list
        .iter()
        .map(|g| g.model_package_group_name.as_str())
        .collect();
    assert_eq!(names, ["fraud-detector", "churn-model"]);
    assert!(output.model_package_group_summary_list[0].creation_time > 1.7e9);
}

#[test]
fn list_model_packages_decodes() {
    let output: ListModelPackagesOutput =
        serde_json::from_str(include_str!("fixtures/sagemaker/list-model-packages.json")).unwrap();
    let versions: Vec<_> = output
        .model_package_summary_list
        .iter()
        .map(|v| (v.model_package_version, v.model_approval_status.as_deref()))
        .collect();
    assert_eq!(
        versions,
        [
            (Some(1), Some("Approved")),
            (Some(2), Some("Rejected")),
            (Some(3), Some("PendingManualApproval")),
            (Some(4), Some("PendingManualApproval")),
        ]
    );
}

#[test]
fn describe_model_package_decodes_with_its_card() {
    let package: ModelPackage = serde_json::from_str(include_str!(
        "fixtures/sagemaker/describe-model-package.json"
    ))
    .unwrap();
    assert_eq!(
        package.model_package_group_name.as_deref(),
        Some("fraud-detector")
    );
    assert_eq!(
        package.approval_description.as_deref(),
        Some("Reviewed by the model risk office")
    );
    let spec = package.inference_specification.unwrap();
    assert_eq!(
        spec.containers[0].image.as_deref(),
        Some("257758044811.dkr.ecr.us-east-2.amazonaws.com/sagemaker-xgboost:1.7-1")
    );
    assert_eq!(
        spec.supported_realtime_inference_instance_types,
        ["ml.t2.medium", "ml.m5.xlarge"]
    );
    assert!(package.last_modified_time.is_some());
    let card = package.model_card.unwrap();
    assert_eq!(card.model_card_status.as_deref(), Some("Approved"));
    let content =
        serde_json::json!({"ModelCardContent": card.model_card_content.unwrap()}).to_string();
    let imported = import_text(&content).unwrap();
    assert_eq!(
        imported.card["model_overview"]["model_creator"],
        "Fraud Analytics Team"
    );
}
