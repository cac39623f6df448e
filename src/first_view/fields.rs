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

use super::lists::Closed;
use super::page::Dom;
use crate::domain::first_view::{FirstViewEdits, Typed};
use crate::domain::form::layout::{
    Choice, FieldIds, Leaf, LeafLayout, MAP_VALUES_REQUIRED, Shape, choices, class, control_class,
    options_of, shape, stray_choice, text,
};
use crate::domain::form::node::{FormNode, MapNode, NodeKind, ObjectNode, VariantsNode};
use crate::domain::form::values::unknown_keys;
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
    /// The value of the object holding it, whose other members some
    /// widgets read (a graph's axis names, a chart's labels).
    pub(super) owner: Option<&'a Value>,
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
    let Some(field) = control
        .closest(&format!(".{}", class::FIELD))
        .ok()
        .flatten()
    else {
        return;
    };
    let counter = field.query_selector(&format!(".{}", class::FIELD_COUNTER));
    let Some(counter) = counter.ok().flatten() else {
        return;
    };
    let limit = counter.get_attribute("data-limit").unwrap_or_default();
    let Ok(limit) = limit.parse::<u64>() else {
        return;
    };
    let used = text.chars().count();
    counter.set_text_content(Some(&text::counter(used, limit)));
    counter.set_class_name(class::counter(text::counter_over(used, limit)));
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
        match shape(place.node) {
            Shape::Fieldset(object) => self.object_fields(content, object, None, parent),
            Shape::ItemList(array) => self.items(content, array, false, parent),
            _ => self.field(content, required, parent),
        }
    }

    /// The field for a place, drawn as the editor draws its [`Shape`]. The
    /// match is exhaustive, as the editor's (`view/form/schema_field.rs`):
    /// a new shape does not compile until both draw it.
    pub(super) fn field(&self, place: Place, required: bool, parent: &Element) {
        match shape(place.node) {
            Shape::Fieldset(object) => {
                let group = self.titled("div", class::GROUP, place, parent);
                set(&group, "role", "group");
                let inside = Place {
                    level: place.level + 1,
                    ..place
                };
                self.object_fields(inside, object, None, &group);
            }
            Shape::ItemList(array) => self.items(place, array, true, parent),
            Shape::ObjectTable(array, object) => self.table(place, array, object, parent),
            Shape::ScalarList(array) => self.scalar_list(place, array, parent),
            Shape::PointTable(_) => self.points(place, parent),
            Shape::LabelledNumbers(_) => self.bars(place, parent),
            Shape::NumberGrid(array) => self.matrix(place, array, parent),
            Shape::KeyValueRows(map) => self.map(place, map, parent),
            Shape::VariantSwitch(variants) => self.variant(place, variants, required, parent),
            // A scalar of a kind still to choose, and raw JSON: only the
            // editor edits them safely.
            Shape::ScalarChoice(_) | Shape::Leaf(Leaf::JsonText) => self.as_it_is(place, parent),
            Shape::Leaf(leaf) => self.leaf(place, leaf, required, parent),
        }
    }

    /// Key and value rows; the keys as they are (renaming is the editor's).
    fn map(&self, place: Place, map: &'static MapNode, parent: &Element) {
        let group = self.titled("div", class::MAP, place, parent);
        let entries = place.value.and_then(Value::as_object);
        let count = entries.map_or(0, |entries| entries.len());
        self.count_in_head(&group, &text::entries(count));
        let rows = self.dom.add("ul", class::MAP_ROWS, &group);
        for (key, child) in entries.into_iter().flatten() {
            let row = self.dom.add("li", class::MAP_ROW, &rows);
            let key_cell = self.dom.add("div", class::MAP_KEY, &row);
            self.dom.add_text("code", "", key, &key_cell);
            let value_cell = self.dom.add("div", class::MAP_VALUE, &row);
            let pointer = place.pointer.child(key.clone());
            let label = text::map_value(key);
            let entry = Place {
                pointer: &pointer,
                node: &map.values,
                label: &label,
                level: place.level + 1,
                value: Some(child),
                owner: place.value,
            };
            self.field(entry, MAP_VALUES_REQUIRED, &value_cell);
        }
        self.add_button(&text::noun(place.node, text::ENTRY), &group);
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
        let kind = text::variant_type(&variant.label);
        self.dom.add_text("p", class::FIELD_HELP, &kind, parent);
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
                owner: place.value,
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
            let unknown = self.dom.add("div", class::UNKNOWN, parent);
            set(
                &unknown,
                "data-path",
                &pointer.child(key.clone()).to_string(),
            );
            let head = self.dom.add("p", class::UNKNOWN_HEAD, &unknown);
            let flag = text::UNKNOWN_FIELD;
            self.dom.add_text("span", class::UNKNOWN_FLAG, flag, &head);
            self.dom.text(" ", &head);
            self.dom.add_text("code", "", &key, &head);
            let json = value
                .and_then(|value| value.get(&key))
                .map(Value::to_string);
            let json = json.unwrap_or_default();
            self.dom
                .add_text("pre", class::UNKNOWN_VALUE, &json, &unknown);
        }
    }

    /// A container carrying `data-path`, with the place's title and help:
    /// a group ([`class::GROUP`]) titles itself, a list titles its head.
    pub(super) fn titled(
        &self,
        tag: &str,
        container_class: &str,
        place: Place,
        parent: &Element,
    ) -> Element {
        let group = container_class == class::GROUP;
        let container = self.dom.add(tag, container_class, parent);
        let path = place.pointer.to_string();
        let ids = FieldIds::new(place.pointer);
        container.set_id(&ids.control);
        set(&container, "data-path", &path);
        let (head, title_class, help_class) = if group {
            (container.clone(), class::GROUP_TITLE, class::GROUP_HELP)
        } else {
            let head = self.dom.add("div", class::LIST_HEAD, &container);
            (head, class::LIST_TITLE, class::FIELD_HELP)
        };
        let title = self.heading(place, title_class, &head);
        title.set_id(&ids.heading());
        set(&container, "aria-labelledby", &ids.heading());
        if let Some(help) = place.node.help() {
            self.dom.add_text("p", help_class, help, &container);
        }
        container
    }

    /// The title of `place`, at its level.
    pub(super) fn heading(&self, place: Place, title_class: &str, parent: &Element) -> Element {
        self.dom
            .add_text(&heading_tag(place.level), title_class, place.label, parent)
    }

    /// A value shown as its JSON until the editor, which edits it, arrives.
    pub(super) fn as_it_is(&self, place: Place, parent: &Element) {
        let field = self.dom.add("div", class::FIELD, parent);
        self.dom
            .add_text("p", class::FIELD_LABEL, place.label, &field);
        if let Some(help) = place.node.help() {
            self.dom.add_text("p", class::FIELD_HELP, help, &field);
        }
        let json = place
            .value
            .map(|value| serde_json::to_string_pretty(value).unwrap_or_default())
            .unwrap_or_default();
        let shown = self
            .dom
            .add_text("pre", class::FIRST_VIEW_VALUE, &json, &field);
        set(&shown, "data-path", &place.pointer.to_string());
    }

    /// A labelled text box, choice or checkbox, with its help, counter and
    /// message list, as its [`LeafLayout`] describes and the editor draws it.
    fn leaf(&self, place: Place, leaf: Leaf, required: bool, parent: &Element) {
        let layout = LeafLayout::new(place.pointer, place.node, leaf, required);
        let ids = &layout.ids;
        let field = self.dom.add("div", layout.field_class(false), parent);
        let top = self.dom.add("div", layout.top_class(), &field);
        let label = self.dom.add("label", class::FIELD_LABEL, &top);
        set(&label, "for", &ids.control);
        self.dom.text(place.label, &label);
        if layout.required_mark {
            let mark =
                self.dom
                    .add_text("span", class::FIELD_REQUIRED, text::REQUIRED_MARK, &label);
            set(&mark, "aria-hidden", "true");
        }
        if let Some(limit) = layout.counter_limit {
            let counter = self.dom.add("span", class::FIELD_COUNTER, &top);
            counter.set_id(&ids.counter);
            set(&counter, "data-limit", &limit.to_string());
        }
        if let Some(help) = &layout.help {
            let help_element = self.dom.add_text("p", class::FIELD_HELP, help, &field);
            help_element.set_id(&ids.help);
        }
        // A checkbox comes before its label, as in the editor.
        let control = if leaf == Leaf::Checkbox {
            let control = self.control(place, leaf, required, &top);
            let _ = top.insert_before(&control, Some(&label));
            control
        } else {
            self.control(place, leaf, required, &field)
        };
        set(&control, "aria-describedby", &layout.described_by);
        if layout.counter_limit.is_some() {
            count(&control, &control_text(&control));
        }
        self.messages(&ids.messages, &field);
    }

    /// An empty message list with its id, where the editor lists the
    /// field's messages (controls point at it with `aria-describedby`).
    pub(super) fn messages(&self, id: &str, parent: &Element) {
        let messages = self.dom.add("ul", class::MESSAGES, parent);
        messages.set_id(id);
        set(&messages, "aria-live", "polite");
    }

    /// The control itself, holding what was typed into it before a reload,
    /// or the card's value.
    pub(super) fn control(
        &self,
        place: Place,
        leaf: Leaf,
        required: bool,
        parent: &Element,
    ) -> Element {
        let path = place.pointer.to_string();
        let (typed, turn) = {
            let edits = self.edits.borrow();
            let turn = edits.edits.iter().position(|(edited, _)| *edited == path);
            (edits.get(&path).cloned(), turn)
        };
        let control = self.dom.add(tag_of(leaf), control_class(leaf), parent);
        match leaf {
            Leaf::Checkbox => {
                let input: &HtmlInputElement = control.unchecked_ref();
                input.set_type("checkbox");
                input.set_checked(match &typed {
                    Some(Typed::Checked(checked)) => *checked,
                    _ => place.value == Some(&Value::Bool(true)),
                });
            }
            Leaf::Select => self.options(&control, place, required),
            Leaf::TextArea => {
                set(&control, "rows", "3");
                set_text(&control, &shown(place.value));
            }
            Leaf::NumberInput | Leaf::TextInput | Leaf::JsonText => {
                control.unchecked_ref::<HtmlInputElement>().set_type("text");
                if leaf == Leaf::NumberInput {
                    set(&control, "inputmode", "decimal");
                }
                set_text(&control, &shown(place.value));
            }
        }
        control.set_id(&FieldIds::new(place.pointer).control);
        set(&control, "data-path", &path);
        if leaf != Leaf::Checkbox {
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

    /// The options of a choice among the schema's strings, the card's value
    /// chosen; a value the schema does not allow still shows, flagged, as
    /// in the editor.
    fn options(&self, select: &Element, place: Place, required: bool) {
        let current = shown(place.value);
        let options = options_of(place.node);
        let mut choices = choices(options, required).into_iter();
        let empty = choices.next();
        let stray = stray_choice(options, &current);
        for choice in empty.into_iter().chain(stray).chain(choices) {
            self.option(&choice, select);
        }
        select
            .unchecked_ref::<HtmlSelectElement>()
            .set_value(&current);
    }

    fn option(&self, choice: &Choice, select: &Element) {
        let option = self.dom.add_text("option", "", &choice.text, select);
        set(&option, "value", &choice.value);
    }
}

/// The element a leaf's control is.
fn tag_of(leaf: Leaf) -> &'static str {
    match leaf {
        Leaf::Checkbox | Leaf::NumberInput | Leaf::TextInput | Leaf::JsonText => "input",
        Leaf::Select => "select",
        Leaf::TextArea => "textarea",
    }
}
