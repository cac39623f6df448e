//! What adding reports would do, before anything changes: the model of the
//! editor's "Add evaluation from report" dialog, and the steps the CLI's
//! `add-evaluation` takes. Report files are read and converted with the
//! user's choices (a format named per file, SHAP as bars, top-k classes,
//! shorter curves, groups and metrics left out); the result is put into a
//! copy of the card and checked, so the dialog can show every effect in
//! numbers and every problem the card would have, and apply it as one
//! edit.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{
    ApplyError, ConvertOptions, Destination, ReportError, ReportFormat, add_groups, convert,
    cut_matrices, detect, format_of, parse_report, shorten_curves,
};
use crate::domain::check::{Checker, Outcome, check_value};
use crate::domain::issues::ValidationIssue;
use crate::domain::json_text::compact_char_len;
use crate::domain::lints::{CONTENT_LIMIT, thousands};
use crate::domain::pointer::JsonPointer;

/// A report file as given: its name and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportFile {
    /// The file's name, to name it in every message.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// A part of the converted groups the user can leave out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// A whole metric group, by its place among all converted groups.
    Group(usize),
    /// A metric of a group, by the group's and the metric's places.
    Metric(usize, usize),
}

/// What the user chose; the default converts everything as detected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// A format per file, by place; `None` (or no entry) detects it.
    pub formats: Vec<Option<ReportFormat>>,
    /// How the converters draw what has a choice (SHAP values).
    pub convert: ConvertOptions,
    /// Matrices with more classes are cut to this many, pooling the rest
    /// into "other" when the flag is set.
    pub top_classes: Option<(usize, bool)>,
    /// Curves with more points are shortened to this many.
    pub max_points: Option<usize>,
    /// What is left out.
    pub left_out: BTreeSet<Part>,
}

impl Choices {
    /// The format named for the file at `index`, if one was.
    pub fn format_for(&self, index: usize) -> Option<ReportFormat> {
        self.formats.get(index).copied().flatten()
    }
}

/// One file as read.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReading {
    /// The file's name.
    pub name: String,
    /// The format its keys say it is, if any (shown even when overridden).
    pub detected: Option<ReportFormat>,
    /// The format it was read as and how many groups it gave, or why it
    /// could not be read.
    pub outcome: Result<(ReportFormat, usize), ReportError>,
}

impl FileReading {
    /// The one line naming the file and what became of it.
    pub fn summary(&self) -> String {
        match &self.outcome {
            Ok((format, groups)) => format!(
                "{}: {}, {}.",
                self.name,
                format.title(),
                count(*groups, "metric group", "metric groups")
            ),
            Err(error) => format!("{} {error}.", self.name),
        }
    }
}

/// Every file converted with the choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Converted {
    /// Each file, in the order given.
    pub files: Vec<FileReading>,
    /// The groups of every file that could be read, in order, with top-k
    /// and shortening applied; nothing is left out yet, so the places in
    /// [`Part`] stay the same whatever is left out.
    pub groups: Vec<Value>,
    /// What the converters left out and what the choices changed, one
    /// sentence each, naming the file or the group and metric.
    pub notes: Vec<String>,
}

impl Converted {
    /// The first file that could not be read, if any (the CLI stops on it).
    pub fn first_failure(&self) -> Option<(&str, &ReportError)> {
        self.files.iter().find_map(|file| match &file.outcome {
            Err(error) => Some((file.name.as_str(), error)),
            Ok(_) => None,
        })
    }
}

/// Reads and converts `files` as `choices` say. A file that cannot be read
/// is named with why in its [`FileReading`] and adds nothing; the others
/// still convert.
pub fn convert_files(files: &[ReportFile], choices: &Choices) -> Converted {
    let mut converted = Converted::default();
    for (index, file) in files.iter().enumerate() {
        let report = parse_report(&file.text);
        let detected = report.as_ref().ok().and_then(detect);
        let outcome = report.and_then(|report| {
            let format = format_of(&report, choices.format_for(index))?;
            let conversion = convert(format, &report, choices.convert)?;
            Ok((format, conversion))
        });
        let outcome = outcome.map(|(format, mut conversion)| {
            let groups = conversion.groups.len();
            converted.groups.append(&mut conversion.groups);
            converted.notes.extend(
                conversion
                    .notes
                    .into_iter()
                    .map(|note| format!("{}: {note}", file.name)),
            );
            (format, groups)
        });
        converted.files.push(FileReading {
            name: file.name.clone(),
            detected,
            outcome,
        });
    }
    if let Some((k, pool)) = choices.top_classes {
        converted
            .notes
            .extend(cut_matrices(&mut converted.groups, k, pool));
    }
    if let Some(max) = choices.max_points {
        converted
            .notes
            .extend(shorten_curves(&mut converted.groups, max));
    }
    converted
}

/// `groups` without what `left_out` names; a group whose every metric is
/// left out is left out with them.
pub fn kept_groups(groups: &[Value], left_out: &BTreeSet<Part>) -> Vec<Value> {
    let mut kept = Vec::new();
    for (group_index, group) in groups.iter().enumerate() {
        if left_out.contains(&Part::Group(group_index)) {
            continue;
        }
        let mut group = group.clone();
        if let Some(metrics) = group.get_mut("metric_data").and_then(Value::as_array_mut) {
            let before = metrics.len();
            let mut index = 0;
            metrics.retain(|_| {
                let keep = !left_out.contains(&Part::Metric(group_index, index));
                index += 1;
                keep
            });
            if before > 0 && metrics.is_empty() {
                continue;
            }
        }
        kept.push(group);
    }
    kept
}

/// The card as it would be, and what is wrong with it there.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The card with the groups added.
    pub card: Value,
    /// The place of the evaluation that holds them.
    pub evaluation: usize,
    /// Schema errors inside that evaluation (what the report brings, and
    /// anything already wrong there).
    pub errors: Vec<ValidationIssue>,
    /// Warnings inside it (names longer than tools read, say), and the
    /// card's length when it is over what the registry accepts.
    pub warnings: Vec<ValidationIssue>,
    /// The card's length as submitted (compact JSON characters), before
    /// and after.
    pub length: (usize, usize),
}

impl Placed {
    /// What the additions do to the card's length, in a sentence.
    pub fn length_effect(&self) -> String {
        let (before, after) = self.length;
        let verdict = if after > CONTENT_LIMIT {
            format!("over the {} the registry accepts", thousands(CONTENT_LIMIT))
        } else {
            format!(
                "within the {} the registry accepts",
                thousands(CONTENT_LIMIT)
            )
        };
        format!(
            "The card grows from {} to {} characters, {verdict}.",
            thousands(before),
            thousands(after)
        )
    }
}

/// `card` with `groups` put at `destination` and checked. The card given
/// is not changed.
pub fn place(
    card: &Value,
    groups: Vec<Value>,
    destination: &Destination,
) -> Result<Placed, ApplyError> {
    let mut result = card.clone();
    let evaluation = add_groups(&mut result, destination, groups)?;
    let under = JsonPointer::root()
        .child("evaluation_details")
        .child(evaluation.to_string());
    let (errors, warnings) = match check_value(&result, &Checker::Card) {
        Outcome::Checked { errors, warnings } => (errors, warnings),
        Outcome::Failed(_) => (Vec::new(), Vec::new()),
    };
    let inside = |issue: &ValidationIssue| issue.pointer.starts_with(&under);
    let errors = errors.into_iter().filter(inside).collect();
    let warnings = warnings
        .into_iter()
        .filter(|issue| inside(issue) || issue.keyword == "MC007")
        .collect();
    let length = (compact_char_len(card), compact_char_len(&result));
    Ok(Placed {
        card: result,
        evaluation,
        errors,
        warnings,
        length,
    })
}

/// A name for a new evaluation, from the files that could be read: their
/// names without `.json`.
pub fn suggested_name(converted: &Converted) -> String {
    let stems: Vec<&str> = converted
        .files
        .iter()
        .filter(|file| file.outcome.is_ok())
        .map(|file| file.name.strip_suffix(".json").unwrap_or(&file.name))
        .collect();
    stems.join(", ")
}

/// A SageMaker job ARN written anywhere in the reports (a processing,
/// training or transform job), to offer as the evaluation's job.
pub fn job_arn_in(files: &[ReportFile]) -> Option<String> {
    files
        .iter()
        .filter_map(|file| parse_report(&file.text).ok())
        .find_map(|report| first_job_arn(&report))
}

fn first_job_arn(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if is_job_arn(text) => Some(text.clone()),
        Value::Array(items) => items.iter().find_map(first_job_arn),
        Value::Object(members) => members.values().find_map(first_job_arn),
        _ => None,
    }
}

fn is_job_arn(text: &str) -> bool {
    let parts: Vec<&str> = text.splitn(6, ':').collect();
    parts.len() == 6
        && parts[0] == "arn"
        && parts[2] == "sagemaker"
        && ["processing-job/", "training-job/", "transform-job/"]
            .iter()
            .any(|kind| parts[5].starts_with(kind) && parts[5].len() > kind.len())
}

/// What a converted metric holds, in a few words for the preview's list.
pub fn metric_summary(metric: &Value) -> String {
    let value = metric.get("value");
    let items = value.and_then(Value::as_array).map_or(0, Vec::len);
    match metric.get("type").and_then(Value::as_str) {
        Some("number") => value.map_or_else(String::new, |value| match value {
            Value::Number(number) => number.to_string(),
            other => other.to_string(),
        }),
        Some("boolean") | Some("string") => value.map(Value::to_string).unwrap_or_default(),
        Some("linear_graph") => format!("line graph, {}", count(items, "point", "points")),
        Some("bar_chart") => format!("bar chart, {}", count(items, "bar", "bars")),
        Some("matrix") => {
            let columns = value
                .and_then(Value::as_array)
                .and_then(|rows| rows.first())
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            format!("matrix, {items} × {columns}")
        }
        Some(other) => other.to_owned(),
        None => String::new(),
    }
}

/// `n` with its noun: "1 metric group", "3 metric groups".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn file(name: &str, report: Value) -> ReportFile {
        ReportFile {
            name: name.to_owned(),
            text: report.to_string(),
        }
    }

    fn regression() -> ReportFile {
        file(
            "statistics.json",
            json!({"regression_metrics": {"mae": {"value": 1.5, "standard_deviation": 0.1}, "r2": {"value": 0.9, "standard_deviation": "NaN"}}}),
        )
    }

    #[test]
    fn every_readable_file_converts_and_a_bad_one_is_named_with_why() {
        let files = [
            regression(),
            ReportFile {
                name: "broken.json".into(),
                text: "{".into(),
            },
            file("odd.json", json!({"hello": 1})),
        ];
        let converted = convert_files(&files, &Choices::default());
        assert_eq!(converted.groups.len(), 1);
        let summaries: Vec<String> = converted.files.iter().map(FileReading::summary).collect();
        assert_eq!(
            summaries[0],
            "statistics.json: Model Monitor model quality, regression, 1 metric group."
        );
        assert!(
            summaries[1].starts_with("broken.json is not JSON"),
            "{}",
            summaries[1]
        );
        assert!(
            summaries[2].starts_with(
                "odd.json is not a report this editor reads: it has the keys \"hello\""
            ),
            "{}",
            summaries[2]
        );
        assert_eq!(
            converted.first_failure().map(|(name, _)| name),
            Some("broken.json")
        );
        assert_eq!(suggested_name(&converted), "statistics");
    }

    #[test]
    fn a_named_format_overrides_the_detected_one_which_is_still_shown() {
        let choices = Choices {
            formats: vec![Some(ReportFormat::ClarifyBias)],
            ..Choices::default()
        };
        let converted = convert_files(&[regression()], &choices);
        assert_eq!(
            converted.files[0].detected,
            Some(ReportFormat::ModelQualityRegression)
        );
        assert!(matches!(
            converted.files[0].outcome,
            Err(ReportError::NothingToConvert {
                format: ReportFormat::ClarifyBias,
                ..
            })
        ));
        assert!(converted.groups.is_empty());
    }

    #[test]
    fn leaving_out_a_metric_or_a_group_keeps_the_rest_and_an_emptied_group_goes() {
        let groups = vec![
            json!({"name": "A", "metric_data": [{"name": "a1"}, {"name": "a2"}]}),
            json!({"name": "B", "metric_data": [{"name": "b1"}]}),
            json!({"name": "C", "metric_data": [{"name": "c1"}]}),
        ];
        let left_out = BTreeSet::from([Part::Metric(0, 0), Part::Metric(1, 0), Part::Group(2)]);
        assert_eq!(
            kept_groups(&groups, &left_out),
            [json!({"name": "A", "metric_data": [{"name": "a2"}]})]
        );
        assert_eq!(kept_groups(&groups, &BTreeSet::new()), groups);
    }

    #[test]
    fn placing_shows_the_problems_inside_the_evaluation_and_the_length() {
        let card = json!({"model_overview": {"model_description": 5}});
        let long_name = "n".repeat(300);
        let groups =
            vec![json!({"name": long_name, "metric_data": [{"name": "m", "type": "number"}]})];
        let destination = Destination::NewEvaluation {
            name: "Holdout".into(),
            job_arn: None,
        };
        let placed = place(&card, groups, &destination).unwrap();
        assert_eq!(placed.evaluation, 0);
        // The card's own error elsewhere is not the report's problem.
        let at = |issues: &[ValidationIssue]| -> Vec<String> {
            issues
                .iter()
                .map(|issue| format!("{} {}", issue.keyword, issue.pointer))
                .collect()
        };
        assert!(!placed.errors.is_empty());
        assert!(
            at(&placed.errors)
                .iter()
                .all(|at| at.contains(" /evaluation_details/0/metric_groups/0/metric_data/0")),
            "{:?}",
            at(&placed.errors)
        );
        assert_eq!(
            at(&placed.warnings),
            ["MC001 /evaluation_details/0/metric_groups/0/name"]
        );
        assert_eq!(placed.length.0, compact_char_len(&card));
        assert!(placed.length.1 > placed.length.0 + 300);
        assert!(
            placed
                .length_effect()
                .ends_with("within the 100,000 the registry accepts."),
            "{}",
            placed.length_effect()
        );
        assert_eq!(card, json!({"model_overview": {"model_description": 5}}));
    }

    #[test]
    fn a_card_over_the_limit_says_so_among_the_problems() {
        let points: Vec<Value> = (0..12_000).map(|x| json!([x, x * 2])).collect();
        let groups = vec![json!({"name": "Curves", "metric_data": [
            {"name": "roc", "type": "linear_graph", "value": points}
        ]})];
        let destination = Destination::NewEvaluation {
            name: "Big".into(),
            job_arn: None,
        };
        let placed = place(&json!({}), groups, &destination).unwrap();
        assert!(
            placed.warnings.iter().any(|issue| issue.keyword == "MC007"),
            "{:?}",
            placed.warnings
        );
        assert!(placed.length_effect().contains("over the 100,000"));
    }

    #[test]
    fn shortening_and_cutting_are_stated_in_numbers() {
        let points: Vec<Value> = (0..50).map(|x| json!([x, x])).collect();
        let report = json!({"metric_groups": [{"name": "G", "metric_data": [
            {"name": "curve", "type": "linear_graph", "value": points}
        ]}]});
        let choices = Choices {
            max_points: Some(10),
            ..Choices::default()
        };
        let converted = convert_files(&[file("m.json", report)], &choices);
        assert_eq!(
            converted.notes,
            ["G › curve: 50 points shortened to 10, keeping its ends and shape."]
        );
    }

    #[test]
    fn a_job_arn_anywhere_in_a_report_is_offered() {
        let arn = "arn:aws:sagemaker:us-east-1:123456789012:processing-job/clarify-bias-7";
        let files = [
            regression(),
            file(
                "a.json",
                json!({"meta": [{"job": arn}], "other": "arn:aws:s3:::bucket"}),
            ),
        ];
        assert_eq!(job_arn_in(&files).as_deref(), Some(arn));
        assert_eq!(job_arn_in(&[regression()]), None);
        assert!(!is_job_arn("arn:aws:sagemaker:us-east-1:1:processing-job/"));
    }

    #[test]
    fn metrics_are_summed_up_in_a_few_words() {
        let cases = [
            (json!({"type": "number", "value": 0.97}), "0.97"),
            (
                json!({"type": "linear_graph", "value": [[0, 1], [1, 1]]}),
                "line graph, 2 points",
            ),
            (
                json!({"type": "bar_chart", "value": [1]}),
                "bar chart, 1 bar",
            ),
            (
                json!({"type": "matrix", "value": [[1, 2, 3], [4, 5, 6]]}),
                "matrix, 2 × 3",
            ),
            (json!({"type": "boolean", "value": true}), "true"),
        ];
        for (metric, summary) in cases {
            assert_eq!(metric_summary(&metric), summary, "{metric}");
        }
    }
}
