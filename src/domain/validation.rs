//! Validating a card against the card schema, and turning the validator's
//! errors into issues a person can act on.
//!
//! The card schema is compiled into Rust at build time (see the README's
//! "Validator" section for the measurement behind that choice). Any other
//! schema can be compiled at run time with [`SchemaValidator`], which gives
//! the same issue shape. Error messages are made here and nowhere else.

use std::fmt;

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::pointer::JsonPointer;

#[jsonschema::validator(path = "schemas/model-package-card.schema.json")]
struct CompiledCardSchema;

/// One way a card breaks its schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationIssue {
    /// Where in the card, exactly as the JSON Schema specification reports
    /// it (for `required`, the object that lacks the property).
    pub pointer: JsonPointer,
    /// The schema keyword that failed, e.g. `maxLength`.
    pub keyword: String,
    /// A sentence for people; never echoes a long value back.
    pub message: String,
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_root() {
            "(card)".to_owned()
        } else {
            self.pointer.to_string()
        };
        write!(f, "{at}: {}", self.message)
    }
}

/// Every issue of `card` against the bundled card schema, in the order the
/// validator finds them.
pub fn validate_card(card: &Value) -> Vec<ValidationIssue> {
    CompiledCardSchema::iter_errors(card)
        .map(|error| issue_from(&error))
        .collect()
}

/// Whether `card` satisfies the bundled card schema (faster than collecting
/// issues).
pub fn card_is_valid(card: &Value) -> bool {
    CompiledCardSchema::is_valid(card)
}

/// A schema that is not a usable JSON Schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError(pub String);

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a usable JSON Schema: {}", self.0)
    }
}

impl std::error::Error for SchemaError {}

/// A validator for any schema, compiled at run time: for schemas other than
/// the bundled one, and to cross-check the compiled card validator.
pub struct SchemaValidator(jsonschema::Validator);

impl SchemaValidator {
    /// Compiles `schema` once; validating with the result is then cheap.
    pub fn compile(schema: &Value) -> Result<Self, SchemaError> {
        jsonschema::validator_for(schema)
            .map(Self)
            .map_err(|error| SchemaError(error.to_string()))
    }

    /// Every issue of `instance` against this schema.
    pub fn issues(&self, instance: &Value) -> Vec<ValidationIssue> {
        self.0
            .iter_errors(instance)
            .map(|error| issue_from(&error))
            .collect()
    }
}

fn issue_from(error: &ValidationError<'_>) -> ValidationIssue {
    let pointer = JsonPointer::parse(error.instance_path().as_str())
        .expect("the validator reports well-formed JSON Pointers");
    ValidationIssue {
        pointer,
        keyword: error.kind().keyword().to_owned(),
        message: message_for(error),
    }
}

fn message_for(error: &ValidationError<'_>) -> String {
    let instance: &Value = error.instance();
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => match unexpected.as_slice() {
            [one] => format!(
                "unknown field {}: the schema does not allow it here",
                quoted(one)
            ),
            many => format!(
                "unknown fields {}: the schema does not allow them here",
                many.iter()
                    .map(|key| quoted(key))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
        ValidationErrorKind::Required { property } => match property.as_str() {
            Some(name) => format!("required field {} is missing", quoted(name)),
            None => format!("required field {property} is missing"),
        },
        ValidationErrorKind::Enum { options } => format!("must be one of {}", list(options)),
        ValidationErrorKind::MaxLength { limit } => format!(
            "is {} characters long; at most {limit} are allowed",
            char_count(instance)
        ),
        ValidationErrorKind::MinLength { limit } => format!(
            "is {} characters long; at least {limit} are needed",
            char_count(instance)
        ),
        ValidationErrorKind::MaxItems { limit } => format!(
            "has {} items; at most {limit} are allowed",
            item_count(instance)
        ),
        ValidationErrorKind::MinItems { limit } => format!(
            "has {} items; at least {limit} {} needed",
            item_count(instance),
            if *limit == 1 { "is" } else { "are" }
        ),
        ValidationErrorKind::Pattern { pattern } => {
            format!("must contain a match for the pattern {pattern}")
        }
        ValidationErrorKind::Type {
            kind: TypeKind::Single(expected),
        } => format!(
            "must be {}, not {}",
            article(&expected.to_string()),
            type_name(instance)
        ),
        ValidationErrorKind::AnyOf { .. } => {
            "matches none of the forms the schema allows here".to_owned()
        }
        _ => error.masked().to_string(),
    }
}

fn quoted(key: &str) -> String {
    format!("\"{key}\"")
}

fn list(options: &Value) -> String {
    match options.as_array() {
        Some(items) => items
            .iter()
            .map(|item| match item.as_str() {
                Some(text) => text.to_owned(),
                None => item.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        None => options.to_string(),
    }
}

fn char_count(value: &Value) -> usize {
    value.as_str().map_or(0, |text| text.chars().count())
}

fn item_count(value: &Value) -> usize {
    value.as_array().map_or(0, Vec::len)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn article(type_name: &str) -> String {
    match type_name {
        "null" => "null".to_owned(),
        "array" | "object" | "integer" => format!("an {type_name}"),
        other => format!("a {other}"),
    }
}
