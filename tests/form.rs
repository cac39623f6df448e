//! The card schema walked into a form: every section and definition reached,
//! the quirks given a usable form, and a widget for every field. A second,
//! different schema proves the walker is not card-specific.

use std::collections::BTreeSet;

use model_card_editor::domain::card_schema::card_schema;
use model_card_editor::domain::form::node::{AdditionalProperties, NodeKind};
use model_card_editor::domain::form::ui::{UiSchema, card_ui};
use model_card_editor::domain::form::{FormNode, Widget, build_form, card_form, choose_widget};
use serde_json::json;

/// The node at an instance pattern (`*` for any index or key); a `type=TAG`
/// token picks the variant carrying that discriminator value.
fn node_at<'a>(root: &'a FormNode, pattern: &str) -> &'a FormNode {
    let mut node = root;
    for token in pattern.split('/').skip(1) {
        node = match (&node.kind, token.strip_prefix("type=")) {
            (NodeKind::Variants(variants), Some(tag)) => {
                &variants.variants[variants.variant_for_tag(tag).unwrap()].node
            }
            _ => node
                .child(token, None)
                .unwrap_or_else(|| panic!("no child {token} on the way to {pattern}")),
        };
    }
    node
}

fn widget_at(pattern: &str) -> Widget {
    choose_widget(node_at(&card_form().root, pattern))
}

#[test]
fn every_section_is_a_group_in_schema_order() {
    let NodeKind::Object(card) = &card_form().root.kind else {
        panic!("the card is an object");
    };
    assert_eq!(card.additional, AdditionalProperties::Forbidden);
    let sections: Vec<_> = card
        .properties
        .iter()
        .map(|p| (p.key.as_str(), choose_widget(&p.node)))
        .collect();
    assert_eq!(
        sections,
        [
            ("model_overview", Widget::Fieldset),
            ("intended_uses", Widget::Fieldset),
            ("business_details", Widget::Fieldset),
            ("training_details", Widget::Fieldset),
            ("evaluation_details", Widget::ItemList),
            ("additional_information", Widget::Fieldset),
        ]
    );
}

#[test]
fn every_referenced_definition_is_reached() {
    let reached = &card_form().definitions_reached;
    let all: BTreeSet<String> = card_schema()["definitions"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let unreached: Vec<_> = all.difference(reached).collect();
    // Defined by the schema but referenced by nothing in the card.
    assert_eq!(unreached, ["inference_specification", "source_algorithms"]);
}

#[test]
fn each_field_gets_its_widget() {
    let cases = [
        ("/model_overview/model_creator", Widget::TextInput),
        ("/model_overview/model_artifact", Widget::TextList),
        ("/intended_uses/purpose_of_model", Widget::TextArea),
        ("/intended_uses/risk_rating", Widget::Select),
        ("/business_details/line_of_business", Widget::TextInput),
        (
            "/training_details/training_job_details/training_datasets",
            Widget::TextList,
        ),
        (
            "/training_details/training_job_details/training_environment/container_image",
            Widget::TextList,
        ),
        (
            "/training_details/training_job_details/training_metrics",
            Widget::ObjectTable,
        ),
        (
            "/training_details/training_job_details/hyper_parameters",
            Widget::ObjectTable,
        ),
        (
            "/training_details/training_job_details/training_metrics/*/value",
            Widget::NumberInput,
        ),
        (
            "/training_details/training_job_details/hyper_parameters/*/value",
            Widget::TextInput,
        ),
        ("/evaluation_details/*/metadata", Widget::KeyValueRows),
        ("/evaluation_details/*/metric_groups", Widget::ItemList),
        (
            "/evaluation_details/*/metric_groups/*/metric_data",
            Widget::ItemList,
        ),
        (
            "/evaluation_details/*/metric_groups/*/metric_data/*",
            Widget::VariantSwitch,
        ),
        (
            "/evaluation_details/*/metric_groups/*/metric_data/*/type=number/value",
            Widget::ScalarChoice,
        ),
        (
            "/evaluation_details/*/metric_groups/*/metric_data/*/type=linear_graph/value",
            Widget::PointTable,
        ),
        (
            "/evaluation_details/*/metric_groups/*/metric_data/*/type=bar_chart/value",
            Widget::LabelledNumbers,
        ),
        (
            "/evaluation_details/*/metric_groups/*/metric_data/*/type=bar_chart/x_axis_name",
            Widget::TextList,
        ),
        (
            "/evaluation_details/*/metric_groups/*/metric_data/*/type=matrix/value",
            Widget::NumberGrid,
        ),
        (
            "/additional_information/custom_details",
            Widget::KeyValueRows,
        ),
        (
            "/additional_information/caveats_and_recommendations",
            Widget::TextArea,
        ),
    ];
    for (pattern, widget) in cases {
        assert_eq!(widget_at(pattern), widget, "{pattern}");
    }
}

#[test]
fn objective_function_gets_fields_from_its_bare_keywords() {
    let node = node_at(&card_form().root, "/training_details/objective_function");
    let NodeKind::Object(object) = &node.kind else {
        panic!("{node:?}")
    };
    let keys: Vec<_> = object
        .properties
        .iter()
        .map(|p| (p.key.as_str(), p.declared))
        .collect();
    assert_eq!(keys, [("function", false), ("notes", false)]);
    assert_eq!(
        object.additional,
        AdditionalProperties::Allowed,
        "the schema constrains nothing here"
    );
    let function = node_at(
        &card_form().root,
        "/training_details/objective_function/function",
    );
    let NodeKind::Object(inner) = &function.kind else {
        panic!("{function:?}")
    };
    let inner_keys: Vec<_> = inner.properties.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(inner_keys, ["function", "facet", "condition"]);
    assert_eq!(
        widget_at("/training_details/objective_function/function/function"),
        Widget::Select
    );
    assert_eq!(
        widget_at("/training_details/objective_function/notes"),
        Widget::TextArea
    );
}

#[test]
fn metric_variants_are_told_apart_by_type() {
    let node = node_at(
        &card_form().root,
        "/evaluation_details/*/metric_groups/*/metric_data/*",
    );
    let NodeKind::Variants(variants) = &node.kind else {
        panic!("{node:?}")
    };
    assert_eq!(variants.discriminator.as_deref(), Some("type"));
    let shapes: Vec<_> = variants
        .variants
        .iter()
        .map(|v| (v.label.as_str(), v.tags.join(",")))
        .collect();
    assert_eq!(
        shapes,
        [
            ("Single value", "number,string,boolean".to_owned()),
            ("Line graph", "linear_graph".to_owned()),
            ("Bar chart", "bar_chart".to_owned()),
            ("Matrix", "matrix".to_owned()),
        ]
    );
    assert_eq!(variants.select(&json!({"type": "matrix"})), Some(3));
    assert_eq!(variants.select(&json!({"type": "boolean"})), Some(0));
    assert_eq!(variants.select(&json!({"type": "pie"})), None);
}

#[test]
fn limits_come_from_the_schema_including_the_ones_it_only_seems_to_intend() {
    let limits = |pattern: &str| match &node_at(&card_form().root, pattern).kind {
        NodeKind::Array(array) => (array.min_items, array.max_items, array.intended_max_items),
        other => panic!("{pattern}: {other:?}"),
    };
    assert_eq!(
        limits("/model_overview/model_artifact"),
        (None, None, Some(15))
    );
    assert_eq!(
        limits("/training_details/training_job_details/training_metrics"),
        (None, None, Some(50))
    );
    assert_eq!(
        limits("/training_details/training_job_details/hyper_parameters"),
        (None, None, Some(100))
    );
    assert_eq!(
        limits("/evaluation_details/*/datasets"),
        (None, Some(10), None)
    );
    assert_eq!(
        limits("/evaluation_details/*/metric_groups/*/metric_data/*/type=matrix/value"),
        (Some(1), Some(20), None)
    );
    let NodeKind::Text(name) = &node_at(&card_form().root, "/evaluation_details/*/name").kind
    else {
        panic!()
    };
    assert_eq!(name.pattern.as_deref(), Some(".{1,63}"));
    let evaluation = node_at(&card_form().root, "/evaluation_details/*");
    let NodeKind::Object(evaluation) = &evaluation.kind else {
        panic!()
    };
    assert!(evaluation.property("name").unwrap().required);
    assert!(!evaluation.property("datasets").unwrap().required);
}

#[test]
fn presentation_comes_from_the_ui_schema_and_falls_back_to_the_schema() {
    let root = &card_form().root;
    let creator = node_at(root, "/model_overview/model_creator");
    assert_eq!(creator.label_or("model_creator"), "Model creator");
    assert_eq!(
        creator.help(),
        Some("Creator of model."),
        "the schema's description"
    );
    let risk = node_at(root, "/intended_uses/risk_rating");
    assert_eq!(
        risk.help(),
        Some("Risk rating for model card."),
        "the referring schema's description wins"
    );
    let bars = node_at(
        root,
        "/evaluation_details/*/metric_groups/*/metric_data/*/type=bar_chart/value",
    );
    assert_eq!(bars.ui.labels_from.as_deref(), Some("x_axis_name"));
    let labels = node_at(
        root,
        "/evaluation_details/*/metric_groups/*/metric_data/*/type=bar_chart/x_axis_name",
    );
    assert_eq!(labels.ui.shown_with.as_deref(), Some("value"));
}

#[test]
fn every_ui_schema_key_names_a_real_field() {
    let root = &card_form().root;
    for key in card_ui().keys() {
        if let Some(definition_path) = key.strip_prefix('#') {
            assert!(
                card_schema()
                    .pointer(definition_path.split("/*").next().unwrap())
                    .is_some()
                    || definition_path.split('/').count() > 3,
                "{key}"
            );
            let definition = definition_path.split('/').nth(2).unwrap();
            assert!(
                card_form().definitions_reached.contains(definition),
                "{key}"
            );
        } else {
            node_at(root, key);
        }
    }
}

/// A schema of a different shape and draft: 2020-12 `$defs`, `oneOf`,
/// integers, booleans, nested arrays, a recursive reference.
#[test]
fn a_different_schema_gets_a_form_too() {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "minLength": 1, "title": "Dataset title"},
            "rows": {"type": "integer", "minimum": 0},
            "public": {"type": "boolean"},
            "license": {"enum": ["MIT", "CC-BY-4.0"]},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
            "columns": {"type": "array", "items": {"$ref": "#/$defs/column"}},
            "labels": {"type": "object", "additionalProperties": {"type": "integer"}},
            "source": {"oneOf": [
                {"$ref": "#/$defs/url_source"},
                {"$ref": "#/$defs/table_source"}
            ]},
            "sample": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}}
        },
        "$defs": {
            "column": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/column"}}
                }
            },
            "url_source": {"type": "object", "properties": {"kind": {"const": "url", "enum": ["url"]}, "url": {"type": "string"}}},
            "table_source": {"type": "object", "properties": {"kind": {"enum": ["table"]}, "table": {"type": "string"}}}
        }
    });
    let tree = build_form(&schema, &UiSchema::empty());
    let root = &tree.root;
    let widgets: Vec<_> = [
        "/title",
        "/rows",
        "/public",
        "/license",
        "/tags",
        "/columns",
        "/columns/*/name",
        "/labels",
        "/source",
        "/sample",
    ]
    .iter()
    .map(|pattern| (*pattern, choose_widget(node_at(root, pattern))))
    .collect();
    assert_eq!(
        widgets,
        [
            ("/title", Widget::TextInput),
            ("/rows", Widget::NumberInput),
            ("/public", Widget::Checkbox),
            ("/license", Widget::Select),
            ("/tags", Widget::TextList),
            ("/columns", Widget::ItemList),
            ("/columns/*/name", Widget::TextInput),
            ("/labels", Widget::KeyValueRows),
            ("/source", Widget::VariantSwitch),
            ("/sample", Widget::NumberGrid),
        ]
    );
    assert_eq!(node_at(root, "/title").label_or("title"), "Dataset title");
    // The recursion is cut where it would repeat: the inner list is raw JSON.
    assert_eq!(
        choose_widget(node_at(root, "/columns/*/children")),
        Widget::JsonText
    );
    let NodeKind::Object(object) = &root.kind else {
        panic!()
    };
    assert!(object.property("title").unwrap().required);
    assert_eq!(tree.definitions_reached.len(), 3);
}
