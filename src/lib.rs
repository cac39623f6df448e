//! Model Card Editor: read, edit, validate and publish SageMaker model
//! package cards in the browser.
//!
//! [`domain`] is the browser-free core, tested natively; [`view`] is the
//! Leptos user interface over it. `src/main.rs` only mounts [`view::App`].

pub mod domain;
pub mod view;

/// Times whole-card validation in the browser, for the benchmark
/// (`scripts/bench-report.mjs` calls it through `window.wasmBindings`):
/// the median of `runs` validations of `card_json`, in milliseconds.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn validation_timing_ms(card_json: &str, runs: u32) -> f64 {
    let Ok(card) = domain::json_text::parse_json(card_json) else {
        return f64::NAN;
    };
    let performance = web_sys::window().and_then(|window| window.performance());
    let now = || performance.as_ref().map_or(0.0, web_sys::Performance::now);
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = now();
            std::hint::black_box(domain::validation::validate_card(&card));
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Times what validation costs a keystroke in the browser, for the
/// benchmark: typing one character at `pointer` (a text field) of
/// `card_json` and bringing its findings up to date, `runs` times; the
/// median milliseconds of the findings update alone.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn keystroke_validation_ms(card_json: &str, pointer: &str, runs: u32) -> f64 {
    let (Ok(card), Ok(pointer)) = (
        domain::json_text::parse_json(card_json),
        domain::pointer::JsonPointer::parse(pointer),
    ) else {
        return f64::NAN;
    };
    let performance = web_sys::window().and_then(|window| window.performance());
    let now = || performance.as_ref().map_or(0.0, web_sys::Performance::now);
    domain::findings::keystroke_timings(card, &pointer, runs, now).map_or(f64::NAN, |mut times| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    })
}
