//! `model-card add-evaluation` and `fill-training`, run as a pipeline runs
//! them: every report fixture added to a card, and a saved training job
//! filled in, give a card `model-card validate` accepts; an invalid
//! result, an unreadable input and a wrong command line each exit as
//! documented and leave the card as it was.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_model-card"))
        .args(args)
        .output()
        .unwrap()
}

fn fixture(dir: &str, name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A copy of the complete example card in a directory of its own.
fn card_copy(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("model-card-add-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("card.json");
    std::fs::copy(fixture("cards", "complete.json"), &path).unwrap();
    path
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_report_fixture_makes_a_card_that_validate_accepts() {
    let reports = [
        "binary",
        "multiclass-5",
        "regression",
        "several-groups",
        "bias",
        "explainability",
        "metric-schema",
    ];
    for report in reports {
        let card = card_copy(report);
        let before = read(&card)["evaluation_details"]
            .as_array()
            .map_or(0, Vec::len);
        let path = card.to_string_lossy().into_owned();
        let output = run(&[
            "add-evaluation",
            "--name",
            &format!("From {report}"),
            &path,
            &fixture("reports", &format!("{report}.json")),
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{report}: {}",
            stderr(&output)
        );
        let added = read(&card);
        let evaluations = added["evaluation_details"].as_array().unwrap();
        assert_eq!(evaluations.len(), before + 1, "{report}");
        assert_eq!(evaluations[before]["name"], format!("From {report}"));
        assert!(
            !evaluations[before]["metric_groups"]
                .as_array()
                .unwrap()
                .is_empty(),
            "{report}"
        );
        let validated = run(&["validate", &path]);
        assert_eq!(
            validated.status.code(),
            Some(0),
            "{report}: {}",
            String::from_utf8_lossy(&validated.stdout)
        );
    }
}

#[test]
fn several_reports_go_into_one_evaluation_and_merging_twice_changes_nothing() {
    let card = card_copy("merge");
    let path = card.to_string_lossy().into_owned();
    let reports = [
        fixture("reports", "binary.json"),
        fixture("reports", "regression.json"),
    ];
    let output = run(&[
        "add-evaluation",
        "--name",
        "Holdout",
        "--job-arn",
        "arn:aws:sagemaker:eu-west-1:111122223333:processing-job/quality",
        &path,
        &reports[0],
        &reports[1],
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains(
        "binary.json: Model Monitor model quality, binary classification, 1 metric group."
    ));
    let once = std::fs::read_to_string(&card).unwrap();
    let holdout = read(&card)["evaluation_details"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(holdout["metric_groups"].as_array().unwrap().len(), 2);
    assert_eq!(
        holdout["evaluation_job_arn"],
        "arn:aws:sagemaker:eu-west-1:111122223333:processing-job/quality"
    );
    let again = run(&[
        "add-evaluation",
        "--into",
        "Holdout",
        &path,
        &reports[0],
        &reports[1],
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(&card).unwrap(),
        once,
        "merging the same reports again changes nothing"
    );
}

#[test]
fn the_card_keeps_its_layout_and_output_leaves_it_alone() {
    let card = card_copy("layout");
    let mut text = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut text, formatter);
    serde::Serialize::serialize(&read(&card), &mut serializer).unwrap();
    let text = String::from_utf8(text).unwrap() + "\n";
    std::fs::write(&card, &text).unwrap();
    let out = card.with_file_name("out.json");
    let output = run(&[
        "add-evaluation",
        "--name",
        "Q",
        "--output",
        &out.to_string_lossy(),
        &card.to_string_lossy(),
        &fixture("reports", "regression.json"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&card).unwrap(),
        text,
        "the card itself untouched"
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.contains("\n    \"model_overview\": {"),
        "four-space indentation kept"
    );
    let keys: Vec<String> = read(&out).as_object().unwrap().keys().cloned().collect();
    let original: Vec<String> = read(&card).as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys[..original.len()], original[..], "key order kept");
}

#[test]
fn a_result_that_would_not_be_valid_exits_one_and_writes_nothing() {
    let card = card_copy("invalid");
    let before = std::fs::read_to_string(&card).unwrap();
    let output = run(&[
        "add-evaluation",
        "--name",
        "25 classes",
        &card.to_string_lossy(),
        &fixture("reports", "multiclass-25.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(
        said.contains("/metric_groups/0/metric_data/0/value"),
        "the validator's error names the matrix: {said}"
    );
    assert!(said.contains("nothing written"), "{said}");
    assert_eq!(std::fs::read_to_string(&card).unwrap(), before);
}

#[test]
fn a_matrix_with_too_many_classes_is_cut_to_the_best_supported_on_request() {
    let card = card_copy("top");
    let path = card.to_string_lossy().into_owned();
    let report = fixture("reports", "multiclass-25.json");
    let output = run(&[
        "add-evaluation",
        "--name",
        "Top 20",
        "--top-classes",
        "20",
        "--pool-rest",
        &path,
        &report,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("25 classes become the 19 with the most support and \"other\""),
        "{}",
        stderr(&output)
    );
    let card = read(&card);
    let added = card["evaluation_details"]
        .as_array()
        .unwrap()
        .last()
        .unwrap();
    let matrix = &added["metric_groups"][0]["metric_data"][0];
    assert_eq!(matrix["value"].as_array().unwrap().len(), 20);
    assert_eq!(matrix["y_axis_name"][19], "other");
    assert_eq!(run(&["validate", &path]).status.code(), Some(0));
}

#[test]
fn long_curves_are_shortened_on_request() {
    let dir = card_copy("shorten").with_file_name("");
    let points: Vec<Value> = (0..10_000)
        .map(|i| serde_json::json!([i as f64 / 10_000.0, (i as f64 / 10_000.0).sqrt()]))
        .collect();
    let report = serde_json::json!({"binary_classification_metrics": {"receiver_operating_characteristic_curve": {
        "false_positive_rates": points.iter().map(|p| p[0].clone()).collect::<Vec<_>>(),
        "true_positive_rates": points.iter().map(|p| p[1].clone()).collect::<Vec<_>>()
    }}});
    let report_path = dir.join("long.json");
    std::fs::write(&report_path, report.to_string()).unwrap();
    let card = dir.join("card.json");
    let output = run(&[
        "add-evaluation",
        "--name",
        "Long",
        "--max-points",
        "200",
        &card.to_string_lossy(),
        &report_path.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("10000 points shortened to 200, keeping its ends and shape."));
    let card = read(&card);
    let added = card["evaluation_details"]
        .as_array()
        .unwrap()
        .last()
        .unwrap();
    let curve = &added["metric_groups"][0]["metric_data"][0];
    assert_eq!(curve["value"].as_array().unwrap().len(), 200);
}

#[test]
fn an_unreadable_or_unknown_report_exits_two_naming_the_file() {
    let card = card_copy("unreadable");
    let before = std::fs::read_to_string(&card).unwrap();
    let broken = card.with_file_name("broken.json");
    std::fs::write(&broken, "{\"regression_metrics\": ").unwrap();
    let unknown = card.with_file_name("unknown.json");
    std::fs::write(&unknown, "{\"predictions\": [1, 0]}").unwrap();
    for report in [&broken, &unknown, &card.with_file_name("missing.json")] {
        let output = run(&[
            "add-evaluation",
            "--name",
            "X",
            &card.to_string_lossy(),
            &report.to_string_lossy(),
        ]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains(&*report.to_string_lossy()),
            "{}",
            stderr(&output)
        );
    }
    assert!(
        stderr(&run(&[
            "add-evaluation",
            "--name",
            "X",
            &card.to_string_lossy(),
            &unknown.to_string_lossy()
        ]))
        .contains("Expected \"metric_groups\"")
    );
    assert_eq!(std::fs::read_to_string(&card).unwrap(), before);
}

#[test]
fn wrong_usage_exits_64_and_help_says_how() {
    let card = card_copy("usage");
    let path = card.to_string_lossy().into_owned();
    let report = fixture("reports", "binary.json");
    for args in [
        vec!["add-evaluation", &path, &report],
        vec![
            "add-evaluation",
            "--name",
            "A",
            "--into",
            "B",
            &path,
            &report,
        ],
        vec!["add-evaluation", "--name", "A", &path],
        vec![
            "add-evaluation",
            "--name",
            "A",
            "--format",
            "csv",
            &path,
            &report,
        ],
        vec![
            "add-evaluation",
            "--name",
            "A",
            "--max-points",
            "2",
            &path,
            &report,
        ],
    ] {
        assert_eq!(run(&args).status.code(), Some(64), "{args:?}");
    }
    let help = run(&["add-evaluation", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--max-points N"));
    let missing = run(&["add-evaluation", "--into", "Nope", &path, &report]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no evaluation named \"Nope\""),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn fill_training_fills_a_card_that_validate_accepts_and_merges_on_a_second_run() {
    let card = card_copy("fill");
    let path = card.to_string_lossy().into_owned();
    let job = fixture("sagemaker", "describe-training-job.json");
    let output = run(&[
        "fill-training",
        "--from-describe",
        &job,
        "--replace",
        "hyper_parameters",
        &path,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("hyper_parameters: replaced (5 from the job)"),
        "{}",
        stderr(&output)
    );
    let details = read(&card)["training_details"]["training_job_details"].clone();
    assert_eq!(
        details["training_arn"],
        "arn:aws:sagemaker:eu-west-1:111122223333:training-job/churn-xgb-2026-11-18-09-12-44-310"
    );
    assert_eq!(details["hyper_parameters"].as_array().unwrap().len(), 5);
    assert_eq!(details["training_metrics"][1]["name"], "validation:auc");
    assert_eq!(run(&["validate", &path]).status.code(), Some(0));
    let once = std::fs::read_to_string(&card).unwrap();
    let again = run(&["fill-training", "--from-describe", &job, &path]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("training_arn: already the job's"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(&card).unwrap(),
        once,
        "filling from the same job again changes nothing"
    );
}

#[test]
fn fill_training_refuses_an_invalid_result_and_a_file_that_is_no_training_job() {
    let card = card_copy("fill-invalid");
    let path = card.to_string_lossy().into_owned();
    let before = std::fs::read_to_string(&card).unwrap();
    let tuned = fixture("sagemaker", "describe-training-job-tuned.json");
    let output = run(&[
        "fill-training",
        "--from-describe",
        &tuned,
        "--replace",
        "hyper_parameters",
        &path,
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an empty hyperparameter value: {}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("/training_details/training_job_details/hyper_parameters/7/value"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&card).unwrap(), before);
    let package = fixture("sagemaker", "describe-model-package.json");
    let output = run(&["fill-training", "--from-describe", &package, &path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not a DescribeTrainingJob response"),
        "{}",
        stderr(&output)
    );
    assert_eq!(run(&["fill-training", &path]).status.code(), Some(64));
    assert_eq!(run(&["fill-training", "--help"]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&card).unwrap(), before);
}
