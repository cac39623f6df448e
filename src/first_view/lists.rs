//! Lists in the first view: collapsible items, tables of objects, lists of
//! texts or numbers, and grids of numbers, with the editor's markup. Adding
//! and removing items is the editor's: its "Add" shows, disabled, saying so.

use serde_json::Value;
use web_sys::Element;

use super::fields::{Form, Place, set};
use crate::domain::form::columns::column_width;
use crate::domain::form::layout::{
    FieldIds, ITEM_PAGE, LIST_ROWS_REQUIRED, TABLE_PAGE, cell_leaf, class, list_row_placeholder,
    scalar_list_leaf, starts_collapsed, text,
};
use crate::domain::form::node::{ArrayNode, FormNode, ObjectNode};
use crate::domain::form::values::{limit_text, summary_of};
use crate::domain::pointer::JsonPointer;

/// A closed item's body, built when the item is first opened.
pub(super) struct Closed {
    pointer: JsonPointer,
    node: &'static FormNode,
    name: String,
    level: u8,
    value: Value,
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
            self.titled("div", class::ITEMS, place, parent)
        } else {
            let list = self.dom.add("div", class::ITEMS, parent);
            set(&list, "data-path", &place.pointer.to_string());
            self.dom.add("div", class::LIST_HEAD, &list);
            list
        };
        self.limit(&list, values.len(), array);
        let noun = text::noun(place.node, text::ITEM);
        let collapsed = starts_collapsed(place.node, values.len());
        let level = if own_title {
            place.level + 1
        } else {
            place.level
        };
        let ordered = self.dom.add("ol", class::ITEMS_LIST, &list);
        for (index, item) in values.iter().enumerate().take(ITEM_PAGE) {
            let pointer = place.pointer.child(index.to_string());
            let ids = FieldIds::new(&pointer);
            let name = text::item_name(&noun, index);
            let entry = self.dom.add("li", class::ITEM, &ordered);
            set(&entry, "data-path", &pointer.to_string());
            let head = self.dom.add("div", class::ITEM_HEAD, &entry);
            let toggle = self.dom.add("button", class::ITEM_TOGGLE, &head);
            toggle.set_id(&ids.toggle());
            set(&toggle, "type", "button");
            set(&toggle, "aria-controls", &ids.body());
            let chevron = self.dom.add("span", class::ITEM_CHEVRON, &toggle);
            set(&chevron, "aria-hidden", "true");
            self.dom.add_text("span", class::ITEM_NAME, &name, &toggle);
            let summary = summary_of(&array.items, Some(item));
            self.dom
                .add_text("span", class::ITEM_SUMMARY, &summary, &toggle);
            let body = self.dom.add("div", class::ITEM_BODY, &entry);
            body.set_id(&ids.body());
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
        self.more_with_editor(values.len(), ITEM_PAGE, false, &list);
        self.add_button(&noun, &list);
    }

    fn build_body(&self, item: &Closed, body: &Element) {
        let place = Place {
            pointer: &item.pointer,
            node: item.node,
            label: &item.name,
            level: item.level,
            value: Some(&item.value),
            owner: None,
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
    pub(super) fn table(
        &self,
        place: Place,
        array: &'static ArrayNode,
        object: &'static ObjectNode,
        parent: &Element,
    ) {
        let values = items_of(&place);
        let field = self.titled("div", class::TABLE_FIELD, place, parent);
        self.limit(&field, values.len(), array);
        let ids = FieldIds::new(place.pointer);
        let scroll = self.dom.add("div", class::TABLE_SCROLL, &field);
        let table = self.dom.add("table", class::TABLE, &scroll);
        set(&table, "aria-labelledby", &ids.heading());
        let head_row = self.dom.add("tr", "", &self.dom.add("thead", "", &table));
        self.dom
            .add_text("th", class::TABLE_INDEX, text::NUMBER_COLUMN, &head_row);
        for property in &object.properties {
            let title = property.node.label_or(&property.key);
            let width = column_width(&property.node).class();
            let header = self.dom.add_text("th", width, &title, &head_row);
            header.set_id(&ids.column(&property.key));
            set(&header, "scope", "col");
            if property.required {
                let mark = text::REQUIRED_MARK;
                let mark = self
                    .dom
                    .add_text("span", class::FIELD_REQUIRED, mark, &header);
                set(&mark, "aria-hidden", "true");
            }
        }
        let noun = text::noun(place.node, text::ITEM);
        let body = self.dom.add("tbody", "", &table);
        for (index, item) in values.iter().enumerate().take(TABLE_PAGE) {
            self.table_row(place, object, (index, item), &noun, &body);
        }
        self.more_with_editor(values.len(), TABLE_PAGE, true, &field);
        self.add_button(&noun, &field);
    }

    /// A table's row: its number, then a control per field, each named by
    /// its column's header and the row's number, as in the editor.
    fn table_row(
        &self,
        place: Place,
        object: &'static ObjectNode,
        (index, item): (usize, &Value),
        noun: &str,
        body: &Element,
    ) {
        let table = FieldIds::new(place.pointer);
        let row = self.dom.add("tr", "", body);
        let item_pointer = place.pointer.child(index.to_string());
        let row_id = FieldIds::new(&item_pointer).row();
        let number = self.dom.add("th", class::TABLE_INDEX, &row);
        number.set_id(&row_id);
        set(&number, "scope", "row");
        let hidden = format!("{noun} ");
        self.dom
            .add_text("span", class::VISUALLY_HIDDEN, &hidden, &number);
        self.dom.text(&(index + 1).to_string(), &number);
        for property in &object.properties {
            let cell = self
                .dom
                .add("td", column_width(&property.node).class(), &row);
            let pointer = item_pointer.child(property.key.clone());
            let at = Place {
                pointer: &pointer,
                node: &property.node,
                label: &property.key,
                level: place.level + 1,
                value: item.get(&property.key),
                owner: Some(item),
            };
            let leaf = cell_leaf(&property.node);
            let control = self.control(at, leaf, property.required, &cell);
            let column = table.column(&property.key);
            set(&control, "aria-labelledby", &format!("{column} {row_id}"));
            let messages = FieldIds::new(&pointer).messages;
            set(&control, "aria-describedby", &messages);
            self.messages(&messages, &cell);
        }
    }

    /// One-line texts or numbers, a labelled text box each.
    pub(super) fn scalar_list(&self, place: Place, array: &'static ArrayNode, parent: &Element) {
        let values = items_of(&place);
        let list = self.titled("div", class::LIST, place, parent);
        self.limit(&list, values.len(), array);
        let noun = text::noun(place.node, text::ITEM);
        let rows = self.dom.add("ol", class::LIST_ROWS, &list);
        let leaf = scalar_list_leaf(&array.items);
        for (index, item) in values.iter().enumerate() {
            let pointer = place.pointer.child(index.to_string());
            let ids = FieldIds::new(&pointer);
            let name = text::item_name(&noun, index);
            let row = self.dom.add("li", class::LIST_ROW, &rows);
            let label = self.dom.add_text("label", class::LIST_LABEL, &name, &row);
            set(&label, "for", &ids.control);
            let cell = self.dom.add("div", class::LIST_CONTROL, &row);
            let at = Place {
                pointer: &pointer,
                node: &array.items,
                label: &name,
                level: place.level + 1,
                value: Some(item),
                owner: place.value,
            };
            let control = self.control(at, leaf, LIST_ROWS_REQUIRED, &cell);
            match list_row_placeholder(place.node) {
                Some(placeholder) => set(&control, "placeholder", placeholder),
                None => drop(control.remove_attribute("placeholder")),
            }
            set(&control, "aria-describedby", &ids.messages);
            self.messages(&ids.messages, &cell);
        }
        self.add_button(&noun, &list);
    }

    /// Where the editor's "Add" is: shown, disabled, saying it comes with
    /// the editor, so nothing moves when the editor takes over.
    pub(super) fn add_button(&self, noun: &str, parent: &Element) {
        let add = self
            .dom
            .add_text("button", class::BUTTON_ADD, &text::add(noun), parent);
        set(&add, "type", "button");
        set(&add, "disabled", "");
        set(&add, "title", text::ADD_WITH_EDITOR);
    }

    /// "3 items · at most 10", in the list's head.
    fn limit(&self, list: &Element, count: usize, array: &ArrayNode) {
        self.count_in_head(list, &limit_text(count, array));
    }

    /// What a list or map counts (`words`), in its head.
    pub(super) fn count_in_head(&self, list: &Element, words: &str) {
        let head = list.query_selector(&format!(".{}", class::LIST_HEAD));
        let head = head.ok().flatten().unwrap_or_else(|| list.clone());
        self.dom.add_text("span", class::LIST_LIMIT, words, &head);
    }

    /// Under a list of `count` showing a `page`: how many more come with
    /// the editor.
    fn more_with_editor(&self, count: usize, page: usize, rows: bool, parent: &Element) {
        if count > page {
            let words = text::more_with_editor(count - page, rows);
            self.dom.add_text("p", class::ITEMS_MORE, &words, parent);
        }
    }
}

/// Shows an item open or closed: its toggle's state and chevron, and its
/// body.
fn show_open(toggle: &Element, body: &Element, open: bool) {
    set(toggle, "aria-expanded", if open { "true" } else { "false" });
    if let Ok(Some(chevron)) = toggle.query_selector(&format!(".{}", class::ITEM_CHEVRON)) {
        chevron.set_text_content(Some(text::chevron(open)));
    }
    if open {
        let _ = body.remove_attribute("hidden");
    } else {
        set(body, "hidden", "");
    }
}
