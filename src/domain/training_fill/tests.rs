//! The training job proposal from recorded `DescribeTrainingJob`
//! responses (`tests/fixtures/sagemaker/describe-training-job*.json`).

use serde_json::{Value, json};

use super::*;

fn describe(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sagemaker")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn labels(proposals: &[FieldProposal]) -> Vec<&str> {
    proposals.iter().map(|proposal| proposal.label).collect()
}

fn by_label<'a>(proposals: &'a [FieldProposal], label: &str) -> &'a FieldProposal {
    proposals
        .iter()
        .find(|proposal| proposal.label == label)
        .unwrap()
}

#[test]
fn a_training_job_proposes_each_field_it_knows() {
    let proposals = propose(&json!({}), &describe("describe-training-job.json")).unwrap();
    assert_eq!(
        labels(&proposals),
        [
            "Training job ARN",
            "Training datasets",
            "Container image",
            "Training metrics",
            "Hyperparameters"
        ],
        "no objective function: not a tuning job's"
    );
    assert_eq!(
        by_label(&proposals, "Training datasets").proposed,
        json!([
            "s3://ml-data-111122223333/churn/train/",
            "s3://ml-data-111122223333/churn/validation/"
        ])
    );
    assert_eq!(
        by_label(&proposals, "Container image").proposed,
        json!(["141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1"])
    );
    assert_eq!(
        by_label(&proposals, "Training metrics").proposed[1],
        json!({"name": "validation:auc", "value": 0.9175})
    );
    assert_eq!(
        by_label(&proposals, "Hyperparameters").proposed[0],
        json!({"name": "max_depth", "value": "6"})
    );
    assert_eq!(
        by_label(&proposals, "Training job ARN").pointer.to_string(),
        "/training_details/training_job_details/training_arn"
    );
    assert!(
        proposals
            .iter()
            .all(|proposal| proposal.now.is_none() && proposal.suggested() == FillChoice::Replace)
    );
}

#[test]
fn a_tuning_jobs_training_job_proposes_its_objective_without_guessing_its_direction() {
    let proposals = propose(&json!({}), &describe("describe-training-job-tuned.json")).unwrap();
    let objective = by_label(&proposals, "Objective function");
    assert_eq!(
        objective.pointer.to_string(),
        "/training_details/objective_function"
    );
    assert_eq!(
        objective.proposed["function"],
        json!({"facet": "validation:auc"})
    );
    assert!(
        objective.proposed["notes"]
            .as_str()
            .unwrap()
            .contains("hyper-parameter-tuning-job/churn-tune-1127")
    );
}

#[test]
fn values_that_break_the_schema_are_proposed_as_they_are_and_shown_as_problems() {
    let card = json!({});
    let proposals = propose(&card, &describe("describe-training-job-tuned.json")).unwrap();
    let hyper = by_label(&proposals, "Hyperparameters");
    let values: Vec<&str> = hyper
        .proposed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_str().unwrap())
        .collect();
    assert!(
        values.iter().any(|value| value.len() == 359),
        "the long value is not cut"
    );
    assert!(values.contains(&""), "the empty value is not dropped");
    let choices: Vec<FillChoice> = proposals.iter().map(FieldProposal::suggested).collect();
    let problems = problems(&card, &proposals, &choices);
    let index = proposals
        .iter()
        .position(|proposal| proposal.label == "Hyperparameters")
        .unwrap();
    let found: Vec<(String, &str)> = problems[index]
        .iter()
        .map(|issue| (issue.pointer.to_string(), issue.keyword.as_str()))
        .collect();
    let at = "/training_details/training_job_details/hyper_parameters";
    assert_eq!(found.len(), 2, "{found:?}");
    let has = |want: &dyn Fn(&str) -> bool| {
        found
            .iter()
            .any(|(pointer, keyword)| pointer.starts_with(at) && want(keyword))
    };
    assert!(
        has(&|keyword| keyword == "pattern"),
        "the empty value, an error: {found:?}"
    );
    assert!(
        has(&|keyword| keyword.starts_with("MC")),
        "the long value, a warning: {found:?}"
    );
    assert!(
        problems
            .iter()
            .enumerate()
            .all(|(i, found)| i == index || found.is_empty())
    );
}

#[test]
fn choices_keep_replace_or_merge_lists_by_name_and_user_provided_lists_are_untouched() {
    let card = json!({"training_details": {"training_job_details": {
        "training_arn": "arn:aws:sagemaker:eu-west-1:111122223333:training-job/churn-xgb-2026-11-18-09-12-44-310",
        "hyper_parameters": [{"name": "eta", "value": "0.3"}, {"name": "gamma", "value": "1"}],
        "user_provided_hyper_parameters": [{"name": "eta", "value": "manual"}],
        "training_datasets": ["s3://ml-data-111122223333/churn/train/"]
    }}});
    let proposals = propose(&card, &describe("describe-training-job.json")).unwrap();
    let suggested: Vec<FillChoice> = proposals.iter().map(FieldProposal::suggested).collect();
    assert_eq!(
        suggested,
        [
            FillChoice::Keep,
            FillChoice::Merge,
            FillChoice::Replace,
            FillChoice::Replace,
            FillChoice::Merge
        ],
        "the same ARN kept, differing lists merged, empty fields filled"
    );
    let merged = apply(&card, &proposals, &suggested);
    let details = &merged["training_details"]["training_job_details"];
    let hyper: Vec<(&str, &str)> = details["hyper_parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        hyper[..2],
        [("eta", "0.2"), ("gamma", "1")],
        "the job's eta in place, the card's gamma kept"
    );
    assert_eq!(hyper.len(), 6);
    assert_eq!(
        details["training_datasets"].as_array().unwrap().len(),
        2,
        "datasets merged by value"
    );
    assert_eq!(
        details["user_provided_hyper_parameters"],
        json!([{"name": "eta", "value": "manual"}])
    );
    let kept = apply(&card, &proposals, &vec![FillChoice::Keep; proposals.len()]);
    assert_eq!(kept, card, "keeping everything changes nothing");
    let replaced = apply(
        &card,
        &proposals,
        &vec![FillChoice::Replace; proposals.len()],
    );
    assert_eq!(
        replaced["training_details"]["training_job_details"]["hyper_parameters"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

#[test]
fn a_field_under_something_that_is_not_an_object_is_left_alone() {
    let card = json!({"training_details": "see the wiki"});
    let proposals = propose(&card, &describe("describe-training-job.json")).unwrap();
    let choices = vec![FillChoice::Replace; proposals.len()];
    assert_eq!(apply(&card, &proposals, &choices), card);
}

#[test]
fn other_files_are_refused_with_what_was_expected() {
    assert_eq!(
        propose(&json!({}), &json!([1])),
        Err(FillError::NotAnObject)
    );
    let error = propose(&json!({}), &json!({"ModelPackageArn": "x"})).unwrap_err();
    assert_eq!(error, FillError::NotATrainingJob);
    assert!(
        error
            .to_string()
            .contains("aws sagemaker describe-training-job")
    );
}

#[test]
fn a_job_is_looked_up_by_its_name_from_an_arn_or_as_typed() {
    assert_eq!(
        job_name(" arn:aws:sagemaker:us-east-1:123456789012:training-job/fraud-xgb-2026-11-20 "),
        Ok("fraud-xgb-2026-11-20".to_owned())
    );
    assert_eq!(job_name("fraud-v7"), Ok("fraud-v7".to_owned()));
    let refusals = [
        ("", "Type the training job's name or ARN."),
        (
            "arn:aws:sagemaker:us-east-1:1:model-package/fraud/3",
            "arn:aws:sagemaker:us-east-1:1:model-package/fraud/3 is not a training job's ARN (it names a model-package).",
        ),
        (
            "arn:aws:s3:::bucket",
            "arn:aws:s3:::bucket is not a SageMaker ARN.",
        ),
        (
            "fraud job",
            "\u{201c}fraud job\u{201d} is not a training job name: names are 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen.",
        ),
    ];
    for (typed, message) in refusals {
        assert_eq!(job_name(typed), Err(message.to_owned()), "{typed}");
    }
    assert!(job_name(&"a".repeat(64)).is_err());
    assert!(job_name("-a").is_err());
}

#[test]
fn the_cards_own_training_job_is_looked_up_first() {
    let card = json!({"training_details": {"training_job_details": {"training_arn": "arn:x"}}});
    assert_eq!(card_job(&card).as_deref(), Some("arn:x"));
    assert_eq!(card_job(&json!({})), None);
}

#[test]
fn the_model_artifact_comes_from_the_versions_containers_each_once() {
    let urls = vec![
        "s3://models/fraud/model.tar.gz".to_owned(),
        " ".to_owned(),
        "s3://models/fraud/model.tar.gz".to_owned(),
        "s3://models/fraud/pre.tar.gz".to_owned(),
    ];
    let card = json!({"model_overview": {"model_artifact": ["s3://old"]}});
    let proposal = artifact_proposal(&card, &urls).unwrap();
    assert_eq!(
        proposal.proposed,
        json!([
            "s3://models/fraud/model.tar.gz",
            "s3://models/fraud/pre.tar.gz"
        ])
    );
    assert_eq!(proposal.now, Some(json!(["s3://old"])));
    assert_eq!(proposal.suggested(), FillChoice::Merge);
    assert_eq!(
        proposal.result(FillChoice::Merge),
        Some(json!([
            "s3://old",
            "s3://models/fraud/model.tar.gz",
            "s3://models/fraud/pre.tar.gz"
        ]))
    );
    assert_eq!(artifact_proposal(&card, &[]), None);
}

#[test]
fn values_are_listed_one_item_a_line() {
    assert_eq!(
        value_lines(&json!([{"name": "auc", "value": 0.97}, {"name": "eta", "value": "0.2"}])),
        ["auc = 0.97", "eta = 0.2"]
    );
    assert_eq!(value_lines(&json!("arn:x")), ["arn:x"]);
    assert_eq!(
        value_lines(&json!(["s3://a", "s3://b"])),
        ["s3://a", "s3://b"]
    );
    assert_eq!(value_lines(&json!({"notes": 1})), ["{\"notes\":1}"]);
}
