//! The AWS CLI dialog's parts: what it asks (the ARN, the card status, the
//! region when nothing names it), the input it shows with the command
//! that applies it, and its buttons. The dialog itself, which downloads
//! and copies, is `CliDialog` in `export_actions.rs`.

use leptos::prelude::*;

use crate::domain::export::{CardStatus, RegionChoice, choose_region};
use crate::domain::export_actions::{input_label, starting_status};
use crate::view::backend::{Backend, ConfigState};
use crate::view::store::CardStore;

/// What the dialog asks, each time it opens starting from what is known of
/// the package.
#[derive(Clone, Copy)]
pub(super) struct CliFields {
    /// The model package's ARN, as typed.
    pub arn: RwSignal<String>,
    /// The card status to set.
    pub status: RwSignal<CardStatus>,
    /// The region, as typed when nothing else names it.
    pub typed_region: RwSignal<String>,
}

impl CliFields {
    /// The fields, filled from the package each time `open` turns true.
    pub fn new(store: CardStore, open: RwSignal<bool>) -> Self {
        let package = store.package();
        let fields = Self {
            arn: RwSignal::new(String::new()),
            status: RwSignal::new(CardStatus::Draft),
            typed_region: RwSignal::new(String::new()),
        };
        Effect::new(move |_| {
            if open.get() {
                let known = package.get_untracked();
                fields.arn.set(known.arn.unwrap_or_default());
                fields.status.set(starting_status(known.status.as_deref()));
            }
        });
        fields
    }

    /// The region the command runs in: the ARN's, else the configured one
    /// (from `backend`, when there is one), else the one typed.
    pub fn region(self, backend: Option<Backend>) -> Memo<RegionChoice> {
        let configured_region = move || {
            backend.and_then(|backend| match backend.config().get() {
                ConfigState::Ready(config) => Some(config.region),
                _ => None,
            })
        };
        let (arn, typed_region) = (self.arn, self.typed_region);
        Memo::new(move |_| {
            let configured = configured_region();
            arn.with(|arn| {
                typed_region.with(|typed| choose_region(arn, configured.as_deref(), typed))
            })
        })
    }
}

/// The ARN box and why the ARN will not do.
#[component]
pub(super) fn ArnField(arn: RwSignal<String>, arn_problem: Memo<Option<String>>) -> impl IntoView {
    view! {
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
    }
}

/// The card status to set.
#[component]
pub(super) fn StatusField(status: RwSignal<CardStatus>) -> impl IntoView {
    let statuses = CardStatus::ALL
        .iter()
        .map(|status| view! { <option value=status.as_str()>{status.as_str()}</option> })
        .collect_view();
    view! {
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
    }
}

/// Where the command's `--region` comes from, said in a sentence; when no
/// ARN or configuration names it, a box asking for it.
#[component]
pub(super) fn RegionField(region: Memo<RegionChoice>, typed: RwSignal<String>) -> impl IntoView {
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

/// The input as it will be saved (named by its file), and the command
/// that applies it, or what the command still needs.
#[component]
pub(super) fn CliInput(
    file_name: Signal<String>,
    input: Memo<String>,
    command: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <label class="mce-field__label" for="mce-cli-input">{move || input_label(&file_name.get())}</label>
        <textarea id="mce-cli-input" class="mce-input mce-input--code mce-dialog__text" readonly=true prop:value=move || input.get()></textarea>
        <p class="mce-field__help">"Apply it with:"</p>
        {move || match command.get() {
            Some(command) => view! { <pre class="mce-dialog__command" data-testid="cli-command">{command}</pre> }.into_any(),
            None => view! {
                <p class="mce-dialog__command mce-dialog__command--missing" data-testid="cli-command-missing">
                    "The command needs the region the model package is in: enter it above."
                </p>
            }
            .into_any(),
        }}
    }
}

/// Download input, Copy input (both wait for a well-formed ARN), Copy
/// command (waits for the region).
#[component]
pub(super) fn CliButtons(
    arn_problem: Memo<Option<String>>,
    command: Signal<Option<String>>,
    save: Callback<()>,
    copy_input: Callback<()>,
    copy_command: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="mce-dialog__buttons">
            <button type="button" class="mce-button mce-button--primary" disabled=move || arn_problem.with(Option::is_some) on:click=move |_| save.run(())>
                "Download input"
            </button>
            <button
                type="button"
                class="mce-button"
                disabled=move || arn_problem.with(Option::is_some)
                on:click=move |_| copy_input.run(())
            >
                "Copy input"
            </button>
            <button
                type="button"
                class="mce-button"
                disabled=move || command.with(Option::is_none)
                on:click=move |_| copy_command.run(())
            >
                "Copy command"
            </button>
        </div>
    }
}
