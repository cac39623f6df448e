//! Each report format against its golden output (`tests/fixtures/reports/`,
//! reports written from the documented formats, with several groups and
//! keys nobody listed), and the conversions' edge cases one by one.
//! `UPDATE_GOLDEN=1 cargo test report` rewrites the golden files; read
//! their diff before committing it.

use std::path::PathBuf;

use serde_json::{Value, json};

use super::*;

const FIXTURES: [&str; 8] = [
    "binary",
    "multiclass-5",
    "multiclass-25",
    "regression",
    "several-groups",
    "bias",
    "explainability",
    "metric-schema",
];

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports")
}

fn report(name: &str) -> Value {
    let text = std::fs::read_to_string(fixture_dir().join(format!("{name}.json"))).unwrap();
    parse_report(&text).unwrap()
}

fn converted(name: &str, options: ConvertOptions) -> (ReportFormat, Conversion) {
    let report = report(name);
    let format = format_of(&report, None).unwrap();
    (format, convert(format, &report, options).unwrap())
}

fn names(groups: &[Value]) -> Vec<&str> {
    groups
        .iter()
        .map(|group| group["name"].as_str().unwrap())
        .collect()
}

fn metric<'a>(group: &'a Value, name: &str) -> &'a Value {
    group["metric_data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|metric| metric["name"] == name)
        .unwrap_or_else(|| panic!("no metric {name} in {group}"))
}

#[test]
fn every_fixture_converts_to_its_golden_output() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for name in FIXTURES {
        let (format, conversion) = converted(name, ConvertOptions::default());
        let got = json!({"format": format.cli_name(), "groups": conversion.groups, "notes": conversion.notes});
        let path = fixture_dir().join("golden").join(format!("{name}.json"));
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if got != want {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "conversions differ from their golden files: {stale:?}"
    );
}

#[test]
fn each_format_is_detected_from_its_keys() {
    let cases = [
        ("binary", ReportFormat::ModelQualityBinary),
        ("multiclass-5", ReportFormat::ModelQualityMulticlass),
        ("regression", ReportFormat::ModelQualityRegression),
        ("several-groups", ReportFormat::ModelQualityMulticlass),
        ("bias", ReportFormat::ClarifyBias),
        ("explainability", ReportFormat::ClarifyExplainability),
        ("metric-schema", ReportFormat::MetricSchema),
    ];
    for (name, format) in cases {
        assert_eq!(detect(&report(name)), Some(format), "{name}");
    }
    for format in ReportFormat::ALL {
        assert_eq!(ReportFormat::from_cli_name(format.cli_name()), Some(format));
    }
    assert_eq!(ReportFormat::from_cli_name("auto"), None);
}

#[test]
fn every_group_of_a_report_is_converted_not_only_the_first() {
    let (_, conversion) = converted("several-groups", ConvertOptions::default());
    assert_eq!(
        names(&conversion.groups),
        [
            "Binary classification metrics",
            "Multiclass classification metrics",
            "Regression metrics",
            "Drift metrics"
        ]
    );
    let drift = &conversion.groups[3];
    assert_eq!(metric(drift, "psi")["value"], json!(0.08));
    assert_eq!(metric(drift, "ks_statistic")["value"], json!(0.031));
    assert_eq!(
        conversion.notes,
        ["\"notes\" is not a group of metrics; left out."]
    );
}

#[test]
fn a_scalar_keeps_its_deviation_only_when_it_is_a_number_and_nan_values_are_named() {
    let (_, conversion) = converted("binary", ConvertOptions::default());
    let group = &conversion.groups[0];
    assert_eq!(
        metric(group, "recall standard deviation")["value"],
        json!(0.0121)
    );
    let names: Vec<&str> = group["metric_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert!(
        !names.contains(&"accuracy standard deviation"),
        "NaN deviation left out: {names:?}"
    );
    assert!(
        names.contains(&"calibration_error_custom"),
        "a metric nobody listed is kept"
    );
    assert!(
        conversion.notes.contains(&"Binary classification metrics › false_negative_rate: its value is the text \"NaN\"; left out.".to_owned()),
        "{:?}",
        conversion.notes
    );
    assert!(
        conversion
            .notes
            .iter()
            .any(|note| note
                .starts_with("Binary classification metrics › threshold_notes: the text"))
    );
}

#[test]
fn a_confusion_matrix_is_rows_actual_columns_predicted_and_says_so() {
    let (_, conversion) = converted("binary", ConvertOptions::default());
    let matrix = metric(&conversion.groups[0], "confusion_matrix");
    assert_eq!(matrix["type"], "matrix");
    assert_eq!(matrix["value"], json!([[231, 19], [27, 135]]));
    assert_eq!(matrix["y_axis_name"], json!(["0", "1"]));
    assert_eq!(matrix["x_axis_name"], json!(["0", "1"]));
    assert_eq!(matrix["notes"], CONFUSION_ORIENTATION);
    let (_, five) = converted("multiclass-5", ConvertOptions::default());
    let matrix = metric(&five.groups[0], "confusion_matrix");
    assert!(
        matrix["notes"]
            .as_str()
            .unwrap()
            .ends_with("1 cells the report leaves out are counted 0.")
    );
    assert_eq!(matrix["value"][3][2], json!(0));
}

#[test]
fn curves_become_line_graphs_with_named_axes() {
    let (_, conversion) = converted("binary", ConvertOptions::default());
    let roc = metric(
        &conversion.groups[0],
        "receiver_operating_characteristic_curve",
    );
    assert_eq!(roc["type"], "linear_graph");
    assert_eq!(
        (roc["x_axis_name"].as_str(), roc["y_axis_name"].as_str()),
        (Some("False positive rate"), Some("True positive rate"))
    );
    assert_eq!(roc["value"][1], json!([0.05, 0.42]));
    let pr = metric(&conversion.groups[0], "precision_recall_curve");
    assert_eq!(
        (pr["x_axis_name"].as_str(), pr["y_axis_name"].as_str()),
        (Some("Recall"), Some("Precision"))
    );
    assert_eq!(pr["value"][1], json!([0.3, 0.95]));
}

#[test]
fn a_25_class_matrix_is_converted_whole_for_the_validator_to_flag() {
    let (_, conversion) = converted("multiclass-25", ConvertOptions::default());
    let matrix = metric(&conversion.groups[0], "confusion_matrix");
    assert_eq!(matrix["value"].as_array().unwrap().len(), 25);
    assert_eq!(matrix["value"][24].as_array().unwrap().len(), 25);
}

#[test]
fn bias_metrics_make_a_group_per_stage_facet_and_value() {
    let (_, conversion) = converted("bias", ConvertOptions::default());
    assert_eq!(
        conversion.groups.len(),
        12,
        "2 stages x (2 + 1 + 3) facet values"
    );
    assert_eq!(
        names(&conversion.groups)[0],
        "Pre-training bias: gender = female"
    );
    assert_eq!(
        names(&conversion.groups)[11],
        "Post-training bias: region = east"
    );
    let ci = metric(&conversion.groups[0], "CI");
    assert_eq!(ci["notes"], "Class Imbalance (CI). Label approved = 1.");
    assert!(conversion.notes.contains(
        &"Pre-training bias: region = east › CDDL: its value is null; left out.".to_owned()
    ));
    assert!(
        conversion
            .notes
            .contains(&"\"run_info\" is not a stage of bias metrics; left out.".to_owned())
    );
}

#[test]
fn shap_values_are_simple_metrics_or_a_bar_chart_of_the_top_k() {
    let (_, simple) = converted("explainability", ConvertOptions::default());
    assert_eq!(
        names(&simple.groups),
        ["SHAP values (label0)", "Partial dependence"]
    );
    assert_eq!(metric(&simple.groups[0], "income")["value"], json!(0.2174));
    assert_eq!(
        metric(&simple.groups[0], "expected value")["value"],
        json!(0.4123)
    );
    let (_, bars) = converted(
        "explainability",
        ConvertOptions {
            shap_as: ShapAs::TopBars(3),
        },
    );
    let chart = metric(&bars.groups[0], "global SHAP values, top 3 of 6 features");
    assert_eq!(
        chart["x_axis_name"],
        json!(["income", "debt_ratio", "late_payments"])
    );
    assert_eq!(chart["value"], json!([0.2174, 0.1833, 0.1527]));
    let (_, all) = converted(
        "explainability",
        ConvertOptions {
            shap_as: ShapAs::TopBars(10),
        },
    );
    assert_eq!(
        metric(&all.groups[0], "global SHAP values")["value"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
}

#[test]
fn partial_dependence_is_a_line_for_numbers_and_bars_for_categories() {
    let (_, conversion) = converted("explainability", ConvertOptions::default());
    let group = &conversion.groups[1];
    let age = metric(group, "age: partial dependence (approved)");
    assert_eq!(age["type"], "linear_graph");
    assert_eq!(age["value"][0], json!([20, 0.31]));
    let region = metric(group, "region: partial dependence (approved)");
    assert_eq!(region["type"], "bar_chart");
    assert_eq!(region["x_axis_name"], json!(["north", "south", "east"]));
    assert_eq!(
        region["value"],
        json!([0.42, 0.39, 0.47]),
        "a list per feature value, read per label"
    );
    assert_eq!(metric(group, "age: data distribution")["type"], "bar_chart");
    assert!(conversion.notes.contains(
        &"explanations › lime: not SHAP values or partial dependence; left out.".to_owned()
    ));
}

#[test]
fn bad_reports_say_what_is_wrong_and_what_was_expected() {
    assert!(matches!(
        parse_report("{\"a\": "),
        Err(ReportError::NotJson(_))
    ));
    assert_eq!(
        parse_report("[1, 2]").unwrap_err().to_string(),
        "is a list, not a report (a JSON object)"
    );
    let unknown = parse_report("{\"predictions\": [], \"labels\": []}").unwrap();
    let message = format_of(&unknown, None).unwrap_err().to_string();
    assert!(message.starts_with("is not a report this editor reads: it has the keys \"predictions\", \"labels\". Expected \"metric_groups\""), "{message}");
    let regression = report("regression");
    let as_bias = convert(
        ReportFormat::ClarifyBias,
        &regression,
        ConvertOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        as_bias.to_string(),
        "has nothing to convert as a Clarify bias report: expected \"pre_training_bias_metrics\" or \"post_training_bias_metrics\" with facets and their metrics"
    );
    let empty = json!({"metric_groups": []});
    assert!(matches!(
        convert(
            ReportFormat::MetricSchema,
            &empty,
            ConvertOptions::default()
        ),
        Err(ReportError::NothingToConvert { .. })
    ));
}

#[test]
fn a_named_format_overrides_detection() {
    let several = report("several-groups");
    assert_eq!(
        format_of(&several, Some(ReportFormat::ModelQualityBinary)),
        Ok(ReportFormat::ModelQualityBinary)
    );
    let (_, conversion) = converted("several-groups", ConvertOptions::default());
    let named = convert(
        ReportFormat::ModelQualityBinary,
        &several,
        ConvertOptions::default(),
    )
    .unwrap();
    assert_eq!(
        named.groups.len(),
        conversion.groups.len(),
        "every group, whichever model quality kind is named"
    );
}

#[test]
fn a_curve_with_lists_of_different_lengths_is_named_not_drawn() {
    let report = json!({"binary_classification_metrics": {"receiver_operating_characteristic_curve": {"false_positive_rates": [0, 1], "true_positive_rates": [0]}}});
    let conversion = convert(
        ReportFormat::ModelQualityBinary,
        &report,
        ConvertOptions::default(),
    )
    .unwrap();
    assert_eq!(conversion.groups[0]["metric_data"], json!([]));
    assert_eq!(
        conversion.notes,
        [
            "Binary classification metrics › receiver_operating_characteristic_curve: its curve has 2 x values and 1 y values; left out."
        ]
    );
}
