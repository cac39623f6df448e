//! The Leptos view: thin components over [`crate::domain`].
//!
//! Components read and change the card only through [`store::CardStore`],
//! and call domain functions for anything that is not putting things on
//! screen.

pub mod add_evaluation;
pub mod api;
pub mod app;
pub mod backend;
pub mod chart;
pub mod conflicts;
pub mod drafts_dialog;
pub mod export_actions;
pub mod file_actions;
pub mod fill_training;
pub mod form;
pub mod form_view;
pub mod modal;
pub mod other_tabs;
pub mod platform;
pub mod print_view;
pub mod problems;
pub mod registry;
pub mod section_nav;
pub mod session;
pub mod session_view;
pub mod source_editor;
pub mod store;
pub mod submit;
pub mod subscriptions;
pub mod takeover;
pub mod to_fill;
pub mod typed;
pub mod view_state;

pub use app::{App, Editor};
