//! Measurement hooks for `make bench` (`scripts/bench-report.mjs` calls
//! them through `window.wasmBindings`). They live in the browser entry
//! point, not the library, so that other WebAssembly builds of the library
//! (the first-view floor probes in `bench/floor/`) do not carry the
//! validator along with them.

use model_card_editor::domain::{findings, json_text, pointer::JsonPointer, validation};

/// Times whole-card validation in the browser, for the benchmark
/// (`scripts/bench-report.mjs` calls it through `window.wasmBindings`):
/// milliseconds per validation of `card_json`. The browser's clock is too
/// coarse to time one, so `runs` validations are timed in batches and the
/// median batch's mean is returned.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn validation_timing_ms(card_json: &str, runs: u32) -> f64 {
    let Ok(card) = json_text::parse_json(card_json) else {
        return f64::NAN;
    };
    median_of_batches(runs, |count| {
        let start = now_ms();
        for _ in 0..count {
            std::hint::black_box(validation::validate_card(&card));
        }
        now_ms() - start
    })
}

/// Times what validation costs a keystroke in the browser, for the
/// benchmark: milliseconds per character typed at `pointer` (a text field)
/// of `card_json`, the edit and bringing the findings up to date; the
/// median batch's mean over `runs` characters.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn keystroke_validation_ms(card_json: &str, pointer: &str, runs: u32) -> f64 {
    let (Ok(card), Ok(pointer)) = (
        json_text::parse_json(card_json),
        JsonPointer::parse(pointer),
    ) else {
        return f64::NAN;
    };
    median_of_batches(runs, |count| {
        findings::keystroke_timing(card.clone(), &pointer, count, now_ms)
            .map_or(f64::NAN, |mean| mean * f64::from(count))
    })
}

/// Splits `runs` into batches, times each with `time_batch` (given its
/// size, returning its total milliseconds), and returns the median of the
/// batches' means.
fn median_of_batches(runs: u32, mut time_batch: impl FnMut(u32) -> f64) -> f64 {
    const BATCHES: u32 = 15;
    let size = (runs / BATCHES).max(1);
    let mut means: Vec<f64> = (0..BATCHES)
        .map(|_| time_batch(size) / f64::from(size))
        .collect();
    means.sort_by(f64::total_cmp);
    means[means.len() / 2]
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}
