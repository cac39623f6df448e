//! Grids in the first view: a line graph's points, a bar chart's bars and
//! a matrix, drawn as the editor draws them (`view/form/grid/`) from the
//! same layout (`domain::form::layout::grid`): the same headers with the
//! same ids and words, so each number box is named by its column and row
//! before the editor takes over as after. Labels show as text; typing
//! them, adding and removing rows are the editor's.

use serde_json::Value;
use web_sys::Element;

use super::fields::{Form, Place, set};
use crate::domain::form::layout::grid::{
    self, CELLS_REQUIRED, GridIds, cell_labelled_by, column_name, point_row, row_name,
};
use crate::domain::form::layout::{FieldIds, Leaf, class, text};
use crate::domain::form::node::ArrayNode;
use crate::domain::grid_edit::{
    axis_title, bar_count, cell_open, matrix_size, point_count, row_lengths, strings,
};
use crate::domain::pointer::JsonPointer;

/// The value of the member `key` of the object holding `place`, if the
/// ui schema names one (a graph's axis names, a chart's labels).
fn sibling<'a>(place: &Place<'a>, key: &Option<String>) -> Option<&'a Value> {
    place.owner?.get(key.as_deref()?)
}

impl Form {
    /// A line graph's points: an x and a y box per point.
    pub(super) fn points(&self, place: Place, parent: &Element) {
        let points = place
            .value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let ids = GridIds::new(place.pointer);
        let (frame, table, body) =
            self.grid_table(place, &point_count(points.len()), class::GRID_TABLE, parent);
        let head = self.dom.add("tr", "", &self.dom.add("thead", "", &table));
        self.header(class::TABLE_INDEX, text::NUMBER_COLUMN, &head);
        for (id, axis, name) in [
            (ids.x(), "X", &place.node.ui.x_name_from),
            (ids.y(), "Y", &place.node.ui.y_name_from),
        ] {
            let name = sibling(&place, name).and_then(Value::as_str);
            self.header("", &axis_title(axis, name), &head).set_id(&id);
        }
        self.hidden_header("", grid::ACTIONS, &head);
        for (row, point) in points.iter().enumerate() {
            let point_pointer = place.pointer.child(row.to_string());
            let row_id = point_row(&point_pointer);
            let tr = self.dom.add("tr", "", &body);
            let number = self
                .dom
                .add_text("th", class::TABLE_INDEX, &(row + 1).to_string(), &tr);
            number.set_id(&row_id);
            set(&number, "scope", "row");
            for (column, header) in [ids.x(), ids.y()].iter().enumerate() {
                let cell = point_pointer.child(column.to_string());
                let value = point.get(column);
                self.number_cell(
                    &place,
                    &cell,
                    value,
                    row,
                    &cell_labelled_by(header, &row_id),
                    &tr,
                );
            }
            self.dom.add("td", class::TABLE_ACTIONS, &tr);
        }
        self.add_button(grid::POINT, &frame);
        self.grid_messages(place.pointer, &frame);
    }

    /// A bar chart's bars: each value beside its label.
    pub(super) fn bars(&self, place: Place, parent: &Element) {
        let values = place
            .value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let labels = sibling(&place, &place.node.ui.labels_from);
        let label_texts = strings(labels);
        let count = values.len().max(label_texts.len());
        let ids = GridIds::new(place.pointer);
        let (frame, table, body) =
            self.grid_table(place, &bar_count(count), class::GRID_TABLE, parent);
        let head = self.dom.add("tr", "", &self.dom.add("thead", "", &table));
        self.header(class::TABLE_INDEX, text::NUMBER_COLUMN, &head);
        if labels.is_some() {
            self.header("", grid::LABEL, &head).set_id(&ids.labels());
        }
        self.header("", grid::VALUE, &head).set_id(&ids.values());
        self.hidden_header("", grid::ACTIONS, &head);
        for row in 0..count {
            let tr = self.dom.add("tr", "", &body);
            let number = self
                .dom
                .add_text("td", class::TABLE_INDEX, &(row + 1).to_string(), &tr);
            number.set_id(&ids.bar(row));
            if labels.is_some() {
                let label = label_texts.get(row).map(String::as_str).unwrap_or_default();
                let cell = self.dom.add_text("th", class::GRID_LABEL, label, &tr);
                set(&cell, "scope", "row");
            }
            if cell_open(row, values.len()) {
                let cell = place.pointer.child(row.to_string());
                let labelled_by = cell_labelled_by(&ids.values(), &ids.bar(row));
                self.number_cell(&place, &cell, values.get(row), row, &labelled_by, &tr);
            }
            self.dom.add("td", class::TABLE_ACTIONS, &tr);
        }
        self.add_button(grid::BAR, &frame);
        self.grid_messages(place.pointer, &frame);
    }

    /// A matrix: rows by columns of numbers, with its labels.
    pub(super) fn matrix(&self, place: Place, array: &ArrayNode, parent: &Element) {
        let rows = place
            .value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let lengths = row_lengths(place.value);
        let columns = lengths.iter().copied().max().unwrap_or(0);
        let row_labels = sibling(&place, &place.node.ui.row_labels_from);
        let column_labels = sibling(&place, &place.node.ui.labels_from);
        let ids = GridIds::new(place.pointer);
        let size = matrix_size(rows.len(), columns, array.max_items);
        let (frame, table, body) = self.grid_table(place, &size, class::GRID_MATRIX, parent);
        self.matrix_head(&ids, columns, row_labels.is_some(), column_labels, &table);
        let row_texts = strings(row_labels);
        for (row, cells) in rows.iter().enumerate() {
            let tr = self.dom.add("tr", "", &body);
            let number = self.dom.add("th", class::TABLE_INDEX, &tr);
            set(&number, "scope", "row");
            self.dom
                .add_text("span", "", &row_name(row), &number)
                .set_id(&ids.row(row));
            if row_labels.is_some() {
                let label = row_texts.get(row).map(String::as_str).unwrap_or_default();
                let cell = self.dom.add_text("th", class::GRID_LABEL, label, &tr);
                set(&cell, "scope", "row");
                set(&cell, "data-row", &row.to_string());
            }
            let row_pointer = place.pointer.child(row.to_string());
            for column in 0..columns {
                if cell_open(column, lengths[row]) {
                    let cell = row_pointer.child(column.to_string());
                    let labelled_by = cell_labelled_by(&ids.column(column), &ids.row(row));
                    self.number_cell(&place, &cell, cells.get(column), row, &labelled_by, &tr);
                } else {
                    let missing = self.dom.add_text("td", class::GRID_CELL_MISSING, "—", &tr);
                    set(&missing, "title", grid::MISSING_CELL);
                }
            }
            self.dom.add("td", class::TABLE_ACTIONS, &tr);
        }
        let buttons = self.dom.add("div", class::GRID_BUTTONS, &frame);
        self.add_button(grid::ROW, &buttons);
        self.add_button(grid::COLUMN, &buttons);
        self.grid_messages(place.pointer, &frame);
    }

    /// A matrix's head: the row number and label columns, then a heading
    /// per column with its label.
    fn matrix_head(
        &self,
        ids: &GridIds,
        columns: usize,
        row_labels: bool,
        column_labels: Option<&Value>,
        table: &Element,
    ) {
        let head = self.dom.add("tr", "", &self.dom.add("thead", "", table));
        self.hidden_header(class::TABLE_INDEX, grid::ROW, &head);
        if row_labels {
            self.header("", grid::ROW_LABEL, &head);
        }
        let labels = strings(column_labels);
        for column in 0..columns {
            let th = self.header(class::GRID_HEAD, "", &head);
            let name = self
                .dom
                .add_text("span", class::GRID_NUMBER, &column_name(column), &th);
            name.set_id(&ids.column(column));
            if column_labels.is_some() {
                let label = labels.get(column).map(String::as_str).unwrap_or_default();
                self.dom.add_text("span", class::GRID_LABEL, label, &th);
            }
        }
        self.hidden_header(class::TABLE_ACTIONS, grid::ACTIONS, &head);
    }

    /// The frame of a grid, as the editor's: title, size, help and the
    /// table in its scroll box. Returns the frame, the table and its body.
    fn grid_table(
        &self,
        place: Place,
        size: &str,
        table_class: &str,
        parent: &Element,
    ) -> (Element, Element, Element) {
        let ids = FieldIds::new(place.pointer);
        let frame = self.dom.add("div", class::GRID, parent);
        frame.set_id(&ids.control);
        set(&frame, "role", "group");
        set(&frame, "aria-labelledby", &ids.heading());
        set(&frame, "aria-describedby", &ids.messages);
        set(&frame, "data-path", &place.pointer.to_string());
        let head = self.dom.add("div", class::LIST_HEAD, &frame);
        let title = self.heading(place, class::LIST_TITLE, &head);
        title.set_id(&ids.heading());
        self.dom.add_text("span", class::LIST_LIMIT, size, &head);
        self.dom
            .add_text("p", class::FIELD_HELP, grid::HELP, &frame);
        let scroll = self.dom.add("div", class::TABLE_SCROLL, &frame);
        let table = self.dom.add("table", table_class, &scroll);
        let body = self.dom.add("tbody", "", &table);
        (frame, table, body)
    }

    /// The grid's own message list, last in its frame as in the editor.
    fn grid_messages(&self, pointer: &JsonPointer, frame: &Element) {
        self.messages(&FieldIds::new(pointer).messages, frame);
    }

    /// A number box in a grid cell, named by `labelled_by`.
    fn number_cell(
        &self,
        grid: &Place,
        pointer: &JsonPointer,
        value: Option<&Value>,
        row: usize,
        labelled_by: &str,
        tr: &Element,
    ) {
        let td = self.dom.add("td", class::GRID_CELL, tr);
        set(&td, "data-row", &row.to_string());
        // The grid's node stands in for the cell's: a number box reads
        // nothing from it but a placeholder, which cells have none of.
        let at = Place {
            pointer,
            node: grid.node,
            label: grid.label,
            level: grid.level + 1,
            value,
            owner: None,
        };
        let control = self.control(at, Leaf::NumberInput, CELLS_REQUIRED, &td);
        control.set_class_name(class::INPUT_NUMBER_CELL);
        let _ = control.remove_attribute("placeholder");
        let ids = FieldIds::new(pointer);
        set(&control, "aria-labelledby", labelled_by);
        set(&control, "aria-describedby", &ids.messages);
        self.messages(&ids.messages, &td);
    }

    /// A column header with `words`.
    fn header(&self, header_class: &str, words: &str, row: &Element) -> Element {
        let th = self.dom.add_text("th", header_class, words, row);
        set(&th, "scope", "col");
        th
    }

    /// A column header read by screen readers only.
    fn hidden_header(&self, header_class: &str, words: &str, row: &Element) {
        let th = self.header(header_class, "", row);
        self.dom
            .add_text("span", class::VISUALLY_HIDDEN, words, &th);
    }
}
