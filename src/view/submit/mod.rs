//! Submitting a registry version's card: review every change against what
//! the server held when the card was opened (the card's changes and those
//! beside it: card status, approval), submit with the card status (and the
//! approval, if asked) under one idempotency token, read the version back
//! to confirm; and when the version changed on the server meanwhile, what
//! the server changed and the places both sides changed, with merge,
//! deliberate overwrite, or back to editing. Nothing is lost either way.
//! Progress, confirmations and errors are said beside the submit bar,
//! where the reviewer acted.
//!
//! The decisions are the plan in [`crate::domain::submit_plan`]; here are
//! the bar (this file), the review dialog (`review.rs`), the conflict
//! screen (`conflict.rs`) and the steps that run the plan against the
//! server (`run.rs`).

mod conflict;
mod review;
mod run;

use leptos::prelude::*;

use super::backend::{Backend, OpenedVersion, Screen, expect_backend, version_name};
use super::session::expect_session;
use crate::domain::export::CardStatus;
use crate::domain::submit_plan::{Outcome, SubmitConflict, card_status_or_default};
use conflict::ConflictDialog;
use review::ReviewDialog;

/// The bar above a registry version's card: its name, the card status,
/// Review and submit, the way back to the registry, and what the last
/// submit came to.
#[component]
pub fn SubmitBar() -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let store = session.store();
    let opened = backend.opened();
    let review_open = RwSignal::new(false);
    let conflict = RwSignal::new(None::<SubmitConflict>);
    let outcome = RwSignal::new(None::<Outcome>);
    // What a submit said, and one stored but not confirmed, are about the
    // version they were for.
    let unconfirmed = run::Unconfirmed(StoredValue::new(None));
    provide_context(unconfirmed);
    when_another_version_opens(backend, move |_| {
        outcome.set(None);
        unconfirmed.0.set_value(None);
    });
    let submitting = move || matches!(outcome.get(), Some(Outcome::Working(_)));
    let package = store.package();
    let status = move || card_status_or_default(package.get().status);
    let statuses = CardStatus::ALL
        .iter()
        .map(|status| view! { <option value=status.as_str()>{status.as_str()}</option> })
        .collect_view();
    let set_status = move |event| {
        let mut info = package.get_untracked();
        info.status = Some(event_target_value(&event));
        store.set_package(info);
    };
    view! {
        <div class="mce-submit-bar" hidden=move || opened.with(Option::is_none) data-testid="submit-bar">
            <div class="mce-submit-bar__controls">
                <button type="button" class="mce-button" on:click=move |_| backend.show(Screen::Registry)>"← Registry"</button>
                <span class="mce-submit-bar__name">{move || opened.get().map(|opened| version_name(&opened.package))}</span>
                <label class="mce-field__label" for="mce-card-status">"Card status"</label>
                <select id="mce-card-status" class="mce-input mce-input--select" prop:value=status on:change=set_status>
                    {statuses}
                </select>
                <button type="button" class="mce-button mce-button--primary" data-testid="review" disabled=submitting on:click=move |_| review_open.set(true)>
                    "Review and submit…"
                </button>
            </div>
            <SubmitOutcome outcome />
        </div>
        <ReviewDialog open=review_open conflict outcome />
        <ConflictDialog conflict outcome />
    }
}

/// Runs `then` with the version each time another one is opened for
/// editing (a submit, which opens the same version anew, does not count).
fn when_another_version_opens(backend: Backend, then: impl Fn(&OpenedVersion) + 'static) {
    let arn = Memo::new(move |_| {
        backend.opened().with(|opened| {
            opened
                .as_ref()
                .map(|opened| opened.package.model_package_arn.clone())
        })
    });
    Effect::new(move |_| {
        if arn.with(Option::is_some)
            && let Some(opened) = backend.opened().get_untracked()
        {
            then(&opened);
        }
    });
}

/// What the last submit came to, beside the bar: progress and
/// confirmations politely announced, errors assertively; both regions
/// stay on the page so that what appears in them is announced.
#[component]
fn SubmitOutcome(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let told = move || match outcome.get() {
        Some(Outcome::Working(text) | Outcome::Told(text)) => Some(text),
        _ => None,
    };
    let failed = move || match outcome.get() {
        Some(Outcome::Failed(text)) => Some(text),
        _ => None,
    };
    let dismissable = move || matches!(outcome.get(), Some(Outcome::Told(_) | Outcome::Failed(_)));
    view! {
        <div class="mce-submit-bar__outcome" class:mce-submit-bar__outcome--error=move || failed().is_some()>
            <div class="mce-submit-bar__messages">
                <p class="mce-submit-bar__message" role="status" data-testid="submit-status">{told}</p>
                <p class="mce-submit-bar__message" role="alert" data-testid="submit-error">{failed}</p>
            </div>
            <button type="button" class="mce-link" hidden=move || !dismissable() on:click=move |_| outcome.set(None)>
                "Dismiss"
            </button>
        </div>
    }
}
