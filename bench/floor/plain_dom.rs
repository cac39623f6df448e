//! First-view floor, the card form without a framework: what
//! `floor_card_form` does (the card through the importer, the form walked
//! from the bundled schema, every value one labelled text box or checkbox
//! carrying `data-path`, each edit through [`CardDocument`] with its undo
//! history and saved as a draft), with the page built by `web_sys` calls
//! instead of Leptos. Set beside that probe, it says how much of the floor
//! is the framework.
//!
//! Not a product: `scripts/first-view-floor.mjs` builds it like the app and
//! prints its download next to the app's (README › Performance).

#[cfg(target_arch = "wasm32")]
#[path = "linked_card.rs"]
mod linked_card;

#[cfg(target_arch = "wasm32")]
mod floor {
    use std::cell::RefCell;
    use std::rc::Rc;

    use model_card_editor::domain::document::{CardDocument, Coalesce, Edit};
    use model_card_editor::domain::drafts::{self, CardSource, Draft};
    use model_card_editor::domain::form::{FormNode, NodeKind, card_form};
    use model_card_editor::domain::import::import_bytes;
    use model_card_editor::domain::pointer::JsonPointer;
    use serde_json::Value;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Document, Element, HtmlInputElement};

    use super::linked_card::fetch_card;

    /// The card being edited and the card as loaded (for the draft).
    struct Card {
        document: CardDocument,
        loaded: Value,
    }

    type SharedCard = Rc<RefCell<Card>>;

    fn set(card: &SharedCard, pointer: JsonPointer, value: Value) {
        let now = js_sys::Date::now();
        let mut card = card.borrow_mut();
        let _ = card
            .document
            .apply(Edit::Set { pointer, value }, Coalesce::Typing, now);
        let draft = Draft {
            version: drafts::DRAFT_VERSION,
            source: CardSource::Link("floor".into()),
            saved_at_ms: now,
            source_fingerprint: drafts::fingerprint(&card.loaded),
            source_card: card.loaded.clone(),
            arn: None,
            status: None,
            card: card.document.root().clone(),
            indent: None,
            trailing_newline: true,
            place: Default::default(),
            registry_base: None,
            to_fill: Vec::new(),
            history: card.document.history_snapshot(drafts::HISTORY_BUDGET),
            lineage: drafts::Lineage::default(),
            entries: Vec::new(),
        };
        if let Some(Ok(Some(storage))) = web_sys::window().map(|window| window.local_storage()) {
            let _ = storage.set_item(&draft.source.storage_key(), &drafts::encode(&draft));
        }
    }

    /// The page being built, and the card its controls edit.
    struct Page {
        document: Document,
        card: SharedCard,
    }

    impl Page {
        fn element(&self, tag: &str, parent: &Element) -> Element {
            let element = self.document.create_element(tag).expect("a known tag");
            let _ = parent.append_child(&element);
            element
        }

        fn text(&self, text: &str, parent: &Element) {
            let _ = parent.append_child(&self.document.create_text_node(text));
        }

        /// A titled group of fields, carrying `data-path`.
        fn group(&self, label: &str, path: &str, parent: &Element) -> Element {
            let fieldset = self.element("fieldset", parent);
            let _ = fieldset.set_attribute("data-path", path);
            let legend = self.element("legend", &fieldset);
            self.text(label, &legend);
            fieldset
        }

        /// A labelled control carrying `data-path`; `read` turns the
        /// control into the value each edit sets.
        fn control(
            &self,
            label: &str,
            at: JsonPointer,
            parent: &Element,
            checkbox: bool,
            read: fn(&HtmlInputElement) -> Value,
        ) -> HtmlInputElement {
            let wrapper = self.element("label", parent);
            self.text(label, &wrapper);
            let input: HtmlInputElement = self.element("input", &wrapper).unchecked_into();
            let _ = input.set_attribute("data-path", &at.to_string());
            if checkbox {
                input.set_type("checkbox");
            }
            let card = Rc::clone(&self.card);
            let target = input.clone();
            let on_edit = Closure::<dyn FnMut()>::new(move || {
                set(&card, at.clone(), read(&target));
            });
            let event = if checkbox { "change" } else { "input" };
            let _ = input.add_event_listener_with_callback(event, on_edit.as_ref().unchecked_ref());
            on_edit.forget();
            input
        }

        fn field(
            &self,
            node: &'static FormNode,
            key: &str,
            at: JsonPointer,
            value: Option<&Value>,
            parent: &Element,
        ) {
            let label = node.label_or(key);
            match &node.kind {
                NodeKind::Object(object) => {
                    let group = self.group(&label, &at.to_string(), parent);
                    for property in &object.properties {
                        let child = value.and_then(|value| value.get(&property.key));
                        let at = at.child(property.key.clone());
                        self.field(&property.node, &property.key, at, child, &group);
                    }
                }
                NodeKind::Map(map) => {
                    let group = self.group(&label, &at.to_string(), parent);
                    for (key, child) in value.and_then(Value::as_object).into_iter().flatten() {
                        self.field(&map.values, key, at.child(key.clone()), Some(child), &group);
                    }
                }
                NodeKind::Array(array) => {
                    let section = self.element("section", parent);
                    let _ = section.set_attribute("data-path", &at.to_string());
                    let heading = self.element("h3", &section);
                    self.text(&label, &heading);
                    let list = self.element("ol", &section);
                    for (index, item) in value
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .enumerate()
                    {
                        let row = self.element("li", &list);
                        let key = index.to_string();
                        self.field(&array.items, &key, at.child(key.clone()), Some(item), &row);
                    }
                }
                NodeKind::Variants(variants) => {
                    let chosen = value.and_then(|value| variants.select(value)).unwrap_or(0);
                    self.field(&variants.variants[chosen].node, key, at, value, parent);
                }
                NodeKind::Boolean => {
                    let input = self.control(&label, at, parent, true, |input| {
                        Value::Bool(input.checked())
                    });
                    input.set_checked(value.and_then(Value::as_bool).unwrap_or(false));
                }
                NodeKind::Text(_) | NodeKind::Any => {
                    let input = self.control(&label, at, parent, false, |input| {
                        Value::String(input.value())
                    });
                    input.set_value(&shown(value));
                }
                NodeKind::Number(_) => {
                    let input = self.control(&label, at, parent, false, |input| {
                        let text = input.value();
                        serde_json::from_str(&text).unwrap_or(Value::String(text))
                    });
                    input.set_value(&shown(value));
                }
            }
        }
    }

    /// A value as its text box shows it.
    fn shown(value: Option<&Value>) -> String {
        match value {
            Some(Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        }
    }

    /// Shows the card named by `?card=`, or why not.
    pub(super) fn start() {
        console_error_panic_hook::set_once();
        wasm_bindgen_futures::spawn_local(async {
            let Some(document) = web_sys::window().and_then(|window| window.document()) else {
                return;
            };
            let Some(body) = document.body() else { return };
            let main = document.create_element("main").expect("a known tag");
            let _ = body.append_child(&main);
            let imported = match fetch_card().await {
                Ok(bytes) => import_bytes(&bytes).map_err(|error| error.to_string()),
                Err(error) => Err(error),
            };
            match imported {
                Ok(imported) => {
                    let page = Page {
                        document,
                        card: Rc::new(RefCell::new(Card {
                            document: CardDocument::new(imported.card.clone()),
                            loaded: imported.card.clone(),
                        })),
                    };
                    let root = JsonPointer::root();
                    page.field(&card_form().root, "", root, Some(&imported.card), &main);
                }
                Err(message) => {
                    let _ = main.set_attribute("role", "alert");
                    main.set_text_content(Some(&message));
                }
            }
        });
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    floor::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("a browser-only size probe: scripts/first-view-floor.mjs builds it");
}
