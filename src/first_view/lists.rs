//! Lists in the first view: collapsible items, tables of objects, lists of
//! texts or numbers, and grids of numbers, with the editor's markup. Adding
//! and removing items is the editor's: its "Add" shows, disabled, saying so.

use serde_json::Value;
use web_sys::Element;

use super::fields::{Form, Place, set};
use crate::domain::form::node::{ArrayNode, FormNode, NodeKind};
use crate::domain::form::values::{field_id, limit_text, summary_of};
use crate::domain::form::{Widget, choose_widget};
use crate::domain::pointer::JsonPointer;

/// Items or rows shown before "more" (the editor's page size).
const PAGE: usize = 50;

/// Lists longer than this start with their items closed, as in the editor.
const COLLAPSE_BEYOND: usize = 10;

/// A closed item's body, built when the item is first opened.
pub(super) struct Closed {
    pointer: JsonPointer,
    node: &'static FormNode,
    name: String,
    level: u8,
    value: Value,
}

/// What the list calls its items ("Artifact"), or `fallback`.
pub(super) fn noun(node: &FormNode, fallback: &str) -> String {
    node.ui
        .item_label
        .clone()
        .unwrap_or_else(|| fallback.to_owned())
}

fn items_of<'a>(place: &Place<'a>) -> &'a [Value] {
    place
        .value
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

impl Form {
    /// A list of items, each a titled, collapsible group; `own_title` is
    /// false for a section's list, which the section's title names.
    pub(super) fn items(
        &self,
        place: Place,
        array: &'static ArrayNode,
        own_title: bool,
        parent: &Element,
    ) {
        let values = items_of(&place);
        let list = if own_title {
            self.titled("div", "mce-items", place, parent)
        } else {
            let list = self.dom.add("div", "mce-items", parent);
            set(&list, "data-path", &place.pointer.to_string());
            self.dom.add("div", "mce-list__head", &list);
            list
        };
        self.limit(&list, values.len(), array);
        let noun = noun(place.node, "Item");
        let collapsed = place.node.ui.collapsed.unwrap_or(false) || values.len() > COLLAPSE_BEYOND;
        let level = if own_title {
            place.level + 1
        } else {
            place.level
        };
        let ordered = self.dom.add("ol", "mce-items__list", &list);
        for (index, item) in values.iter().enumerate().take(PAGE) {
            let pointer = place.pointer.child(index.to_string());
            let id = field_id(&pointer.to_string());
            let name = format!("{noun} {}", index + 1);
            let entry = self.dom.add("li", "mce-item", &ordered);
            set(&entry, "data-path", &pointer.to_string());
            let head = self.dom.add("div", "mce-item__head", &entry);
            let toggle = self.dom.add("button", "mce-item__toggle", &head);
            toggle.set_id(&format!("{id}-toggle"));
            set(&toggle, "type", "button");
            set(&toggle, "aria-controls", &format!("{id}-body"));
            let chevron = self.dom.add("span", "mce-item__chevron", &toggle);
            set(&chevron, "aria-hidden", "true");
            self.dom.add_text("span", "mce-item__name", &name, &toggle);
            let summary = summary_of(&array.items, Some(item));
            self.dom
                .add_text("span", "mce-item__summary", &summary, &toggle);
            let body = self.dom.add("div", "mce-item__body", &entry);
            body.set_id(&format!("{id}-body"));
            show_open(&toggle, &body, !collapsed);
            let closed = Closed {
                pointer,
                node: &array.items,
                name,
                level,
                value: item.clone(),
            };
            if collapsed {
                self.closed.borrow_mut().insert(toggle.id(), closed);
            } else {
                self.build_body(&closed, &body);
            }
        }
        if values.len() > PAGE {
            let more = values.len() - PAGE;
            let items = if more == 1 { "item" } else { "items" };
            let text = format!("{more} more {items} show once the editor has loaded.");
            self.dom.add_text("p", "mce-items__more", &text, &list);
        }
        self.add_button(&noun, &list);
    }

    fn build_body(&self, item: &Closed, body: &Element) {
        let place = Place {
            pointer: &item.pointer,
            node: item.node,
            label: &item.name,
            level: item.level,
            value: Some(&item.value),
        };
        self.field(place, false, body);
    }

    /// Opens or closes the item of `toggle`, building its body the first
    /// time it opens.
    pub(super) fn toggle(&self, toggle: &Element) {
        let open = toggle.get_attribute("aria-expanded").as_deref() != Some("true");
        let body_id = toggle.get_attribute("aria-controls").unwrap_or_default();
        let Some(body) = self.dom.document.get_element_by_id(&body_id) else {
            return;
        };
        if open {
            let closed = self.closed.borrow_mut().remove(&toggle.id());
            if let Some(closed) = closed {
                self.build_body(&closed, &body);
            }
        }
        show_open(toggle, &body, open);
    }

    /// Objects of a few plain fields as a table, a row per item.
    pub(super) fn table(&self, place: Place, array: &'static ArrayNode, parent: &Element) {
        let NodeKind::Object(object) = &array.items.kind else {
            return self.as_it_is(place, parent);
        };
        let values = items_of(&place);
        let field = self.titled("div", "mce-table-field", place, parent);
        self.limit(&field, values.len(), array);
        let id = field_id(&place.pointer.to_string());
        let scroll = self.dom.add("div", "mce-table-scroll", &field);
        let table = self.dom.add("table", "mce-table", &scroll);
        set(&table, "aria-labelledby", &format!("{id}-heading"));
        let head_row = self.dom.add("tr", "", &self.dom.add("thead", "", &table));
        self.dom.add_text("th", "mce-table__index", "#", &head_row);
        for property in &object.properties {
            let title = property.node.label_or(&property.key);
            let header = self.dom.add_text("th", "", &title, &head_row);
            header.set_id(&format!("{id}-col-{}", property.key));
            set(&header, "scope", "col");
        }
        let body = self.dom.add("tbody", "", &table);
        for (index, item) in values.iter().enumerate().take(PAGE) {
            let row = self.dom.add("tr", "", &body);
            let number = (index + 1).to_string();
            let number = self.dom.add_text("th", "mce-table__index", &number, &row);
            set(&number, "scope", "row");
            let item_pointer = place.pointer.child(index.to_string());
            for property in &object.properties {
                let cell = self.dom.add("td", "", &row);
                let pointer = item_pointer.child(property.key.clone());
                let at = Place {
                    pointer: &pointer,
                    node: &property.node,
                    label: &property.key,
                    level: place.level + 1,
                    value: item.get(&property.key),
                };
                let widget = choose_widget(&property.node);
                let control = self.control(at, widget, property.required, &cell);
                let column = format!("{id}-col-{}", property.key);
                set(&control, "aria-labelledby", &column);
            }
        }
        if values.len() > PAGE {
            let more = values.len() - PAGE;
            let text = format!("{more} more rows show once the editor has loaded.");
            self.dom.add_text("p", "mce-items__more", &text, &field);
        }
        self.add_button(&noun(place.node, "Item"), &field);
    }

    /// One-line texts or numbers, a labelled text box each.
    pub(super) fn scalar_list(&self, place: Place, array: &'static ArrayNode, parent: &Element) {
        let values = items_of(&place);
        let list = self.titled("div", "mce-list", place, parent);
        self.limit(&list, values.len(), array);
        let noun = noun(place.node, "Item");
        let rows = self.dom.add("ol", "mce-list__rows", &list);
        let widget = match choose_widget(&array.items) {
            Widget::NumberInput => Widget::NumberInput,
            _ => Widget::TextInput,
        };
        for (index, item) in values.iter().enumerate() {
            let pointer = place.pointer.child(index.to_string());
            let name = format!("{noun} {}", index + 1);
            let row = self.dom.add("li", "mce-list__row", &rows);
            let label = self.dom.add_text("label", "mce-list__label", &name, &row);
            set(&label, "for", &field_id(&pointer.to_string()));
            let cell = self.dom.add("div", "mce-list__control", &row);
            let at = Place {
                pointer: &pointer,
                node: &array.items,
                label: &name,
                level: place.level + 1,
                value: Some(item),
            };
            self.control(at, widget, false, &cell);
        }
        self.add_button(&noun, &list);
    }

    /// Rows of numbers (points, bars, a matrix): a table, a text box per
    /// number.
    pub(super) fn grid(&self, place: Place, array: &'static ArrayNode, parent: &Element) {
        let values = items_of(&place);
        let field = self.titled("div", "mce-table-field", place, parent);
        self.limit(&field, values.len(), array);
        let scroll = self.dom.add("div", "mce-table-scroll", &field);
        let table = self.dom.add("table", "mce-table", &scroll);
        let body = self.dom.add("tbody", "", &table);
        for (index, item) in values.iter().enumerate() {
            let row = self.dom.add("tr", "", &body);
            let number = (index + 1).to_string();
            let number = self.dom.add_text("th", "mce-table__index", &number, &row);
            set(&number, "scope", "row");
            let row_pointer = place.pointer.child(index.to_string());
            let cells = match (&array.items.kind, item) {
                (NodeKind::Array(row_node), Value::Array(cells)) => cells
                    .iter()
                    .enumerate()
                    .map(|(column, cell)| {
                        (
                            row_pointer.child(column.to_string()),
                            &*row_node.items,
                            cell,
                        )
                    })
                    .collect(),
                _ => vec![(row_pointer, &*array.items, item)],
            };
            for (column, (pointer, node, cell)) in cells.iter().enumerate() {
                let td = self.dom.add("td", "mce-grid__cell", &row);
                let name = format!("{}, row {}, value {}", place.label, index + 1, column + 1);
                let at = Place {
                    pointer,
                    node,
                    label: &name,
                    level: place.level + 1,
                    value: Some(*cell),
                };
                let control = self.control(at, Widget::NumberInput, false, &td);
                set(&control, "aria-label", &name);
            }
        }
    }

    /// Where the editor's "Add" is: shown, disabled, saying it comes with
    /// the editor, so nothing moves when the editor takes over.
    pub(super) fn add_button(&self, noun: &str, parent: &Element) {
        let text = format!("Add {}", noun.to_lowercase());
        let add = self
            .dom
            .add_text("button", "mce-button mce-button--add", &text, parent);
        set(&add, "type", "button");
        set(&add, "disabled", "");
        set(&add, "title", "Available once the editor has loaded");
    }

    /// "3 items · at most 10", in the list's head.
    fn limit(&self, list: &Element, count: usize, array: &ArrayNode) {
        let head = list.query_selector(".mce-list__head").ok().flatten();
        let head = head.unwrap_or_else(|| list.clone());
        let text = limit_text(count, array);
        self.dom.add_text("span", "mce-list__limit", &text, &head);
    }
}

/// Shows an item open or closed: its toggle's state and chevron, and its
/// body.
fn show_open(toggle: &Element, body: &Element, open: bool) {
    set(toggle, "aria-expanded", if open { "true" } else { "false" });
    if let Ok(Some(chevron)) = toggle.query_selector(".mce-item__chevron") {
        chevron.set_text_content(Some(if open { "▾" } else { "▸" }));
    }
    if open {
        let _ = body.remove_attribute("hidden");
    } else {
        set(body, "hidden", "");
    }
}
