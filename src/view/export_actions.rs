//! Getting cards out: download the card as a JSON file, copy it, export the
//! `update-model-package` input for the AWS CLI (with the region it runs
//! in), or print it. Exporting a card with problems is allowed, after
//! asking once; with no card open there is nothing to export, and the
//! buttons say so.
//!
//! What they decide and say is [`crate::domain::export_actions`]; the CLI
//! dialog's fields and buttons are in `export_actions/cli_dialog.rs`.

mod cli_dialog;

use std::rc::Rc;

use leptos::prelude::*;

use super::backend::Backend;
use super::file_actions::{Start, use_start};
use super::modal::Modal;
use super::platform::{copy_text, download, today};
use super::print_view::print_preview;
use super::session::{Session, Tone, expect_session};
use super::store::{CardStore, PackageInfo};
use super::typed::{Hold, HoldDialog};
use crate::domain::drafts::CardSource;
use crate::domain::export::{
    card_file_name, card_file_text, check_arn, model_name, update_input_file_name,
    update_input_text,
};
use crate::domain::export_actions::{
    ExportGate, cli_command, export_gate, problems_question, run_hint,
};
use crate::domain::start::NOTHING_TO_EXPORT;
use cli_dialog::{ArnField, CliButtons, CliFields, CliInput, RegionField, StatusField};

/// The model's name for file names: from the ARN, else the file opened.
/// Tracked, so views showing a file name follow it.
fn current_model_name(session: Session) -> Option<String> {
    let store = session.store();
    let package = store.package().get();
    let file = match store.source().get() {
        CardSource::File(name) => Some(name),
        _ => None,
    };
    model_name(package.arn.as_deref(), file.as_deref())
}

type Action = Rc<dyn Fn()>;

/// The id of the sentence saying why the exports do nothing.
const UNAVAILABLE_ID: &str = "mce-export-unavailable";

/// What stands between an export button and its export: a card must be
/// open, no control may show text the card does not hold (what would be
/// exported is the card), and a card with problems asks once first.
#[derive(Clone, Copy)]
struct ExportGuard {
    store: CardStore,
    start: Option<Start>,
    /// The reviewer agreed to export a card with problems.
    confirmed: RwSignal<bool>,
    /// The question is open.
    confirm_open: RwSignal<bool>,
    /// The export waiting for the answer.
    pending: StoredValue<Option<Action>, LocalStorage>,
    /// The export waiting for typed text to be resolved.
    hold: Hold,
}

impl ExportGuard {
    fn new(store: CardStore) -> Self {
        Self {
            store,
            start: use_start(),
            confirmed: RwSignal::new(false),
            confirm_open: RwSignal::new(false),
            pending: StoredValue::new_local(None),
            hold: Hold::new(),
        }
    }

    /// With no card open the buttons stay focusable (so their reason can
    /// be heard) but do nothing. Tracked.
    fn unavailable(self) -> bool {
        self.start.is_some_and(|start| start.nothing_open().get())
    }

    fn unavailable_now(self) -> bool {
        self.start
            .is_some_and(|start| start.nothing_open().get_untracked())
    }

    /// Runs `action` once it may run.
    fn run(self, action: Action) {
        if self.unavailable_now() {
            return;
        }
        let issues = self.store.issues();
        let (confirmed, pending, confirm_open) = (self.confirmed, self.pending, self.confirm_open);
        self.hold.run_or_hold(
            self.store,
            Rc::new(move || {
                let problems = issues.with_untracked(|issues| issues.len());
                match export_gate(problems, confirmed.get_untracked()) {
                    ExportGate::Go => action(),
                    ExportGate::AskFirst => {
                        pending.set_value(Some(action.clone()));
                        confirm_open.set(true);
                    }
                }
            }),
        );
    }

    /// The reviewer agreed: the waiting export runs, and later ones do not
    /// ask again.
    fn proceed(self) {
        self.confirmed.set(true);
        self.confirm_open.set(false);
        if let Some(action) = self.pending.try_update_value(Option::take).flatten() {
            action();
        }
    }
}

/// Download, Copy, AWS CLI input and Print.
#[component]
pub fn ExportActions() -> impl IntoView {
    let session = expect_session();
    let store = session.store();
    let cli_open = RwSignal::new(false);
    let guard = ExportGuard::new(store);
    let guarded = move |action: Action| guard.run(action);
    let download_card = move |_| {
        guarded(Rc::new(move || {
            let name = card_file_name(current_model_name(session).as_deref(), &today());
            let text = store.with_card(card_file_text);
            match download(&name, &text, "application/json") {
                Ok(()) => session.notify(Tone::Info, format!("Downloaded the card as {name}.")),
                Err(error) => session.notify(Tone::Error, format!("The download failed: {error}.")),
            }
        }));
    };
    let copy_card = move |_| {
        guarded(Rc::new(move || {
            let text = store.with_card(card_file_text);
            leptos::task::spawn_local(async move {
                match copy_text(&text).await {
                    Ok(()) => session.notify(
                        Tone::Info,
                        "Copied the card's JSON to the clipboard.".to_owned(),
                    ),
                    Err(error) => session.notify(
                        Tone::Error,
                        format!("Could not copy to the clipboard: {error}."),
                    ),
                }
            });
        }));
    };
    let open_cli = move |_| guarded(Rc::new(move || cli_open.set(true)));
    let print_card = move |_| {
        if !guard.unavailable_now() {
            print_preview(session.view_state());
        }
    };
    let disabled = move || guard.unavailable().then_some("true");
    let described_by = move || guard.unavailable().then_some(UNAVAILABLE_ID);
    let reason = move || guard.unavailable().then_some(NOTHING_TO_EXPORT);
    view! {
        <div class="mce-toolbar__group" role="group" aria-label="Export the card">
            <button type="button" class="mce-button" data-testid="download" aria-disabled=disabled aria-describedby=described_by title=reason on:click=download_card>"Download"</button>
            <button type="button" class="mce-button" aria-disabled=disabled aria-describedby=described_by title=reason on:click=copy_card>"Copy JSON"</button>
            <button type="button" class="mce-button" aria-disabled=disabled aria-describedby=described_by title=reason on:click=open_cli>"AWS CLI…"</button>
            <button type="button" class="mce-button" aria-disabled=disabled aria-describedby=described_by title=reason on:click=print_card>"Print"</button>
            <span id=UNAVAILABLE_ID class="mce-visually-hidden">{NOTHING_TO_EXPORT}</span>
        </div>
        <ConfirmExport guard />
        <CliDialog open=cli_open />
        <HoldDialog hold=guard.hold />
    }
}

/// The question before exporting a card with problems.
#[component]
fn ConfirmExport(guard: ExportGuard) -> impl IntoView {
    let issues = guard.store.issues();
    let problem_count = move || issues.with(|issues| issues.len());
    view! {
        <Modal open=guard.confirm_open title="Export a card with problems?".to_owned() id="mce-confirm-export">
            <p>{move || problems_question(problem_count())}</p>
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" on:click=move |_| guard.proceed()>"Export anyway"</button>
                <button type="button" class="mce-button" on:click=move |_| guard.confirm_open.set(false)>"Cancel"</button>
            </div>
        </Modal>
    }
}

/// The `update-model-package` input, with the ARN and status it needs and
/// the command that applies it.
#[component]
fn CliDialog(open: RwSignal<bool>) -> impl IntoView {
    let session = expect_session();
    let store = session.store();
    let file_name = move || update_input_file_name(current_model_name(session).as_deref());
    let fields = CliFields::new(store, open);
    let (arn, status) = (fields.arn, fields.status);
    let arn_problem = Memo::new(move |_| arn.with(|arn| check_arn(arn.trim()).err()));
    let region = fields.region(use_context::<Backend>());
    let command = Signal::derive(move || region.with(|region| cli_command(&file_name(), region)));
    let revision = store.revision();
    // Only while the dialog is open: the input holds the whole card, and
    // rewriting it on every keystroke cost a 4.6 MB card 20 ms a key.
    let input = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        revision.track();
        let arn = arn.get();
        let status = status.get();
        store.with_card(|card| update_input_text(arn.trim(), card, status))
    });
    let remember = move || {
        store.set_package(PackageInfo {
            arn: Some(arn.get_untracked().trim().to_owned()),
            status: Some(status.get_untracked().as_str().to_owned()),
        });
    };
    let save = move |_| {
        remember();
        let name = file_name();
        let run = region.with_untracked(|region| run_hint(&name, region));
        match download(&name, &input.get_untracked(), "application/json") {
            Ok(()) => session.notify(Tone::Info, format!("Downloaded {name}{run}")),
            Err(error) => session.notify(Tone::Error, format!("The download failed: {error}.")),
        }
    };
    let copy = move |text: String, what: &'static str| {
        leptos::task::spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => {
                    session.notify(Tone::Info, format!("Copied the {what} to the clipboard."))
                }
                Err(error) => session.notify(
                    Tone::Error,
                    format!("Could not copy to the clipboard: {error}."),
                ),
            }
        });
    };
    let copy_input = Callback::new(move |()| {
        remember();
        copy(input.get_untracked(), "input");
    });
    let copy_command = Callback::new(move |()| {
        if let Some(command) = command.get() {
            copy(command, "command");
        }
    });
    view! {
        <Modal open title="Update the model package with the AWS CLI".to_owned() id="mce-cli">
            <ArnField arn arn_problem />
            <StatusField status />
            <RegionField region typed=fields.typed_region />
            <CliInput file_name=Signal::derive(file_name) input command />
            <CliButtons arn_problem command save=Callback::new(save) copy_input copy_command />
        </Modal>
    }
}
