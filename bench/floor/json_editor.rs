//! First-view floor, the framework: the least any Leptos first view of a
//! card can be, with the crates this app must use (Leptos, serde_json with
//! this app's features, gloo-net). It fetches the JSON named by `?card=`
//! and shows every value as one text box (or checkbox) labelled with its
//! key, editing the value in place. No schema, no importer, no undo, no
//! drafts: only the framework, JSON and the fetch.
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
    use model_card_editor::domain::pointer::JsonPointer;
    use serde_json::Value;

    use super::common::{checkbox, text_box};
    use super::linked_card::fetch_card;

    fn setter(card: StoredValue<Value>, at: JsonPointer) -> impl Fn(Value) + 'static {
        move |value| {
            card.update_value(|root| {
                if let Some(slot) = root.pointer_mut(&at.to_string()) {
                    *slot = value;
                }
            })
        }
    }

    fn field(key: &str, at: JsonPointer, value: &Value, card: StoredValue<Value>) -> AnyView {
        let label = key.to_owned();
        let path = at.to_string();
        match value {
            Value::Object(members) => {
                let fields = members
                    .iter()
                    .map(|(key, child)| field(key, at.child(key.clone()), child, card))
                    .collect_view();
                view! { <fieldset data-path=path><legend>{label}</legend>{fields}</fieldset> }
                    .into_any()
            }
            Value::Array(items) => {
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| {
                        let item =
                            field(&index.to_string(), at.child(index.to_string()), item, card);
                        view! { <li>{item}</li> }
                    })
                    .collect_view();
                view! { <section data-path=path><h3>{label}</h3><ol>{items}</ol></section> }
                    .into_any()
            }
            Value::Bool(checked) => checkbox(label, path, *checked, setter(card, at)),
            other => text_box(
                label,
                path,
                Some(other),
                other.is_number(),
                setter(card, at),
            ),
        }
    }

    pub(super) async fn load() -> Result<Value, String> {
        serde_json::from_slice(&fetch_card().await?).map_err(|error| error.to_string())
    }

    pub(super) fn render(root: Value) -> AnyView {
        field(
            "",
            JsonPointer::root(),
            &root,
            StoredValue::new(root.clone()),
        )
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    common::start(floor::load, floor::render);
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("a browser-only size probe: scripts/first-view-floor.mjs builds it");
}
