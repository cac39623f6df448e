//! Changes and conflicts laid out for a reviewer to read at any width: a
//! list of changes (where on one line, before and after beneath it, side
//! by side when there is room), the changes beside the card, and a
//! three-way conflict shown for a choice. The review before a submit, the
//! conflict screen (the server changed the version) and other tabs
//! (another tab saved the same card) all use them. What is said is decided
//! in [`crate::domain::review`]; values are text, never HTML, and a value
//! too long to show whole has a button that shows all of it.

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::form::card_form;
use crate::domain::merge::{Conflict, Side};
use crate::domain::pointer::JsonPointer;
use crate::domain::review::{
    BesideLine, CELLS_LISTED, CellChange, EntryValues, ReviewEntry, ShownValue, cells_summary,
    kind_word, more_cells, show_value, where_label,
};

/// A value as the review shows it: card text inside quotation marks (its
/// direction isolated, so right-to-left text reads right), and when it
/// was shortened, a disclosure button that shows the whole value beneath.
#[component]
pub fn ValueText(
    /// The value.
    value: ShownValue,
    /// Which value this is ("Before"), naming the disclosure.
    side: &'static str,
    /// A unique id for the whole value's box.
    id: String,
    /// The id of what the value belongs to (the change's place), so the
    /// disclosure says which change it opens.
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let ShownValue {
        text,
        full,
        quoted,
        absent,
    } = value.clone();
    let shown = if quoted {
        view! { <span class="mce-value__text">"\u{201c}"<bdi>{text}</bdi>"\u{201d}"</span> }
            .into_any()
    } else {
        view! { <span class="mce-value__text" dir="auto">{text}</span> }.into_any()
    };
    let whole = value.disclosure(side).zip(full).map(|(label, full)| {
        let expanded = RwSignal::new(false);
        view! {
            <button
                type="button"
                class="mce-link-button mce-value__more"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=id.clone()
                aria-describedby=described_by
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {label}
            </button>
            <div id=id.clone() class="mce-value__full" dir="auto" hidden=move || !expanded.get()>
                {move || expanded.get().then(|| full.clone())}
            </div>
        }
    });
    view! {
        <span class="mce-value" class:mce-value--absent=absent>{shown}{whole}</span>
    }
}

/// The labels of a list of changes' two values.
#[derive(Clone, Copy)]
pub struct ChangeWords {
    /// The older value ("Before").
    pub before: &'static str,
    /// The newer value ("After").
    pub after: &'static str,
}

/// A list of changes: for each, its kind and place on one line, and its
/// values beneath (a grouped change lists its cells).
#[component]
pub fn ChangeList(
    /// The changes, in the form's order.
    entries: Vec<ReviewEntry>,
    /// How the two values are labelled.
    words: ChangeWords,
    /// Makes the ids in this list unique on the page.
    id_prefix: &'static str,
    /// The list's test id.
    test_id: &'static str,
) -> impl IntoView {
    let items = entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let where_id = format!("{id_prefix}-{index}-where");
            let kind = kind_word(entry.kind);
            let values = match entry.values {
                EntryValues::One { before, after } => view! {
                    <dl class="mce-change__values">
                        <div class="mce-change__side">
                            <dt>{words.before}</dt>
                            <dd><ValueText value=before side=words.before id=format!("{id_prefix}-{index}-before") described_by=where_id.clone() /></dd>
                        </div>
                        <div class="mce-change__side">
                            <dt>{words.after}</dt>
                            <dd><ValueText value=after side=words.after id=format!("{id_prefix}-{index}-after") described_by=where_id.clone() /></dd>
                        </div>
                    </dl>
                }
                .into_any(),
                EntryValues::Cells(cells) => view! {
                    <CellList cells words id=format!("{id_prefix}-{index}") described_by=where_id.clone() />
                }
                .into_any(),
            };
            view! {
                <li class="mce-change" data-pointer=entry.pointer.to_string() data-kind=kind.to_lowercase()>
                    <p class="mce-change__where" id=where_id.clone()>
                        <span class=format!("mce-change__kind mce-change__kind--{}", kind.to_lowercase())>{kind}</span>
                        " "
                        <span class="mce-change__place">{entry.place}</span>
                    </p>
                    {values}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="mce-changes" data-testid=test_id>{items}</ol> }
}

/// The cells of a grouped change: the first [`CELLS_LISTED`] at once, the
/// rest behind a disclosure (built when opened: a pasted matrix changes
/// thousands).
#[component]
fn CellList(
    cells: Vec<CellChange>,
    words: ChangeWords,
    id: String,
    described_by: String,
) -> impl IntoView {
    let count = cells.len();
    let mut first = cells;
    let rest = first.split_off(count.min(CELLS_LISTED));
    let listed = cell_items(first, words, id.clone(), 0);
    let more = more_cells(count).map(|label| {
        let expanded = RwSignal::new(false);
        let rest_id = format!("{id}-more");
        let rest = StoredValue::new(rest);
        view! {
            <button
                type="button"
                class="mce-link-button mce-value__more"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=rest_id.clone()
                aria-describedby=described_by.clone()
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {label}
            </button>
            <ul id=rest_id class="mce-change__cells" hidden=move || !expanded.get()>
                {move || expanded.get().then(|| cell_items(rest.get_value(), words, id.clone(), CELLS_LISTED))}
            </ul>
        }
    });
    view! {
        <p class="mce-change__count">{cells_summary(count)}</p>
        <ul class="mce-change__cells">{listed}</ul>
        {more}
    }
}

fn cell_items(
    cells: Vec<CellChange>,
    words: ChangeWords,
    id_prefix: String,
    offset: usize,
) -> impl IntoView {
    cells
        .into_iter()
        .enumerate()
        .map(|(index, cell)| {
            let id = format!("{id_prefix}-cell-{}", offset + index);
            view! {
                <li class="mce-change__cell" data-pointer=cell.pointer.to_string()>
                    <span class="mce-change__cell-label">{cell.label}</span>
                    ": "
                    <FromTo before=cell.before after=cell.after words id />
                </li>
            }
        })
        .collect_view()
}

/// "before → after", the arrow read as the words it stands for.
#[component]
fn FromTo(before: ShownValue, after: ShownValue, words: ChangeWords, id: String) -> impl IntoView {
    view! {
        <span class="mce-visually-hidden">{words.before}" "</span>
        <span class="mce-change__from"><ValueText value=before side=words.before id=format!("{id}-before") /></span>
        <span class="mce-change__arrow" aria-hidden="true">" → "</span>
        <span class="mce-visually-hidden">", "{words.after}" "</span>
        <span class="mce-change__to"><ValueText value=after side=words.after id=format!("{id}-after") /></span>
    }
}

/// Changes beside the card (card status, approval): each on a line,
/// "Card status: Approved → PendingReview", or its value and "unchanged".
#[component]
pub fn BesideList(
    /// The lines.
    lines: Vec<BesideLine>,
    /// How the two values are named to screen readers and disclosures.
    words: ChangeWords,
    /// Makes the ids unique on the page.
    id_prefix: &'static str,
    /// The list's test id.
    test_id: &'static str,
) -> impl IntoView {
    let items = lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let id = format!("{id_prefix}-{index}");
            let changes = line.after.is_some();
            let values = match line.after {
                Some(after) => view! { <FromTo before=line.before after words id /> }.into_any(),
                None => view! {
                    <ValueText value=line.before side=words.before id=format!("{id}-before") />
                    <span class="mce-beside__same">" (unchanged)"</span>
                }
                .into_any(),
            };
            view! {
                <li class="mce-beside__line" class:mce-beside__line--changes=changes data-what=line.what data-changes=changes.to_string()>
                    <span class="mce-beside__what">{line.what}</span>
                    ": "
                    {values}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="mce-beside" data-testid=test_id>{items}</ul> }
}

/// A place in `card` as the form names it, with the names of the items on
/// the way ("Evaluation details › Evaluation 1 “November holdout” › Name").
fn place(card: &Value, pointer: &JsonPointer) -> String {
    where_label(&card_form().root, card, pointer)
}

/// How a conflict's three values and two choices are worded.
#[derive(Clone, Copy)]
pub struct ConflictWords {
    /// The value both sides started from.
    pub base: &'static str,
    /// The other side's value.
    pub theirs: &'static str,
    /// This side's value.
    pub mine: &'static str,
    /// The choice to keep this side's.
    pub keep_mine: &'static str,
    /// The choice to take the other side's.
    pub take_theirs: &'static str,
}

/// One place both sides changed, as [`ConflictChoice`] shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictShown {
    /// The place's `data-pointer` (none for what is not in the card, the
    /// card status).
    pub pointer: Option<String>,
    /// Where, in the form's words.
    pub place: String,
    /// The value both sides started from.
    pub base: ShownValue,
    /// The other side's.
    pub theirs: ShownValue,
    /// This side's.
    pub mine: ShownValue,
}

impl ConflictShown {
    /// A conflict in the card, its place named in `card`.
    pub fn of(conflict: &Conflict, card: &Value) -> Self {
        Self {
            pointer: Some(conflict.pointer.to_string()),
            place: place(card, &conflict.pointer),
            base: show_value(conflict.base.as_ref()),
            theirs: show_value(conflict.theirs.as_ref()),
            mine: show_value(conflict.mine.as_ref()),
        }
    }
}

/// One place both sides changed: its three values and the choice, this
/// side's chosen at first; `choose` is told every choice made.
#[component]
pub fn ConflictChoice(
    /// The place and its values.
    conflict: ConflictShown,
    /// The wording.
    words: ConflictWords,
    /// Names the radio group and ids apart from the others.
    name: String,
    /// Called with the side chosen.
    choose: Callback<Side>,
) -> impl IntoView {
    let where_id = format!("{name}-where");
    let value = |value: ShownValue, side: &'static str, suffix: &str| {
        view! {
            <div class="mce-change__side">
                <dt>{side}</dt>
                <dd><ValueText value side id=format!("{name}-{suffix}") described_by=where_id.clone() /></dd>
            </div>
        }
    };
    let values = (
        value(conflict.base, words.base, "base"),
        value(conflict.theirs, words.theirs, "theirs"),
        value(conflict.mine, words.mine, "mine"),
    );
    view! {
        <fieldset class="mce-conflict" data-pointer=conflict.pointer>
            <legend id=where_id.clone()>{conflict.place}</legend>
            <dl class="mce-change__values mce-change__values--three">{values}</dl>
            <div class="mce-conflict__choices">
                <label><input type="radio" name=name.clone() checked=true on:change=move |_| choose.run(Side::Mine) />{words.keep_mine}</label>
                <label><input type="radio" name=name on:change=move |_| choose.run(Side::Theirs) />{words.take_theirs}</label>
            </div>
        </fieldset>
    }
}

/// Each conflict with its three values and a choice, this side's value
/// chosen at first; `choices[i]` follows the choice for `conflicts[i]`.
#[component]
pub fn ConflictChoices(
    /// The places both sides changed.
    conflicts: Vec<Conflict>,
    /// The choices, one per conflict.
    choices: RwSignal<Vec<Side>>,
    /// The card the places are named in.
    card: Value,
    /// The wording.
    words: ConflictWords,
    /// Names the radio groups apart from another dialog's.
    group: &'static str,
) -> impl IntoView {
    choices.set(vec![Side::Mine; conflicts.len()]);
    conflicts
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let choose = Callback::new(move |side: Side| {
                choices.update(|choices| {
                    if let Some(choice) = choices.get_mut(index) {
                        *choice = side;
                    }
                })
            });
            view! {
                <ConflictChoice conflict=ConflictShown::of(&item, &card) words name=format!("{group}-{index}") choose />
            }
        })
        .collect_view()
}
