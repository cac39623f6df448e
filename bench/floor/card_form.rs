//! First-view floor, the card form: the least this app's first view can be
//! with Leptos and this library. It loads the card named by `?card=`
//! through the importer, walks the bundled schema into the form, and shows
//! every value as one labelled text box (or checkbox) carrying `data-path`.
//! Each edit goes through [`CardDocument`] with its undo history and is
//! saved as a draft, so edits survive a reload. Nothing else: no
//! validator, no selects, no adding or removing items, no toolbar.
//!
//! Not a product: `scripts/first-view-floor.sh` builds it like the app and
//! prints its download next to the app's (README › Performance).

#[cfg(target_arch = "wasm32")]
mod floor {
    use leptos::prelude::*;
    use model_card_editor::domain::document::{CardDocument, Coalesce, Edit};
    use model_card_editor::domain::drafts::{self, CardSource, Draft};
    use model_card_editor::domain::form::{FormNode, NodeKind, card_form};
    use model_card_editor::domain::import::{Imported, import_bytes};
    use model_card_editor::domain::pointer::JsonPointer;
    use serde_json::Value;

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
                history: document.history_snapshot(drafts::HISTORY_BUDGET),
            });
            if let Ok(Some(storage)) = window().local_storage() {
                let _ = storage.set_item(&draft.source.storage_key(), &drafts::encode(&draft));
            }
        }
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
                let fields = object
                    .properties
                    .iter()
                    .map(|property| {
                        let child = value.and_then(|value| value.get(&property.key));
                        field(
                            &property.node,
                            &property.key,
                            at.child(property.key.clone()),
                            child,
                            card,
                        )
                    })
                    .collect_view();
                view! { <fieldset data-path=path><legend>{label}</legend>{fields}</fieldset> }
                    .into_any()
            }
            NodeKind::Map(map) => {
                let entries = value.and_then(Value::as_object).map(|entries| {
                    entries
                        .iter()
                        .map(|(key, child)| {
                            field(&map.values, key, at.child(key.clone()), Some(child), card)
                        })
                        .collect_view()
                });
                view! { <fieldset data-path=path><legend>{label}</legend>{entries}</fieldset> }
                    .into_any()
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
            NodeKind::Boolean => {
                let checked = value.and_then(Value::as_bool).unwrap_or(false);
                view! {
                    <label>
                        {label}
                        <input type="checkbox" data-path=path prop:checked=checked
                            on:change=move |event| card.set(at.clone(), Value::Bool(event_target_checked(&event))) />
                    </label>
                }
                .into_any()
            }
            NodeKind::Text(_) | NodeKind::Number(_) | NodeKind::Any => {
                let text = match value {
                    Some(Value::String(text)) => text.clone(),
                    Some(other) => other.to_string(),
                    None => String::new(),
                };
                let number = matches!(node.kind, NodeKind::Number(_));
                view! {
                    <label>
                        {label}
                        <input data-path=path prop:value=text
                            on:input=move |event| {
                                let text = event_target_value(&event);
                                let value = if number { serde_json::from_str(&text).unwrap_or(Value::String(text)) } else { Value::String(text) };
                                card.set(at.clone(), value);
                            } />
                    </label>
                }
                .into_any()
            }
        }
    }

    async fn load() -> Result<Imported, String> {
        let query = window().location().search().unwrap_or_default();
        let path = query.trim_start_matches("?card=");
        let response = gloo_net::http::Request::get(path)
            .send()
            .await
            .map_err(|error| error.to_string())?;
        let bytes = response.binary().await.map_err(|error| error.to_string())?;
        import_bytes(&bytes).map_err(|error| error.to_string())
    }

    #[component]
    fn Floor() -> impl IntoView {
        let loaded = LocalResource::new(load);
        move || match loaded.get() {
            None => view! { <p>"Loading"</p> }.into_any(),
            Some(Err(message)) => view! { <p role="alert">{message}</p> }.into_any(),
            Some(Ok(imported)) => {
                let card = Card {
                    document: StoredValue::new(CardDocument::new(imported.card.clone())),
                    loaded: StoredValue::new(imported.card.clone()),
                };
                let form = field(
                    &card_form().root,
                    "",
                    JsonPointer::root(),
                    Some(&imported.card),
                    card,
                );
                view! { <main>{form}</main> }.into_any()
            }
        }
    }

    pub fn start() {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(Floor);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    floor::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("a browser-only size probe: scripts/first-view-floor.sh builds it");
    std::process::exit(2);
}
