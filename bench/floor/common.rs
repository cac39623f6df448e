//! What both Leptos first-view floor probes share: one control per value,
//! and mounting.

use std::future::Future;

use leptos::prelude::*;
use serde_json::Value;

/// A labelled text box for a string or number, carrying `data-path`;
/// `on_value` gets each new value (text that parses as JSON, for a number).
pub fn text_box(
    label: String,
    path: String,
    value: Option<&Value>,
    number: bool,
    on_value: impl Fn(Value) + 'static,
) -> AnyView {
    let text = match value {
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    view! {
        <label>
            {label}
            <input data-path=path prop:value=text
                on:input=move |event| {
                    let text = event_target_value(&event);
                    let value = if number { serde_json::from_str(&text).unwrap_or(Value::String(text)) } else { Value::String(text) };
                    on_value(value);
                } />
        </label>
    }
    .into_any()
}

/// A labelled checkbox carrying `data-path`.
pub fn checkbox(
    label: String,
    path: String,
    checked: bool,
    on_value: impl Fn(Value) + 'static,
) -> AnyView {
    view! {
        <label>
            {label}
            <input type="checkbox" data-path=path prop:checked=checked
                on:change=move |event| on_value(Value::Bool(event_target_checked(&event))) />
        </label>
    }
    .into_any()
}

/// Mounts a page that shows `render` of what `load` gives, or its error.
pub fn start<T, Loading>(load: fn() -> Loading, render: fn(T) -> AnyView)
where
    T: Clone + 'static,
    Loading: Future<Output = Result<T, String>> + 'static,
{
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(move || {
        let loaded = LocalResource::new(load);
        move || match loaded.get() {
            None => view! { <p>"Loading"</p> }.into_any(),
            Some(Err(message)) => view! { <p role="alert">{message}</p> }.into_any(),
            Some(Ok(value)) => view! { <main>{render(value)}</main> }.into_any(),
        }
    });
}
