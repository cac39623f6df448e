//! Cards coming in: a file's bytes or pasted text, in any of the shapes a
//! card travels in: the card itself, a `ModelCard` object
//! (`{"ModelCardContent": "<json text>", "ModelCardStatus": ...}`), a
//! `DescribeModelPackage` response, or an `update-model-package` input.
//!
//! Bad input gets an error that says what is wrong and where; the caller
//! keeps the card it had.

use std::fmt;

use serde_json::{Map, Value};

use super::check::MAX_FILE_BYTES;
use super::json_text::TextStyle;
use super::json_text::{JsonTextError, TextProblem, kind_phrase, line_and_column, parse_json};
use super::text_encoding::{OtherEncoding, other_encoding};

/// The shape an imported text turned out to have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The card itself.
    Card,
    /// A `ModelCard` object: content as JSON text, and a status.
    ModelCard,
    /// A `DescribeModelPackage` response (as `aws sagemaker
    /// describe-model-package` prints it).
    DescribeModelPackage,
    /// An `update-model-package` input (`--cli-input-json`).
    UpdateModelPackageInput,
}

impl Shape {
    /// Says which shape was recognised, for the import notice.
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Card => "a model card",
            Self::ModelCard => "a ModelCard object; the card is its ModelCardContent",
            Self::DescribeModelPackage => {
                "a DescribeModelPackage response; the card is its ModelCard.ModelCardContent"
            }
            Self::UpdateModelPackageInput => {
                "an update-model-package input; the card is its ModelCard.ModelCardContent"
            }
        }
    }
}

/// A card that came in.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The card.
    pub card: Value,
    /// How to lay it out when saved.
    pub style: TextStyle,
    /// The shape it came in.
    pub shape: Shape,
    /// The model package it belongs to, when the shape says.
    pub arn: Option<String>,
    /// Its `ModelCardStatus`, when the shape says.
    pub status: Option<String>,
    /// Set when the input had no card (a model package without one): the
    /// card is empty.
    pub had_no_card: bool,
}

/// Why input could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing, or only whitespace.
    Empty,
    /// Larger than 10 MB; refused before it was read whole.
    TooLarge(u64),
    /// Text in another Unicode encoding (UTF-16, UTF-32).
    OtherEncoding(OtherEncoding),
    /// Holds NUL bytes: a binary file, not text.
    Binary,
    /// Not UTF-8; the position is of the first bad byte.
    NotUtf8 {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Not JSON.
    NotJson(JsonTextError),
    /// Nested deeper than the parser allows.
    TooDeep(JsonTextError),
    /// An object gives a member name twice: only one value could be kept.
    RepeatedName(JsonTextError),
    /// JSON, but not an object (a card is an object).
    NotAnObject(&'static str),
    /// `ModelCardContent` is there but is not a string.
    ContentNotText,
    /// `ModelCardContent` is a string that is not JSON.
    ContentNotJson(JsonTextError),
    /// `ModelCardContent` is JSON but not an object.
    ContentNotAnObject(&'static str),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("it is empty"),
            Self::TooLarge(bytes) => write!(
                f,
                "it is {} MB; cards over 10 MB are not opened",
                (*bytes as f64 / 1_048_576.0 * 10.0).round() / 10.0
            ),
            Self::OtherEncoding(encoding) => write!(f, "it is {}", encoding.sentence()),
            Self::Binary => f.write_str("it is a binary file, not JSON text"),
            Self::NotUtf8 { line, column } => {
                write!(
                    f,
                    "it is not UTF-8 text (an invalid byte at line {line}, column {column})"
                )
            }
            Self::NotJson(error) => write!(f, "it is not JSON: {error}"),
            Self::TooDeep(error) => write!(
                f,
                "it nests deeper than 128 levels (at line {}, column {})",
                error.line, error.column
            ),
            Self::RepeatedName(error) => write!(f, "{error}"),
            Self::NotAnObject(kind) => write!(f, "it is JSON, but {kind}, not an object"),
            Self::ContentNotText => {
                f.write_str("its ModelCardContent is not a string of JSON text")
            }
            Self::ContentNotJson(error) if error.problem == TextProblem::RepeatedName => {
                write!(f, "in its ModelCardContent, {error}")
            }
            Self::ContentNotJson(error) => write!(f, "its ModelCardContent is not JSON: {error}"),
            Self::ContentNotAnObject(kind) => {
                write!(f, "its ModelCardContent is JSON, but {kind}, not an object")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports a file's bytes.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len() as u64));
    }
    if let Some(encoding) = other_encoding(bytes) {
        return Err(ImportError::OtherEncoding(encoding));
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
        let (line, column) = line_and_column(valid, valid.len());
        ImportError::NotUtf8 { line, column }
    })?;
    import_text(text)
}

/// Imports pasted or decoded text, held to the same 10 MB as a file.
pub fn import_text(text: &str) -> Result<Imported, ImportError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(text.len() as u64));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value = parse_json(text).map_err(|error| match error.problem {
        TextProblem::Syntax => ImportError::NotJson(error),
        TextProblem::TooDeep => ImportError::TooDeep(error),
        TextProblem::RepeatedName => ImportError::RepeatedName(error),
    })?;
    let Value::Object(object) = value else {
        return Err(ImportError::NotAnObject(kind_phrase(&value)));
    };
    if object.contains_key("ModelCardContent") {
        return from_model_card(&object, Shape::ModelCard, None);
    }
    let arn = object
        .get("ModelPackageArn")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let shape = if is_describe_response(&object) {
        Shape::DescribeModelPackage
    } else {
        Shape::UpdateModelPackageInput
    };
    match object.get("ModelCard").and_then(Value::as_object) {
        Some(model_card) if arn.is_some() || model_card.contains_key("ModelCardContent") => {
            from_model_card(model_card, shape, arn)
        }
        _ if arn.is_some() => Ok(Imported {
            card: Value::Object(Map::new()),
            style: TextStyle::standard(),
            shape,
            arn,
            status: None,
            had_no_card: true,
        }),
        _ => Ok(Imported {
            card: Value::Object(object),
            style: TextStyle::detect(text),
            shape: Shape::Card,
            arn: None,
            status: None,
            had_no_card: false,
        }),
    }
}

/// Keys only a `DescribeModelPackage` response has (an update input has
/// none of them).
fn is_describe_response(object: &Map<String, Value>) -> bool {
    [
        "ModelPackageGroupName",
        "CreationTime",
        "ModelPackageStatus",
        "ModelPackageVersion",
    ]
    .iter()
    .any(|key| object.contains_key(*key))
}

fn from_model_card(
    model_card: &Map<String, Value>,
    shape: Shape,
    arn: Option<String>,
) -> Result<Imported, ImportError> {
    let status = model_card
        .get("ModelCardStatus")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let content = match model_card.get("ModelCardContent") {
        None => None,
        Some(Value::String(content)) => Some(content),
        Some(_) => return Err(ImportError::ContentNotText),
    };
    let Some(content) = content.filter(|content| !content.trim().is_empty()) else {
        return Ok(Imported {
            card: Value::Object(Map::new()),
            style: TextStyle::standard(),
            shape,
            arn,
            status,
            had_no_card: true,
        });
    };
    let card = parse_json(content).map_err(ImportError::ContentNotJson)?;
    if !card.is_object() {
        return Err(ImportError::ContentNotAnObject(kind_phrase(&card)));
    }
    Ok(Imported {
        card,
        // Content travels compact; people read it laid out.
        style: TextStyle::standard(),
        shape,
        arn,
        status,
        had_no_card: false,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const CARD: &str = r#"{"intended_uses": {"risk_rating": "Low"}}"#;

    fn content() -> String {
        serde_json::to_string(&serde_json::from_str::<Value>(CARD).unwrap()).unwrap()
    }

    #[test]
    fn a_card_is_taken_as_it_is_with_its_layout() {
        let text = "{\n    \"business_details\": {}\n}\n";
        let imported = import_text(text).unwrap();
        assert_eq!(imported.shape, Shape::Card);
        assert_eq!(imported.card, json!({"business_details": {}}));
        assert_eq!(imported.style, TextStyle::detect(text));
        assert_eq!(imported.shape.describe(), "a model card");
    }

    #[test]
    fn a_model_card_object_gives_its_content_and_status() {
        let text =
            json!({"ModelCardContent": content(), "ModelCardStatus": "PendingReview"}).to_string();
        let imported = import_text(&text).unwrap();
        assert_eq!(imported.shape, Shape::ModelCard);
        assert_eq!(imported.card, serde_json::from_str::<Value>(CARD).unwrap());
        assert_eq!(imported.status.as_deref(), Some("PendingReview"));
        assert_eq!(imported.arn, None);
    }

    #[test]
    fn a_describe_model_package_response_gives_its_card_arn_and_status() {
        let arn = "arn:aws:sagemaker:us-east-2:123456789012:model-package/ModelGroup1/1";
        let text = json!({
            "ModelPackageGroupName": "ModelGroup1", "ModelPackageVersion": 1, "ModelPackageArn": arn,
            "CreationTime": 1603934866.046, "ModelPackageStatus": "Completed",
            "ModelCard": {"ModelCardContent": content(), "ModelCardStatus": "Draft"}
        })
        .to_string();
        let imported = import_text(&text).unwrap();
        assert_eq!(imported.shape, Shape::DescribeModelPackage);
        assert_eq!(imported.arn.as_deref(), Some(arn));
        assert_eq!(imported.status.as_deref(), Some("Draft"));
        assert_eq!(imported.card["intended_uses"]["risk_rating"], "Low");
    }

    #[test]
    fn a_model_package_without_a_card_opens_an_empty_one() {
        let text =
            json!({"ModelPackageArn": "arn:x", "ModelPackageStatus": "Completed"}).to_string();
        let imported = import_text(&text).unwrap();
        assert_eq!(imported.shape, Shape::DescribeModelPackage);
        assert!(imported.had_no_card);
        assert_eq!(imported.card, json!({}));
    }

    #[test]
    fn an_update_input_is_recognised() {
        let text = json!({"ModelPackageArn": "arn:x", "ModelCard": {"ModelCardContent": content(), "ModelCardStatus": "Approved"}}).to_string();
        let imported = import_text(&text).unwrap();
        assert_eq!(imported.shape, Shape::UpdateModelPackageInput);
        assert_eq!(imported.status.as_deref(), Some("Approved"));
    }

    #[test]
    fn every_bad_input_has_its_own_error() {
        assert_eq!(import_bytes(b""), Err(ImportError::Empty));
        assert_eq!(import_bytes(b" \n\t"), Err(ImportError::Empty));
        assert_eq!(
            import_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ImportError::Binary)
        );
        // Pasted text is held to a file's limit.
        let pasted = format!("{{\"a\": \"{}\"}}", "x".repeat(MAX_FILE_BYTES as usize));
        assert_eq!(
            import_text(&pasted),
            Err(ImportError::TooLarge(MAX_FILE_BYTES + 9))
        );
        // Windows' "Unicode": UTF-16 with its byte-order mark.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{\"a\": 1}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let error = import_bytes(&utf16).unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is UTF-16 (little-endian) text, not UTF-8: save it as UTF-8"
        );
        assert_eq!(
            import_bytes(b"{\"a\": \"\xff\"}"),
            Err(ImportError::NotUtf8 { line: 1, column: 8 })
        );
        assert!(
            matches!(import_text("{\"a\": }"), Err(ImportError::NotJson(error)) if (error.line, error.column) == (1, 7))
        );
        let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
        assert!(matches!(import_text(&deep), Err(ImportError::TooDeep(_))));
        assert_eq!(
            import_text("[1, 2]"),
            Err(ImportError::NotAnObject("an array"))
        );
        assert_eq!(
            import_text(r#"{"ModelCardContent": {"a": 1}}"#),
            Err(ImportError::ContentNotText)
        );
        assert!(matches!(
            import_text(r#"{"ModelCardContent": "{oops"}"#),
            Err(ImportError::ContentNotJson(_))
        ));
        let twice = import_text("{\"model_overview\": {},\n\"model_overview\": {}}").unwrap_err();
        assert!(matches!(twice, ImportError::RepeatedName(_)));
        assert!(
            twice.to_string().starts_with(
                "line 2, column 1: the top-level object names \"model_overview\" twice (first \
                 at line 1, column 2)"
            ),
            "{twice}"
        );
        let content = import_text(r#"{"ModelCardContent": "{\"a\": 1, \"a\": 2}"}"#).unwrap_err();
        assert!(
            content
                .to_string()
                .starts_with("in its ModelCardContent, line 1, column 10: the top-level object"),
            "{content}"
        );
        assert_eq!(
            import_text(r#"{"ModelCardContent": "[]"}"#),
            Err(ImportError::ContentNotAnObject("an array"))
        );
        let big = vec![b' '; (MAX_FILE_BYTES + 1) as usize];
        assert_eq!(
            import_bytes(&big),
            Err(ImportError::TooLarge(MAX_FILE_BYTES + 1))
        );
    }

    #[test]
    fn errors_read_as_sentences() {
        assert_eq!(
            ImportError::TooLarge(12 * 1_048_576).to_string(),
            "it is 12 MB; cards over 10 MB are not opened"
        );
        assert_eq!(
            import_text("{\"a\": }").unwrap_err().to_string(),
            "it is not JSON: line 1, column 7: expected value"
        );
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        assert_eq!(
            import_bytes("\u{feff}{}".as_bytes()).unwrap().card,
            json!({})
        );
    }
}
