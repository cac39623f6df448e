//! A version's details, from where its card opens in the editor and its
//! approval is set. The details follow what the server holds: a write's
//! answer updates them in place (the form and its message stay), and
//! every outcome is said beside the action that caused it.

use leptos::prelude::*;

use super::write_card::{CompareWith, StartFrom, write_card};
use super::{Load, update_and_describe};
use crate::domain::registry::place::DETAILS_HEADING_ID;
use crate::domain::registry::rows::{CardState, approval_confirmation};
use crate::domain::sagemaker::{
    APPROVAL_STATUSES, InferenceSpecification, ModelPackage, UpdateModelPackageInput, format_time,
};
use crate::view::backend::{Backend, expect_backend, failure, version_name};
use crate::view::session::expect_session;

/// Where the chosen version's description stands; a loaded version is
/// the same phase whatever its content, so an update redraws its fields
/// and not the whole details.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Loading,
    Failed(String),
    Loaded(String),
}

/// The chosen version's details.
#[component]
pub fn VersionDetails() -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    let details = state.details();
    let phase = Memo::new(move |_| {
        details.with(
            |details| match details.as_ref().map(|details| &details.load) {
                None | Some(Load::Idle | Load::Loading) => Phase::Loading,
                Some(Load::Failed(message)) => Phase::Failed(message.clone()),
                Some(Load::Loaded(package)) => Phase::Loaded(package.model_package_arn.clone()),
            },
        )
    });
    let latest = move || {
        details.with(
            |details| match details.as_ref().map(|details| &details.load) {
                Some(Load::Loaded(package)) => Some(package.clone()),
                _ => None,
            },
        )
    };
    move || {
        match phase.get() {
            Phase::Loading => {
                view! { <p class="mce-loading" role="status">"Loading the version…"</p> }.into_any()
            }
            Phase::Failed(message) => {
                let arn = details
                    .with_untracked(|details| details.as_ref().map(|details| details.arn.clone()));
                view! {
                    <div role="alert" class="mce-banner mce-banner--error">
                        <p>{message}</p>
                        <button type="button" class="mce-button" on:click=move |_| {
                            if let Some(arn) = arn.clone() {
                                state.load_details(backend, arn);
                            }
                        }>"Try again"</button>
                    </div>
                }
                .into_any()
            }
            // Read untracked: the details follow a new description through
            // `package`, without being built again.
            Phase::Loaded(_) => match untrack(latest) {
                Some(first) => {
                    let package = Memo::new(move |_| latest().unwrap_or_else(|| first.clone()));
                    view! { <Details package=package.into() /> }.into_any()
                }
                None => ().into_any(),
            },
        }
    }
}

/// A loaded version: its facts, containers and metadata, the way to open
/// its card, and its approval.
#[component]
fn Details(package: Signal<ModelPackage>) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let open_problem = RwSignal::new(None::<String>);
    let has_card = move || package.with(|package| CardState::of(package) != CardState::Absent);
    let start_from = RwSignal::new(String::new());
    let open = move |_| {
        open_problem.set(None);
        let package = package.get_untracked();
        if CardState::of(&package) == CardState::Absent {
            write_card(
                backend,
                session,
                package,
                start_from.get_untracked(),
                open_problem,
            );
        } else if let Err(message) = backend.open_version(session, package) {
            open_problem.set(Some(message));
        }
    };
    view! {
        <article class="mce-registry__details" aria-labelledby=DETAILS_HEADING_ID data-testid="version-details">
            <div class="mce-list__head">
                <h2 id=DETAILS_HEADING_ID tabindex="-1">{move || package.with(version_name)}</h2>
                <button type="button" class="mce-button mce-button--primary" aria-describedby="mce-open-problem" on:click=open>
                    {move || if has_card() { "Edit the card" } else { "Write a card" }}
                </button>
            </div>
            {move || if has_card() {
                view! { <CompareWith package /> }.into_any()
            } else {
                view! { <StartFrom package chosen=start_from /> }.into_any()
            }}
            <p id="mce-open-problem" class="mce-messages__error" role="alert" data-testid="open-problem"
                hidden=move || open_problem.with(Option::is_none)>{move || open_problem.get()}</p>
            <VersionFacts package />
            <h3 id="mce-containers-heading">"Inference containers"</h3>
            // Read-only tables that may scroll sideways take focus, so the
            // keyboard can scroll them too.
            <div class="mce-table-scroll" tabindex="0" role="region" aria-labelledby="mce-containers-heading">
                <table class="mce-table">
                    <thead><tr><th scope="col">"Image"</th><th scope="col">"Digest"</th><th scope="col">"Model data"</th></tr></thead>
                    <tbody>{move || container_rows(package)}</tbody>
                </table>
            </div>
            <h3 id="mce-metadata-heading">"Customer metadata"</h3>
            <div class="mce-table-scroll" tabindex="0" role="region" aria-labelledby="mce-metadata-heading">
                <table class="mce-table"><tbody>{move || metadata_rows(package)}</tbody></table>
            </div>
            <ApprovalForm package />
        </article>
    }
}

/// What the server says of the version, each fact left out when empty.
#[component]
fn VersionFacts(package: Signal<ModelPackage>) -> impl IntoView {
    let fact = move |label: &'static str, value: fn(&ModelPackage) -> Option<String>| {
        move || {
            package
                .with(value)
                .filter(|value| !value.is_empty())
                .map(|value| view! { <dt>{label}</dt><dd>{value}</dd> })
        }
    };
    view! {
        <dl class="mce-print__fields">
            {fact("ARN", |package| Some(package.model_package_arn.clone()))}
            {fact("Group", |package| package.model_package_group_name.clone())}
            {fact("Version", |package| package.model_package_version.map(|version| version.to_string()))}
            {fact("Description", |package| package.model_package_description.clone())}
            {fact("Created", |package| package.creation_time.map(format_time))}
            {fact("Last modified", |package| package.last_modified_time.map(format_time))}
            {fact("Status", |package| package.model_package_status.clone())}
            {fact("Approval status", |package| package.model_approval_status.clone())}
            {fact("Approval description", |package| package.approval_description.clone())}
            {fact("Card status", |package| Some(CardState::of(package).text()))}
            {fact("Content types", |package| served(package, |spec| &spec.supported_content_types))}
            {fact("Response MIME types", |package| served(package, |spec| &spec.supported_response_mime_types))}
            {fact("Real-time instance types", |package| served(package, |spec| &spec.supported_realtime_inference_instance_types))}
            {fact("Batch transform instance types", |package| served(package, |spec| &spec.supported_transform_instance_types))}
        </dl>
    }
}

/// One row per inference container: its image, digest and model data.
fn container_rows(package: Signal<ModelPackage>) -> impl IntoView {
    package
        .with(|package| package.inference_specification.clone().unwrap_or_default())
        .containers
        .into_iter()
        .map(|container| {
            view! {
                <tr>
                    <td><code>{container.image.unwrap_or_default()}</code></td>
                    <td><code>{container.image_digest.unwrap_or_default()}</code></td>
                    <td><code>{container.model_data_url.unwrap_or_default()}</code></td>
                </tr>
            }
        })
        .collect_view()
}

/// One row per customer metadata property.
fn metadata_rows(package: Signal<ModelPackage>) -> impl IntoView {
    package
        .with(|package| {
            package
                .customer_metadata_properties
                .clone()
                .unwrap_or_default()
        })
        .into_iter()
        .map(|(key, value)| view! { <tr><th scope="row">{key}</th><td>{value}</td></tr> })
        .collect_view()
}

/// Sends the approval update and says what came of it: the new status
/// (and the details follow the answer), or why it failed.
async fn update_approval(
    backend: Backend,
    input: UpdateModelPackageInput,
    busy: RwSignal<bool>,
    done: RwSignal<Option<String>>,
    problem: RwSignal<Option<String>>,
) {
    match update_and_describe(backend, &input).await {
        Ok(package) => {
            done.set(Some(approval_confirmation(
                &version_name(&package),
                package.model_approval_status.as_deref(),
            )));
            backend.version_written(&package);
        }
        Err(error) => problem.set(Some(failure("Setting the approval status", &error))),
    }
    busy.set(false);
}

/// One list of the version's inference specification, joined.
fn served(
    package: &ModelPackage,
    list: fn(&InferenceSpecification) -> &[String],
) -> Option<String> {
    package
        .inference_specification
        .as_ref()
        .map(|spec| list(spec).join(", "))
}

/// Sets a version's approval status and its description, on its own, and
/// says beside the button what came of it; a failure keeps what was
/// entered.
#[component]
pub fn ApprovalForm(
    /// The version, as the server last described it.
    package: Signal<ModelPackage>,
) -> impl IntoView {
    let backend = expect_backend();
    let first = package.get_untracked();
    let status = RwSignal::new(
        first
            .model_approval_status
            .clone()
            .unwrap_or_else(|| "PendingManualApproval".to_owned()),
    );
    let description = RwSignal::new(first.approval_description.clone().unwrap_or_default());
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let arn = first.model_package_arn;
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let token = match crate::view::api::new_client_token() {
            Ok(token) => token,
            Err(why) => {
                problem.set(Some(why));
                return;
            }
        };
        let input = UpdateModelPackageInput {
            model_package_arn: arn.clone(),
            model_approval_status: Some(status.get_untracked()),
            approval_description: Some(description.get_untracked()),
            client_token: Some(token),
            ..Default::default()
        };
        busy.set(true);
        done.set(None);
        problem.set(None);
        leptos::task::spawn_local(update_approval(backend, input, busy, done, problem));
    };
    let options = APPROVAL_STATUSES
        .iter()
        .map(|option| view! { <option value=*option>{*option}</option> })
        .collect_view();
    view! {
        <form class="mce-approval" on:submit=submit aria-labelledby="mce-approval-heading">
            <h3 id="mce-approval-heading">"Approval"</h3>
            <div class="mce-field">
                <label class="mce-field__label" for="mce-approval-status">"Approval status"</label>
                <select id="mce-approval-status" class="mce-input mce-input--select" prop:value=move || status.get()
                    on:change=move |event| status.set(event_target_value(&event))>
                    {options}
                </select>
            </div>
            <div class="mce-field">
                <label class="mce-field__label" for="mce-approval-description">"Approval description"</label>
                <textarea id="mce-approval-description" class="mce-input mce-input--multiline" maxlength="1024"
                    prop:value=move || description.get() on:input=move |event| description.set(event_target_value(&event))></textarea>
            </div>
            <div class="mce-approval__actions">
                // Not `disabled` while busy: a disabled button drops the
                // focus, and the reviewer would lose their place.
                <button type="submit" class="mce-button" aria-disabled=move || busy.get().then_some("true")
                    aria-describedby="mce-approval-done mce-approval-problem">
                    {move || if busy.get() { "Updating…" } else { "Update approval" }}
                </button>
                <p id="mce-approval-done" class="mce-approval__done" role="status" data-testid="approval-done">{move || done.get()}</p>
            </div>
            <p id="mce-approval-problem" class="mce-messages__error" role="alert" data-testid="approval-problem"
                hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
        </form>
    }
}
