//! The printable card: every section with content, read-only and typeset,
//! with tables for metrics and hyperparameters and charts for graphs, so the
//! browser's Print to PDF gives a document to attach to an approval. Empty
//! sections and fields are left out, not printed as blanks.
//!
//! This file walks the card and its form tree; `figures` draws the tables
//! and charts, and `deferred` builds those past the first screenful after
//! it (and makes Print wait for them).

mod deferred;
mod figures;

use leptos::prelude::*;
use serde_json::Value;

pub use self::deferred::print_preview;
use self::deferred::{Budget, build_the_rest_now};
use self::figures::{render_metric_figure, render_table};
use super::backend::Backend;
use super::platform::today;
use super::store::{PackageInfo, expect_store};
use crate::domain::export::{model_name, printed_source, version_facts};
use crate::domain::form::card_form;
use crate::domain::form::layout::{Leaf, Shape, shape, text};
use crate::domain::form::node::{ArrayNode, FormNode, NodeKind, ObjectNode, VariantsNode};
use crate::domain::form::values::{item_summary, unknown_keys};
use crate::domain::print::{is_blank, item_title, printed_card_status, scalar_text};

/// The read-only card, rebuilt when the card changes.
#[component]
pub fn PrintView() -> impl IntoView {
    let store = expect_store();
    let revision = store.revision();
    let package = store.package();
    let source = store.source();
    let before_print = window_event_listener_untyped("beforeprint", |_| build_the_rest_now());
    on_cleanup(move || before_print.remove());
    let body = move || {
        revision.track();
        store.with_card(|card| render_card(&card_form().root, card, &Budget::new()))
    };
    let title = move || {
        let package = package.get();
        let name = model_name(package.arn.as_deref(), None);
        match name {
            Some(name) => format!("Model card: {name}"),
            None => "Model card".to_owned(),
        }
    };
    let backend = use_context::<Backend>();
    let facts = move || package.with(|package| version_fact_rows(package, backend));
    let meta = move || {
        format!(
            "Source: {} · Printed {}",
            source.with(printed_source),
            today()
        )
    };
    view! {
        <article class="mce-print" data-testid="print-view">
            <header class="mce-print__header">
                <h1 class="mce-print__title">{title}</h1>
                <dl class="mce-print__facts" data-testid="print-facts">{facts}</dl>
                <p class="mce-print__meta">{meta}</p>
            </header>
            {body}
        </article>
    }
}

/// The version's ARN, the card status and the version's approval status,
/// as rows of a definition list: for a registry version, the approval as
/// last read from the registry, and the status the submit bar would send.
fn version_fact_rows(package: &PackageInfo, backend: Option<Backend>) -> impl IntoView + use<> {
    let opened = backend.and_then(|backend| {
        backend.opened().with(|opened| {
            opened
                .as_ref()
                .filter(|opened| package.arn.as_ref() == Some(&opened.package.model_package_arn))
                .map(|opened| opened.package.model_approval_status.clone())
        })
    });
    let status = printed_card_status(package.status.as_deref(), opened.is_some());
    version_facts(
        package.arn.as_deref(),
        status.as_deref(),
        opened.flatten().as_deref(),
    )
    .into_iter()
    .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
    .collect_view()
}

/// The card's sections, each with content, and the fields a model card
/// does not define.
fn render_card(root: &'static FormNode, card: &Value, budget: &Budget) -> AnyView {
    let NodeKind::Object(object) = &root.kind else {
        return view! { <pre class="mce-print__json">{pretty(card)}</pre> }.into_any();
    };
    let sections: Vec<AnyView> = object
        .properties
        .iter()
        .filter_map(|property| {
            let value = card.get(&property.key)?;
            let content = render_value(&property.node, value, 3, budget)?;
            let label = property.node.label_or(&property.key);
            Some(
                view! {
                    <section class="mce-print__section">
                        <h2>{label}</h2>
                        {content}
                    </section>
                }
                .into_any(),
            )
        })
        .collect();
    let others = other_fields(object, card);
    if sections.is_empty() && others.is_none() {
        return view! { <p class="mce-print__empty">"The card is empty."</p> }.into_any();
    }
    view! { {sections} {others} }.into_any()
}

/// A value as indented JSON.
fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A heading of the level that fits `level`, from `<h3>` down to `<h5>`.
fn heading(level: u8, text: String) -> AnyView {
    match level {
        0..=3 => view! { <h3>{text}</h3> }.into_any(),
        4 => view! { <h4>{text}</h4> }.into_any(),
        _ => view! { <h5>{text}</h5> }.into_any(),
    }
}

/// The print rendering of a value, or `None` when there is nothing to show.
fn render_value(
    node: &'static FormNode,
    value: &Value,
    level: u8,
    budget: &Budget,
) -> Option<AnyView> {
    if is_blank(value) {
        return None;
    }
    // Exhaustive, as the editor's and the first view's: a new shape does
    // not compile until the printed card shows it too.
    let view = match shape(node) {
        Shape::Fieldset(object) => render_object(object, value, level, None, budget)?,
        Shape::VariantSwitch(variants) => render_variant(variants, value, level, budget)?,
        Shape::ItemList(array) => render_items(node, array, value, level, budget)?,
        Shape::ObjectTable(array, _) => {
            render_table(node.label_or("table"), &array.items, value, budget)?
        }
        Shape::ScalarList(_) => render_list(value)?,
        Shape::KeyValueRows(_) => render_key_values(value)?,
        Shape::PointTable(_) => render_metric_figure(&bare_metric("linear_graph", value), budget)?,
        Shape::LabelledNumbers(_) => {
            render_metric_figure(&bare_metric("bar_chart", value), budget)?
        }
        Shape::NumberGrid(_) => render_metric_figure(&bare_metric("matrix", value), budget)?,
        Shape::Leaf(Leaf::JsonText) => {
            view! { <pre class="mce-print__json">{pretty(value)}</pre> }.into_any()
        }
        Shape::ScalarChoice(_)
        | Shape::Leaf(
            Leaf::TextInput | Leaf::TextArea | Leaf::Select | Leaf::NumberInput | Leaf::Checkbox,
        ) => view! { <p class="mce-print__text">{scalar_text(value)}</p> }.into_any(),
    };
    Some(view)
}

/// Whether a field prints as a plain term and its text: scalars do, raw
/// JSON and everything with parts of its own print on their own.
fn prints_as_plain_text(node: &FormNode) -> bool {
    match shape(node) {
        Shape::ScalarChoice(_)
        | Shape::Leaf(
            Leaf::TextInput | Leaf::TextArea | Leaf::Select | Leaf::NumberInput | Leaf::Checkbox,
        ) => true,
        Shape::Leaf(Leaf::JsonText)
        | Shape::Fieldset(_)
        | Shape::KeyValueRows(_)
        | Shape::ScalarList(_)
        | Shape::ItemList(_)
        | Shape::ObjectTable(..)
        | Shape::PointTable(_)
        | Shape::LabelledNumbers(_)
        | Shape::NumberGrid(_)
        | Shape::VariantSwitch(_) => false,
    }
}

/// The variant `value` is, named, then its fields (but the discriminator,
/// which the name says).
fn render_variant(
    variants: &'static VariantsNode,
    value: &Value,
    level: u8,
    budget: &Budget,
) -> Option<AnyView> {
    let index = variants.select(value)?;
    let variant = &variants.variants[index];
    let NodeKind::Object(object) = &variant.node.kind else {
        return None;
    };
    let kind = view! { <p class="mce-print__kind">{variant.label.clone()}</p> };
    let body = render_object(
        object,
        value,
        level,
        variants.discriminator.as_deref(),
        budget,
    );
    Some(view! { {kind} {body} }.into_any())
}

/// A list's items that have content, each under a heading with its number
/// and summary.
fn render_items(
    node: &'static FormNode,
    array: &'static ArrayNode,
    value: &Value,
    level: u8,
    budget: &Budget,
) -> Option<AnyView> {
    let noun = text::noun(node, text::ITEM);
    let items: Vec<AnyView> = value
        .as_array()?
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let content = render_value(&array.items, item, level + 1, budget)?;
            let summary =
                item_summary(&array.items, Some(item)).or_else(|| match &array.items.kind {
                    NodeKind::Variants(variants) => variants
                        .select(item)
                        .and_then(|i| item_summary(&variants.variants[i].node, Some(item))),
                    _ => None,
                });
            let title = item_title(&noun, index, summary.as_deref());
            Some(
                view! {
                    <div class="mce-print__item">
                        {heading(level, title)}
                        {content}
                    </div>
                }
                .into_any(),
            )
        })
        .collect();
    Some(view! { {items} }.into_any())
}

/// A list of texts or numbers, as a bulleted list.
fn render_list(value: &Value) -> Option<AnyView> {
    let items = value
        .as_array()?
        .iter()
        .map(|item| view! { <li>{scalar_text(item)}</li> })
        .collect_view();
    Some(view! { <ul class="mce-print__list">{items}</ul> }.into_any())
}

/// A map of names to values, as a two-column table.
fn render_key_values(value: &Value) -> Option<AnyView> {
    let rows = value
        .as_object()?
        .iter()
        .map(|(key, item)| view! { <tr><th scope="row">{key.clone()}</th><td>{scalar_text(item)}</td></tr> })
        .collect_view();
    Some(view! { <table class="mce-print__table"><tbody>{rows}</tbody></table> }.into_any())
}

/// An object's fields: plain ones as a definition list, the rest as
/// titled groups. `skip` is a variant's discriminator, which the variant's
/// label already says.
fn render_object(
    object: &'static ObjectNode,
    value: &Value,
    level: u8,
    skip: Option<&str>,
    budget: &Budget,
) -> Option<AnyView> {
    let map = value.as_object()?;
    let mut plain = Vec::new();
    let mut groups = Vec::new();
    for property in object
        .properties
        .iter()
        .filter(|p| Some(p.key.as_str()) != skip)
    {
        let Some(child) = map.get(&property.key).filter(|child| !is_blank(child)) else {
            continue;
        };
        let label = property.node.label_or(&property.key);
        if prints_as_plain_text(&property.node) {
            plain.push(view! { <dt>{label}</dt><dd>{scalar_text(child)}</dd> }.into_any());
            continue;
        }
        // Sibling label arrays print inside their grid's table.
        if property.node.ui.shown_with.is_some() {
            continue;
        }
        let Some(content) = render_labelled(&property.node, child, map, level + 1, budget) else {
            continue;
        };
        groups.push(
            view! {
                <div class="mce-print__group">
                    {heading(level, label)}
                    {content}
                </div>
            }
            .into_any(),
        );
    }
    let others = other_fields(object, value);
    if plain.is_empty() && groups.is_empty() && others.is_none() {
        return None;
    }
    let list = (!plain.is_empty()).then(|| view! { <dl class="mce-print__fields">{plain}</dl> });
    Some(view! { {list} {groups} {others} }.into_any())
}

/// A grid printed as its metric's chart, named and labelled by the
/// metric's other fields (its siblings).
fn render_labelled(
    node: &'static FormNode,
    value: &Value,
    siblings: &serde_json::Map<String, Value>,
    level: u8,
    budget: &Budget,
) -> Option<AnyView> {
    let tag = match shape(node) {
        Shape::PointTable(_) => "linear_graph",
        Shape::LabelledNumbers(_) => "bar_chart",
        Shape::NumberGrid(_) => "matrix",
        // Anything else as `render_value`, whose match is exhaustive.
        _ => return render_value(node, value, level, budget),
    };
    let mut metric = siblings.clone();
    metric.insert("type".to_owned(), Value::String(tag.to_owned()));
    metric.insert("value".to_owned(), value.clone());
    render_metric_figure(&Value::Object(metric), budget)
}

/// A grid with no metric around it, as a metric of type `tag`.
fn bare_metric(tag: &str, value: &Value) -> Value {
    serde_json::json!({ "type": tag, "value": value })
}

/// The fields of `value` that `object` does not define, as JSON.
fn other_fields(object: &ObjectNode, value: &Value) -> Option<AnyView> {
    let keys = unknown_keys(object, Some(value));
    if keys.is_empty() {
        return None;
    }
    let rows = keys
        .into_iter()
        .map(|key| {
            let shown = value.get(&key).map(pretty).unwrap_or_default();
            view! { <dt><code>{key}</code></dt><dd><pre class="mce-print__json">{shown}</pre></dd> }
        })
        .collect_view();
    Some(
        view! {
            <div class="mce-print__group mce-print__others">
                <h4>"Fields a model card does not define"</h4>
                <dl class="mce-print__fields">{rows}</dl>
            </div>
        }
        .into_any(),
    )
}
