//! Text typed into a control that the card does not hold.
//!
//! A number box showing `0,97` while the card keeps 0, a raw JSON box whose
//! text does not parse, a map key emptied or renamed to a key already used,
//! the source view's text with a syntax error: each time, what the reviewer
//! sees differs from what would be saved, exported or submitted. That is a
//! problem like any schema error (counted, listed, shown on its field) and
//! more: it blocks Submit and the exports until the reviewer either fixes
//! the text or puts back the card's value. Nothing is guessed silently:
//! where the intent is plain ("Did you mean 0.97?") the editor offers it.
//!
//! [`Entries`] keeps them by place and lets them follow their places
//! through edits (an item inserted above moves them down); the messages,
//! suggestions and button texts are made here and nowhere else.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use super::document::{Change, Whereabouts};
use super::form::FormNode;
use super::issues::{ValidationIssue, field_title, sort_by_form_order};
use super::number_text::{NumberReading, read_number};
use super::pointer::JsonPointer;

/// The keyword of the problem an entry stands for (in the problem list's
/// `data-keyword`, beside the schema's keywords).
pub const ENTRY_KEYWORD: &str = "typed";

/// Which control of a place holds the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// The box editing the value at the place.
    Value,
    /// The key box of a map's entry (the place is the entry).
    Key,
    /// The key box of a map's new entry, not in the card yet (the place is
    /// the map).
    NewKey,
    /// The JSON source view (the place is the card).
    Source,
}

/// Why a map key typed cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyProblem {
    /// It is empty.
    Empty,
    /// Another entry of the map already uses it.
    Taken,
}

/// What kind of text it is, and why the card could not take it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryKind {
    /// A number box: the text is not a JSON number.
    Number,
    /// A raw JSON box: the text does not parse, for this reason.
    Json {
        /// What is wrong, with line and column.
        error: String,
    },
    /// A map entry's key box.
    Key {
        /// Why the key cannot be used.
        problem: KeyProblem,
    },
    /// A new map entry's key box: the key is taken.
    NewKey,
    /// The source view: the text does not parse, for this reason.
    Source {
        /// What is wrong, with line and column.
        error: String,
    },
}

impl EntryKind {
    /// The control that holds such text.
    pub fn slot(&self) -> Slot {
        match self {
            Self::Number | Self::Json { .. } => Slot::Value,
            Self::Key { .. } => Slot::Key,
            Self::NewKey => Slot::NewKey,
            Self::Source { .. } => Slot::Source,
        }
    }
}

/// Text typed at a place that the card does not hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The place (see [`Slot`] for what it names).
    pub pointer: JsonPointer,
    /// What kind of text, and why it is not in the card.
    #[serde(flatten)]
    pub kind: EntryKind,
    /// The text as typed.
    pub text: String,
    /// What the card holds at the place (None: nothing), so the reviewer
    /// is told what would be saved, and so an edit that replaces it is
    /// recognised.
    pub held: Option<Value>,
}

/// Typed text longer than this is shortened when a message repeats it.
const ECHO_CHARS: usize = 40;

impl Entry {
    /// The numbers the reviewer plainly meant, for one click to accept
    /// (none for anything but a number box).
    pub fn suggestions(&self) -> Vec<Number> {
        match (&self.kind, read_number(&self.text)) {
            (EntryKind::Number, NumberReading::Suggested(numbers)) => numbers,
            _ => Vec::new(),
        }
    }

    /// What is wrong, what the card holds instead, and the plain reading if
    /// there is one, in a sentence for the field and the problem list.
    pub fn message(&self) -> String {
        let typed = echo(&self.text);
        let sentence = match &self.kind {
            EntryKind::Number => {
                let what = match read_number(&self.text) {
                    NumberReading::NotFinite => {
                        "is not a number a card can hold (JSON has no NaN or infinity)"
                    }
                    _ => "is not a number",
                };
                format!("“{typed}” {what}, so {}.", self.held_clause())
            }
            EntryKind::Json { error } => {
                format!(
                    "This is not valid JSON ({error}), so {}.",
                    self.held_clause()
                )
            }
            EntryKind::Key { problem } => {
                let key = self.pointer.tokens().last().map_or("", String::as_str);
                let why = match problem {
                    KeyProblem::Empty => "A key can't be empty".to_owned(),
                    KeyProblem::Taken => {
                        format!("Another entry already uses the key “{typed}”")
                    }
                };
                format!("{why}, so the card keeps this entry under “{}”.", echo(key))
            }
            EntryKind::NewKey => format!(
                "Another entry already uses the key “{typed}”, so this new entry is not in the card."
            ),
            EntryKind::Source { error } => format!(
                "The JSON text does not parse ({error}), so the card is as the text last parsed."
            ),
        };
        match self.suggestions().as_slice() {
            [] => sentence,
            [one] => format!("{sentence} Did you mean {one}?"),
            [first, second, ..] => format!("{sentence} Did you mean {first} or {second}?"),
        }
    }

    /// "the card still holds 0" / "the card has no value here".
    fn held_clause(&self) -> String {
        match &self.held {
            None | Some(Value::Null) => "the card has no value here".to_owned(),
            Some(Value::String(text)) => format!("the card still holds “{}”", echo(text)),
            Some(value @ (Value::Number(_) | Value::Bool(_))) => {
                format!("the card still holds {value}")
            }
            Some(_) => "the card keeps its earlier value".to_owned(),
        }
    }

    /// The label of the button that puts the card's value back in the
    /// control (dropping the text).
    pub fn put_back_label(&self) -> String {
        match (&self.kind, &self.held) {
            (EntryKind::NewKey, _) => "Cancel the new entry".to_owned(),
            (EntryKind::Source { .. }, _) => "Put back the card's text".to_owned(),
            (EntryKind::Key { .. }, _) => {
                let key = self.pointer.tokens().last().map_or("", String::as_str);
                format!("Put back “{}”", echo(key))
            }
            (_, Some(value @ (Value::Number(_) | Value::Bool(_)))) => {
                format!("Put back {value}")
            }
            (_, None | Some(Value::Null)) => "Clear".to_owned(),
            _ => "Put back the card's value".to_owned(),
        }
    }

    /// The problem the entry stands for, for the count, the section
    /// badges, the problem list and the field's messages. Its field is the
    /// place, except for a key box, whose problem is listed under its
    /// entry.
    pub fn issue(&self, form: &FormNode, card: &Value) -> ValidationIssue {
        let title = match self.kind {
            EntryKind::Source { .. } => "JSON source".to_owned(),
            _ => field_title(form, card, &self.pointer),
        };
        ValidationIssue {
            pointer: self.pointer.clone(),
            field: self.pointer.clone(),
            keyword: ENTRY_KEYWORD.to_owned(),
            title,
            message: self.message(),
        }
    }
}

/// What a dialog holding an export or a submit says of the texts that
/// wait: what would go wrong, and the way on.
pub fn waiting_sentence(count: usize) -> String {
    let fields = match count {
        0 => return "Nothing typed is waiting any more: you can continue.".to_owned(),
        1 => "1 field shows text".to_owned(),
        n => format!("{n} fields show text"),
    };
    format!(
        "{fields} that the card does not hold: what would be sent is the card's value, not what you see. \
         Use the value meant or put back the card's, then continue."
    )
}

/// The label of the button that takes `number` for the text typed.
pub fn use_label(number: &Number) -> String {
    format!("Use {number}")
}

/// `text` as a message repeats it: on one line, and shortened when long.
pub fn echo(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|ch| if ch.is_control() { ' ' } else { ch })
        .collect();
    if one_line.chars().count() <= ECHO_CHARS {
        return one_line;
    }
    let kept: String = one_line.chars().take(ECHO_CHARS - 1).collect();
    format!("{}…", kept.trim_end())
}

/// Why `typed`, as the key of a map entry now called `own` (None for a new
/// entry) among `keys`, cannot be used; None when it can.
pub fn key_problem(keys: &[String], own: Option<&str>, typed: &str) -> Option<KeyProblem> {
    if typed.is_empty() {
        return Some(KeyProblem::Empty);
    }
    (Some(typed) != own && keys.iter().any(|key| key == typed)).then_some(KeyProblem::Taken)
}

/// An entry with the problem it stands for, as the views list them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedEntry {
    /// The text and its place.
    pub entry: Entry,
    /// The problem, as the problem list shows it.
    pub issue: ValidationIssue,
}

/// Every entry of a card, by place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entries {
    by_place: BTreeMap<(Slot, JsonPointer), Entry>,
}

impl Entries {
    /// Entries restored from a draft.
    pub fn from_list(list: Vec<Entry>) -> Self {
        let mut entries = Self::default();
        for entry in list {
            entries.put(entry);
        }
        entries
    }

    /// Records `entry`, replacing the one of its place; says whether
    /// anything changed.
    pub fn put(&mut self, entry: Entry) -> bool {
        let place = (entry.kind.slot(), entry.pointer.clone());
        if self.by_place.get(&place) == Some(&entry) {
            return false;
        }
        self.by_place.insert(place, entry);
        true
    }

    /// Drops the entry of a place (the text was fixed, or the reviewer put
    /// the card's value back); says whether there was one.
    pub fn remove(&mut self, slot: Slot, pointer: &JsonPointer) -> bool {
        self.by_place.remove(&(slot, pointer.clone())).is_some()
    }

    /// The entry of a place.
    pub fn get(&self, slot: Slot, pointer: &JsonPointer) -> Option<&Entry> {
        self.by_place.get(&(slot, pointer.clone()))
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.by_place.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.by_place.len()
    }

    /// Every entry.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.by_place.values()
    }

    /// The entries a draft keeps: all but the source view's text, which
    /// can be the whole card again and lives as long as the tab.
    pub fn kept_in_drafts(&self) -> impl Iterator<Item = &Entry> {
        self.iter()
            .filter(|entry| entry.kind.slot() != Slot::Source)
    }

    /// Brings the entries along with `change`, now applied to `card`: each
    /// follows its place; one whose place is gone, or whose value the
    /// change replaced with another (an undo, a paste, the source view), is
    /// dropped, since its control now shows what the card holds. Says
    /// whether anything changed.
    pub fn follow(&mut self, change: &Change, card: &Value) -> bool {
        if self.by_place.is_empty() || change.moves.is_empty() {
            return false;
        }
        let before = self.by_place.len();
        let mut moved = false;
        let entries = std::mem::take(&mut self.by_place);
        for (_, mut entry) in entries {
            let pointer = match change.follow(&entry.pointer) {
                Whereabouts::Gone => continue,
                Whereabouts::Kept(pointer) => pointer,
                Whereabouts::Touched(pointer) => {
                    if !still_holds(&entry, &pointer, card) {
                        continue;
                    }
                    pointer
                }
            };
            moved |= pointer != entry.pointer;
            entry.pointer = pointer;
            self.put(entry);
        }
        moved || self.by_place.len() != before
    }

    /// Every entry with its problem, in form order.
    pub fn listed(&self, form: &FormNode, card: &Value) -> Vec<ListedEntry> {
        let mut listed: Vec<ListedEntry> = self
            .iter()
            .map(|entry| ListedEntry {
                issue: entry.issue(form, card),
                entry: entry.clone(),
            })
            .collect();
        sort_by_form_order(form, card, &mut listed, |listed| &listed.issue);
        listed
    }
}

/// Whether the card still holds what it held when `entry` was typed, at the
/// entry's place, now at `pointer`.
fn still_holds(entry: &Entry, pointer: &JsonPointer, card: &Value) -> bool {
    let now = pointer.resolve(card);
    match entry.kind.slot() {
        Slot::NewKey => matches!(now, Some(Value::Object(_))),
        Slot::Source => true,
        Slot::Value | Slot::Key => now == entry.held.as_ref(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::document::{CardDocument, Coalesce, Edit};
    use crate::domain::form::card_form;

    fn ptr(text: &str) -> JsonPointer {
        JsonPointer::parse(text).unwrap()
    }

    fn number(pointer: &str, text: &str, held: Value) -> Entry {
        Entry {
            pointer: ptr(pointer),
            kind: EntryKind::Number,
            text: text.to_owned(),
            held: Some(held),
        }
    }

    #[test]
    fn a_decimal_comma_says_what_the_card_holds_and_what_was_meant() {
        let entry = number("/x", "0,97", json!(0));
        assert_eq!(
            entry.message(),
            "“0,97” is not a number, so the card still holds 0. Did you mean 0.97?"
        );
        assert_eq!(entry.suggestions(), vec![Number::from_f64(0.97).unwrap()]);
        assert_eq!(entry.put_back_label(), "Put back 0");
        let ambiguous = number("/x", "1,234", json!(5));
        assert!(ambiguous.message().ends_with("Did you mean 1.234 or 1234?"));
        let nothing = Entry {
            held: None,
            ..number("/x", "abc", json!(0))
        };
        assert_eq!(
            nothing.message(),
            "“abc” is not a number, so the card has no value here."
        );
        assert_eq!(nothing.put_back_label(), "Clear");
        assert!(
            number("/x", "NaN", json!(1))
                .message()
                .contains("JSON has no NaN")
        );
    }

    #[test]
    fn long_text_is_shortened_when_repeated() {
        let entry = number("/x", &"9".repeat(10_000), json!(1));
        let message = entry.message();
        assert!(message.chars().count() < 120, "{message}");
        assert!(message.contains("…"));
        let lines = number("/x", "1\n2", json!(1));
        assert!(lines.message().starts_with("“1 2”"));
    }

    #[test]
    fn keys_and_sources_are_worded_for_what_they_are() {
        let empty = Entry {
            pointer: ptr("/additional_information/custom_details/owner"),
            kind: EntryKind::Key {
                problem: KeyProblem::Empty,
            },
            text: String::new(),
            held: Some(json!("ml-team")),
        };
        assert_eq!(
            empty.message(),
            "A key can't be empty, so the card keeps this entry under “owner”."
        );
        assert_eq!(empty.put_back_label(), "Put back “owner”");
        let source = Entry {
            pointer: JsonPointer::root(),
            kind: EntryKind::Source {
                error: "line 3, column 1: expected `,`".into(),
            },
            text: "{".into(),
            held: None,
        };
        assert!(source.message().starts_with("The JSON text does not parse"));
        assert_eq!(
            source.issue(&card_form().root, &json!({})).title,
            "JSON source"
        );
    }

    #[test]
    fn the_waiting_sentence_counts() {
        assert!(waiting_sentence(1).starts_with("1 field shows text that the card does not hold"));
        assert!(waiting_sentence(3).starts_with("3 fields show text"));
        assert!(waiting_sentence(0).contains("you can continue"));
    }

    #[test]
    fn key_problems() {
        let keys = ["a".to_owned(), "b".to_owned()];
        assert_eq!(key_problem(&keys, Some("a"), ""), Some(KeyProblem::Empty));
        assert_eq!(key_problem(&keys, Some("a"), "b"), Some(KeyProblem::Taken));
        assert_eq!(key_problem(&keys, Some("a"), "a"), None);
        assert_eq!(key_problem(&keys, None, "a"), Some(KeyProblem::Taken));
        assert_eq!(key_problem(&keys, None, "c"), None);
    }

    #[test]
    fn the_issue_is_on_the_field_with_its_title() {
        let card = json!({"training_details": {"training_job_details": {"training_metrics": [{"name": "auc", "value": 0}]}}});
        let pointer = "/training_details/training_job_details/training_metrics/0/value";
        let issue = number(pointer, "0,97", json!(0)).issue(&card_form().root, &card);
        assert_eq!(issue.field, ptr(pointer));
        assert_eq!(issue.keyword, ENTRY_KEYWORD);
        assert_eq!(issue.title, "Value");
    }

    fn apply(document: &mut CardDocument, entries: &mut Entries, edit: Edit) -> bool {
        let change = document.apply(edit, Coalesce::Never, 0.0).unwrap();
        entries.follow(&change, document.root())
    }

    #[test]
    fn entries_follow_their_items_and_leave_with_them() {
        let mut document = CardDocument::new(json!({"l": [{"v": 0}, {"v": 0}, {"v": 0}]}));
        let mut entries = Entries::default();
        entries.put(number("/l/1/v", "0,5", json!(0)));
        // An item inserted above moves the entry down with its item.
        let moved = apply(
            &mut document,
            &mut entries,
            Edit::Insert {
                array: ptr("/l"),
                index: 0,
                value: json!({"v": 0}),
            },
        );
        assert!(moved);
        assert!(entries.get(Slot::Value, &ptr("/l/2/v")).is_some());
        // Editing another item leaves it be.
        let changed = apply(
            &mut document,
            &mut entries,
            Edit::Set {
                pointer: ptr("/l/0/v"),
                value: json!(7),
            },
        );
        assert!(!changed);
        assert_eq!(entries.len(), 1);
        // Removing its item removes it.
        apply(
            &mut document,
            &mut entries,
            Edit::Remove {
                pointer: ptr("/l/2"),
            },
        );
        assert!(entries.is_empty());
    }

    #[test]
    fn an_entry_whose_value_is_replaced_is_dropped_and_one_kept_is_kept() {
        let mut document = CardDocument::new(json!({"m": {"v": 0, "w": 0}}));
        let mut entries = Entries::default();
        entries.put(number("/m/v", "1,5", json!(0)));
        entries.put(number("/m/w", "x", json!(0)));
        // The object replaced with `v` changed and `w` as it was.
        apply(
            &mut document,
            &mut entries,
            Edit::Set {
                pointer: ptr("/m"),
                value: json!({"v": 2, "w": 0}),
            },
        );
        assert!(entries.get(Slot::Value, &ptr("/m/v")).is_none());
        assert!(entries.get(Slot::Value, &ptr("/m/w")).is_some());
    }

    #[test]
    fn entries_round_trip_through_a_draft() {
        let list = vec![
            number("/a", "0,97", json!(0)),
            Entry {
                pointer: ptr("/m"),
                kind: EntryKind::NewKey,
                text: "dup".into(),
                held: None,
            },
        ];
        let text = serde_json::to_string(&list).unwrap();
        let back: Vec<Entry> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, list);
        let mut entries = Entries::from_list(back);
        entries.put(Entry {
            pointer: JsonPointer::root(),
            kind: EntryKind::Source { error: "x".into() },
            text: String::new(),
            held: None,
        });
        assert_eq!(entries.len(), 3);
        assert_eq!(
            entries.kept_in_drafts().count(),
            2,
            "the source view's text is not kept"
        );
    }
}
