//! The words of the form's markup, written once: what an empty choice
//! says, how an item is named and counted, what a counter reads. Both
//! renderers (the first view and the editor) take their texts from here,
//! so a reader sees the same words before and after the editor takes over.

use crate::domain::form::node::FormNode;

/// The empty choice of a required select: a value must be chosen.
pub const CHOOSE: &str = "Choose…";
/// The empty choice of an optional select: leaving it empty is fine.
pub const NOT_SET: &str = "Not set";
/// The mark after a required field's label (hidden from screen readers,
/// which hear `aria-required` instead).
pub const REQUIRED_MARK: &str = " *";
/// The flag on a key the schema does not declare.
pub const UNKNOWN_FIELD: &str = "Unknown field";
/// Why an unknown key is still there.
pub const UNKNOWN_KEPT: &str = "Not a field a model card defines; kept in the card as it is.";
/// The header of a table's row number column.
pub const NUMBER_COLUMN: &str = "#";
/// What an item list's items are called when the ui schema does not say.
pub const ITEM: &str = "Item";
/// What a map's entries are called when the ui schema does not say.
pub const ENTRY: &str = "Entry";

/// The text of the empty choice: "Choose…" when a value is required,
/// "Not set" when leaving it empty is fine.
pub fn empty_choice(required: bool) -> &'static str {
    if required { CHOOSE } else { NOT_SET }
}

/// A value the schema does not allow, as its select shows it: the card's
/// value is never hidden behind another choice.
pub fn not_allowed(value: &str) -> String {
    format!("{value} (not allowed)")
}

/// "12 / 1024": the length the schema counts, against its limit.
pub fn counter(used: usize, limit: u64) -> String {
    format!("{used} / {limit}")
}

/// Whether a counter is over its limit.
pub fn counter_over(used: usize, limit: u64) -> bool {
    used as u64 > limit
}

/// What one item of `node`'s list is called ("Artifact"), or `fallback`
/// ([`ITEM`] for lists, [`ENTRY`] for maps).
pub fn noun(node: &FormNode, fallback: &str) -> String {
    node.ui
        .item_label
        .clone()
        .unwrap_or_else(|| fallback.to_owned())
}

/// "Artifact 3": the name of the item at `index` (0-based).
pub fn item_name(noun: &str, index: usize) -> String {
    format!("{noun} {}", index + 1)
}

/// "1 entry", "3 entries": how many keys a map has.
pub fn entries(count: usize) -> String {
    match count {
        1 => "1 entry".to_owned(),
        n => format!("{n} entries"),
    }
}

/// The label of the value of a map's `key`.
pub fn map_value(key: &str) -> String {
    format!("Value of \"{key}\"")
}

/// "Add artifact": a list's add button.
pub fn add(noun: &str) -> String {
    format!("Add {}", noun.to_lowercase())
}

/// The chevron of an item's toggle.
pub fn chevron(open: bool) -> &'static str {
    if open { "▾" } else { "▸" }
}

/// "1 problem", "3 problems": the badge of an item with problems inside.
pub fn problems(count: usize) -> String {
    match count {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    }
}

/// "Show 50 more of 120": the button under a list showing a page at a
/// time.
pub fn show_more(hidden: usize, page: usize) -> String {
    format!("Show {} more of {hidden}", hidden.min(page))
}

/// The name of a number in a grid, for screen readers: "Confusion
/// matrix, row 2, value 3".
pub fn grid_cell(label: &str, row: usize, column: usize) -> String {
    format!("{label}, row {}, value {}", row + 1, column + 1)
}

/// The empty choice of a type select, which cannot be chosen back.
pub const CHOOSE_TYPE: &str = "Choose a type…";

/// The label of the raw JSON box of a value whose type is not chosen.
pub const UNTYPED_JSON: &str = "Content, as JSON, until a type is chosen";

/// "Metric: Type": the label of the select switching a value's shape.
pub fn variant_select(label: &str, discriminator: &str) -> String {
    format!("{label}: {discriminator}")
}

/// What a type select says for a variant's `tag`: the variant's label, or
/// for a variant of several tags the label and the tag as people say it
/// ("Simple – yes/no").
pub fn variant_choice(label: &str, tag: &str, tags: usize) -> String {
    if tags == 1 {
        return label.to_owned();
    }
    let said = match tag {
        "string" => "text".to_owned(),
        "boolean" => "yes/no".to_owned(),
        other => other.replace('_', " "),
    };
    format!("{label} – {said}")
}

/// A tag no variant carries, as the type select shows it.
pub fn unknown_type(tag: &str) -> String {
    format!("{tag} (unknown)")
}

/// The first view's word for a variant it cannot switch: "Type: Number".
pub fn variant_type(label: &str) -> String {
    format!("Type: {label}")
}

/// The first view's line under a list longer than a page: the rest come
/// with the editor.
pub fn more_with_editor(more: usize, rows: bool) -> String {
    let what = match (rows, more) {
        (true, 1) => "row",
        (true, _) => "rows",
        (false, 1) => "item",
        (false, _) => "items",
    };
    format!("{more} more {what} show once the editor has loaded.")
}

/// The first view's title on an "Add" it shows disabled.
pub const ADD_WITH_EDITOR: &str = "Available once the editor has loaded";

/// What a paste wider than a line graph's points asks.
pub fn choose_point_columns(columns: usize, points: usize) -> String {
    let rows = if points == 1 {
        "1 row"
    } else {
        &format!("{points} rows")
    };
    format!(
        "The pasted table has {columns} columns ({rows}); a point has an x and a y. Which columns are they?"
    )
}

/// The button taking a wide paste's chosen columns.
pub fn paste_points(points: usize) -> String {
    if points == 1 {
        "Paste 1 point".to_owned()
    } else {
        format!("Paste {points} points")
    }
}

/// The button leaving a wide paste untaken, the card unchanged.
pub const CANCEL_PASTE: &str = "Cancel";

/// The toggle of a metric's chart panel.
pub const CHART: &str = "Chart";
/// The switch from a chart to its numbers.
pub const SHOW_AS_TABLE: &str = "Show as table";
/// The switch back from the numbers to the chart.
pub const SHOW_AS_CHART: &str = "Show as chart";

/// The caption of a chart's numbers.
pub fn chart_values(title: &str) -> String {
    format!("{title}: the values")
}

/// The heading of an evaluation's overview.
pub const OVERVIEW: &str = "Overview";
/// What the overview is, under its heading.
pub const OVERVIEW_HELP: &str = "Every chart and simple metric of this evaluation together. Select a chart to go to its metric's fields.";
/// The overview's simple metrics table's headers.
pub const OVERVIEW_COLUMNS: [&str; 3] = ["Metric group", "Metric", "Value"];
/// The name of the overview's table of simple metrics.
pub const OVERVIEW_SIMPLE: &str = "Simple metrics";
/// The overview of an evaluation with no metrics yet.
pub const OVERVIEW_EMPTY: &str =
    "No metrics yet: add a metric group with metrics to see them here.";
/// The link from an overview's chart to its metric.
pub fn go_to_metric(name: &str) -> String {
    format!("Go to {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_say_whether_a_value_is_needed() {
        assert_eq!(empty_choice(true), "Choose…");
        assert_eq!(empty_choice(false), "Not set");
        assert_eq!(not_allowed("Extreme"), "Extreme (not allowed)");
    }

    #[test]
    fn counters_count_and_say_when_over() {
        assert_eq!(counter(12, 1024), "12 / 1024");
        assert!(!counter_over(1024, 1024));
        assert!(counter_over(1025, 1024));
    }

    #[test]
    fn items_are_named_from_one() {
        assert_eq!(item_name("Artifact", 0), "Artifact 1");
        assert_eq!(add("Metric group"), "Add metric group");
        assert_eq!(problems(1), "1 problem");
        assert_eq!(entries(1), "1 entry");
        assert_eq!(entries(0), "0 entries");
        assert_eq!(map_value("owner"), "Value of \"owner\"");
        assert_eq!(problems(2), "2 problems");
        assert_eq!(show_more(120, 50), "Show 50 more of 120");
        assert_eq!(show_more(7, 50), "Show 7 more of 7");
        assert_eq!(grid_cell("Matrix", 0, 1), "Matrix, row 1, value 2");
    }

    #[test]
    fn type_choices_say_tags_as_people_do() {
        assert_eq!(variant_choice("Matrix", "matrix", 1), "Matrix");
        assert_eq!(variant_choice("Simple", "boolean", 3), "Simple – yes/no");
        assert_eq!(variant_choice("Simple", "string", 3), "Simple – text");
        assert_eq!(variant_choice("Chart", "bar_chart", 2), "Chart – bar chart");
        assert_eq!(unknown_type("pie"), "pie (unknown)");
    }

    #[test]
    fn the_first_view_says_what_comes_with_the_editor() {
        assert_eq!(
            more_with_editor(1, false),
            "1 more item show once the editor has loaded."
        );
        assert_eq!(
            more_with_editor(3, true),
            "3 more rows show once the editor has loaded."
        );
    }
}
