//! Checking card files: what `model-card validate` does with each file's
//! bytes, and how the results are reported. The command only reads files
//! and prints; everything it decides is here, tested natively.

use serde::Serialize;
use serde_json::Value;

use super::form::card_form;
use super::issues::ValidationIssue;
use super::json_text::{JsonTextError, TextProblem, line_and_column, parse_json};
use super::lints::lint_card;
use super::report::cli::{AddEvaluation, parse_add_evaluation};
use super::text_encoding::{OtherEncoding, other_encoding};
use super::training_fill::cli::{FillTraining, parse_fill_training};
use super::validation::{SchemaValidator, validate_card};

/// Files larger than this are refused before they are read whole.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// What a card is checked against.
pub enum Checker {
    /// The bundled card schema, with its lints.
    Card,
    /// Another schema (`--schema`); no lints, which are card-specific.
    Schema(SchemaValidator),
}

/// Why a file could not be checked at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Reading the file failed (missing, a directory, no permission).
    Unreadable(String),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// The text is in another Unicode encoding (UTF-16, UTF-32).
    OtherEncoding(OtherEncoding),
    /// The bytes are not UTF-8; the position is of the first bad byte.
    NotUtf8 {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// The text is not JSON, nests deeper than the parser allows, or
    /// gives a member name twice in one object.
    NotJson(JsonTextError),
}

impl InputError {
    /// The sentence the command prints.
    pub fn message(&self) -> String {
        match self {
            Self::Unreadable(reason) => format!("cannot read the file: {reason}"),
            Self::TooLarge(bytes) => format!(
                "the file is {bytes} bytes; cards over {MAX_FILE_BYTES} bytes (10 MB) are not read"
            ),
            Self::OtherEncoding(encoding) => encoding.sentence(),
            Self::NotUtf8 { line, column } => {
                format!("not UTF-8 text: an invalid byte at line {line}, column {column}")
            }
            Self::NotJson(error) => match error.problem {
                TextProblem::TooDeep => format!(
                    "nested deeper than the JSON parser allows (128 levels), at line {}, column {}",
                    error.line, error.column
                ),
                TextProblem::RepeatedName => error.to_string(),
                TextProblem::Syntax => format!("not JSON: {error}"),
            },
        }
    }

    /// Where in the file, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::NotUtf8 { line, column } => Some((*line, *column)),
            Self::NotJson(error) => Some((error.line, error.column)),
            _ => None,
        }
    }
}

/// The outcome for one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The file is a JSON document and was validated.
    Checked {
        /// Schema errors.
        errors: Vec<ValidationIssue>,
        /// Lint warnings.
        warnings: Vec<ValidationIssue>,
    },
    /// The file could not be validated.
    Failed(InputError),
}

/// A file and its outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// The file as named on the command line.
    pub file: String,
    /// What checking it found.
    pub outcome: Outcome,
}

/// Checks a file's bytes.
pub fn check_bytes(bytes: &[u8], checker: &Checker) -> Outcome {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Outcome::Failed(InputError::TooLarge(bytes.len() as u64));
    }
    if let Some(encoding) = other_encoding(bytes) {
        return Outcome::Failed(InputError::OtherEncoding(encoding));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_and_column(valid, valid.len());
            return Outcome::Failed(InputError::NotUtf8 { line, column });
        }
    };
    let card = match parse_json(text) {
        Ok(card) => card,
        Err(error) => return Outcome::Failed(InputError::NotJson(error)),
    };
    check_value(&card, checker)
}

/// Checks a parsed document.
pub fn check_value(card: &Value, checker: &Checker) -> Outcome {
    match checker {
        Checker::Card => Outcome::Checked {
            errors: validate_card(card),
            warnings: lint_card(&card_form().root, card),
        },
        Checker::Schema(validator) => Outcome::Checked {
            errors: validator.issues(card, None),
            warnings: Vec::new(),
        },
    }
}

/// The command's exit code: 0 when every file is valid, 1 when any is
/// invalid, 2 when any could not be checked.
pub fn exit_code(reports: &[FileReport]) -> i32 {
    let failed = reports
        .iter()
        .any(|report| matches!(report.outcome, Outcome::Failed(_)));
    let invalid = reports.iter().any(
        |report| matches!(&report.outcome, Outcome::Checked { errors, .. } if !errors.is_empty()),
    );
    match (failed, invalid) {
        (true, _) => 2,
        (false, true) => 1,
        (false, false) => 0,
    }
}

/// One readable line per problem, like a compiler: `file:pointer: message`
/// (`file:line:column: message` for a file that is not JSON).
pub fn render_text(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        match &report.outcome {
            Outcome::Failed(error) => {
                let at = error
                    .position()
                    .map(|(line, column)| format!(":{line}:{column}"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "{}{at}: error: {}\n",
                    report.file,
                    error.message()
                ));
            }
            Outcome::Checked { errors, warnings } => {
                for issue in errors {
                    out.push_str(&format!(
                        "{}:{}: error: {}\n",
                        report.file,
                        issue.pointer,
                        issue.titled_message()
                    ));
                }
                for issue in warnings {
                    out.push_str(&format!(
                        "{}:{}: warning[{}]: {}\n",
                        report.file,
                        issue.pointer,
                        issue.keyword,
                        issue.titled_message()
                    ));
                }
            }
        }
    }
    out
}

/// A summary line for the end of the text report.
pub fn summary(reports: &[FileReport]) -> String {
    let (mut valid, mut invalid, mut failed, mut warnings) = (0, 0, 0, 0);
    for report in reports {
        match &report.outcome {
            Outcome::Failed(_) => failed += 1,
            Outcome::Checked {
                errors,
                warnings: found,
            } => {
                warnings += found.len();
                if errors.is_empty() {
                    valid += 1;
                } else {
                    invalid += 1;
                }
            }
        }
    }
    let files = if reports.len() == 1 { "file" } else { "files" };
    format!(
        "{} {files} checked: {valid} valid, {invalid} invalid, {failed} unreadable; {warnings} warnings",
        reports.len()
    )
}

#[derive(Serialize)]
struct JsonReport<'a> {
    file: &'a str,
    valid: bool,
    errors: Vec<JsonIssue>,
    warnings: Vec<JsonIssue>,
}

#[derive(Serialize)]
struct JsonIssue {
    pointer: String,
    keyword: String,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl JsonIssue {
    fn from_issue(issue: &ValidationIssue) -> Self {
        Self {
            pointer: issue.pointer.to_string(),
            keyword: issue.keyword.clone(),
            message: issue.titled_message(),
            line: None,
            column: None,
        }
    }
}

/// One JSON array, an element per file:
/// `{"file", "valid", "errors": [{"pointer", "keyword", "message"}], "warnings": [...]}`.
/// A file that could not be checked has one error with keyword `input`
/// (and `line`/`column` when known).
pub fn render_json(reports: &[FileReport]) -> String {
    let rendered: Vec<JsonReport> = reports
        .iter()
        .map(|report| match &report.outcome {
            Outcome::Checked { errors, warnings } => JsonReport {
                file: &report.file,
                valid: errors.is_empty(),
                errors: errors.iter().map(JsonIssue::from_issue).collect(),
                warnings: warnings.iter().map(JsonIssue::from_issue).collect(),
            },
            Outcome::Failed(error) => JsonReport {
                file: &report.file,
                valid: false,
                errors: vec![JsonIssue {
                    pointer: String::new(),
                    keyword: "input".to_owned(),
                    message: error.message(),
                    line: error.position().map(|(line, _)| line),
                    column: error.position().map(|(_, column)| column),
                }],
                warnings: Vec::new(),
            },
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rendered).expect("reports always serialise");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(file: &str, bytes: &[u8]) -> FileReport {
        FileReport {
            file: file.to_owned(),
            outcome: check_bytes(bytes, &Checker::Card),
        }
    }

    #[test]
    fn a_valid_card_has_no_errors_and_exits_zero() {
        let reports = [report("ok.json", b"{}")];
        assert_eq!(exit_code(&reports), 0);
        assert_eq!(render_text(&reports), "");
        assert_eq!(
            summary(&reports),
            "1 file checked: 1 valid, 0 invalid, 0 unreadable; 0 warnings"
        );
    }

    #[test]
    fn errors_are_one_line_each_like_a_compiler() {
        let reports = [report(
            "card.json",
            br#"{"intended_uses": {"risk_rating": "Severe"}}"#,
        )];
        assert_eq!(exit_code(&reports), 1);
        assert_eq!(
            render_text(&reports),
            "card.json:/intended_uses/risk_rating: error: Risk rating: Must be one of High, Medium, Low, Unknown, found `Severe`\n"
        );
    }

    #[test]
    fn warnings_carry_their_code_and_do_not_change_the_verdict() {
        let card = format!(
            r#"{{"evaluation_details": [{{"name": "{}"}}]}}"#,
            "n".repeat(64)
        );
        let reports = [report("card.json", card.as_bytes())];
        assert_eq!(exit_code(&reports), 0);
        let text = render_text(&reports);
        assert!(
            text.starts_with(
                "card.json:/evaluation_details/0/name: warning[MC001]: Name: Names longer than 63 characters"
            ),
            "{text}"
        );
    }

    #[test]
    fn unreadable_input_is_reported_with_a_position() {
        let not_json = report("a.json", b"{\n  \"x\": [1,\n}");
        assert_eq!(
            render_text(std::slice::from_ref(&not_json)),
            "a.json:3:1: error: not JSON: line 3, column 1: expected value\n"
        );
        let latin1 = report(
            "b.json",
            b"{\"model_overview\": {\"model_creator\": \"Andr\xe9\"}}",
        );
        assert_eq!(
            latin1.outcome,
            Outcome::Failed(InputError::NotUtf8 {
                line: 1,
                column: 43
            })
        );
        let utf16: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(
            render_text(&[report("d.json", &utf16)]),
            "d.json: error: UTF-16 (big-endian) text, not UTF-8: save it as UTF-8\n"
        );
        let deep = report(
            "c.json",
            format!("{}{}", "[".repeat(200), "]".repeat(200)).as_bytes(),
        );
        assert!(
            render_text(std::slice::from_ref(&deep))
                .contains("nested deeper than the JSON parser allows (128 levels)")
        );
        assert_eq!(exit_code(&[not_json, deep, report("ok.json", b"{}")]), 2);
    }

    #[test]
    fn an_oversized_buffer_is_refused() {
        let big = vec![b' '; (MAX_FILE_BYTES + 1) as usize];
        assert_eq!(
            check_bytes(&big, &Checker::Card),
            Outcome::Failed(InputError::TooLarge(MAX_FILE_BYTES + 1))
        );
    }

    #[test]
    fn json_output_has_the_documented_shape() {
        let reports = [
            report("bad.json", br#"{"business_details": {"owner": 1}}"#),
            report("broken.json", b"{"),
        ];
        let parsed: Value = serde_json::from_str(&render_json(&reports)).unwrap();
        assert_eq!(
            parsed,
            serde_json::json!([
                {"file": "bad.json", "valid": false, "warnings": [], "errors": [{
                    "pointer": "/business_details",
                    "keyword": "additionalProperties",
                    "message": "A model card has no field \u{201c}owner\u{201d} here: remove it, or move what it holds into a field the card has"
                }]},
                {"file": "broken.json", "valid": false, "warnings": [], "errors": [{
                    "pointer": "", "keyword": "input", "line": 1, "column": 1,
                    "message": "not JSON: line 1, column 1: EOF while parsing an object"
                }]}
            ])
        );
    }

    #[test]
    fn another_schema_can_be_used_without_lints() {
        let schema = serde_json::json!({"type": "object", "required": ["id"]});
        let checker = Checker::Schema(SchemaValidator::compile(&schema).unwrap());
        let Outcome::Checked { errors, warnings } = check_bytes(b"{}", &checker) else {
            panic!()
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "Required, but `id` is missing");
        assert!(warnings.is_empty());
    }
}

/// How to call the command.
pub const USAGE: &str = "\
Usage: model-card validate [--format text|json] [--schema FILE] FILE...

Validates SageMaker model package cards against the card schema (or the
schema in --schema) with the same rules as Model Card Editor, and lints them.
FILE may be - for standard input.

Exit status: 0 every file valid, 1 a file invalid, 2 a file unreadable or
not JSON (the other files are still checked), 64 wrong usage.

       model-card add-evaluation [options] CARD REPORT...

Adds evaluation reports (Clarify, Model Monitor, the card's metric schema) to
a card as an evaluation's metric groups; `model-card add-evaluation --help`
says how.

       model-card fill-training --from-describe FILE [options] CARD

Fills the card's training details from a saved DescribeTrainingJob response;
`model-card fill-training --help` says how.";

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `file:pointer: message`, one line per problem.
    Text,
    /// One JSON array, an element per file.
    Json,
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Print the usage.
    Help,
    /// Print the version.
    Version,
    /// Print `add-evaluation`'s usage.
    AddEvaluationHelp,
    /// Add evaluation reports to a card.
    AddEvaluation(AddEvaluation),
    /// Print `fill-training`'s usage.
    FillTrainingHelp,
    /// Fill a card's training details from a training job.
    FillTraining(FillTraining),
    /// Validate files.
    Validate {
        /// Output format.
        format: Format,
        /// A schema file to use instead of the bundled one.
        schema: Option<String>,
        /// The files (`-` is standard input).
        files: Vec<String>,
    },
}

/// Reads the command line (without the program name).
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("validate") => {}
        Some("add-evaluation") => {
            let rest: Vec<String> = args.cloned().collect();
            if rest.iter().any(|arg| arg == "-h" || arg == "--help") {
                return Ok(Command::AddEvaluationHelp);
            }
            return parse_add_evaluation(&rest).map(Command::AddEvaluation);
        }
        Some("fill-training") => {
            let rest: Vec<String> = args.cloned().collect();
            if rest.iter().any(|arg| arg == "-h" || arg == "--help") {
                return Ok(Command::FillTrainingHelp);
            }
            return parse_fill_training(&rest).map(Command::FillTraining);
        }
        Some(other) => return Err(format!("unknown command `{other}`")),
    }
    let (mut format, mut schema, mut files) = (Format::Text, None, Vec::new());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--format" => {
                format = match args.next().map(String::as_str) {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some(other) => {
                        return Err(format!("--format must be text or json, not `{other}`"));
                    }
                    None => return Err("--format needs a value: text or json".to_owned()),
                }
            }
            "--schema" => match args.next() {
                Some(path) => schema = Some(path.clone()),
                None => return Err("--schema needs a file".to_owned()),
            },
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => files.push(file.to_owned()),
        }
    }
    if files.is_empty() {
        return Err("no FILE to validate".to_owned());
    }
    Ok(Command::Validate {
        format,
        schema,
        files,
    })
}

#[cfg(test)]
mod args_tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_formats_schema_and_files() {
        assert_eq!(
            parse_args(&args("validate --format json --schema s.json a.json -")),
            Ok(Command::Validate {
                format: Format::Json,
                schema: Some("s.json".into()),
                files: vec!["a.json".into(), "-".into()],
            })
        );
        assert_eq!(parse_args(&args("")), Ok(Command::Help));
        assert_eq!(parse_args(&args("--version")), Ok(Command::Version));
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        assert!(
            parse_args(&args("validate"))
                .unwrap_err()
                .contains("no FILE")
        );
        assert!(
            parse_args(&args("validate --format xml a"))
                .unwrap_err()
                .contains("text or json")
        );
        assert!(
            parse_args(&args("check a"))
                .unwrap_err()
                .contains("unknown command")
        );
        assert!(
            parse_args(&args("validate --strict a"))
                .unwrap_err()
                .contains("unknown option")
        );
    }
}
