//! A card's schema errors and lint warnings, kept current edit by edit.
//!
//! Validating, linting and measuring a whole 4.6 MB card costs over ten
//! milliseconds natively, too much to repeat on every keystroke, and the
//! cost grows with the card. After an edit only the smallest subtree whose verdict
//! the edit can change is checked again ([`revalidation_root`],
//! [`lint_root`]), and its findings replace the ones found there before;
//! the card's length comes from the document, which keeps it up to date.
//! The result equals checking the whole card, in the same order (a native
//! test edits cards at random and compares).

use serde_json::Value;

use super::form::{FormNode, card_form};
use super::issues::{ValidationIssue, sort_in_form_order};
use super::lints::{content_length_warning, lint_root, lint_subtree};
use super::pointer::JsonPointer;
use super::validation::{revalidation_root, validate_card, validate_subtree};

/// What is wrong with a card (schema errors) and worth a look (lint
/// warnings), both in form order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Findings {
    errors: Vec<ValidationIssue>,
    /// Every lint's findings but MC007's, which is about the whole card.
    warnings: Vec<ValidationIssue>,
    /// MC007, when the card is longer than the service accepts.
    too_long: Option<ValidationIssue>,
}

impl Findings {
    /// Checks the whole of `card`, whose compact JSON text is
    /// `content_length` characters long.
    pub fn of(card: &Value, content_length: usize) -> Self {
        let form = form();
        Self {
            errors: validate_card(card),
            warnings: lint_subtree(form, card, &JsonPointer::root()),
            too_long: content_length_warning(form, card, content_length),
        }
    }

    /// Brings the findings up to date with `card` after a change whose
    /// scope is `scope` (see `document::Change`), in time that depends on
    /// the changed subtree, not on the card. Says whether any finding
    /// changed, so that typing which fixes or breaks nothing costs the
    /// views nothing either.
    pub fn revise(&mut self, card: &Value, scope: &JsonPointer, content_length: usize) -> bool {
        let form = form();
        let errors_at = revalidation_root(card, scope);
        let errors_changed = replace_under(
            &mut self.errors,
            &errors_at,
            validate_subtree(card, &errors_at),
            card,
        );
        let warnings_at = lint_root(form, card, scope);
        let warnings_changed = replace_under(
            &mut self.warnings,
            &warnings_at,
            lint_subtree(form, card, &warnings_at),
            card,
        );
        let too_long = content_length_warning(form, card, content_length);
        let length_changed = too_long != self.too_long;
        self.too_long = too_long;
        errors_changed || warnings_changed || length_changed
    }

    /// The schema errors, in form order.
    pub fn errors(&self) -> &[ValidationIssue] {
        &self.errors
    }

    /// The lint warnings: the card's length first (it is about the whole
    /// card), then the rest in form order.
    pub fn warnings(&self) -> Vec<ValidationIssue> {
        self.too_long
            .iter()
            .chain(&self.warnings)
            .cloned()
            .collect()
    }
}

fn form() -> &'static FormNode {
    &card_form().root
}

/// Replaces the findings at and below `at` with `fresh` (in form order,
/// as the validator and the linter return them), keeping form order; says
/// whether that changed anything.
fn replace_under(
    findings: &mut Vec<ValidationIssue>,
    at: &JsonPointer,
    fresh: Vec<ValidationIssue>,
    card: &Value,
) -> bool {
    let under = |finding: &&ValidationIssue| finding.pointer.starts_with(at);
    if findings.iter().filter(under).eq(fresh.iter()) {
        return false;
    }
    findings.retain(|finding| !finding.pointer.starts_with(at));
    findings.extend(fresh);
    sort_in_form_order(form(), card, findings);
    true
}

/// What a keystroke costs the findings: types `runs` characters into the
/// text at `pointer` of `card`, each an edit followed by
/// [`Findings::revise`], and returns the mean milliseconds per character
/// by `now`, for the benchmark (natively and in the browser, whose clock
/// is too coarse to time one). None when `pointer` names no text.
pub fn keystroke_timing(
    card: Value,
    pointer: &JsonPointer,
    runs: u32,
    now: impl Fn() -> f64,
) -> Option<f64> {
    use super::document::{CardDocument, Coalesce, Edit};
    let mut document = CardDocument::new(card);
    let mut text = document.get(pointer)?.as_str()?.to_owned();
    let mut findings = Findings::of(document.root(), document.content_length());
    let start = now();
    for run in 0..runs {
        text.push(char::from(b'a' + (run % 26) as u8));
        let edit = Edit::Set {
            pointer: pointer.clone(),
            value: Value::String(text.clone()),
        };
        let change = document
            .apply(edit, Coalesce::Typing, f64::from(run))
            .ok()?;
        findings.revise(document.root(), &change.scope, document.content_length());
    }
    Some((now() - start) / f64::from(runs.max(1)))
}
