//! First-view floor, the framework: the least any Leptos first view of a
//! card can be, with the crates this app must use (Leptos, serde_json with
//! this app's features, gloo-net). It fetches the JSON named by `?card=`
//! and shows every value as one text box (or checkbox) labelled with its
//! key, editing the value in place. No schema, no importer, no undo, no
//! drafts: only the framework, JSON and the fetch.
//!
//! Not a product: `scripts/first-view-floor.sh` builds it like the app and
//! prints its download next to the app's (README › Performance).

#[cfg(target_arch = "wasm32")]
mod floor {
    use leptos::prelude::*;
    use model_card_editor::domain::pointer::JsonPointer;
    use serde_json::Value;

    fn set(card: StoredValue<Value>, at: &JsonPointer, value: Value) {
        card.update_value(|root| {
            if let Some(slot) = root.pointer_mut(&at.to_string()) {
                *slot = value;
            }
        });
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
            Value::Bool(checked) => {
                let checked = *checked;
                view! {
                    <label>
                        {label}
                        <input type="checkbox" data-path=path prop:checked=checked
                            on:change=move |event| set(card, &at, Value::Bool(event_target_checked(&event))) />
                    </label>
                }
                .into_any()
            }
            other => {
                let number = other.is_number();
                let text = match other {
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                view! {
                    <label>
                        {label}
                        <input data-path=path prop:value=text
                            on:input=move |event| {
                                let text = event_target_value(&event);
                                let value = if number { serde_json::from_str(&text).unwrap_or(Value::String(text)) } else { Value::String(text) };
                                set(card, &at, value);
                            } />
                    </label>
                }
                .into_any()
            }
        }
    }

    async fn load() -> Result<Value, String> {
        let query = window().location().search().unwrap_or_default();
        let path = query.trim_start_matches("?card=");
        let response = gloo_net::http::Request::get(path)
            .send()
            .await
            .map_err(|error| error.to_string())?;
        let bytes = response.binary().await.map_err(|error| error.to_string())?;
        serde_json::from_slice(&bytes).map_err(|error| error.to_string())
    }

    #[component]
    fn Floor() -> impl IntoView {
        let loaded = LocalResource::new(load);
        move || match loaded.get() {
            None => view! { <p>"Loading"</p> }.into_any(),
            Some(Err(message)) => view! { <p role="alert">{message}</p> }.into_any(),
            Some(Ok(root)) => {
                let form = field(
                    "",
                    JsonPointer::root(),
                    &root,
                    StoredValue::new(root.clone()),
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
