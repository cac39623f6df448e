//! The layout's decisions, on the model card's own form.

use serde_json::{Value, json};

use super::*;
use crate::domain::form::card_form;
use crate::domain::issues::node_at;

fn node(pointer: &str, card: &Value) -> &'static FormNode {
    node_at(
        &card_form().root,
        card,
        &JsonPointer::parse(pointer).unwrap(),
    )
    .unwrap_or_else(|| panic!("{pointer} is in the form"))
}

#[test]
fn a_limited_text_box_is_described_by_its_help_counter_and_messages() {
    let card = json!({});
    let pointer = JsonPointer::parse("/model_overview/model_creator").unwrap();
    let creator = node("/model_overview/model_creator", &card);
    let Shape::Leaf(leaf) = shape(creator) else {
        panic!("a text box")
    };
    let layout = LeafLayout::new(&pointer, creator, leaf, true);
    assert_eq!(layout.counter_limit, Some(1024));
    assert!(layout.required_mark);
    let ids = &layout.ids;
    let mut expected = Vec::new();
    if layout.help.is_some() {
        expected.push(ids.help.clone());
    }
    expected.push(ids.counter.clone());
    expected.push(ids.messages.clone());
    assert_eq!(layout.described_by, expected.join(" "));
    assert_eq!(ids.counter, format!("{}-counter", ids.control));
    assert_eq!(layout.field_class(false), "mce-field");
    assert_eq!(layout.top_class(), "mce-field__top");
}

#[test]
fn a_choice_has_no_counter_and_offers_its_strings_after_the_empty_one() {
    let card = json!({});
    let risk = node("/intended_uses/risk_rating", &card);
    assert!(matches!(shape(risk), Shape::Leaf(Leaf::Select)));
    assert_eq!(counter_limit(risk, Leaf::Select), None);
    let options = options_of(risk);
    assert!(options.contains(&"High".to_owned()));
    let required = choices(options, true);
    assert_eq!(
        required[0],
        Choice {
            value: String::new(),
            text: "Choose…".into()
        }
    );
    assert_eq!(choices(options, false)[0].text, "Not set");
    assert_eq!(required.len(), options.len() + 1);
    assert_eq!(stray_choice(options, "High"), None);
    assert_eq!(stray_choice(options, ""), None);
    assert_eq!(
        stray_choice(options, "Extreme"),
        Some(Choice {
            value: "Extreme".into(),
            text: "Extreme (not allowed)".into()
        })
    );
}

#[test]
fn a_checkbox_comes_before_its_label_and_is_never_marked_required() {
    let form = &card_form().root;
    let pointer = JsonPointer::parse("/x").unwrap();
    let layout = LeafLayout::new(&pointer, form, Leaf::Checkbox, true);
    assert!(!layout.required_mark);
    assert_eq!(layout.top_class(), "mce-field__check");
    assert_eq!(
        layout.field_class(true),
        "mce-field mce-field--checkbox mce-field--invalid"
    );
    assert_eq!(layout.control_class(), "mce-checkbox");
}

#[test]
fn every_node_of_the_card_has_a_shape_that_fits_its_kind() {
    let card: Value =
        serde_json::from_str(include_str!("../../../../examples/large.json")).unwrap();
    let mut seen = 0;
    let mut stack = vec![(JsonPointer::root(), &card)];
    while let Some((pointer, value)) = stack.pop() {
        if let Some(node) = node_at(&card_form().root, &card, &pointer) {
            seen += 1;
            match (shape(node), &node.kind) {
                (Shape::Fieldset(_), NodeKind::Object(_))
                | (Shape::KeyValueRows(_), NodeKind::Map(_))
                | (
                    Shape::ScalarList(_)
                    | Shape::ItemList(_)
                    | Shape::ObjectTable(..)
                    | Shape::PointTable(_)
                    | Shape::LabelledNumbers(_)
                    | Shape::NumberGrid(_),
                    NodeKind::Array(_),
                )
                | (Shape::VariantSwitch(_) | Shape::ScalarChoice(_), NodeKind::Variants(_))
                | (Shape::Leaf(_), _) => {}
                (shape, kind) => panic!("{pointer}: {shape:?} does not fit {kind:?}"),
            }
        }
        match value {
            Value::Object(members) => stack.extend(
                members
                    .iter()
                    .map(|(key, child)| (pointer.child(key.clone()), child)),
            ),
            Value::Array(items) => stack.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(index, child)| (pointer.child(index.to_string()), child)),
            ),
            _ => {}
        }
    }
    assert!(seen > 1000, "the walk reached the card's nodes ({seen})");
}

#[test]
fn long_lists_start_closed() {
    let plain = &card_form().root;
    assert!(!starts_collapsed(plain, COLLAPSE_BEYOND));
    assert!(starts_collapsed(plain, COLLAPSE_BEYOND + 1));
    let evaluations = node("/evaluation_details", &json!({}));
    assert!(
        starts_collapsed(evaluations, 1),
        "the ui schema closes them"
    );
    assert_eq!(text::noun(evaluations, text::ITEM), "Evaluation");
    assert_eq!(text::noun(plain, text::ENTRY), "Entry");
}
