//! The one place that turns a form node into its component, by the widget
//! [`choose_widget`] picks. Adding a widget touches three places: its
//! `Widget` variant, its rule in `choose_widget`, and its arm here.

use leptos::prelude::*;

use super::grid::{LabelledNumbers, NumberGrid, PointTable};
use super::items::ItemList;
use super::leaf::LeafField;
use super::list::ScalarList;
use super::map::KeyValueRows;
use super::object::ObjectField;
use super::table::ObjectTable;
use super::variant::{ScalarChoice, VariantSwitch};
use crate::domain::form::node::{FormNode, NodeKind};
use crate::domain::form::{Widget, choose_widget};
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
    let widget = choose_widget(node);
    match (widget, &node.kind) {
        (Widget::Fieldset, NodeKind::Object(object)) => {
            view! { <ObjectField pointer node object label heading_level /> }.into_any()
        }
        (Widget::KeyValueRows, NodeKind::Map(map)) => {
            view! { <KeyValueRows pointer node map label heading_level /> }.into_any()
        }
        (Widget::TextList | Widget::NumberList, NodeKind::Array(array)) => {
            view! { <ScalarList pointer node array label heading_level /> }.into_any()
        }
        (Widget::ItemList, NodeKind::Array(array)) => {
            view! { <ItemList pointer node array label heading_level /> }.into_any()
        }
        (Widget::ObjectTable, NodeKind::Array(array)) => {
            view! { <ObjectTable pointer node array label heading_level /> }.into_any()
        }
        (Widget::PointTable, NodeKind::Array(_)) => {
            view! { <PointTable pointer node label heading_level /> }.into_any()
        }
        (Widget::LabelledNumbers, NodeKind::Array(_)) => {
            view! { <LabelledNumbers pointer node label heading_level /> }.into_any()
        }
        (Widget::NumberGrid, NodeKind::Array(array)) => {
            view! { <NumberGrid pointer node array label heading_level /> }.into_any()
        }
        (Widget::VariantSwitch, NodeKind::Variants(variants)) => {
            view! { <VariantSwitch pointer node variants label heading_level /> }.into_any()
        }
        (Widget::ScalarChoice, NodeKind::Variants(variants)) => {
            view! { <ScalarChoice pointer node variants label required /> }.into_any()
        }
        (widget, _) => view! { <LeafField pointer node label required widget /> }.into_any(),
    }
}
