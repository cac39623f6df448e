//! Submitting a registry version's card: review a field-level diff against
//! what the server held when the card was opened, submit with the card
//! status (and the approval, if asked) under one idempotency token, read
//! the version back to confirm; and when the version changed on the server
//! meanwhile, the three-way picture with merge, deliberate overwrite, or
//! back to editing. Nothing is lost either way.

use leptos::prelude::*;
use serde_json::Value;

use super::api::new_client_token;
use super::backend::{Backend, OpenedVersion, Screen, expect_backend, failure, version_name};
use super::conflicts::{ConflictChoices, ConflictWords, place, shown};
use super::modal::{Modal, open_while_some};
use super::registry::update_and_describe;
use super::session::{Session, expect_session};
use super::store::{CardStore, PackageInfo};
use crate::domain::export::CardStatus;
use crate::domain::import::import_text;
use crate::domain::merge::{ChangeKind, Merge, Side, diff, merge, resolve};
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

/// A conflict found at submit time.
#[derive(Clone, Debug, PartialEq)]
struct ConflictState {
    merge: Merge,
    theirs: ModelPackage,
    theirs_card: Value,
    /// The approval the interrupted submit was to set, kept for an
    /// overwrite.
    approval: Option<Approval>,
}

/// The bar above a registry version's card: its name, the card status,
/// Review and submit, and the way back to the registry.
#[component]
pub fn SubmitBar() -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let store = session.store();
    let opened = backend.opened();
    let review_open = RwSignal::new(false);
    let conflict = RwSignal::new(None::<ConflictState>);
    let progress = RwSignal::new(None::<String>);
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
            <button type="button" class="mce-button" on:click=move |_| backend.show(Screen::Registry)>"← Registry"</button>
            <span class="mce-submit-bar__name">{move || opened.get().map(|opened| version_name(&opened.package))}</span>
            <label class="mce-field__label" for="mce-card-status">"Card status"</label>
            <select id="mce-card-status" class="mce-input mce-input--select" prop:value=status on:change=set_status>
                {statuses}
            </select>
            <button type="button" class="mce-button mce-button--primary" data-testid="review" on:click=move |_| review_open.set(true)>
                "Review and submit…"
            </button>
            <span class="mce-submit-bar__progress" role="status" aria-live="polite">{move || progress.get()}</span>
        </div>
        <ReviewDialog open=review_open conflict progress />
        <ConflictDialog conflict progress />
    }
}

/// What a submit sends besides the card.
#[derive(Clone, Debug, PartialEq)]
struct Approval {
    status: String,
    description: String,
}

#[component]
fn ReviewDialog(
    open: RwSignal<bool>,
    conflict: RwSignal<Option<ConflictState>>,
    progress: RwSignal<Option<String>>,
) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let store = session.store();
    let opened = backend.opened();
    let with_approval = RwSignal::new(false);
    let approval_status = RwSignal::new("Approved".to_owned());
    let approval_description = RwSignal::new(String::new());
    let issues = store.issues();
    let changes = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        store.revision().track();
        let Some(opened) = opened.get() else {
            return Vec::new();
        };
        store.with_card(|card| diff(&opened.card, card))
    });
    let status_change = move || {
        let before = opened
            .get()?
            .package
            .model_card
            .and_then(|card| card.model_card_status);
        let after = store.package().get().status;
        (before != after).then(|| {
            format!(
                "Card status: {} → {}",
                before.unwrap_or_else(|| "none".into()),
                after.unwrap_or_default()
            )
        })
    };
    let rows = move || {
        let card = store.with_card(Value::clone);
        changes
            .get()
            .into_iter()
            .map(|change| {
                let kind = match change.kind {
                    ChangeKind::Added => "added",
                    ChangeKind::Removed => "removed",
                    ChangeKind::Changed => "changed",
                };
                view! {
                    <tr data-pointer=change.pointer.to_string()>
                        <th scope="row">{place(&card, &change.pointer)}<br /><code>{change.pointer.to_string()}</code></th>
                        <td>{kind}</td>
                        <td>{shown(change.old.as_ref())}</td>
                        <td>{shown(change.new.as_ref())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let submit = move |_| {
        let approval = with_approval.get_untracked().then(|| Approval {
            status: approval_status.get_untracked(),
            description: approval_description.get_untracked(),
        });
        open.set(false);
        leptos::task::spawn_local(run_submit(
            backend, session, approval, conflict, progress, false,
        ));
    };
    let options = APPROVAL_STATUSES
        .iter()
        .map(|status| view! { <option value=*status>{*status}</option> })
        .collect_view();
    view! {
        <Modal open title="Review and submit".to_owned() id="mce-review">
            <p>{move || match changes.with(Vec::len) {
                0 => "The card is the same as on the server.".to_owned(),
                1 => "1 change to the card:".to_owned(),
                n => format!("{n} changes to the card:"),
            }}</p>
            <p hidden=move || status_change().is_none()>{status_change}</p>
            <div class="mce-table-scroll mce-review__changes">
                <table class="mce-table" data-testid="review-changes">
                    <thead><tr><th scope="col">"Where"</th><th scope="col">"Change"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="mce-banner mce-banner--warning" hidden=move || issues.with(|issues| issues.is_empty())>
                {move || format!("The card has {} schema problems; the service may refuse it.", issues.with(|issues| issues.len()))}
            </p>
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
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" data-testid="submit" on:click=submit>"Submit"</button>
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Keep editing"</button>
            </div>
        </Modal>
    }
}

/// Submits the card: checks the server first (unless `overwrite`), sends
/// one update under one token, reads the version back.
async fn run_submit(
    backend: Backend,
    session: Session,
    approval: Option<Approval>,
    conflict: RwSignal<Option<ConflictState>>,
    progress: RwSignal<Option<String>>,
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
        progress.set(Some("Checking the version on the server…".to_owned()));
        let current = match connection.describe(&arn).await {
            Ok(current) => current,
            Err(error) => {
                progress.set(None);
                session.notify(true, failure("Submitting", &error));
                return;
            }
        };
        if current.last_modified_time != opened.package.last_modified_time {
            progress.set(None);
            match server_card(&current) {
                Ok(theirs_card) => {
                    let result = store.with_card(|mine| merge(&opened.card, &theirs_card, mine));
                    conflict.set(Some(ConflictState {
                        merge: result,
                        theirs: current,
                        theirs_card,
                        approval,
                    }));
                }
                Err(message) => session.notify(
                    true,
                    format!(
                        "The version changed on the server, and {message}. Your edits are kept."
                    ),
                ),
            }
            return;
        }
    }
    progress.set(Some("Submitting…".to_owned()));
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
            progress.set(None);
            let held = server_card(&package).ok();
            if held.as_ref() != Some(&card) {
                session.notify(true, "The server accepted the update, but reading it back shows a different card. Your edits are kept; submit again or check the version.".to_owned());
                return;
            }
            store.rebase(card.clone());
            store.set_package(PackageInfo {
                arn: Some(package.model_package_arn.clone()),
                status: Some(status.clone()),
            });
            let approval_note = approval
                .map(|approval| format!(" Approval status: {}.", approval.status))
                .unwrap_or_default();
            session.notify(
                false,
                format!(
                    "Submitted. {} now holds this card (status {status}).{approval_note}",
                    version_name(&package)
                ),
            );
            backend.version_written(&package);
            backend.set_opened(Some(OpenedVersion { package, card }));
            session.save_now();
        }
        Err(error) => {
            progress.set(None);
            session.notify(true, failure("Submitting", &error));
        }
    }
}

#[component]
fn ConflictDialog(
    conflict: RwSignal<Option<ConflictState>>,
    progress: RwSignal<Option<String>>,
) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let store: CardStore = session.store();
    // Escape closes the dialog: that is "Keep editing".
    let open = open_while_some(conflict);
    let choices = RwSignal::new(Vec::<Side>::new());
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
        rebase_on_theirs(&state);
        store.replace_card(merged);
        session.notify(
            false,
            format!(
                "Merged with the server's version: {} of your edits applied, {} conflicts resolved. Review and submit again (Undo takes the merge back).",
                state.merge.applied,
                state.merge.conflicts.len()
            ),
        );
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
            progress,
            true,
        ));
    };
    let body = move || {
        conflict.get().map(|state| {
            let card = store.with_card(Value::clone);
            let words = ConflictWords {
                base: "When you opened it",
                theirs: "On the server now",
                mine: "Your edit",
                keep_mine: "Keep my edit",
                take_theirs: "Take the server's",
            };
            let rows = view! {
                <ConflictChoices conflicts=state.merge.conflicts.clone() choices card words group="mce-conflict" />
            };
            view! {
                <p>
                    {format!(
                        "{} changed on the server since you opened it. {} of your edits merge cleanly with the server's changes; {} {} both sides changed.",
                        version_name(&state.theirs),
                        state.merge.applied,
                        state.merge.conflicts.len(),
                        if state.merge.conflicts.len() == 1 { "place" } else { "places" }
                    )}
                </p>
                <div data-testid="conflicts">{rows}</div>
            }
        })
    };
    view! {
        <Modal open title="The version changed on the server".to_owned() id="mce-conflict">
            {body}
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" on:click=apply_merge>"Merge"</button>
                <button type="button" class="mce-button mce-button--danger" on:click=overwrite>"Overwrite with my version"</button>
                <button type="button" class="mce-button" on:click=move |_| conflict.set(None)>"Keep editing"</button>
            </div>
        </Modal>
    }
}
