//! The form view: every section of the card, generated from the schema,
//! one after another, each reachable from the section navigation.

use leptos::prelude::*;

use super::add_evaluation::AddEvaluationFromReport;
use super::fill_training::{FillFromTrainingJob, FillModelArtifact};
use super::form::items::ItemList;
use super::form::object::ObjectFields;
use super::form::schema_field::schema_field;
use super::store::expect_store;
use super::to_fill::ToFillMark;
use crate::domain::form::card_form;
use crate::domain::form::layout::{FieldIds, Shape, shape};
use crate::domain::form::node::{FormNode, NodeKind, PropertyNode};
use crate::domain::form::section_actions::{SectionAction, section_actions};
use crate::domain::pointer::JsonPointer;

/// The whole card as a form.
#[component]
pub fn FormView() -> impl IntoView {
    let store = expect_store();
    let root = &card_form().root;
    let stale = store.source_draft();
    let banner = move || {
        stale.get().and_then(|draft| draft.error).map(|error| {
            view! {
                <p class="mce-banner mce-banner--warning" role="status">
                    {format!(
                        "The JSON source does not parse (line {}, column {}); the form shows the last card that did. Editing here replaces that text.",
                        error.line, error.column
                    )}
                </p>
            }
        })
    };
    let body = match &root.kind {
        NodeKind::Object(card) => {
            let sections = card
                .properties
                .iter()
                .map(|property| view! { <FormSection property /> })
                .collect_view();
            view! {
                {sections}
                <OtherFields object=card />
            }
            .into_any()
        }
        _ => schema_field(JsonPointer::root(), root, "Card".to_owned(), true, 2),
    };
    view! {
        <div class="mce-form" data-testid="form-view">
            {banner}
            {body}
        </div>
    }
}

/// Keys at the top of the card that no section declares.
#[component]
fn OtherFields(object: &'static crate::domain::form::node::ObjectNode) -> impl IntoView {
    view! {
        <div class="mce-form__other">
            <ObjectFields pointer=JsonPointer::root() object heading_level=3 skip="".to_owned() only_unknown=true />
        </div>
    }
}

/// One section: its heading, help and fields.
#[component]
fn FormSection(property: &'static PropertyNode) -> impl IntoView {
    let pointer = JsonPointer::root().child(property.key.clone());
    let node: &'static FormNode = &property.node;
    let ids = FieldIds::new(&pointer);
    let (id, heading_id) = (ids.control.clone(), ids.heading());
    let label = node.label_or(&property.key);
    let help = node.help().map(str::to_owned);
    // A group's fields and a list's items go under the section's own
    // title; anything else is a field of its own (`schema_field`, whose
    // match is exhaustive).
    let content = match shape(node) {
        Shape::Fieldset(object) => {
            view! { <ObjectFields pointer=pointer.clone() object heading_level=3 /> }.into_any()
        }
        Shape::ItemList(array) => view! {
            <ItemList pointer=pointer.clone() node array label=label.clone() heading_level=3 titled_by=heading_id.clone() />
        }
        .into_any(),
        _ => schema_field(pointer.clone(), node, label.clone(), property.required, 3),
    };
    view! {
        <section class="mce-section" id=id tabindex="-1" aria-labelledby=heading_id.clone() data-section=property.key.clone()>
            <h2 id=heading_id.clone() class="mce-section__title">{label}</h2>
            {help.map(|help| view! { <p class="mce-section__help">{help}</p> })}
            <ToFillMark section=property.key.as_str() />
            <SectionActions key=property.key.as_str() />
            {content}
        </section>
    }
}

/// The actions the section at `key` offers (filling it from the platform).
#[component]
fn SectionActions(key: &'static str) -> impl IntoView {
    let actions = section_actions(key);
    (!actions.is_empty()).then(|| {
        let buttons = actions
            .iter()
            .map(|action| match action {
                SectionAction::AddEvaluationFromReport => {
                    view! { <AddEvaluationFromReport /> }.into_any()
                }
                SectionAction::FillFromTrainingJob => view! { <FillFromTrainingJob /> }.into_any(),
                SectionAction::FillModelArtifact => view! { <FillModelArtifact /> }.into_any(),
            })
            .collect_view();
        view! { <div class="mce-section__actions">{buttons}</div> }
    })
}
