//! Submitting a registry version's card: review every change against what
//! the server held when the card was opened (the card's changes and those
//! beside it: card status, approval), submit with the card status (and the
//! approval, if asked) under one idempotency token, read the version back
//! to confirm; and when the version changed on the server meanwhile, what
//! the server changed and the places both sides changed, with merge,
//! deliberate overwrite, or back to editing. Nothing is lost either way.
//! Progress, confirmations and errors are said beside the submit bar,
//! where the reviewer acted.

use leptos::prelude::*;
use serde_json::Value;

use super::api::new_client_token;
use super::backend::{Backend, OpenedVersion, Screen, expect_backend, failure, version_name};
use super::conflicts::{
    BesideList, ChangeList, ChangeWords, ConflictChoice, ConflictChoices, ConflictShown,
    ConflictWords,
};
use super::modal::{Modal, open_while_some};
use super::registry::update_and_describe;
use super::session::{Session, expect_session};
use super::store::{CardStore, PackageInfo};
use super::typed::EntryList;
use crate::domain::entries::{ENTRY_KEYWORD, waiting_sentence};
use crate::domain::export::CardStatus;
use crate::domain::form::card_form;
use crate::domain::import::import_text;
use crate::domain::merge::{Merge, Side, diff, merge, resolve};
use crate::domain::review::{
    ApprovalAsked, ReviewEntry, ShownValue, StatusMerge, beside_card, card_changes_heading,
    conflict_summary, merge_card_status, merged_message, review_entries, review_summary,
    schema_problems_sentence, server_card_status, server_changes, submitted_message,
};
use crate::domain::sagemaker::{
    APPROVAL_STATUSES, ModelCard, ModelPackage, UpdateModelPackageInput,
};

/// The card a described version holds (empty when it has none).
fn server_card(package: &ModelPackage) -> Result<Value, String> {
    let content = package
        .model_card
        .as_ref()
        .and_then(|card| card.model_card_content.clone())
        .unwrap_or_default();
    import_text(&serde_json::json!({ "ModelCardContent": content }).to_string())
        .map(|imported| imported.card)
        .map_err(|error| format!("the server's card cannot be read: {error}"))
}

/// The changes from `old` to `new` as the review lists them.
fn entries_between(old: &Value, new: &Value) -> Vec<ReviewEntry> {
    review_entries(&card_form().root, old, new, &diff(old, new))
}

/// A conflict found at submit time.
#[derive(Clone, Debug, PartialEq)]
struct ConflictState {
    merge: Merge,
    /// The version as it was opened: what the server changed is against it.
    opened: OpenedVersion,
    theirs: ModelPackage,
    theirs_card: Value,
    /// How the card status merges.
    status: StatusMerge,
    /// The approval the interrupted submit was to set, kept for an
    /// overwrite.
    approval: Option<ApprovalAsked>,
}

/// Where a submit stands, said beside the submit bar.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// Under way.
    Working(String),
    /// Done, or what the reviewer should know.
    Told(String),
    /// Failed, and why.
    Failed(String),
}

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
    let conflict = RwSignal::new(None::<ConflictState>);
    let outcome = RwSignal::new(None::<Outcome>);
    // What a submit said is about the version it was for.
    when_another_version_opens(backend, move |_| outcome.set(None));
    let package = store.package();
    let status = move || package.get().status.unwrap_or_else(|| "Draft".to_owned());
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
                <button type="button" class="mce-button mce-button--primary" data-testid="review" on:click=move |_| review_open.set(true)>
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

#[component]
fn ReviewDialog(
    open: RwSignal<bool>,
    conflict: RwSignal<Option<ConflictState>>,
    outcome: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let store = session.store();
    let opened = backend.opened();
    let with_approval = RwSignal::new(false);
    let approval_status = RwSignal::new(String::new());
    let approval_description = RwSignal::new(String::new());
    // An approval asked for one version is never sent with another's card:
    // each version starts unticked, its options as the server holds them.
    when_another_version_opens(backend, move |opened| {
        let held = ApprovalAsked::as_held(&opened.package);
        with_approval.set(false);
        approval_status.set(held.status);
        approval_description.set(held.description);
    });
    let issues = store.issues();
    // What the form shows but the card does not hold would not be sent:
    // Submit waits until each is resolved.
    let typed = store.entries();
    let typed_count = move || typed.with(|typed| typed.len());
    let schema_count = move || {
        issues.with(|issues| {
            issues
                .iter()
                .filter(|issue| issue.keyword != ENTRY_KEYWORD)
                .count()
        })
    };
    let asked = move || {
        with_approval.get().then(|| ApprovalAsked {
            status: approval_status.get(),
            description: approval_description.get(),
        })
    };
    let entries = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        store.revision().track();
        let Some(opened) = opened.get() else {
            return Vec::new();
        };
        store.with_card(|card| entries_between(&opened.card, card))
    });
    let beside = Memo::new(move |_| {
        let status = store.package().get().status;
        opened
            .get()
            .map(|opened| beside_card(&opened.package, status.as_deref(), asked().as_ref()))
            .unwrap_or_default()
    });
    let summary = move || {
        let version = opened
            .get()
            .map(|opened| version_name(&opened.package))
            .unwrap_or_default();
        let beside_changes =
            beside.with(|lines| lines.iter().filter(|line| line.after.is_some()).count());
        review_summary(&version, entries.with(Vec::len), beside_changes)
    };
    let submit = move |_| {
        let approval = asked();
        open.set(false);
        leptos::task::spawn_local(run_submit(
            backend, session, approval, conflict, outcome, false,
        ));
    };
    let options = APPROVAL_STATUSES
        .iter()
        .map(|status| view! { <option value=*status>{*status}</option> })
        .collect_view();
    const WORDS: ChangeWords = ChangeWords {
        before: "Before",
        after: "After",
    };
    const BESIDE_WORDS: ChangeWords = ChangeWords {
        before: "On the server",
        after: "After the submit",
    };
    view! {
        <Modal open title="Review and submit".to_owned() id="mce-review" wide=true>
            <p class="mce-review__summary" data-testid="review-summary">{summary}</p>
            <section class="mce-review__section mce-review__typed" aria-labelledby="mce-review-typed-heading" hidden=move || typed_count() == 0>
                <h3 id="mce-review-typed-heading" class="mce-review__heading">"Typed, but not in the card"</h3>
                <p class="mce-banner mce-banner--error" role="status">{move || waiting_sentence(typed_count())}</p>
                <EntryList id="mce-review-typed" go_to=Callback::new(move |()| open.set(false)) />
            </section>
            <section class="mce-review__section" aria-labelledby="mce-review-beside-heading">
                <h3 id="mce-review-beside-heading" class="mce-review__heading">"Beside the card"</h3>
                {move || view! { <BesideList lines=beside.get() words=BESIDE_WORDS id_prefix="mce-review-beside" test_id="review-beside" /> }}
            </section>
            <section class="mce-review__section" aria-labelledby="mce-review-card-heading">
                <h3 id="mce-review-card-heading" class="mce-review__heading">{move || card_changes_heading(entries.with(Vec::len))}</h3>
                {move || view! { <ChangeList entries=entries.get() words=WORDS id_prefix="mce-review-change" test_id="review-changes" /> }}
            </section>
            <p class="mce-banner mce-banner--warning" hidden=move || schema_count() == 0>
                {move || schema_problems_sentence(schema_count())}
            </p>
            <section class="mce-review__section">
                <div class="mce-field__check">
                    <input id="mce-with-approval" type="checkbox" class="mce-checkbox" prop:checked=move || with_approval.get()
                        on:change=move |event| with_approval.set(event_target_checked(&event)) />
                    <label for="mce-with-approval">"Also set the version's approval status"</label>
                </div>
                <div hidden=move || !with_approval.get()>
                    <div class="mce-field">
                        <label class="mce-field__label" for="mce-review-approval">"Approval status"</label>
                        <select id="mce-review-approval" class="mce-input mce-input--select" prop:value=move || approval_status.get()
                            on:change=move |event| approval_status.set(event_target_value(&event))>{options}</select>
                    </div>
                    <div class="mce-field">
                        <label class="mce-field__label" for="mce-review-approval-description">"Approval description"</label>
                        <textarea id="mce-review-approval-description" class="mce-input mce-input--multiline" maxlength="1024"
                            prop:value=move || approval_description.get() on:input=move |event| approval_description.set(event_target_value(&event))></textarea>
                    </div>
                </div>
            </section>
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" data-testid="submit" on:click=submit disabled=move || { typed_count() > 0 }>"Submit"</button>
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Keep editing"</button>
            </div>
        </Modal>
    }
}

/// Submits the card: checks the server first (unless `overwrite`), sends
/// one update under one token, reads the version back. Says how it went
/// in `outcome`.
async fn run_submit(
    backend: Backend,
    session: Session,
    approval: Option<ApprovalAsked>,
    conflict: RwSignal<Option<ConflictState>>,
    outcome: RwSignal<Option<Outcome>>,
    overwrite: bool,
) {
    let store = session.store();
    let Some(opened) = backend.opened().get_untracked() else {
        return;
    };
    let Some(connection) = backend.connection() else {
        return;
    };
    let arn = opened.package.model_package_arn.clone();
    if !overwrite {
        outcome.set(Some(Outcome::Working(
            "Checking the version on the server…".to_owned(),
        )));
        let current = match connection.describe(&arn).await {
            Ok(current) => current,
            Err(error) => {
                outcome.set(Some(Outcome::Failed(failure("Submitting", &error))));
                return;
            }
        };
        if current.last_modified_time != opened.package.last_modified_time {
            outcome.set(Some(changed_on_server(
                store, opened, current, approval, conflict,
            )));
            return;
        }
    }
    outcome.set(Some(Outcome::Working("Submitting…".to_owned())));
    let card = store.with_card(Value::clone);
    let status = store
        .package()
        .get_untracked()
        .status
        .unwrap_or_else(|| "Draft".to_owned());
    let content = serde_json::to_string(&card).unwrap_or_default();
    let input = UpdateModelPackageInput {
        model_package_arn: arn,
        model_card: Some(ModelCard {
            model_card_content: Some(content),
            model_card_status: Some(status.clone()),
        }),
        model_approval_status: approval.as_ref().map(|approval| approval.status.clone()),
        approval_description: approval
            .as_ref()
            .map(|approval| approval.description.clone()),
        // One token for this submit: its retries are applied once.
        client_token: Some(new_client_token()),
    };
    match update_and_describe(backend, &input).await {
        Ok(package) => {
            let held = server_card(&package).ok();
            if held.as_ref() != Some(&card) {
                outcome.set(Some(Outcome::Failed("The server accepted the update, but reading it back shows a different card. Your edits are kept; submit again or check the version.".to_owned())));
                return;
            }
            store.rebase(card.clone());
            store.set_package(PackageInfo {
                arn: Some(package.model_package_arn.clone()),
                status: Some(status.clone()),
            });
            outcome.set(Some(Outcome::Told(submitted_message(
                &version_name(&package),
                &status,
                approval.as_ref().map(|approval| approval.status.as_str()),
            ))));
            backend.version_written(&package);
            backend.set_opened(Some(OpenedVersion { package, card }));
            session.save_now();
        }
        Err(error) => outcome.set(Some(Outcome::Failed(failure("Submitting", &error)))),
    }
}

/// The version changed on the server since it was opened: the three-way
/// picture for the conflict screen, and what to say beside the bar.
fn changed_on_server(
    store: CardStore,
    opened: OpenedVersion,
    current: ModelPackage,
    approval: Option<ApprovalAsked>,
    conflict: RwSignal<Option<ConflictState>>,
) -> Outcome {
    let version = version_name(&current);
    match server_card(&current) {
        Ok(theirs_card) => {
            let result = store.with_card(|mine| merge(&opened.card, &theirs_card, mine));
            let status = merge_card_status(
                server_card_status(&opened.package),
                server_card_status(&current),
                store.package().get_untracked().status.as_deref(),
            );
            conflict.set(Some(ConflictState {
                merge: result,
                opened,
                theirs: current,
                theirs_card,
                status,
                approval,
            }));
            Outcome::Told(format!(
                "Not submitted: {version} changed on the server since you opened it. Your edits are kept."
            ))
        }
        Err(message) => Outcome::Failed(format!(
            "The version changed on the server, and {message}. Your edits are kept."
        )),
    }
}

#[component]
fn ConflictDialog(
    conflict: RwSignal<Option<ConflictState>>,
    outcome: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let store: CardStore = session.store();
    // Escape closes the dialog: that is "Keep editing".
    let open = open_while_some(conflict);
    let choices = RwSignal::new(Vec::<Side>::new());
    let status_choice = RwSignal::new(Side::Mine);
    let rebase_on_theirs = move |state: &ConflictState| {
        backend.set_opened(Some(OpenedVersion {
            package: state.theirs.clone(),
            card: state.theirs_card.clone(),
        }));
    };
    let apply_merge = move |_| {
        let Some(state) = conflict.get_untracked() else {
            return;
        };
        let merged = resolve(&state.merge, &choices.get_untracked());
        let taken = match &state.status {
            StatusMerge::TakeTheirs(theirs) => Some(theirs.clone()),
            StatusMerge::Conflict { theirs, .. }
                if status_choice.get_untracked() == Side::Theirs =>
            {
                Some(theirs.clone())
            }
            _ => None,
        };
        rebase_on_theirs(&state);
        store.replace_card(merged);
        if let Some(status) = &taken {
            store.set_package(PackageInfo {
                status: status.clone(),
                ..store.package().get_untracked()
            });
        }
        let status_conflicts = usize::from(matches!(state.status, StatusMerge::Conflict { .. }));
        outcome.set(Some(Outcome::Told(merged_message(
            state.merge.applied,
            state.merge.conflicts.len() + status_conflicts,
            taken.flatten().as_deref(),
        ))));
        conflict.set(None);
    };
    let overwrite = move |_| {
        let Some(state) = conflict.get_untracked() else {
            return;
        };
        rebase_on_theirs(&state);
        conflict.set(None);
        leptos::task::spawn_local(run_submit(
            backend,
            session,
            state.approval,
            conflict,
            outcome,
            true,
        ));
    };
    let body = move || {
        conflict.get().map(|state| {
            status_choice.set(Side::Mine);
            view! { <ConflictBody state choices status_choice card=store.with_card(Value::clone) /> }
        })
    };
    view! {
        <Modal open title="The version changed on the server".to_owned() id="mce-conflict" wide=true>
            {body}
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" on:click=apply_merge>"Merge"</button>
                <button type="button" class="mce-button mce-button--danger" on:click=overwrite>"Overwrite with my version"</button>
                <button type="button" class="mce-button" on:click=move |_| conflict.set(None)>"Keep editing"</button>
            </div>
        </Modal>
    }
}

/// The conflict screen's content: what the server changed (beside the card
/// and in it), then the places both sides changed, each with a choice.
#[component]
fn ConflictBody(
    state: ConflictState,
    choices: RwSignal<Vec<Side>>,
    status_choice: RwSignal<Side>,
    card: Value,
) -> impl IntoView {
    const CHANGE_WORDS: ChangeWords = ChangeWords {
        before: "When you opened it",
        after: "On the server now",
    };
    let words = ConflictWords {
        base: "When you opened it",
        theirs: "On the server now",
        mine: "Your edit",
        keep_mine: "Keep my edit",
        take_theirs: "Take the server's",
    };
    let beside = server_changes(&state.opened.package, &state.theirs);
    let theirs_entries = entries_between(&state.opened.card, &state.theirs_card);
    let nothing_else = beside.is_empty() && theirs_entries.is_empty();
    let status_conflict = match &state.status {
        StatusMerge::Conflict { base, theirs, mine } => Some(ConflictShown {
            pointer: None,
            place: "Card status".to_owned(),
            base: ShownValue::status(base.as_deref()),
            theirs: ShownValue::status(theirs.as_deref()),
            mine: ShownValue::status(mine.as_deref()),
        }),
        _ => None,
    }
    .map(|conflict| {
        let choose = Callback::new(move |side| status_choice.set(side));
        view! { <ConflictChoice conflict words name="mce-conflict-status".to_owned() choose /> }
    });
    let both_changed = state.merge.conflicts.len() + usize::from(status_conflict.is_some());
    view! {
        <p class="mce-review__summary">
            {conflict_summary(&version_name(&state.theirs), state.merge.applied, both_changed)}
        </p>
        <section class="mce-review__section" aria-labelledby="mce-conflict-theirs-heading">
            <h3 id="mce-conflict-theirs-heading" class="mce-review__heading">"What changed on the server"</h3>
            {(!beside.is_empty()).then(|| view! { <BesideList lines=beside words=CHANGE_WORDS id_prefix="mce-conflict-beside" test_id="conflict-beside" /> })}
            {(!theirs_entries.is_empty()).then(|| view! {
                <ChangeList entries=theirs_entries words=CHANGE_WORDS id_prefix="mce-conflict-change" test_id="conflict-server-changes" />
            })}
            {nothing_else.then(|| view! {
                <p>"Neither the card nor its status or approval: only other details of the version."</p>
            })}
        </section>
        <section class="mce-review__section" aria-labelledby="mce-conflict-both-heading" hidden=both_changed == 0>
            <h3 id="mce-conflict-both-heading" class="mce-review__heading">"Changed on both sides: choose"</h3>
            <div data-testid="conflicts">
                {status_conflict}
                <ConflictChoices conflicts=state.merge.conflicts.clone() choices card words group="mce-conflict" />
            </div>
        </section>
    }
}
