//! The configured backend as the UI sees it: whether there is one, the
//! session's credentials, which screen shows, and the registry version
//! being edited with the card as it was when opened (the base of the
//! review diff and of conflict detection).

use leptos::prelude::*;
use serde_json::{Value, json};

use super::api::{Connection, fetch_config};
use super::registry::state::RegistryState;
use super::session::Session;
use super::store::{LoadedCard, PackageInfo};
use crate::domain::config::{BackendConfig, Signing, parse_config};
use crate::domain::drafts::CardSource;
use crate::domain::import::import_text;
use crate::domain::registry::start_card::StartingCard;
use crate::domain::resume::{NEEDS_CREDENTIALS_TEXT, NO_REGISTRY_TEXT};
use crate::domain::sagemaker::{ModelPackage, ServiceError};
use crate::domain::sigv4::Credentials;

/// Where `config.json` left the backend.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigState {
    /// Still being read.
    Loading,
    /// No `config.json`: the editor works offline.
    Offline,
    /// A usable backend.
    Ready(BackendConfig),
    /// A `config.json` that cannot be used, and why.
    Broken(String),
}

/// What the main area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The model registry: groups, versions, details.
    Registry,
    /// The card editor.
    Editor,
}

/// A registry version opened for editing.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedVersion {
    /// The version as described when opened (or last submitted).
    pub package: ModelPackage,
    /// Its card as it was then: the review diff's "before".
    pub card: Value,
}

const CREDENTIALS_KEY: &str = "model-card-editor.credentials";

/// The backend context.
#[derive(Clone, Copy)]
pub struct Backend {
    config: RwSignal<ConfigState>,
    credentials: RwSignal<Option<Credentials>>,
    screen: RwSignal<Screen>,
    opened: RwSignal<Option<OpenedVersion>>,
    registry: RegistryState,
}

impl Backend {
    /// Reads `config.json` and any credentials kept for this tab; with a
    /// backend, the registry shows first unless `registry_first` is false
    /// (the page opened a card by link).
    pub fn start(registry_first: bool) -> Self {
        let backend = Self {
            config: RwSignal::new(ConfigState::Loading),
            credentials: RwSignal::new(session_credentials()),
            screen: RwSignal::new(Screen::Editor),
            opened: RwSignal::new(None),
            registry: RegistryState::new(),
        };
        provide_context(backend);
        leptos::task::spawn_local(async move {
            let state = match fetch_config().await {
                Ok(None) => ConfigState::Offline,
                Ok(Some(text)) => match parse_config(&text) {
                    Ok(config) => ConfigState::Ready(config),
                    Err(error) => ConfigState::Broken(error.to_string()),
                },
                Err(error) => ConfigState::Broken(error),
            };
            if registry_first && matches!(state, ConfigState::Ready(_)) {
                backend.screen.set(Screen::Registry);
            }
            backend.config.set(state);
        });
        backend
    }

    /// Where the configuration stands.
    pub fn config(&self) -> ReadSignal<ConfigState> {
        self.config.read_only()
    }

    /// The screen shown.
    pub fn screen(&self) -> ReadSignal<Screen> {
        self.screen.read_only()
    }

    /// Shows a screen.
    pub fn show(&self, screen: Screen) {
        self.screen.set(screen);
    }

    /// Whether the page must sign and has no credentials yet.
    pub fn needs_credentials(&self) -> bool {
        matches!(self.config.get(), ConfigState::Ready(config) if config.signing == Signing::Sigv4)
            && self.credentials.with(Option::is_none)
    }

    /// Uses `credentials` for this session; kept in the tab's session
    /// storage when `remember` (never in local storage).
    pub fn set_credentials(&self, credentials: Option<Credentials>, remember: bool) {
        if let Some(storage) =
            web_sys::window().and_then(|window| window.session_storage().ok().flatten())
        {
            match (&credentials, remember) {
                (Some(credentials), true) => {
                    let stored = json!({
                        "access_key_id": credentials.access_key_id,
                        "secret_access_key": credentials.secret_access_key,
                        "session_token": credentials.session_token,
                    });
                    let _ = storage.set_item(CREDENTIALS_KEY, &stored.to_string());
                }
                _ => {
                    let _ = storage.remove_item(CREDENTIALS_KEY);
                }
            }
        }
        self.credentials.set(credentials);
    }

    /// A connection to call with, when the backend is usable.
    pub fn connection(&self) -> Option<Connection> {
        match self.config.get_untracked() {
            ConfigState::Ready(config) => Some(Connection {
                config,
                credentials: self.credentials.get_untracked(),
            }),
            _ => None,
        }
    }

    /// The registry version being edited.
    pub fn opened(&self) -> ReadSignal<Option<OpenedVersion>> {
        self.opened.read_only()
    }

    /// Records what the server holds now for the version being edited
    /// ("← Registry" leads back to it).
    pub fn set_opened(&self, opened: Option<OpenedVersion>) {
        if let Some(opened) = &opened {
            self.registry.opened(&opened.package);
        }
        self.opened.set(opened);
    }

    /// What the registry screen shows and where the reviewer was on it,
    /// kept while they edit a card.
    pub fn registry(&self) -> RegistryState {
        self.registry
    }

    /// A write to a version succeeded and `package` is the version read
    /// back: the registry screen's row and details show what the server
    /// now holds, without choosing the group again.
    pub fn version_written(&self, package: &ModelPackage) {
        self.registry.described(package);
    }

    /// Opens a version's card in the editor (an absent card opens an empty
    /// one); its draft, if any, is offered back.
    pub fn open_version(self, session: Session, package: ModelPackage) -> Result<(), String> {
        self.open_version_from(session, package, None)
    }

    /// Opens a version as [`Backend::open_version`] does; a version with
    /// no card starts from `start` (what the registry knows, another
    /// version's card) instead of an empty one. The review still compares
    /// with what the server holds: no card.
    pub fn open_version_from(
        self,
        session: Session,
        package: ModelPackage,
        start: Option<StartingCard>,
    ) -> Result<(), String> {
        let card = package.model_card.clone();
        let content = card
            .as_ref()
            .and_then(|card| card.model_card_content.clone());
        let status = card
            .as_ref()
            .and_then(|card| card.model_card_status.clone());
        let imported = import_text(
            &json!({"ModelCardContent": content.unwrap_or_default(), "ModelCardStatus": status})
                .to_string(),
        )
        .map_err(|error| format!("The version's card cannot be opened: {error}."))?;
        let arn = package.model_package_arn.clone();
        let name = version_name(&package);
        let base = imported.card.clone();
        let (card, announcement, to_fill) = match start.filter(|_| imported.had_no_card) {
            Some(start) => (
                start.card,
                format!(
                    "Opened {name}. It has no card yet. {}",
                    start.notes.join(" ")
                ),
                start.to_fill,
            ),
            None if imported.had_no_card => (
                imported.card,
                format!("Opened {name}. It has no card yet: this is a new, empty one."),
                Vec::new(),
            ),
            None => (
                imported.card,
                format!("Opened the card of {name}."),
                Vec::new(),
            ),
        };
        session.open(
            session.request_open(),
            LoadedCard {
                card,
                style: imported.style,
                source: CardSource::ModelPackage(arn.clone()),
                package: PackageInfo {
                    arn: Some(arn),
                    status: imported.status,
                },
            },
            announcement,
        );
        session.mark_to_fill(to_fill);
        self.set_opened(Some(OpenedVersion {
            package,
            card: base,
        }));
        self.screen.set(Screen::Editor);
        Ok(())
    }
}

impl Backend {
    /// Resolves once `config.json` has been read (or found missing or
    /// broken).
    pub async fn settled(self) {
        while self
            .config
            .with_untracked(|config| *config == ConfigState::Loading)
        {
            super::api::sleep(25.0).await;
        }
    }

    /// Describes a version for a draft being restored, once the
    /// configuration is known; when it cannot, why, in words.
    pub async fn describe_version(self, arn: &str) -> Result<ModelPackage, String> {
        let connection = self.ready_connection().await?;
        connection
            .describe(arn)
            .await
            .map_err(|error| error.explain())
    }

    /// A connection once the configuration is known; when there can be
    /// none (no registry, a broken configuration, credentials not given
    /// yet), why, in words.
    pub async fn ready_connection(self) -> Result<Connection, String> {
        self.settled().await;
        let needs_credentials = self.credentials.with_untracked(Option::is_none);
        match self.config.get_untracked() {
            ConfigState::Broken(problem) => Err(format!("{problem}.")),
            ConfigState::Ready(config) if config.signing == Signing::Sigv4 && needs_credentials => {
                Err(NEEDS_CREDENTIALS_TEXT.to_owned())
            }
            ConfigState::Ready(_) => self.connection().ok_or_else(|| NO_REGISTRY_TEXT.to_owned()),
            ConfigState::Offline | ConfigState::Loading => Err(NO_REGISTRY_TEXT.to_owned()),
        }
    }
}

/// "fraud-detector, version 3".
pub fn version_name(package: &ModelPackage) -> String {
    match (
        &package.model_package_group_name,
        package.model_package_version,
    ) {
        (Some(group), Some(version)) => format!("{group}, version {version}"),
        _ => package.model_package_arn.clone(),
    }
}

fn session_credentials() -> Option<Credentials> {
    let storage = web_sys::window()?.session_storage().ok()??;
    let stored: Value = serde_json::from_str(&storage.get_item(CREDENTIALS_KEY).ok()??).ok()?;
    Some(Credentials {
        access_key_id: stored["access_key_id"].as_str()?.to_owned(),
        secret_access_key: stored["secret_access_key"].as_str()?.to_owned(),
        session_token: stored["session_token"].as_str().map(str::to_owned),
    })
}

/// The [`Backend`] the app provided.
pub fn expect_backend() -> Backend {
    expect_context::<Backend>()
}

/// The message for a failed call, with the draft's safety said.
pub fn failure(what: &str, error: &ServiceError) -> String {
    format!("{what} failed. {} Your edits are kept.", error.explain())
}
