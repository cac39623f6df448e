//! First-view floor, the card form: the least this app's first view can be
//! with Leptos and this library. It loads the card named by `?card=`
//! through the importer, walks the bundled schema into the form, and shows
//! every value as one labelled text box (or checkbox) carrying `data-path`.
//! Each edit goes through [`CardDocument`] with its undo history and is
//! saved as a draft, so edits survive a reload. Nothing else: no
//! validator, no selects, no adding or removing items, no toolbar.
//!
//! Not a product: `scripts/first-view-floor.mjs` builds it like the app and
//! prints its download next to the app's (README › Performance).

#[cfg(target_arch = "wasm32")]
#[path = "common.rs"]
mod common;

#[cfg(target_arch = "wasm32")]
#[path = "linked_card.rs"]
mod linked_card;

#[cfg(target_arch = "wasm32")]
mod floor {
    use leptos::prelude::*;
    use model_card_editor::domain::document::{CardDocument, Coalesce, Edit};
    use model_card_editor::domain::drafts::{self, CardSource, Draft};
    use model_card_editor::domain::form::{FormNode, NodeKind, card_form};
    use model_card_editor::domain::import::{Imported, import_bytes};
    use model_card_editor::domain::pointer::JsonPointer;
    use serde_json::Value;

    use super::common::{checkbox, text_box};
    use super::linked_card::fetch_card;

    /// The card being edited and the card as loaded (for the draft).
    #[derive(Clone, Copy)]
    struct Card {
        document: StoredValue<CardDocument>,
        loaded: StoredValue<Value>,
    }

    impl Card {
        fn set(self, pointer: JsonPointer, value: Value) {
            let now = js_sys::Date::now();
            self.document.update_value(|document| {
                let _ = document.apply(Edit::Set { pointer, value }, Coalesce::Typing, now);
            });
            let draft = self.document.with_value(|document| Draft {
                version: drafts::DRAFT_VERSION,
                source: CardSource::Link("floor".into()),
                saved_at_ms: now,
                source_fingerprint: self.loaded.with_value(drafts::fingerprint),
                source_card: self.loaded.get_value(),
                arn: None,
                status: None,
                card: document.root().clone(),
                indent: None,
                trailing_newline: true,
                place: Default::default(),
                registry_base: None,
                to_fill: Vec::new(),
                history: document.history_snapshot(drafts::HISTORY_BUDGET),
                lineage: drafts::Lineage::default(),
                entries: Vec::new(),
            });
            if let Ok(Some(storage)) = window().local_storage() {
                let _ = storage.set_item(&draft.source.storage_key(), &drafts::encode(&draft));
            }
        }

        fn setter(self, at: JsonPointer) -> impl Fn(Value) + 'static {
            move |value| self.set(at.clone(), value)
        }
    }

    /// A titled group of fields, carrying `data-path`.
    fn group(label: String, path: String, fields: Option<AnyView>) -> AnyView {
        view! { <fieldset data-path=path><legend>{label}</legend>{fields}</fieldset> }.into_any()
    }

    fn field(
        node: &'static FormNode,
        key: &str,
        at: JsonPointer,
        value: Option<&Value>,
        card: Card,
    ) -> AnyView {
        let label = node.label_or(key);
        let path = at.to_string();
        match &node.kind {
            NodeKind::Object(object) => {
                let fields = object.properties.iter().map(|property| {
                    let child = value.and_then(|value| value.get(&property.key));
                    field(
                        &property.node,
                        &property.key,
                        at.child(property.key.clone()),
                        child,
                        card,
                    )
                });
                group(label, path, Some(fields.collect_view().into_any()))
            }
            NodeKind::Map(map) => {
                let entries = value.and_then(Value::as_object).map(|entries| {
                    let entries = entries.iter().map(|(key, child)| {
                        field(&map.values, key, at.child(key.clone()), Some(child), card)
                    });
                    entries.collect_view().into_any()
                });
                group(label, path, entries)
            }
            NodeKind::Array(array) => {
                let items = value.and_then(Value::as_array).map(|items| {
                    items
                        .iter()
                        .enumerate()
                        .map(|(index, item)| {
                            let item = field(
                                &array.items,
                                &index.to_string(),
                                at.child(index.to_string()),
                                Some(item),
                                card,
                            );
                            view! { <li>{item}</li> }
                        })
                        .collect_view()
                });
                view! { <section data-path=path><h3>{label}</h3><ol>{items}</ol></section> }
                    .into_any()
            }
            NodeKind::Variants(variants) => {
                let chosen = value.and_then(|value| variants.select(value)).unwrap_or(0);
                field(&variants.variants[chosen].node, key, at, value, card)
            }
            NodeKind::Boolean => checkbox(
                label,
                path,
                value.and_then(Value::as_bool).unwrap_or(false),
                card.setter(at),
            ),
            NodeKind::Text(_) | NodeKind::Any => {
                text_box(label, path, value, false, card.setter(at))
            }
            NodeKind::Number(_) => text_box(label, path, value, true, card.setter(at)),
        }
    }

    pub(super) async fn load() -> Result<Imported, String> {
        import_bytes(&fetch_card().await?).map_err(|error| error.to_string())
    }

    pub(super) fn render(imported: Imported) -> AnyView {
        let card = Card {
            document: StoredValue::new(CardDocument::new(imported.card.clone())),
            loaded: StoredValue::new(imported.card.clone()),
        };
        field(
            &card_form().root,
            "",
            JsonPointer::root(),
            Some(&imported.card),
            card,
        )
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    common::start(floor::load, floor::render);
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("a browser-only size probe: scripts/first-view-floor.mjs builds it");
}
