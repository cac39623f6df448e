//! The findings kept current edit by edit equal checking the whole card:
//! random edits (breaking and mending values, adding and removing entries,
//! unknown keys, renames, switching metric kinds, undo and redo) on real
//! cards, compared after every step.

use model_card_editor::domain::document::{CardDocument, Coalesce, Edit};
use model_card_editor::domain::findings::Findings;
use model_card_editor::domain::json_text::compact_char_len;
use model_card_editor::domain::pointer::JsonPointer;
use model_card_editor::domain::validation::revalidation_root;
use serde_json::{Value, json};

fn card(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture exists");
    serde_json::from_str(&text).expect("fixture is JSON")
}

/// xorshift64*: a reproducible stream without a dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn pointers(value: &Value, at: JsonPointer, out: &mut Vec<JsonPointer>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(child, at.child(key.clone()), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                pointers(child, at.child(index.to_string()), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn replacement(random: &mut Random, current: &Value) -> Value {
    match random.below(13) {
        0 => json!("x".repeat(1 + random.below(3000))),
        1 => json!(""),
        2 => json!(random.below(1000) as f64 / 7.0),
        3 => json!(true),
        4 => Value::Null,
        5 => json!({}),
        6 => json!([]),
        7 => json!(*random.pick(&[
            "linear_graph",
            "bar_chart",
            "matrix",
            "number",
            "string",
            "boolean",
            "High",
            "Nope"
        ])),
        8 => json!([[1, 2], [3]]),
        9 => json!(["a", "b", "c", "d"]),
        10 => json!({"name": "n", "type": "number", "value": "not a number"}),
        11 => json!({"name": "b", "type": "bar_chart", "value": [1, "two"], "x_axis_name": ["a"]}),
        _ => current.clone(),
    }
}

fn random_edit(random: &mut Random, root: &Value) -> Edit {
    let mut all = Vec::new();
    pointers(root, JsonPointer::root(), &mut all);
    // Half the time inside a metric, where alternatives (`anyOf`) and
    // lints that read siblings live.
    let in_metrics: Vec<JsonPointer> = all
        .iter()
        .filter(|pointer| pointer.tokens().iter().any(|t| t == "metric_data"))
        .cloned()
        .collect();
    let pointer = if !in_metrics.is_empty() && random.below(2) == 0 {
        random.pick(&in_metrics).clone()
    } else {
        random.pick(&all).clone()
    };
    let value = root
        .pointer(&pointer.to_string())
        .cloned()
        .unwrap_or(Value::Null);
    let parent_is_array = pointer
        .parent()
        .and_then(|parent| root.pointer(&parent.to_string()))
        .is_some_and(Value::is_array);
    match (random.below(6), &value) {
        (0, _) if !pointer.is_root() => Edit::Remove { pointer },
        (1, Value::Array(items)) => {
            let element = if items.is_empty() {
                json!({})
            } else {
                items[random.below(items.len())].clone()
            };
            Edit::Insert {
                array: pointer,
                index: random.below(items.len() + 1),
                value: element,
            }
        }
        (2, Value::Object(map)) => {
            if !map.is_empty() && random.below(2) == 0 {
                let from = map
                    .keys()
                    .nth(random.below(map.len()))
                    .cloned()
                    .unwrap_or_default();
                Edit::RenameKey {
                    object: pointer,
                    from,
                    to: format!("renamed_{}", random.below(100)),
                }
            } else {
                Edit::Set {
                    pointer: pointer.child(format!("unknown_{}", random.below(100))),
                    value: json!("extra"),
                }
            }
        }
        (3, Value::Array(items)) if items.len() > 1 => Edit::Move {
            array: pointer,
            from: random.below(items.len()),
            to: random.below(items.len()),
        },
        _ if parent_is_array || !pointer.is_root() => Edit::Set {
            value: replacement(random, &value),
            pointer,
        },
        _ => Edit::Set {
            pointer: JsonPointer::parse("/model_overview/model_creator").unwrap(),
            value: json!("someone"),
        },
    }
}

fn assert_incremental_equals_whole(path: &str, seed: u64, steps: usize) {
    let mut random = Random(seed);
    let mut document = CardDocument::new(card(path));
    let mut findings = Findings::of(document.root(), document.content_length());
    for step in 0..steps {
        let change = match random.below(10) {
            0 => document.undo(),
            1 => document.redo(),
            _ => {
                let edit = random_edit(&mut random, document.root());
                let coalesce = if random.below(2) == 0 {
                    Coalesce::Typing
                } else {
                    Coalesce::Never
                };
                document.apply(edit, coalesce, step as f64 * 10.0).ok()
            }
        };
        let Some(change) = change else { continue };
        let before = findings.clone();
        let changed = findings.revise(document.root(), &change.scope, document.content_length());
        assert_eq!(
            changed,
            findings != before,
            "{path}, step {step}: revise says whether anything changed"
        );
        assert_eq!(
            document.content_length(),
            compact_char_len(document.root()),
            "{path}, step {step}: the kept length drifted"
        );
        let whole = Findings::of(document.root(), compact_char_len(document.root()));
        assert_eq!(
            findings, whole,
            "{path}, step {step}, scope {}",
            change.scope
        );
    }
}

#[test]
fn findings_kept_edit_by_edit_equal_the_whole_cards_on_the_large_example() {
    assert_incremental_equals_whole("examples/large.json", 0x9E37_79B9_7F4A_7C15, 400);
}

#[test]
fn findings_kept_edit_by_edit_equal_the_whole_cards_on_a_card_with_errors() {
    for seed in 1..=6 {
        assert_incremental_equals_whole("tests/fixtures/cards/errors-and-warnings.json", seed, 150);
    }
}

#[test]
fn findings_kept_edit_by_edit_equal_the_whole_cards_from_an_empty_card() {
    for seed in 10..=13 {
        assert_incremental_equals_whole("tests/fixtures/cards/complete.json", seed, 150);
    }
}

#[test]
fn typing_in_a_text_field_revalidates_that_field_alone() {
    let large = card("examples/large.json");
    let caveats =
        JsonPointer::parse("/additional_information/caveats_and_recommendations").unwrap();
    assert_eq!(revalidation_root(&large, &caveats), caveats);
}

#[test]
fn a_change_inside_a_metric_revalidates_that_metric_whose_kind_it_may_change() {
    let large = card("examples/large.json");
    let metrics = JsonPointer::parse("/evaluation_details/0/metric_groups/0/metric_data").unwrap();
    let first = metrics.child("0");
    let value = first.child("value");
    assert!(
        large.pointer(&value.to_string()).is_some(),
        "the example has a metric value there"
    );
    assert_eq!(revalidation_root(&large, &value), first);
}

#[test]
fn a_choice_from_a_list_revalidates_the_object_around_it() {
    let large = card("examples/large.json");
    let risk = JsonPointer::parse("/intended_uses/risk_rating").unwrap();
    assert_eq!(
        revalidation_root(&large, &risk),
        JsonPointer::parse("/intended_uses").unwrap()
    );
}

#[test]
fn problems_are_listed_top_to_bottom_as_the_form_shows_them_whatever_the_cards_key_order() {
    use model_card_editor::domain::validation::validate_card;
    // Keys written in reverse of the schema's order, errors in three
    // sections, an unknown key, and two items of one list out of order.
    let card = json!({
        "unknown_key": 1,
        "additional_information": {"caveats_and_recommendations": 7},
        "evaluation_details": [
            {"name": "first", "evaluation_observation": false},
            {"name": ""}
        ],
        "model_overview": {"model_creator": 5}
    });
    let fields: Vec<String> = validate_card(&card)
        .iter()
        .map(|issue| issue.field.to_string())
        .collect();
    assert_eq!(
        fields,
        [
            "/model_overview/model_creator",
            "/evaluation_details/0/evaluation_observation",
            "/evaluation_details/1/name",
            "/additional_information/caveats_and_recommendations",
            "/unknown_key",
        ]
    );
}
