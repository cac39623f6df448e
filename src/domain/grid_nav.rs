//! Moving between the cells of a grid from the keyboard, as in a
//! spreadsheet: a 20 × 20 matrix is 400 cells, too many to Tab through.
//!
//! The arrows move up and down always, and left and right once the caret
//! is at the edge of the text (or the whole text is selected, as it is
//! after arriving in a cell), so editing within a cell keeps working.
//! Enter moves down and Shift+Enter up.

/// Where the caret is in the cell being left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caret {
    /// The caret sits before the first character, nothing selected.
    pub at_start: bool,
    /// The caret sits after the last character, nothing selected.
    pub at_end: bool,
    /// The whole text is selected (an empty cell counts).
    pub all_selected: bool,
}

impl Caret {
    /// The caret of a text box holding `len` characters with the selection
    /// from `start` to `end`.
    pub fn of(len: u32, start: u32, end: u32) -> Self {
        Self {
            at_start: start == 0 && end == 0,
            at_end: start == len && end == len,
            all_selected: start == 0 && end == len,
        }
    }
}

/// The modifier keys held with a key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Shift.
    pub shift: bool,
    /// Alt, Ctrl or Meta: those keys keep their own meaning (Alt+↑ moves a
    /// row, Ctrl+← moves by word).
    pub other: bool,
}

/// The move (rows, columns) that `key` asks for, if it asks for one.
pub fn step(key: &str, modifiers: Modifiers, caret: Caret) -> Option<(isize, isize)> {
    if modifiers.other {
        return None;
    }
    match key {
        "ArrowUp" if !modifiers.shift => Some((-1, 0)),
        "ArrowDown" if !modifiers.shift => Some((1, 0)),
        "ArrowLeft" if !modifiers.shift && (caret.at_start || caret.all_selected) => Some((0, -1)),
        "ArrowRight" if !modifiers.shift && (caret.at_end || caret.all_selected) => Some((0, 1)),
        "Enter" if modifiers.shift => Some((-1, 0)),
        "Enter" => Some((1, 0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Modifiers = Modifiers {
        shift: false,
        other: false,
    };

    #[test]
    fn up_and_down_always_move() {
        let middle = Caret::of(4, 2, 2);
        assert_eq!(step("ArrowUp", PLAIN, middle), Some((-1, 0)));
        assert_eq!(step("ArrowDown", PLAIN, middle), Some((1, 0)));
    }

    #[test]
    fn left_and_right_move_only_from_the_edge_of_the_text() {
        assert_eq!(step("ArrowLeft", PLAIN, Caret::of(4, 2, 2)), None);
        assert_eq!(step("ArrowRight", PLAIN, Caret::of(4, 2, 2)), None);
        assert_eq!(step("ArrowLeft", PLAIN, Caret::of(4, 0, 0)), Some((0, -1)));
        assert_eq!(step("ArrowRight", PLAIN, Caret::of(4, 0, 0)), None);
        assert_eq!(step("ArrowRight", PLAIN, Caret::of(4, 4, 4)), Some((0, 1)));
        assert_eq!(step("ArrowLeft", PLAIN, Caret::of(4, 4, 4)), None);
    }

    #[test]
    fn a_whole_selection_moves_either_way_and_a_partial_one_does_not() {
        let all = Caret::of(4, 0, 4);
        assert_eq!(step("ArrowLeft", PLAIN, all), Some((0, -1)));
        assert_eq!(step("ArrowRight", PLAIN, all), Some((0, 1)));
        let part = Caret::of(4, 1, 3);
        assert_eq!(step("ArrowLeft", PLAIN, part), None);
        assert_eq!(step("ArrowRight", PLAIN, part), None);
        let empty = Caret::of(0, 0, 0);
        assert_eq!(step("ArrowLeft", PLAIN, empty), Some((0, -1)));
        assert_eq!(step("ArrowRight", PLAIN, empty), Some((0, 1)));
    }

    #[test]
    fn enter_moves_down_and_shift_enter_up() {
        let caret = Caret::of(3, 3, 3);
        assert_eq!(step("Enter", PLAIN, caret), Some((1, 0)));
        let shift = Modifiers {
            shift: true,
            other: false,
        };
        assert_eq!(step("Enter", shift, caret), Some((-1, 0)));
        assert_eq!(
            step("ArrowDown", shift, caret),
            None,
            "Shift+arrows select text"
        );
    }

    #[test]
    fn keys_with_alt_ctrl_or_meta_keep_their_meaning() {
        let other = Modifiers {
            shift: false,
            other: true,
        };
        for key in ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Enter"] {
            assert_eq!(step(key, other, Caret::of(0, 0, 0)), None, "{key}");
        }
        assert_eq!(step("Tab", PLAIN, Caret::of(0, 0, 0)), None);
    }
}
