//! "Write a card" for a version without one: where it starts. Another
//! version of the group that has a card (the newest by default, from the
//! card statuses the version list has read) or only what the registry
//! knows; `domain::registry::start_card` makes the card, and its
//! version-specific parts are left to be filled for this version. And
//! "Compare with": any two versions' cards, with the review's changes.

use leptos::prelude::*;
use serde_json::Value;

use super::Load;
use crate::domain::registry::rows::{CardCell, CardState};
use crate::domain::registry::start_card::starting_card;
use crate::domain::review::{ReviewEntry, compare_cards, comparison_heading};
use crate::domain::sagemaker::ModelPackage;
use crate::view::backend::{Backend, failure, version_name};
use crate::view::conflicts::{ChangeList, ChangeWords};
use crate::view::modal::{Modal, open_while_some};
use crate::view::session::Session;

/// Another version with a card: its ARN and what the list calls it.
#[derive(Clone, Debug, PartialEq)]
struct CardedVersion {
    arn: String,
    /// "version 3", for sentences.
    name: String,
    /// "Version 3", for the start of an option.
    label: String,
}

/// The other versions of the listed group that have a card, newest first.
fn carded_versions(backend: Backend, except: &str) -> Vec<CardedVersion> {
    backend.registry().versions().with(|listing| {
        let Some(Load::Loaded(entries)) = listing.as_ref().map(|listing| &listing.load) else {
            return Vec::new();
        };
        let mut carded: Vec<(u32, CardedVersion)> = entries
            .iter()
            .filter(|entry| entry.arn != except)
            .filter_map(|entry| {
                entry.row.with(|row| match &row.card {
                    CardCell::Known(state) if *state != CardState::Absent => Some((
                        row.summary.model_package_version.unwrap_or(0),
                        CardedVersion {
                            arn: entry.arn.clone(),
                            name: row.summary.model_package_version.map_or_else(
                                || entry.arn.clone(),
                                |version| format!("version {version}"),
                            ),
                            label: row.summary.model_package_version.map_or_else(
                                || entry.arn.clone(),
                                |version| format!("Version {version}"),
                            ),
                        },
                    )),
                    _ => None,
                })
            })
            .collect();
        carded.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
        carded.into_iter().map(|(_, version)| version).collect()
    })
}

/// The other versions with a card, following the list, and `chosen` kept
/// on one of them (the newest, unless the user chose another).
fn carded_choice(
    package: Signal<ModelPackage>,
    chosen: RwSignal<String>,
) -> Memo<Vec<CardedVersion>> {
    let backend = crate::view::backend::expect_backend();
    let versions = Memo::new(move |_| {
        package.with(|package| carded_versions(backend, &package.model_package_arn))
    });
    Effect::new(move |_| {
        let versions = versions.get();
        let still_there =
            chosen.with_untracked(|chosen| versions.iter().any(|version| version.arn == *chosen));
        if !still_there {
            chosen.set(
                versions
                    .first()
                    .map(|version| version.arn.clone())
                    .unwrap_or_default(),
            );
        }
    });
    versions
}

/// The card in a described version, when it has one that is JSON.
fn card_in(package: &ModelPackage) -> Option<Value> {
    let content = package.model_card.as_ref()?.model_card_content.as_ref()?;
    serde_json::from_str(content).ok()
}

/// The "Start from" choice; its value is the ARN of the version to start
/// from, empty for what the registry knows only.
#[component]
pub fn StartFrom(package: Signal<ModelPackage>, chosen: RwSignal<String>) -> impl IntoView {
    let versions = carded_choice(package, chosen);
    view! {
        <div class="mce-registry__start">
            <label class="mce-field__label" for="mce-start-from">"Start from"</label>
            <select id="mce-start-from" class="mce-input mce-input--select" data-testid="start-from" aria-describedby="mce-start-from-help" on:change=move |event| chosen.set(event_target_value(&event))>
                {move || {
                    let versions = versions.get();
                    let options = versions.iter().enumerate().map(|(index, version)| {
                        // Short enough to read whole in a 320 px screen;
                        // the sentence below says what is taken.
                        let text = if index == 0 {
                            format!("{}'s card (newest)", version.label)
                        } else {
                            format!("{}'s card", version.label)
                        };
                        let arn = version.arn.clone();
                        view! { <option value=version.arn.clone() prop:selected=move || chosen.with(|chosen| *chosen == arn)>{text}</option> }
                    }).collect_view();
                    view! {
                        {options}
                        <option value="" prop:selected=move || chosen.with(String::is_empty)>"The model artifact only"</option>
                    }
                }}
            </select>
            <p id="mce-start-from-help" class="mce-field__help" data-testid="start-from-help">
                {move || start_sentence(chosen.with(String::is_empty))}
            </p>
        </div>
    }
}

/// What the chosen start takes, in a sentence beside the choice.
fn start_sentence(registry_only: bool) -> &'static str {
    if registry_only {
        "An empty card with this version's model artifact (its containers' model data)."
    } else {
        "That card without its training job details and evaluations, which belong to that version; the model artifact is this version's."
    }
}

/// Opens `package` (which has no card) starting from the version `from`
/// (an ARN; empty for none): that version is described for its card.
pub fn write_card(
    backend: Backend,
    session: Session,
    package: ModelPackage,
    from: String,
    problem: RwSignal<Option<String>>,
) {
    let urls = package.model_data_urls();
    if from.is_empty() {
        let start = starting_card(&urls, None);
        if let Err(message) = backend.open_version_from(session, package, Some(start)) {
            problem.set(Some(message));
        }
        return;
    }
    let Some(connection) = backend.connection() else {
        return;
    };
    leptos::task::spawn_local(async move {
        match connection.describe(&from).await {
            Ok(other) => {
                let card = card_in(&other);
                let name = version_name(&other);
                let start = starting_card(&urls, card.as_ref().map(|card| (name.as_str(), card)));
                if let Err(message) = backend.open_version_from(session, package, Some(start)) {
                    problem.try_set(Some(message));
                }
            }
            Err(error) => {
                problem.try_set(Some(failure("Reading the other version's card", &error)));
            }
        }
    });
}

/// "Compare with…": this version's card beside another version's, with
/// the review's field-level changes.
#[component]
pub fn CompareWith(package: Signal<ModelPackage>) -> impl IntoView {
    let backend = crate::view::backend::expect_backend();
    let chosen = RwSignal::new(String::new());
    let versions = carded_choice(package, chosen);
    let compared = RwSignal::new(None::<Compared>);
    let problem = RwSignal::new(None::<String>);
    let compare = move |_| {
        let Some(connection) = backend.connection() else {
            return;
        };
        let other = chosen.get_untracked();
        let this = package.get_untracked();
        problem.set(None);
        leptos::task::spawn_local(async move {
            match connection.describe(&other).await {
                Ok(other) => {
                    let (older, newer) =
                        match (other.model_package_version, this.model_package_version) {
                            (Some(a), Some(b)) if a > b => (this, other),
                            _ => (other, this),
                        };
                    let entries = compare_cards(
                        &card_in(&older).unwrap_or_default(),
                        &card_in(&newer).unwrap_or_default(),
                    );
                    compared.try_set(Some(Compared {
                        heading: comparison_heading(
                            &version_name(&older),
                            &version_name(&newer),
                            entries.len(),
                        ),
                        entries,
                    }));
                }
                Err(error) => {
                    problem.try_set(Some(failure("Reading the other version's card", &error)));
                }
            }
        });
    };
    let open = open_while_some(compared);
    move || {
        (!versions.with(Vec::is_empty)).then(|| view! {
            <div class="mce-registry__start">
                <label class="mce-field__label" for="mce-compare-with">"Compare this card with"</label>
                <div class="mce-fill__job-row">
                    <select id="mce-compare-with" class="mce-input mce-input--select" data-testid="compare-with" on:change=move |event| chosen.set(event_target_value(&event))>
                        {move || versions.get().into_iter().map(|version| {
                            let arn = version.arn.clone();
                            view! { <option value=version.arn.clone() prop:selected=move || chosen.with(|chosen| *chosen == arn)>{format!("the card of {}", version.name)}</option> }
                        }).collect_view()}
                    </select>
                    <button type="button" class="mce-button" data-testid="compare" aria-haspopup="dialog" on:click=compare>"Compare"</button>
                </div>
                <p class="mce-messages__error" role="alert" hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
            </div>
            <Modal open title="Compare cards".to_owned() id="mce-compare" wide=true>
                {move || compared.get().map(|compared| view! {
                    <h3 class="mce-review__heading" data-testid="compare-heading">{compared.heading}</h3>
                    <ChangeList entries=compared.entries words=COMPARE_WORDS id_prefix="mce-compare-change" test_id="compare-changes" />
                })}
                <div class="mce-dialog__buttons">
                    <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </Modal>
        })
    }
}

/// A comparison made.
#[derive(Clone, Debug, PartialEq)]
struct Compared {
    heading: String,
    entries: Vec<ReviewEntry>,
}

/// How a comparison labels its two values.
const COMPARE_WORDS: ChangeWords = ChangeWords {
    before: "Older version",
    after: "Newer version",
};
