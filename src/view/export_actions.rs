//! Getting cards out: download the card as a JSON file, copy it, export the
//! `update-model-package` input for the AWS CLI (with the region it runs
//! in), or print it. Exporting a card with problems is allowed, after
//! asking once; with no card open there is nothing to export, and the
//! buttons say so.

use std::rc::Rc;

use leptos::prelude::*;

use super::backend::{Backend, ConfigState};
use super::file_actions::use_start;
use super::modal::Modal;
use super::platform::{copy_text, download, today};
use super::print_view::print_preview;
use super::session::{Session, Tone, expect_session};
use super::store::PackageInfo;
use super::typed::{Hold, HoldDialog};
use crate::domain::drafts::CardSource;
use crate::domain::export::{
    CardStatus, RegionChoice, card_file_name, card_file_text, check_arn, choose_region, model_name,
    update_command, update_input_file_name, update_input_text,
};
use crate::domain::start::NOTHING_TO_EXPORT;

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

/// Download, Copy, AWS CLI input and Print.
#[component]
pub fn ExportActions() -> impl IntoView {
    let session = expect_session();
    let store = session.store();
    let issues = store.issues();
    let confirmed = RwSignal::new(false);
    let confirm_open = RwSignal::new(false);
    let pending: StoredValue<Option<Action>, LocalStorage> = StoredValue::new_local(None);
    let cli_open = RwSignal::new(false);
    let start = use_start();
    // With no card open the buttons stay focusable (so their reason can be
    // heard) but do nothing.
    let unavailable = move || start.is_some_and(|start| start.nothing_open().get());
    let unavailable_now = move || start.is_some_and(|start| start.nothing_open().get_untracked());
    // Runs `action`, once no control shows text the card does not hold
    // (what would be exported is the card), asking once first when the
    // card has problems.
    let hold = Hold::new();
    let guarded = move |action: Action| {
        if unavailable_now() {
            return;
        }
        hold.run_or_hold(
            store,
            Rc::new(move || {
                if issues.with_untracked(|issues| issues.is_empty()) || confirmed.get_untracked() {
                    action();
                } else {
                    pending.set_value(Some(action.clone()));
                    confirm_open.set(true);
                }
            }),
        );
    };
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
        if !unavailable_now() {
            print_preview(session.view_state());
        }
    };
    let disabled = move || unavailable().then_some("true");
    let described_by = move || unavailable().then_some(UNAVAILABLE_ID);
    let reason = move || unavailable().then_some(NOTHING_TO_EXPORT);
    let proceed = move |_| {
        confirmed.set(true);
        confirm_open.set(false);
        if let Some(action) = pending.try_update_value(Option::take).flatten() {
            action();
        }
    };
    let problem_count = move || issues.with(|issues| issues.len());
    view! {
        <div class="mce-toolbar__group" role="group" aria-label="Export the card">
            <button type="button" class="mce-button" data-testid="download" aria-disabled=disabled aria-describedby=described_by title=reason on:click=download_card>"Download"</button>
            <button type="button" class="mce-button" aria-disabled=disabled aria-describedby=described_by title=reason on:click=copy_card>"Copy JSON"</button>
            <button type="button" class="mce-button" aria-disabled=disabled aria-describedby=described_by title=reason on:click=open_cli>"AWS CLI…"</button>
            <button type="button" class="mce-button" aria-disabled=disabled aria-describedby=described_by title=reason on:click=print_card>"Print"</button>
            <span id=UNAVAILABLE_ID class="mce-visually-hidden">{NOTHING_TO_EXPORT}</span>
        </div>
        <Modal open=confirm_open title="Export a card with problems?".to_owned() id="mce-confirm-export">
            <p>
                {move || match problem_count() {
                    1 => "The card has 1 problem. The service may refuse it until it is fixed.".to_owned(),
                    n => format!("The card has {n} problems. The service may refuse it until they are fixed."),
                }}
            </p>
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" on:click=proceed>"Export anyway"</button>
                <button type="button" class="mce-button" on:click=move |_| confirm_open.set(false)>"Cancel"</button>
            </div>
        </Modal>
        <CliDialog open=cli_open />
        <HoldDialog hold />
    }
}

/// The `update-model-package` input, with the ARN and status it needs and
/// the command that applies it.
#[component]
fn CliDialog(open: RwSignal<bool>) -> impl IntoView {
    let session = expect_session();
    let store = session.store();
    let package = store.package();
    let file_name = move || update_input_file_name(current_model_name(session).as_deref());
    let arn = RwSignal::new(String::new());
    let status = RwSignal::new(CardStatus::Draft);
    // Opening the dialog starts from what is known of the package.
    Effect::new(move |_| {
        if open.get() {
            let known = package.get_untracked();
            arn.set(known.arn.unwrap_or_default());
            status.set(
                known
                    .status
                    .as_deref()
                    .and_then(CardStatus::parse)
                    .unwrap_or(CardStatus::Draft),
            );
        }
    });
    let arn_problem = Memo::new(move |_| arn.with(|arn| check_arn(arn.trim()).err()));
    let backend = use_context::<Backend>();
    let configured_region = move || {
        backend.and_then(|backend| match backend.config().get() {
            ConfigState::Ready(config) => Some(config.region),
            _ => None,
        })
    };
    let typed_region = RwSignal::new(String::new());
    let region = Memo::new(move |_| {
        let configured = configured_region();
        arn.with(|arn| typed_region.with(|typed| choose_region(arn, configured.as_deref(), typed)))
    });
    let command = move || {
        region
            .with(|region| region.region().map(str::to_owned))
            .map(|region| update_command(&file_name(), &region))
    };
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
        let run = region.with_untracked(|region| {
            region
                .region()
                .map(|region| format!("; run: {}", update_command(&name, region)))
                .unwrap_or_default()
        });
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
    let statuses = CardStatus::ALL
        .iter()
        .map(|status| view! { <option value=status.as_str()>{status.as_str()}</option> })
        .collect_view();
    view! {
        <Modal open title="Update the model package with the AWS CLI".to_owned() id="mce-cli">
            <div class="mce-field">
                <label class="mce-field__label" for="mce-cli-arn">"Model package ARN"</label>
                <input
                    id="mce-cli-arn"
                    type="text"
                    class="mce-input"
                    placeholder="arn:aws:sagemaker:us-east-2:123456789012:model-package/group/1"
                    aria-invalid=move || arn_problem.with(Option::is_some).to_string()
                    aria-describedby="mce-cli-arn-problem"
                    prop:value=move || arn.get()
                    on:input=move |event| arn.set(event_target_value(&event))
                />
                <ul id="mce-cli-arn-problem" class="mce-messages" aria-live="polite">
                    {move || arn_problem.get().map(|problem| view! { <li class="mce-messages__error">{problem}</li> })}
                </ul>
            </div>
            <div class="mce-field">
                <label class="mce-field__label" for="mce-cli-status">"Card status"</label>
                <select
                    id="mce-cli-status"
                    class="mce-input mce-input--select"
                    prop:value=move || status.get().as_str()
                    on:change=move |event| {
                        if let Some(chosen) = CardStatus::parse(&event_target_value(&event)) {
                            status.set(chosen);
                        }
                    }
                >
                    {statuses}
                </select>
            </div>
            <RegionField region typed=typed_region />
            <label class="mce-field__label" for="mce-cli-input">{move || format!("Input ({})", file_name())}</label>
            <textarea id="mce-cli-input" class="mce-input mce-input--code mce-dialog__text" readonly=true prop:value=move || input.get()></textarea>
            <p class="mce-field__help">"Apply it with:"</p>
            {move || match command() {
                Some(command) => view! { <pre class="mce-dialog__command" data-testid="cli-command">{command}</pre> }.into_any(),
                None => view! {
                    <p class="mce-dialog__command mce-dialog__command--missing" data-testid="cli-command-missing">
                        "The command needs the region the model package is in: enter it above."
                    </p>
                }
                .into_any(),
            }}
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" disabled=move || arn_problem.with(Option::is_some) on:click=save>
                    "Download input"
                </button>
                <button
                    type="button"
                    class="mce-button"
                    disabled=move || arn_problem.with(Option::is_some)
                    on:click=move |_| {
                        remember();
                        copy(input.get_untracked(), "input");
                    }
                >
                    "Copy input"
                </button>
                <button
                    type="button"
                    class="mce-button"
                    disabled=move || command().is_none()
                    on:click=move |_| {
                        if let Some(command) = command() {
                            copy(command, "command");
                        }
                    }
                >
                    "Copy command"
                </button>
            </div>
        </Modal>
    }
}

/// Where the command's `--region` comes from, said in a sentence; when no
/// ARN or configuration names it, a box asking for it.
#[component]
fn RegionField(region: Memo<RegionChoice>, typed: RwSignal<String>) -> impl IntoView {
    // A memo, so that typing in the box does not rebuild it.
    let asks = Memo::new(move |_| region.with(RegionChoice::asks));
    let unknown = move || region.with(|region| region.region().is_none());
    view! {
        <div class="mce-field" data-testid="cli-region">
            {move || asks.get().then(|| view! {
                <label class="mce-field__label" for="mce-cli-region">"AWS region"</label>
                <input
                    id="mce-cli-region"
                    type="text"
                    class="mce-input"
                    placeholder="us-east-2"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || unknown().to_string()
                    aria-describedby="mce-cli-region-note"
                    prop:value=move || typed.get()
                    on:input=move |event| typed.set(event_target_value(&event))
                />
            })}
            <p
                id="mce-cli-region-note"
                class="mce-field__help"
                class:mce-messages__error=unknown
                aria-live="polite"
            >
                {move || {
                    region
                        .with(RegionChoice::explanation_parts)
                        .into_iter()
                        .map(|part| match part.region {
                            true => view! { <span class="mce-nowrap">{part.text}</span> }.into_any(),
                            false => part.text.into_any(),
                        })
                        .collect_view()
                }}
            </p>
        </div>
    }
}
