//! The model registry: model package groups, a group's versions (sortable,
//! filterable by approval status), and a version's details, from where its
//! card opens in the editor and its approval is set.

use leptos::prelude::*;

use super::backend::{Backend, expect_backend, failure, version_name};
use super::session::expect_session;
use crate::domain::sagemaker::{
    APPROVAL_STATUSES, ModelPackage, ModelPackageGroupSummary, ModelPackageSummary, ServiceError,
    UpdateModelPackageInput, format_time,
};
use crate::domain::sigv4::Credentials;

/// Something fetched: not yet, on its way, here, or failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    /// Nothing asked for.
    Idle,
    /// Asked for.
    Loading,
    /// Here.
    Loaded(T),
    /// Failed, with the sentence to show.
    Failed(String),
}

/// The registry screen.
#[component]
pub fn RegistryScreen() -> impl IntoView {
    let backend = expect_backend();
    move || {
        if backend.needs_credentials() {
            view! { <CredentialsForm /> }.into_any()
        } else {
            view! { <Browser /> }.into_any()
        }
    }
}

/// Temporary credentials for signing in the page: kept in memory (or this
/// tab's session storage), never in local storage, never logged.
#[component]
fn CredentialsForm() -> impl IntoView {
    let backend = expect_backend();
    let (key, secret, token) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let remember = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (key, secret, token) = (
            key.get_untracked(),
            secret.get_untracked(),
            token.get_untracked(),
        );
        if key.trim().is_empty() || secret.trim().is_empty() {
            problem.set(Some(
                "Enter an access key id and a secret access key.".to_owned(),
            ));
            return;
        }
        backend.set_credentials(
            Some(Credentials {
                access_key_id: key.trim().to_owned(),
                secret_access_key: secret.trim().to_owned(),
                session_token: Some(token.trim().to_owned()).filter(|token| !token.is_empty()),
            }),
            remember.get_untracked(),
        );
    };
    let input = |id: &'static str,
                 label: &'static str,
                 signal: RwSignal<String>,
                 kind: &'static str| {
        view! {
            <div class="mce-field">
                <label class="mce-field__label" for=id>{label}</label>
                <input id=id type=kind class="mce-input" autocomplete="off" spellcheck="false"
                    prop:value=move || signal.get() on:input=move |event| signal.set(event_target_value(&event)) />
            </div>
        }
    };
    view! {
        <form class="mce-credentials" on:submit=submit>
            <h2>"Sign in to the model registry"</h2>
            <p class="mce-field__help">
                "This deployment signs requests in the page. Enter temporary credentials (for example from "
                <code>"aws sts get-session-token"</code>
                " or your identity provider). They stay in this tab: never saved to disk, never sent anywhere but the endpoint."
            </p>
            {input("mce-key", "Access key id", key, "text")}
            {input("mce-secret", "Secret access key", secret, "password")}
            {input("mce-token", "Session token", token, "password")}
            <div class="mce-field__check">
                <input id="mce-remember" type="checkbox" class="mce-checkbox" prop:checked=move || remember.get()
                    on:change=move |event| remember.set(event_target_checked(&event)) />
                <label for="mce-remember">"Keep them while this tab is open"</label>
            </div>
            <p class="mce-messages__error" role="alert" hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
            <button type="submit" class="mce-button mce-button--primary">"Continue"</button>
        </form>
    }
}

#[component]
fn Browser() -> impl IntoView {
    let backend = expect_backend();
    let groups = RwSignal::new(Load::<Vec<ModelPackageGroupSummary>>::Idle);
    let group = RwSignal::new(None::<String>);
    let version = RwSignal::new(None::<String>);
    let load_groups = move || {
        let Some(connection) = backend.connection() else {
            return;
        };
        groups.set(Load::Loading);
        leptos::task::spawn_local(async move {
            match connection.groups().await {
                Ok(found) => {
                    if group.get_untracked().is_none() {
                        group.set(found.first().map(|g| g.model_package_group_name.clone()));
                    }
                    groups.set(Load::Loaded(found));
                }
                Err(error) => groups.set(Load::Failed(failure(
                    "Listing the model package groups",
                    &error,
                ))),
            }
        });
    };
    load_groups();
    let group_list = move || {
        match groups.get() {
        Load::Idle | Load::Loading => view! { <p class="mce-loading" role="status">"Loading model package groups…"</p> }.into_any(),
        Load::Failed(message) => view! {
            <div role="alert" class="mce-banner mce-banner--error">
                <p>{message}</p>
                <button type="button" class="mce-button" on:click=move |_| load_groups()>"Try again"</button>
            </div>
        }
        .into_any(),
        Load::Loaded(found) if found.is_empty() => view! { <p>"No model package groups."</p> }.into_any(),
        Load::Loaded(found) => found
            .into_iter()
            .map(|summary| {
                let name = summary.model_package_group_name.clone();
                let selected = {
                    let name = name.clone();
                    move || group.get().as_deref() == Some(name.as_str())
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class="mce-registry__group"
                            aria-current=move || selected().then_some("true")
                            on:click=move |_| {
                                group.set(Some(name.clone()));
                                version.set(None);
                            }
                        >
                            <span class="mce-registry__group-name">{summary.model_package_group_name.clone()}</span>
                            <span class="mce-registry__group-description">{summary.model_package_group_description.clone().unwrap_or_default()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
            .into_any(),
    }
    };
    view! {
        <div class="mce-registry" data-testid="registry">
            <nav class="mce-registry__groups" aria-label="Model package groups">
                <h2 class="mce-sections__heading">"Model package groups"</h2>
                <ul class="mce-sections__list">{group_list}</ul>
            </nav>
            <div class="mce-registry__main">
                {move || group.get().map(|name| view! { <Versions group=name version /> })}
                {move || version.get().map(|arn| view! { <VersionDetails arn /> })}
            </div>
        </div>
    }
}

/// Columns the versions table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortKey {
    Version,
    Created,
    Status,
    Approval,
}

#[component]
fn Versions(group: String, version: RwSignal<Option<String>>) -> impl IntoView {
    let backend = expect_backend();
    let versions = RwSignal::new(Load::<Vec<ModelPackageSummary>>::Loading);
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new((SortKey::Version, false));
    {
        let group = group.clone();
        if let Some(connection) = backend.connection() {
            leptos::task::spawn_local(async move {
                versions.set(match connection.versions(&group).await {
                    Ok(found) => Load::Loaded(found),
                    Err(error) => Load::Failed(failure("Listing the versions", &error)),
                });
            });
        }
    }
    let header = move |key: SortKey, label: &'static str| {
        let state = move || {
            let (current, ascending) = sort.get();
            match (current == key, ascending) {
                (false, _) => "none",
                (true, true) => "ascending",
                (true, false) => "descending",
            }
        };
        view! {
            <th scope="col" aria-sort=state>
                <button type="button" class="mce-sort" on:click=move |_| {
                    sort.update(|(current, ascending)| {
                        if *current == key { *ascending = !*ascending } else { *current = key; *ascending = true }
                    })
                }>
                    {label}
                    <span aria-hidden="true">
                        {move || match state() {
                            "ascending" => " ▲",
                            "descending" => " ▼",
                            _ => "",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    let rows = move || match versions.get() {
        Load::Idle | Load::Loading => {
            view! { <tr><td colspan="5" role="status">"Loading versions…"</td></tr> }.into_any()
        }
        Load::Failed(message) => {
            view! { <tr><td colspan="5" role="alert">{message}</td></tr> }.into_any()
        }
        Load::Loaded(mut found) => {
            let wanted = filter.get();
            found.retain(|v| {
                wanted.is_empty() || v.model_approval_status.as_deref() == Some(wanted.as_str())
            });
            let (key, ascending) = sort.get();
            found.sort_by(|a, b| {
                let order = match key {
                    SortKey::Version => a.model_package_version.cmp(&b.model_package_version),
                    SortKey::Created => a.creation_time.total_cmp(&b.creation_time),
                    SortKey::Status => a.model_package_status.cmp(&b.model_package_status),
                    SortKey::Approval => a.model_approval_status.cmp(&b.model_approval_status),
                };
                if ascending { order } else { order.reverse() }
            });
            if found.is_empty() {
                return view! { <tr><td colspan="5">"No versions match."</td></tr> }.into_any();
            }
            found
                .into_iter()
                .map(|summary| {
                    let arn = summary.model_package_arn.clone();
                    let label = summary
                        .model_package_version
                        .map_or_else(|| arn.clone(), |number| format!("Version {number}"));
                    let selected = {
                        let arn = arn.clone();
                        move || version.get().as_deref() == Some(arn.as_str())
                    };
                    let data_arn = arn.clone();
                    view! {
                        <tr class:mce-registry__row--selected=selected data-arn=data_arn>
                            <th scope="row">
                                <button type="button" class="mce-link" on:click=move |_| version.set(Some(arn.clone()))>{label}</button>
                            </th>
                            <td>{summary.model_package_description.clone().unwrap_or_default()}</td>
                            <td>{format_time(summary.creation_time)}</td>
                            <td>{summary.model_package_status.clone()}</td>
                            <td>{summary.model_approval_status.clone().unwrap_or_default()}</td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let options = APPROVAL_STATUSES
        .iter()
        .map(|status| view! { <option value=*status>{*status}</option> })
        .collect_view();
    view! {
        <section class="mce-registry__versions" aria-labelledby="mce-versions-heading">
            <div class="mce-list__head">
                <h2 id="mce-versions-heading">{group.clone()}</h2>
                <label class="mce-field__label" for="mce-approval-filter">"Approval"</label>
                <select id="mce-approval-filter" class="mce-input mce-input--select" on:change=move |event| filter.set(event_target_value(&event))>
                    <option value="">"All"</option>
                    {options}
                </select>
            </div>
            <div class="mce-table-scroll">
                <table class="mce-table mce-registry__table" data-testid="versions">
                    <thead>
                        <tr>
                            {header(SortKey::Version, "Version")}
                            <th scope="col">"Description"</th>
                            {header(SortKey::Created, "Created")}
                            {header(SortKey::Status, "Status")}
                            {header(SortKey::Approval, "Approval")}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn VersionDetails(arn: String) -> impl IntoView {
    let backend = expect_backend();
    let details = RwSignal::new(Load::<ModelPackage>::Loading);
    let reload = {
        let arn = arn.clone();
        move || {
            let Some(connection) = backend.connection() else {
                return;
            };
            let arn = arn.clone();
            leptos::task::spawn_local(async move {
                details.set(match connection.describe(&arn).await {
                    Ok(package) => Load::Loaded(package),
                    Err(error) => Load::Failed(failure("Reading the version", &error)),
                });
            });
        }
    };
    reload();
    move || match details.get() {
        Load::Idle | Load::Loading => {
            view! { <p role="status">"Loading the version…"</p> }.into_any()
        }
        Load::Failed(message) => {
            view! { <p role="alert" class="mce-banner mce-banner--error">{message}</p> }.into_any()
        }
        Load::Loaded(package) => view! { <Details package details /> }.into_any(),
    }
}

#[component]
fn Details(package: ModelPackage, details: RwSignal<Load<ModelPackage>>) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let name = version_name(&package);
    let row = |label: &'static str, value: Option<String>| {
        value
            .filter(|value| !value.is_empty())
            .map(|value| view! { <dt>{label}</dt><dd>{value}</dd> })
    };
    let spec = package.inference_specification.clone().unwrap_or_default();
    let containers = spec
        .containers
        .iter()
        .map(|container| {
            view! {
                <tr>
                    <td><code>{container.image.clone().unwrap_or_default()}</code></td>
                    <td><code>{container.image_digest.clone().unwrap_or_default()}</code></td>
                    <td><code>{container.model_data_url.clone().unwrap_or_default()}</code></td>
                </tr>
            }
        })
        .collect_view();
    let metadata = package
        .customer_metadata_properties
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|(key, value)| view! { <tr><th scope="row">{key}</th><td>{value}</td></tr> })
        .collect_view();
    let card_status = package
        .model_card
        .as_ref()
        .and_then(|card| card.model_card_status.clone());
    let has_card = package
        .model_card
        .as_ref()
        .and_then(|card| card.model_card_content.as_ref())
        .is_some();
    let open = {
        let package = package.clone();
        move |_| {
            if let Err(message) = backend.open_version(session, package.clone()) {
                session.notify(true, message);
            }
        }
    };
    let join = |items: &[String]| items.join(", ");
    view! {
        <article class="mce-registry__details" aria-labelledby="mce-details-heading" data-testid="version-details">
            <div class="mce-list__head">
                <h2 id="mce-details-heading">{name}</h2>
                <button type="button" class="mce-button mce-button--primary" on:click=open>
                    {if has_card { "Edit the card" } else { "Write a card" }}
                </button>
            </div>
            <dl class="mce-print__fields">
                {row("ARN", Some(package.model_package_arn.clone()))}
                {row("Group", package.model_package_group_name.clone())}
                {row("Version", package.model_package_version.map(|v| v.to_string()))}
                {row("Description", package.model_package_description.clone())}
                {row("Created", package.creation_time.map(format_time))}
                {row("Last modified", package.last_modified_time.map(format_time))}
                {row("Status", package.model_package_status.clone())}
                {row("Approval status", package.model_approval_status.clone())}
                {row("Approval description", package.approval_description.clone())}
                {row("Card status", card_status.or_else(|| Some("No card".to_owned())))}
                {row("Content types", Some(join(&spec.supported_content_types)))}
                {row("Response MIME types", Some(join(&spec.supported_response_mime_types)))}
                {row("Real-time instance types", Some(join(&spec.supported_realtime_inference_instance_types)))}
                {row("Batch transform instance types", Some(join(&spec.supported_transform_instance_types)))}
            </dl>
            <h3 id="mce-containers-heading">"Inference containers"</h3>
            // Read-only tables that may scroll sideways take focus, so the
            // keyboard can scroll them too.
            <div class="mce-table-scroll" tabindex="0" role="region" aria-labelledby="mce-containers-heading">
                <table class="mce-table">
                    <thead><tr><th scope="col">"Image"</th><th scope="col">"Digest"</th><th scope="col">"Model data"</th></tr></thead>
                    <tbody>{containers}</tbody>
                </table>
            </div>
            <h3 id="mce-metadata-heading">"Customer metadata"</h3>
            <div class="mce-table-scroll" tabindex="0" role="region" aria-labelledby="mce-metadata-heading">
                <table class="mce-table"><tbody>{metadata}</tbody></table>
            </div>
            <ApprovalForm package=package.clone() on_done=Callback::new(move |package| details.set(Load::Loaded(package))) />
        </article>
    }
}

/// Sets a version's approval status and its description, on its own.
#[component]
pub fn ApprovalForm(
    /// The version.
    package: ModelPackage,
    /// Called with the version as the server then describes it.
    on_done: Callback<ModelPackage>,
) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let status = RwSignal::new(
        package
            .model_approval_status
            .clone()
            .unwrap_or_else(|| "PendingManualApproval".to_owned()),
    );
    let description = RwSignal::new(package.approval_description.clone().unwrap_or_default());
    let busy = RwSignal::new(false);
    let arn = package.model_package_arn.clone();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = UpdateModelPackageInput {
            model_package_arn: arn.clone(),
            model_approval_status: Some(status.get_untracked()),
            approval_description: Some(description.get_untracked()),
            client_token: Some(super::api::new_client_token()),
            ..Default::default()
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match update_and_describe(backend, &input).await {
                Ok(package) => {
                    session.notify(
                        false,
                        format!(
                            "The approval status of {} is now {}.",
                            version_name(&package),
                            package.model_approval_status.clone().unwrap_or_default()
                        ),
                    );
                    on_done.run(package);
                }
                Err(error) => session.notify(true, failure("Setting the approval status", &error)),
            }
            busy.set(false);
        });
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
            <button type="submit" class="mce-button" disabled=move || busy.get()>
                {move || if busy.get() { "Updating…" } else { "Update approval" }}
            </button>
        </form>
    }
}

/// Updates a version, then describes it to confirm what the server holds.
pub async fn update_and_describe(
    backend: Backend,
    input: &UpdateModelPackageInput,
) -> Result<ModelPackage, ServiceError> {
    let connection = backend.connection().ok_or_else(|| {
        ServiceError::local(
            crate::domain::sagemaker::ErrorKind::Network,
            "no backend is configured",
        )
    })?;
    connection.update(input).await?;
    connection.describe(&input.model_package_arn).await
}
