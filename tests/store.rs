//! The card store, natively, through its intent methods: what the form and
//! the source view call. Typing and undoing restore the card exactly, undo
//! works across views, findings follow edits, text the card cannot hold is
//! counted and let go, and drafts are assembled at the time the caller
//! gives. The store's clock is injected, so none of this needs a browser.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use model_card_editor::domain::entries::{EntryKind, Slot};
use model_card_editor::domain::json_text::TextStyle;
use model_card_editor::domain::pointer::JsonPointer;
use model_card_editor::view::store::{CardStore, Requirement};
use serde_json::{Value, json};

/// A clock the test moves by hand.
#[derive(Clone, Default)]
struct Clock(Rc<Cell<f64>>);

impl Clock {
    fn advance(&self, ms: f64) {
        self.0.set(self.0.get() + ms);
    }

    fn reader(&self) -> impl Fn() -> f64 + 'static {
        let now = Rc::clone(&self.0);
        move || now.get()
    }
}

/// A store editing `card`, under an owner (signals need one to belong to),
/// with a clock the test moves.
fn store_of(card: Value) -> (Owner, CardStore, Clock) {
    let owner = Owner::new();
    owner.set();
    let clock = Clock::default();
    let store = CardStore::new(card, TextStyle::standard(), clock.reader());
    (owner, store, clock)
}

fn pointer(text: &str) -> JsonPointer {
    JsonPointer::parse(text).expect("a pointer")
}

fn card_of(store: &CardStore) -> Value {
    store.with_card(Value::clone)
}

const PURPOSE: &str = "/intended_uses/purpose_of_model";
const RISK: &str = "/intended_uses/risk_rating";
const METRIC: &str = "/training_details/training_job_details/training_metrics/0/value";

fn card() -> Value {
    json!({
        "model_overview": {"model_creator": "Risk"},
        "intended_uses": {"purpose_of_model": "Scores payments", "risk_rating": "Low"},
        "training_details": {"training_job_details": {"training_metrics": [
            {"name": "auc", "value": 0.9}
        ]}}
    })
}

#[test]
fn typing_a_value_then_undo_and_redo_restores_exactly() {
    let (_owner, store, clock) = store_of(card());
    let before = card_of(&store);
    let at = pointer(PURPOSE);
    for typed in [
        "Scores payments!",
        "Scores payments!!",
        "Scores payments!!!",
    ] {
        clock.advance(100.0);
        store.type_text(&at, typed.to_owned(), Requirement::Optional);
    }
    let typed = card_of(&store);
    assert_eq!(
        typed["intended_uses"]["purpose_of_model"],
        "Scores payments!!!"
    );
    assert!(store.can_undo().get_untracked());
    // The keystrokes, close together, are one step.
    store.undo();
    assert_eq!(card_of(&store), before);
    assert!(!store.can_undo().get_untracked());
    assert!(store.can_redo().get_untracked());
    store.redo();
    assert_eq!(card_of(&store), typed);
    assert!(!store.can_redo().get_untracked());
}

#[test]
fn keystrokes_a_pause_apart_by_the_given_clock_are_separate_steps() {
    let (_owner, store, clock) = store_of(card());
    let at = pointer(PURPOSE);
    store.type_text(&at, "a".to_owned(), Requirement::Optional);
    clock.advance(5_000.0);
    store.type_text(&at, "ab".to_owned(), Requirement::Optional);
    store.undo();
    assert_eq!(store.value(&at), Some(json!("a")));
    store.undo();
    assert_eq!(store.value(&at), Some(json!("Scores payments")));
}

#[test]
fn emptying_an_optional_member_removes_it_and_a_required_one_keeps_empty_text() {
    let (_owner, store, _clock) = store_of(card());
    let at = pointer(PURPOSE);
    store.type_text(&at, String::new(), Requirement::Required);
    assert_eq!(store.value(&at), Some(json!("")));
    store.type_text(&at, String::new(), Requirement::Optional);
    assert_eq!(store.value(&at), None);
    store.undo();
    assert_eq!(store.value(&at), Some(json!("Scores payments")));
}

#[test]
fn an_edit_in_the_source_text_is_undone_from_the_form() {
    let (_owner, store, _clock) = store_of(card());
    let before = card_of(&store);
    let mut edited = before.clone();
    edited["model_overview"]["model_creator"] = json!("Fraud team");
    store.edit_source(serde_json::to_string_pretty(&edited).expect("JSON"));
    assert_eq!(card_of(&store), edited);
    assert!(store.source_draft().get_untracked().is_some());
    // The form's Undo button.
    store.undo();
    assert_eq!(card_of(&store), before);
    // The text typed belongs to a revision gone: the source view shows the card.
    assert_eq!(store.source_draft().get_untracked(), None);
    store.redo();
    assert_eq!(card_of(&store), edited);
}

#[test]
fn an_edit_in_the_form_is_undone_after_the_source_text_was_edited() {
    let (_owner, store, clock) = store_of(card());
    let before = card_of(&store);
    store.set(&pointer(RISK), json!("High"));
    clock.advance(5_000.0);
    let mut edited = card_of(&store);
    edited["model_overview"]["model_creator"] = json!("Fraud team");
    store.edit_source(serde_json::to_string(&edited).expect("JSON"));
    store.undo();
    store.undo();
    assert_eq!(card_of(&store), before);
}

#[test]
fn source_text_that_does_not_parse_is_a_problem_until_it_does() {
    let (_owner, store, _clock) = store_of(card());
    let before = card_of(&store);
    store.edit_source("{\"model_overview\": ".to_owned());
    assert_eq!(card_of(&store), before);
    let draft = store.source_draft().get_untracked().expect("text kept");
    assert!(draft.error.is_some());
    assert_eq!(store.entries().get_untracked().len(), 1);
    assert!(!store.issues().get_untracked().is_empty());
    store.edit_source(serde_json::to_string(&before).expect("JSON"));
    assert!(store.entries().get_untracked().is_empty());
    assert!(store.issues().get_untracked().is_empty());
}

#[test]
fn an_invalid_value_gives_a_message_on_its_field_and_fixing_it_clears_it() {
    let (_owner, store, _clock) = store_of(card());
    let at = pointer(RISK);
    assert!(store.messages(&at).is_empty());
    assert!(store.issues().get_untracked().is_empty());
    store.set(&at, json!("Severe"));
    assert_eq!(store.messages(&at).len(), 1);
    let issues = store.issues().get_untracked();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].field, at);
    // Other fields show nothing.
    assert!(store.messages(&pointer(PURPOSE)).is_empty());
    store.set(&at, json!("Medium"));
    assert!(store.messages(&at).is_empty());
    assert!(store.issues().get_untracked().is_empty());
}

#[test]
fn undoing_the_fix_brings_the_message_back() {
    let (_owner, store, _clock) = store_of(card());
    let at = pointer(RISK);
    store.set(&at, json!("Severe"));
    store.set(&at, json!("High"));
    assert!(store.messages(&at).is_empty());
    store.undo();
    assert_eq!(store.messages(&at).len(), 1);
}

#[test]
fn a_number_typed_that_does_not_parse_is_counted_and_dropped_when_the_value_is_replaced() {
    let (_owner, store, _clock) = store_of(card());
    let at = pointer(METRIC);
    store.hold_entry(&at, EntryKind::Number, "0,97".to_owned());
    assert_eq!(store.entries().get_untracked().len(), 1);
    let entry = store.find_entry(Slot::Value, &at).expect("entry held");
    assert_eq!(entry.text, "0,97");
    assert_eq!(entry.held, Some(json!(0.9)));
    // Counted among the problems, on its field.
    assert_eq!(store.issues().get_untracked().len(), 1);
    assert_eq!(store.messages(&at).len(), 1);
    // The card is unchanged meanwhile.
    assert_eq!(store.value(&at), Some(json!(0.9)));
    store.set(&at, json!(0.97));
    assert!(store.entries().get_untracked().is_empty());
    assert!(store.find_entry(Slot::Value, &at).is_none());
    assert!(store.issues().get_untracked().is_empty());
    assert!(store.messages(&at).is_empty());
}

#[test]
fn accepting_the_number_meant_replaces_the_text_in_one_step() {
    let (_owner, store, _clock) = store_of(card());
    let at = pointer(METRIC);
    store.hold_entry(&at, EntryKind::Number, "0,97".to_owned());
    let number = serde_json::Number::from_f64(0.97).expect("a number");
    store.accept_number(&at, number);
    assert!(store.entries().get_untracked().is_empty());
    assert_eq!(store.value(&at), Some(json!(0.97)));
    store.undo();
    assert_eq!(store.value(&at), Some(json!(0.9)));
}

#[test]
fn a_draft_is_saved_at_the_time_given_with_the_edits_and_the_typed_text() {
    let (_owner, store, clock) = store_of(card());
    assert!(store.matches_source());
    clock.advance(1_000.0);
    store.set(&pointer(RISK), json!("High"));
    store.hold_entry(&pointer(METRIC), EntryKind::Number, "0,97".to_owned());
    assert!(!store.matches_source());
    let draft = store.draft(1_795_000_000_000.0);
    assert_eq!(draft.saved_at_ms, 1_795_000_000_000.0);
    assert_eq!(draft.card, card_of(&store));
    assert_eq!(draft.source_card, card());
    assert_eq!(draft.history.undo_len(), 1);
    assert_eq!(draft.entries.len(), 1);
    assert_eq!(draft.entries[0].text, "0,97");
}

#[test]
fn a_restored_draft_undoes_as_the_saved_card_did() {
    let (_owner, store, _clock) = store_of(card());
    store.set(&pointer(RISK), json!("High"));
    let draft = store.draft(5.0);
    let (_other_owner, other, _) = store_of(json!({}));
    other.restore(draft, card());
    assert_eq!(other.value(&pointer(RISK)), Some(json!("High")));
    other.undo();
    assert_eq!(card_of(&other), card());
}
