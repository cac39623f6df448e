//! `model-card validate`: the editor's validator and lints on the command
//! line, for pipelines; `add-evaluation`: evaluation reports into a card;
//! `fill-training`: a card's training details from a saved training job.
//! Reads and writes files and prints; the decisions are in
//! `model_card_editor::domain` (`check`, `report::cli`,
//! `training_fill::cli`).

use std::io::{Read, Write};
use std::process::ExitCode;

use model_card_editor::domain::check::{
    Checker, Command, FileReport, Format, InputError, MAX_FILE_BYTES, Outcome, USAGE, check_bytes,
    exit_code, parse_args, render_json, render_text, summary,
};
use model_card_editor::domain::issues::ValidationIssue;
use model_card_editor::domain::json_text::parse_json;
use model_card_editor::domain::report::cli::{
    ADD_EVALUATION_USAGE, AddEvaluation, AddFailure, add_evaluation,
};
use model_card_editor::domain::text_encoding::other_encoding;
use model_card_editor::domain::training_fill::cli::{
    FILL_TRAINING_USAGE, FillFailure, FillTraining, fill_training,
};
use model_card_editor::domain::validation::SchemaValidator;

/// Exit status for a command line that makes no sense (BSD's EX_USAGE).
const USAGE_ERROR: u8 = 64;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("model-card {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::AddEvaluationHelp) => {
            println!("{ADD_EVALUATION_USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::AddEvaluation(args)) => add(&args),
        Ok(Command::FillTrainingHelp) => {
            println!("{FILL_TRAINING_USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::FillTraining(args)) => fill(&args),
        Ok(Command::Validate {
            format,
            schema,
            files,
        }) => validate(format, schema, &files),
        Err(problem) => {
            eprintln!("model-card: {problem}\n\n{USAGE}");
            ExitCode::from(USAGE_ERROR)
        }
    }
}

fn validate(format: Format, schema: Option<String>, files: &[String]) -> ExitCode {
    let checker = match schema {
        None => Checker::Card,
        Some(path) => match load_schema(&path) {
            Ok(validator) => Checker::Schema(validator),
            Err(problem) => {
                eprintln!("model-card: {path}: {problem}");
                return ExitCode::from(2);
            }
        },
    };
    let reports: Vec<FileReport> = files
        .iter()
        .map(|file| FileReport {
            file: file.clone(),
            outcome: match read(file) {
                Ok(bytes) => check_bytes(&bytes, &checker),
                Err(error) => Outcome::Failed(error),
            },
        })
        .collect();
    let output = match format {
        Format::Text => render_text(&reports),
        Format::Json => render_json(&reports),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = stdout.write_all(output.as_bytes());
    if format == Format::Text {
        eprintln!("{}", summary(&reports));
    }
    ExitCode::from(exit_code(&reports) as u8)
}

/// `add-evaluation`: reads the card and reports, writes the card (or
/// `--output`) only when the result is valid.
fn add(args: &AddEvaluation) -> ExitCode {
    let card = match read_text(&args.card) {
        Ok(card) => card,
        Err(problem) => return failed(&format!("{}: {problem}", args.card), 2),
    };
    let mut reports = Vec::with_capacity(args.reports.len());
    for file in &args.reports {
        match read_text(file) {
            Ok(report) => reports.push((file.clone(), report)),
            Err(problem) => return failed(&format!("{file}: {problem}"), 2),
        }
    }
    let target = args.output.as_deref().unwrap_or(&args.card);
    match add_evaluation(&card, &reports, args) {
        Ok(added) => write_card(target, &added.text, &added.notes, &added.warnings),
        Err(failure) => {
            if let AddFailure::Invalid(errors) = &failure {
                print_errors(&args.card, errors);
            }
            failed(&failure.message(&args.card), failure.exit_code())
        }
    }
}

/// `fill-training`: reads the card and the saved training job, writes the
/// card (or `--output`) only when the result is valid.
fn fill(args: &FillTraining) -> ExitCode {
    let (card, describe) = match (read_text(&args.card), read_text(&args.describe)) {
        (Ok(card), Ok(describe)) => (card, describe),
        (Err(problem), _) => return failed(&format!("{}: {problem}", args.card), 2),
        (_, Err(problem)) => return failed(&format!("{}: {problem}", args.describe), 2),
    };
    let target = args.output.as_deref().unwrap_or(&args.card);
    match fill_training(&card, &describe, args) {
        Ok(filled) => write_card(target, &filled.text, &filled.notes, &filled.warnings),
        Err(failure) => {
            if let FillFailure::Invalid(errors) = &failure {
                print_errors(&args.card, errors);
            }
            failed(&failure.message(args), failure.exit_code())
        }
    }
}

/// A file's text (refusing oversized files and bytes that are not UTF-8).
fn read_text(file: &str) -> Result<String, String> {
    let bytes = read(file).map_err(|error| error.message())?;
    if let Some(encoding) = other_encoding(&bytes) {
        return Err(format!("is {}", encoding.sentence()));
    }
    String::from_utf8(bytes).map_err(|_| "is not UTF-8 text".to_owned())
}

/// Says what was done and warned about, then writes the card's new text
/// to `target`.
fn write_card(
    target: &str,
    text: &str,
    notes: &[String],
    warnings: &[ValidationIssue],
) -> ExitCode {
    for note in notes {
        eprintln!("{note}");
    }
    for warning in warnings {
        eprintln!("warning: {}: {}", warning.pointer, warning.message);
    }
    match std::fs::write(target, text) {
        Ok(()) => {
            eprintln!("model-card: wrote {target}");
            ExitCode::SUCCESS
        }
        Err(error) => failed(&format!("{target}: {error}"), 2),
    }
}

/// The validator's errors on a result that was not written, one a line.
fn print_errors(card: &str, errors: &[ValidationIssue]) {
    for error in errors {
        eprintln!("{card}:{}: {}", error.pointer, error.message);
    }
}

/// Prints `message` and exits with `code`.
fn failed(message: &str, code: u8) -> ExitCode {
    eprintln!("model-card: {message}");
    ExitCode::from(code)
}

/// A file's bytes, refusing oversized files before reading them whole.
fn read(file: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    let limit = MAX_FILE_BYTES + 1;
    let result = if file == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        let opened =
            std::fs::File::open(file).map_err(|error| InputError::Unreadable(error.to_string()))?;
        let size = opened.metadata().map(|meta| meta.len()).unwrap_or(0);
        if size > MAX_FILE_BYTES {
            return Err(InputError::TooLarge(size));
        }
        opened.take(limit).read_to_end(&mut bytes)
    };
    result.map_err(|error| InputError::Unreadable(error.to_string()))?;
    Ok(bytes)
}

fn load_schema(path: &str) -> Result<SchemaValidator, String> {
    let bytes = read(path).map_err(|error| error.message())?;
    let text = String::from_utf8(bytes).map_err(|_| "the schema is not UTF-8 text".to_owned())?;
    let schema = parse_json(&text).map_err(|error| format!("the schema is not JSON: {error}"))?;
    SchemaValidator::compile(&schema).map_err(|error| error.to_string())
}
