//! The first view's entry point: a second, small browser module that shows
//! a linked card while the editor downloads (`src/first_view/`). Trunk
//! builds it beside the editor; `index.html` loads it first.

fn main() {
    #[cfg(target_arch = "wasm32")]
    model_card_editor::first_view::start();
    #[cfg(not(target_arch = "wasm32"))]
    {
        eprintln!("first-view runs in the browser: `make run` builds it and serves it.");
        std::process::exit(2);
    }
}
