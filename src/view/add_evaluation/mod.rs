//! "Add evaluation from report": report files picked or dropped, each
//! one's format named (and overridable), a preview of the metric groups
//! they become with the editor's charts, what the choices change in
//! numbers, the problems the card would have, and where the groups go.
//! Nothing changes until "Add to card", which is one undoable edit.
//!
//! Every step is `domain::report::preview`; this holds the dialog's
//! state and draws it. The files (`files`), the choices (`settings`) and
//! the groups with their charts (`parts`) live beside this file.

mod files;
mod parts;
mod settings;

use leptos::prelude::*;
use serde_json::Value;

use self::files::ReportFiles;
use self::parts::GroupsPreview;
use self::settings::{DestinationChoice, Settings};
use super::modal::Modal;
use super::session::{Tone, expect_session};
use super::store::expect_store;
use crate::domain::pointer::JsonPointer;
use crate::domain::report::preview::{
    Choices, Converted, Placed, ReportFile, convert_files, count, job_arn_in, kept_groups, place,
    suggested_name,
};

/// Everything the dialog holds while open.
#[derive(Clone, Copy)]
struct DialogState {
    /// The files given, in order.
    files: RwSignal<Vec<ReportFile>>,
    /// Files that could not be read at all (too large, not text).
    unreadable: RwSignal<Vec<String>>,
    /// The user's choices.
    choices: RwSignal<Choices>,
    /// Where the groups go.
    destination: DestinationChoice,
    /// The files converted with the choices.
    converted: Memo<Converted>,
}

impl DialogState {
    fn new() -> Self {
        let files = RwSignal::new(Vec::<ReportFile>::new());
        let choices = RwSignal::new(Choices::default());
        let converted = Memo::new(move |_| {
            files.with(|files| choices.with(|choices| convert_files(files, choices)))
        });
        Self {
            files,
            unreadable: RwSignal::new(Vec::new()),
            choices,
            destination: DestinationChoice::new(),
            converted,
        }
    }

    /// Adds or replaces (by name) files; what was left out is forgotten,
    /// since the groups' places change.
    fn add_files(&self, added: Vec<ReportFile>) {
        self.files.update(|files| {
            for file in added {
                match files.iter_mut().find(|held| held.name == file.name) {
                    Some(held) => *held = file,
                    None => files.push(file),
                }
            }
        });
        self.choices.update(|choices| choices.left_out.clear());
        let converted = self.converted.get_untracked();
        let arn = self.files.with_untracked(|files| job_arn_in(files));
        self.destination.offer(suggested_name(&converted), arn);
    }
}

/// The button that opens the dialog, and the dialog.
#[component]
pub fn AddEvaluationFromReport() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="mce-button" data-testid="add-evaluation-from-report" aria-haspopup="dialog" on:click=move |_| open.set(true)>
            "Add evaluation from report…"
        </button>
        // Mounted only while open: its preview checks a copy of the card,
        // which typing in the editor must never pay for.
        {move || open.get().then(|| view! { <AddEvaluationDialog open /> })}
    }
}

/// The dialog itself.
#[component]
fn AddEvaluationDialog(open: RwSignal<bool>) -> impl IntoView {
    let store = expect_store();
    let session = expect_session();
    let state = DialogState::new();
    let kept = Memo::new(move |_| {
        let left_out = state.choices.with(|choices| choices.left_out.clone());
        state
            .converted
            .with(|converted| kept_groups(&converted.groups, &left_out))
    });
    let revision = store.revision();
    let placed = Memo::new(move |_| {
        revision.track();
        let destination = state.destination.chosen()?;
        let groups = kept.get();
        if groups.is_empty() {
            return None;
        }
        Some(store.with_card(|card| place(card, groups, &destination)))
    });
    // A memo, so the choices are built once, not again as they change.
    let has_groups = Memo::new(move |_| {
        state
            .converted
            .with(|converted| !converted.groups.is_empty())
    });
    let add = move |_| {
        let Some(Ok(placed)) = placed.get_untracked() else {
            return;
        };
        let groups = kept.with_untracked(Vec::len);
        let evaluation = evaluation_name(&placed);
        store.replace_card(placed.card);
        session.view_state().reveal(
            JsonPointer::root()
                .child("evaluation_details")
                .child(placed.evaluation.to_string()),
        );
        session.notify(Tone::Info, added_sentence(groups, &evaluation));
        open.set(false);
    };
    view! {
        <Modal open title="Add evaluation from report".to_owned() id="mce-add-evaluation" wide=true>
            <p class="mce-dialog__help">
                "Choose or drop report files: the card's metric schema, Clarify bias or explainability "
                <code>"analysis.json"</code>", or a Model Monitor model quality "<code>"statistics.json"</code>
                ". Every group in them is converted; nothing changes in the card until you add it."
            </p>
            <ReportFiles state />
            {move || has_groups.get().then(|| view! {
                <Settings state />
                <GroupsPreview state />
            })}
            <Outcome placed />
            <div class="mce-dialog__buttons">
                <button
                    type="button"
                    class="mce-button mce-button--primary"
                    data-testid="add-evaluation-apply"
                    disabled=move || !matches!(placed.get(), Some(Ok(_)))
                    on:click=add
                >
                    "Add to card"
                </button>
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Modal>
    }
}

/// What the card would be: its problems and its length, or why the groups
/// cannot go where asked, or what is still needed.
#[component]
fn Outcome(
    placed: Memo<Option<Result<Placed, crate::domain::report::ApplyError>>>,
) -> impl IntoView {
    move || {
        match placed.get() {
        None => view! {
            <p class="mce-report__status" data-testid="add-evaluation-status">
                "Add at least one report that can be read, keep at least one metric, and say where the groups go."
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <p class="mce-messages__error" role="alert" data-testid="add-evaluation-status">
                {format!("These groups cannot be added: {error}.")}
            </p>
        }
        .into_any(),
        Some(Ok(placed)) => placed_view(&placed).into_any(),
    }
    }
}

/// The problems and the length of the card as it would be.
fn placed_view(placed: &Placed) -> impl IntoView + use<> {
    let errors: Vec<String> = placed
        .errors
        .iter()
        .map(|issue| issue.titled_message())
        .collect();
    let warnings: Vec<String> = placed
        .warnings
        .iter()
        .map(|issue| issue.titled_message())
        .collect();
    let verdict = match (errors.len(), warnings.len()) {
        (0, 0) => "The card would have no problems there.".to_owned(),
        (0, w) => format!(
            "The card would be valid, with {} to look at:",
            count(w, "warning", "warnings")
        ),
        (e, _) => format!(
            "The card would have {} there; you can add it and fix them in the editor, or change the choices above:",
            count(e, "problem", "problems")
        ),
    };
    let items = errors
        .into_iter()
        .map(|message| view! { <li class="mce-messages__error">{message}</li> })
        .chain(
            warnings
                .into_iter()
                .map(|message| view! { <li class="mce-messages__warning">{message}</li> }),
        )
        .collect_view();
    view! {
        <div class="mce-report__outcome" data-testid="add-evaluation-status" role="status">
            <p>{placed.length_effect()}</p>
            <p>{verdict}</p>
            <ul class="mce-report__problems">{items}</ul>
        </div>
    }
}

/// The name of the evaluation the groups went into.
fn evaluation_name(placed: &Placed) -> String {
    placed
        .card
        .pointer(&format!("/evaluation_details/{}/name", placed.evaluation))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// What adding did, for the notice.
fn added_sentence(groups: usize, evaluation: &str) -> String {
    format!(
        "Added {} to the evaluation \u{201c}{evaluation}\u{201d}. Undo takes them out again.",
        count(groups, "metric group", "metric groups")
    )
}
