//! "Fill from training job": the job named by the card's `training_arn`
//! (or typed) is looked up with `DescribeTrainingJob` through the
//! registry's client (signing, time limit, retries and messages as
//! there), or read from a saved `describe-training-job` output when no
//! registry is configured. Each field it can fill is shown as the card
//! holds it now and as the job has it, with keep, replace or merge and
//! the problems the choice would bring; applying is one undoable edit.
//! The model artifact is filled the same way from the registry version's
//! inference containers.

use leptos::html::Input;
use leptos::prelude::*;
use serde_json::Value;

use super::backend::{Backend, version_name};
use super::modal::Modal;
use super::platform::{picked_files, read_file};
use super::session::{Tone, expect_session};
use super::store::expect_store;
use crate::domain::check::MAX_FILE_BYTES;
use crate::domain::issues::ValidationIssue;
use crate::domain::training_fill::{
    FieldProposal, FillChoice, apply, artifact_proposal, card_job, job_name, problems, propose,
    value_lines,
};

/// What was looked up: where it came from and the fields it fills.
#[derive(Clone, Debug, PartialEq)]
struct Found {
    /// Where the values come from ("the training job fraud-v7"), for
    /// the notice.
    source: String,
    /// What the preview heads the source's side with ("The training job").
    side: &'static str,
    /// Each field it can fill.
    proposals: Vec<FieldProposal>,
}

impl Found {
    /// Puts the chosen values in the card as one undoable edit, and says
    /// what changed.
    fn fill(&self, chosen: &[FillChoice]) {
        let store = expect_store();
        let changed = self
            .proposals
            .iter()
            .zip(chosen)
            .filter(|(proposal, choice)| proposal.result(**choice) != proposal.now)
            .count();
        let filled = store.with_card(|card| apply(card, &self.proposals, chosen));
        store.replace_card(filled);
        expect_session().notify(Tone::Info, filled_sentence(changed, &self.source));
    }
}

/// The button and its dialog.
#[component]
pub fn FillFromTrainingJob() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="mce-button" data-testid="fill-from-training-job" aria-haspopup="dialog" on:click=move |_| open.set(true)>
            "Fill from training job…"
        </button>
        {move || open.get().then(|| view! { <FillDialog open /> })}
    }
}

/// The dialog: the job, then the fields.
#[component]
fn FillDialog(open: RwSignal<bool>) -> impl IntoView {
    let store = expect_store();
    let backend = use_context::<Backend>();
    let typed = RwSignal::new(store.with_card(card_job).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let found = RwSignal::new(None::<Found>);
    let choices = RwSignal::new(Vec::<FillChoice>::new());
    // Called when a look-up or a file read ends: the dialog may have been
    // closed by then, and then there is nothing to show.
    let show = move |job: String, describe: Value| match store
        .with_card(|card| propose(card, &describe))
    {
        _ if found.is_disposed() => {}
        Ok(proposals) if proposals.is_empty() => error.set(Some(format!(
            "The training job {job} has nothing to fill in."
        ))),
        Ok(proposals) => {
            choices.set(proposals.iter().map(FieldProposal::suggested).collect());
            found.set(Some(Found {
                source: format!("the training job {job}"),
                side: "The training job",
                proposals,
            }));
            error.set(None);
        }
        Err(problem) => error.set(Some(format!("{job} {problem}."))),
    };
    let look_up = move |_| {
        let name = match job_name(&typed.get_untracked()) {
            Ok(name) => name,
            Err(problem) => return error.set(Some(problem)),
        };
        let Some(backend) = backend else { return };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let answer = match backend.ready_connection().await {
                Ok(connection) => connection.describe_training_job(&name).await.map_err(
                    |failure| {
                        format!(
                            "Looking up the training job {name} failed. {} The card is unchanged.",
                            failure.explain()
                        )
                    },
                ),
                Err(why) => Err(format!(
                    "{why} Open a saved describe-training-job output instead."
                )),
            };
            busy.try_set(false);
            match answer {
                Ok(describe) => show(name, describe),
                Err(problem) => {
                    error.try_set(Some(problem));
                }
            }
        });
    };
    let fill = move |_| {
        if let Some(found) = found.get_untracked() {
            found.fill(&choices.get_untracked());
        }
        open.set(false);
    };
    let picker: NodeRef<Input> = NodeRef::new();
    let picked = move |event: leptos::ev::Event| {
        let Some(file) = picked_files(&event).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = read_file(&file, MAX_FILE_BYTES)
                .await
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok());
            match text.and_then(|text| serde_json::from_str::<Value>(&text).ok()) {
                Some(describe) => show(name, describe),
                None => {
                    error.try_set(Some(format!("{name} is not JSON text, so it is not a saved describe-training-job output.")));
                }
            }
        });
    };
    view! {
        <Modal open title="Fill from training job".to_owned() id="mce-fill-training" wide=true>
            <p class="mce-dialog__help">
                "The training job's details are proposed field by field; choose for each what the card keeps. Lists you provided yourself are never touched."
            </p>
            <div class="mce-fill__job">
                <label class="mce-field__label" for="mce-fill-job">"Training job name or ARN"</label>
                <div class="mce-fill__job-row">
                    <input
                        id="mce-fill-job"
                        class="mce-input"
                        data-testid="fill-job"
                        aria-describedby="mce-fill-error"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        prop:value=move || typed.get()
                        on:input=move |event| typed.set(event_target_value(&event))
                    />
                    <button type="button" class="mce-button mce-button--primary" data-testid="fill-look-up" disabled=move || busy.get() || backend.is_none() on:click=look_up>
                        {move || if busy.get() { "Looking up…" } else { "Look up" }}
                    </button>
                </div>
                <p class="mce-fill__or">
                    "Or open a saved "<code>"aws sagemaker describe-training-job"</code>" output: "
                    <button type="button" class="mce-button mce-button--small" on:click=move |_| {
                        if let Some(input) = picker.get() {
                            input.click();
                        }
                    }>"Open…"</button>
                </p>
                <input node_ref=picker type="file" accept=".json,application/json" class="mce-visually-hidden" tabindex="-1" aria-hidden="true" data-testid="fill-describe-file" on:change=picked />
            </div>
            <p id="mce-fill-error" class="mce-messages__error" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
            {move || found.get().map(|found| view! { <Proposals found choices /> })}
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" data-testid="fill-apply" disabled=move || found.with(Option::is_none) on:click=fill>
                    "Fill the card"
                </button>
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Modal>
    }
}

/// What filling did, for the notice.
fn filled_sentence(changed: usize, source: &str) -> String {
    match changed {
        0 => format!("Nothing changed: the card keeps what it had, not what {source} has."),
        1 => format!("Filled 1 field from {source}. Undo puts it back."),
        n => format!("Filled {n} fields from {source}. Undo puts them back."),
    }
}

/// "Fill model artifact from the registry version…": shown while a
/// registry version whose containers name their model data is open.
#[component]
pub fn FillModelArtifact() -> impl IntoView {
    let backend = use_context::<Backend>();
    let open = RwSignal::new(false);
    let opened = Memo::new(move |_| {
        let opened = backend.and_then(|backend| backend.opened().get())?;
        let urls = opened.package.model_data_urls();
        (!urls.is_empty()).then(|| (version_name(&opened.package), urls))
    });
    move || {
        opened.get().map(|(version, urls)| {
            view! {
                <button type="button" class="mce-button" data-testid="fill-model-artifact" aria-haspopup="dialog" on:click=move |_| open.set(true)>
                    "Fill model artifact from the registry version…"
                </button>
                {move || open.get().then(|| view! { <ArtifactDialog open version=version.clone() urls=urls.clone() /> })}
            }
        })
    }
}

/// The model artifact as the card has it and as the version's
/// containers have it.
#[component]
fn ArtifactDialog(open: RwSignal<bool>, version: String, urls: Vec<String>) -> impl IntoView {
    let store = expect_store();
    let proposal = store.with_card(|card| artifact_proposal(card, &urls));
    let choices = RwSignal::new(
        proposal
            .iter()
            .map(FieldProposal::suggested)
            .collect::<Vec<_>>(),
    );
    let found = proposal.map(|proposal| Found {
        source: format!("the registry version {version}"),
        side: "The registry version",
        proposals: vec![proposal],
    });
    let fill = {
        let found = found.clone();
        move |_| {
            if let Some(found) = &found {
                found.fill(&choices.get_untracked());
            }
            open.set(false);
        }
    };
    view! {
        <Modal open title="Fill model artifact".to_owned() id="mce-fill-artifact" wide=true>
            <p class="mce-dialog__help">"Where the model data is, as the registry version\u{2019}s inference containers name it."</p>
            {found.map(|found| view! { <Proposals found choices /> })}
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" data-testid="fill-apply" on:click=fill>"Fill the card"</button>
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Modal>
    }
}

/// Every field the job can fill, with its choice and its problems.
#[component]
fn Proposals(found: Found, choices: RwSignal<Vec<FillChoice>>) -> impl IntoView {
    let store = expect_store();
    let proposals = found.proposals.clone();
    let issues = {
        let proposals = proposals.clone();
        Memo::new(move |_| {
            let chosen = choices.get();
            store.with_card(|card| problems(card, &proposals, &chosen))
        })
    };
    let rows = proposals
        .into_iter()
        .enumerate()
        .map(|(index, proposal)| view! { <ProposalRow index proposal side=found.side choices issues /> })
        .collect_view();
    view! {
        <section class="mce-fill__fields" aria-label=format!("What {} fills", found.source)>
            {rows}
        </section>
    }
}

/// One field: now, from the job, the choice, the problems.
#[component]
fn ProposalRow(
    index: usize,
    proposal: FieldProposal,
    side: &'static str,
    choices: RwSignal<Vec<FillChoice>>,
    issues: Memo<Vec<Vec<ValidationIssue>>>,
) -> impl IntoView {
    let name = format!("mce-fill-choice-{index}");
    let options: Vec<(FillChoice, &'static str)> = [
        (FillChoice::Keep, "Keep"),
        (FillChoice::Replace, "Replace"),
        (FillChoice::Merge, "Merge lists"),
    ]
    .into_iter()
    .filter(|(choice, _)| *choice != FillChoice::Merge || proposal.mergeable)
    .collect();
    let radios = options
        .into_iter()
        .map(|(choice, label)| {
            let name = name.clone();
            view! {
                <label class="mce-fill__choice">
                    <input
                        type="radio"
                        name=name
                        value=label
                        prop:checked=move || choices.with(|chosen| chosen.get(index) == Some(&choice))
                        on:change=move |_| choices.update(|chosen| chosen[index] = choice)
                    />
                    " "{label}
                </label>
            }
        })
        .collect_view();
    let now = match &proposal.now {
        Some(value) => lines(
            value_lines(value),
            format!("{}: the card now", proposal.label),
        ),
        None => view! { <p class="mce-fill__empty">"(empty)"</p> }.into_any(),
    };
    let proposed = lines(
        value_lines(&proposal.proposed),
        format!("{}: {}", proposal.label, side.to_lowercase()),
    );
    let problems = move || {
        issues.with(|issues| {
            issues
                .get(index)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(
                    |issue| view! { <li class="mce-messages__error">{issue.titled_message()}</li> },
                )
                .collect_view()
        })
    };
    view! {
        <fieldset class="mce-fill__field" data-testid="fill-field" data-field=proposal.field().to_owned()>
            <legend>{proposal.label}</legend>
            <div class="mce-fill__values">
                <div><p class="mce-fill__side">"The card now"</p>{now}</div>
                <div><p class="mce-fill__side">{side}</p>{proposed}</div>
            </div>
            <div class="mce-fill__choices">{radios}</div>
            <ul class="mce-fill__problems">{problems}</ul>
        </fieldset>
    }
}

/// Lines of a value, each on its own; a long list scrolls, and can be
/// scrolled from the keyboard.
fn lines(lines: Vec<String>, label: String) -> AnyView {
    view! {
        <ul class="mce-fill__lines" tabindex="0" aria-label=label>
            {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
