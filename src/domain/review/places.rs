//! Where each change is, in the form's own words with the names of the
//! items on the way, and many changed cells of one grid (a matrix, a line
//! graph's points, a bar chart's bars) grouped into one change listing
//! each cell by its row and column labels.

use serde_json::Value;

use super::shown::{ShownValue, show_value};
use super::{GROUP_AT_LEAST, NAME_CHARS};
use crate::domain::form::labels::label_path;
use crate::domain::form::node::{FormNode, NodeKind};
use crate::domain::form::values::item_summary;
use crate::domain::form::{Widget, choose_widget};
use crate::domain::merge::{ChangeKind, FieldChange};
use crate::domain::pointer::{JsonPointer, child_value};

/// One change as the review lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewEntry {
    /// The place changed (for a grouped change, the grid's).
    pub pointer: JsonPointer,
    /// Where, in the form's words.
    pub place: String,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The values.
    pub values: EntryValues,
}

/// What a change shows: one value before and after, or the cells of a grid.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryValues {
    /// One place: its value before and after.
    One {
        /// Before the change.
        before: ShownValue,
        /// After it.
        after: ShownValue,
    },
    /// Many cells of one grid (a matrix, a line graph's points, a bar
    /// chart's bars), in order.
    Cells(Vec<CellChange>),
}

/// One cell of a grouped change.
#[derive(Clone, Debug, PartialEq)]
pub struct CellChange {
    /// The cell.
    pub pointer: JsonPointer,
    /// "Row 2 “actual fraud”, column 1 “predicted legit”".
    pub label: String,
    /// Before the change.
    pub before: ShownValue,
    /// After it.
    pub after: ShownValue,
}

/// The changes from `old` to `new` (`changes` is `diff(old, new)`), as the
/// review lists them: each with its place named in `form`'s words, and
/// [`GROUP_AT_LEAST`] or more cells of one grid as one change.
pub fn review_entries(
    form: &FormNode,
    old: &Value,
    new: &Value,
    changes: &[FieldChange],
) -> Vec<ReviewEntry> {
    let mut entries = Vec::new();
    let mut index = 0;
    while index < changes.len() {
        let change = &changes[index];
        let card = card_holding(change, old, new);
        let steps = walk(form, card, &change.pointer);
        let Some(grid) = grid_at(&steps) else {
            entries.push(single(form, card, change));
            index += 1;
            continue;
        };
        let grid_pointer = JsonPointer::from_tokens(&change.pointer.tokens()[..grid.depth]);
        let run = changes[index..]
            .iter()
            .take_while(|other| other.pointer.starts_with(&grid_pointer))
            .count();
        let cells: Vec<CellChange> = changes[index..index + run]
            .iter()
            .map(|cell| CellChange {
                pointer: cell.pointer.clone(),
                label: cell_label(&grid, &cell.pointer.tokens()[grid.depth..]),
                before: show_value(cell.old.as_ref()),
                after: show_value(cell.new.as_ref()),
            })
            .collect();
        let grid_place = where_label(form, card, &grid_pointer);
        if run >= GROUP_AT_LEAST {
            entries.push(ReviewEntry {
                pointer: grid_pointer,
                place: grid_place,
                kind: ChangeKind::Changed,
                values: EntryValues::Cells(cells),
            });
        } else {
            for cell in cells {
                entries.push(ReviewEntry {
                    pointer: cell.pointer,
                    place: format!("{grid_place} › {}", cell.label),
                    kind: change.kind,
                    values: EntryValues::One {
                        before: cell.before,
                        after: cell.after,
                    },
                });
            }
        }
        index += run;
    }
    entries
}

/// The card a change's place is named in: the newer, unless the place is
/// only in the older.
fn card_holding<'a>(change: &FieldChange, old: &'a Value, new: &'a Value) -> &'a Value {
    if change.kind == ChangeKind::Removed {
        old
    } else {
        new
    }
}

/// A change listed on its own.
fn single(form: &FormNode, card: &Value, change: &FieldChange) -> ReviewEntry {
    ReviewEntry {
        pointer: change.pointer.clone(),
        place: where_label(form, card, &change.pointer),
        kind: change.kind,
        values: EntryValues::One {
            before: show_value(change.old.as_ref()),
            after: show_value(change.new.as_ref()),
        },
    }
}

/// A place in `card` as the form names it, with the names of the items
/// on the way: "Evaluation details › Evaluation 1 “November holdout” ›
/// Name". The root is "The whole card".
pub fn where_label(form: &FormNode, card: &Value, pointer: &JsonPointer) -> String {
    let labels = label_path(form, card, pointer);
    if labels.is_empty() {
        return "The whole card".to_owned();
    }
    let steps = walk(form, card, pointer);
    labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            let is_item = matches!(
                steps[index].node.map(|node| &node.kind),
                Some(NodeKind::Array(_))
            );
            let name = is_item
                .then(|| item_name(steps[index + 1].node, steps[index + 1].value))
                .flatten();
            match name {
                Some(name) => format!("{label} {}", quoted_name(&name)),
                None => label,
            }
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// An item's name (an evaluation's, a metric's), when it has one.
fn item_name(node: Option<&FormNode>, value: Option<&Value>) -> Option<String> {
    let node = node?;
    item_summary(node, value).or_else(|| match (&node.kind, value) {
        (NodeKind::Variants(variants), Some(value)) => {
            let chosen = variants.select(value)?;
            item_summary(&variants.variants[chosen].node, Some(value))
        }
        _ => None,
    })
}

/// `“name”`, cut after [`NAME_CHARS`] characters.
fn quoted_name(name: &str) -> String {
    let count = name.chars().count();
    if count > NAME_CHARS {
        let start: String = name.chars().take(NAME_CHARS - 1).collect();
        format!("\u{201c}{}…\u{201d}", start.trim_end())
    } else {
        format!("\u{201c}{name}\u{201d}")
    }
}

/// One step of a pointer through the form and a card.
#[derive(Clone, Copy)]
struct Step<'a> {
    node: Option<&'a FormNode>,
    value: Option<&'a Value>,
}

/// The node and value at the root and after each token of `pointer`.
fn walk<'a>(form: &'a FormNode, card: &'a Value, pointer: &JsonPointer) -> Vec<Step<'a>> {
    let mut steps = vec![Step {
        node: Some(form),
        value: Some(card),
    }];
    for token in pointer.tokens() {
        let Some(last) = steps.last().copied() else {
            break;
        };
        steps.push(Step {
            node: last.node.and_then(|node| node.child(token, last.value)),
            value: last.value.and_then(|value| child_value(value, token)),
        });
    }
    steps
}

/// A grid a change lies inside: its node, widget, depth in the pointer and
/// the object holding it (whose siblings label its rows and columns).
struct Grid<'a> {
    node: &'a FormNode,
    widget: Widget,
    depth: usize,
    owner: Option<&'a Value>,
}

/// The innermost grid strictly above the last step, if any.
fn grid_at<'a>(steps: &[Step<'a>]) -> Option<Grid<'a>> {
    (1..steps.len().saturating_sub(1)).rev().find_map(|depth| {
        let node = steps[depth].node?;
        let widget = choose_widget(node);
        matches!(
            widget,
            Widget::NumberGrid | Widget::PointTable | Widget::LabelledNumbers
        )
        .then_some(Grid {
            node,
            widget,
            depth,
            owner: steps[depth - 1].value,
        })
    })
}

/// A cell (or row) of a grid by its labels: "Row 2 “actual fraud”, column
/// 1 “predicted legit”", "Point 3, true positive rate", "Bar 2 “regular”".
fn cell_label(grid: &Grid, cell: &[String]) -> String {
    let ui = &grid.node.ui;
    let row_noun = ui.item_label.as_deref().unwrap_or("Row");
    let index = |at: usize| cell.get(at).and_then(|token| token.parse::<usize>().ok());
    let (Some(row), column) = (index(0), index(1)) else {
        return cell.join(" › ");
    };
    let sibling = |key: Option<&String>| key.and_then(|key| grid.owner?.get(key));
    let label_at = |key: Option<&String>, at: usize| {
        sibling(key)
            .and_then(|labels| labels.get(at))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|label| !label.is_empty())
            .map(quoted_name)
    };
    let numbered = |noun: &str, at: usize, label: Option<String>| match label {
        Some(label) => format!("{noun} {} {label}", at + 1),
        None => format!("{noun} {}", at + 1),
    };
    match (grid.widget, column) {
        (Widget::NumberGrid, Some(column)) => {
            let column_noun = match &grid.node.kind {
                NodeKind::Array(array) => array.items.ui.item_label.as_deref(),
                _ => None,
            }
            .unwrap_or("Column")
            .to_lowercase();
            format!(
                "{}, {}",
                numbered(row_noun, row, label_at(ui.row_labels_from.as_ref(), row)),
                numbered(
                    &column_noun,
                    column,
                    label_at(ui.labels_from.as_ref(), column)
                )
            )
        }
        (Widget::NumberGrid, None) => {
            numbered(row_noun, row, label_at(ui.row_labels_from.as_ref(), row))
        }
        (Widget::PointTable, Some(axis)) => {
            let (key, fallback) = if axis == 0 {
                (ui.x_name_from.as_ref(), "x")
            } else {
                (ui.y_name_from.as_ref(), "y")
            };
            let name = sibling(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .unwrap_or(fallback);
            format!("{}, {name}", numbered(row_noun, row, None))
        }
        _ => numbered(row_noun, row, label_at(ui.labels_from.as_ref(), row)),
    }
}
