//! Browser entry point: report panics to the console and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(model_card_editor::view::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("model-card-editor runs in the browser: `make run` builds it and serves it.");
    std::process::exit(2);
}
