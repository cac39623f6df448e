//! Values the form makes: what a new item starts as, which keys of an
//! object the form has no field for, what titles a collapsed item, and what
//! a metric becomes when its type is switched.

use serde_json::{Map, Number, Value};

use super::node::{ArrayNode, FormNode, NodeKind, ObjectNode, Variant, VariantsNode};

/// The value a newly added item of `node` starts as: required fields
/// present and empty, so the form asks for them, optional ones left out.
pub fn new_value(node: &FormNode) -> Value {
    match &node.kind {
        NodeKind::Object(object) => {
            let mut map = Map::new();
            for property in object.properties.iter().filter(|p| p.required) {
                map.insert(property.key.clone(), new_value(&property.node));
            }
            Value::Object(map)
        }
        NodeKind::Map(_) => Value::Object(Map::new()),
        NodeKind::Array(array) => {
            let count = array.min_items.unwrap_or(0).min(2) as usize;
            Value::Array((0..count).map(|_| new_value(&array.items)).collect())
        }
        NodeKind::Text(text) => match &text.options {
            Some(options) => Value::String(options.first().cloned().unwrap_or_default()),
            None => Value::String(String::new()),
        },
        NodeKind::Number(_) => Value::Number(Number::from(0)),
        NodeKind::Boolean => Value::Bool(false),
        NodeKind::Variants(variants) => match variants.variants.first() {
            Some(first) => variant_value(variants, first, None),
            None => Value::Null,
        },
        NodeKind::Any => Value::Null,
    }
}

/// A fresh value of `variant`, carrying its discriminator tag.
fn variant_value(variants: &VariantsNode, variant: &Variant, tag: Option<&str>) -> Value {
    let mut value = new_value(&variant.node);
    if let (Some(key), Some(map)) = (&variants.discriminator, value.as_object_mut()) {
        let tag = tag
            .or(variant.tags.first().map(String::as_str))
            .unwrap_or_default();
        map.insert(key.clone(), Value::String(tag.to_owned()));
    }
    value
}

/// The keys of `value` that `object` declares no field for, in the value's
/// order: kept in the card, shown flagged, removable.
pub fn unknown_keys(object: &ObjectNode, value: Option<&Value>) -> Vec<String> {
    let Some(Value::Object(map)) = value else {
        return Vec::new();
    };
    map.keys()
        .filter(|key| object.property(key).is_none())
        .cloned()
        .collect()
}

/// The title of a collapsed item: the value of the child its hints name
/// (an evaluation's `name`), when that is a non-empty string.
pub fn item_summary(node: &FormNode, value: Option<&Value>) -> Option<String> {
    let key = node.ui.summary.as_deref()?;
    let text = value?.get(key)?.as_str()?.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The value an item becomes when switched from variant `from` to variant
/// `to` (by index into `variants`).
///
/// What was entered is never lost: `stashed` is what the item held when it
/// was last `to` (kept by the caller), and fields both variants declare
/// (a metric's name and notes) carry over from the current value.
pub fn switch_variant(
    variants: &VariantsNode,
    current: &Value,
    to: usize,
    stashed: Option<&Value>,
) -> Value {
    let Some(target) = variants.variants.get(to) else {
        return current.clone();
    };
    let mut next = match stashed {
        Some(stashed) => stashed.clone(),
        None => variant_value(variants, target, None),
    };
    let (Some(next_map), Some(current_map), NodeKind::Object(target_object)) =
        (next.as_object_mut(), current.as_object(), &target.node.kind)
    else {
        return next;
    };
    let from_object =
        variants
            .select(current)
            .and_then(|from| match &variants.variants[from].node.kind {
                NodeKind::Object(object) => Some(object),
                _ => None,
            });
    for property in &target_object.properties {
        let shared = from_object.is_some_and(|from| from.property(&property.key).is_some());
        let is_discriminator = variants.discriminator.as_deref() == Some(property.key.as_str());
        if !shared || is_discriminator {
            continue;
        }
        if same_shape(
            &property.node,
            from_object
                .and_then(|from| from.property(&property.key))
                .map(|p| &p.node),
        ) {
            match current_map.get(&property.key) {
                Some(value) => {
                    next_map.insert(property.key.clone(), value.clone());
                }
                None => {
                    next_map.remove(&property.key);
                }
            }
        }
    }
    next
}

/// Whether two fields of the same name hold the same kind of value, so
/// one's value can move to the other (a metric's `name`, yes; its `value`,
/// a number in one variant and a matrix in another, no).
fn same_shape(a: &FormNode, b: Option<&FormNode>) -> bool {
    let Some(b) = b else { return false };
    match (&a.kind, &b.kind) {
        (NodeKind::Text(x), NodeKind::Text(y)) => x.options.is_none() && y.options.is_none(),
        (NodeKind::Number(_), NodeKind::Number(_)) | (NodeKind::Boolean, NodeKind::Boolean) => true,
        (NodeKind::Array(x), NodeKind::Array(y)) => same_shape(&x.items, Some(&y.items)),
        _ => false,
    }
}

/// `value` as a scalar of JSON type `kind` ("number", "string",
/// "boolean"): converted when that loses nothing a person would miss (a
/// number's text, "true"), else the kind's empty value.
pub fn convert_scalar(value: &Value, kind: &str) -> Value {
    match (value, kind) {
        (Value::Number(_), "number")
        | (Value::String(_), "string")
        | (Value::Bool(_), "boolean") => value.clone(),
        (Value::Number(number), "string") => Value::String(number.to_string()),
        (Value::Bool(flag), "string") => Value::String(flag.to_string()),
        (Value::String(text), "number") => {
            Value::Number(parse_number(text).unwrap_or_else(|| Number::from(0)))
        }
        (Value::String(text), "boolean") => Value::Bool(text.trim().eq_ignore_ascii_case("true")),
        (_, "number") => Value::Number(Number::from(0)),
        (_, "boolean") => Value::Bool(false),
        _ => Value::String(String::new()),
    }
}

/// A JSON number from what a person typed, kept exactly as written; `None`
/// while the text is not (yet) a number, such as `-`, `1.` or `1e`.
pub fn parse_number(text: &str) -> Option<Number> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    serde_json::from_str::<Number>(trimmed).ok()
}

/// An id for the control editing `pointer`: stable, unique in the page, and
/// valid in HTML (no whitespace), so labels and messages can point at it.
pub fn field_id(pointer: &str) -> String {
    let mut id = String::with_capacity(pointer.len() + 2);
    id.push('f');
    for ch in pointer.chars() {
        match ch {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' | '-' | '/' | '.' | '~' => id.push(ch),
            other => {
                let mut buffer = [0u8; 4];
                for byte in other.encode_utf8(&mut buffer).bytes() {
                    id.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    id
}

/// Whether a list of `count` items is near the number of items its schema
/// intends without enforcing (`intended`), or over it: at 80 % of it or
/// more. Below that, saying the number only distracts.
pub fn near_intended_limit(count: usize, intended: u64) -> bool {
    count as u64 * 5 >= intended * 4
}

/// "3 items · at most 10"; for a list whose schema intends a limit it does
/// not enforce, "13 items · the schema suggests at most 15" once the list
/// is near it ([`near_intended_limit`]), "16 items · more than the 15 the
/// schema suggests" over it, and nothing about it before.
pub fn limit_text(count: usize, array: &ArrayNode) -> String {
    let mut text = match count {
        1 => "1 item".to_owned(),
        n => format!("{n} items"),
    };
    if let Some(min) = array.min_items.filter(|min| *min > 0) {
        text.push_str(&format!(" · at least {min}"));
    }
    if let Some(max) = array.max_items {
        text.push_str(&format!(" · at most {max}"));
    } else if let Some(intended) = array
        .intended_max_items
        .filter(|intended| near_intended_limit(count, *intended))
    {
        if count as u64 > intended {
            text.push_str(&format!(" · more than the {intended} the schema suggests"));
        } else {
            text.push_str(&format!(" · the schema suggests at most {intended}"));
        }
    }
    text
}

/// What a collapsed item's title shows after its number: its name, or for
/// a variant item its name and kind.
pub fn summary_of(item: &FormNode, value: Option<&Value>) -> String {
    let (label_node, kind) = match (&item.kind, value) {
        (NodeKind::Variants(variants), Some(value)) => match variants.select(value) {
            Some(index) => (
                &variants.variants[index].node,
                Some(variants.variants[index].label.clone()),
            ),
            None => (item, None),
        },
        _ => (item, None),
    };
    let name = item_summary(item, value).or_else(|| item_summary(label_node, value));
    match (name, kind) {
        (Some(name), Some(kind)) => format!("{name} · {kind}"),
        (Some(name), None) => name,
        (None, Some(kind)) => kind,
        (None, None) => String::new(),
    }
}

/// The members of an item that [`summary_of`] reads: the named child (of
/// the item, or of any of its variants) and the discriminator that says
/// which variant it is. A collapsed item's title watches just these, so it
/// follows typing in its name without re-rendering on every other edit
/// inside the item.
pub fn summary_keys(item: &FormNode) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let mut add = |key: Option<&String>| {
        if let Some(key) = key
            && !keys.contains(key)
        {
            keys.push(key.clone());
        }
    };
    add(item.ui.summary.as_ref());
    if let NodeKind::Variants(variants) = &item.kind {
        add(variants.discriminator.as_ref());
        for variant in &variants.variants {
            add(variant.node.ui.summary.as_ref());
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::form::node::NodeKind;
    use crate::domain::form::ui::UiSchema;
    use crate::domain::form::{build_form, card_form};
    use crate::domain::issues::node_at;
    use crate::domain::pointer::JsonPointer;

    fn card_node(pointer: &str, card: &Value) -> &'static FormNode {
        node_at(
            &card_form().root,
            card,
            &JsonPointer::parse(pointer).unwrap(),
        )
        .unwrap()
    }

    fn metric_variants() -> &'static VariantsNode {
        let card = json!({"evaluation_details": [{"metric_groups": [{"metric_data": [{}]}]}]});
        match &card_node("/evaluation_details/0/metric_groups/0/metric_data/0", &card).kind {
            NodeKind::Variants(variants) => variants,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn new_items_have_their_required_fields() {
        let card = json!({"evaluation_details": [{}]});
        assert_eq!(
            new_value(card_node("/evaluation_details/0", &card)),
            json!({"name": ""})
        );
        let card =
            json!({"training_details": {"training_job_details": {"training_metrics": [{}]}}});
        let metric = card_node(
            "/training_details/training_job_details/training_metrics/0",
            &card,
        );
        assert_eq!(new_value(metric), json!({"name": "", "value": 0}));
        let metric = &metric_variants().variants[0].node;
        assert_eq!(
            new_value(metric),
            json!({"name": "", "type": "number", "value": 0})
        );
    }

    #[test]
    fn a_new_variant_item_is_the_first_variant_with_its_tag() {
        let card = json!({"evaluation_details": [{"metric_groups": [{"metric_data": [{}]}]}]});
        let node = card_node("/evaluation_details/0/metric_groups/0/metric_data/0", &card);
        assert_eq!(
            new_value(node),
            json!({"name": "", "type": "number", "value": 0})
        );
    }

    #[test]
    fn unknown_keys_keep_the_value_order() {
        let card = json!({"business_details": {"zeta": 1, "line_of_business": "x", "alpha": 2}});
        let NodeKind::Object(object) = &card_node("/business_details", &card).kind else {
            panic!()
        };
        assert_eq!(
            unknown_keys(object, card.get("business_details")),
            ["zeta", "alpha"]
        );
        assert!(unknown_keys(object, None).is_empty());
    }

    #[test]
    fn summaries_come_from_the_hinted_child() {
        let card = json!({"evaluation_details": [{"name": "  Holdout "}, {"name": ""}]});
        let node = card_node("/evaluation_details/0", &card);
        assert_eq!(
            item_summary(node, card.pointer("/evaluation_details/0")),
            Some("Holdout".into())
        );
        assert_eq!(
            item_summary(node, card.pointer("/evaluation_details/1")),
            None
        );
    }

    #[test]
    fn a_summary_watches_the_name_and_what_says_the_variant() {
        let card = json!({"evaluation_details": [{"metric_groups": [{"metric_data": [{}]}]}]});
        assert_eq!(
            summary_keys(card_node("/evaluation_details/0", &card)),
            ["name"]
        );
        assert_eq!(
            summary_keys(card_node(
                "/evaluation_details/0/metric_groups/0/metric_data/0",
                &card
            )),
            ["name", "type"]
        );
        assert!(summary_keys(card_node("/model_overview", &card)).is_empty());
    }

    #[test]
    fn switching_a_metric_keeps_shared_fields_and_restores_what_was_stashed() {
        let variants = metric_variants();
        let simple = json!({"name": "accuracy", "notes": "n", "type": "number", "value": 0.9});
        let matrix = switch_variant(variants, &simple, 3, None);
        assert_eq!(
            matrix,
            json!({"name": "accuracy", "type": "matrix", "value": [[0]], "notes": "n"})
        );
        // The user renames the metric as a matrix, then switches back: the
        // number they typed returns, with the new name.
        let mut renamed = matrix.clone();
        renamed["name"] = json!("acc");
        let back = switch_variant(variants, &renamed, 0, Some(&simple));
        assert_eq!(
            back,
            json!({"name": "acc", "notes": "n", "type": "number", "value": 0.9})
        );
    }

    #[test]
    fn switching_drops_a_shared_field_the_current_value_lacks() {
        let variants = metric_variants();
        let stashed = json!({"name": "m", "notes": "old", "type": "bar_chart", "value": [1]});
        let current = json!({"name": "m", "type": "number", "value": 1});
        let bar = switch_variant(variants, &current, 2, Some(&stashed));
        assert_eq!(bar, json!({"name": "m", "type": "bar_chart", "value": [1]}));
    }

    #[test]
    fn scalars_convert_without_losing_what_can_be_kept() {
        assert_eq!(convert_scalar(&json!(0.95), "string"), json!("0.95"));
        assert_eq!(convert_scalar(&json!("0.95"), "number").to_string(), "0.95");
        assert_eq!(convert_scalar(&json!("high"), "number"), json!(0));
        assert_eq!(convert_scalar(&json!(" TRUE"), "boolean"), json!(true));
        assert_eq!(convert_scalar(&json!(true), "string"), json!("true"));
        assert_eq!(convert_scalar(&json!(7), "boolean"), json!(false));
        assert_eq!(convert_scalar(&json!(null), "string"), json!(""));
        assert_eq!(convert_scalar(&json!(3), "number"), json!(3));
    }

    #[test]
    fn numbers_parse_only_when_complete_and_keep_their_text() {
        assert_eq!(parse_number(" 1.50 ").unwrap().to_string(), "1.50");
        assert_eq!(parse_number("-3e-7").unwrap().to_string(), "-3e-7");
        for partial in ["", "-", "1.", "1e", ".5", "1,5", "0x10", "NaN"] {
            assert_eq!(parse_number(partial), None, "{partial:?}");
        }
    }

    #[test]
    fn the_suggested_limit_is_said_only_near_or_over_it() {
        let artifacts = card_node("/model_overview/model_artifact", &json!({}));
        let NodeKind::Array(array) = &artifacts.kind else {
            panic!("a list");
        };
        assert_eq!(array.intended_max_items, Some(15));
        assert_eq!(limit_text(0, array), "0 items");
        assert_eq!(limit_text(1, array), "1 item");
        assert_eq!(limit_text(11, array), "11 items");
        assert_eq!(
            limit_text(12, array),
            "12 items · the schema suggests at most 15"
        );
        assert_eq!(
            limit_text(15, array),
            "15 items · the schema suggests at most 15"
        );
        assert_eq!(
            limit_text(16, array),
            "16 items · more than the 15 the schema suggests"
        );
        assert!(!near_intended_limit(39, 50));
        assert!(near_intended_limit(40, 50));
        assert!(!near_intended_limit(79, 100));
        assert!(near_intended_limit(80, 100));
    }

    #[test]
    fn field_ids_are_html_safe_and_distinct() {
        assert_eq!(
            field_id("/intended_uses/risk_rating"),
            "f/intended_uses/risk_rating"
        );
        assert_eq!(field_id("/custom_details/a b"), "f/custom_details/a%20b");
        assert_ne!(field_id("/a%20b"), field_id("/a b"));
        assert_eq!(field_id("/x/é"), "f/x/%C3%A9");
    }

    #[test]
    fn new_values_for_a_second_schema() {
        let schema = json!({"type": "object", "required": ["a", "b", "c"], "properties": {
            "a": {"type": "boolean"}, "b": {"enum": ["x", "y"]}, "c": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "d": {"type": "string"}
        }});
        let tree = build_form(&schema, &UiSchema::empty());
        assert_eq!(
            new_value(&tree.root),
            json!({"a": false, "b": "x", "c": [""]})
        );
    }
}
