//! The card validator against an independent reference, python-jsonschema:
//! on well over a thousand cards made by mutating valid ones, the verdict
//! and the set of error pointers must be the same, card for card.
//!
//! The reference runs from the virtual environment `scripts/setup.sh`
//! makes (`target/reference-venv`, or `$REFERENCE_PYTHON`); without it this
//! test fails and says how to get it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use model_card_editor::domain::validation::{card_is_valid, raw_error_pointers, validate_card};
use serde_json::{Value, json};

/// Cards compared, at least.
const CARDS: usize = 1_500;

/// A small, seedable generator, so every run makes the same cards and a
/// disagreement can be reproduced by its index.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reference_python() -> PathBuf {
    let path = std::env::var_os("REFERENCE_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/reference-venv/bin/python"));
    assert!(
        path.exists(),
        "the reference validator is not installed at {}: run scripts/setup.sh (make test does)",
        path.display()
    );
    path
}

/// Valid cards to mutate: the complete fixture, and a large one with every
/// metric kind, long lists and full matrices.
fn bases() -> Vec<Value> {
    let complete: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/cards/complete.json")).unwrap(),
    )
    .unwrap();
    let mut large = complete.clone();
    let metrics: Vec<Value> = (0..60)
        .map(|i| json!({"name": format!("m{i}"), "value": i}))
        .collect();
    large["training_details"]["training_job_details"]["training_metrics"] = json!(metrics);
    let matrix: Vec<Value> = (0..20)
        .map(|r| json!((0..20).map(|c| r * 20 + c).collect::<Vec<_>>()))
        .collect();
    let points: Vec<Value> = (0..30).map(|i| json!([i, i * i])).collect();
    large["evaluation_details"][0]["metric_groups"][0]["metric_data"] = json!([
        {"name": "acc", "type": "number", "value": 0.9},
        {"name": "label", "type": "string", "value": "good"},
        {"name": "calibrated", "type": "boolean", "value": true},
        {"name": "roc", "type": "linear_graph", "value": points, "x_axis_name": "fpr", "y_axis_name": "tpr"},
        {"name": "bars", "type": "bar_chart", "value": [1, 2, 3], "x_axis_name": ["a", "b", "c"]},
        {"name": "confusion", "type": "matrix", "value": matrix}
    ]);
    for base in [&complete, &large] {
        assert!(card_is_valid(base), "a base card must be valid");
    }
    vec![complete, large]
}

/// Every pointer in `value`, with the value there.
fn places(value: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
    out.push((pointer.clone(), value.clone()));
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let token = key.replace('~', "~0").replace('/', "~1");
                places(child, format!("{pointer}/{token}"), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                places(child, format!("{pointer}/{index}"), out);
            }
        }
        _ => {}
    }
}

fn string_of(rng: &mut Rng, length: usize) -> String {
    let alphabet = [
        "a",
        "é",
        "🎯",
        "\n",
        "\r",
        " ",
        "\u{2028}",
        "~/",
        "\u{10FFFF}",
    ];
    let unit = *rng.pick(&alphabet);
    if unit == "~/" {
        return "~/".repeat(length / 2 + 1).chars().take(length).collect();
    }
    unit.repeat(length)
}

fn scalar(rng: &mut Rng) -> Value {
    let texts = [
        "null",
        "true",
        "false",
        "0",
        "1",
        "1.0",
        "-1",
        "-0.0",
        "1e308",
        "-1e308",
        "1e-400",
        "12345678901234567890123",
        "-98765432109876543210",
        "0.1",
        "\"\"",
        "\"x\"",
        "[]",
        "{}",
        "[1, 2]",
        "[[1, 2], [3]]",
        "{\"a\": 1}",
    ];
    let text: &str = rng.pick::<&str>(&texts);
    serde_json::from_str(text).unwrap()
}

fn nested(depth: usize) -> Value {
    (0..depth).fold(json!(1), |inner, _| json!([inner]))
}

/// One mutation of `card` at a random place.
fn mutate(rng: &mut Rng, card: &mut Value) {
    let mut all = Vec::new();
    places(card, String::new(), &mut all);
    let (pointer, value) = rng.pick(&all).clone();
    let Some(target) = card.pointer_mut(&pointer) else {
        return;
    };
    match rng.below(12) {
        // A value of another type.
        0 | 1 => *target = scalar(rng),
        // A string at, under and over the limits, in characters of one,
        // two and four bytes, and two UTF-16 units.
        2 | 3 => {
            let lengths = [
                0, 1, 62, 63, 64, 255, 256, 1023, 1024, 1025, 2048, 2049, 2096, 2097,
            ];
            let length = *rng.pick(&lengths);
            *target = json!(string_of(rng, length));
        }
        // An extra key.
        4 => {
            if let Value::Object(map) = target {
                let keys = ["x_extra", "", "a/b~c", "ü", "name", "value", "type"];
                map.insert(rng.pick(&keys).to_string(), scalar(rng));
            } else {
                *target = json!({"unexpected": true});
            }
        }
        // Arrays emptied, shortened or grown.
        5 => match target {
            Value::Array(items) if !items.is_empty() => match rng.below(3) {
                0 => items.clear(),
                1 => {
                    items.pop();
                }
                _ => {
                    let first = items[0].clone();
                    let copies = *rng.pick(&[1, 5, 11, 20, 21]);
                    items.extend(std::iter::repeat_n(first, copies));
                }
            },
            _ => *target = json!([]),
        },
        // A metric claiming another type, or none.
        6 => {
            if let Value::Object(map) = target {
                let tags = [
                    "number",
                    "string",
                    "boolean",
                    "linear_graph",
                    "bar_chart",
                    "matrix",
                    "pie",
                    "",
                ];
                if rng.below(5) == 0 {
                    map.remove("type");
                } else {
                    map.insert("type".to_owned(), json!(rng.pick(&tags)));
                }
            }
        }
        // Ragged and oversized rows.
        7 => {
            if let Value::Array(items) = target {
                for item in items.iter_mut() {
                    if let Value::Array(row) = item {
                        match rng.below(3) {
                            0 => {
                                row.pop();
                            }
                            1 => row.extend(std::iter::repeat_n(json!(1), 20)),
                            _ => row.push(json!("x")),
                        }
                        break;
                    }
                }
            }
        }
        // Deep nesting (within the parser's limit).
        8 => *target = nested(*rng.pick(&[2, 10, 60])),
        // A required key removed.
        9 => {
            if let Value::Object(map) = target {
                for key in ["name", "value", "type", "metric_data"] {
                    if map.remove(key).is_some() {
                        break;
                    }
                }
            }
        }
        // Names that the unanchored pattern accepts or refuses.
        10 => {
            let names = ["", "\n", "\n\n", "\r", " ", "\u{2028}", "n"];
            let name = if rng.below(3) == 0 {
                "x".repeat(300)
            } else {
                rng.pick(&names).to_string()
            };
            if let Value::Object(map) = target {
                map.insert("name".to_owned(), json!(name));
            } else {
                *target = json!(name);
            }
        }
        // A simple metric's value of another kind than its type.
        _ => {
            if value.get("type").is_some() {
                if let Value::Object(map) = target {
                    map.insert("value".to_owned(), scalar(rng));
                }
            } else {
                *target = scalar(rng);
            }
        }
    }
}

fn cards() -> Vec<Value> {
    let bases = bases();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cards: Vec<Value> = bases.clone();
    cards.push(json!({}));
    cards.push(json!([]));
    cards.push(json!("not a card"));
    while cards.len() < CARDS {
        let mut card = rng.pick(&bases).clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut rng, &mut card);
        }
        cards.push(card);
    }
    cards
}

#[derive(serde::Deserialize)]
struct Verdict {
    valid: bool,
    pointers: BTreeSet<String>,
}

fn reference_verdicts(cards: &[Value]) -> Vec<Verdict> {
    let dir = std::env::temp_dir().join(format!("model-card-differential-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let documents = dir.join("cards.jsonl");
    let mut file = std::fs::File::create(&documents).unwrap();
    for card in cards {
        writeln!(file, "{}", serde_json::to_string(card).unwrap()).unwrap();
    }
    drop(file);
    let output = Command::new(reference_python())
        .arg(repo().join("tests/reference/validate.py"))
        .arg(repo().join("schemas/model-package-card.schema.json"))
        .arg(&documents)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the reference failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn verdicts_and_error_pointers_match_python_jsonschema() {
    let cards = cards();
    let reference = reference_verdicts(&cards);
    assert_eq!(reference.len(), cards.len());
    let mut disagreements = Vec::new();
    let mut invalid = 0;
    for (index, (card, expected)) in cards.iter().zip(&reference).enumerate() {
        let valid = card_is_valid(card);
        let pointers = raw_error_pointers(card);
        // The editor's issues and the command's come from the same errors.
        assert_eq!(
            validate_card(card).is_empty(),
            valid,
            "card {index}: issues and verdict differ"
        );
        if !valid {
            invalid += 1;
        }
        if valid != expected.valid || pointers != expected.pointers {
            disagreements.push(format!(
                "card {index}: ours valid={valid} {pointers:?}, reference valid={} {:?}\n  {}",
                expected.valid,
                expected.pointers,
                serde_json::to_string(card)
                    .unwrap()
                    .chars()
                    .take(300)
                    .collect::<String>()
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} cards disagree:\n{}",
        disagreements.len(),
        cards.len(),
        disagreements
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Both verdicts must be well represented for the comparison to mean much.
    assert!(
        invalid > cards.len() / 3 && invalid < cards.len() * 9 / 10,
        "{invalid} invalid of {}",
        cards.len()
    );
    println!("{} cards, {invalid} invalid: no disagreement", cards.len());
}

#[test]
fn the_reference_itself_catches_what_it_should() {
    // Guards the harness: a card both know to be invalid is invalid to the
    // reference, with the pointer the specification gives.
    let verdicts = reference_verdicts(&[json!({"intended_uses": {"risk_rating": "Severe"}})]);
    assert!(!verdicts[0].valid);
    assert_eq!(
        verdicts[0].pointers,
        BTreeSet::from(["/intended_uses/risk_rating".to_owned()])
    );
    assert!(Path::new(&repo().join("tests/reference/validate.py")).exists());
}
