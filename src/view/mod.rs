//! The Leptos view: thin components over [`crate::domain`].
//!
//! Components read state through [`state::EditorState`] and call domain
//! functions for anything that is not putting things on screen.

pub mod app;
pub mod problems;
pub mod section_nav;
pub mod source_editor;
pub mod state;

pub use app::{App, Editor};
