//! The class names of the form's markup, written once. The first view
//! (`src/first_view/`) and the editor (`src/view/form/`) both read these,
//! so the stylesheet (`style/`) styles one markup, and the first view
//! cannot drift from the editor it stands in for. A class list that always
//! goes together (a button and its kind) is one constant; a class that
//! comes and goes with state is a function of that state.

/// A labelled field: its label, help, control, counter and messages.
pub const FIELD: &str = "mce-field";
/// A checkbox field, whose box comes before its label.
pub const FIELD_CHECKBOX: &str = "mce-field mce-field--checkbox";
/// The row holding a field's label and counter.
pub const FIELD_TOP: &str = "mce-field__top";
/// The row holding a checkbox and its label.
pub const FIELD_CHECK: &str = "mce-field__check";
/// A field's label.
pub const FIELD_LABEL: &str = "mce-field__label";
/// The mark after a required field's label.
pub const FIELD_REQUIRED: &str = "mce-field__required";
/// The help under a field's label.
pub const FIELD_HELP: &str = "mce-field__help";
/// A text field's character counter.
pub const FIELD_COUNTER: &str = "mce-field__counter";
/// The counter's modifier once the text is over its limit.
pub const FIELD_COUNTER_OVER: &str = "mce-field__counter--over";

/// The class list of a field, marked invalid while it has errors.
pub fn field(checkbox: bool, invalid: bool) -> &'static str {
    match (checkbox, invalid) {
        (false, false) => FIELD,
        (false, true) => "mce-field mce-field--invalid",
        (true, false) => FIELD_CHECKBOX,
        (true, true) => "mce-field mce-field--checkbox mce-field--invalid",
    }
}

/// The class list of a character counter, marked once over its limit.
pub fn counter(over: bool) -> &'static str {
    if over {
        "mce-field__counter mce-field__counter--over"
    } else {
        FIELD_COUNTER
    }
}

/// A one-line text box.
pub const INPUT: &str = "mce-input";
/// A multi-line text box.
pub const INPUT_MULTILINE: &str = "mce-input mce-input--multiline";
/// A multi-line box of raw JSON.
pub const INPUT_CODE: &str = "mce-input mce-input--multiline mce-input--code";
/// A choice among strings.
pub const INPUT_SELECT: &str = "mce-input mce-input--select";
/// A number box.
pub const INPUT_NUMBER: &str = "mce-input mce-input--number";
/// A number box in a grid cell (narrower).
pub const INPUT_NUMBER_CELL: &str = "mce-input mce-input--number mce-input--cell";
/// A checkbox.
pub const CHECKBOX: &str = "mce-checkbox";

/// A field's message list.
pub const MESSAGES: &str = "mce-messages";
/// An error in a message list.
pub const MESSAGE_ERROR: &str = "mce-messages__error";
/// A lint warning in a message list.
pub const MESSAGE_WARNING: &str = "mce-messages__warning";
/// A widget's own note in a message list (why a paste was refused).
pub const MESSAGE_NOTE: &str = "mce-messages__note";

/// A group of named fields (an object).
pub const GROUP: &str = "mce-group";
/// A group's title.
pub const GROUP_TITLE: &str = "mce-group__title";
/// A section's title, when the group is a section.
pub const GROUP_TITLE_SECTION: &str = "mce-group__title mce-group__title--section";
/// A group's help.
pub const GROUP_HELP: &str = "mce-group__help";

/// The class list of a group, marked when it is a whole section.
pub fn group(section: bool) -> &'static str {
    if section {
        "mce-group mce-group--section"
    } else {
        GROUP
    }
}

/// A list of collapsible items.
pub const ITEMS: &str = "mce-items";
/// The ordered list holding the items.
pub const ITEMS_LIST: &str = "mce-items__list";
/// The line saying how many items are not shown yet.
pub const ITEMS_MORE: &str = "mce-items__more";
/// One collapsible item.
pub const ITEM: &str = "mce-item";
/// An item's head: its toggle and its row actions.
pub const ITEM_HEAD: &str = "mce-item__head";
/// The button opening and closing an item.
pub const ITEM_TOGGLE: &str = "mce-item__toggle";
/// The chevron in an item's toggle.
pub const ITEM_CHEVRON: &str = "mce-item__chevron";
/// An item's name ("Evaluation 2").
pub const ITEM_NAME: &str = "mce-item__name";
/// What an item's title says of it (its name and kind).
pub const ITEM_SUMMARY: &str = "mce-item__summary";
/// An item's body.
pub const ITEM_BODY: &str = "mce-item__body";
/// The count of problems inside an item.
pub const BADGE_ERROR: &str = "mce-badge mce-badge--error";

/// A list of texts or numbers.
pub const LIST: &str = "mce-list";
/// A list's head: its title and its count.
pub const LIST_HEAD: &str = "mce-list__head";
/// A list's title.
pub const LIST_TITLE: &str = "mce-list__title";
/// "3 items · at most 10".
pub const LIST_LIMIT: &str = "mce-list__limit";
/// The ordered list of rows.
pub const LIST_ROWS: &str = "mce-list__rows";
/// One row: its label, control and actions.
pub const LIST_ROW: &str = "mce-list__row";
/// A row's label ("Artifact 2").
pub const LIST_LABEL: &str = "mce-list__label";
/// A row's control and messages.
pub const LIST_CONTROL: &str = "mce-list__control";

/// Key and value rows (a map).
pub const MAP: &str = "mce-map";
/// The list of a map's rows.
pub const MAP_ROWS: &str = "mce-map__rows";
/// One key and its value.
pub const MAP_ROW: &str = "mce-map__row";
/// The row of a key being typed, not yet in the card.
pub const MAP_ROW_PENDING: &str = "mce-map__row mce-map__row--pending";
/// A map's key cell.
pub const MAP_KEY: &str = "mce-map__key";
/// A map's value cell.
pub const MAP_VALUE: &str = "mce-map__value";
/// A value cell holding a hint instead of a control.
pub const MAP_VALUE_HINT: &str = "mce-map__value mce-map__hint";

/// A table of items, with its title.
pub const TABLE_FIELD: &str = "mce-table-field";
/// The box a wide table scrolls in.
pub const TABLE_SCROLL: &str = "mce-table-scroll";
/// A table.
pub const TABLE: &str = "mce-table";
/// The row number column.
pub const TABLE_INDEX: &str = "mce-table__index";
/// The row actions column.
pub const TABLE_ACTIONS: &str = "mce-table__actions";
/// A grid: points, bars or a matrix.
pub const GRID: &str = "mce-grid";
/// A grid's table.
pub const GRID_TABLE: &str = "mce-table mce-grid__table";
/// A matrix's table.
pub const GRID_MATRIX: &str = "mce-table mce-grid__table mce-grid__matrix";
/// A grid's number cell.
pub const GRID_CELL: &str = "mce-grid__cell";
/// A matrix cell past the end of a shorter row.
pub const GRID_CELL_MISSING: &str = "mce-grid__cell mce-grid__cell--missing";
/// A matrix column's head: its name, remove button and label.
pub const GRID_HEAD: &str = "mce-grid__head";
/// A matrix column's name.
pub const GRID_NUMBER: &str = "mce-grid__number";
/// A grid's label cell.
pub const GRID_LABEL: &str = "mce-grid__label";
/// A grid's add buttons.
pub const GRID_BUTTONS: &str = "mce-grid__buttons";
/// A label box in a grid cell.
pub const INPUT_LABEL_CELL: &str = "mce-input mce-input--cell mce-input--label";

/// A value that may take one of several shapes.
pub const VARIANT: &str = "mce-variant";
/// The fields of the chosen shape.
pub const VARIANT_BODY: &str = "mce-variant__body";

/// A key the schema does not declare, shown and flagged.
pub const UNKNOWN: &str = "mce-unknown";
/// An unknown key's head: the flag and the key.
pub const UNKNOWN_HEAD: &str = "mce-unknown__head";
/// The "Unknown field" flag.
pub const UNKNOWN_FLAG: &str = "mce-unknown__flag";
/// An unknown key's value, as JSON.
pub const UNKNOWN_VALUE: &str = "mce-unknown__value";
/// Why an unknown key is kept.
pub const UNKNOWN_NOTE: &str = "mce-unknown__note";

/// A value the first view shows as it is, until the editor edits it.
pub const FIRST_VIEW_VALUE: &str = "mce-first-view__value";

/// A button.
pub const BUTTON: &str = "mce-button";
/// A list's "Add" button.
pub const BUTTON_ADD: &str = "mce-button mce-button--add";
/// A small button.
pub const BUTTON_SMALL: &str = "mce-button mce-button--small";
/// A small button for the way out a reviewer most likely wants.
pub const BUTTON_SMALL_PRIMARY: &str = "mce-button mce-button--small mce-button--primary";
/// A button that removes.
pub const BUTTON_DANGER: &str = "mce-button mce-button--danger";
/// An icon-only button (move up, move down).
pub const ICON_BUTTON: &str = "mce-icon-button";
/// An icon-only button that removes.
pub const ICON_BUTTON_DANGER: &str = "mce-icon-button mce-icon-button--danger";
/// A row's move and remove buttons.
pub const ROW_ACTIONS: &str = "mce-row-actions";
/// The ways out of text the card does not hold.
pub const ENTRY_ACTIONS: &str = "mce-entry-actions";
/// Text for screen readers only.
pub const VISUALLY_HIDDEN: &str = "mce-visually-hidden";

// ---- charts (`view/chart.rs`, the editor's panels and the preview) ----

/// A chart's SVG.
pub const CHART: &str = "mce-chart";
/// A grid line at a tick.
pub const CHART_GRID: &str = "mce-chart__grid";
/// An axis line.
pub const CHART_AXIS: &str = "mce-chart__axis";
/// A tick's label.
pub const CHART_TICK: &str = "mce-chart__tick";
/// An axis's title.
pub const CHART_AXIS_TITLE: &str = "mce-chart__axis-title";
/// A line graph's line.
pub const CHART_LINE: &str = "mce-chart__line";
/// A line graph's point.
pub const CHART_POINT: &str = "mce-chart__point";
/// The diagonal of a ROC or precision-recall curve.
pub const CHART_REFERENCE: &str = "mce-chart__reference";
/// A bar.
pub const CHART_BAR: &str = "mce-chart__bar";
/// A bar's, row's or column's label.
pub const CHART_CATEGORY: &str = "mce-chart__category";
/// A label's shortened text, hidden while the label has focus.
pub const CHART_SHORT: &str = "mce-chart__short";
/// A label's whole text, shown while the label has focus.
pub const CHART_FULL: &str = "mce-chart__full";
/// A heat map's cell.
pub const CHART_CELL: &str = "mce-chart__cell";
/// A value written on a light cell.
pub const CHART_CELL_TEXT: &str = "mce-chart__cell-text";
/// A value written on a dark cell.
pub const CHART_CELL_TEXT_LIGHT: &str = "mce-chart__cell-text mce-chart__cell-text--light";
/// The outline of the largest cell.
pub const CHART_LARGEST: &str = "mce-chart__mark mce-chart__mark--largest";
/// The outline of the smallest cell.
pub const CHART_SMALLEST: &str = "mce-chart__mark mce-chart__mark--smallest";
/// A heat map's colour legend.
pub const CHART_LEGEND: &str = "mce-chart__legend";
/// The frame around the legend's colour bar.
pub const CHART_LEGEND_FRAME: &str = "mce-chart__legend-frame";
/// The box a chart's table scrolls in.
pub const CHART_TABLE_SCROLL: &str = "mce-table-scroll mce-chart-table";
/// A chart's numbers as a table.
pub const CHART_TABLE: &str = "mce-print__table mce-print__table--compact";
/// A metric's chart panel in the editor.
pub const CHART_PANEL: &str = "mce-chart-panel";
/// A paste wider than a line graph's points, asking which columns to take.
pub const PASTE_CHOICE: &str = "mce-paste-choice";
/// The paste choice's two selects.
pub const PASTE_CHOICE_FIELDS: &str = "mce-paste-choice__fields";
/// The paste choice's buttons.
pub const PASTE_CHOICE_ACTIONS: &str = "mce-paste-choice__actions";
/// The panel's head: its toggle and its table switch.
pub const CHART_PANEL_HEAD: &str = "mce-chart-panel__head";
/// The panel's body: the chart or its table, scrolling sideways inside
/// itself on a narrow screen rather than shrinking past reading.
pub const CHART_PANEL_BODY: &str = "mce-chart-panel__body";
/// What a chart still lacks, where it will be drawn.
pub const CHART_MISSING: &str = "mce-chart-panel__missing";
/// An evaluation's overview of its charts and simple metrics.
pub const OVERVIEW: &str = "mce-overview";
/// The overview's charts, side by side where they fit.
pub const OVERVIEW_CHARTS: &str = "mce-overview__charts";
/// One chart in the overview, a link to its metric.
pub const OVERVIEW_FIGURE: &str = "mce-overview__figure";
/// The overview's simple metrics.
pub const OVERVIEW_TABLE: &str = "mce-print__table mce-print__table--compact mce-overview__metrics";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_classes_add_their_modifier_to_the_base_list() {
        assert_eq!(field(false, false), FIELD);
        assert_eq!(field(true, false), FIELD_CHECKBOX);
        assert!(field(false, true).starts_with(FIELD) && field(false, true).ends_with("--invalid"));
        assert!(field(true, true).starts_with(FIELD_CHECKBOX));
        assert_eq!(counter(false), FIELD_COUNTER);
        assert!(counter(true).contains(FIELD_COUNTER_OVER));
        assert_eq!(group(false), GROUP);
        assert!(group(true).starts_with(GROUP));
    }
}
