//! Reading a subschema's keywords: which are JSON Schema's own, the limits
//! of strings and numbers, its declared type, and the "bare keyword"
//! subschemas a schema may write without `properties`.

use serde_json::{Map, Value};

use super::{NumberNode, TextNode};

pub(super) const VOCABULARY: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "$comment",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$vocabulary",
    "definitions",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "type",
    "enum",
    "const",
    "properties",
    "patternProperties",
    "additionalProperties",
    "unevaluatedProperties",
    "propertyNames",
    "required",
    "dependentRequired",
    "dependentSchemas",
    "dependencies",
    "minProperties",
    "maxProperties",
    "items",
    "prefixItems",
    "additionalItems",
    "unevaluatedItems",
    "contains",
    "minContains",
    "maxContains",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "contentEncoding",
    "contentMediaType",
    "contentSchema",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "version",
];

/// Keywords whose presence makes an object look like a schema.
pub(super) const SCHEMA_MARKERS: &[&str] = &[
    "type",
    "$ref",
    "properties",
    "enum",
    "const",
    "anyOf",
    "oneOf",
    "allOf",
    "items",
    "maxLength",
    "pattern",
    "additionalProperties",
];

pub(super) fn text_of(schema: &Map<String, Value>, key: &str) -> Option<String> {
    schema.get(key).and_then(Value::as_str).map(str::to_owned)
}

pub(super) fn count_of(schema: &Map<String, Value>, key: &str) -> Option<u64> {
    schema.get(key).and_then(Value::as_u64)
}

pub(super) fn string_options(schema: &Map<String, Value>) -> Option<Vec<String>> {
    let options = schema.get("enum")?.as_array()?;
    options
        .iter()
        .map(|option| option.as_str().map(str::to_owned))
        .collect()
}

pub(super) fn text_limits(schema: &Map<String, Value>) -> TextNode {
    TextNode {
        min_length: count_of(schema, "minLength"),
        max_length: count_of(schema, "maxLength"),
        pattern: text_of(schema, "pattern"),
        options: None,
    }
}

pub(super) fn number_limits(schema: &Map<String, Value>, integer: bool) -> NumberNode {
    NumberNode {
        integer,
        minimum: schema.get("minimum").and_then(Value::as_f64),
        maximum: schema.get("maximum").and_then(Value::as_f64),
    }
}

/// The schema's `type`, or the one its keywords imply when it has none.
pub(super) fn declared_type(schema: &Map<String, Value>) -> Option<String> {
    match schema.get("type") {
        Some(Value::String(name)) => return Some(name.clone()),
        Some(Value::Array(names)) => {
            return names
                .iter()
                .filter_map(Value::as_str)
                .find(|name| *name != "null")
                .map(str::to_owned);
        }
        _ => {}
    }
    let has = |keys: &[&str]| keys.iter().any(|key| schema.contains_key(*key));
    let implied = if has(&["properties", "additionalProperties", "required"])
        || bare_keyword_subschemas(schema).next().is_some()
    {
        "object"
    } else if has(&["items", "maxItems", "minItems", "maxContains"]) {
        "array"
    } else if has(&["maxLength", "minLength", "pattern"]) {
        "string"
    } else if has(&["minimum", "maximum", "multipleOf"]) {
        "number"
    } else {
        return None;
    };
    Some(implied.to_owned())
}

/// Keys that are not JSON Schema keywords but hold what looks like a schema:
/// a schema author's way of describing fields without `properties` (the
/// card's `objective_function`). The form offers them as fields; the
/// validator, reading the real schema, constrains nothing there.
pub(super) fn bare_keyword_subschemas(
    schema: &Map<String, Value>,
) -> impl Iterator<Item = (&String, &Value)> {
    schema.iter().filter(|(key, value)| {
        !VOCABULARY.contains(&key.as_str())
            && value.as_object().is_some_and(|sub| {
                SCHEMA_MARKERS
                    .iter()
                    .any(|marker| sub.contains_key(*marker))
            })
    })
}
