//! One description of the form's markup, read by both renderers: the
//! first view (`src/first_view/`, plain DOM, shown before the editor's
//! code arrives) and the editor (`src/view/form/`, Leptos). For each form
//! node it says what the node is drawn as ([`Shape`], matched exhaustively
//! by both, so a new widget does not compile until both draw it), the ids
//! of its control and of what describes it ([`FieldIds`]), a leaf's classes,
//! counter limit and choices ([`LeafLayout`], [`Choice`]), and a list's
//! item noun and paging. Class names are in [`class`], words in [`text`].
//!
//! Nothing here knows a browser: it is data the renderers turn into
//! elements, so it is tested natively and the renderers cannot disagree.

pub mod class;
pub mod grid;
pub mod text;

use super::node::{ArrayNode, FormNode, MapNode, NodeKind, ObjectNode, VariantsNode};
use super::values::field_id;
use super::widget::{Widget, choose_widget};
use crate::domain::pointer::JsonPointer;

/// Items of a list shown before "Show more" (the first view shows this
/// many and says the rest come with the editor).
pub const ITEM_PAGE: usize = 50;

/// Rows of a table shown before "Show more": rows are lighter than items.
pub const TABLE_PAGE: usize = 100;

/// Lists longer than this start with their items closed, so a long card
/// opens as an outline.
pub const COLLAPSE_BEYOND: usize = 10;

/// Whether the items of `node`'s list of `count` start closed: when the
/// ui schema says so, or when there are many.
pub fn starts_collapsed(node: &FormNode, count: usize) -> bool {
    node.ui.collapsed.unwrap_or(false) || count > COLLAPSE_BEYOND
}

/// What a node is drawn as: its widget, with the part of the node that
/// widget reads. Made once, here, from [`choose_widget`]; a widget whose
/// node is not of the kind it needs is drawn as raw JSON, which can show
/// anything.
#[derive(Clone, Copy, Debug)]
pub enum Shape<'a> {
    /// Named fields in a group.
    Fieldset(&'a ObjectNode),
    /// Key and value rows.
    KeyValueRows(&'a MapNode),
    /// Texts or numbers, a labelled box each.
    ScalarList(&'a ArrayNode),
    /// Collapsible items.
    ItemList(&'a ArrayNode),
    /// Objects of a few plain fields, a table row each.
    ObjectTable(&'a ArrayNode, &'a ObjectNode),
    /// `[x, y]` pairs.
    PointTable(&'a ArrayNode),
    /// Numbers beside labels from a sibling array.
    LabelledNumbers(&'a ArrayNode),
    /// Rows of numbers.
    NumberGrid(&'a ArrayNode),
    /// A choice of shape, told apart by a discriminator.
    VariantSwitch(&'a VariantsNode),
    /// A scalar that may be a number, text or yes/no.
    ScalarChoice(&'a VariantsNode),
    /// One control with its label, help, counter and messages.
    Leaf(Leaf),
}

/// The control of a leaf field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leaf {
    /// A one-line text box.
    TextInput,
    /// A multi-line text box.
    TextArea,
    /// One of the schema's strings.
    Select,
    /// A number box.
    NumberInput,
    /// A checkbox.
    Checkbox,
    /// Raw JSON.
    JsonText,
}

/// What `node` is drawn as.
pub fn shape(node: &FormNode) -> Shape<'_> {
    let raw = Shape::Leaf(Leaf::JsonText);
    let kind = &node.kind;
    match choose_widget(node) {
        Widget::Fieldset => object_of(kind).map_or(raw, Shape::Fieldset),
        Widget::KeyValueRows => match kind {
            NodeKind::Map(map) => Shape::KeyValueRows(map),
            _ => raw,
        },
        Widget::TextList | Widget::NumberList => array_of(kind).map_or(raw, Shape::ScalarList),
        Widget::ItemList => array_of(kind).map_or(raw, Shape::ItemList),
        Widget::ObjectTable => array_of(kind)
            .and_then(|array| Some(Shape::ObjectTable(array, object_of(&array.items.kind)?)))
            .unwrap_or(raw),
        Widget::PointTable => array_of(kind).map_or(raw, Shape::PointTable),
        Widget::LabelledNumbers => array_of(kind).map_or(raw, Shape::LabelledNumbers),
        Widget::NumberGrid => array_of(kind).map_or(raw, Shape::NumberGrid),
        Widget::VariantSwitch => variants_of(kind).map_or(raw, Shape::VariantSwitch),
        Widget::ScalarChoice => variants_of(kind).map_or(raw, Shape::ScalarChoice),
        Widget::Select => match kind {
            NodeKind::Text(text) if text.options.is_some() => Shape::Leaf(Leaf::Select),
            _ => raw,
        },
        Widget::TextInput => Shape::Leaf(Leaf::TextInput),
        Widget::TextArea => Shape::Leaf(Leaf::TextArea),
        Widget::NumberInput => Shape::Leaf(Leaf::NumberInput),
        Widget::Checkbox => Shape::Leaf(Leaf::Checkbox),
        Widget::JsonText => raw,
    }
}

fn object_of(kind: &NodeKind) -> Option<&ObjectNode> {
    match kind {
        NodeKind::Object(object) => Some(object),
        _ => None,
    }
}

fn array_of(kind: &NodeKind) -> Option<&ArrayNode> {
    match kind {
        NodeKind::Array(array) => Some(array),
        _ => None,
    }
}

fn variants_of(kind: &NodeKind) -> Option<&VariantsNode> {
    match kind {
        NodeKind::Variants(variants) => Some(variants),
        _ => None,
    }
}

/// The ids of a field's control and of what describes it, all derived
/// from the field's pointer, so labels, `aria-describedby` and the editor
/// taking over from the first view all agree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIds {
    /// The control (or the group, for lists and groups).
    pub control: String,
    /// The help text.
    pub help: String,
    /// The character counter.
    pub counter: String,
    /// The message list.
    pub messages: String,
}

impl FieldIds {
    /// The ids for the field at `pointer`.
    pub fn new(pointer: &JsonPointer) -> Self {
        let control = field_id(&pointer.to_string());
        Self {
            help: format!("{control}-help"),
            counter: format!("{control}-counter"),
            messages: format!("{control}-messages"),
            control,
        }
    }

    /// The value of the control's `aria-describedby`: its help and counter
    /// when it has them, then its messages.
    pub fn described_by(&self, help: Option<&str>, counter_limit: Option<u64>) -> String {
        let mut ids = Vec::with_capacity(3);
        if help.is_some() {
            ids.push(self.help.as_str());
        }
        if counter_limit.is_some() {
            ids.push(self.counter.as_str());
        }
        ids.push(self.messages.as_str());
        ids.join(" ")
    }

    /// The id of the title of a group or list.
    pub fn heading(&self) -> String {
        format!("{}-heading", self.control)
    }

    /// The id of an item's toggle (focus goes there after moves).
    pub fn toggle(&self) -> String {
        format!("{}-toggle", self.control)
    }

    /// The id of an item's body, which its toggle controls.
    pub fn body(&self) -> String {
        format!("{}-body", self.control)
    }

    /// The id of a table's column header for the member `key`.
    pub fn column(&self, key: &str) -> String {
        format!("{}-col-{key}", self.control)
    }

    /// The id of a table row's header (its number), which names the row's
    /// cells together with their column's header.
    pub fn row(&self) -> String {
        format!("{}-row", self.control)
    }

    /// The id of a metric's chart panel body (its toggle controls it); the
    /// chart's title and description ids start with it.
    pub fn chart(&self) -> String {
        format!("{}-chart", self.control)
    }

    /// The id of a metric's chart in an evaluation's overview.
    pub fn overview_chart(&self) -> String {
        format!("{}-overview", self.control)
    }
}

/// How a leaf field is laid out: what both renderers need to draw the
/// same label, help, counter, control and messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeafLayout {
    /// The control's and its describers' ids.
    pub ids: FieldIds,
    /// The control.
    pub leaf: Leaf,
    /// The help under the label.
    pub help: Option<String>,
    /// The limit a character counter counts against, for text boxes whose
    /// schema has `maxLength`.
    pub counter_limit: Option<u64>,
    /// Whether the label carries the required mark (a checkbox never
    /// does: unticked is a value).
    pub required_mark: bool,
    /// The control's `aria-describedby`.
    pub described_by: String,
    /// The placeholder of an empty text box.
    pub placeholder: Option<String>,
}

impl LeafLayout {
    /// The layout of the leaf field at `pointer`.
    pub fn new(pointer: &JsonPointer, node: &FormNode, leaf: Leaf, required: bool) -> Self {
        let ids = FieldIds::new(pointer);
        let help = node.help().map(str::to_owned);
        let counter_limit = counter_limit(node, leaf);
        let described_by = ids.described_by(help.as_deref(), counter_limit);
        Self {
            ids,
            leaf,
            help,
            counter_limit,
            required_mark: required && leaf != Leaf::Checkbox,
            described_by,
            placeholder: node.ui.placeholder.clone(),
        }
    }

    /// The class list of the field around the control.
    pub fn field_class(&self, invalid: bool) -> &'static str {
        class::field(self.leaf == Leaf::Checkbox, invalid)
    }

    /// The class of the row holding the label (and counter, or checkbox).
    pub fn top_class(&self) -> &'static str {
        if self.leaf == Leaf::Checkbox {
            class::FIELD_CHECK
        } else {
            class::FIELD_TOP
        }
    }

    /// The control's class list.
    pub fn control_class(&self) -> &'static str {
        control_class(self.leaf)
    }
}

/// The class list of a leaf's control.
pub fn control_class(leaf: Leaf) -> &'static str {
    match leaf {
        Leaf::TextInput => class::INPUT,
        Leaf::TextArea => class::INPUT_MULTILINE,
        Leaf::Select => class::INPUT_SELECT,
        Leaf::NumberInput => class::INPUT_NUMBER,
        Leaf::Checkbox => class::CHECKBOX,
        Leaf::JsonText => class::INPUT_CODE,
    }
}

/// The length limit a text box counts against: a string's `maxLength`,
/// for boxes a person types into (a choice is never too long).
pub fn counter_limit(node: &FormNode, leaf: Leaf) -> Option<u64> {
    match (&node.kind, leaf) {
        (NodeKind::Text(text), Leaf::TextInput | Leaf::TextArea) => text.max_length,
        _ => None,
    }
}

/// The control of a table cell: a table's cells are one line each, so a
/// text that would get a multi-line box elsewhere gets a one-line one.
pub fn cell_leaf(node: &FormNode) -> Leaf {
    match &node.kind {
        NodeKind::Number(_) => Leaf::NumberInput,
        NodeKind::Boolean => Leaf::Checkbox,
        NodeKind::Text(text) if text.options.is_some() => Leaf::Select,
        _ => Leaf::TextInput,
    }
}

/// The control of each row of a list of texts or numbers: a number box
/// for numbers, else a one-line text box.
pub fn scalar_list_leaf(item: &FormNode) -> Leaf {
    match item.kind {
        NodeKind::Number(_) => Leaf::NumberInput,
        _ => Leaf::TextInput,
    }
}

/// The placeholder of each row of a list of texts or numbers: the list's
/// own (the ui schema gives it where the list is; an example artifact
/// path says what every row holds).
pub fn list_row_placeholder(list: &FormNode) -> Option<&str> {
    list.ui.placeholder.as_deref()
}

/// Whether the rows of a list of texts or numbers are required: a row is
/// there to hold a value, so an empty one is a problem.
pub const LIST_ROWS_REQUIRED: bool = true;

/// Whether a map's values are required: a key is there to hold a value.
pub const MAP_VALUES_REQUIRED: bool = true;

/// One option of a select: the value it sets and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The value the option sets ("" for none).
    pub value: String,
    /// What the option says.
    pub text: String,
}

/// The options of a select over `options`: first the empty choice
/// ([`text::empty_choice`]).
pub fn choices(options: &[String], required: bool) -> Vec<Choice> {
    std::iter::once(Choice {
        value: String::new(),
        text: text::empty_choice(required).to_owned(),
    })
    .chain(options.iter().map(|option| Choice {
        value: option.clone(),
        text: option.clone(),
    }))
    .collect()
}

/// The option standing for a `current` value the schema does not allow,
/// shown right after the empty choice, flagged, so the select never
/// shows another value than the card holds.
pub fn stray_choice(options: &[String], current: &str) -> Option<Choice> {
    (!current.is_empty() && !options.iter().any(|option| option == current)).then(|| Choice {
        value: current.to_owned(),
        text: text::not_allowed(current),
    })
}

/// The strings a select offers for `node`.
pub fn options_of(node: &FormNode) -> &[String] {
    match &node.kind {
        NodeKind::Text(text) => text.options.as_deref().unwrap_or_default(),
        _ => &[],
    }
}

#[cfg(test)]
mod tests;
