//! Model Card Editor: read, edit, validate and publish SageMaker model
//! package cards in the browser.
//!
//! [`domain`] is the browser-free core, tested natively; [`view`] is the
//! Leptos user interface over it; [`first_view`] draws the linked card in
//! plain DOM before the editor's code has arrived, from the same layout
//! (`domain::form::layout`) as the editor. `src/main.rs` mounts [`view::App`] (and
//! holds the benchmark's measurement hooks).

pub mod domain;
pub mod first_view;
pub mod view;
