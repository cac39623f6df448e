//! Browser tests: the editor mounted in headless Chromium, driven through
//! its DOM as a user's typing would drive it.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use model_card_editor::view::Editor;
use wasm_bindgen_test::*;
use web_sys::{
    Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
    MutationObserver, MutationObserverInit, MutationRecord, Node,
};

wasm_bindgen_test_configure!(run_in_browser);

const COMPLETE: &str = include_str!("fixtures/cards/complete.json");

/// Mounts the editor on `text` (or an empty card) into a fresh element.
fn mount_editor(text: Option<&str>) -> HtmlElement {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let text = text.map(str::to_owned);
    let handle = leptos::mount::mount_to(host.clone(), move || match text {
        Some(text) => view! { <Editor initial_text=text /> }.into_any(),
        None => view! { <Editor /> }.into_any(),
    });
    handle.forget();
    host
}

/// Waits until the view has caught up with what just happened: every
/// pending microtask (where Leptos runs its effects) has run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the page draw a frame and then run what waited for it: the source
/// view parses typed text after the frame that shows the key.
async fn after_next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    settle().await;
}

fn query(host: &HtmlElement, selector: &str) -> HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn field(host: &HtmlElement, pointer: &str) -> HtmlElement {
    query(host, &format!("[data-path=\"{pointer}\"]"))
}

fn fire(element: &HtmlElement, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    element
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

/// Replaces a text box's value the way typing does: set it, fire `input`.
fn type_into(element: &HtmlElement, text: &str) {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(text);
    }
    fire(element, "input");
}

fn value_of(element: &HtmlElement) -> String {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else {
        element.dyn_ref::<HtmlSelectElement>().unwrap().value()
    }
}

fn problem_fields(host: &HtmlElement) -> Vec<String> {
    let items = host
        .query_selector_all("[data-testid=problem-list] li")
        .unwrap();
    (0..items.length())
        .map(|index| {
            let item: HtmlElement = items.item(index).unwrap().unchecked_into();
            item.get_attribute("data-field").unwrap()
        })
        .collect()
}

fn problem_count(host: &HtmlElement) -> String {
    query(host, "[data-testid=problem-count]")
        .text_content()
        .unwrap()
}

fn button(host: &HtmlElement, label: &str) -> HtmlElement {
    let buttons = host.query_selector_all("button").unwrap();
    (0..buttons.length())
        .map(|index| buttons.item(index).unwrap().unchecked_into::<HtmlElement>())
        .find(|button| {
            button.get_attribute("aria-label").as_deref() == Some(label)
                || button.text_content().as_deref() == Some(label)
        })
        .unwrap_or_else(|| panic!("no button named {label}"))
}

#[wasm_bindgen_test]
async fn a_keystroke_changes_only_its_own_field() {
    let host = mount_editor(Some(COMPLETE));
    settle().await;
    let input = field(&host, "/business_details/line_of_business");
    let frame = input.closest(".mce-field").unwrap().unwrap();
    // The first edit enables Undo; what follows is the steady state.
    type_into(&input, "Retail banking, EMEA-");
    settle().await;
    // The observer hands records to its callback at microtask checkpoints,
    // so the callback collects them.
    let collected = js_sys::Array::new();
    js_sys::Reflect::set(&window(), &"__mutations".into(), &collected).unwrap();
    let collect = js_sys::Function::new_with_args("records", "window.__mutations.push(...records)");
    let observer = MutationObserver::new(&collect).unwrap();
    let options = MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_attributes(true);
    options.set_character_data(true);
    observer.observe_with_options(&host, &options).unwrap();

    type_into(&input, "Retail banking, EMEA");
    settle().await;
    for record in observer.take_records().iter() {
        collected.push(&record);
    }
    observer.disconnect();
    assert!(collected.length() > 0, "the counter must have changed");
    for record in collected.iter() {
        let record: MutationRecord = record.unchecked_into();
        let target: Node = record.target().unwrap();
        assert!(
            frame.contains(Some(&target)),
            "a keystroke in one field changed something outside it: {:?}",
            target.unchecked_ref::<web_sys::Element>().outer_html()
        );
    }
    let counter = query(
        &host,
        "[id=\"f/business_details/line_of_business-counter\"]",
    );
    assert_eq!(counter.text_content().unwrap(), "20 / 2048");
}

#[wasm_bindgen_test]
async fn errors_appear_and_clear_on_the_field_and_in_the_summary() {
    let host = mount_editor(None);
    settle().await;
    assert_eq!(problem_count(&host), "No problems");
    let name_field = "/evaluation_details/0/name";
    button(&host, "Add evaluation").click();
    settle().await;
    let name = field(&host, name_field);
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(problem_fields(&host), [name_field]);
    assert_eq!(problem_count(&host), "1 problem");
    let messages = query(&host, &format!("[id=\"f{name_field}-messages\"]"));
    assert_eq!(messages.text_content().unwrap(), "Must not be empty");

    type_into(&name, "Holdout");
    settle().await;
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(messages.text_content().unwrap(), "");
    assert_eq!(problem_count(&host), "No problems");
}

#[wasm_bindgen_test]
async fn adding_to_a_list_in_an_empty_card_creates_what_it_needs() {
    let host = mount_editor(None);
    settle().await;
    button(&host, "Add artifact").click();
    settle().await;
    let artifact = field(&host, "/model_overview/model_artifact/0");
    type_into(&artifact, "s3://bucket/model.tar.gz");
    settle().await;
    button(&host, "Add metric").click();
    settle().await;
    let name = field(
        &host,
        "/training_details/training_job_details/training_metrics/0/name",
    );
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        query(&host, ".mce-banner--error").hidden(),
        "no edit was refused"
    );
    assert_eq!(problem_count(&host), "1 problem");
}

#[wasm_bindgen_test]
async fn a_number_box_keeps_unfinished_text_and_says_so() {
    let host = mount_editor(Some(COMPLETE));
    settle().await;
    let pointer = "/training_details/training_job_details/training_metrics/0/value";
    let input = field(&host, pointer);
    assert_eq!(value_of(&input), "0.0831");
    type_into(&input, "1e");
    settle().await;
    assert_eq!(value_of(&input), "1e", "what was typed stays");
    let messages = query(&host, &format!("[id=\"f{pointer}-messages\"]"));
    assert_eq!(
        messages.text_content().unwrap(),
        "“1e” is not a number, so the card still holds 0.0831."
    );
    assert_eq!(
        query(&messages, "li").class_name(),
        "mce-messages__error",
        "text the card does not hold is an error"
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    // Emptied, the required number's error takes the entry's place.
    type_into(&input, "");
    settle().await;
    let first = query(&messages, "li");
    assert_eq!(first.class_name(), "mce-messages__error");
    assert!(
        first.text_content().unwrap().contains("number"),
        "{:?}",
        first.text_content()
    );
    type_into(&input, "1e-3");
    settle().await;
    assert_eq!(messages.text_content().unwrap(), "");
    assert_eq!(
        value_of(&input),
        "1e-3",
        "the number keeps the text it was written with"
    );
}

#[wasm_bindgen_test]
async fn undo_puts_a_removed_item_back_in_place_and_redo_removes_it_again() {
    let host = mount_editor(Some(COMPLETE));
    settle().await;
    let first = "/training_details/training_job_details/hyper_parameters/0/name";
    assert_eq!(value_of(&field(&host, first)), "max_depth");
    button(&host, "Remove Hyperparameter 1 from Hyperparameters").click();
    settle().await;
    assert_eq!(value_of(&field(&host, first)), "eta");
    button(&host, "Undo").click();
    settle().await;
    assert_eq!(value_of(&field(&host, first)), "max_depth");
    assert_eq!(
        value_of(&field(
            &host,
            "/training_details/training_job_details/hyper_parameters/1/name"
        )),
        "eta"
    );
    button(&host, "Redo").click();
    settle().await;
    assert_eq!(value_of(&field(&host, first)), "eta");
}

#[wasm_bindgen_test]
async fn broken_json_in_the_source_keeps_the_last_valid_card() {
    let host = mount_editor(Some(r#"{"model_overview": {"model_creator": 7}}"#));
    settle().await;
    assert_eq!(problem_fields(&host), ["/model_overview/model_creator"]);
    assert_eq!(problem_count(&host), "1 problem");
    button(&host, "Source").click();
    settle().await;
    let source = query(&host, "[data-testid=source-text]");
    type_into(
        &source,
        "{\n  \"model_overview\": {\n    \"model_creator\": \n}",
    );
    after_next_frame().await;
    let error = query(&host, "[data-testid=parse-error]");
    assert!(!error.hidden());
    assert!(error.text_content().unwrap().contains("line 4, column 1"));
    assert_eq!(
        source.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    // The card's problem stays, and the text that does not parse is one of
    // its own (on the card as a whole): what would be saved is not it.
    assert_eq!(problem_fields(&host), ["", "/model_overview/model_creator"]);

    type_into(&source, r#"{"model_overview": {"model_creator": "Team"}}"#);
    after_next_frame().await;
    assert!(query(&host, "[data-testid=parse-error]").hidden());
    assert!(problem_fields(&host).is_empty());
    assert_eq!(problem_count(&host), "No problems");
    button(&host, "Form").click();
    settle().await;
    assert_eq!(
        value_of(&field(&host, "/model_overview/model_creator")),
        "Team"
    );
}
