//! The form model: a JSON Schema walked once into a tree of form nodes, each
//! knowing what kind of value it edits, its limits and its presentation.
//!
//! Validation never uses this tree (the validator reads the schema itself);
//! the tree only decides what the form shows, so it may be more helpful than
//! the schema is strict (see "bare keyword subschemas" below).

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::ui::{UiHints, UiSchema};
use crate::domain::card_schema::humanize;

/// One field of a form, or a group of fields.
#[derive(Clone, Debug, PartialEq)]
pub struct FormNode {
    /// What the node edits.
    pub kind: NodeKind,
    /// The schema's `title`.
    pub title: Option<String>,
    /// The schema's `description`.
    pub description: Option<String>,
    /// The `definitions` entry the node came from, if any.
    pub definition: Option<String>,
    /// Presentation data for this place in the form.
    pub ui: UiHints,
}

/// The kinds of value a form can edit.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// An object with named fields.
    Object(ObjectNode),
    /// An object whose keys are chosen by the user (`additionalProperties`
    /// with a schema, no `properties`).
    Map(MapNode),
    /// An array.
    Array(ArrayNode),
    /// A string, possibly one of an `enum`.
    Text(TextNode),
    /// A number or integer.
    Number(NumberNode),
    /// `true` or `false`.
    Boolean,
    /// One of several shapes (`anyOf`/`oneOf`).
    Variants(VariantsNode),
    /// Anything: the schema says nothing a form could use.
    Any,
}

/// An object's declared fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectNode {
    /// The fields in presentation order.
    pub properties: Vec<PropertyNode>,
    /// Whether keys other than `properties` are allowed.
    pub additional: AdditionalProperties,
}

/// Whether an object accepts keys it does not declare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdditionalProperties {
    /// `additionalProperties: false`: other keys are schema errors.
    Forbidden,
    /// Other keys are valid, but the form has no field for them.
    Allowed,
}

/// One named field of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct PropertyNode {
    /// The key in the card.
    pub key: String,
    /// Whether the schema's `required` lists it.
    pub required: bool,
    /// Whether the schema declares it under `properties`; `false` for a
    /// field read from a bare keyword subschema, which the schema does not
    /// actually constrain.
    pub declared: bool,
    /// The field's own node.
    pub node: FormNode,
}

/// A map's values.
#[derive(Clone, Debug, PartialEq)]
pub struct MapNode {
    /// The node every value gets.
    pub values: Box<FormNode>,
}

/// An array's items and limits.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrayNode {
    /// The node every item gets.
    pub items: Box<FormNode>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`: enforced by the validator.
    pub max_items: Option<u64>,
    /// A limit the schema seems to intend but does not enforce: `maxContains`
    /// without `contains`, or `maxItems` written inside `items`.
    pub intended_max_items: Option<u64>,
}

/// A string's limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextNode {
    /// `minLength`, in code points.
    pub min_length: Option<u64>,
    /// `maxLength`, in code points.
    pub max_length: Option<u64>,
    /// `pattern` (unanchored, as the specification says).
    pub pattern: Option<String>,
    /// `enum`, when every option is a string.
    pub options: Option<Vec<String>>,
}

/// A number's limits.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberNode {
    /// Whether only integers are valid.
    pub integer: bool,
    /// `minimum`.
    pub minimum: Option<f64>,
    /// `maximum`.
    pub maximum: Option<f64>,
}

/// The shapes a value may take.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantsNode {
    /// The shapes, in schema order.
    pub variants: Vec<Variant>,
    /// The field that tells object variants apart (a metric's `type`), when
    /// every variant has it with disjoint `enum` values.
    pub discriminator: Option<String>,
}

/// One shape of a [`VariantsNode`].
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// What people call this shape ("Matrix").
    pub label: String,
    /// The discriminator values that select this shape.
    pub tags: Vec<String>,
    /// The shape's node.
    pub node: FormNode,
}

/// A walked schema.
#[derive(Clone, Debug, PartialEq)]
pub struct FormTree {
    /// The node of the whole document.
    pub root: FormNode,
    /// Names of the `definitions` entries the walk reached.
    pub definitions_reached: BTreeSet<String>,
}

/// Keywords of JSON Schema (draft 7 and 2020-12) that are not subschemas
/// standing for fields.
const VOCABULARY: &[&str] = &[
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
const SCHEMA_MARKERS: &[&str] = &[
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

/// How deep a walk goes before treating a subschema as [`NodeKind::Any`]:
/// a guard against schemas that recurse through something other than `$ref`.
const MAX_DEPTH: usize = 64;

/// Walks `schema` into a form tree, attaching `ui` hints.
pub fn build_form(schema: &Value, ui: &UiSchema) -> FormTree {
    let mut walker = Walker {
        root: schema,
        ui,
        reached: BTreeSet::new(),
        expanding: Vec::new(),
    };
    let place = Place {
        instance: String::new(),
        definition: None,
        depth: 0,
    };
    let root = walker.node(schema, &place);
    FormTree {
        root,
        definitions_reached: walker.reached,
    }
}

struct Walker<'a> {
    root: &'a Value,
    ui: &'a UiSchema,
    reached: BTreeSet<String>,
    /// `$ref`s being expanded, to cut cycles.
    expanding: Vec<String>,
}

/// Where the walk is: the instance pattern, and the path inside the
/// definition the walk is in (for definition-keyed hints).
#[derive(Clone)]
struct Place {
    instance: String,
    definition: Option<String>,
    depth: usize,
}

impl Place {
    fn child(&self, token: &str) -> Place {
        let escaped = token.replace('~', "~0").replace('/', "~1");
        Place {
            instance: format!("{}/{escaped}", self.instance),
            definition: self
                .definition
                .as_ref()
                .map(|path| format!("{path}/{escaped}")),
            depth: self.depth + 1,
        }
    }

    fn any_child(&self) -> Place {
        Place {
            instance: format!("{}/*", self.instance),
            definition: self.definition.as_ref().map(|path| format!("{path}/*")),
            depth: self.depth + 1,
        }
    }
}

impl Walker<'_> {
    fn node(&mut self, schema: &Value, place: &Place) -> FormNode {
        let Some(resolved) = self.resolve(schema) else {
            return self.finish(NodeKind::Any, &Map::new(), None, place, place);
        };
        let Resolved {
            schema: merged,
            definition,
            pushed,
        } = resolved;
        // Inside a referenced definition, hints are keyed by its path.
        let inner = match &definition {
            Some(name) => Place {
                instance: place.instance.clone(),
                definition: Some(format!("#/definitions/{name}")),
                depth: place.depth,
            },
            None => place.clone(),
        };
        let kind = if place.depth > MAX_DEPTH {
            NodeKind::Any
        } else {
            self.kind(&merged, &inner)
        };
        for _ in 0..pushed {
            self.expanding.pop();
        }
        self.finish(kind, &merged, definition, place, &inner)
    }

    /// A node's hints: the referenced definition's, then those of the place
    /// that refers to it, then the instance pattern's.
    fn finish(
        &self,
        kind: NodeKind,
        schema: &Map<String, Value>,
        definition: Option<String>,
        outer: &Place,
        inner: &Place,
    ) -> FormNode {
        let mut paths: Vec<&str> = Vec::new();
        if definition.is_some() {
            paths.extend(inner.definition.as_deref());
        }
        paths.extend(outer.definition.as_deref());
        FormNode {
            kind,
            title: text_of(schema, "title"),
            description: text_of(schema, "description"),
            definition,
            ui: self.ui.hints(&outer.instance, &paths),
        }
    }

    /// Follows `$ref`s, overlaying each referring schema's own keywords on
    /// what it refers to. `None` for a cycle or a reference that leads
    /// nowhere.
    fn resolve(&mut self, schema: &Value) -> Option<Resolved> {
        let mut merged = schema.as_object().cloned().unwrap_or_default();
        let mut definition = None;
        let mut pushed = 0;
        while let Some(reference) = merged.remove("$ref") {
            let target = reference
                .as_str()
                .filter(|reference| !self.expanding.iter().any(|open| open == reference))
                .and_then(|reference| {
                    let target = reference.strip_prefix('#')?;
                    Some((
                        reference.to_owned(),
                        self.root.pointer(target)?.as_object()?,
                    ))
                });
            let Some((reference, target)) = target else {
                // A cycle, or a reference that leads nowhere.
                self.expanding.truncate(self.expanding.len() - pushed);
                return None;
            };
            if let Some(name) = definition_name(&reference) {
                self.reached.insert(name.to_owned());
                definition = Some(name.to_owned());
            }
            self.expanding.push(reference);
            pushed += 1;
            let mut combined = target.clone();
            for (key, value) in merged {
                combined.insert(key, value);
            }
            merged = combined;
        }
        Some(Resolved {
            schema: merged,
            definition,
            pushed,
        })
    }

    fn kind(&mut self, schema: &Map<String, Value>, place: &Place) -> NodeKind {
        if let Some(options) = string_options(schema) {
            return NodeKind::Text(TextNode {
                options: Some(options),
                ..text_limits(schema)
            });
        }
        for keyword in ["anyOf", "oneOf"] {
            if let Some(alternatives) = schema.get(keyword).and_then(Value::as_array) {
                return self.variants(schema, keyword, alternatives, place);
            }
        }
        match declared_type(schema).as_deref() {
            Some("object") => self.object(schema, place),
            Some("array") => self.array(schema, place),
            Some("string") => NodeKind::Text(text_limits(schema)),
            Some("number") => NodeKind::Number(number_limits(schema, false)),
            Some("integer") => NodeKind::Number(number_limits(schema, true)),
            Some("boolean") => NodeKind::Boolean,
            _ => NodeKind::Any,
        }
    }

    fn variants(
        &mut self,
        schema: &Map<String, Value>,
        keyword: &str,
        alternatives: &[Value],
        place: &Place,
    ) -> NodeKind {
        let mut base = schema.clone();
        base.remove(keyword);
        if let [only] = alternatives {
            // A single alternative is no choice: fold it into the schema.
            let mut folded = base;
            if let Some(alternative) = only.as_object() {
                for (key, value) in alternative {
                    folded.insert(key.clone(), value.clone());
                }
            }
            return self.node(&Value::Object(folded), place).kind;
        }
        let nodes: Vec<FormNode> = alternatives
            .iter()
            .map(|alternative| {
                let mut combined = base.clone();
                if let Some(alternative) = alternative.as_object() {
                    for (key, value) in alternative {
                        combined.insert(key.clone(), value.clone());
                    }
                }
                self.node(&Value::Object(combined), place)
            })
            .collect();
        let discriminator = find_discriminator(&nodes);
        let variants = nodes
            .into_iter()
            .enumerate()
            .map(|(index, node)| Variant {
                label: variant_label(&node, index),
                tags: discriminator
                    .as_deref()
                    .map(|key| discriminator_tags(&node, key))
                    .unwrap_or_default(),
                node,
            })
            .collect();
        NodeKind::Variants(VariantsNode {
            variants,
            discriminator,
        })
    }

    fn object(&mut self, schema: &Map<String, Value>, place: &Place) -> NodeKind {
        let required: BTreeSet<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|keys| keys.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let declared = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        let fields: Vec<(String, Value, bool)> = match declared {
            Some(properties) => properties
                .iter()
                .map(|(key, value)| (key.clone(), value.clone(), true))
                .collect(),
            None => bare_keyword_subschemas(schema)
                .map(|(key, value)| (key.clone(), value.clone(), false))
                .collect(),
        };
        if fields.is_empty() {
            if let Some(values) = additional.filter(|value| value.is_object()) {
                let values = self.node(values, &place.any_child());
                return NodeKind::Map(MapNode {
                    values: Box::new(values),
                });
            }
            if additional != Some(&Value::Bool(false)) {
                return NodeKind::Any;
            }
        }
        let mut properties: Vec<PropertyNode> = fields
            .into_iter()
            .map(|(key, value, declared)| PropertyNode {
                required: required.contains(key.as_str()),
                declared,
                node: self.node(&value, &place.child(&key)),
                key,
            })
            .collect();
        let hints = self.ui.hints(
            &place.instance,
            &place.definition.as_deref().into_iter().collect::<Vec<_>>(),
        );
        if let Some(order) = hints.order {
            properties.sort_by_key(|property| {
                order
                    .iter()
                    .position(|key| *key == property.key)
                    .unwrap_or(order.len())
            });
        }
        NodeKind::Object(ObjectNode {
            properties,
            additional: if additional == Some(&Value::Bool(false)) {
                AdditionalProperties::Forbidden
            } else {
                AdditionalProperties::Allowed
            },
        })
    }

    fn array(&mut self, schema: &Map<String, Value>, place: &Place) -> NodeKind {
        let items_schema = schema.get("items").cloned().unwrap_or(Value::Bool(true));
        let items = self.node(&items_schema, &place.any_child());
        // `maxItems` inside `items` constrains each item, not the array; on
        // anything but an array item it limits nothing, yet reads as intent.
        let item_level_max = items_schema
            .as_object()
            .filter(|_| !matches!(items.kind, NodeKind::Array(_)))
            .and_then(|items| count_of(items, "maxItems"));
        let max_contains = schema
            .get("contains")
            .is_none()
            .then(|| count_of(schema, "maxContains"))
            .flatten();
        NodeKind::Array(ArrayNode {
            items: Box::new(items),
            min_items: count_of(schema, "minItems"),
            max_items: count_of(schema, "maxItems"),
            intended_max_items: max_contains.or(item_level_max),
        })
    }
}

struct Resolved {
    schema: Map<String, Value>,
    definition: Option<String>,
    pushed: usize,
}

fn definition_name(reference: &str) -> Option<&str> {
    reference
        .strip_prefix("#/definitions/")
        .or_else(|| reference.strip_prefix("#/$defs/"))
        .filter(|name| !name.contains('/'))
}

fn text_of(schema: &Map<String, Value>, key: &str) -> Option<String> {
    schema.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn count_of(schema: &Map<String, Value>, key: &str) -> Option<u64> {
    schema.get(key).and_then(Value::as_u64)
}

fn string_options(schema: &Map<String, Value>) -> Option<Vec<String>> {
    let options = schema.get("enum")?.as_array()?;
    options
        .iter()
        .map(|option| option.as_str().map(str::to_owned))
        .collect()
}

fn text_limits(schema: &Map<String, Value>) -> TextNode {
    TextNode {
        min_length: count_of(schema, "minLength"),
        max_length: count_of(schema, "maxLength"),
        pattern: text_of(schema, "pattern"),
        options: None,
    }
}

fn number_limits(schema: &Map<String, Value>, integer: bool) -> NumberNode {
    NumberNode {
        integer,
        minimum: schema.get("minimum").and_then(Value::as_f64),
        maximum: schema.get("maximum").and_then(Value::as_f64),
    }
}

/// The schema's `type`, or the one its keywords imply when it has none.
fn declared_type(schema: &Map<String, Value>) -> Option<String> {
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
fn bare_keyword_subschemas(schema: &Map<String, Value>) -> impl Iterator<Item = (&String, &Value)> {
    schema.iter().filter(|(key, value)| {
        !VOCABULARY.contains(&key.as_str())
            && value.as_object().is_some_and(|sub| {
                SCHEMA_MARKERS
                    .iter()
                    .any(|marker| sub.contains_key(*marker))
            })
    })
}

/// The field every object variant has as an enum with disjoint values.
fn find_discriminator(nodes: &[FormNode]) -> Option<String> {
    let objects: Vec<&ObjectNode> = nodes
        .iter()
        .map(|node| match &node.kind {
            NodeKind::Object(object) => Some(object),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let first = objects.first()?;
    first.properties.iter().find_map(|candidate| {
        let mut seen = BTreeSet::new();
        for object in &objects {
            let property = object.properties.iter().find(|p| p.key == candidate.key)?;
            let NodeKind::Text(TextNode {
                options: Some(options),
                ..
            }) = &property.node.kind
            else {
                return None;
            };
            for option in options {
                if !seen.insert(option.clone()) {
                    return None;
                }
            }
        }
        Some(candidate.key.clone())
    })
}

fn discriminator_tags(node: &FormNode, key: &str) -> Vec<String> {
    match &node.kind {
        NodeKind::Object(object) => object
            .properties
            .iter()
            .find(|property| property.key == key)
            .and_then(|property| match &property.node.kind {
                NodeKind::Text(text) => text.options.clone(),
                _ => None,
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn variant_label(node: &FormNode, index: usize) -> String {
    if let Some(label) = node.ui.label.clone().or_else(|| node.title.clone()) {
        return label;
    }
    if let Some(definition) = &node.definition {
        return humanize(definition);
    }
    match &node.kind {
        NodeKind::Text(_) => "Text".to_owned(),
        NodeKind::Number(_) => "Number".to_owned(),
        NodeKind::Boolean => "Yes/no".to_owned(),
        NodeKind::Array(_) => "List".to_owned(),
        _ => format!("Option {}", index + 1),
    }
}

impl FormNode {
    /// What the field is called: its hint, its schema title, or its key.
    pub fn label_or(&self, key: &str) -> String {
        self.ui
            .label
            .clone()
            .or_else(|| self.title.clone())
            .unwrap_or_else(|| humanize(key))
    }

    /// The help text: the hint, else the schema's description.
    pub fn help(&self) -> Option<&str> {
        self.ui.help.as_deref().or(self.description.as_deref())
    }

    /// The node of the child `token` of a value of this node. `value` is
    /// this node's value in the card, needed to pick a variant.
    pub fn child(&self, token: &str, value: Option<&Value>) -> Option<&FormNode> {
        match &self.kind {
            NodeKind::Object(object) => object.property(token).map(|property| &property.node),
            NodeKind::Map(map) => Some(&map.values),
            NodeKind::Array(array) => Some(&array.items),
            NodeKind::Variants(variants) => {
                let chosen = variants.select(value?)?;
                variants.variants[chosen].node.child(token, value)
            }
            _ => None,
        }
    }
}

impl ObjectNode {
    /// The declared field `key`.
    pub fn property(&self, key: &str) -> Option<&PropertyNode> {
        self.properties.iter().find(|property| property.key == key)
    }
}

impl VariantsNode {
    /// Which variant a value is: by its discriminator when there is one,
    /// else the first variant of the value's JSON type.
    pub fn select(&self, value: &Value) -> Option<usize> {
        if let Some(key) = &self.discriminator {
            let tag = value.get(key)?.as_str()?;
            return self
                .variants
                .iter()
                .position(|variant| variant.tags.iter().any(|t| t == tag));
        }
        self.variants
            .iter()
            .position(|variant| accepts_type(&variant.node.kind, value))
    }

    /// The variant carrying discriminator value `tag`.
    pub fn variant_for_tag(&self, tag: &str) -> Option<usize> {
        self.variants
            .iter()
            .position(|variant| variant.tags.iter().any(|t| t == tag))
    }
}

/// Whether a node of `kind` edits values of `value`'s JSON type.
pub fn accepts_type(kind: &NodeKind, value: &Value) -> bool {
    matches!(
        (kind, value),
        (NodeKind::Object(_) | NodeKind::Map(_), Value::Object(_))
            | (NodeKind::Array(_), Value::Array(_))
            | (NodeKind::Text(_), Value::String(_))
            | (NodeKind::Number(_), Value::Number(_))
            | (NodeKind::Boolean, Value::Bool(_))
            | (NodeKind::Any, _)
    )
}
