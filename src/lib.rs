//! Model Card Editor: read, edit, validate and publish SageMaker model
//! package cards in the browser.
//!
//! [`domain`] is the browser-free core, tested natively; [`view`] is the
//! Leptos user interface over it. `src/main.rs` only mounts [`view::App`].

pub mod domain;
pub mod view;

/// Times whole-card validation in the browser, for the benchmark
/// (`scripts/bench-report.mjs` calls it through `window.wasmBindings`):
/// milliseconds per validation of `card_json`, the mean of `runs` (the
/// browser's clock is too coarse to time one).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn validation_timing_ms(card_json: &str, runs: u32) -> f64 {
    let Ok(card) = domain::json_text::parse_json(card_json) else {
        return f64::NAN;
    };
    let runs = runs.max(1);
    let start = now_ms();
    for _ in 0..runs {
        std::hint::black_box(domain::validation::validate_card(&card));
    }
    (now_ms() - start) / f64::from(runs)
}

/// Times what validation costs a keystroke in the browser, for the
/// benchmark: milliseconds per character typed at `pointer` (a text field)
/// of `card_json`, the edit and bringing the findings up to date, the mean
/// of `runs`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn keystroke_validation_ms(card_json: &str, pointer: &str, runs: u32) -> f64 {
    let (Ok(card), Ok(pointer)) = (
        domain::json_text::parse_json(card_json),
        domain::pointer::JsonPointer::parse(pointer),
    ) else {
        return f64::NAN;
    };
    domain::findings::keystroke_timing(card, &pointer, runs.max(1), now_ms).unwrap_or(f64::NAN)
}

#[cfg(target_arch = "wasm32")]
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}
