//! The first view's page: the editor's layout (header, sections, the card,
//! the problems column) with what is still loading said in place of the
//! toolbar and the problem list.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element};

use super::fields::{Form, Place};
use crate::domain::card_schema::{card_schema, sections};
use crate::domain::first_view::FirstViewEdits;
use crate::domain::form::card_form;
use crate::domain::form::node::NodeKind;
use crate::domain::form::values::field_id;
use crate::domain::pointer::JsonPointer;

/// The id of the first view's root, which the editor looks for.
pub const FIRST_VIEW_ID: &str = "mce-first-view";

/// Elements made one call at a time.
#[derive(Clone)]
pub(super) struct Dom {
    pub(super) document: Document,
}

impl Dom {
    /// A `tag` with `class` (none when empty), appended to `parent`.
    pub(super) fn add(&self, tag: &str, class: &str, parent: &Element) -> Element {
        let element = self.document.create_element(tag).expect("a known tag");
        if !class.is_empty() {
            element.set_class_name(class);
        }
        let _ = parent.append_child(&element);
        element
    }

    /// `text` appended to `parent`, as text (never as markup).
    pub(super) fn text(&self, text: &str, parent: &Element) {
        let _ = parent.append_child(&self.document.create_text_node(text));
    }

    /// A `tag` with `class` holding `text`.
    pub(super) fn add_text(&self, tag: &str, class: &str, text: &str, parent: &Element) -> Element {
        let element = self.add(tag, class, parent);
        self.text(text, &element);
        element
    }
}

fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Builds the page for `card` and puts it first in the body; `None` when
/// the page has no body.
pub(super) fn build(
    document: &Document,
    source: &str,
    card: &Value,
    edits: &Rc<RefCell<FirstViewEdits>>,
) -> Option<Element> {
    let dom = Dom {
        document: document.clone(),
    };
    let body = document.body()?;
    let root = document.create_element("div").ok()?;
    root.set_id(FIRST_VIEW_ID);
    root.set_class_name("mce-app mce-first-view");
    header(&dom, source, &root);
    navigation(&dom, &root);
    let main = dom.add("main", "mce-main", &root);
    set(&main, "tabindex", "-1");
    let view = dom.add("div", "mce-view", &main);
    let form_holder = dom.add("div", "mce-view__form", &view);
    let form_root = dom.add("div", "mce-form", &form_holder);
    let form = Rc::new(Form::new(dom.clone(), Rc::clone(edits)));
    sections_of(&form, card, &form_root);
    let side = dom.add("aside", "mce-side", &root);
    set(&side, "aria-label", "Validation");
    dom.add_text("h2", "mce-problems__heading", "Problems", &side);
    dom.add_text(
        "p",
        "mce-first-view__pending",
        "The card is checked against the schema once the editor has loaded.",
        &side,
    );
    listen_for_clicks(&root, form);
    let _ = body.insert_before(&root, body.first_child().as_ref());
    Some(root)
}

fn header(dom: &Dom, source: &str, root: &Element) {
    let header = dom.add("header", "mce-header", root);
    let top = dom.add("div", "mce-header__top", &header);
    dom.add_text("h1", "mce-header__title", "Model Card Editor", &top);
    dom.add_text("p", "mce-header__source", source, &top);
    let toolbar = dom.add("div", "mce-toolbar mce-first-view__toolbar", &header);
    // index.html's loading line, with its bar of the editor's download, says
    // what the reader can do meanwhile.
    let status = match dom.document.get_element_by_id("mce-loading") {
        Some(loading) => {
            let _ = toolbar.append_child(&loading);
            loading
        }
        None => dom.add("p", "", &toolbar),
    };
    status.set_class_name("mce-loading mce-first-view__status");
    let bar = status.query_selector("progress").ok().flatten();
    status.set_text_content(Some(
        "Loading the editor\u{2019}s tools. You can read and type already; what you type is kept.",
    ));
    if let Some(bar) = bar {
        let _ = status.append_child(&bar);
    }
}

fn navigation(dom: &Dom, root: &Element) {
    let nav = dom.add("nav", "mce-sections", root);
    set(&nav, "aria-label", "Card sections");
    dom.add_text("h2", "mce-sections__heading", "Sections", &nav);
    let list = dom.add("ul", "mce-sections__list", &nav);
    for section in sections(card_schema()) {
        let item = dom.add("li", "mce-sections__item", &list);
        let link = dom.add("button", "mce-sections__link", &item);
        set(&link, "type", "button");
        set(&link, "data-section", &section.key);
        if let Some(description) = &section.description {
            set(&link, "title", description);
        }
        let title = card_form()
            .root
            .child(&section.key, None)
            .map_or(section.title.clone(), |node| node.label_or(&section.key));
        dom.add_text("span", "mce-sections__title", &title, &link);
    }
}

/// One section per property of the card, as the editor's form shows them.
fn sections_of(form: &Form, card: &Value, parent: &Element) {
    let root = &card_form().root;
    let NodeKind::Object(object) = &root.kind else {
        return;
    };
    for property in &object.properties {
        let pointer = JsonPointer::root().child(property.key.clone());
        let id = field_id(&pointer.to_string());
        let heading_id = format!("{id}-heading");
        let node = &property.node;
        let label = node.label_or(&property.key);
        let section = form.dom.add("section", "mce-section", parent);
        section.set_id(&id);
        set(&section, "tabindex", "-1");
        set(&section, "aria-labelledby", &heading_id);
        set(&section, "data-section", &property.key);
        let title = form
            .dom
            .add_text("h2", "mce-section__title", &label, &section);
        title.set_id(&heading_id);
        if let Some(help) = node.help() {
            form.dom.add_text("p", "mce-section__help", help, &section);
        }
        let place = Place {
            pointer: &pointer,
            node,
            label: &label,
            level: 2,
            value: card.get(&property.key),
            owner: Some(card),
        };
        form.section(place, property.required, &section);
    }
    let other = form.dom.add("div", "mce-form__other", parent);
    form.unknown_fields(&JsonPointer::root(), object, Some(card), &other);
}

/// Calls `handle` with the element each `kind` event under `root` comes
/// from: one listener for the whole page, kept as long as the page.
pub(super) fn delegate(root: &Element, kind: &str, mut handle: impl FnMut(Element) + 'static) {
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Some(target) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
        {
            handle(target);
        }
    });
    let _ = root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Section links scroll to their section; item toggles open and close.
fn listen_for_clicks(root: &Element, form: Rc<Form>) {
    let page = root.clone();
    delegate(root, "click", move |target| {
        if let Ok(Some(link)) = target.closest(".mce-sections__link") {
            let key = link.get_attribute("data-section").unwrap_or_default();
            let selector = format!("section[data-section=\"{key}\"]");
            if let Ok(Some(section)) = page.query_selector(&selector) {
                section.scroll_into_view();
                if let Some(section) = section.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = section.focus();
                }
            }
        } else if let Ok(Some(toggle)) = target.closest(".mce-item__toggle") {
            form.toggle(&toggle);
        }
    });
}
