//! The drafts kept in this browser, one per card source: a dialog that
//! lists them (which card, when saved, how many changes, how much storage)
//! to open one, download its card, or delete it for good. It is the way to
//! go back to another card's unfinished work, and to free space when the
//! browser's storage is full.

use leptos::prelude::*;

use super::form::rows::focus_later;
use super::modal::Modal;
use super::platform::{date_time, download, stored_entries, stored_text, today};
use super::session::{Notice, Resuming, Session, expect_session};
use super::session_view::ResumeStatus;
use crate::domain::draft_list::{DraftSummary, StoredDraft, list_drafts, size_text, total_text};
use crate::domain::drafts::{CardSource, DRAFT_KEY_PREFIX, decode};
use crate::domain::export::{card_file_name, card_file_text, model_name};

/// The drafts dialog, shown while the session's `drafts_shown` is true.
#[component]
pub fn DraftsDialog() -> impl IntoView {
    let session = expect_session();
    let open = session.drafts_shown();
    let list = DraftList::new();
    Effect::new(move |_| {
        if open.get() {
            // The card being edited is listed as it stands now.
            session.save_now();
            list.confirming.set(None);
            list.status.set(None);
            list.resuming.set(Resuming::Idle);
            list.refresh();
        } else if list.resuming.with_untracked(Resuming::failed) {
            // A draft was opened but its version not reopened: closing the
            // dialog, which said so, goes on with it where it was.
            list.resuming.set(Resuming::Idle);
            session.go_to_place();
        }
    });
    // Another tab saves or deletes a draft while the list is open.
    let listener = window_event_listener(leptos::ev::storage, move |_| {
        if open.get_untracked() {
            list.refresh();
        }
    });
    on_cleanup(move || listener.remove());
    let (drafts, problem, status) = (list.drafts, list.problem, list.status);
    view! {
        <Modal open title="Drafts in this browser".to_owned() id="mce-drafts" wide=true>
            <p class="mce-field__help">
                "Every card you edit is saved here as you work, one draft per file, model package, example, link or pasted card. Open one to go on with it, download its card, or delete it to free space. A draft is deleted only when you say so."
            </p>
            <p class="mce-messages__error" role="alert" hidden=move || problem.with(Option::is_none)>
                {move || problem.get()}
            </p>
            <p class="mce-dialog__note" data-testid="drafts-empty" hidden=move || !drafts.with(Vec::is_empty) || problem.with(Option::is_some)>
                "No drafts are stored: every card opened here is as its source gave it."
            </p>
            <DraftsTable list />
            <p
                id=STATUS_ID
                tabindex="-1"
                class="mce-dialog__status"
                class:mce-messages__error=move || status.with(|status| status.as_ref().is_some_and(|status| status.error))
                role="status"
                data-testid="drafts-status"
            >
                {move || status.get().map(|status| status.text)}
            </p>
            <ResumeStatus resuming=list.resuming id="mce-drafts-resume" />
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Close"</button>
            </div>
        </Modal>
    }
}

/// The dialog's status line, which takes focus when the row that had it
/// is deleted.
const STATUS_ID: &str = "mce-drafts-status";

/// What the dialog shows and the rows share; `Copy`, so every row and
/// handler holds it.
#[derive(Clone, Copy)]
struct DraftList {
    /// The drafts stored, as last read.
    drafts: RwSignal<Vec<StoredDraft>>,
    /// Why the drafts could not be read, when they could not.
    problem: RwSignal<Option<String>>,
    /// The draft whose deletion awaits a second click, by key.
    confirming: RwSignal<Option<String>>,
    /// What the last action in the dialog did, said in it.
    status: RwSignal<Option<Notice>>,
    /// A registry version's draft being opened: its version reopening.
    resuming: RwSignal<Resuming>,
}

impl DraftList {
    fn new() -> Self {
        Self {
            drafts: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
            confirming: RwSignal::new(None),
            status: RwSignal::new(None),
            resuming: RwSignal::new(Resuming::Idle),
        }
    }

    /// Reads the stored drafts again.
    fn refresh(self) {
        match stored_entries(DRAFT_KEY_PREFIX) {
            Ok(entries) => {
                self.drafts.set(list_drafts(entries));
                self.problem.set(None);
            }
            Err(error) => {
                self.drafts.set(Vec::new());
                self.problem
                    .set(Some(format!("The drafts cannot be read: {error}.")));
            }
        }
    }
}

/// The table of the drafts, with their total; hidden while there are none.
#[component]
fn DraftsTable(list: DraftList) -> impl IntoView {
    let drafts = list.drafts;
    let total = move || drafts.with(|drafts| total_text(drafts));
    let rows = move || {
        drafts
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, draft)| view! { <DraftRow draft index list /> })
            .collect_view()
    };
    view! {
        <div class="mce-table-scroll" hidden=move || drafts.with(Vec::is_empty)>
            <table class="mce-table mce-drafts" data-testid="drafts">
                <caption class="mce-drafts__total">{total}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Card"</th>
                        <th scope="col">"Saved"</th>
                        <th scope="col">"Changes"</th>
                        <th scope="col">"Size"</th>
                        <th scope="col"><span class="mce-visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One draft's row: what it is, and what can be done with it.
#[component]
fn DraftRow(
    draft: StoredDraft,
    /// Its place in the list, for the ids of its buttons.
    index: usize,
    list: DraftList,
) -> impl IntoView {
    let session = expect_session();
    let key = draft.key.clone();
    let card = draft.card();
    let changes = draft.changes_text();
    let size = size_text(draft.bytes);
    let summary = draft.content.ok();
    let saved = summary
        .as_ref()
        .map(|summary| date_time(summary.saved_at_ms))
        .unwrap_or_default();
    let editing_now = {
        let source = summary.as_ref().map(|summary| summary.source.clone());
        Signal::derive(move || source.as_ref() == Some(&session.store().source().get()))
    };
    let open_button = summary.is_some().then(|| {
        view! { <OpenButton key=key.clone() what=card.clone() editing_now list /> }
    });
    let download_button = summary.map(|summary| {
        let (key, what) = (key.clone(), card.clone());
        view! { <DownloadButton key what summary list /> }
    });
    let delete =
        view! { <DeleteButtons key=key.clone() what=card.clone() index editing_now list /> };
    view! {
        <tr data-key=key>
            <th scope="row" class="mce-drafts__card">{card}</th>
            <td class="mce-drafts__saved">{saved}</td>
            <td>{changes}</td>
            <td class="mce-drafts__size">{size}</td>
            <td class="mce-drafts__actions">{open_button} {download_button} {delete}</td>
        </tr>
    }
}

/// Opens a readable draft, or says that it is the card being edited.
#[component]
fn OpenButton(
    /// The draft's storage key.
    key: String,
    /// What the draft is of, for the button's label.
    what: String,
    /// Whether the draft is the card being edited.
    editing_now: Signal<bool>,
    list: DraftList,
) -> impl IntoView {
    let session = expect_session();
    let label = format!("Open the draft of {what}");
    let (status, resuming) = (list.status, list.resuming);
    view! {
        <button
            type="button"
            class="mce-button mce-button--primary"
            aria-label=label
            aria-disabled=move || resuming.with(Resuming::busy).to_string()
            hidden=move || editing_now.get()
            on:click=move |_| open_draft(session, key.clone(), status, resuming)
        >
            "Open"
        </button>
        <span class="mce-drafts__current" hidden=move || !editing_now.get()>"Editing now"</span>
    }
}

/// Downloads a readable draft's card.
#[component]
fn DownloadButton(
    /// The draft's storage key.
    key: String,
    /// What the draft is of, for the button's label.
    what: String,
    summary: DraftSummary,
    list: DraftList,
) -> impl IntoView {
    let label = format!("Download the card of the draft of {what}");
    let status = list.status;
    view! {
        <button type="button" class="mce-button" aria-label=label on:click=move |_| status.set(Some(download_draft(&key, &summary)))>
            "Download"
        </button>
    }
}

/// Delete, then "Delete for good" or "Keep": asking to delete moves focus
/// to the confirmation, and Keep moves it back.
#[component]
fn DeleteButtons(
    /// The draft's storage key.
    key: String,
    /// What the draft is of, for the labels and the status.
    what: String,
    /// The row's place in the list, for the ids of its buttons.
    index: usize,
    /// Whether the draft is the card being edited (which is not deleted).
    editing_now: Signal<bool>,
    list: DraftList,
) -> impl IntoView {
    let session = expect_session();
    let confirming = list.confirming;
    let asking = {
        let key = key.clone();
        Signal::derive(move || {
            confirming.with(|confirming| confirming.as_deref() == Some(key.as_str()))
        })
    };
    let (delete_id, confirm_id) = (
        format!("mce-draft-{index}-delete"),
        format!("mce-draft-{index}-confirm"),
    );
    let ask = {
        let key = key.clone();
        let confirm_id = confirm_id.clone();
        move |_| {
            confirming.set(Some(key.clone()));
            focus_later(confirm_id.clone());
        }
    };
    let delete_for_good = {
        let what = what.clone();
        move |_| delete_draft(session, &key, &what, list)
    };
    view! {
        <button
            type="button"
            id=delete_id.clone()
            class="mce-button mce-button--danger"
            aria-label=format!("Delete the draft of {what}")
            hidden=move || asking.get() || editing_now.get()
            on:click=ask
        >
            "Delete"
        </button>
        <span class="mce-drafts__confirm" role="group" aria-label=format!("Delete the draft of {what}?") hidden=move || !asking.get()>
            <button type="button" id=confirm_id class="mce-button mce-button--danger" on:click=delete_for_good>
                "Delete for good"
            </button>
            <button
                type="button"
                class="mce-button"
                on:click=move |_| {
                    confirming.set(None);
                    focus_later(delete_id.clone());
                }
            >
                "Keep"
            </button>
        </span>
    }
}

/// Deletes the stored draft under `key` for good, says so in the status
/// line and lists the drafts again; focus goes to the status, as the row
/// and the button that had it are gone.
fn delete_draft(session: Session, key: &str, what: &str, list: DraftList) {
    list.status
        .set(Some(match session.delete_stored_draft(key) {
            Ok(()) => Notice {
                error: false,
                text: format!("Deleted the draft of {what}."),
            },
            Err(problem) => Notice {
                error: true,
                text: format!("Could not delete the draft: {problem}."),
            },
        }));
    list.confirming.set(None);
    list.refresh();
    focus_later(STATUS_ID.to_owned());
}

/// Opens the stored draft under `key` where it was left: once done (for a
/// registry version's draft, once its version is reopened) the dialog
/// closes and the reviewer is taken there; otherwise the dialog says why
/// beside the action (the card restored all the same, when only the
/// version could not be reopened).
fn open_draft(
    session: Session,
    key: String,
    status: RwSignal<Option<Notice>>,
    resuming: RwSignal<Resuming>,
) {
    if resuming.with_untracked(Resuming::busy) {
        return;
    }
    status.set(None);
    leptos::task::spawn_local(async move {
        match session.open_stored_draft(&key, resuming).await {
            Ok(()) => {
                session.drafts_shown().set(false);
                session.go_to_place();
            }
            // Said by the resume status beside this one.
            Err(_) if resuming.with_untracked(Resuming::failed) => {}
            Err(text) => status.set(Some(Notice { error: true, text })),
        }
    });
}

/// Downloads the card a stored draft holds, named as the toolbar's
/// Download names it; says what happened.
fn download_draft(key: &str, summary: &DraftSummary) -> Notice {
    let failed = |text: String| Notice { error: true, text };
    let draft = match stored_text(key).map(|text| text.map(|text| decode(&text))) {
        Ok(Some(Ok(draft))) => draft,
        Ok(None) => return failed("That draft is no longer stored.".to_owned()),
        Ok(Some(Err(problem))) => return failed(format!("Could not download it: {problem}.")),
        Err(problem) => return failed(format!("Could not read the draft: {problem}.")),
    };
    let file = match &summary.source {
        CardSource::File(name) => Some(name.as_str()),
        _ => None,
    };
    let name = card_file_name(model_name(draft.arn.as_deref(), file).as_deref(), &today());
    match download(&name, &card_file_text(&draft.card), "application/json") {
        Ok(()) => Notice {
            error: false,
            text: format!(
                "Downloaded the card of the draft of {} as {name}.",
                summary.source.describe()
            ),
        },
        Err(error) => failed(format!("The download failed: {error}.")),
    }
}
