//! Native validation timings for `make bench`: the median of many
//! whole-card validations of each card in a directory, and of the findings
//! update a keystroke costs, as JSON.
//!     cargo bench --bench validation_timings -- DIR

use std::time::Instant;

use model_card_editor::domain::findings::keystroke_timing;
use model_card_editor::domain::json_text::parse_json;
use model_card_editor::domain::pointer::JsonPointer;
use model_card_editor::domain::validation::{card_is_valid, validate_card};

/// The field the peer harness types into.
const TYPED_FIELD: &str = "/additional_information/caveats_and_recommendations";

/// The median milliseconds of `runs` calls of `work`.
fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|arg| !arg.starts_with("--"))
        .unwrap_or_else(|| ".".to_owned());
    let mut results = serde_json::Map::new();
    for name in ["typical", "large", "stress"] {
        let path = format!("{dir}/{name}.json");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let card = parse_json(&text).expect("the benchmark cards are JSON");
        let runs = if name == "stress" { 50 } else { 2_000 };
        let issues = median_ms(runs, || {
            std::hint::black_box(validate_card(&card));
        });
        let verdict = median_ms(runs, || {
            std::hint::black_box(card_is_valid(&card));
        });
        let started = Instant::now();
        let field = JsonPointer::parse(TYPED_FIELD).expect("a valid pointer");
        // Batches of keystrokes, as in the browser: the median batch's mean.
        let keystroke = median(
            (0..15)
                .map(|_| {
                    keystroke_timing(card.clone(), &field, 130, || {
                        started.elapsed().as_secs_f64() * 1e3
                    })
                    .unwrap_or(f64::NAN)
                })
                .collect(),
        );
        results.insert(
            name.to_owned(),
            serde_json::json!({
                "issues_ms": issues,
                "is_valid_ms": verdict,
                "keystroke_ms": keystroke,
                "runs": runs,
            }),
        );
    }
    println!("{}", serde_json::Value::Object(results));
}
