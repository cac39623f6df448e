//! Browser tests: the editor mounted in headless Chromium, driven through
//! its DOM exactly as a user's typing would drive it.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use model_card_editor::view::Editor;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the editor into a fresh element and returns that element.
fn mount_editor(initial_text: &str) -> HtmlElement {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let text = initial_text.to_owned();
    let handle =
        leptos::mount::mount_to(host.clone(), move || view! { <Editor initial_text=text /> });
    handle.forget();
    host
}

fn query(host: &HtmlElement, selector: &str) -> HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// Replaces the source text the way typing or pasting does: set the value,
/// then fire `input`.
fn type_source(host: &HtmlElement, text: &str) {
    let textarea: HtmlTextAreaElement = query(host, "[data-testid=source-text]").unchecked_into();
    textarea.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    textarea
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn problem_pointers(host: &HtmlElement) -> Vec<String> {
    let items = host
        .query_selector_all("[data-testid=problem-list] li")
        .unwrap();
    (0..items.length())
        .map(|index| {
            let item: HtmlElement = items.item(index).unwrap().unchecked_into();
            item.get_attribute("data-pointer").unwrap()
        })
        .collect()
}

fn problem_count(host: &HtmlElement) -> (String, String) {
    let count = query(host, "[data-testid=problem-count]");
    (
        count.get_attribute("data-count").unwrap(),
        count.text_content().unwrap(),
    )
}

#[wasm_bindgen_test]
async fn invalid_card_lists_its_errors_and_fixing_it_clears_them() {
    let host = mount_editor("{}");
    tick().await;
    assert_eq!(problem_count(&host), ("0".into(), "No problems".into()));

    type_source(
        &host,
        r#"{"intended_uses": {"risk_rating": "Severe"}, "business_details": {"owner": "x"}}"#,
    );
    tick().await;
    assert_eq!(
        problem_pointers(&host),
        ["/intended_uses/risk_rating", "/business_details"]
    );
    assert_eq!(problem_count(&host), ("2".into(), "2 problems".into()));
    let first = query(&host, "[data-testid=problem-list] li");
    assert!(
        first
            .text_content()
            .unwrap()
            .contains("must be one of High, Medium, Low, Unknown"),
        "{:?}",
        first.text_content()
    );
    let badge = query(&host, "[data-section=intended_uses] .mce-badge");
    assert_eq!(badge.text_content().unwrap(), "1");

    type_source(&host, r#"{"intended_uses": {"risk_rating": "Low"}}"#);
    tick().await;
    assert!(problem_pointers(&host).is_empty());
    assert_eq!(problem_count(&host), ("0".into(), "No problems".into()));
}

#[wasm_bindgen_test]
async fn broken_json_shows_where_and_keeps_the_last_valid_card() {
    let host = mount_editor(r#"{"model_overview": {"model_creator": 7}}"#);
    tick().await;
    assert_eq!(problem_pointers(&host), ["/model_overview/model_creator"]);

    type_source(
        &host,
        "{\n  \"model_overview\": {\n    \"model_creator\": \n}",
    );
    tick().await;
    let error = query(&host, "[data-testid=parse-error]");
    assert!(!error.hidden());
    let message = error.text_content().unwrap();
    assert!(message.contains("line 4, column 1"), "{message}");
    let textarea = query(&host, "[data-testid=source-text]");
    assert_eq!(
        textarea.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    // The problems are still those of the last card that parsed.
    assert_eq!(problem_pointers(&host), ["/model_overview/model_creator"]);

    type_source(&host, r#"{"model_overview": {"model_creator": "Team"}}"#);
    tick().await;
    assert!(query(&host, "[data-testid=parse-error]").hidden());
    assert!(problem_pointers(&host).is_empty());
}

#[wasm_bindgen_test]
async fn activating_a_problem_selects_its_value_in_the_source() {
    let text = "{\n  \"intended_uses\": {\n    \"risk_rating\": \"Severe\"\n  }\n}";
    let host = mount_editor(text);
    tick().await;
    query(&host, "[data-testid=problem-list] button").click();
    tick().await;
    let textarea: HtmlTextAreaElement = query(&host, "[data-testid=source-text]").unchecked_into();
    let start = textarea.selection_start().unwrap().unwrap() as usize;
    let end = textarea.selection_end().unwrap().unwrap() as usize;
    assert_eq!(&text[start..end], "\"risk_rating\": \"Severe\"");
}
