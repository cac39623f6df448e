//! Browser entry point: report panics to the console and mount the app.

#[cfg(target_arch = "wasm32")]
mod bench_hooks;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if let Some(window) = web_sys::window() {
        // Lets measurements read the module's memory (`window.mceWasm.memory`).
        let exposed = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&exposed, &"memory".into(), &wasm_bindgen::memory());
        let _ = js_sys::Reflect::set(&window, &"mceWasm".into(), &exposed);
        // "mce:start": when the app began, for start-up timings (DevTools,
        // the end-to-end tests).
        if let Some(performance) = window.performance() {
            let _ = performance.mark("mce:start");
        }
        // index.html's "Loading…" line gives way to the app.
        if let Some(loading) = window
            .document()
            .and_then(|document| document.get_element_by_id("mce-loading"))
        {
            loading.remove();
        }
    }
    leptos::mount::mount_to_body(model_card_editor::view::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("model-card-editor runs in the browser: `make run` builds it and serves it.");
    std::process::exit(2);
}
