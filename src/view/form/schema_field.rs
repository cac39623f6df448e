//! The one place in the editor that turns a form node into its component,
//! by the [`Shape`] the layout gives it. The match is exhaustive, as is the
//! first view's (`first_view/fields.rs`): adding a widget touches its
//! `Widget` variant, its rule in `choose_widget`, its `Shape`, and an arm
//! here and in the first view, and does not compile until both draw it.

use leptos::prelude::*;

use super::grid::{LabelledNumbers, NumberGrid, PointTable};
use super::items::ItemList;
use super::leaf::LeafField;
use super::list::ScalarList;
use super::map::KeyValueRows;
use super::object::ObjectField;
use super::table::ObjectTable;
use super::variant::{ScalarChoice, VariantSwitch};
use crate::domain::form::layout::{Shape, shape};
use crate::domain::form::node::FormNode;
use crate::domain::pointer::JsonPointer;

/// The field editing the value at `pointer` with the widget for `node`;
/// `heading_level` is the level its title takes if its widget has one.
pub fn schema_field(
    pointer: JsonPointer,
    node: &'static FormNode,
    label: String,
    required: bool,
    heading_level: u8,
) -> AnyView {
    match shape(node) {
        Shape::Fieldset(object) => {
            view! { <ObjectField pointer node object label heading_level /> }.into_any()
        }
        Shape::KeyValueRows(map) => {
            view! { <KeyValueRows pointer node map label heading_level /> }.into_any()
        }
        Shape::ScalarList(array) => {
            view! { <ScalarList pointer node array label heading_level /> }.into_any()
        }
        Shape::ItemList(array) => {
            view! { <ItemList pointer node array label heading_level /> }.into_any()
        }
        Shape::ObjectTable(array, object) => {
            view! { <ObjectTable pointer node array object label heading_level /> }.into_any()
        }
        Shape::PointTable(_) => {
            view! { <PointTable pointer node label heading_level /> }.into_any()
        }
        Shape::LabelledNumbers(_) => {
            view! { <LabelledNumbers pointer node label heading_level /> }.into_any()
        }
        Shape::NumberGrid(array) => {
            view! { <NumberGrid pointer node array label heading_level /> }.into_any()
        }
        Shape::VariantSwitch(variants) => {
            view! { <VariantSwitch pointer node variants label heading_level /> }.into_any()
        }
        Shape::ScalarChoice(variants) => {
            view! { <ScalarChoice pointer node variants label required /> }.into_any()
        }
        Shape::Leaf(leaf) => view! { <LeafField pointer node label required leaf /> }.into_any(),
    }
}
