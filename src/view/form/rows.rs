//! What every list-like widget's rows share: the array's length, building
//! many rows a frame at a time (staged rows), focus after a change, and
//! each row's move and remove buttons (with Alt+Arrow keys). The list
//! around the rows (head, Show more, Add) is `list_parts.rs`.

use std::cell::Cell;

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::document::Edit;
use crate::domain::form::layout::class;
use crate::domain::form::values::field_id;
use crate::domain::pointer::JsonPointer;
use crate::view::platform::after_next_paint;
use crate::view::store::{CardStore, expect_store};

/// The length of the array at `pointer` (0 when absent); re-runs only when
/// the array itself changes shape, not when an item's field is typed in.
pub fn array_len(store: CardStore, pointer: &JsonPointer) -> Memo<usize> {
    let trigger = store.watch_value(pointer);
    let pointer = pointer.clone();
    Memo::new(move |_| {
        trigger.track();
        store.read(&pointer, |value| {
            value.and_then(Value::as_array).map_or(0, Vec::len)
        })
    })
}

/// The cells a table or grid builds in one frame when many rows appear at
/// once (it opens, a card is opened, a block is pasted), in whole rows. A
/// metric group of the largest card holds a hundred-point curve, a bar
/// chart and a 20 x 20 matrix (about 2,850 elements in all): built at once,
/// opening it took over 100 ms before anything showed. The card's training
/// tables are three quarters of the form's elements when it opens.
const FIRST_CELLS: usize = 50;

/// The cells built in each task after the frame that shows the first ones:
/// about 10 ms of work on the largest card here, so a key pressed meanwhile
/// waits no longer.
const LATER_CELLS: usize = 100;

/// How many of `count` rows to build, each costing about `cells_per_row`
/// grid cells (a number box with its messages): when rows appear, up to
/// [`FIRST_CELLS`] more of them (at least one row) now, and the rest once
/// the browser has shown those, [`LATER_CELLS`] a task. A few rows added,
/// or any removed, are built at once.
pub fn staged_rows(
    count: impl Fn() -> usize + Clone + Send + Sync + 'static,
    cells_per_row: impl Fn() -> usize + Send + Sync + 'static,
) -> StagedRows {
    let rows_for = move |cells: usize| (cells / cells_per_row().max(1)).max(1);
    // Beneath the first view nothing is seen yet: every row at once.
    let first_cells = if UNSEEN.with(Cell::get) {
        usize::MAX
    } else {
        FIRST_CELLS
    };
    let built = RwSignal::new(untrack(&count).min(untrack(|| rows_for(first_cells))));
    let catch_up = {
        let count = count.clone();
        move |rows_a_task: usize| {
            let count = count.clone();
            BUILDING.with(|building| building.set(building.get() + 1));
            after_next_paint(move || build_more(built, count, rows_a_task));
        }
    };
    {
        let count = count.clone();
        Effect::new(move |previous: Option<usize>| {
            let count = count();
            let now = built.get_untracked();
            let (first, later) = untrack(|| (rows_for(FIRST_CELLS), rows_for(LATER_CELLS)));
            match previous {
                None => {
                    if count > now {
                        catch_up(later);
                    }
                }
                // A few rows added (or any removed) are built at once, with
                // any still waiting: a row just added is there to take focus.
                Some(previous) if count <= now + first || count <= previous + first.max(2) => {
                    built.set(count);
                }
                Some(_) => {
                    built.set(now + first);
                    catch_up(later);
                }
            }
            count
        });
    }
    StagedRows {
        built,
        count: Signal::derive(count),
    }
}

/// The rows of a table or grid built so far (see [`staged_rows`]).
#[derive(Clone, Copy)]
pub struct StagedRows {
    built: RwSignal<usize>,
    count: Signal<usize>,
}

impl StagedRows {
    /// How many rows to build now, tracked.
    pub fn get(&self) -> usize {
        self.count.get().min(self.built.get())
    }

    /// Whether some rows are still to be built.
    pub fn pending(&self) -> bool {
        self.built.get_untracked() < self.count.get_untracked()
    }

    /// Builds every row now: a key moved past the last one built.
    pub fn finish(&self) {
        self.built.set(self.count.get_untracked());
    }
}

thread_local! {
    /// Tables and grids still building rows after their first frame.
    static BUILDING: Cell<usize> = const { Cell::new(0) };
    /// Set while the form is built beneath the first view.
    static UNSEEN: Cell<bool> = const { Cell::new(false) };
}

/// Whether some table or grid is still building its rows in stages: the
/// editor takes over from the first view once none is (`takeover.rs`), so
/// that the first keys typed into it do not wait for that work.
pub fn rows_still_building() -> bool {
    BUILDING.with(|building| building.get() > 0)
}

/// Says whether the form is being built beneath the first view, where no
/// one sees it: tables and grids built meanwhile build every row at once,
/// so none is left building in stages when the editor takes over and the
/// reader's next keys land (`takeover.rs`).
pub fn build_unseen(unseen: bool) {
    UNSEEN.with(|flag| flag.set(unseen));
}

/// Builds `rows` more, and schedules the next ones in a task of their own
/// until all are built.
fn build_more(
    built: RwSignal<usize>,
    count: impl Fn() -> usize + Clone + Send + Sync + 'static,
    rows: usize,
) {
    let done = || BUILDING.with(|building| building.set(building.get().saturating_sub(1)));
    // The grid may have been closed meanwhile.
    if built.is_disposed() {
        return done();
    }
    let target = untrack(&count);
    let next = (built.get_untracked() + rows).min(target);
    built.set(next);
    if next < target {
        set_timeout(
            move || build_more(built, count, rows),
            std::time::Duration::ZERO,
        );
    } else {
        done();
    }
}

/// Focuses the element with `id` as soon as the view has rendered and
/// shown it, with the caret at the end of a text box's value.
///
/// Rendering finishes within a few executor ticks (microtasks), before the
/// browser handles the next key press, so fast typing after "add" lands in
/// the new box, not the old one.
pub fn focus_later(id: String) {
    leptos::task::spawn_local(async move {
        for _ in 0..8 {
            leptos::task::tick().await;
            // An element being shown may still be `hidden` for a tick, and a
            // hidden element does not take focus.
            if let Some(element) = document()
                .get_element_by_id(&id)
                .filter(|element| element.closest("[hidden]").ok().flatten().is_none())
            {
                focus_element(element);
                return;
            }
        }
        request_animation_frame(move || {
            if let Some(element) = document().get_element_by_id(&id) {
                focus_element(element);
            }
        });
    });
}

fn focus_element(element: web_sys::Element) {
    if let Ok(html) = element.clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    if let Ok(input) = element.dyn_into::<web_sys::HtmlInputElement>() {
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

use leptos::wasm_bindgen::JsCast;

/// Moves item `from` of the array at `array` to `to`, and keeps focus on
/// the element of the moved item with id suffix `focus_suffix`.
pub fn move_item(
    store: CardStore,
    array: &JsonPointer,
    from: usize,
    to: usize,
    focus_suffix: &str,
) {
    store.command(Edit::Move {
        array: array.clone(),
        from,
        to,
    });
    focus_later(format!(
        "{}{focus_suffix}",
        field_id(&array.child(to.to_string()).to_string())
    ));
}

/// Handles Alt+ArrowUp / Alt+ArrowDown on a row: moves the row.
pub fn row_keys(
    store: CardStore,
    array: JsonPointer,
    index: usize,
    count: Memo<usize>,
    focus_suffix: &'static str,
) -> impl Fn(web_sys::KeyboardEvent) + Clone + 'static {
    move |event: web_sys::KeyboardEvent| {
        if !event.alt_key() {
            return;
        }
        let target = match event.key().as_str() {
            "ArrowUp" if index > 0 => index - 1,
            "ArrowDown" if index + 1 < count.get_untracked() => index + 1,
            _ => return,
        };
        event.prevent_default();
        move_item(store, &array, index, target, focus_suffix);
    }
}

/// Move up, move down and remove buttons for row `index` of `array`.
#[component]
pub fn RowActions(
    /// The array.
    array: JsonPointer,
    /// The row.
    index: usize,
    /// The array's length.
    count: Memo<usize>,
    /// What a row is called, for the buttons' names ("Artifact 2").
    name: String,
    /// The list's label, so the names are unique on the page ("Remove
    /// Hyperparameter 1 from User-provided hyperparameters").
    list: String,
    /// The id suffix of the element to keep focused after a move.
    focus_suffix: &'static str,
) -> impl IntoView {
    let store = expect_store();
    let up = {
        let array = array.clone();
        move |_: web_sys::MouseEvent| move_item(store, &array, index, index - 1, focus_suffix)
    };
    let down = {
        let array = array.clone();
        move |_: web_sys::MouseEvent| move_item(store, &array, index, index + 1, focus_suffix)
    };
    let remove = move |_: web_sys::MouseEvent| store.remove(&array.child(index.to_string()));
    view! {
        <span class=class::ROW_ACTIONS>
            <button
                type="button"
                class=class::ICON_BUTTON
                aria-label=format!("Move {name} of {list} up")
                title="Move up (Alt+↑)"
                disabled={index == 0}
                on:click=up
            >
                "↑"
            </button>
            <button
                type="button"
                class=class::ICON_BUTTON
                aria-label=format!("Move {name} of {list} down")
                title="Move down (Alt+↓)"
                disabled={move || index + 1 >= count.get()}
                on:click=down
            >
                "↓"
            </button>
            <button
                type="button"
                class=class::ICON_BUTTON_DANGER
                aria-label=format!("Remove {name} from {list}")
                title="Remove"
                on:click=remove
            >
                "✕"
            </button>
        </span>
    }
}
