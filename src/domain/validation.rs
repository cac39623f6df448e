//! Validating a card against the card schema.
//!
//! The card schema is compiled into Rust at build time (see
//! `docs/validator.md` for the measurement behind that choice). Any other
//! schema can be compiled at run time with [`SchemaValidator`]. Both report
//! [`ValidationIssue`]s made by [`super::issues`].

use serde_json::Value;

use super::card_schema::card_schema;
use super::form::{FormNode, card_form};
pub use super::issues::ValidationIssue;
use super::issues::{field_title, issues_from, sort_in_form_order};
use super::pointer::{JsonPointer, child_value, parse_index};

#[jsonschema::validator(
    path = "schemas/generated/card-validator.schema.json",
    keywords = { "x-mce-pattern" => crate::domain::validation::line_pattern_keyword }
)]
struct CompiledCardSchema;

/// The keyword the validator's copy of the schema says `pattern` with.
pub const LINE_PATTERN_KEYWORD: &str = "x-mce-pattern";

/// The card schema as the compiled validator reads it
/// (`schemas/generated/card-validator.schema.json`, which a test keeps
/// equal to this): every `pattern` becomes [`LINE_PATTERN_KEYWORD`],
/// checked by [`line_pattern_keyword`] without a regular-expression engine.
/// All the schema's patterns are `.{1,N}`; the regex engines and their
/// Unicode tables they pulled in were a third of the download.
pub fn validator_schema(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| match (key.as_str(), value) {
                    ("pattern", Value::String(_)) => {
                        (LINE_PATTERN_KEYWORD.to_owned(), value.clone())
                    }
                    _ => (key.clone(), validator_schema(value)),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(validator_schema).collect()),
        other => other.clone(),
    }
}

/// Builds the check of one `.{1,N}` pattern; refuses any other pattern
/// (the validator then panics at first use, and a native test at once).
pub fn line_pattern_keyword<'a>(
    _parent: &'a serde_json::Map<String, Value>,
    value: &'a Value,
    _location: jsonschema::paths::Location,
) -> Result<Box<dyn for<'i> jsonschema::Keyword<'i>>, jsonschema::ValidationError<'a>> {
    let pattern = value.as_str().unwrap_or_default();
    let limited = pattern
        .strip_prefix(".{1,")
        .and_then(|rest| rest.strip_suffix('}'))
        .is_some_and(|limit| limit.parse::<usize>().is_ok());
    if limited {
        Ok(Box::new(LinePattern(pattern.to_owned())))
    } else {
        Err(jsonschema::ValidationError::custom(format!(
            "only patterns of the form .{{1,N}} are supported, not {pattern}"
        )))
    }
}

/// An unanchored `.{1,N}` (the pattern): matches a string holding at
/// least one character other than a line feed, whatever its length (the
/// regex engines' `.`, which a native test compares on edge cases). Its
/// error's message is the pattern, which the issue's message quotes.
struct LinePattern(String);

impl<'i> jsonschema::Keyword<'i> for LinePattern {
    fn validate(&self, instance: &'i Value) -> Result<(), jsonschema::ValidationError<'i>> {
        if self.is_valid(instance) {
            Ok(())
        } else {
            Err(jsonschema::ValidationError::custom(self.0.clone()))
        }
    }

    fn is_valid(&self, instance: &'i Value) -> bool {
        instance
            .as_str()
            .is_none_or(|text| text.chars().any(|c| c != '\n'))
    }
}

/// Every issue of `card` against the bundled card schema, each placed on
/// the form field that owns it, in form order.
pub fn validate_card(card: &Value) -> Vec<ValidationIssue> {
    let form = &card_form().root;
    let mut issues = Vec::new();
    for error in CompiledCardSchema::iter_errors(card) {
        issues_from(&error, Some(form), card, &mut issues);
    }
    sort_in_form_order(form, card, &mut issues);
    issues
}

/// The issues of the value at `at` and below, as [`validate_card`] would
/// report them for the whole card, in form order, found in time that
/// depends on that subtree alone: the subtree is validated inside a
/// skeleton card that holds only the path down to it (each list on the way
/// holding just this one item). Only sound for an `at` that
/// [`revalidation_root`] chose, whose verdict the rest of the card cannot
/// change.
pub fn validate_subtree(card: &Value, at: &JsonPointer) -> Vec<ValidationIssue> {
    if at.is_root() {
        return validate_card(card);
    }
    let Some((skeleton, local)) = skeleton_around(card, at) else {
        return validate_card(card);
    };
    let form = &card_form().root;
    let mut found = Vec::new();
    for error in CompiledCardSchema::iter_errors(&skeleton) {
        let inside = JsonPointer::parse(error.instance_path().as_str())
            .is_ok_and(|pointer| pointer.starts_with(&local));
        if inside {
            issues_from(&error, Some(form), &skeleton, &mut found);
        }
    }
    for issue in &mut found {
        issue.pointer = rebase(&issue.pointer, &local, at);
        issue.field = rebase(&issue.field, &local, at);
        if !issue.title.is_empty() {
            // Titles name list items by their place ("Evaluation 2"), which
            // the skeleton does not keep.
            issue.title = field_title(form, card, &issue.field);
        }
    }
    sort_in_form_order(form, card, &mut found);
    found
}

/// The skeleton card for [`validate_subtree`], and the pointer of the
/// subtree inside it; None when `at` names no value.
fn skeleton_around(card: &Value, at: &JsonPointer) -> Option<(Value, JsonPointer)> {
    let mut containers = Vec::with_capacity(at.tokens().len());
    let mut value = card;
    for token in at.tokens() {
        containers.push(value.is_array());
        value = child_value(value, token)?;
    }
    let mut skeleton = value.clone();
    let mut local = Vec::with_capacity(containers.len());
    for (token, is_array) in at.tokens().iter().zip(&containers).rev() {
        skeleton = if *is_array {
            local.push("0".to_owned());
            Value::Array(vec![skeleton])
        } else {
            local.push(token.clone());
            let mut map = serde_json::Map::new();
            map.insert(token.clone(), skeleton);
            Value::Object(map)
        };
    }
    local.reverse();
    Some((skeleton, JsonPointer::from_tokens(local)))
}

/// `pointer` (which starts with `from`) with that start replaced by `to`.
fn rebase(pointer: &JsonPointer, from: &JsonPointer, to: &JsonPointer) -> JsonPointer {
    let rest = &pointer.tokens()[from.tokens().len()..];
    JsonPointer::from_tokens(to.tokens().iter().chain(rest).cloned())
}

/// Schema keywords whose verdict on a value depends on what is inside its
/// members or items, not just on their number and names: validating below
/// a place that has one would miss how a change there alters its verdict.
const CONTENT_KEYWORDS: [&str; 18] = [
    "anyOf",
    "oneOf",
    "allOf",
    "not",
    "if",
    "enum",
    "const",
    "uniqueItems",
    "contains",
    "dependentSchemas",
    "dependencies",
    "unevaluatedProperties",
    "unevaluatedItems",
    "prefixItems",
    "patternProperties",
    "propertyNames",
    "$dynamicRef",
    "$recursiveRef",
];

/// The deepest place whose subtree, validated alone with
/// [`validate_subtree`], gives every issue a change at `scope` can alter:
/// the walk down the schema to `scope` stops where it meets a keyword that
/// looks inside values ([`CONTENT_KEYWORDS`]), or a place the schema does
/// not describe member by member. Keywords above it (`required`,
/// `additionalProperties`, `maxItems`, `type`) judge only names, counts
/// and kinds, which a change at or below `scope` leaves alone, since a
/// change that adds or removes an entry has its container as its scope.
pub fn revalidation_root(card: &Value, scope: &JsonPointer) -> JsonPointer {
    let root_schema = card_schema();
    let tokens = scope.tokens();
    // Where a content keyword is met: there, or the object around it, since
    // an alternative may be chosen by a sibling of the value
    // (`choose_variant`'s kind hint).
    let content_stop = |depth: usize| match depth.checked_sub(1) {
        Some(parent) if parent_is_object(card, &tokens[..depth]) => {
            JsonPointer::from_tokens(&tokens[..parent])
        }
        _ => JsonPointer::from_tokens(&tokens[..depth]),
    };
    let mut schema = root_schema;
    let mut value = card;
    for depth in 0..=tokens.len() {
        let Some(resolved) = resolve_refs(root_schema, schema) else {
            return JsonPointer::from_tokens(&tokens[..depth]);
        };
        if CONTENT_KEYWORDS.iter().any(|k| resolved.get(*k).is_some()) {
            return content_stop(depth);
        }
        let Some(token) = tokens.get(depth) else {
            break;
        };
        let next = match value {
            Value::Object(map) => map.get(token).and_then(|child| {
                resolved
                    .get("properties")
                    .and_then(|properties| properties.get(token))
                    .or_else(|| {
                        resolved
                            .get("additionalProperties")
                            .filter(|s| s.is_object())
                    })
                    .map(|declared| (declared, child))
            }),
            Value::Array(items) => parse_index(token)
                .and_then(|index| items.get(index))
                .and_then(|child| {
                    resolved
                        .get("items")
                        .filter(|s| s.is_object())
                        .map(|s| (s, child))
                }),
            _ => None,
        };
        let Some((child_schema, child_value)) = next else {
            return JsonPointer::from_tokens(&tokens[..depth]);
        };
        schema = child_schema;
        value = child_value;
    }
    scope.clone()
}

/// Whether the value at `tokens`' parent is an object.
fn parent_is_object(card: &Value, tokens: &[String]) -> bool {
    let Some((_, parent)) = tokens.split_last() else {
        return false;
    };
    parent
        .iter()
        .try_fold(card, |value, token| child_value(value, token))
        .is_some_and(Value::is_object)
}

/// `schema` with local `$ref`s (`#/definitions/x`) followed; None for a
/// reference this schema cannot resolve, or one with keywords beside it
/// (which apply too, so following the reference alone would miss them).
fn resolve_refs<'a>(root: &'a Value, mut schema: &'a Value) -> Option<&'a Value> {
    const ANNOTATIONS: [&str; 4] = ["$ref", "description", "title", "$comment"];
    for _ in 0..32 {
        let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
            return Some(schema);
        };
        let beside = schema.as_object().is_some_and(|object| {
            object
                .keys()
                .any(|key| !ANNOTATIONS.contains(&key.as_str()))
        });
        if beside {
            return None;
        }
        schema = root.pointer(reference.strip_prefix('#')?)?;
    }
    None
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
    /// of `form` (and in its order) when one is given.
    pub fn issues(&self, instance: &Value, form: Option<&FormNode>) -> Vec<ValidationIssue> {
        let mut issues = Vec::new();
        for error in self.0.iter_errors(instance) {
            issues_from(&error, form, instance, &mut issues);
        }
        if let Some(form) = form {
            sort_in_form_order(form, instance, &mut issues);
        }
        issues
    }
}
