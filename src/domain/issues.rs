//! Turning the validator's errors into issues a person can act on: where in
//! the card (the specification's pointer), which form field owns the
//! problem, and a sentence saying what is wrong. Messages are made here and
//! nowhere else.
//!
//! Following rjsf's `processRawValidationErrors`: a `required` error lands
//! on the missing child, an `additionalProperties` error on each unknown
//! key, and an `anyOf` failure is explained by the variant the value claims
//! to be rather than as a wall of alternatives.

use std::fmt;

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::form::FormNode;
use super::form::node::{NodeKind, VariantsNode};
use super::pointer::{JsonPointer, child_value, parse_index};
use super::validation::LINE_PATTERN_KEYWORD;

/// One way a card breaks its schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationIssue {
    /// Where in the card, exactly as the JSON Schema specification reports
    /// it (for `required`, the object that lacks the property).
    pub pointer: JsonPointer,
    /// The form field that shows the issue (for `required`, the missing
    /// child; for an unknown key, that key).
    pub field: JsonPointer,
    /// The schema keyword that failed, e.g. `maxLength`; for a lint, its
    /// code, e.g. `MC001`.
    pub keyword: String,
    /// What the field is called ("Model creator", "Evaluation 2").
    pub title: String,
    /// What was expected and what was found, for people; never echoes a
    /// long value back.
    pub message: String,
}

impl ValidationIssue {
    /// The message with the field's title, for where the field is not
    /// beside it (the command line, lists).
    pub fn titled_message(&self) -> String {
        if self.title.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.title, self.message)
        }
    }
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_root() {
            "(card)".to_owned()
        } else {
            self.pointer.to_string()
        };
        write!(f, "{at}: {}", self.titled_message())
    }
}

/// Appends the issues `error` stands for to `out`. `form` is the form node
/// of `document`'s root, used to explain `anyOf` failures by variant.
pub fn issues_from(
    error: &ValidationError<'_>,
    form: Option<&FormNode>,
    document: &Value,
    out: &mut Vec<ValidationIssue>,
) {
    let pointer = JsonPointer::parse(error.instance_path().as_str())
        .expect("the validator reports well-formed JSON Pointers");
    // The compiled validator checks `pattern` as a keyword of its own
    // (`validation::LINE_PATTERN_KEYWORD`); people and tools see `pattern`.
    let keyword = match error.kind().keyword() {
        LINE_PATTERN_KEYWORD => "pattern".to_owned(),
        other => other.to_owned(),
    };
    let instance: &Value = error.instance();
    let mut push = |field: JsonPointer, message: String| {
        // An unknown key has no title but its name, which the message says.
        let title = form
            .filter(|_| keyword != "additionalProperties")
            .map(|form| field_title(form, document, &field))
            .unwrap_or_default();
        out.push(ValidationIssue {
            pointer: pointer.clone(),
            field,
            keyword: keyword.clone(),
            title,
            message,
        });
    };
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_owned);
            push(
                pointer.child(name.clone()),
                format!("Required, but `{name}` is missing"),
            );
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                push(
                    pointer.child(key.clone()),
                    format!(
                        "A model card has no field \u{201c}{key}\u{201d} here: remove it, or move what it holds into a field the card has"
                    ),
                );
            }
        }
        ValidationErrorKind::AnyOf { context } => {
            match explain_any_of(context, form, document, &pointer, instance) {
                AnyOf::Inside(errors) => {
                    for sub in errors {
                        issues_from(sub, form, document, out);
                    }
                }
                AnyOf::Issue(field, message) => push(field, message),
            }
        }
        kind => push(pointer.clone(), message_for(kind, instance, error)),
    }
}

/// How an `anyOf` failure is explained.
enum AnyOf<'e, 'v> {
    /// By the failures inside the one shape the value meant to be.
    Inside(&'e [ValidationError<'v>]),
    /// By one issue on `field`.
    Issue(JsonPointer, String),
}

/// Explains an `anyOf` failure at `pointer`: by the variant the value
/// meant to be (its tag, or its kind), by the only shape there is, or as
/// having none of the shapes allowed.
fn explain_any_of<'e, 'v>(
    context: &'e [Vec<ValidationError<'v>>],
    form: Option<&FormNode>,
    document: &Value,
    pointer: &JsonPointer,
    instance: &Value,
) -> AnyOf<'e, 'v> {
    let node = form.and_then(|form| node_at(form, document, pointer));
    match node.map(|node| &node.kind) {
        Some(NodeKind::Variants(variants)) => {
            let kind_from = node.map(|node| &node.ui.kind_from);
            match choose_variant(variants, kind_from, instance, document, pointer) {
                Chosen::Variant(index) => {
                    AnyOf::Inside(context.get(index).map_or(&[], Vec::as_slice))
                }
                Chosen::BadTag(field, message) => AnyOf::Issue(field, message),
            }
        }
        _ if context.len() == 1 => AnyOf::Inside(&context[0]),
        _ => AnyOf::Issue(
            pointer.clone(),
            "Has none of the shapes a model card allows here".to_owned(),
        ),
    }
}

enum Chosen {
    Variant(usize),
    BadTag(JsonPointer, String),
}

/// Which alternative a failing value was meant to be: the one its
/// discriminator names, else the one a sibling's hint names (a simple
/// metric's `type`), else the one of its JSON type.
fn choose_variant(
    variants: &VariantsNode,
    kind_from: Option<&Option<String>>,
    instance: &Value,
    document: &Value,
    pointer: &JsonPointer,
) -> Chosen {
    let labels = || {
        let labels: Vec<&str> = variants.variants.iter().map(|v| v.label.as_str()).collect();
        match labels.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    };
    if let Some(key) = &variants.discriminator {
        let field = pointer.child(key.clone());
        return match instance.get(key) {
            Some(Value::String(tag)) => match variants.variant_for_tag(tag) {
                Some(index) => Chosen::Variant(index),
                None => Chosen::BadTag(
                    field,
                    format!("\"{tag}\" is not a known type; choose {}", labels()),
                ),
            },
            _ => Chosen::BadTag(field, format!("Choose a type: {}", labels())),
        };
    }
    let declared = kind_from
        .and_then(Option::as_ref)
        .and_then(|sibling| {
            let parent = pointer.parent()?;
            parent.child(sibling.clone()).resolve(document)?.as_str()
        })
        .and_then(|type_name| {
            variants
                .variants
                .iter()
                .position(|variant| variant.node.kind.scalar_name() == Some(type_name))
        });
    let by_type = || {
        variants
            .variants
            .iter()
            .position(|variant| super::form::node::accepts_type(&variant.node.kind, instance))
    };
    match declared.or_else(by_type) {
        Some(index) => Chosen::Variant(index),
        None => Chosen::BadTag(pointer.clone(), format!("Must be one of: {}", labels())),
    }
}

/// The form node for the value at `pointer`, choosing variants by the
/// values along the way.
pub fn node_at<'a>(
    form: &'a FormNode,
    document: &Value,
    pointer: &JsonPointer,
) -> Option<&'a FormNode> {
    let mut node = form;
    let mut value = Some(document);
    for token in pointer.tokens() {
        node = node.child(token, value)?;
        value = value.and_then(|value| child_value(value, token));
    }
    Some(node)
}

/// Sorts `issues` the way the form shows their fields, top to bottom: by
/// field, then the issue at the field before one about its parent, then by
/// keyword and message. The order is total, so the issues of a card come
/// out the same however they were found (whole, or subtree by subtree).
pub fn sort_in_form_order(form: &FormNode, card: &Value, issues: &mut [ValidationIssue]) {
    sort_by_form_order(form, card, issues, |issue| issue);
}

/// Sorts `items` as [`sort_in_form_order`] sorts the issue each carries.
pub fn sort_by_form_order<T>(
    form: &FormNode,
    card: &Value,
    items: &mut [T],
    issue_of: impl Fn(&T) -> &ValidationIssue,
) {
    items.sort_by_cached_key(|item| {
        let issue = issue_of(item);
        (
            form_position(form, card, &issue.field),
            std::cmp::Reverse(issue.pointer.tokens().len()),
            issue.keyword.clone(),
            issue.message.clone(),
        )
    });
}

/// One step of a field's place in the form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    /// The n-th field the schema declares, or the n-th item of a list.
    Declared(usize),
    /// A key the schema does not declare, after the declared ones, in the
    /// card's order.
    Other(usize, String),
}

/// Where the field at `pointer` appears in the form, comparable with
/// another field's.
fn form_position(form: &FormNode, card: &Value, pointer: &JsonPointer) -> Vec<Step> {
    let mut node = Some(form);
    let mut value = Some(card);
    let mut steps = Vec::with_capacity(pointer.tokens().len());
    for token in pointer.tokens() {
        let declared = node.and_then(|node| declared_position(node, value, token));
        steps.push(match (declared, value) {
            (Some(index), _) => Step::Declared(index),
            (None, Some(Value::Object(map))) => Step::Other(
                map.keys()
                    .position(|key| key == token)
                    .unwrap_or(usize::MAX),
                token.clone(),
            ),
            (None, _) => Step::Other(usize::MAX, token.clone()),
        });
        node = node.and_then(|node| node.child(token, value));
        value = value.and_then(|value| child_value(value, token));
    }
    steps
}

/// The position of `token` among the children `node` declares: a
/// property's index, or a list item's.
fn declared_position(node: &FormNode, value: Option<&Value>, token: &str) -> Option<usize> {
    match &node.kind {
        NodeKind::Object(object) => object.properties.iter().position(|p| p.key == token),
        NodeKind::Array(_) => parse_index(token),
        NodeKind::Variants(variants) => {
            let chosen = variants.select(value?)?;
            declared_position(&variants.variants[chosen].node, value, token)
        }
        _ => None,
    }
}

/// The title of the field at `pointer`: its label, or for an array item
/// "Evaluation 2".
pub fn field_title(form: &FormNode, document: &Value, pointer: &JsonPointer) -> String {
    super::form::labels::label_path(form, document, pointer)
        .pop()
        .unwrap_or_default()
}

fn message_for(
    kind: &ValidationErrorKind,
    instance: &Value,
    error: &ValidationError<'_>,
) -> String {
    match kind {
        ValidationErrorKind::Enum { options } => {
            format!(
                "Must be one of {}, found {}",
                list(options),
                shown(instance)
            )
        }
        ValidationErrorKind::MaxLength { limit } => format!(
            "At most {limit} {}, found {}",
            plural(*limit, "character"),
            char_count(instance)
        ),
        ValidationErrorKind::MinLength { limit } => format!(
            "At least {limit} {}, found {}",
            plural(*limit, "character"),
            char_count(instance)
        ),
        ValidationErrorKind::MaxItems { limit } => format!(
            "At most {limit} {}, found {}",
            plural(*limit, "item"),
            item_count(instance)
        ),
        ValidationErrorKind::MinItems { limit } => format!(
            "At least {limit} {}, found {}",
            plural(*limit, "item"),
            item_count(instance)
        ),
        ValidationErrorKind::Pattern { pattern } => pattern_message(pattern, instance),
        ValidationErrorKind::Custom { keyword, message } if keyword == LINE_PATTERN_KEYWORD => {
            pattern_message(message, instance)
        }
        ValidationErrorKind::Type {
            kind: TypeKind::Single(expected),
        } => format!(
            "Must be {}, found {}",
            type_words(&expected.to_string()),
            value_words(instance)
        ),
        _ => capitalise(&error.masked().to_string()),
    }
}

/// A value as a message shows it: short ones whole, long ones cut.
fn shown(value: &Value) -> String {
    let text = match value {
        Value::String(text) => format!("`{text}`"),
        other => other.to_string(),
    };
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(39).collect::<String>())
    } else {
        text
    }
}

/// `.{1,N}` is how the card schema says "not empty": say that. The
/// pattern is unanchored and `.` matches anything but a newline, so it
/// fails only on "" and on newlines alone.
fn pattern_message(pattern: &str, instance: &Value) -> String {
    let text = instance.as_str().unwrap_or_default();
    if pattern.starts_with(".{1,") {
        if text.is_empty() {
            return "Must not be empty".to_owned();
        }
        if text.chars().all(|ch| ch == '\n') {
            return "Must contain a character other than a newline".to_owned();
        }
    }
    format!("Must match the pattern `{pattern}`")
}

fn plural(count: u64, noun: &str) -> String {
    if count == 1 {
        noun.to_owned()
    } else {
        format!("{noun}s")
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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

/// A JSON type as a reviewer says it: "text", not "a string".
fn type_words(type_name: &str) -> String {
    match type_name {
        "null" => "empty (null)",
        "boolean" => "true or false",
        "integer" => "a whole number",
        "number" => "a number",
        "string" => "text",
        "array" => "a list",
        "object" => "a set of fields",
        other => return format!("of type {other}"),
    }
    .to_owned()
}

/// What kind of value `value` is, in the words of [`type_words`].
fn value_words(value: &Value) -> String {
    let type_name = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    type_words(type_name)
}
