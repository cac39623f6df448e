//! The card's fields in the first view, walked from the same form tree as
//! the editor's and given the same markup, ids and `data-path`s, so that
//! when the editor takes over the page does not move under the reader.
//!
//! Text, numbers, choices and checkboxes take input. What only the editor
//! can change safely (a metric's type, raw JSON, a value that may be of
//! several kinds, a map's keys) is shown as it is until the editor arrives.
//! Lists, tables and grids are in `lists.rs`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::lists::{Closed, noun};
use super::page::Dom;
use crate::domain::first_view::{FirstViewEdits, Typed};
use crate::domain::form::node::{FormNode, MapNode, NodeKind, ObjectNode, VariantsNode};
use crate::domain::form::values::{field_id, unknown_keys};
use crate::domain::form::{Widget, choose_widget};
use crate::domain::pointer::JsonPointer;

/// A place in the card, and how the form titles it.
#[derive(Clone, Copy)]
pub(super) struct Place<'a> {
    /// Where it is.
    pub(super) pointer: &'a JsonPointer,
    /// Its form node.
    pub(super) node: &'static FormNode,
    /// Its label.
    pub(super) label: &'a str,
    /// The heading level of its title (a section's is 2).
    pub(super) level: u8,
    /// Its value in the card.
    pub(super) value: Option<&'a Value>,
}

/// Builds fields, and the bodies of closed items when they are opened.
pub(super) struct Form {
    pub(super) dom: Dom,
    edits: Rc<RefCell<FirstViewEdits>>,
    /// Closed items' bodies, by their toggle's id.
    pub(super) closed: RefCell<HashMap<String, Closed>>,
}

pub(super) fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// A value as a text box shows it: strings as they are, nothing as "",
/// anything else as its JSON.
fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// The text a control holds.
pub(super) fn control_text(control: &Element) -> String {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

fn set_text(control: &Element, text: &str) {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(text);
    } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        select.set_value(text);
    }
}

/// Updates the character counter of `control`, if its field has one.
pub(super) fn count(control: &Element, text: &str) {
    let Some(field) = control.closest(".mce-field").ok().flatten() else {
        return;
    };
    let Some(counter) = field.query_selector(".mce-field__counter").ok().flatten() else {
        return;
    };
    let limit = counter.get_attribute("data-limit").unwrap_or_default();
    let used = text.chars().count();
    counter.set_text_content(Some(&format!("{used} / {limit}")));
    let over = limit.parse::<usize>().is_ok_and(|limit| used > limit);
    let _ = counter
        .class_list()
        .toggle_with_force("mce-field__counter--over", over);
}

/// The heading tag for a title at `level` (2 to 6, as in the editor).
fn heading_tag(level: u8) -> String {
    format!("h{}", level.clamp(2, 6))
}

impl Form {
    pub(super) fn new(dom: Dom, edits: Rc<RefCell<FirstViewEdits>>) -> Self {
        Self {
            dom,
            edits,
            closed: RefCell::new(HashMap::new()),
        }
    }

    /// A section's content: its fields, or its items under the section's
    /// own title.
    pub(super) fn section(&self, place: Place, required: bool, parent: &Element) {
        // The section's title is at the place's level; what it holds, below.
        let content = Place {
            level: place.level + 1,
            ..place
        };
        match (choose_widget(place.node), &place.node.kind) {
            (Widget::Fieldset, NodeKind::Object(object)) => {
                self.object_fields(content, object, None, parent);
            }
            (Widget::ItemList, NodeKind::Array(array)) => {
                self.items(content, array, false, parent);
            }
            _ => self.field(content, required, parent),
        }
    }

    /// The field for a place, by the widget the editor uses for it.
    pub(super) fn field(&self, place: Place, required: bool, parent: &Element) {
        match (choose_widget(place.node), &place.node.kind) {
            (Widget::Fieldset, NodeKind::Object(object)) => {
                let group = self.titled("div", "mce-group", place, parent);
                set(&group, "role", "group");
                let inside = Place {
                    level: place.level + 1,
                    ..place
                };
                self.object_fields(inside, object, None, &group);
            }
            (Widget::ItemList, NodeKind::Array(array)) => self.items(place, array, true, parent),
            (Widget::ObjectTable, NodeKind::Array(array)) => self.table(place, array, parent),
            (Widget::TextList | Widget::NumberList, NodeKind::Array(array)) => {
                self.scalar_list(place, array, parent);
            }
            (
                Widget::PointTable | Widget::LabelledNumbers | Widget::NumberGrid,
                NodeKind::Array(array),
            ) => self.grid(place, array, parent),
            (Widget::KeyValueRows, NodeKind::Map(map)) => self.map(place, map, parent),
            (Widget::VariantSwitch, NodeKind::Variants(variants)) => {
                self.variant(place, variants, required, parent);
            }
            (
                widget @ (Widget::TextInput
                | Widget::TextArea
                | Widget::Select
                | Widget::NumberInput
                | Widget::Checkbox),
                _,
            ) => self.leaf(place, widget, required, parent),
            _ => self.as_it_is(place, parent),
        }
    }

    /// Key and value rows; the keys as they are (renaming is the editor's).
    fn map(&self, place: Place, map: &'static MapNode, parent: &Element) {
        let group = self.titled("div", "mce-map", place, parent);
        let rows = self.dom.add("ul", "mce-map__rows", &group);
        let entries = place.value.and_then(Value::as_object).into_iter().flatten();
        for (key, child) in entries {
            let row = self.dom.add("li", "mce-map__row", &rows);
            let key_cell = self.dom.add("div", "mce-map__key", &row);
            self.dom.add_text("code", "", key, &key_cell);
            let value_cell = self.dom.add("div", "mce-map__value", &row);
            let pointer = place.pointer.child(key.clone());
            let entry = Place {
                pointer: &pointer,
                node: &map.values,
                label: key,
                level: place.level + 1,
                value: Some(child),
            };
            self.field(entry, false, &value_cell);
        }
        self.add_button(&noun(place.node, "Entry"), &group);
    }

    /// The shape a value has (a metric's type said, not switchable), and
    /// its fields.
    fn variant(
        &self,
        place: Place,
        variants: &'static VariantsNode,
        required: bool,
        parent: &Element,
    ) {
        let chosen = place.value.and_then(|value| variants.select(value));
        let Some(variant) = chosen.map(|index| &variants.variants[index]) else {
            return self.as_it_is(place, parent);
        };
        let kind = format!("Type: {}", variant.label);
        self.dom.add_text("p", "mce-field__help", &kind, parent);
        let shape = Place {
            node: &variant.node,
            ..place
        };
        match &variant.node.kind {
            NodeKind::Object(object) => {
                let discriminator = variants.discriminator.as_deref();
                self.object_fields(shape, object, discriminator, parent);
            }
            _ => self.field(shape, required, parent),
        }
    }

    /// An object's declared fields (but `skip`), then the keys it has that
    /// the schema does not declare, flagged.
    fn object_fields(
        &self,
        place: Place,
        object: &'static ObjectNode,
        skip: Option<&str>,
        parent: &Element,
    ) {
        for property in &object.properties {
            if property.node.ui.shown_with.is_some() || skip == Some(property.key.as_str()) {
                continue;
            }
            let pointer = place.pointer.child(property.key.clone());
            let label = property.node.label_or(&property.key);
            let field = Place {
                pointer: &pointer,
                node: &property.node,
                label: &label,
                level: place.level,
                value: place.value.and_then(|value| value.get(&property.key)),
            };
            self.field(field, property.required, parent);
        }
        self.unknown_fields(place.pointer, object, place.value, parent);
    }

    /// The keys of an object that the schema does not declare: shown with
    /// their JSON and flagged, as the editor does.
    pub(super) fn unknown_fields(
        &self,
        pointer: &JsonPointer,
        object: &ObjectNode,
        value: Option<&Value>,
        parent: &Element,
    ) {
        for key in unknown_keys(object, value) {
            let unknown = self.dom.add("div", "mce-unknown", parent);
            set(
                &unknown,
                "data-path",
                &pointer.child(key.clone()).to_string(),
            );
            let head = self.dom.add("p", "mce-unknown__head", &unknown);
            let flag = "Unknown field";
            self.dom.add_text("span", "mce-unknown__flag", flag, &head);
            self.dom.text(" ", &head);
            self.dom.add_text("code", "", &key, &head);
            let json = value
                .and_then(|value| value.get(&key))
                .map(Value::to_string);
            let json = json.unwrap_or_default();
            self.dom
                .add_text("pre", "mce-unknown__value", &json, &unknown);
        }
    }

    /// A container carrying `data-path`, with the place's title and help:
    /// a group (`mce-group`) titles itself, a list titles its head.
    pub(super) fn titled(&self, tag: &str, class: &str, place: Place, parent: &Element) -> Element {
        let group = class == "mce-group";
        let container = self.dom.add(tag, class, parent);
        let path = place.pointer.to_string();
        let id = field_id(&path);
        container.set_id(&id);
        set(&container, "data-path", &path);
        let (head, title_class, help_class) = if group {
            (container.clone(), "mce-group__title", "mce-group__help")
        } else {
            let head = self.dom.add("div", "mce-list__head", &container);
            (head, "mce-list__title", "mce-field__help")
        };
        let title = self
            .dom
            .add_text(&heading_tag(place.level), title_class, place.label, &head);
        title.set_id(&format!("{id}-heading"));
        set(&container, "aria-labelledby", &format!("{id}-heading"));
        if let Some(help) = place.node.help() {
            self.dom.add_text("p", help_class, help, &container);
        }
        container
    }

    /// A value shown as its JSON until the editor, which edits it, arrives.
    pub(super) fn as_it_is(&self, place: Place, parent: &Element) {
        let field = self.dom.add("div", "mce-field", parent);
        self.dom
            .add_text("p", "mce-field__label", place.label, &field);
        if let Some(help) = place.node.help() {
            self.dom.add_text("p", "mce-field__help", help, &field);
        }
        let json = place
            .value
            .map(|value| serde_json::to_string_pretty(value).unwrap_or_default())
            .unwrap_or_default();
        let shown = self
            .dom
            .add_text("pre", "mce-first-view__value", &json, &field);
        set(&shown, "data-path", &place.pointer.to_string());
    }

    /// A labelled text box, choice or checkbox, with its help, counter and
    /// message list, as the editor frames it.
    fn leaf(&self, place: Place, widget: Widget, required: bool, parent: &Element) {
        let id = field_id(&place.pointer.to_string());
        let checkbox = widget == Widget::Checkbox;
        let (field_class, top_class) = if checkbox {
            ("mce-field mce-field--checkbox", "mce-field__check")
        } else {
            ("mce-field", "mce-field__top")
        };
        let field = self.dom.add("div", field_class, parent);
        let top = self.dom.add("div", top_class, &field);
        let label = self.dom.add("label", "mce-field__label", &top);
        set(&label, "for", &id);
        self.dom.text(place.label, &label);
        if required && !checkbox {
            let mark = self
                .dom
                .add_text("span", "mce-field__required", " *", &label);
            set(&mark, "aria-hidden", "true");
        }
        let limit = match &place.node.kind {
            NodeKind::Text(text) if widget != Widget::Select => text.max_length,
            _ => None,
        };
        let mut described = Vec::new();
        if let Some(help) = place.node.help() {
            let help_element = self.dom.add_text("p", "mce-field__help", help, &field);
            help_element.set_id(&format!("{id}-help"));
            described.push(format!("{id}-help"));
        }
        if let Some(limit) = limit {
            let counter = self.dom.add("span", "mce-field__counter", &top);
            counter.set_id(&format!("{id}-counter"));
            set(&counter, "data-limit", &limit.to_string());
            described.push(format!("{id}-counter"));
        }
        described.push(format!("{id}-messages"));
        // A checkbox comes before its label, as in the editor.
        let control = if checkbox {
            let control = self.control(place, widget, required, &top);
            let _ = top.insert_before(&control, Some(&label));
            control
        } else {
            self.control(place, widget, required, &field)
        };
        set(&control, "aria-describedby", &described.join(" "));
        if limit.is_some() {
            count(&control, &control_text(&control));
        }
        let messages = self.dom.add("ul", "mce-messages", &field);
        messages.set_id(&format!("{id}-messages"));
    }

    /// The control itself, holding what was typed into it before a reload,
    /// or the card's value.
    pub(super) fn control(
        &self,
        place: Place,
        widget: Widget,
        required: bool,
        parent: &Element,
    ) -> Element {
        let path = place.pointer.to_string();
        let (typed, turn) = {
            let edits = self.edits.borrow();
            let turn = edits.edits.iter().position(|(edited, _)| *edited == path);
            (edits.get(&path).cloned(), turn)
        };
        let control = match widget {
            Widget::Checkbox => {
                let input: HtmlInputElement = self
                    .dom
                    .add("input", "mce-checkbox", parent)
                    .unchecked_into();
                input.set_type("checkbox");
                input.set_checked(match &typed {
                    Some(Typed::Checked(checked)) => *checked,
                    _ => place.value == Some(&Value::Bool(true)),
                });
                input.unchecked_into()
            }
            Widget::Select => self.select(place, required, parent),
            Widget::TextArea => {
                let area = self
                    .dom
                    .add("textarea", "mce-input mce-input--multiline", parent);
                set(&area, "rows", "3");
                let area: HtmlTextAreaElement = area.unchecked_into();
                area.set_value(&shown(place.value));
                area.unchecked_into()
            }
            _ => {
                let number = widget == Widget::NumberInput;
                let class = if number {
                    "mce-input mce-input--number"
                } else {
                    "mce-input"
                };
                let input: HtmlInputElement = self.dom.add("input", class, parent).unchecked_into();
                input.set_type("text");
                if number {
                    set(&input, "inputmode", "decimal");
                }
                input.set_value(&shown(place.value));
                input.unchecked_into()
            }
        };
        control.set_id(&field_id(&path));
        set(&control, "data-path", &path);
        if widget != Widget::Checkbox {
            set(
                &control,
                "aria-required",
                if required { "true" } else { "false" },
            );
        }
        if let Some(placeholder) = &place.node.ui.placeholder {
            set(&control, "placeholder", placeholder);
        }
        if let Some(Typed::Text(text)) = &typed {
            set_text(&control, text);
        }
        if let Some(turn) = turn {
            set(&control, "data-edited", &turn.to_string());
        }
        control
    }

    /// A choice among the schema's strings; a value the schema does not
    /// allow still shows, flagged, as in the editor.
    fn select(&self, place: Place, required: bool, parent: &Element) -> Element {
        let select = self
            .dom
            .add("select", "mce-input mce-input--select", parent);
        let nothing = if required { "Choose…" } else { "Not set" };
        let empty = self.dom.add_text("option", "", nothing, &select);
        set(&empty, "value", "");
        let current = shown(place.value);
        let options = match &place.node.kind {
            NodeKind::Text(text) => text.options.clone().unwrap_or_default(),
            _ => Vec::new(),
        };
        if !current.is_empty() && !options.contains(&current) {
            let stray = format!("{current} (not allowed)");
            let stray = self.dom.add_text("option", "", &stray, &select);
            set(&stray, "value", &current);
        }
        for option in &options {
            let element = self.dom.add_text("option", "", option, &select);
            set(&element, "value", option);
        }
        let select: HtmlSelectElement = select.unchecked_into();
        select.set_value(&current);
        select.unchecked_into()
    }
}
