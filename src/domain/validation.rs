//! Validating a card against the card schema.
//!
//! The card schema is compiled into Rust at build time (see the README's
//! "Validator" section for the measurement behind that choice). Any other
//! schema can be compiled at run time with [`SchemaValidator`]. Both report
//! [`ValidationIssue`]s made by [`super::issues`].

use serde_json::Value;

use super::form::{FormNode, card_form};
pub use super::issues::ValidationIssue;
use super::issues::issues_from;

#[jsonschema::validator(path = "schemas/model-package-card.schema.json")]
struct CompiledCardSchema;

/// Every issue of `card` against the bundled card schema, in the order the
/// validator finds them, each placed on the form field that owns it.
pub fn validate_card(card: &Value) -> Vec<ValidationIssue> {
    let form = &card_form().root;
    let mut issues = Vec::new();
    for error in CompiledCardSchema::iter_errors(card) {
        issues_from(&error, Some(form), card, &mut issues);
    }
    issues
}

/// Whether `card` satisfies the bundled card schema (faster than collecting
/// issues).
pub fn card_is_valid(card: &Value) -> bool {
    CompiledCardSchema::is_valid(card)
}

/// The pointers of the validator's top-level errors, exactly as the JSON
/// Schema specification places them (an `anyOf` failure at the value that
/// fails it, not expanded): for comparing verdicts with other validators.
pub fn raw_error_pointers(card: &Value) -> std::collections::BTreeSet<String> {
    CompiledCardSchema::iter_errors(card)
        .map(|error| error.instance_path().as_str().to_owned())
        .collect()
}

/// A schema that is not a usable JSON Schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError(pub String);

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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

    /// Every issue of `instance` against this schema, placed on the fields
    /// of `form` when one is given.
    pub fn issues(&self, instance: &Value, form: Option<&FormNode>) -> Vec<ValidationIssue> {
        let mut issues = Vec::new();
        for error in self.0.iter_errors(instance) {
            issues_from(&error, form, instance, &mut issues);
        }
        issues
    }
}
