//! Tables pasted from a spreadsheet or a CSV file into a number grid
//! (a matrix, a bar chart, a line graph's points).
//!
//! Cells are separated by tabs (what spreadsheets put on the clipboard), or
//! else by commas or semicolons, or else by runs of spaces. A first row of
//! words is read as column labels and a first column of words as row
//! labels, so a confusion matrix copied with its headers keeps them.

use std::fmt;

use serde_json::Number;

use crate::domain::form::values::parse_number;

/// A pasted table: numbers, and the labels found around them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedTable {
    /// Labels from a first row of words, one per number column.
    pub column_labels: Option<Vec<String>>,
    /// Labels from a first column of words, one per row.
    pub row_labels: Option<Vec<String>>,
    /// The numbers, row by row (rows may differ in length, as pasted).
    pub rows: Vec<Vec<Number>>,
}

/// Why pasted text is not a table of numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// Nothing but whitespace was pasted.
    Empty,
    /// A cell that should be a number is not; row and column are 1-based
    /// positions in the pasted text.
    NotANumber {
        /// The row of the cell.
        row: usize,
        /// The column of the cell.
        column: usize,
        /// What the cell holds.
        text: String,
    },
}

impl fmt::Display for PasteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the pasted text is empty"),
            Self::NotANumber { row, column, text } => {
                let shown: String = text.chars().take(20).collect();
                write!(
                    f,
                    "row {row}, column {column} of the pasted text is not a number: \"{shown}\""
                )
            }
        }
    }
}

impl std::error::Error for PasteError {}

/// Splits pasted text into rows of cell texts.
pub fn split_cells(text: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = text
        .lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.trim().is_empty())
        .collect();
    let separator = if text.contains('\t') {
        Separator::Tab
    } else if text.contains(',') || text.contains(';') {
        Separator::Comma
    } else {
        Separator::Space
    };
    lines
        .into_iter()
        .map(|line| separator.split(line))
        .collect()
}

/// How the cells of a pasted line are separated.
#[derive(Clone, Copy)]
enum Separator {
    Tab,
    Comma,
    Space,
}

impl Separator {
    fn split(self, line: &str) -> Vec<String> {
        match self {
            Self::Tab => line
                .split('\t')
                .map(|cell| cell.trim().to_owned())
                .collect(),
            Self::Comma => line
                .split([',', ';'])
                .map(|cell| cell.trim().trim_matches('"').to_owned())
                .collect(),
            Self::Space => line.split_whitespace().map(str::to_owned).collect(),
        }
    }
}

/// Reads pasted text as a table of numbers with optional labels.
pub fn parse_table(text: &str) -> Result<PastedTable, PasteError> {
    let mut cells = split_cells(text);
    if cells.is_empty() {
        return Err(PasteError::Empty);
    }
    let is_word = |cell: &String| !cell.is_empty() && parse_number(cell).is_none();
    let header = cells[0].iter().skip(1).any(is_word)
        || (cells[0].len() == 1 && cells.len() > 1 && is_word(&cells[0][0]));
    let mut first_row = 1;
    let column_labels = if header {
        Some(cells.remove(0))
    } else {
        first_row = 0;
        None
    };
    let labelled_rows =
        !cells.is_empty() && cells.iter().all(|row| row.first().is_some_and(is_word));
    let row_labels = labelled_rows.then(|| cells.iter_mut().map(|row| row.remove(0)).collect());
    let column_labels = match (column_labels, labelled_rows) {
        // The header's first cell sits above the row labels: a corner.
        (Some(mut labels), true) if labels.len() > cells.first().map_or(0, Vec::len) => {
            labels.remove(0);
            Some(labels)
        }
        (labels, _) => labels,
    };
    let mut rows = Vec::with_capacity(cells.len());
    for (row_index, row) in cells.iter().enumerate() {
        let mut numbers = Vec::with_capacity(row.len());
        for (column_index, cell) in row.iter().enumerate() {
            let number = parse_number(cell).ok_or_else(|| PasteError::NotANumber {
                row: row_index + first_row + 1,
                column: column_index + 1 + usize::from(labelled_rows),
                text: cell.clone(),
            })?;
            numbers.push(number);
        }
        rows.push(numbers);
    }
    Ok(PastedTable {
        column_labels,
        row_labels,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(table: &PastedTable) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|row| row.iter().map(ToString::to_string).collect())
            .collect()
    }

    #[test]
    fn tab_separated_numbers_from_a_spreadsheet() {
        let table = parse_table("1\t2\t3\r\n4\t5\t6\r\n").unwrap();
        assert_eq!(numbers(&table), [["1", "2", "3"], ["4", "5", "6"]]);
        assert_eq!((table.column_labels, table.row_labels), (None, None));
    }

    #[test]
    fn comma_and_space_separated_numbers() {
        assert_eq!(
            numbers(&parse_table("0.1, 0.2\n0.3,0.4").unwrap()),
            [["0.1", "0.2"], ["0.3", "0.4"]]
        );
        assert_eq!(
            numbers(&parse_table("1  2\n3 4\n").unwrap()),
            [["1", "2"], ["3", "4"]]
        );
        assert_eq!(numbers(&parse_table("1;2").unwrap()), [["1", "2"]]);
    }

    #[test]
    fn header_row_and_label_column_become_labels() {
        let table =
            parse_table("\tpredicted no\tpredicted yes\nactual no\t90\t10\nactual yes\t5\t95\n")
                .unwrap();
        assert_eq!(
            table.column_labels.clone().unwrap(),
            ["predicted no", "predicted yes"]
        );
        assert_eq!(
            table.row_labels.clone().unwrap(),
            ["actual no", "actual yes"]
        );
        assert_eq!(numbers(&table), [["90", "10"], ["5", "95"]]);
    }

    #[test]
    fn a_label_per_row_makes_labelled_values() {
        let table = parse_table("new\t0.74\nregular\t0.69\n").unwrap();
        assert_eq!(table.row_labels.clone().unwrap(), ["new", "regular"]);
        assert_eq!(table.column_labels, None);
        assert_eq!(numbers(&table), [["0.74"], ["0.69"]]);
    }

    #[test]
    fn a_header_over_points_names_the_axes() {
        let table = parse_table("fpr,tpr\n0,0\n0.5,0.9\n").unwrap();
        assert_eq!(table.column_labels.clone().unwrap(), ["fpr", "tpr"]);
        assert_eq!(numbers(&table), [["0", "0"], ["0.5", "0.9"]]);
    }

    #[test]
    fn a_bad_cell_is_named_by_its_position() {
        let error = parse_table("1\t2\n3\tx4\n").unwrap_err();
        assert_eq!(
            error,
            PasteError::NotANumber {
                row: 2,
                column: 2,
                text: "x4".into()
            }
        );
        assert_eq!(
            error.to_string(),
            "row 2, column 2 of the pasted text is not a number: \"x4\""
        );
        assert_eq!(parse_table(" \n\t\n"), Err(PasteError::Empty));
    }
}
