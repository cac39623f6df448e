//! What the export buttons and the AWS CLI dialog decide and say, apart
//! from the page (`view/export_actions.rs`): whether an export goes ahead
//! or asks first, what the confirmation says, what the CLI dialog starts
//! from, and the command it shows. The files' names and texts themselves
//! are [`super::export`].

use super::export::{CardStatus, RegionChoice, update_command};

/// Whether an export goes ahead or asks first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportGate {
    /// The card has no problems, or the reviewer already agreed: export.
    Go,
    /// The card has problems: ask once whether to export anyway.
    AskFirst,
}

/// Whether an export of a card with `problems` goes ahead: asked once per
/// card view (`confirmed` once the reviewer agreed), never again after.
pub fn export_gate(problems: usize, confirmed: bool) -> ExportGate {
    if problems == 0 || confirmed {
        ExportGate::Go
    } else {
        ExportGate::AskFirst
    }
}

/// The question before exporting a card with `problems` problems.
pub fn problems_question(problems: usize) -> String {
    match problems {
        1 => "The card has 1 problem. The service may refuse it until it is fixed.".to_owned(),
        n => format!("The card has {n} problems. The service may refuse it until they are fixed."),
    }
}

/// The card status the CLI dialog starts at: the one known of the package
/// (when it is one of the service's), else Draft.
pub fn starting_status(known: Option<&str>) -> CardStatus {
    known
        .and_then(CardStatus::parse)
        .unwrap_or(CardStatus::Draft)
}

/// The command applying the input saved as `file_name`, once the region
/// it runs in is known.
pub fn cli_command(file_name: &str, region: &RegionChoice) -> Option<String> {
    region
        .region()
        .map(|region| update_command(file_name, region))
}

/// What follows "Downloaded NAME" once the input is saved: how to run it,
/// when the region is known ("; run: aws …"), else nothing.
pub fn run_hint(file_name: &str, region: &RegionChoice) -> String {
    cli_command(file_name, region)
        .map(|command| format!("; run: {command}"))
        .unwrap_or_default()
}

/// The label of the input's text box, naming the file it is saved as.
pub fn input_label(file_name: &str) -> String {
    format!("Input ({file_name})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::export::choose_region;

    const ARN: &str = "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud/3";

    #[test]
    fn an_export_asks_first_only_for_a_card_with_problems_not_yet_agreed() {
        assert_eq!(export_gate(0, false), ExportGate::Go);
        assert_eq!(export_gate(3, false), ExportGate::AskFirst);
        assert_eq!(export_gate(3, true), ExportGate::Go);
    }

    #[test]
    fn the_question_counts_the_problems() {
        assert_eq!(
            problems_question(1),
            "The card has 1 problem. The service may refuse it until it is fixed."
        );
        assert_eq!(
            problems_question(4),
            "The card has 4 problems. The service may refuse it until they are fixed."
        );
    }

    #[test]
    fn the_dialog_starts_at_the_known_status_or_draft() {
        assert_eq!(starting_status(Some("Approved")), CardStatus::Approved);
        assert_eq!(starting_status(Some("Unheard of")), CardStatus::Draft);
        assert_eq!(starting_status(None), CardStatus::Draft);
    }

    #[test]
    fn the_command_and_its_hint_wait_for_a_region() {
        let known = choose_region(ARN, None, "");
        assert_eq!(
            cli_command("fraud-update.json", &known).as_deref(),
            Some(
                "aws sagemaker update-model-package --region us-east-2 --cli-input-json file://fraud-update.json"
            )
        );
        assert_eq!(
            run_hint("fraud-update.json", &known),
            "; run: aws sagemaker update-model-package --region us-east-2 --cli-input-json file://fraud-update.json"
        );
        let unknown = choose_region("", None, "");
        assert_eq!(cli_command("x.json", &unknown), None);
        assert_eq!(run_hint("x.json", &unknown), "");
    }

    #[test]
    fn the_input_is_labelled_with_its_file_name() {
        assert_eq!(
            input_label("fraud-update.json"),
            "Input (fraud-update.json)"
        );
    }
}
