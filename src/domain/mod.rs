//! The browser-free core: everything the app knows about cards, schemas and
//! JSON, as plain Rust that `cargo test` checks natively.
//!
//! Nothing here imports leptos, web_sys, wasm_bindgen, js_sys or gloo
//! (`scripts/check-domain.sh`, the first layer of `make test`, fails if
//! anything does); the view layer calls in, never the other way round.

pub mod card_schema;
pub mod chart;
pub mod check;
pub mod config;
pub mod document;
pub mod draft_list;
pub mod draft_of_card;
pub mod drafts;
pub mod entries;
pub mod export;
pub mod export_actions;
pub mod field_messages;
pub mod findings;
pub mod first_view;
pub mod form;
pub mod grid_edit;
pub mod grid_nav;
pub mod grid_text;
pub mod import;
pub mod issues;
pub mod json_text;
pub mod lints;
pub mod merge;
pub mod number_text;
pub mod pointer;
pub mod print;
pub mod registry;
pub mod report;
pub mod resume;
pub mod review;
pub mod sagemaker;
pub mod sigv4;
pub mod start;
pub mod submit_plan;
pub mod text_encoding;
pub mod training_fill;
pub mod validation;
