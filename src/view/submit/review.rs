//! The review dialog before a submit: what the form shows but the card
//! does not hold (Submit waits for it), the parts still to fill for this
//! version, the changes beside the card and in
//! it against the version as opened, the schema problems, and the approval
//! a submit may set besides.

use leptos::prelude::*;

use super::run::{Unconfirmed, run_submit};
use super::when_another_version_opens;
use crate::domain::entries::{ENTRY_KEYWORD, waiting_sentence};
use crate::domain::review::{
    ApprovalAsked, BesideLine, ReviewEntry, beside_card, card_changes_heading, review_summary,
    schema_problems_sentence,
};
use crate::domain::sagemaker::APPROVAL_STATUSES;
use crate::domain::submit_plan::{Outcome, SubmitConflict, SubmitMode, entries_between};
use crate::view::backend::{Backend, expect_backend, version_name};
use crate::view::conflicts::{BesideList, ChangeList, ChangeWords};
use crate::view::modal::Modal;
use crate::view::session::expect_session;
use crate::view::store::CardStore;
use crate::view::to_fill::ToFillReview;
use crate::view::typed::EntryList;

/// The approval a submit may set besides the card, as the reviewer fills
/// it in.
#[derive(Clone, Copy)]
struct ApprovalFields {
    /// Whether to set it at all.
    ticked: RwSignal<bool>,
    status: RwSignal<String>,
    description: RwSignal<String>,
}

impl ApprovalFields {
    /// An approval asked for one version is never sent with another's
    /// card: each version starts unticked, its options as the server holds
    /// them.
    fn new(backend: Backend) -> Self {
        let fields = Self {
            ticked: RwSignal::new(false),
            status: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
        };
        when_another_version_opens(backend, move |opened| {
            let held = ApprovalAsked::as_held(&opened.package);
            fields.ticked.set(false);
            fields.status.set(held.status);
            fields.description.set(held.description);
        });
        fields
    }

    /// What the submit asks of the approval, when ticked (tracked).
    fn asked(self) -> Option<ApprovalAsked> {
        self.ticked.get().then(|| ApprovalAsked {
            status: self.status.get(),
            description: self.description.get(),
        })
    }
}

/// The review, open while `open`; its Submit starts a checked submit.
#[component]
pub(super) fn ReviewDialog(
    open: RwSignal<bool>,
    conflict: RwSignal<Option<SubmitConflict>>,
    outcome: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let unconfirmed = expect_context::<Unconfirmed>();
    let store = session.store();
    let approval = ApprovalFields::new(backend);
    // What the form shows but the card does not hold would not be sent:
    // Submit waits until each is resolved.
    let typed = store.entries();
    let typed_count = Signal::derive(move || typed.with(|typed| typed.len()));
    let entries = card_changes(store, backend, open);
    let beside = beside_changes(store, backend, approval);
    let submit = move |_| {
        let approval = approval.asked();
        open.set(false);
        leptos::task::spawn_local(run_submit(
            backend,
            session,
            approval,
            conflict,
            outcome,
            SubmitMode::CheckFirst,
            unconfirmed,
        ));
    };
    view! {
        <Modal open title="Review and submit".to_owned() id="mce-review" wide=true>
            <ReviewSummary backend entries beside />
            <TypedSection open typed_count />
            <ToFillReview open />
            <ReviewChanges entries beside />
            <SchemaProblems store />
            <ApprovalSection approval />
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" data-testid="submit" on:click=submit disabled=move || { typed_count.get() > 0 }>"Submit"</button>
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Keep editing"</button>
            </div>
        </Modal>
    }
}

/// The card's changes against the version as opened, listed only while
/// the review is open.
fn card_changes(
    store: CardStore,
    backend: Backend,
    open: RwSignal<bool>,
) -> Memo<Vec<ReviewEntry>> {
    let opened = backend.opened();
    Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        store.revision().track();
        let Some(opened) = opened.get() else {
            return Vec::new();
        };
        store.with_card(|card| entries_between(&opened.card, card))
    })
}

/// What the submit changes beside the card: card status and approval.
fn beside_changes(
    store: CardStore,
    backend: Backend,
    approval: ApprovalFields,
) -> Memo<Vec<BesideLine>> {
    let opened = backend.opened();
    Memo::new(move |_| {
        let status = store.package().get().status;
        opened
            .get()
            .map(|opened| {
                beside_card(
                    &opened.package,
                    status.as_deref(),
                    approval.asked().as_ref(),
                )
            })
            .unwrap_or_default()
    })
}

/// The review's first paragraph: what Submit will do.
#[component]
fn ReviewSummary(
    backend: Backend,
    entries: Memo<Vec<ReviewEntry>>,
    beside: Memo<Vec<BesideLine>>,
) -> impl IntoView {
    let opened = backend.opened();
    let summary = move || {
        let version = opened
            .get()
            .map(|opened| version_name(&opened.package))
            .unwrap_or_default();
        let beside_changes =
            beside.with(|lines| lines.iter().filter(|line| line.after.is_some()).count());
        review_summary(&version, entries.with(Vec::len), beside_changes)
    };
    view! { <p class="mce-review__summary" data-testid="review-summary">{summary}</p> }
}

/// What the form shows but the card does not hold, each with the way to
/// it (which closes the review).
#[component]
fn TypedSection(open: RwSignal<bool>, typed_count: Signal<usize>) -> impl IntoView {
    view! {
        <section class="mce-review__section mce-review__typed" aria-labelledby="mce-review-typed-heading" hidden=move || typed_count.get() == 0>
            <h3 id="mce-review-typed-heading" class="mce-review__heading">"Typed, but not in the card"</h3>
            <p class="mce-banner mce-banner--error" role="status">{move || waiting_sentence(typed_count.get())}</p>
            <EntryList id="mce-review-typed" go_to=Callback::new(move |()| open.set(false)) />
        </section>
    }
}

/// The changes beside the card, then those in it.
#[component]
fn ReviewChanges(entries: Memo<Vec<ReviewEntry>>, beside: Memo<Vec<BesideLine>>) -> impl IntoView {
    const WORDS: ChangeWords = ChangeWords {
        before: "Before",
        after: "After",
    };
    const BESIDE_WORDS: ChangeWords = ChangeWords {
        before: "On the server",
        after: "After the submit",
    };
    view! {
        <section class="mce-review__section" aria-labelledby="mce-review-beside-heading">
            <h3 id="mce-review-beside-heading" class="mce-review__heading">"Beside the card"</h3>
            {move || view! { <BesideList lines=beside.get() words=BESIDE_WORDS id_prefix="mce-review-beside" test_id="review-beside" /> }}
        </section>
        <section class="mce-review__section" aria-labelledby="mce-review-card-heading">
            <h3 id="mce-review-card-heading" class="mce-review__heading">{move || card_changes_heading(entries.with(Vec::len))}</h3>
            {move || view! { <ChangeList entries=entries.get() words=WORDS id_prefix="mce-review-change" test_id="review-changes" /> }}
        </section>
    }
}

/// The schema problems the card has (a submit is allowed anyway).
#[component]
fn SchemaProblems(store: CardStore) -> impl IntoView {
    let issues = store.issues();
    let schema_count = move || {
        issues.with(|issues| {
            issues
                .iter()
                .filter(|issue| issue.keyword != ENTRY_KEYWORD)
                .count()
        })
    };
    view! {
        <p class="mce-banner mce-banner--warning" hidden=move || schema_count() == 0>
            {move || schema_problems_sentence(schema_count())}
        </p>
    }
}

/// The box to set the version's approval besides, and its status and
/// description.
#[component]
fn ApprovalSection(approval: ApprovalFields) -> impl IntoView {
    let ApprovalFields {
        ticked,
        status,
        description,
    } = approval;
    let options = APPROVAL_STATUSES
        .iter()
        .map(|status| view! { <option value=*status>{*status}</option> })
        .collect_view();
    view! {
        <section class="mce-review__section">
            <div class="mce-field__check">
                <input id="mce-with-approval" type="checkbox" class="mce-checkbox" prop:checked=move || ticked.get()
                    on:change=move |event| ticked.set(event_target_checked(&event)) />
                <label for="mce-with-approval">"Also set the version's approval status"</label>
            </div>
            <div hidden=move || !ticked.get()>
                <div class="mce-field">
                    <label class="mce-field__label" for="mce-review-approval">"Approval status"</label>
                    <select id="mce-review-approval" class="mce-input mce-input--select" prop:value=move || status.get()
                        on:change=move |event| status.set(event_target_value(&event))>{options}</select>
                </div>
                <div class="mce-field">
                    <label class="mce-field__label" for="mce-review-approval-description">"Approval description"</label>
                    <textarea id="mce-review-approval-description" class="mce-input mce-input--multiline" maxlength="1024"
                        prop:value=move || description.get() on:input=move |event| description.set(event_target_value(&event))></textarea>
                </div>
            </div>
        </section>
    }
}
