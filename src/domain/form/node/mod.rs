//! The form model: a JSON Schema walked once into a tree of form nodes, each
//! knowing what kind of value it edits, its limits and its presentation.
//!
//! Validation never uses this tree (the validator reads the schema itself);
//! the tree only decides what the form shows, so it may be more helpful than
//! the schema is strict (see "bare keyword subschemas" below).

mod keywords;
mod walk;

use std::collections::BTreeSet;

use serde_json::Value;

use super::ui::UiHints;
use crate::domain::card_schema::humanize;
pub use walk::build_form;

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

impl NodeKind {
    /// The name a sibling `type` member gives a scalar of this kind
    /// ("string", "number", "boolean"): how a simple metric's `type` picks
    /// which kind its `value` is. `None` for kinds that are not scalars.
    pub fn scalar_name(&self) -> Option<&'static str> {
        match self {
            NodeKind::Text(_) => Some("string"),
            NodeKind::Number(_) => Some("number"),
            NodeKind::Boolean => Some("boolean"),
            _ => None,
        }
    }
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
