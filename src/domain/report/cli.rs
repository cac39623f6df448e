//! `model-card add-evaluation`: its command line and what it does to a
//! card's text, without touching files (the binary reads and writes them).
//! The card keeps its layout (indentation, key order); the result is
//! checked as `model-card validate` checks a card, and an invalid result
//! is not written.

use super::preview::{Choices, FileReading, ReportFile, convert_files};
use super::{
    ApplyError, ConvertOptions, Destination, ReportError, ReportFormat, ShapAs, add_groups,
};
use crate::domain::check::{Checker, Outcome, check_value};
use crate::domain::issues::ValidationIssue;
use crate::domain::json_text::{TextStyle, parse_json, to_json_text};

/// The usage of `add-evaluation`, for `--help` and usage errors.
pub const ADD_EVALUATION_USAGE: &str = "\
model-card add-evaluation [--format auto|metric-schema|clarify-bias|clarify-explainability|
                           model-quality-regression|model-quality-binary|model-quality-multiclass]
                          (--name NAME [--job-arn ARN] | --into EXISTING_EVALUATION)
                          [--shap-top K] [--max-points N] [--top-classes K [--pool-rest]]
                          [--output OUT] CARD REPORT...

  Converts evaluation reports (the card's metric schema, Clarify bias and
  explainability analysis.json, Model Monitor model quality statistics) into
  metric groups: every group of every report. With --name they become a new
  evaluation; with --into they are merged into the evaluation of that name
  (a group or metric of the same name is replaced). --shap-top K draws global
  SHAP values as a bar chart of the K largest instead of one metric each;
  --max-points N shortens longer curves, keeping their ends and shape;
  --top-classes K cuts a matrix with more classes (the card holds 20) to the
  K with the most support, --pool-rest pooling the others into \"other\" (then
  K counts it) so that no count is lost. The card is rewritten in place
  keeping its layout, or written to --output.

  Exit status: 0 written; 1 the result would not be valid (nothing written;
  the validator's errors are printed); 2 a card or report that cannot be
  read; 64 a command line that makes no sense.";

/// What `add-evaluation` was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddEvaluation {
    /// The reports' format; `None` detects each one's.
    pub format: Option<ReportFormat>,
    /// Where the groups go.
    pub destination: Destination,
    /// Global SHAP values as a bar chart of this many.
    pub shap_top: Option<usize>,
    /// Curves longer than this are shortened.
    pub max_points: Option<usize>,
    /// Matrices with more classes are cut to this many (the best
    /// supported), pooling the rest into "other" when the flag is set.
    pub top_classes: Option<(usize, bool)>,
    /// Where to write; `None` rewrites the card.
    pub output: Option<String>,
    /// The card file.
    pub card: String,
    /// The report files.
    pub reports: Vec<String>,
}

/// Reads `add-evaluation`'s arguments (after the command's name).
pub fn parse_add_evaluation(args: &[String]) -> Result<AddEvaluation, String> {
    let mut args = args.iter();
    let (mut format, mut name, mut into, mut job_arn) = (None, None, None, None);
    let (mut shap_top, mut max_points, mut output) = (None, None, None);
    let (mut top_classes, mut pool_rest) = (None, false);
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match arg.as_str() {
            "--format" => {
                let named = value("--format")?;
                format = match named.as_str() {
                    "auto" => None,
                    other => Some(ReportFormat::from_cli_name(other).ok_or_else(|| {
                        let names: Vec<&str> =
                            ReportFormat::ALL.iter().map(|f| f.cli_name()).collect();
                        format!(
                            "--format must be auto or one of {}, not `{other}`",
                            names.join(", ")
                        )
                    })?),
                }
            }
            "--name" => name = Some(value("--name")?),
            "--into" => into = Some(value("--into")?),
            "--job-arn" => job_arn = Some(value("--job-arn")?),
            "--shap-top" => shap_top = Some(count("--shap-top", &value("--shap-top")?, 1)?),
            "--max-points" => max_points = Some(count("--max-points", &value("--max-points")?, 3)?),
            "--top-classes" => {
                top_classes = Some(count("--top-classes", &value("--top-classes")?, 2)?)
            }
            "--pool-rest" => pool_rest = true,
            "--output" => output = Some(value("--output")?),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => files.push(file.to_owned()),
        }
    }
    let destination = match (name, into, job_arn) {
        (Some(_), Some(_), _) => {
            return Err(
                "give --name for a new evaluation or --into for an existing one, not both"
                    .to_owned(),
            );
        }
        (None, None, _) => {
            return Err(
                "--name NAME (a new evaluation) or --into NAME (an existing one) is needed"
                    .to_owned(),
            );
        }
        (None, Some(_), Some(_)) => {
            return Err("--job-arn goes with --name (a new evaluation)".to_owned());
        }
        (Some(name), None, job_arn) if !name.trim().is_empty() => {
            Destination::NewEvaluation { name, job_arn }
        }
        (Some(_), None, _) => return Err("--name must not be empty".to_owned()),
        (None, Some(into), None) => Destination::Into(into),
    };
    if pool_rest && top_classes.is_none() {
        return Err("--pool-rest goes with --top-classes K".to_owned());
    }
    let top_classes = top_classes.map(|k| (k, pool_rest));
    let mut files = files.into_iter();
    let card = files.next().ok_or("no CARD and REPORT given")?;
    let reports: Vec<String> = files.collect();
    if reports.is_empty() {
        return Err("no REPORT given after the CARD".to_owned());
    }
    Ok(AddEvaluation {
        format,
        destination,
        shap_top,
        max_points,
        top_classes,
        output,
        card,
        reports,
    })
}

/// A whole number of at least `least`, for a flag.
fn count(flag: &str, text: &str, least: usize) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(number) if number >= least => Ok(number),
        _ => Err(format!(
            "{flag} must be a whole number of at least {least}, not `{text}`"
        )),
    }
}

/// The card with the reports added, as text in its own layout, and what
/// the conversion left out or changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    /// The new card text.
    pub text: String,
    /// One line per report (its format), per thing left out or shortened.
    pub notes: Vec<String>,
    /// The checker's warnings on the result (the content length among them).
    pub warnings: Vec<ValidationIssue>,
}

/// Why nothing was written.
#[derive(Clone, Debug, PartialEq)]
pub enum AddFailure {
    /// The card is not a JSON card (exit 2).
    Card(String),
    /// A report cannot be read or converted (exit 2).
    Report {
        /// The report's file.
        file: String,
        /// What is wrong with it.
        error: ReportError,
    },
    /// The groups cannot go where asked (exit 1).
    Apply(ApplyError),
    /// The result would not be valid (exit 1).
    Invalid(Vec<ValidationIssue>),
}

impl AddFailure {
    /// The one line that says why, naming the file (`card` for the card).
    pub fn message(&self, card: &str) -> String {
        match self {
            Self::Card(problem) => format!("{card}: {problem}"),
            Self::Report { file, error } => format!("{file}: {error}"),
            Self::Apply(error) => format!("{card}: {error}"),
            Self::Invalid(errors) => format!(
                "{card}: the card would not be valid with the reports added ({} problems); nothing written",
                errors.len()
            ),
        }
    }

    /// The exit status, as `validate`'s.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Card(_) | Self::Report { .. } => 2,
            Self::Apply(_) | Self::Invalid(_) => 1,
        }
    }
}

/// Adds `reports` (file name, text) to the card `card_text` as `args` say.
pub fn add_evaluation(
    card_text: &str,
    reports: &[(String, String)],
    args: &AddEvaluation,
) -> Result<Added, AddFailure> {
    let mut card =
        parse_json(card_text).map_err(|error| AddFailure::Card(format!("is not JSON: {error}")))?;
    if !card.is_object() {
        return Err(AddFailure::Card("is not a card (a JSON object)".to_owned()));
    }
    let files: Vec<ReportFile> = reports
        .iter()
        .map(|(name, text)| ReportFile {
            name: name.clone(),
            text: text.clone(),
        })
        .collect();
    let choices = Choices {
        formats: vec![args.format; files.len()],
        convert: ConvertOptions {
            shap_as: args.shap_top.map_or(ShapAs::SimpleMetrics, ShapAs::TopBars),
        },
        top_classes: args.top_classes,
        max_points: args.max_points,
        left_out: Default::default(),
    };
    let converted = convert_files(&files, &choices);
    if let Some((file, error)) = converted.first_failure() {
        return Err(AddFailure::Report {
            file: file.to_owned(),
            error: error.clone(),
        });
    }
    let mut notes: Vec<String> = converted.files.iter().map(FileReading::summary).collect();
    notes.extend(converted.notes);
    add_groups(&mut card, &args.destination, converted.groups).map_err(AddFailure::Apply)?;
    let (errors, warnings) = match check_value(&card, &Checker::Card) {
        Outcome::Checked { errors, warnings } => (errors, warnings),
        Outcome::Failed(error) => return Err(AddFailure::Card(error.message())),
    };
    if !errors.is_empty() {
        return Err(AddFailure::Invalid(errors));
    }
    let text = to_json_text(&card, &TextStyle::detect(card_text));
    Ok(Added {
        text,
        notes,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_a_new_evaluation_with_its_options() {
        let parsed = parse_add_evaluation(&args(
            "--format clarify-bias --name Fairness --job-arn arn:x --shap-top 5 --max-points 500 --output out.json card.json a.json b.json",
        ));
        assert_eq!(
            parsed,
            Ok(AddEvaluation {
                format: Some(ReportFormat::ClarifyBias),
                destination: Destination::NewEvaluation {
                    name: "Fairness".into(),
                    job_arn: Some("arn:x".into())
                },
                shap_top: Some(5),
                max_points: Some(500),
                top_classes: None,
                output: Some("out.json".into()),
                card: "card.json".into(),
                reports: vec!["a.json".into(), "b.json".into()],
            })
        );
        let merged =
            parse_add_evaluation(&args("--format auto --into Holdout card.json a.json")).unwrap();
        assert_eq!(
            (merged.format, merged.destination),
            (None, Destination::Into("Holdout".into()))
        );
    }

    #[test]
    fn wrong_command_lines_say_what_is_wrong() {
        let cases = [
            (
                "card.json a.json",
                "--name NAME (a new evaluation) or --into NAME (an existing one) is needed",
            ),
            (
                "--name A --into B card.json a.json",
                "give --name for a new evaluation or --into for an existing one, not both",
            ),
            (
                "--into B --job-arn x card.json a.json",
                "--job-arn goes with --name (a new evaluation)",
            ),
            ("--name A card.json", "no REPORT given after the CARD"),
            ("--name A", "no CARD and REPORT given"),
            (
                "--name A --max-points 2 c r",
                "--max-points must be a whole number of at least 3, not `2`",
            ),
            (
                "--name A --shap-top x c r",
                "--shap-top must be a whole number of at least 1, not `x`",
            ),
            ("--name A --colour c r", "unknown option `--colour`"),
            ("--name", "--name needs a value"),
            (
                "--name A --pool-rest c r",
                "--pool-rest goes with --top-classes K",
            ),
            (
                "--name A --top-classes 1 c r",
                "--top-classes must be a whole number of at least 2, not `1`",
            ),
        ];
        for (line, message) in cases {
            assert_eq!(
                parse_add_evaluation(&args(line)),
                Err(message.to_owned()),
                "{line}"
            );
        }
        let format = parse_add_evaluation(&args("--name A --format csv c r")).unwrap_err();
        assert!(
            format.starts_with("--format must be auto or one of metric-schema, clarify-bias,"),
            "{format}"
        );
    }

    #[test]
    fn a_card_that_is_not_json_or_not_an_object_is_refused_with_exit_two() {
        let args = parse_add_evaluation(&args("--name A c r")).unwrap();
        let report = vec![(
            "r".to_owned(),
            "{\"regression_metrics\": {\"mae\": 1}}".to_owned(),
        )];
        for card in ["{", "[1]"] {
            let failure = add_evaluation(card, &report, &args).unwrap_err();
            assert_eq!(failure.exit_code(), 2, "{card}");
            assert!(
                failure.message("c").starts_with("c: is not"),
                "{}",
                failure.message("c")
            );
        }
        let added = add_evaluation("{}", &report, &args).unwrap();
        assert_eq!(
            added.notes,
            ["r: Model Monitor model quality, regression, 1 metric group."]
        );
        assert!(added.text.contains("\"mae\""));
    }
}
