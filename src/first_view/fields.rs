//! The card's fields in the first view, walked from the same form tree as
//! the editor's and given the same markup, ids and `data-path`s, so that
//! when the editor takes over the page does not move under the reader.
//!
//! Text, numbers, choices and checkboxes take input. What only the editor
//! can change safely (a metric's type, raw JSON, a value that may be of
//! several kinds, a map's keys) is shown as it is until the editor arrives.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::page::Dom;
use crate::domain::first_view::{FirstViewEdits, Typed};
use crate::domain::form::node::{ArrayNode, FormNode, NodeKind, ObjectNode};
use crate::domain::form::values::{field_id, limit_text, summary_of, unknown_keys};
use crate::domain::form::{Widget, choose_widget};
use crate::domain::pointer::JsonPointer;

/// Items shown before "more" (the editor's page size).
const PAGE: usize = 50;

/// Lists longer than this start with their items closed, as in the editor.
const COLLAPSE_BEYOND: usize = 10;

/// An item's body not built yet: built when the item is opened.
struct Closed {
    pointer: JsonPointer,
    node: &'static FormNode,
    name: String,
    level: u8,
    value: Option<Value>,
}

/// Builds fields, and the bodies of closed items when they are opened.
pub(super) struct Form {
    pub(super) dom: Dom,
    edits: Rc<RefCell<FirstViewEdits>>,
    closed: RefCell<HashMap<String, Closed>>,
}

fn set(element: &Element, name: &str, value: &str) {
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

/// Updates the character counter of `control`, if it has one.
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
    pub(super) fn section(
        &self,
        pointer: &JsonPointer,
        node: &'static FormNode,
        label: &str,
        required: bool,
        value: Option<&Value>,
        parent: &Element,
    ) {
        match (choose_widget(node), &node.kind) {
            (Widget::Fieldset, NodeKind::Object(object)) => {
                self.object_fields(pointer, object, 3, value, None, parent);
            }
            (Widget::ItemList, NodeKind::Array(array)) => {
                self.items(pointer, node, array, label, 3, false, value, parent);
            }
            _ => self.field(pointer, node, label, required, 3, value, parent),
        }
    }

    /// The field for `node`, by the widget the editor uses for it.
    #[allow(clippy::too_many_arguments)]
    fn field(
        &self,
        pointer: &JsonPointer,
        node: &'static FormNode,
        label: &str,
        required: bool,
        level: u8,
        value: Option<&Value>,
        parent: &Element,
    ) {
        match (choose_widget(node), &node.kind) {
            (Widget::Fieldset, NodeKind::Object(object)) => {
                let group = self.titled("div", "mce-group", pointer, node, label, level, parent);
                set(&group, "role", "group");
                self.object_fields(pointer, object, level + 1, value, None, &group);
            }
            (Widget::ItemList, NodeKind::Array(array)) => {
                self.items(pointer, node, array, label, level, true, value, parent);
            }
            (Widget::ObjectTable, NodeKind::Array(array)) => {
                self.table(pointer, node, array, label, level, value, parent);
            }
            (Widget::TextList | Widget::NumberList, NodeKind::Array(array)) => {
                self.scalar_list(pointer, node, array, label, level, value, parent);
            }
            (
                Widget::PointTable | Widget::LabelledNumbers | Widget::NumberGrid,
                NodeKind::Array(array),
            ) => self.grid(pointer, node, array, label, level, value, parent),
            (Widget::KeyValueRows, NodeKind::Map(map)) => {
                let group = self.titled("div", "mce-map", pointer, node, label, level, parent);
                let rows = self.dom.add("ul", "mce-map__rows", &group);
                for (key, child) in value.and_then(Value::as_object).into_iter().flatten() {
                    let row = self.dom.add("li", "mce-map__row", &rows);
                    let key_cell = self.dom.add("div", "mce-map__key", &row);
                    self.dom.add_text("code", "", key, &key_cell);
                    let value_cell = self.dom.add("div", "mce-map__value", &row);
                    let at = pointer.child(key.clone());
                    self.field(
                        &at,
                        &map.values,
                        key,
                        false,
                        level + 1,
                        Some(child),
                        &value_cell,
                    );
                }
                let noun = node
                    .ui
                    .item_label
                    .clone()
                    .unwrap_or_else(|| "Entry".to_owned());
                self.add_button(&noun, &group);
            }
            (Widget::VariantSwitch, NodeKind::Variants(variants)) => {
                let chosen = value.and_then(|value| variants.select(value));
                let Some(variant) = chosen.map(|index| &variants.variants[index]) else {
                    return self.as_it_is(pointer, node, label, value, parent);
                };
                self.dom.add_text(
                    "p",
                    "mce-field__help",
                    &format!("Type: {}", variant.label),
                    parent,
                );
                match &variant.node.kind {
                    NodeKind::Object(object) => {
                        let skip = variants.discriminator.as_deref();
                        self.object_fields(pointer, object, level, value, skip, parent);
                    }
                    _ => self.field(
                        pointer,
                        &variant.node,
                        label,
                        required,
                        level,
                        value,
                        parent,
                    ),
                }
            }
            (
                widget @ (Widget::TextInput
                | Widget::TextArea
                | Widget::Select
                | Widget::NumberInput
                | Widget::Checkbox),
                _,
            ) => self.leaf(pointer, node, widget, label, required, value, parent),
            _ => self.as_it_is(pointer, node, label, value, parent),
        }
    }

    /// An object's declared fields, then the keys it has that the schema
    /// does not declare, flagged.
    fn object_fields(
        &self,
        pointer: &JsonPointer,
        object: &'static ObjectNode,
        level: u8,
        value: Option<&Value>,
        skip: Option<&str>,
        parent: &Element,
    ) {
        for property in &object.properties {
            if property.node.ui.shown_with.is_some() || skip == Some(property.key.as_str()) {
                continue;
            }
            let at = pointer.child(property.key.clone());
            let label = property.node.label_or(&property.key);
            let child = value.and_then(|value| value.get(&property.key));
            self.field(
                &at,
                &property.node,
                &label,
                property.required,
                level,
                child,
                parent,
            );
        }
        self.unknown_fields(pointer, object, value, parent);
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
            let at = pointer.child(key.clone());
            let unknown = self.dom.add("div", "mce-unknown", parent);
            set(&unknown, "data-path", &at.to_string());
            let head = self.dom.add("p", "mce-unknown__head", &unknown);
            self.dom
                .add_text("span", "mce-unknown__flag", "Unknown field", &head);
            self.dom.text(" ", &head);
            self.dom.add_text("code", "", &key, &head);
            let text = value
                .and_then(|value| value.get(&key))
                .map(Value::to_string);
            let text = text.unwrap_or_default();
            self.dom
                .add_text("pre", "mce-unknown__value", &text, &unknown);
        }
    }

    /// A container carrying `data-path`, with a title at `level` and help.
    #[allow(clippy::too_many_arguments)]
    fn titled(
        &self,
        tag: &str,
        class: &str,
        pointer: &JsonPointer,
        node: &FormNode,
        label: &str,
        level: u8,
        parent: &Element,
    ) -> Element {
        let container = self.dom.add(tag, class, parent);
        let id = field_id(&pointer.to_string());
        container.set_id(&id);
        set(&container, "data-path", &pointer.to_string());
        let title_class = if class == "mce-group" {
            "mce-group__title"
        } else {
            "mce-list__title"
        };
        let head = if class == "mce-group" {
            container.clone()
        } else {
            self.dom.add("div", "mce-list__head", &container)
        };
        let title = self
            .dom
            .add_text(&heading_tag(level), title_class, label, &head);
        title.set_id(&format!("{id}-heading"));
        set(&container, "aria-labelledby", &format!("{id}-heading"));
        if let Some(help) = node.help() {
            let class = if class == "mce-group" {
                "mce-group__help"
            } else {
                "mce-field__help"
            };
            self.dom.add_text("p", class, help, &container);
        }
        container
    }

    /// A list of items, each a titled, collapsible group.
    #[allow(clippy::too_many_arguments)]
    fn items(
        &self,
        pointer: &JsonPointer,
        node: &'static FormNode,
        array: &'static ArrayNode,
        label: &str,
        level: u8,
        own_title: bool,
        value: Option<&Value>,
        parent: &Element,
    ) {
        let values = value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let list = if own_title {
            self.titled("div", "mce-items", pointer, node, label, level, parent)
        } else {
            let list = self.dom.add("div", "mce-items", parent);
            set(&list, "data-path", &pointer.to_string());
            self.dom.add("div", "mce-list__head", &list);
            list
        };
        let head = list
            .query_selector(".mce-list__head")
            .ok()
            .flatten()
            .unwrap_or_else(|| list.clone());
        self.dom.add_text(
            "span",
            "mce-list__limit",
            &limit_text(values.len(), array),
            &head,
        );
        let noun = node
            .ui
            .item_label
            .clone()
            .unwrap_or_else(|| "Item".to_owned());
        let collapsed = node.ui.collapsed.unwrap_or(false) || values.len() > COLLAPSE_BEYOND;
        let item_level = if own_title { level + 1 } else { level };
        let ordered = self.dom.add("ol", "mce-items__list", &list);
        for (index, item) in values.iter().enumerate().take(PAGE) {
            let at = pointer.child(index.to_string());
            let id = field_id(&at.to_string());
            let name = format!("{noun} {}", index + 1);
            let entry = self.dom.add("li", "mce-item", &ordered);
            set(&entry, "data-path", &at.to_string());
            let head = self.dom.add("div", "mce-item__head", &entry);
            let toggle = self.dom.add("button", "mce-item__toggle", &head);
            toggle.set_id(&format!("{id}-toggle"));
            set(&toggle, "type", "button");
            set(
                &toggle,
                "aria-expanded",
                if collapsed { "false" } else { "true" },
            );
            set(&toggle, "aria-controls", &format!("{id}-body"));
            let chevron = self.dom.add_text(
                "span",
                "mce-item__chevron",
                if collapsed { "▸" } else { "▾" },
                &toggle,
            );
            set(&chevron, "aria-hidden", "true");
            self.dom.add_text("span", "mce-item__name", &name, &toggle);
            self.dom.add_text(
                "span",
                "mce-item__summary",
                &summary_of(&array.items, Some(item)),
                &toggle,
            );
            let body = self.dom.add("div", "mce-item__body", &entry);
            body.set_id(&format!("{id}-body"));
            if collapsed {
                set(&body, "hidden", "");
                let closed = Closed {
                    pointer: at,
                    node: &array.items,
                    name,
                    level: item_level,
                    value: Some(item.clone()),
                };
                self.closed.borrow_mut().insert(toggle.id(), closed);
            } else {
                self.field(
                    &at,
                    &array.items,
                    &name,
                    false,
                    item_level,
                    Some(item),
                    &body,
                );
            }
        }
        if values.len() > PAGE {
            let more = values.len() - PAGE;
            let text = format!(
                "{more} more {} show once the editor has loaded.",
                if more == 1 { "item" } else { "items" }
            );
            self.dom.add_text("p", "mce-items__more", &text, &list);
        }
        self.add_button(&noun, &list);
    }

    /// Opens or closes the item of `toggle`, building its body the first
    /// time it opens.
    pub(super) fn toggle(&self, toggle: &Element) {
        let open = toggle.get_attribute("aria-expanded").as_deref() != Some("true");
        set(toggle, "aria-expanded", if open { "true" } else { "false" });
        if let Ok(Some(chevron)) = toggle.query_selector(".mce-item__chevron") {
            chevron.set_text_content(Some(if open { "▾" } else { "▸" }));
        }
        let body_id = toggle.get_attribute("aria-controls").unwrap_or_default();
        let Some(body) = self.dom.document.get_element_by_id(&body_id) else {
            return;
        };
        if open {
            let closed = self.closed.borrow_mut().remove(&toggle.id());
            if let Some(closed) = closed {
                self.field(
                    &closed.pointer,
                    closed.node,
                    &closed.name,
                    false,
                    closed.level,
                    closed.value.as_ref(),
                    &body,
                );
            }
            let _ = body.remove_attribute("hidden");
        } else {
            set(&body, "hidden", "");
        }
    }

    /// Objects of a few plain fields as a table, a row per item.
    #[allow(clippy::too_many_arguments)]
    fn table(
        &self,
        pointer: &JsonPointer,
        node: &'static FormNode,
        array: &'static ArrayNode,
        label: &str,
        level: u8,
        value: Option<&Value>,
        parent: &Element,
    ) {
        let NodeKind::Object(object) = &array.items.kind else {
            return self.as_it_is(pointer, node, label, value, parent);
        };
        let values = value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let field = self.titled(
            "div",
            "mce-table-field",
            pointer,
            node,
            label,
            level,
            parent,
        );
        self.limit(&field, values.len(), array);
        let id = field_id(&pointer.to_string());
        let scroll = self.dom.add("div", "mce-table-scroll", &field);
        let table = self.dom.add("table", "mce-table", &scroll);
        set(&table, "aria-labelledby", &format!("{id}-heading"));
        let head_row = self.dom.add("tr", "", &self.dom.add("thead", "", &table));
        self.dom.add_text("th", "mce-table__index", "#", &head_row);
        for property in &object.properties {
            let header =
                self.dom
                    .add_text("th", "", &property.node.label_or(&property.key), &head_row);
            header.set_id(&format!("{id}-col-{}", property.key));
            set(&header, "scope", "col");
        }
        let body = self.dom.add("tbody", "", &table);
        for (index, item) in values.iter().enumerate().take(PAGE) {
            let row = self.dom.add("tr", "", &body);
            let number =
                self.dom
                    .add_text("th", "mce-table__index", &(index + 1).to_string(), &row);
            set(&number, "scope", "row");
            let at = pointer.child(index.to_string());
            for property in &object.properties {
                let cell = self.dom.add("td", "", &row);
                let at = at.child(property.key.clone());
                let widget = choose_widget(&property.node);
                let control = self.control(
                    &at,
                    &property.node,
                    widget,
                    property.required,
                    item.get(&property.key),
                    &cell,
                );
                set(
                    &control,
                    "aria-labelledby",
                    &format!("{id}-col-{}", property.key),
                );
            }
        }
        if values.len() > PAGE {
            let more = values.len() - PAGE;
            let text = format!("{more} more rows show once the editor has loaded.");
            self.dom.add_text("p", "mce-items__more", &text, &field);
        }
        let noun = node
            .ui
            .item_label
            .clone()
            .unwrap_or_else(|| "Item".to_owned());
        self.add_button(&noun, &field);
    }

    /// One-line texts or numbers, a labelled text box each.
    #[allow(clippy::too_many_arguments)]
    fn scalar_list(
        &self,
        pointer: &JsonPointer,
        node: &'static FormNode,
        array: &'static ArrayNode,
        label: &str,
        level: u8,
        value: Option<&Value>,
        parent: &Element,
    ) {
        let values = value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let list = self.titled("div", "mce-list", pointer, node, label, level, parent);
        self.limit(&list, values.len(), array);
        let noun = node
            .ui
            .item_label
            .clone()
            .unwrap_or_else(|| "Item".to_owned());
        let rows = self.dom.add("ol", "mce-list__rows", &list);
        let widget = match choose_widget(&array.items) {
            Widget::NumberInput => Widget::NumberInput,
            _ => Widget::TextInput,
        };
        for (index, item) in values.iter().enumerate() {
            let at = pointer.child(index.to_string());
            let row = self.dom.add("li", "mce-list__row", &rows);
            let name = self.dom.add_text(
                "label",
                "mce-list__label",
                &format!("{noun} {}", index + 1),
                &row,
            );
            set(&name, "for", &field_id(&at.to_string()));
            let cell = self.dom.add("div", "mce-list__control", &row);
            self.control(&at, &array.items, widget, false, Some(item), &cell);
        }
        self.add_button(&noun, &list);
    }

    /// Rows of numbers (points, bars, a matrix): a table, a text box per
    /// number.
    #[allow(clippy::too_many_arguments)]
    fn grid(
        &self,
        pointer: &JsonPointer,
        node: &'static FormNode,
        array: &'static ArrayNode,
        label: &str,
        level: u8,
        value: Option<&Value>,
        parent: &Element,
    ) {
        let values = value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let field = self.titled(
            "div",
            "mce-table-field",
            pointer,
            node,
            label,
            level,
            parent,
        );
        self.limit(&field, values.len(), array);
        let scroll = self.dom.add("div", "mce-table-scroll", &field);
        let table = self.dom.add("table", "mce-table", &scroll);
        let body = self.dom.add("tbody", "", &table);
        for (index, item) in values.iter().enumerate() {
            let row = self.dom.add("tr", "", &body);
            let number =
                self.dom
                    .add_text("th", "mce-table__index", &(index + 1).to_string(), &row);
            set(&number, "scope", "row");
            let at = pointer.child(index.to_string());
            let cells = match (&array.items.kind, item) {
                (NodeKind::Array(row_node), Value::Array(cells)) => cells
                    .iter()
                    .enumerate()
                    .map(|(column, cell)| (at.child(column.to_string()), &*row_node.items, cell))
                    .collect(),
                _ => vec![(at, &*array.items, item)],
            };
            for (column, (at, cell_node, cell)) in cells.into_iter().enumerate() {
                let td = self.dom.add("td", "mce-grid__cell", &row);
                let control =
                    self.control(&at, cell_node, Widget::NumberInput, false, Some(cell), &td);
                let name = format!("{label}, row {}, value {}", index + 1, column + 1);
                set(&control, "aria-label", &name);
            }
        }
    }

    /// Where the editor's "Add" is: shown, and said to come with the editor.
    fn add_button(&self, noun: &str, parent: &Element) {
        let add = self.dom.add_text(
            "button",
            "mce-button mce-button--add",
            &format!("Add {}", noun.to_lowercase()),
            parent,
        );
        set(&add, "type", "button");
        set(&add, "disabled", "");
        set(&add, "title", "Available once the editor has loaded");
    }

    fn limit(&self, field: &Element, count: usize, array: &ArrayNode) {
        let head = field
            .query_selector(".mce-list__head")
            .ok()
            .flatten()
            .unwrap_or_else(|| field.clone());
        self.dom
            .add_text("span", "mce-list__limit", &limit_text(count, array), &head);
    }

    /// A value shown as its JSON until the editor, which edits it, arrives.
    fn as_it_is(
        &self,
        pointer: &JsonPointer,
        node: &FormNode,
        label: &str,
        value: Option<&Value>,
        parent: &Element,
    ) {
        let field = self.dom.add("div", "mce-field", parent);
        self.dom.add_text("p", "mce-field__label", label, &field);
        if let Some(help) = node.help() {
            self.dom.add_text("p", "mce-field__help", help, &field);
        }
        let text = value
            .map(|value| serde_json::to_string_pretty(value).unwrap_or_default())
            .unwrap_or_default();
        let shown = self
            .dom
            .add_text("pre", "mce-first-view__value", &text, &field);
        set(&shown, "data-path", &pointer.to_string());
    }

    /// A labelled text box, choice or checkbox, with its help, counter and
    /// message list, as the editor frames it.
    #[allow(clippy::too_many_arguments)]
    fn leaf(
        &self,
        pointer: &JsonPointer,
        node: &FormNode,
        widget: Widget,
        label: &str,
        required: bool,
        value: Option<&Value>,
        parent: &Element,
    ) {
        let id = field_id(&pointer.to_string());
        let checkbox = widget == Widget::Checkbox;
        let field = self.dom.add(
            "div",
            if checkbox {
                "mce-field mce-field--checkbox"
            } else {
                "mce-field"
            },
            parent,
        );
        let top = self.dom.add(
            "div",
            if checkbox {
                "mce-field__check"
            } else {
                "mce-field__top"
            },
            &field,
        );
        let control_parent = if checkbox { top.clone() } else { field.clone() };
        let label_element = self.dom.add("label", "mce-field__label", &top);
        set(&label_element, "for", &id);
        self.dom.text(label, &label_element);
        if required && !checkbox {
            let mark = self
                .dom
                .add_text("span", "mce-field__required", " *", &label_element);
            set(&mark, "aria-hidden", "true");
        }
        let limit = match &node.kind {
            NodeKind::Text(text) if widget != Widget::Select => text.max_length,
            _ => None,
        };
        let mut described = Vec::new();
        if let Some(limit) = limit {
            let counter = self.dom.add("span", "mce-field__counter", &top);
            counter.set_id(&format!("{id}-counter"));
            set(&counter, "data-limit", &limit.to_string());
            described.push(format!("{id}-counter"));
        }
        if let Some(help) = node.help() {
            let help_element = self.dom.add_text("p", "mce-field__help", help, &field);
            help_element.set_id(&format!("{id}-help"));
            described.insert(0, format!("{id}-help"));
        }
        if checkbox {
            // The checkbox comes before its label, as in the editor.
            let control = self.control(pointer, node, widget, required, value, &control_parent);
            let _ = top.insert_before(&control, Some(&label_element));
            self.describe(&control, &id, described);
        } else {
            let control = self.control(pointer, node, widget, required, value, &control_parent);
            self.describe(&control, &id, described);
            if limit.is_some() {
                count(&control, &control_text(&control));
            }
        }
        let messages = self.dom.add("ul", "mce-messages", &field);
        messages.set_id(&format!("{id}-messages"));
    }

    fn describe(&self, control: &Element, id: &str, mut described: Vec<String>) {
        described.push(format!("{id}-messages"));
        set(control, "aria-describedby", &described.join(" "));
    }

    /// The control itself, holding what was typed into it before a reload,
    /// or the card's value.
    fn control(
        &self,
        pointer: &JsonPointer,
        node: &FormNode,
        widget: Widget,
        required: bool,
        value: Option<&Value>,
        parent: &Element,
    ) -> Element {
        let path = pointer.to_string();
        let (typed, turn) = {
            let edits = self.edits.borrow();
            let turn = edits.edits.iter().position(|(edited, _)| *edited == path);
            (edits.get(&path).cloned(), turn)
        };
        let control: Element = match widget {
            Widget::Checkbox => {
                let input: HtmlInputElement = self
                    .dom
                    .add("input", "mce-checkbox", parent)
                    .unchecked_into();
                input.set_type("checkbox");
                input.set_checked(match &typed {
                    Some(Typed::Checked(checked)) => *checked,
                    _ => value == Some(&Value::Bool(true)),
                });
                input.unchecked_into()
            }
            Widget::Select => {
                let select = self
                    .dom
                    .add("select", "mce-input mce-input--select", parent);
                let empty = self.dom.add_text(
                    "option",
                    "",
                    if required { "Choose…" } else { "Not set" },
                    &select,
                );
                set(&empty, "value", "");
                let current = shown(value);
                let options = match &node.kind {
                    NodeKind::Text(text) => text.options.clone().unwrap_or_default(),
                    _ => Vec::new(),
                };
                if !current.is_empty() && !options.contains(&current) {
                    let stray = self.dom.add_text(
                        "option",
                        "",
                        &format!("{current} (not allowed)"),
                        &select,
                    );
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
            Widget::TextArea => {
                let area = self
                    .dom
                    .add("textarea", "mce-input mce-input--multiline", parent);
                set(&area, "rows", "3");
                let area: HtmlTextAreaElement = area.unchecked_into();
                area.set_value(&shown(value));
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
                    let _ = input.set_attribute("inputmode", "decimal");
                }
                input.set_value(&shown(value));
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
        if let Some(placeholder) = &node.ui.placeholder {
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

/// The heading tag for a title at `level` (2 to 6, as in the editor).
fn heading_tag(level: u8) -> String {
    format!("h{}", level.clamp(2, 6))
}
