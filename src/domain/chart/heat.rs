//! Heat maps of matrix metrics: a cell per value coloured on one scale
//! (`shading`), its value written in it when it fits, the largest and
//! smallest cells outlined so that colour is never the only cue, row and
//! column labels, a colour legend, and for a confusion matrix each row's
//! share on the diagonal.

use super::bars::{CHAR_WIDTH, TURNED_ANGLE, TURNED_BOTTOM, shorten};
use super::line::has_phrase;
use super::{MARGIN, Rgb, Shading, number_text, shade};

/// The widest plot a heat map gets, in SVG units; cells shrink to fit it.
const PLOT: f64 = 320.0;
/// The largest a cell grows, for small matrices.
const MAX_CELL: f64 = 56.0;
/// The longest a row or column label is written (the full text is its
/// tooltip and in the table).
const LABEL_CHARS: usize = 12;
/// Room for the row-share column of a confusion matrix.
const SHARE_WIDTH: f64 = 56.0;
/// Room under the labels for the legend.
const LEGEND_HEIGHT: f64 = 40.0;
/// How long the legend's colour bar is.
pub const LEGEND_WIDTH: f64 = 200.0;

/// Which extreme a cell holds, outlined so it is seen without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellMark {
    /// The largest value of the matrix (a solid outline).
    Largest,
    /// The smallest (a dashed outline).
    Smallest,
}

/// One cell, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatCell {
    /// Its row and column.
    pub row: usize,
    /// Its column.
    pub column: usize,
    /// Top left corner.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Its value.
    pub value: f64,
    /// Its fill.
    pub colour: Rgb,
    /// The value as written in the cell, when it fits.
    pub text: Option<String>,
    /// Whether its text is white (else black), for contrast.
    pub white_text: bool,
    /// Whether it holds an extreme.
    pub mark: Option<CellMark>,
}

/// A row or column label (or a row's share), shortened to fit.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatLabel {
    /// Anchor across.
    pub x: f64,
    /// Anchor down.
    pub y: f64,
    /// What is written.
    pub text: String,
    /// The whole label, for its tooltip.
    pub full: String,
}

/// A stop of the legend's colour bar.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendStop {
    /// Where along the bar, 0 to 1.
    pub offset: f64,
    /// Its colour.
    pub colour: Rgb,
}

/// A heat map, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatMap {
    /// Total width and height, in SVG units.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// A cell's side.
    pub cell: f64,
    /// Every cell, row by row.
    pub cells: Vec<HeatCell>,
    /// Row labels, right-aligned left of the rows.
    pub row_labels: Vec<HeatLabel>,
    /// Column labels, under the columns.
    pub column_labels: Vec<HeatLabel>,
    /// The angle column labels are turned by (0 for level).
    pub label_angle: f64,
    /// A confusion matrix's share of each row on its diagonal, right of
    /// the rows, with the column's header first.
    pub shares: Vec<HeatLabel>,
    /// The legend's colour bar: where it starts (x, y) and its stops.
    pub legend_at: (f64, f64),
    /// Its stops, lightest first.
    pub legend_stops: Vec<LegendStop>,
    /// Labels along the legend (positions are x coordinates).
    pub legend_labels: Vec<HeatLabel>,
    /// The scale the colours follow.
    pub shading: Shading,
}

/// Whether a matrix called `name` with these labels is a confusion matrix:
/// by its name, or square with the same labels on both sides and counts
/// (non-negative whole numbers) in its cells.
pub fn is_confusion(name: &str, grid: &[Vec<f64>], rows: &[String], columns: &[String]) -> bool {
    let counts = grid
        .iter()
        .flatten()
        .all(|value| *value >= 0.0 && value.fract() == 0.0);
    let square = grid.iter().all(|row| row.len() == grid.len());
    has_phrase(name, &["confusion"])
        || (square && counts && !rows.is_empty() && rows == columns && rows.len() == grid.len())
}

/// Each row's share on the diagonal (its class's recall, rows being the
/// actual classes); `None` for a row with nothing in it or no diagonal.
pub fn row_shares(grid: &[Vec<f64>]) -> Vec<Option<f64>> {
    grid.iter()
        .enumerate()
        .map(|(index, row)| {
            let total: f64 = row.iter().sum();
            let diagonal = row.get(index)?;
            (total > 0.0).then(|| diagonal / total)
        })
        .collect()
}

/// A share as a percentage: whole, or with one decimal below 10%.
pub fn percent(share: f64) -> String {
    let value = share * 100.0;
    if value != 0.0 && value.abs() < 10.0 {
        format!("{value:.1}%")
    } else {
        format!("{value:.0}%")
    }
}

/// The labels of `count` rows or columns: those given, then the position
/// (counted from 1) where none is or it is blank.
pub fn numbered_labels(given: &[String], count: usize) -> Vec<String> {
    (0..count)
        .map(|index| {
            given
                .get(index)
                .map(|label| label.trim())
                .filter(|label| !label.is_empty())
                .map_or_else(|| (index + 1).to_string(), str::to_owned)
        })
        .collect()
}

/// The legend's labels: the ends of the scale, and for a logarithmic one
/// the smallest positive value.
fn legend_labels(shading: &Shading, at: (f64, f64)) -> Vec<HeatLabel> {
    let label = |level: f64, value: f64| HeatLabel {
        x: at.0 + LEGEND_WIDTH * level,
        y: at.1 + 24.0,
        text: number_text(value),
        full: number_text(value),
    };
    match *shading {
        Shading::Linear { low, high } => vec![label(0.0, low), label(1.0, high)],
        Shading::Logarithmic {
            low,
            smallest_positive,
            high,
        } => {
            let mut labels = vec![label(0.0, low)];
            if smallest_positive > low {
                labels.push(label(shading.level(smallest_positive), smallest_positive));
            }
            labels.push(label(1.0, high));
            labels
        }
    }
}

/// Where a heat map's parts go: worked out once from the grid's size and
/// its labels' lengths.
struct Layout {
    /// A cell's side.
    cell: f64,
    /// Where the cells start across (right of the row labels).
    left: f64,
    /// Whether column labels are turned (too long for their column).
    turned: bool,
    /// Where the cells end down.
    grid_bottom: f64,
}

impl Layout {
    fn new(grid: &[Vec<f64>], width: usize, row_texts: &[String], column_texts: &[String]) -> Self {
        let cell = (PLOT / width.max(grid.len()) as f64).min(MAX_CELL).floor();
        let longest = |texts: &[String]| texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        Self {
            cell,
            left: longest(row_texts).min(LABEL_CHARS) as f64 * CHAR_WIDTH + 12.0,
            turned: longest(column_texts) as f64 * CHAR_WIDTH + 4.0 > cell,
            grid_bottom: MARGIN + cell * grid.len() as f64,
        }
    }

    /// The baseline of text centred on row `index`.
    fn row_middle(&self, index: usize) -> f64 {
        MARGIN + self.cell * (index as f64 + 0.5) + 4.0
    }
}

/// Every cell placed, coloured on `shading`, written when its value fits,
/// the extremes marked.
fn place_cells(grid: &[Vec<f64>], shading: &Shading, layout: &Layout) -> Vec<HeatCell> {
    // The scale's ends are the matrix's: its extremes.
    let (low, high) = shading.bounds();
    let mark = |value: f64| match () {
        _ if low == high => None,
        _ if value == high => Some(CellMark::Largest),
        _ if value == low => Some(CellMark::Smallest),
        _ => None,
    };
    let cell = layout.cell;
    let mut cells = Vec::with_capacity(grid.len() * grid.first().map_or(0, Vec::len));
    for (row, values) in grid.iter().enumerate() {
        for (column, value) in values.iter().copied().enumerate() {
            let colour = shading.colour(value);
            let text = number_text(value);
            let fits = cell >= 14.0 && text.chars().count() as f64 * CHAR_WIDTH + 4.0 <= cell;
            cells.push(HeatCell {
                row,
                column,
                x: layout.left + cell * column as f64,
                y: MARGIN + cell * row as f64,
                value,
                colour,
                text: fits.then_some(text),
                white_text: colour.wants_white_text(),
                mark: mark(value),
            });
        }
    }
    cells
}

/// The row labels, right-aligned left of their rows.
fn place_rows(texts: Vec<String>, layout: &Layout) -> Vec<HeatLabel> {
    texts
        .into_iter()
        .enumerate()
        .map(|(index, full)| HeatLabel {
            x: layout.left - 6.0,
            y: layout.row_middle(index),
            text: shorten(&full, LABEL_CHARS),
            full,
        })
        .collect()
}

/// The column labels, under their columns (turned when too long).
fn place_columns(texts: Vec<String>, layout: &Layout) -> Vec<HeatLabel> {
    texts
        .into_iter()
        .enumerate()
        .map(|(index, full)| {
            let centre = layout.left + layout.cell * (index as f64 + 0.5);
            HeatLabel {
                x: if layout.turned { centre + 3.0 } else { centre },
                y: layout.grid_bottom + if layout.turned { 10.0 } else { 14.0 },
                text: shorten(&full, LABEL_CHARS),
                full,
            }
        })
        .collect()
}

/// A confusion matrix's column of row shares, headed, right of the cells.
fn place_shares(grid: &[Vec<f64>], width: usize, layout: &Layout) -> Vec<HeatLabel> {
    let x = layout.left + layout.cell * width as f64 + 6.0;
    let header = HeatLabel {
        x,
        y: MARGIN - 1.0,
        text: "Recall".to_owned(),
        full: "Each row's share on the diagonal".to_owned(),
    };
    let shares = row_shares(grid)
        .into_iter()
        .enumerate()
        .map(|(index, share)| {
            let text = share.map_or_else(|| "–".to_owned(), percent);
            HeatLabel {
                x,
                y: layout.row_middle(index),
                full: text.clone(),
                text,
            }
        });
    std::iter::once(header).chain(shares).collect()
}

/// The legend's colour bar, lightest first, at nine stops.
fn legend_stops() -> Vec<LegendStop> {
    (0..=8)
        .map(|step| {
            let offset = f64::from(step) / 8.0;
            LegendStop {
                offset,
                colour: shade(offset),
            }
        })
        .collect()
}

/// A heat map of `grid` (rows of equal, non-zero length) with its row and
/// column labels; a confusion matrix also gets its rows' shares. `None`
/// for an empty grid.
pub fn heat_map(
    grid: &[Vec<f64>],
    rows: &[String],
    columns: &[String],
    confusion: bool,
) -> Option<HeatMap> {
    let width = grid.first()?.len();
    let shading = Shading::of(grid.iter().flatten().copied())?;
    let row_texts = numbered_labels(rows, grid.len());
    let column_texts = numbered_labels(columns, width);
    let layout = Layout::new(grid, width, &row_texts, &column_texts);
    let labels_height = if layout.turned { TURNED_BOTTOM } else { 22.0 };
    let legend_at = (layout.left, layout.grid_bottom + labels_height + 4.0);
    let share_width = if confusion { SHARE_WIDTH } else { 0.0 };
    let plot_width = layout.cell * width as f64 + share_width;
    Some(HeatMap {
        width: (layout.left + plot_width).max(layout.left + LEGEND_WIDTH + 24.0) + MARGIN,
        height: legend_at.1 + LEGEND_HEIGHT,
        cell: layout.cell,
        cells: place_cells(grid, &shading, &layout),
        row_labels: place_rows(row_texts, &layout),
        column_labels: place_columns(column_texts, &layout),
        label_angle: if layout.turned { TURNED_ANGLE } else { 0.0 },
        shares: if confusion {
            place_shares(grid, width, &layout)
        } else {
            Vec::new()
        },
        legend_labels: legend_labels(&shading, legend_at),
        legend_at,
        legend_stops: legend_stops(),
        shading,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn every_cell_is_placed_coloured_and_written_when_it_fits() {
        let grid = vec![vec![50.0, 2.0], vec![3.0, 45.0]];
        let names = labels(&["cat", "dog"]);
        let map = heat_map(&grid, &names, &names, false).unwrap();
        assert_eq!(map.cells.len(), 4);
        assert_eq!(map.cell, MAX_CELL, "a small matrix gets big cells");
        let texts: Vec<_> = map.cells.iter().map(|c| c.text.as_deref()).collect();
        assert_eq!(texts, [Some("50"), Some("2"), Some("3"), Some("45")]);
        assert_eq!(map.cells[0].mark, Some(CellMark::Largest));
        assert_eq!(map.cells[1].mark, Some(CellMark::Smallest));
        assert_eq!(map.cells[3].mark, None);
        assert!(map.cells[0].white_text, "white on the darkest");
        assert!(!map.cells[1].white_text, "black on the lightest");
        assert_eq!(map.cells[3].x - map.cells[2].x, map.cell);
        assert_eq!(map.row_labels[1].text, "dog");
        assert_eq!(map.label_angle, 0.0);
        assert!(map.shares.is_empty());
        assert_eq!(heat_map(&[], &[], &[], false), None);
    }

    #[test]
    fn a_twenty_by_twenty_matrix_fits_its_plot_and_marks_its_extremes() {
        let grid: Vec<Vec<f64>> = (0..20)
            .map(|r| {
                (0..20)
                    .map(|c| {
                        if r == c {
                            900.0 + r as f64
                        } else {
                            (r * c % 7) as f64
                        }
                    })
                    .collect()
            })
            .collect();
        let names: Vec<String> = (0..20).map(|i| format!("class_{i}")).collect();
        let map = heat_map(&grid, &names, &names, true).unwrap();
        assert_eq!(map.cells.len(), 400);
        assert_eq!(map.cell, 16.0);
        assert!(
            map.cells
                .iter()
                .all(|c| c.text.as_deref().is_none_or(|t| t.len() <= 1))
        );
        assert_eq!(
            map.label_angle, TURNED_ANGLE,
            "long labels under narrow columns turn"
        );
        let largest = map
            .cells
            .iter()
            .filter(|c| c.mark == Some(CellMark::Largest))
            .count();
        assert_eq!(largest, 1);
        assert_eq!(map.shares.len(), 21, "a header and a share per row");
        assert_eq!(map.shares[0].text, "Recall");
        assert!(
            map.width <= 460.0,
            "about a line graph's width: {}",
            map.width
        );
    }

    #[test]
    fn a_row_or_column_without_a_label_is_numbered() {
        let given = labels(&["actual legit", " "]);
        assert_eq!(numbered_labels(&given, 3), ["actual legit", "2", "3"]);
        assert_eq!(numbered_labels(&given, 0), Vec::<String>::new());
    }

    #[test]
    fn confusion_matrices_are_recognised_and_their_rows_shared() {
        let grid = vec![vec![8.0, 2.0], vec![0.0, 0.0]];
        let names = labels(&["yes", "no"]);
        assert!(is_confusion("Confusion matrix", &grid, &[], &[]));
        assert!(is_confusion("m", &grid, &names, &names));
        assert!(!is_confusion(
            "m",
            &[vec![0.5, 0.5], vec![0.1, 0.9]],
            &names,
            &names
        ));
        assert!(!is_confusion(
            "correlation",
            &grid,
            &names,
            &labels(&["a", "b"])
        ));
        assert_eq!(row_shares(&grid), [Some(0.8), None]);
        assert_eq!(percent(0.8), "80%");
        assert_eq!(percent(0.054), "5.4%");
        assert_eq!(percent(0.0), "0%");
    }

    #[test]
    fn the_legend_runs_from_the_lightest_to_the_darkest() {
        let map = heat_map(&[vec![0.0, 8.0, 98120.0]], &[], &[], false).unwrap();
        assert_eq!(map.legend_stops.first().unwrap().colour, shade(0.0));
        assert_eq!(map.legend_stops.last().unwrap().colour, shade(1.0));
        let texts: Vec<_> = map.legend_labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["0", "8", "98120"],
            "the logarithmic scale's first positive value"
        );
        let same = heat_map(&[vec![3.0, 3.0]], &[], &[], false).unwrap();
        assert!(
            same.cells.iter().all(|c| c.mark.is_none()),
            "no extremes when all are equal"
        );
    }
}
