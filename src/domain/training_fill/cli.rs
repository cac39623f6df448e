//! `model-card fill-training`: the training job proposal applied from a
//! saved `aws sagemaker describe-training-job` output, for pipelines (no
//! network calls). Each field takes the suggested choice unless `--keep`,
//! `--replace` or `--merge` names it; the card keeps its layout; an
//! invalid result is not written.

use serde_json::Value;

use super::{FieldProposal, FillChoice, FillError, apply, propose};
use crate::domain::check::{Checker, Outcome, check_value};
use crate::domain::issues::ValidationIssue;
use crate::domain::json_text::{TextStyle, parse_json, to_json_text};

/// The fields `--keep`, `--replace` and `--merge` name, each with the
/// last token of its pointer.
pub const FIELDS: [&str; 6] = [
    "training_arn",
    "training_datasets",
    "container_image",
    "training_metrics",
    "hyper_parameters",
    "objective_function",
];

/// The usage of `fill-training`.
pub const FILL_TRAINING_USAGE: &str = "\
model-card fill-training --from-describe FILE [--keep FIELD]... [--replace FIELD]...
                         [--merge FIELD]... [--output OUT] CARD

  Fills the card's training details from a saved DescribeTrainingJob response
  (aws sagemaker describe-training-job --training-job-name NAME > job.json):
  training_arn, training_datasets, container_image, training_metrics,
  hyper_parameters, and objective_function for a tuning job's training job.
  Each field is filled when empty, kept when it already says the same, and
  otherwise replaced (lists merged by name) unless --keep, --replace or
  --merge names it. user_provided_* lists are never touched. The card is
  rewritten in place keeping its layout, or written to --output.

  Exit status: 0 written; 1 the result would not be valid (nothing written);
  2 a file that cannot be read or is not a training job; 64 wrong usage.";

/// What `fill-training` was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FillTraining {
    /// The saved `DescribeTrainingJob` response.
    pub describe: String,
    /// Choices named on the command line, by field.
    pub choices: Vec<(String, FillChoice)>,
    /// Where to write; `None` rewrites the card.
    pub output: Option<String>,
    /// The card file.
    pub card: String,
}

/// Reads `fill-training`'s arguments (after the command's name).
pub fn parse_fill_training(args: &[String]) -> Result<FillTraining, String> {
    let mut args = args.iter();
    let (mut describe, mut output, mut card) = (None, None, None);
    let mut choices: Vec<(String, FillChoice)> = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let choice = match arg.as_str() {
            "--keep" => Some(FillChoice::Keep),
            "--replace" => Some(FillChoice::Replace),
            "--merge" => Some(FillChoice::Merge),
            _ => None,
        };
        if let Some(choice) = choice {
            let field = value(arg)?;
            if !FIELDS.contains(&field.as_str()) {
                return Err(format!(
                    "{arg}: no field `{field}`; the fields are {}",
                    FIELDS.join(", ")
                ));
            }
            if choices.iter().any(|(named, _)| *named == field) {
                return Err(format!("`{field}` is named twice"));
            }
            choices.push((field, choice));
            continue;
        }
        match arg.as_str() {
            "--from-describe" => describe = Some(value("--from-describe")?),
            "--output" => output = Some(value("--output")?),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file if card.is_none() => card = Some(file.to_owned()),
            extra => return Err(format!("one CARD only; `{extra}` is one too many")),
        }
    }
    Ok(FillTraining {
        describe: describe.ok_or("--from-describe FILE is needed")?,
        choices,
        output,
        card: card.ok_or("no CARD given")?,
    })
}

/// The filled card's text, and a line per field saying what was done.
#[derive(Clone, Debug, PartialEq)]
pub struct Filled {
    /// The new card text, in the card's layout.
    pub text: String,
    /// "hyper_parameters: merged (5 from the job)".
    pub notes: Vec<String>,
    /// The checker's warnings on the result.
    pub warnings: Vec<ValidationIssue>,
}

/// Why nothing was written.
#[derive(Clone, Debug, PartialEq)]
pub enum FillFailure {
    /// The card is not a JSON card (exit 2).
    Card(String),
    /// The describe file is not a training job (exit 2).
    Describe(String),
    /// The result would not be valid (exit 1).
    Invalid(Vec<ValidationIssue>),
}

impl FillFailure {
    /// The exit status, as `validate`'s.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Card(_) | Self::Describe(_) => 2,
            Self::Invalid(_) => 1,
        }
    }

    /// The one line that says why, naming the file.
    pub fn message(&self, args: &FillTraining) -> String {
        match self {
            Self::Card(problem) => format!("{}: {problem}", args.card),
            Self::Describe(problem) => format!("{}: {problem}", args.describe),
            Self::Invalid(errors) => format!(
                "{}: the card would not be valid with the training details filled ({} problems); nothing written",
                args.card,
                errors.len()
            ),
        }
    }
}

/// Fills `card_text` from `describe_text` as `args` choose.
pub fn fill_training(
    card_text: &str,
    describe_text: &str,
    args: &FillTraining,
) -> Result<Filled, FillFailure> {
    let card = parse_json(card_text)
        .map_err(|error| FillFailure::Card(format!("is not JSON: {error}")))?;
    if !card.is_object() {
        return Err(FillFailure::Card(
            "is not a card (a JSON object)".to_owned(),
        ));
    }
    let describe: Value = parse_json(describe_text)
        .map_err(|error| FillFailure::Describe(format!("is not JSON: {error}")))?;
    let proposals = propose(&card, &describe)
        .map_err(|error: FillError| FillFailure::Describe(error.to_string()))?;
    let choices: Vec<FillChoice> = proposals
        .iter()
        .map(|proposal| chosen(proposal, &args.choices))
        .collect();
    let filled = apply(&card, &proposals, &choices);
    let (errors, warnings) = match check_value(&filled, &Checker::Card) {
        Outcome::Checked { errors, warnings } => (errors, warnings),
        Outcome::Failed(error) => return Err(FillFailure::Card(error.message())),
    };
    if !errors.is_empty() {
        return Err(FillFailure::Invalid(errors));
    }
    let notes = proposals
        .iter()
        .zip(&choices)
        .map(|(proposal, choice)| said(proposal, *choice))
        .collect();
    Ok(Filled {
        text: to_json_text(&filled, &TextStyle::detect(card_text)),
        notes,
        warnings,
    })
}

/// The choice for a proposal: named on the command line, else suggested.
fn chosen(proposal: &FieldProposal, named: &[(String, FillChoice)]) -> FillChoice {
    let field = proposal.field();
    named
        .iter()
        .find(|(name, _)| name == field)
        .map_or_else(|| proposal.suggested(), |(_, choice)| *choice)
}

/// What was done to one field, for standard error.
fn said(proposal: &FieldProposal, choice: FillChoice) -> String {
    let field = proposal.field();
    let done = match (choice, &proposal.now) {
        (FillChoice::Keep, _) if proposal.now.as_ref() == Some(&proposal.proposed) => {
            "already the job's"
        }
        (FillChoice::Keep, _) => "kept",
        (_, None) => "filled",
        (FillChoice::Replace, _) => "replaced",
        (FillChoice::Merge, _) => "merged",
    };
    match proposal.proposed.as_array() {
        Some(items) if choice != FillChoice::Keep => {
            format!("{field}: {done} ({} from the job)", items.len())
        }
        _ => format!("{field}: {done}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_the_describe_file_the_card_and_the_choices() {
        assert_eq!(
            parse_fill_training(&args(
                "--from-describe job.json --keep training_arn --merge hyper_parameters --output out.json card.json"
            )),
            Ok(FillTraining {
                describe: "job.json".into(),
                choices: vec![
                    ("training_arn".into(), FillChoice::Keep),
                    ("hyper_parameters".into(), FillChoice::Merge)
                ],
                output: Some("out.json".into()),
                card: "card.json".into(),
            })
        );
    }

    #[test]
    fn wrong_command_lines_say_what_is_wrong() {
        let cases = [
            ("card.json", "--from-describe FILE is needed"),
            ("--from-describe job.json", "no CARD given"),
            (
                "--from-describe job.json a.json b.json",
                "one CARD only; `b.json` is one too many",
            ),
            (
                "--from-describe job.json --keep arn card.json",
                "--keep: no field `arn`; the fields are training_arn, training_datasets, container_image, training_metrics, hyper_parameters, objective_function",
            ),
            (
                "--from-describe job.json --keep training_arn --replace training_arn c",
                "`training_arn` is named twice",
            ),
            ("--from-describe", "--from-describe needs a value"),
        ];
        for (line, message) in cases {
            assert_eq!(
                parse_fill_training(&args(line)),
                Err(message.to_owned()),
                "{line}"
            );
        }
    }

    #[test]
    fn what_was_done_is_said_field_by_field() {
        let describe = r#"{"TrainingJobArn": "arn:x", "HyperParameters": {"eta": "0.2"}}"#;
        let card = r#"{"training_details": {"training_job_details": {"training_arn": "arn:x", "hyper_parameters": [{"name": "gamma", "value": "1"}]}}}"#;
        let args = parse_fill_training(&args("--from-describe d c")).unwrap();
        let filled = fill_training(card, describe, &args).unwrap();
        assert_eq!(
            filled.notes,
            [
                "training_arn: already the job's",
                "hyper_parameters: merged (1 from the job)"
            ]
        );
        let kept = parse_fill_training(
            &["--from-describe", "d", "--keep", "hyper_parameters", "c"].map(String::from),
        )
        .unwrap();
        assert_eq!(
            fill_training(card, describe, &kept).unwrap().notes[1],
            "hyper_parameters: kept"
        );
        let failure = fill_training(card, "{\"ModelPackageArn\": 1}", &args).unwrap_err();
        assert_eq!(failure.exit_code(), 2);
        assert!(
            failure
                .message(&args)
                .starts_with("d: is not a DescribeTrainingJob response")
        );
    }
}
