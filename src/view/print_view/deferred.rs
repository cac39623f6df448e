//! Building the preview a screenful at a time: the figures and tables past
//! the first frame's budget are built one task each after it (the largest
//! card's preview is 22,000 elements), each holding its height meanwhile,
//! and printing waits for them or, from the browser's own menu, builds
//! them at once.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use crate::view::platform::{after_next_frame, after_next_paint, print};
use crate::view::view_state::{ViewMode, ViewState};

/// A row of `.mce-print__table` and of its compact variant, in rem, as the
/// stylesheet lays them out (font size, padding and border).
pub(super) const TABLE_ROW_REM: f64 = 1.74;
pub(super) const COMPACT_ROW_REM: f64 = 1.59;
/// The margins around a figure or table.
const MARGINS_REM: f64 = 1.5;
/// CSS pixels in a rem.
const PX_PER_REM: f64 = 16.0;

/// The height a figure or table holds while off screen. The stylesheet
/// skips laying out off-screen figures and tables (`content-visibility:
/// auto`: on the largest card that is most of the preview's 22,000
/// elements), and each holds this size until it has been laid out once, so
/// the scroll bar matches the document's length from the start.
pub(super) fn reserved_height(rows: usize, row_rem: f64, chart_px: f64) -> String {
    format!(
        "auto {:.1}rem",
        MARGINS_REM + content_height(rows, row_rem, chart_px)
    )
}

/// The height of a figure's or table's content, without its margins: a
/// chart `chart_px` high (as drawn at its natural size, which the preview
/// has room for; 0 for none) and `rows` rows of table.
pub(super) fn content_height(rows: usize, row_rem: f64, chart_px: f64) -> f64 {
    chart_px / PX_PER_REM + rows as f64 * row_rem
}

/// The table cells and chart marks built in the frame that shows the
/// preview: about a screenful, and the largest card's training tables.
/// Figures and tables past them are built after that frame, one task each,
/// so switching to the preview of the largest card (22,000 elements) does
/// not hold the page for the whole of it, and a key pressed meanwhile is
/// handled between two of them.
const FIRST_CELLS: usize = 600;

/// What is left of [`FIRST_CELLS`] while the preview is built.
pub(super) struct Budget(Cell<usize>);

impl Budget {
    pub(super) fn new() -> Self {
        Self(Cell::new(FIRST_CELLS))
    }

    /// The content of a figure or table of `cells` cells: built now while
    /// the budget lasts, else a block of `height_rem` (so the page keeps its
    /// length) replaced by the content after the next frame. Once one waits,
    /// every later one does, so the preview fills from the top.
    pub(super) fn now_or_later<V: IntoView + 'static>(
        &self,
        cells: usize,
        height_rem: f64,
        build: impl FnOnce() -> V + Send + 'static,
    ) -> AnyView {
        let left = self.0.get();
        if cells <= left {
            self.0.set(left - cells);
            return build().into_any();
        }
        self.0.set(0);
        later(height_rem, build)
    }
}

thread_local! {
    /// The switches of the figures on the page not built yet: Print waits
    /// until there are none, and printing from the browser's own menu
    /// turns them all on ([`build_the_rest_now`]).
    static WAITING: RefCell<Vec<RwSignal<bool>>> = const { RefCell::new(Vec::new()) };
}

fn later<V: IntoView + 'static>(
    height_rem: f64,
    build: impl FnOnce() -> V + Send + 'static,
) -> AnyView {
    let shown = RwSignal::new(false);
    WAITING.with_borrow_mut(|waiting| waiting.push(shown));
    after_next_paint(move || {
        WAITING.with_borrow_mut(|waiting| waiting.retain(|other| *other != shown));
        // The preview may have been left or rebuilt meanwhile.
        let _ = shown.try_set(true);
    });
    let mut build = Some(build);
    let placeholder = format!("{height_rem:.1}rem");
    (move || {
        if shown.get() {
            build.take().map(|build| build().into_any())
        } else {
            Some(
                view! { <div class="mce-print__waiting" aria-hidden="true" style:height=placeholder.clone()></div> }
                    .into_any(),
            )
        }
    })
    .into_any()
}

/// Builds every figure still waiting, at once: the browser is about to
/// print from its own menu while the preview fills (our Print button and
/// Ctrl+P wait for them instead). The page's updates run before the
/// browser lays it out for printing, so the whole card is printed.
pub(super) fn build_the_rest_now() {
    for shown in WAITING.with_borrow_mut(std::mem::take) {
        let _ = shown.try_set(true);
    }
}

/// Shows the preview and prints it once it is on the page with every
/// figure and table built, so that all of it is printed, not the form's
/// controls (after about two seconds it prints what there is rather than
/// nothing).
pub fn print_preview(view_state: ViewState) {
    view_state.set_mode(ViewMode::Preview);
    leptos::task::spawn_local(async move {
        for _ in 0..120 {
            leptos::task::tick().await;
            let on_page = document()
                .query_selector("[data-testid=print-view]")
                .ok()
                .flatten()
                .is_some();
            if on_page && WAITING.with_borrow(Vec::is_empty) {
                break;
            }
            after_next_frame().await;
        }
        print();
    });
}
