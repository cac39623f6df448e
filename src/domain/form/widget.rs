//! Which widget edits a form node: one exhaustive decision, made here and
//! nowhere else, from the node's kind and its presentation hints.

use super::node::{ArrayNode, FormNode, NodeKind, ObjectNode, VariantsNode};
use super::ui::WidgetHint;

/// The widgets the form is built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Widget {
    /// A group of named fields (an object).
    Fieldset,
    /// Key/value rows (an object whose keys the user chooses).
    KeyValueRows,
    /// A list of one-line texts.
    TextList,
    /// A list of numbers.
    NumberList,
    /// A list of collapsible groups (objects or variants).
    ItemList,
    /// A table with a row per item, for objects of a few plain fields
    /// (hyperparameters, training metrics).
    ObjectTable,
    /// `[x, y]` pairs as a two-column table.
    PointTable,
    /// Numbers beside labels from a sibling array (a bar chart's bars).
    LabelledNumbers,
    /// Rows of numbers as a grid (a matrix).
    NumberGrid,
    /// A choice of shape, told apart by a discriminator field (metric type).
    VariantSwitch,
    /// A scalar that may be a number, text or yes/no.
    ScalarChoice,
    /// One of a fixed list of strings.
    Select,
    /// A one-line text box.
    TextInput,
    /// A multi-line text box.
    TextArea,
    /// A number box that keeps what is typed until it is a number.
    NumberInput,
    /// A checkbox.
    Checkbox,
    /// Raw JSON text, for what no other widget can express.
    JsonText,
}

/// The widget for `node`.
pub fn choose_widget(node: &FormNode) -> Widget {
    let hint = node.ui.widget;
    if hint == Some(WidgetHint::Json) {
        return Widget::JsonText;
    }
    match &node.kind {
        NodeKind::Text(text) if text.options.is_some() => Widget::Select,
        NodeKind::Text(_) => match (hint, node.ui.multiline) {
            (Some(WidgetHint::Textarea), _) | (_, Some(true)) => Widget::TextArea,
            _ => Widget::TextInput,
        },
        NodeKind::Number(_) => Widget::NumberInput,
        NodeKind::Boolean => Widget::Checkbox,
        NodeKind::Object(_) => Widget::Fieldset,
        NodeKind::Map(_) => Widget::KeyValueRows,
        NodeKind::Array(array) => array_widget(array, hint),
        NodeKind::Variants(variants) => variants_widget(variants),
        NodeKind::Any => Widget::JsonText,
    }
}

fn array_widget(array: &ArrayNode, hint: Option<WidgetHint>) -> Widget {
    match &array.items.kind {
        NodeKind::Text(text) if text.options.is_none() => Widget::TextList,
        NodeKind::Number(_) if hint == Some(WidgetHint::LabelledValues) => Widget::LabelledNumbers,
        NodeKind::Number(_) => Widget::NumberList,
        NodeKind::Array(row) if matches!(row.items.kind, NodeKind::Number(_)) => {
            let is_pair = row.min_items == Some(2) && row.max_items == Some(2);
            match hint {
                Some(WidgetHint::Matrix) => Widget::NumberGrid,
                Some(WidgetHint::Points) if is_pair => Widget::PointTable,
                _ if is_pair => Widget::PointTable,
                _ => Widget::NumberGrid,
            }
        }
        NodeKind::Object(object) if is_flat(object) => Widget::ObjectTable,
        NodeKind::Object(_) | NodeKind::Map(_) | NodeKind::Variants(_) => Widget::ItemList,
        NodeKind::Text(_) | NodeKind::Boolean | NodeKind::Array(_) | NodeKind::Any => {
            Widget::JsonText
        }
    }
}

/// At most this many fields fit side by side in a table row.
const TABLE_COLUMNS_AT_MOST: usize = 5;

/// Whether an object is a few plain scalars: one table row, not a group.
fn is_flat(object: &ObjectNode) -> bool {
    !object.properties.is_empty()
        && object.properties.len() <= TABLE_COLUMNS_AT_MOST
        && object.properties.iter().all(|property| {
            matches!(
                property.node.kind,
                NodeKind::Text(_) | NodeKind::Number(_) | NodeKind::Boolean
            )
        })
}

fn variants_widget(variants: &VariantsNode) -> Widget {
    let all_scalar = variants.variants.iter().all(|variant| {
        matches!(
            variant.node.kind,
            NodeKind::Text(_) | NodeKind::Number(_) | NodeKind::Boolean
        )
    });
    if variants.discriminator.is_some() {
        Widget::VariantSwitch
    } else if all_scalar {
        Widget::ScalarChoice
    } else {
        Widget::JsonText
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::form::build_form;
    use crate::domain::form::ui::UiSchema;

    fn widget_of(schema: serde_json::Value) -> Widget {
        choose_widget(&build_form(&schema, &UiSchema::empty()).root)
    }

    fn widget_with_ui(schema: serde_json::Value, ui: &str) -> Widget {
        let ui = UiSchema::parse(ui).unwrap();
        choose_widget(&build_form(&schema, &ui).root)
    }

    #[test]
    fn strings() {
        assert_eq!(widget_of(json!({"type": "string"})), Widget::TextInput);
        assert_eq!(widget_of(json!({"maxLength": 5})), Widget::TextInput);
        assert_eq!(
            widget_of(json!({"type": "string", "enum": ["a", "b"]})),
            Widget::Select
        );
        assert_eq!(widget_of(json!({"enum": ["a", "b"]})), Widget::Select);
        let ui = r#"{"fields": {"": {"multiline": true}}}"#;
        assert_eq!(
            widget_with_ui(json!({"type": "string"}), ui),
            Widget::TextArea
        );
        let ui = r#"{"fields": {"": {"widget": "textarea"}}}"#;
        assert_eq!(
            widget_with_ui(json!({"type": "string"}), ui),
            Widget::TextArea
        );
    }

    #[test]
    fn scalars() {
        assert_eq!(widget_of(json!({"type": "number"})), Widget::NumberInput);
        assert_eq!(widget_of(json!({"type": "integer"})), Widget::NumberInput);
        assert_eq!(widget_of(json!({"type": "boolean"})), Widget::Checkbox);
        assert_eq!(
            widget_of(json!({"type": ["null", "boolean"]})),
            Widget::Checkbox
        );
    }

    #[test]
    fn objects_and_maps() {
        assert_eq!(
            widget_of(json!({"properties": {"a": {"type": "string"}}})),
            Widget::Fieldset
        );
        assert_eq!(
            widget_of(json!({"type": "object", "additionalProperties": {"type": "string"}})),
            Widget::KeyValueRows
        );
        assert_eq!(widget_of(json!({"type": "object"})), Widget::JsonText);
    }

    #[test]
    fn arrays_by_item_kind() {
        let strings = json!({"type": "array", "items": {"type": "string"}});
        assert_eq!(widget_of(strings), Widget::TextList);
        let numbers = json!({"type": "array", "items": {"type": "number"}});
        assert_eq!(widget_of(numbers.clone()), Widget::NumberList);
        let ui = r#"{"fields": {"": {"widget": "labelled_values"}}}"#;
        assert_eq!(widget_with_ui(numbers, ui), Widget::LabelledNumbers);
        let objects = json!({"type": "array", "items": {"properties": {"a": {}}}});
        assert_eq!(widget_of(objects), Widget::ItemList);
        let flat = json!({"type": "array", "items": {"properties": {"a": {"type": "string"}, "b": {"type": "number"}}}});
        assert_eq!(widget_of(flat), Widget::ObjectTable);
        let nested = json!({"type": "array", "items": {"properties": {"a": {"type": "string"}, "b": {"type": "array"}}}});
        assert_eq!(widget_of(nested), Widget::ItemList);
        let enums = json!({"type": "array", "items": {"enum": ["a"]}});
        assert_eq!(widget_of(enums), Widget::JsonText);
    }

    #[test]
    fn number_grids() {
        let pair = json!({"type": "array", "items": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}});
        assert_eq!(widget_of(pair.clone()), Widget::PointTable);
        let ui = r#"{"fields": {"": {"widget": "matrix"}}}"#;
        assert_eq!(widget_with_ui(pair, ui), Widget::NumberGrid);
        let rows =
            json!({"type": "array", "items": {"type": "array", "items": {"type": "number"}}});
        assert_eq!(widget_of(rows.clone()), Widget::NumberGrid);
        let ui = r#"{"fields": {"": {"widget": "points"}}}"#;
        assert_eq!(
            widget_with_ui(rows, ui),
            Widget::NumberGrid,
            "rows that are not pairs stay a grid"
        );
    }

    #[test]
    fn variants() {
        let tagged = json!({"anyOf": [
            {"properties": {"kind": {"enum": ["a"]}, "x": {"type": "string"}}},
            {"properties": {"kind": {"enum": ["b", "c"]}, "y": {"type": "number"}}}
        ]});
        assert_eq!(widget_of(tagged), Widget::VariantSwitch);
        let scalars =
            json!({"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "boolean"}]});
        assert_eq!(widget_of(scalars), Widget::ScalarChoice);
        let untagged = json!({"anyOf": [{"properties": {"x": {}}}, {"properties": {"y": {}}}]});
        assert_eq!(widget_of(untagged), Widget::JsonText);
        let single = json!({"anyOf": [{"type": "boolean"}]});
        assert_eq!(
            widget_of(single),
            Widget::Checkbox,
            "one alternative is no choice"
        );
    }

    #[test]
    fn anything_else_is_json() {
        assert_eq!(widget_of(json!({})), Widget::JsonText);
        assert_eq!(widget_of(json!(true)), Widget::JsonText);
        let ui = r#"{"fields": {"": {"widget": "json"}}}"#;
        assert_eq!(
            widget_with_ui(json!({"type": "string"}), ui),
            Widget::JsonText
        );
    }
}
