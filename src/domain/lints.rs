//! Lints: what the card schema does not say but people need to hear. They
//! are warnings, never errors: a card the schema accepts stays valid.
//!
//! Each has a stable code, so pipelines can tell them apart and the README
//! can explain them; [`RULES`] is the list.

use serde_json::Value;

use super::form::node::{ArrayNode, FormNode, NodeKind, TextNode};
use super::form::{Widget, choose_widget};
use super::issues::{ValidationIssue, field_title, node_at, sort_in_form_order};
use super::json_text::compact_char_len;
use super::pointer::{JsonPointer, child_value};

/// The service's limit on a model package card's content
/// (`ModelCard.ModelCardContent`), in characters.
pub const CONTENT_LIMIT: usize = 100_000;

/// One lint: its code and what it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LintRule {
    /// The stable code, e.g. `MC001`.
    pub code: &'static str,
    /// One line on what it warns about and why.
    pub explanation: &'static str,
}

/// Every lint.
pub const RULES: [LintRule; 7] = [
    LintRule {
        code: "MC001",
        explanation: "A name (or value) longer than the schema intends: its pattern `.{1,N}` is unanchored, so it only asks for one character and accepts any length, but tools that read the card may refuse more than N.",
    },
    LintRule {
        code: "MC002",
        explanation: "More items than the schema intends: its limit (`maxContains` without `contains`, or `maxItems` written on each item) limits nothing, but tools that read the card may refuse more.",
    },
    LintRule {
        code: "MC003",
        explanation: "A simple metric whose value is not of the kind its `type` declares; the schema accepts any of number, text or yes/no whatever the type says.",
    },
    LintRule {
        code: "MC004",
        explanation: "A matrix whose rows have different lengths.",
    },
    LintRule {
        code: "MC005",
        explanation: "A matrix whose axis labels do not match its number of columns or rows.",
    },
    LintRule {
        code: "MC006",
        explanation: "A bar chart whose labels do not match its values one to one.",
    },
    LintRule {
        code: "MC007",
        explanation: "A card longer than the 100,000 characters the service accepts as `ModelCardContent`.",
    },
];

/// Every lint finding in `card`, walking it with its form `form`, in form
/// order: MC007, about the whole card, first.
pub fn lint_card(form: &FormNode, card: &Value) -> Vec<ValidationIssue> {
    content_length_warning(form, card, compact_char_len(card))
        .into_iter()
        .chain(lint_subtree(form, card, &JsonPointer::root()))
        .collect()
}

/// The findings of every lint but MC007 on the value at `at` and below
/// (a warning about labels may sit on a sibling of a matrix inside it), in
/// form order. Nothing when `at` names no value the form knows.
pub fn lint_subtree(form: &FormNode, card: &Value, at: &JsonPointer) -> Vec<ValidationIssue> {
    let (Some(node), Some(value)) = (node_at(form, card, at), at.resolve(card)) else {
        return Vec::new();
    };
    let parent = at.parent().and_then(|parent| parent.resolve(card));
    let mut linter = Linter {
        form,
        card,
        found: Vec::new(),
    };
    linter.walk(node, value, &Path::Root(at), parent);
    sort_in_form_order(form, card, &mut linter.found);
    linter.found
}

/// The pointer whose subtree [`lint_subtree`] must walk again after a
/// change at `scope`, so that its findings there replace every finding that
/// could have changed. Lints look one level up (a matrix's labels are its
/// siblings, a metric's `type` declares its value's kind, a tag chooses the
/// variant), so this is the parent of `scope`, widened to the whole variant
/// the change is in and to the object holding a labelled list and its
/// labels.
pub fn lint_root(form: &FormNode, card: &Value, scope: &JsonPointer) -> JsonPointer {
    let Some(mut root) = scope.parent() else {
        return JsonPointer::root();
    };
    // The shallowest variant around the change.
    let mut node = form;
    let mut value = Some(card);
    for (level, token) in root.tokens().iter().enumerate() {
        if matches!(node.kind, NodeKind::Variants(_)) {
            return JsonPointer::from_tokens(&root.tokens()[..level]);
        }
        let Some(child) = node.child(token, value) else {
            break;
        };
        node = child;
        value = value.and_then(|value| child_value(value, token));
    }
    while let Some(parent) = root.parent() {
        let holds_labelled = node_at(form, card, &parent).is_some_and(|node| {
            matches!(&node.kind, NodeKind::Object(object)
                if object.properties.iter().any(|property| is_labelled(&property.node)))
        });
        if !holds_labelled {
            break;
        }
        root = parent;
    }
    root
}

/// Whether a node's lints read labels from its siblings.
fn is_labelled(node: &FormNode) -> bool {
    node.ui.labels_from.is_some() || node.ui.row_labels_from.is_some()
}

/// MC007: a card longer, as compact JSON text, than the service accepts;
/// `length` is that length (the document keeps it up to date).
pub fn content_length_warning(
    form: &FormNode,
    card: &Value,
    length: usize,
) -> Option<ValidationIssue> {
    (length > CONTENT_LIMIT).then(|| ValidationIssue {
        pointer: JsonPointer::root(),
        field: JsonPointer::root(),
        keyword: "MC007".to_owned(),
        title: field_title(form, card, &JsonPointer::root()),
        message: format!(
            "The card is {} characters long as it would be submitted; the model registry accepts at most {} and will refuse it until it is shorter",
            thousands(length),
            thousands(CONTENT_LIMIT)
        ),
    })
}

/// Where the walk is, as a chain of borrowed steps on the stack: making a
/// child costs nothing, and a [`JsonPointer`] is built only for a warning
/// (building one per value made the walk allocation-bound).
enum Path<'a> {
    /// Where the walk started.
    Root(&'a JsonPointer),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn to_pointer(&self) -> JsonPointer {
        let mut tokens = Vec::new();
        let mut at = self;
        let base = loop {
            match at {
                Path::Root(base) => break base,
                Path::Key(parent, key) => {
                    tokens.push((*key).to_owned());
                    at = parent;
                }
                Path::Index(parent, index) => {
                    tokens.push(index.to_string());
                    at = parent;
                }
            }
        };
        tokens.reverse();
        JsonPointer::from_tokens(base.tokens().iter().cloned().chain(tokens))
    }
}

struct Linter<'a> {
    form: &'a FormNode,
    card: &'a Value,
    found: Vec<ValidationIssue>,
}

impl Linter<'_> {
    fn warn(&mut self, code: &str, pointer: JsonPointer, message: String) {
        let title = field_title(self.form, self.card, &pointer);
        self.found.push(ValidationIssue {
            field: pointer.clone(),
            pointer,
            keyword: code.to_owned(),
            title,
            message,
        });
    }

    /// Warns about `value`, which `node` describes, and all it holds.
    fn walk(&mut self, node: &FormNode, value: &Value, pointer: &Path<'_>, parent: Option<&Value>) {
        match (&node.kind, value) {
            (NodeKind::Variants(variants), _) => {
                if let Some(index) = variants.select(value) {
                    let chosen = &variants.variants[index].node;
                    self.declared_kind(chosen, value, pointer);
                    self.walk(chosen, value, pointer, parent);
                }
            }
            (NodeKind::Object(object), Value::Object(map)) => {
                for (key, child) in map {
                    if let Some(property) = object.property(key) {
                        self.walk(&property.node, child, &Path::Key(pointer, key), Some(value));
                    }
                }
            }
            (NodeKind::Map(map_node), Value::Object(map)) => {
                for (key, child) in map {
                    self.walk(
                        &map_node.values,
                        child,
                        &Path::Key(pointer, key),
                        Some(value),
                    );
                }
            }
            (NodeKind::Array(array), Value::Array(items)) => {
                self.list(node, array, value, items, pointer, parent);
            }
            (NodeKind::Text(text), Value::String(string)) => {
                self.text_length(text, string, pointer);
            }
            _ => {}
        }
    }

    /// MC002 on a list longer than the schema intends, the grid warnings
    /// of a matrix or a bar chart, and the walk into its items.
    fn list(
        &mut self,
        node: &FormNode,
        array: &ArrayNode,
        value: &Value,
        items: &[Value],
        pointer: &Path<'_>,
        parent: Option<&Value>,
    ) {
        if let Some(intended) = array
            .intended_max_items
            .filter(|max| items.len() as u64 > *max)
        {
            self.warn(
                "MC002",
                pointer.to_pointer(),
                format!(
                    "More than {intended} items may be refused by tools that read this card (the schema intends at most {intended}); this list has {}",
                    items.len()
                ),
            );
        }
        match choose_widget(node) {
            Widget::NumberGrid => self.matrix(node, items, pointer, parent),
            Widget::LabelledNumbers => self.bars(node, items, pointer, parent),
            _ => {}
        }
        for (index, item) in items.iter().enumerate() {
            self.walk(
                &array.items,
                item,
                &Path::Index(pointer, index),
                Some(value),
            );
        }
    }

    /// MC001: a text longer than its pattern intends.
    fn text_length(&mut self, text: &TextNode, string: &str, pointer: &Path<'_>) {
        let limit = text.pattern.as_deref().and_then(pattern_length_limit);
        let length = string.chars().count();
        if let Some(limit) = limit.filter(|limit| length > *limit) {
            let pointer = pointer.to_pointer();
            let noun = plural_noun(pointer.tokens().last().map_or("", String::as_str));
            self.warn(
                "MC001",
                pointer,
                format!(
                    "{noun} longer than {limit} characters may be refused by tools that read this card (the schema intends at most {limit}); this one has {length}"
                ),
            );
        }
    }

    /// MC003: a field whose kind its sibling declares (a simple metric's
    /// `value`, kind from `type`) holding another kind.
    fn declared_kind(&mut self, variant: &FormNode, value: &Value, pointer: &Path<'_>) {
        let NodeKind::Object(object) = &variant.kind else {
            return;
        };
        for property in &object.properties {
            let Some(sibling) = property.node.ui.kind_from.as_deref() else {
                continue;
            };
            let (Some(declared), Some(actual)) = (
                value.get(sibling).and_then(Value::as_str),
                value.get(&property.key),
            ) else {
                continue;
            };
            let matches = match declared {
                "number" => actual.is_number(),
                "string" => actual.is_string(),
                "boolean" => actual.is_boolean(),
                _ => true,
            };
            if !matches {
                self.warn(
                    "MC003",
                    pointer.to_pointer().child(property.key.clone()),
                    format!(
                        "Its {sibling} says {}, but the value is {}: tools that read this card may misread it, so make the two agree",
                        kind_phrase(declared),
                        json_kind(actual)
                    ),
                );
            }
        }
    }

    /// MC004 and MC005.
    fn matrix(
        &mut self,
        node: &FormNode,
        rows: &[Value],
        pointer: &Path<'_>,
        parent: Option<&Value>,
    ) {
        let lengths: Vec<usize> = rows
            .iter()
            .map(|row| row.as_array().map_or(0, Vec::len))
            .collect();
        let columns = lengths.iter().copied().max().unwrap_or(0);
        if lengths.iter().any(|length| *length != columns) {
            let shown: Vec<String> = lengths.iter().map(ToString::to_string).collect();
            self.warn(
                "MC004",
                pointer.to_pointer(),
                format!(
                    "Rows have different numbers of cells ({}): give every row one cell per column",
                    shown.join(", ")
                ),
            );
        }
        for (hint, expected, what) in [
            (&node.ui.labels_from, columns, "column"),
            (&node.ui.row_labels_from, rows.len(), "row"),
        ] {
            self.labels_match(hint, parent, pointer, expected, what, "MC005");
        }
    }

    /// MC006.
    fn bars(
        &mut self,
        node: &FormNode,
        values: &[Value],
        pointer: &Path<'_>,
        parent: Option<&Value>,
    ) {
        self.labels_match(
            &node.ui.labels_from,
            parent,
            pointer,
            values.len(),
            "bar",
            "MC006",
        );
    }

    fn labels_match(
        &mut self,
        hint: &Option<String>,
        parent: Option<&Value>,
        pointer: &Path<'_>,
        expected: usize,
        what: &str,
        code: &str,
    ) {
        let Some(key) = hint else { return };
        let Some(labels) = parent
            .and_then(|parent| parent.get(key))
            .and_then(Value::as_array)
        else {
            return;
        };
        if labels.len() != expected {
            let labels_pointer = pointer
                .to_pointer()
                .parent()
                .map(|p| p.child(key.clone()))
                .unwrap_or_default();
            self.warn(
                code,
                labels_pointer,
                format!(
                    "{} for {}: give each {what} exactly one label, so readers can tell them apart",
                    counted(labels.len(), "label"),
                    counted(expected, what)
                ),
            );
        }
    }
}

/// N, when a pattern is exactly `.{1,N}`: a length limit in intent.
fn pattern_length_limit(pattern: &str) -> Option<usize> {
    pattern
        .strip_prefix(".{1,")?
        .strip_suffix('}')?
        .parse()
        .ok()
}

/// "1 label", "2 columns".
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// What a field is called in a sentence about all such fields: `name` as
/// "Names", `model_id` as "Model ids".
fn plural_noun(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => format!("{}{}s", first.to_uppercase(), chars.as_str()),
        None => "Texts".to_owned(),
    }
}

/// 100000 as "100,000".
pub fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

fn kind_phrase(kind: &str) -> &str {
    match kind {
        "number" => "a number",
        "string" => "text",
        "boolean" => "a yes/no value",
        other => other,
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty (null)",
        Value::Bool(_) => "a yes/no value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a group of fields",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::form::card_form;
    use crate::domain::validation::card_is_valid;

    fn findings(card: &Value) -> Vec<(String, String)> {
        lint_card(&card_form().root, card)
            .into_iter()
            .map(|lint| (lint.keyword, lint.pointer.to_string()))
            .collect()
    }

    fn metric(metric: Value) -> Value {
        json!({"evaluation_details": [{"name": "e", "metric_groups": [{"name": "g", "metric_data": [metric]}]}]})
    }

    const METRIC: &str = "/evaluation_details/0/metric_groups/0/metric_data/0";

    fn assert_lints(card: Value, expected: &[(&str, String)]) {
        assert!(card_is_valid(&card), "lints are about valid cards");
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(code, pointer)| (code.to_string(), pointer.clone()))
            .collect();
        assert_eq!(findings(&card), expected);
    }

    #[test]
    fn every_rule_has_a_distinct_code_and_an_explanation() {
        let codes: std::collections::BTreeSet<_> = RULES.iter().map(|rule| rule.code).collect();
        assert_eq!(codes.len(), RULES.len());
        assert!(RULES.iter().all(|rule| rule.explanation.len() > 20));
    }

    #[test]
    fn mc001_a_name_longer_than_its_pattern_suggests() {
        assert_lints(
            json!({"evaluation_details": [{"name": "n".repeat(63)}]}),
            &[],
        );
        assert_lints(
            json!({"evaluation_details": [{"name": "n".repeat(64)}]}),
            &[("MC001", "/evaluation_details/0/name".into())],
        );
        let long_metric = metric(json!({"name": "m".repeat(256), "type": "number", "value": 1}));
        assert_lints(long_metric, &[("MC001", format!("{METRIC}/name"))]);
    }

    #[test]
    fn mc002_more_items_than_intended() {
        let artifacts: Vec<String> = (0..16).map(|i| format!("s3://b/{i}")).collect();
        assert_lints(
            json!({"model_overview": {"model_artifact": artifacts}}),
            &[("MC002", "/model_overview/model_artifact".into())],
        );
        let fifteen: Vec<String> = (0..15).map(|i| format!("s3://b/{i}")).collect();
        assert_lints(json!({"model_overview": {"model_artifact": fifteen}}), &[]);
        let metrics: Vec<Value> = (0..51)
            .map(|i| json!({"name": format!("m{i}"), "value": i}))
            .collect();
        assert_lints(
            json!({"training_details": {"training_job_details": {"training_metrics": metrics}}}),
            &[(
                "MC002",
                "/training_details/training_job_details/training_metrics".into(),
            )],
        );
    }

    #[test]
    fn mc003_a_simple_value_of_another_kind_than_declared() {
        assert_lints(
            metric(json!({"name": "m", "type": "number", "value": 0.9})),
            &[],
        );
        assert_lints(
            metric(json!({"name": "m", "type": "number", "value": "0.9"})),
            &[("MC003", format!("{METRIC}/value"))],
        );
        assert_lints(
            metric(json!({"name": "m", "type": "boolean", "value": 1})),
            &[("MC003", format!("{METRIC}/value"))],
        );
    }

    #[test]
    fn mc004_and_mc005_ragged_matrices_and_mismatched_labels() {
        let good = json!({"name": "c", "type": "matrix", "value": [[1, 2], [3, 4]], "x_axis_name": ["a", "b"], "y_axis_name": ["c", "d"]});
        assert_lints(metric(good), &[]);
        let ragged = json!({"name": "c", "type": "matrix", "value": [[1, 2], [3]]});
        assert_lints(metric(ragged), &[("MC004", format!("{METRIC}/value"))]);
        let labels = json!({"name": "c", "type": "matrix", "value": [[1, 2]], "x_axis_name": ["a"], "y_axis_name": ["r", "s"]});
        assert_lints(
            metric(labels),
            &[
                ("MC005", format!("{METRIC}/x_axis_name")),
                ("MC005", format!("{METRIC}/y_axis_name")),
            ],
        );
    }

    #[test]
    fn mc006_bar_labels_that_do_not_match_values() {
        let good =
            json!({"name": "b", "type": "bar_chart", "value": [1, 2], "x_axis_name": ["a", "b"]});
        assert_lints(metric(good), &[]);
        let short =
            json!({"name": "b", "type": "bar_chart", "value": [1, 2], "x_axis_name": ["a"]});
        assert_lints(metric(short), &[("MC006", format!("{METRIC}/x_axis_name"))]);
    }

    #[test]
    fn mc007_a_card_longer_than_the_service_accepts() {
        let just_under =
            json!({"additional_information": {"custom_details": {"x": "y".repeat(1000)}}});
        assert_lints(just_under, &[]);
        let details: serde_json::Map<String, Value> = (0..100)
            .map(|i| (format!("k{i}"), json!("z".repeat(1000))))
            .collect();
        assert_lints(
            json!({"additional_information": {"custom_details": details}}),
            &[("MC007", String::new())],
        );
    }

    fn messages(card: Value) -> Vec<String> {
        lint_card(&card_form().root, &card)
            .into_iter()
            .map(|lint| lint.message)
            .collect()
    }

    #[test]
    fn messages_speak_to_reviewers_and_say_what_was_found() {
        let lints = lint_card(
            &card_form().root,
            &json!({"evaluation_details": [{"name": "n".repeat(70)}]}),
        );
        assert_eq!(lints[0].title, "Name");
        assert_eq!(
            lints[0].message,
            "Names longer than 63 characters may be refused by tools that read this card (the schema intends at most 63); this one has 70"
        );
        let artifacts: Vec<String> = (0..16).map(|i| format!("s3://b/{i}")).collect();
        assert_eq!(
            messages(json!({"model_overview": {"model_artifact": artifacts}})),
            [
                "More than 15 items may be refused by tools that read this card (the schema intends at most 15); this list has 16"
            ]
        );
        assert_eq!(
            messages(metric(
                json!({"name": "m", "type": "number", "value": "0.9"})
            )),
            [
                "Its type says a number, but the value is text: tools that read this card may misread it, so make the two agree"
            ]
        );
        assert_eq!(
            messages(metric(
                json!({"name": "c", "type": "matrix", "value": [[1, 2], [3]], "x_axis_name": ["a"]})
            )),
            [
                "Rows have different numbers of cells (2, 1): give every row one cell per column",
                "1 label for 2 columns: give each column exactly one label, so readers can tell them apart",
            ]
        );
        assert_eq!(
            messages(metric(
                json!({"name": "b", "type": "bar_chart", "value": [1], "x_axis_name": ["a", "b"]})
            )),
            ["2 labels for 1 bar: give each bar exactly one label, so readers can tell them apart"]
        );
        let details: serde_json::Map<String, Value> = (0..100)
            .map(|i| (format!("k{i}"), json!("z".repeat(1000))))
            .collect();
        assert_eq!(
            messages(json!({"additional_information": {"custom_details": details}})),
            [
                "The card is 100,937 characters long as it would be submitted; the model registry accepts at most 100,000 and will refuse it until it is shorter"
            ]
        );
    }

    #[test]
    fn no_message_talks_schema_keywords_or_json_types() {
        let fixture = include_str!("../../tests/fixtures/cards/errors-and-warnings.json");
        let card: Value = serde_json::from_str(fixture).unwrap();
        let jargon = [
            "pattern",
            "unanchored",
            "maxContains",
            "maxItems",
            "declares",
            "boolean",
            "object",
            "string",
            "`",
        ];
        for message in messages(card) {
            for word in jargon {
                assert!(!message.contains(word), "{word:?} in {message:?}");
            }
        }
        assert_eq!(plural_noun("model_id"), "Model ids");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
