//! The model registry: model package groups (searched by name), a group's
//! versions (sortable, filtered by approval status and by what is typed,
//! with their card statuses), and a version's details, from where its card
//! opens in the editor and its approval is set. What the screen shows is
//! kept in [`state::RegistryState`] while the reviewer edits a card, so it
//! comes back as they left it, and every write updates it.

mod details;
mod groups;
pub mod state;
mod versions;
mod write_card;

use leptos::prelude::*;

use self::details::VersionDetails;
use self::groups::GroupList;
use self::versions::Versions;
use super::backend::{Backend, expect_backend};
use crate::domain::sagemaker::{ModelPackage, ServiceError, UpdateModelPackageInput};
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

/// The groups, the chosen group's versions and the chosen version, as the
/// reviewer left them.
#[component]
fn Browser() -> impl IntoView {
    let backend = expect_backend();
    let state = backend.registry();
    state.show(backend);
    let place = state.place();
    let group = Memo::new(move |_| place.with(|place| place.group.clone()));
    let version_chosen = Memo::new(move |_| place.with(|place| place.version.is_some()));
    view! {
        <div class="mce-registry" data-testid="registry">
            <GroupList />
            <div class="mce-registry__main">
                {move || group.get().map(|group| view! { <Versions group /> })}
                {move || version_chosen.get().then(|| view! { <VersionDetails /> })}
            </div>
        </div>
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
