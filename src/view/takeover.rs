//! The editor taking over the page from the first view (`src/first_view/`),
//! which showed the linked card, and may have been typed into, while this
//! module downloaded.
//!
//! The first view stays on top until the editor's form is built beneath it,
//! long tables included, with every control the reader was using (and so
//! the reader's first keys in the editor do not wait for that building).
//! Then, in one task (no key press can fall between): what was typed is
//! replayed through the editor's own controls (so it is validated,
//! undoable and saved as any typing is), focus and caret go to the same
//! field, the page is scrolled so that field (or the first one in view)
//! stays where it was, and the first view goes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::form::rows::{build_unseen, rows_still_building};
use super::platform::{after_next_frame, now_ms};
use super::session::Session;
use super::store::{CardStore, Requirement};
use super::view_state::{Disclosure, ViewState};
use crate::domain::first_view::{FIRST_VIEW_KEY, Typed};
use crate::domain::pointer::JsonPointer;
use crate::first_view::FIRST_VIEW_ID;

/// How long the editor waits for a control the reader was using to be
/// built (long tables build in stages) before taking over without it.
const WAIT_MS: f64 = 3_000.0;

fn first_view() -> Option<Element> {
    document().get_element_by_id(FIRST_VIEW_ID)
}

/// Called as the linked card is opened, before the form is built: the
/// items the reader opened or closed in the first view are built so, and
/// long tables build whole, unseen, rather than in stages.
pub fn keep_items_as_shown(view_state: ViewState) {
    let Some(page) = first_view() else { return };
    build_unseen(true);
    let Ok(toggles) = page.query_selector_all(".mce-item__toggle") else {
        return;
    };
    for index in 0..toggles.length() {
        let Some(toggle) = toggles
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let item = toggle.closest(".mce-item").ok().flatten();
        if let Some(path) = item.and_then(|item| item.get_attribute("data-path"))
            && let Ok(pointer) = JsonPointer::parse(&path)
        {
            let expanded = toggle.get_attribute("aria-expanded").as_deref() == Some("true");
            view_state.set_disclosure(&pointer, Disclosure::of_expanded(expanded));
        }
    }
}

/// Takes over once the form holds what the reader was using. If the link's
/// card is not the one open (it could not be opened, or the reader opened
/// another meanwhile), the first view goes at once, and what was typed
/// into it stays stored for the link's next opening.
pub fn take_over_when_ready(store: CardStore, session: Session, opened: bool) {
    if first_view().is_none() {
        return;
    }
    if !opened {
        remove_first_view();
        return;
    }
    leptos::task::spawn_local(async move {
        let started = now_ms();
        loop {
            after_next_frame().await;
            let Some(page) = first_view() else { return };
            if has_form() && missing(&page).is_empty() && !rows_still_building() {
                break;
            }
            if now_ms() - started > WAIT_MS {
                break;
            }
        }
        take_over(store, session);
    });
}

fn has_form() -> bool {
    document()
        .query_selector("#mce-main [data-testid=\"form-view\"]")
        .ok()
        .flatten()
        .is_some()
}

/// The editor's control for `path`, if it has been built.
fn editor_control(path: &str) -> Option<Element> {
    let selector = format!("#mce-main [data-path=\"{}\"]", css_string(path));
    document().query_selector(&selector).ok().flatten()
}

/// `text` inside a double-quoted CSS string.
fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The paths the reader was using that the editor has not built yet.
fn missing(page: &Element) -> Vec<String> {
    used_paths(page)
        .into_iter()
        .filter(|path| editor_control(path).is_none())
        .collect()
}

fn used_paths(page: &Element) -> Vec<String> {
    let mut paths: Vec<String> = edited(page).into_iter().map(|(path, _)| path).collect();
    if let Some(path) = focused(page).and_then(|element| element.get_attribute("data-path")) {
        paths.push(path);
    }
    paths
}

/// The first view's edited controls and what each holds, in the order
/// they were last typed into (`data-edited` counts the turns).
fn edited(page: &Element) -> Vec<(String, Typed)> {
    let Ok(controls) = page.query_selector_all("[data-edited]") else {
        return Vec::new();
    };
    let mut edited: Vec<(u64, String, Typed)> = (0..controls.length())
        .filter_map(|index| controls.item(index)?.dyn_into::<Element>().ok())
        .filter_map(|control| {
            let turn = control.get_attribute("data-edited")?.parse().unwrap_or(0);
            Some((turn, control.get_attribute("data-path")?, held(&control)))
        })
        .collect();
    edited.sort_by_key(|(turn, _, _)| *turn);
    edited
        .into_iter()
        .map(|(_, path, typed)| (path, typed))
        .collect()
}

fn held(control: &Element) -> Typed {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        if input.type_() == "checkbox" {
            return Typed::Checked(input.checked());
        }
        return Typed::Text(input.value());
    }
    if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        return Typed::Text(area.value());
    }
    if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        return Typed::Text(select.value());
    }
    Typed::Text(control.text_content().unwrap_or_default())
}

fn focused(page: &Element) -> Option<Element> {
    let active = document().active_element()?;
    page.contains(Some(&active)).then_some(active)
}

/// Where the reader's eyes were: the focused element, or the first field
/// in view, and how far from the top of the page it was.
struct Anchor {
    /// How to find the same element in the editor.
    selector: String,
    top: f64,
}

fn anchor(page: &Element) -> Option<Anchor> {
    if let Some(active) = focused(page) {
        let selector = same_element(&active)?;
        return Some(Anchor {
            selector,
            top: active.get_bounding_client_rect().top(),
        });
    }
    let main = page.query_selector(".mce-main").ok()??;
    let top_of_view = main.get_bounding_client_rect().top();
    let fields = page.query_selector_all(".mce-main [data-path]").ok()?;
    (0..fields.length())
        .filter_map(|index| fields.item(index)?.dyn_into::<Element>().ok())
        .find(|field| field.get_bounding_client_rect().top() >= top_of_view)
        .and_then(|field| {
            Some(Anchor {
                selector: same_element(&field)?,
                top: field.get_bounding_client_rect().top(),
            })
        })
}

/// A selector for the editor's counterpart of a first-view element.
fn same_element(element: &Element) -> Option<String> {
    if let Some(path) = element.get_attribute("data-path") {
        return Some(format!("#mce-main [data-path=\"{}\"]", css_string(&path)));
    }
    if let Some(section) = element.get_attribute("data-section") {
        return Some(format!(
            ".mce-sections__link[data-section=\"{}\"]",
            css_string(&section)
        ));
    }
    let id = element.id();
    (!id.is_empty()).then(|| format!("#mce-main [id=\"{}\"]", css_string(&id)))
}

fn take_over(store: CardStore, session: Session) {
    let Some(page) = first_view() else { return };
    let edits = edited(&page);
    let focus = focused(&page).map(|active| (same_element(&active), selection(&active)));
    let anchor = anchor(&page);
    remove_first_view();
    for (path, typed) in edits {
        replay(store, &path, typed);
    }
    session.save_now();
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.remove_item(FIRST_VIEW_KEY);
    }
    if let Some((Some(selector), selection)) = focus
        && let Ok(Some(element)) = document().query_selector(&selector)
        && let Some(element) = element.dyn_ref::<HtmlElement>()
    {
        let _ = element.focus();
        if let Some((start, end, direction)) = selection {
            set_selection(element, start, end, &direction);
        }
    }
    if let Some(anchor) = anchor
        && let Ok(Some(element)) = document().query_selector(&anchor.selector)
        && let Some(main) = document().get_element_by_id("mce-main")
    {
        let moved = element.get_bounding_client_rect().top() - anchor.top;
        main.set_scroll_top(main.scroll_top() + moved.round() as i32);
    }
}

fn remove_first_view() {
    build_unseen(false);
    if let Some(page) = first_view() {
        page.remove();
    }
}

/// Gives the editor's control what the first view's held, as the reader's
/// typing would (its own handler turns it into the edit); a control not
/// built sets the card's value directly.
fn replay(store: CardStore, path: &str, typed: Typed) {
    let Ok(pointer) = JsonPointer::parse(path) else {
        return;
    };
    let control = editor_control(path);
    let event = |control: &Element, kind: &str| {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
            let _ = control.dispatch_event(&event);
        }
    };
    match (typed, control) {
        (Typed::Checked(checked), Some(control)) => {
            if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
                input.set_checked(checked);
                event(&control, "change");
            }
        }
        (Typed::Checked(checked), None) => store.set(&pointer, serde_json::Value::Bool(checked)),
        (Typed::Text(text), Some(control)) => {
            if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
                select.set_value(&text);
                event(&control, "change");
            } else if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
                input.set_value(&text);
                event(&control, "input");
            } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
                area.set_value(&text);
                event(&control, "input");
            } else {
                store.type_text(&pointer, text, Requirement::Optional);
            }
        }
        (Typed::Text(text), None) => store.type_text(&pointer, text, Requirement::Optional),
    }
}

fn selection(element: &Element) -> Option<(u32, u32, String)> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return Some((
            input.selection_start().ok()??,
            input.selection_end().ok()??,
            input.selection_direction().ok()?.unwrap_or_default(),
        ));
    }
    let area = element.dyn_ref::<HtmlTextAreaElement>()?;
    Some((
        area.selection_start().ok()??,
        area.selection_end().ok()??,
        area.selection_direction().ok()?.unwrap_or_default(),
    ))
}

fn set_selection(element: &HtmlElement, start: u32, end: u32, direction: &str) {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        let _ = input.set_selection_range_with_direction(start, end, direction);
    } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        let _ = area.set_selection_range_with_direction(start, end, direction);
    }
}
