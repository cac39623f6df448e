//! A three-way conflict shown for a choice: for each place both sides
//! changed, what it was, what each side made it, and which to keep. The
//! submit (the server changed the version) and other tabs (another tab
//! saved the same card) both ask this way.

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::form::card_form;
use crate::domain::form::labels::label_path;
use crate::domain::merge::{Conflict, Side};
use crate::domain::pointer::JsonPointer;

/// A value in a diff or conflict, short enough to read.
pub fn shown(value: Option<&Value>) -> String {
    match value {
        None => "(absent)".to_owned(),
        Some(Value::String(text)) => {
            let text: String = text.chars().take(120).collect();
            format!("\u{201c}{text}\u{201d}")
        }
        Some(other) => {
            let text = other.to_string();
            if text.chars().count() > 120 {
                format!("{}…", text.chars().take(119).collect::<String>())
            } else {
                text
            }
        }
    }
}

/// A place in `card` as the form names it ("Model overview › Model
/// creator").
pub fn place(card: &Value, pointer: &JsonPointer) -> String {
    let path = label_path(&card_form().root, card, pointer).join(" › ");
    if path.is_empty() {
        "The whole card".to_owned()
    } else {
        path
    }
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
            let name = format!("{group}-{index}");
            let choose = move |side: Side| {
                choices.update(|choices| {
                    if let Some(choice) = choices.get_mut(index) {
                        *choice = side;
                    }
                })
            };
            view! {
                <fieldset class="mce-conflict" data-pointer=item.pointer.to_string()>
                    <legend>{place(&card, &item.pointer)}</legend>
                    <dl class="mce-print__fields">
                        <dt>{words.base}</dt><dd>{shown(item.base.as_ref())}</dd>
                        <dt>{words.theirs}</dt><dd>{shown(item.theirs.as_ref())}</dd>
                        <dt>{words.mine}</dt><dd>{shown(item.mine.as_ref())}</dd>
                    </dl>
                    <label><input type="radio" name=name.clone() checked=true on:change=move |_| choose(Side::Mine) />" "{words.keep_mine}</label>
                    <label><input type="radio" name=name on:change=move |_| choose(Side::Theirs) />" "{words.take_theirs}</label>
                </fieldset>
            }
        })
        .collect_view()
}
