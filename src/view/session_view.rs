//! What the session shows: the notice line, where the draft stands, and
//! the offer to recover a draft.

use leptos::prelude::*;

use super::modal::Modal;
use super::platform::{StorageProblem, date_time};
use super::session::{PendingRecovery, Resuming, SaveState, expect_session};
use crate::domain::drafts::{
    NOTHING_TO_SAVE_TEXT, Recovery, offer_text, saved_text, source_changed_text, typed_offer_text,
};
use crate::domain::form::card_form;
use crate::domain::form::labels::label_path;
use crate::domain::merge::ChangeKind;

/// The latest notice: information politely, errors assertively.
#[component]
pub fn NoticeLine() -> impl IntoView {
    let session = expect_session();
    let notice = session.notice();
    view! {
        <div class="mce-notice-area">
            <p
                class="mce-notice"
                role="status"
                data-testid="notice"
                hidden=move || notice.with(|notice| notice.as_ref().is_none_or(|n| n.error))
            >
                {move || notice.get().filter(|n| !n.error).map(|n| n.text)}
                " "
                <button type="button" class="mce-link" on:click=move |_| session.dismiss()>"Dismiss"</button>
            </p>
            <p
                class="mce-notice mce-notice--error"
                role="alert"
                data-testid="notice-error"
                hidden=move || notice.with(|notice| notice.as_ref().is_none_or(|n| !n.error))
            >
                {move || notice.get().filter(|n| n.error).map(|n| n.text)}
                " "
                <button type="button" class="mce-link" on:click=move |_| session.dismiss()>"Dismiss"</button>
            </p>
        </div>
    }
}

/// "Saved in this browser 14:05" (never to be read as saved to the
/// registry), or why the work is not being saved.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let session = expect_session();
    let state = session.save_state();
    move || {
        match state.get() {
        SaveState::Clean => view! { <span class="mce-save" data-testid="save-state">{NOTHING_TO_SAVE_TEXT}</span> }.into_any(),
        SaveState::Saved(at) => view! {
            <span class="mce-save" data-testid="save-state">{saved_text(&super::platform::clock_time(at))}</span>
        }
        .into_any(),
        SaveState::Failed(problem) => {
            let full = problem == StorageProblem::Full;
            view! {
                <span class="mce-save mce-save--failed" role="alert" data-testid="save-state">
                    {format!("Not saved: {problem}. Download or copy the card to keep your work")}
                    {if full { ", or delete drafts you no longer need. " } else { "." }}
                    {full.then(|| view! {
                        <button type="button" class="mce-link-button" on:click=move |_| session.drafts_shown().set(true)>"Drafts…"</button>
                    })}
                </span>
            }
            .into_any()
        }
    }
    }
}

/// The offer to recover a draft: what differs, restore or discard. A
/// registry version's draft is restored once its version is reopened,
/// said beside the buttons; if it cannot be, the card is restored all the
/// same and the dialog says why, to try again or go on editing.
#[component]
pub fn RecoveryDialog() -> impl IntoView {
    let session = expect_session();
    let pending = session.pending_recovery();
    let resuming = RwSignal::new(Resuming::Idle);
    let open = RwSignal::new(false);
    open_while_offered(pending, open, resuming);
    let failed = move || resuming.with(Resuming::failed);
    let body = move || {
        pending
            .get()
            .map(|pending| view! { <RecoveryOffer offer=pending.offer /> })
    };
    view! {
        <Modal open title="Recover unsaved work?".to_owned() id="mce-recovery" dismissable=false>
            {body}
            <ResumeStatus resuming id="mce-recovery-status" />
            <div class="mce-dialog__buttons">
                <button
                    type="button"
                    class="mce-button mce-button--primary"
                    aria-disabled=move || resuming.with(Resuming::busy).to_string()
                    on:click=move |_| session.restore_draft(resuming)
                >
                    {move || if failed() { "Try again" } else { "Restore the draft" }}
                </button>
                <button
                    type="button"
                    class="mce-button"
                    aria-disabled=move || resuming.with(Resuming::busy).to_string()
                    on:click=move |_| match resuming.get_untracked() {
                        Resuming::Idle => session.discard_draft(),
                        Resuming::Failed(_) => session.go_on_without_registry(resuming),
                        Resuming::Reopening(_) => {}
                    }
                >
                    {move || if failed() { "Go on editing" } else { "Discard it" }}
                </button>
            </div>
        </Modal>
    }
}

/// The dialog is open while there is an offer: closing it without
/// choosing (Escape) keeps the offer, as nothing is thrown away without a
/// choice; and a new offer starts afresh.
fn open_while_offered(
    pending: ReadSignal<Option<PendingRecovery>>,
    open: RwSignal<bool>,
    resuming: RwSignal<Resuming>,
) {
    Effect::new(move |_| {
        let wanted = pending.with(Option::is_some);
        if open.get_untracked() != wanted {
            open.set(wanted);
        }
    });
    Effect::new(move |_| {
        if !open.get() && pending.with_untracked(Option::is_some) {
            open.set(true);
        }
    });
    Effect::new(move |_| {
        if pending.with(Option::is_none) {
            resuming.set(Resuming::Idle);
        }
    });
}

/// What the offer says: whose draft, from when, whether the source has
/// changed since, and the places that differ (text typed that the card
/// does not hold comes back with the draft too).
#[component]
fn RecoveryOffer(offer: Recovery) -> impl IntoView {
    let Recovery::Offer {
        draft,
        differences,
        total,
        source_changed,
    } = offer
    else {
        return ().into_any();
    };
    let card = draft.card.clone();
    let rows = differences
        .iter()
        .map(|difference| {
            let place = label_path(&card_form().root, &card, &difference.pointer).join(" › ");
            let place = if place.is_empty() { "The card".to_owned() } else { place };
            let change = change_word(difference.kind);
            view! { <li data-pointer=difference.pointer.to_string()><span>{place}</span>" "<em>{change}</em></li> }
        })
        .collect_view();
    let typed_rows = draft
        .entries
        .iter()
        .map(|entry| {
            let place = label_path(&card_form().root, &card, &entry.pointer).join(" › ");
            view! { <li data-pointer=entry.pointer.to_string()><span>{place}</span>" "<em>{typed_offer_text(&entry.text)}</em></li> }
        })
        .collect_view();
    let typed = draft.entries.len();
    let more = (total > differences.len())
        .then(|| view! { <p>{format!("and {} more.", total - differences.len())}</p> });
    let changed = source_changed.then(|| {
        view! {
            <p class="mce-banner mce-banner--warning">{source_changed_text(&draft.source)}</p>
        }
    });
    view! {
        <p>{offer_text(&draft.source.describe(), &date_time(draft.saved_at_ms), total, typed)}</p>
        {changed}
        <ul class="mce-recovery__list" data-testid="recovery-differences">{rows}{typed_rows}</ul>
        {more}
    }
    .into_any()
}

/// How a place differs from the source, in a word.
fn change_word(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Changed => "changed",
    }
}

/// What a restore is doing, beside its buttons: reopening the registry
/// version (announced politely), or why it could not (assertively).
#[component]
pub fn ResumeStatus(
    /// How the restore stands.
    resuming: RwSignal<Resuming>,
    /// An id for the status line.
    id: &'static str,
) -> impl IntoView {
    let reopening = move || match resuming.get() {
        Resuming::Reopening(text) => Some(text),
        _ => None,
    };
    let failed = move || match resuming.get() {
        Resuming::Failed(text) => Some(text),
        _ => None,
    };
    view! {
        <p id=id class="mce-dialog__status" role="status" data-testid="resume-status">{reopening}</p>
        <p class="mce-dialog__status mce-messages__error" role="alert" data-testid="resume-problem" hidden=move || failed().is_none()>
            {failed}
        </p>
    }
}
