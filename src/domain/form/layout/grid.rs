//! The markup of a grid (a line graph's points, a bar chart's bars, a
//! matrix) that both renderers draw: the ids of its column and row
//! headers, which together name each cell for a screen reader, and their
//! words. The editor (`view/form/grid/`) and the first view
//! (`first_view/grids.rs`) read these, so a cell is named the same before
//! and after the editor takes over.

use super::FieldIds;
use crate::domain::pointer::JsonPointer;

/// The ids of a grid's headers, all derived from the grid's pointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridIds {
    /// The grid's own id (its group's).
    pub id: String,
}

impl GridIds {
    /// The ids of the grid at `pointer`.
    pub fn new(pointer: &JsonPointer) -> Self {
        Self {
            id: FieldIds::new(pointer).control,
        }
    }

    /// The header of a points table's x column.
    pub fn x(&self) -> String {
        format!("{}-x", self.id)
    }

    /// The header of a points table's y column.
    pub fn y(&self) -> String {
        format!("{}-y", self.id)
    }

    /// The header of a bar chart's label column.
    pub fn labels(&self) -> String {
        format!("{}-labels", self.id)
    }

    /// The header of a bar chart's value column.
    pub fn values(&self) -> String {
        format!("{}-values", self.id)
    }

    /// The number of a bar chart's bar `row`.
    pub fn bar(&self, row: usize) -> String {
        format!("{}-bar{row}", self.id)
    }

    /// The question of a wide paste's choice of columns, which names it.
    pub fn column_question(&self) -> String {
        format!("{}-paste-question", self.id)
    }

    /// The choice of the pasted column holding `axis` ("x" or "y").
    pub fn column_choice(&self, axis: &str) -> String {
        format!("{}-paste-{axis}", self.id)
    }

    /// The name of a matrix's column `column`.
    pub fn column(&self, column: usize) -> String {
        format!("{}-col{column}", self.id)
    }

    /// The name of a matrix's row `row`.
    pub fn row(&self, row: usize) -> String {
        format!("{}-row{row}", self.id)
    }
}

/// The number of a points table's point at `point`.
pub fn point_row(point: &JsonPointer) -> String {
    FieldIds::new(point).row()
}

/// A cell's `aria-labelledby`: its column's header, then its row's.
pub fn cell_labelled_by(column: &str, row: &str) -> String {
    format!("{column} {row}")
}

/// Whether a grid's numbers are required: a cell is there to hold one.
pub const CELLS_REQUIRED: bool = true;

/// What every grid says under its title.
pub const HELP: &str = "Paste cells from a spreadsheet or CSV into any cell to fill the grid from there. The arrow keys and Enter move between cells.";

/// What a line graph's rows are called.
pub const POINT: &str = "Point";
/// What a bar chart's rows are called.
pub const BAR: &str = "Bar";
/// What a matrix's columns are called.
pub const COLUMN: &str = "Column";

/// A bar chart's label column.
pub const LABEL: &str = "Label";
/// A bar chart's value column.
pub const VALUE: &str = "Value";
/// A matrix's row number column (read by screen readers only).
pub const ROW: &str = "Row";
/// A matrix's row label column.
pub const ROW_LABEL: &str = "Row label";
/// A table's actions column (read by screen readers only).
pub const ACTIONS: &str = "Actions";
/// The title of a matrix cell past the end of a shorter row.
pub const MISSING_CELL: &str = "This row is shorter; fill the cells to the left first";

/// "Column 3": a matrix column's name (`column` counted from 0).
pub fn column_name(column: usize) -> String {
    format!("Column {}", column + 1)
}

/// "Row 3": a matrix row's name (`row` counted from 0).
pub fn row_name(row: usize) -> String {
    format!("Row {}", row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_by_their_column_then_their_row() {
        let grid = GridIds::new(&JsonPointer::parse("/m/value").unwrap());
        assert_eq!(grid.id, "f/m/value");
        assert_eq!(
            cell_labelled_by(&grid.column(2), &grid.row(0)),
            "f/m/value-col2 f/m/value-row0"
        );
        assert_eq!(grid.bar(1), "f/m/value-bar1");
        assert_eq!(
            point_row(&JsonPointer::parse("/m/value/4").unwrap()),
            "f/m/value/4-row"
        );
        assert_eq!(column_name(0), "Column 1");
        assert_eq!(row_name(9), "Row 10");
    }
}
