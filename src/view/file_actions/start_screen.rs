//! What the main area shows while no card is open: the ways to open one,
//! each a button with a sentence on what it does.

use leptos::html::Input;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::{FilePicker, use_start};
use crate::domain::start::{StartChoice, start_choices};
use crate::view::backend::{Backend, ConfigState, Screen};
use crate::view::session::expect_session;
use crate::view::view_state::ViewMode;

/// What the main area shows while no card is open: the ways to open one,
/// each a button with a sentence on what it does. The registry is offered
/// only when a backend is configured.
#[component]
pub fn StartScreen() -> impl IntoView {
    let session = expect_session();
    let view_state = session.view_state();
    let start = use_start();
    let backend = use_context::<Backend>();
    let picker: NodeRef<Input> = NodeRef::new();
    let registry_available = move || {
        backend.is_some_and(|backend| matches!(backend.config().get(), ConfigState::Ready(_)))
    };
    let choose = move |choice: StartChoice| match choice {
        StartChoice::Registry => {
            if let Some(backend) = backend {
                backend.show(Screen::Registry);
            }
        }
        StartChoice::File => {
            if let Some(input) = picker.get() {
                input.click();
            }
        }
        StartChoice::Paste => {
            if let Some(start) = start {
                start.paste_open.set(true);
            }
        }
        StartChoice::NewCard => {
            if let Some(start) = start {
                start.start_new_card(view_state, ViewMode::Form);
                focus_first_field();
            }
        }
    };
    let choices = move || {
        start_choices(registry_available())
            .into_iter()
            .map(|choice| {
                let description = format!("mce-start-{}", choice.test_id());
                view! {
                    <li class="mce-start__choice">
                        <button
                            type="button"
                            class="mce-button"
                            class:mce-button--primary=choice == StartChoice::NewCard
                            data-testid=choice.test_id()
                            aria-describedby=description.clone()
                            on:click=move |_| choose(choice)
                        >
                            {choice.label()}
                        </button>
                        <p class="mce-start__what" id=description>{choice.description()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="mce-start" aria-labelledby="mce-start-title" data-testid="start-screen">
            <h2 id="mce-start-title" class="mce-start__title">"No card is open"</h2>
            <p class="mce-start__lead">"Open the model card you are to review, or start a new one."</p>
            <ul class="mce-start__choices">{choices}</ul>
            <FilePicker picker test_id="start-file-input" />
        </section>
    }
}

/// Puts focus in the form's first field once a new card's form is shown.
fn focus_first_field() {
    leptos::task::spawn_local(async move {
        for _ in 0..8 {
            leptos::task::tick().await;
            let first = document()
                .query_selector("#mce-view :is(input, select, textarea)[data-path]")
                .ok()
                .flatten()
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(first) = first {
                let _ = first.focus();
                return;
            }
        }
    });
}
