//! The walk itself: a JSON Schema, `$ref`s resolved and cycles cut, into
//! the tree of form nodes, with the ui schema's hints attached to each
//! place. Reading the schema's keywords is in `keywords.rs`.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::keywords::*;
use super::*;
use crate::domain::form::ui::UiSchema;

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
