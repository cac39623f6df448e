//! Forms generated from a JSON Schema: the walked node tree, the widget
//! each node gets, and the presentation data that shapes them.

pub mod columns;
pub mod labels;
pub mod layout;
pub mod node;
pub mod section_actions;
pub mod ui;
pub mod values;
pub mod widget;

use std::sync::LazyLock;

use super::card_schema::card_schema;
pub use node::{FormNode, FormTree, NodeKind, build_form};
pub use widget::{Widget, choose_widget};

static CARD_FORM: LazyLock<FormTree> = LazyLock::new(|| build_form(card_schema(), ui::card_ui()));

/// The model card's form, walked once from the bundled schema and ui schema.
pub fn card_form() -> &'static FormTree {
    &CARD_FORM
}
