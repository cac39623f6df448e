//! The card's life in the browser: opening cards (with the offer to recover
//! a draft, which comes back where the reviewer was and, for a registry
//! version, reopens the version), saving drafts after every edit, and the
//! notices that say what happened. Components call these intents; storage
//! goes through [`super::platform`]. Drafts coming back are in
//! `session/recovery.rs`, where the reviewer is (and going back there) in
//! `session/place.rs`.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use serde_json::Value;

use super::api::new_client_token;
use super::backend::Backend;
use super::platform::{StorageProblem, forget, now_ms, store_text, stored_text};
use super::store::{CardStore, LoadedCard};
use super::view_state::ViewState;
use crate::domain::drafts::{CardSource, LAST_SOURCE_KEY, Recovery, TabSaves, encode};
use crate::domain::registry::to_fill::ToFill;
use crate::domain::resume::{DraftPlace, RegistryBase};

mod place;
mod recovery;

/// How long after the last edit a draft is saved (and at the latest when
/// the page is hidden or closed).
const SAVE_DELAY_MS: u64 = 400;

/// How a notice is said: as an error, announced assertively, or as
/// information.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something failed; the reviewer should know at once.
    Error,
    /// Something happened as asked.
    Info,
}

/// A message about something that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// An error (announced assertively) or information.
    pub error: bool,
    /// What to say.
    pub text: String,
}

/// Where the draft stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing to save: the card is as its source gave it.
    Clean,
    /// Saved at this time.
    Saved(f64),
    /// Not saved, and why: the user should export to keep the work.
    Failed(StorageProblem),
}

/// A draft offered back, waiting for the user's choice.
#[derive(Clone, Debug)]
pub struct PendingRecovery {
    /// The offer.
    pub offer: Recovery,
    /// The source's card as loaded, to fingerprint on restore.
    pub source_card: Value,
}

/// The session's shared state, provided next to the [`CardStore`].
#[derive(Clone, Copy)]
pub struct Session {
    store: CardStore,
    /// Where the views are: a draft notes it, and comes back to it.
    view: ViewState,
    notice: RwSignal<Option<Notice>>,
    save_state: RwSignal<SaveState>,
    pending: RwSignal<Option<PendingRecovery>>,
    save_timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    opening: RwSignal<Option<String>>,
    latest_request: StoredValue<u64>,
    /// This tab's saves, for merging with another tab's (see
    /// [`super::other_tabs`]).
    tab_saves: StoredValue<TabSaves>,
    /// The card the stored draft holds when another tab saved it and this
    /// tab took it in whole: the save that follows need not write it back.
    stored_by_other_tab: StoredValue<Option<Value>>,
    /// Whether the list of stored drafts is shown.
    drafts_shown: RwSignal<bool>,
    /// The backend, to reopen a registry version's draft (attached once
    /// the app has started it).
    backend: StoredValue<Option<Backend>>,
    /// Where the reviewer is in the card, kept with every draft.
    place: StoredValue<DraftPlace>,
    /// The registry base of the draft restored last, kept for its next
    /// saves while its version is not open (it could not be reopened).
    kept_base: StoredValue<Option<RegistryBase>>,
    /// Parts of the card marked to fill for this version, kept with every
    /// draft (see `domain::registry::to_fill`).
    to_fill: RwSignal<Vec<ToFill>>,
}

/// How restoring a draft stands, said beside the action that restores it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Resuming {
    /// Nothing under way.
    #[default]
    Idle,
    /// The draft's registry version is being reopened; what to say.
    Reopening(String),
    /// The card is restored, but its version could not be reopened; why.
    Failed(String),
}

impl Resuming {
    /// Whether the version is being reopened (the actions wait).
    pub fn busy(&self) -> bool {
        matches!(self, Self::Reopening(_))
    }

    /// Whether the card was restored without its version (said why).
    pub fn failed(&self) -> bool {
        matches!(self, Self::Failed(_))
    }
}

/// One request to open a card, in the order the user made them. Opening
/// takes time (a link, an example, a file being read); an answer that
/// arrives after a later request began is dropped, so a slow link never
/// replaces the card the user has opened since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenRequest(u64);

impl Session {
    /// A session for `store`, shown as `view` says; call
    /// [`Session::start`] once mounted.
    pub fn new(store: CardStore, view: ViewState) -> Self {
        Self {
            store,
            view,
            notice: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::Clean),
            pending: RwSignal::new(None),
            save_timer: StoredValue::new_local(None),
            opening: RwSignal::new(None),
            latest_request: StoredValue::new(0),
            // A random token tells this tab's saves from another's.
            // (Not a secret: without secure random numbers, any will do.)
            tab_saves: StoredValue::new(TabSaves::new(
                new_client_token().unwrap_or_else(|_| format!("tab-{}", js_sys::Math::random())),
            )),
            stored_by_other_tab: StoredValue::new(None),
            drafts_shown: RwSignal::new(false),
            backend: StoredValue::new(None),
            place: StoredValue::new(DraftPlace::default()),
            kept_base: StoredValue::new(None),
            to_fill: RwSignal::new(Vec::new()),
        }
    }

    /// Lets the session reopen registry versions through `backend`.
    pub fn attach_backend(self, backend: Backend) {
        self.backend.set_value(Some(backend));
    }

    /// Makes this session the one components find with [`expect_session`].
    pub fn provide(self) -> Self {
        provide_context(self);
        self
    }

    /// Saves a draft after edits, and at once when the page is hidden or
    /// closed; offers a stored draft of the starting card back, unless the
    /// page opens a card by link (`offer_last` false), which comes first.
    pub fn start(self, offer_last: bool) {
        let revision = self.store.revision();
        // Text typed that the card does not hold is kept in the draft too.
        let entries = self.store.entries();
        Effect::new(move |previous: Option<u64>| {
            let current = revision.get();
            entries.track();
            if previous.is_some() {
                self.schedule_save();
            }
            current
        });
        let flush = move || self.save_now();
        let hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let visibility = leptos::prelude::document();
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if visibility.visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        // Where the reviewer is, for the draft to come back there.
        let focus = window_event_listener(leptos::ev::focusin, move |event| {
            if let Some(element) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            {
                self.note_focus(&element);
            }
        });
        on_cleanup(move || {
            hide.remove();
            hidden.remove();
            focus.remove();
        });
        if !offer_last {
            return;
        }
        // After a reload, offer the draft of whatever was open last; its
        // source (a file, say) is not at hand, so the draft's own copy of
        // the source stands in for it.
        let last = stored_text(LAST_SOURCE_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<CardSource>(&text).ok());
        let source = last.unwrap_or_else(|| self.store.source().get_untracked());
        self.offer_draft(&source, None);
    }

    /// Saves the draft shortly (0.4 s on, so that a burst of
    /// changes is saved once). Edits schedule it themselves; a change of
    /// layout alone (Format) is not an edit, so the source view asks.
    pub fn schedule_save(self) {
        if let Some(Some(handle)) = self.save_timer.try_update_value(Option::take) {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || self.save_now(),
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        )
        .ok();
        self.save_timer.set_value(handle);
    }

    /// Saves the draft now (or removes it when the card is back to its
    /// source). Nothing is saved while a recovery offer awaits an answer:
    /// that would overwrite the draft being offered.
    pub fn save_now(self) {
        if let Some(Some(handle)) = self.save_timer.try_update_value(Option::take) {
            handle.clear();
        }
        if self.pending.with_untracked(Option::is_some) {
            return;
        }
        let key = self.store.source().get_untracked().storage_key();
        let stored_by_other_tab = self
            .stored_by_other_tab
            .try_update_value(Option::take)
            .flatten();
        let result = if self.store.matches_source() {
            forget(&key).map(|()| SaveState::Clean)
        } else {
            let saved_at = now_ms();
            let mut draft = self.store.draft(saved_at);
            self.mark_place_and_base(&mut draft);
            if stored_by_other_tab.as_ref() == Some(&draft.card) {
                Ok(SaveState::Saved(saved_at))
            } else {
                self.tab_saves.update_value(|saves| saves.stamp(&mut draft));
                store_text(&key, &encode(&draft)).map(|()| SaveState::Saved(saved_at))
            }
        };
        let state = result.unwrap_or_else(SaveState::Failed);
        if self.save_state.get_untracked() != state {
            self.save_state.set(state);
        }
    }

    /// The card being opened by link as the page starts ("the card at
    /// /cards/x.json"), until it has opened or failed to: the editor says
    /// so instead of showing an empty card first.
    pub fn opening(&self) -> ReadSignal<Option<String>> {
        self.opening.read_only()
    }

    /// Says a card is being opened.
    pub fn set_opening(self, what: String) {
        self.opening.set(Some(what));
    }

    /// Says no card is being opened any more (without waking the editor
    /// when it already knew).
    pub fn stop_opening(self) {
        if self.opening.with_untracked(Option::is_some) {
            self.opening.set(None);
        }
    }

    /// Starts a request to open a card, superseding any still under way
    /// (whose "Opening …" status goes with it).
    pub fn request_open(self) -> OpenRequest {
        self.latest_request.update_value(|latest| *latest += 1);
        self.stop_opening();
        OpenRequest(self.latest_request.get_value())
    }

    /// Whether `request` is still the latest: its answer, card or error, is
    /// still wanted.
    pub fn is_latest(self, request: OpenRequest) -> bool {
        self.latest_request.get_value() == request.0
    }

    /// Opens another card, unless a later request has begun since
    /// `request`. The current card's draft is saved first; if the new
    /// card's source has a draft that differs, it is offered back.
    pub fn open(self, request: OpenRequest, loaded: LoadedCard, announcement: String) {
        if !self.is_latest(request) {
            return;
        }
        self.stop_opening();
        self.save_now();
        let card = loaded.card.clone();
        let source = loaded.source.clone();
        self.tab_saves.update_value(|saves| saves.took_in(None));
        self.place.set_value(DraftPlace::default());
        self.kept_base.set_value(None);
        self.mark_to_fill(Vec::new());
        if !matches!(source, CardSource::ModelPackage(_)) {
            // A registry version's submit bar does not belong to this card.
            self.leave_registry_version();
        }
        self.view.forget_card();
        self.store.load(loaded);
        remember_source(&source);
        self.notify(Tone::Info, announcement);
        self.offer_draft(&source, Some(card));
    }

    /// The parts of the card marked to fill for this version; a mark
    /// stands while its part is empty (`to_fill::standing`).
    pub fn to_fill(self) -> ReadSignal<Vec<ToFill>> {
        self.to_fill.read_only()
    }

    /// Marks `marks` to fill in the card just opened (replacing any).
    pub fn mark_to_fill(self, marks: Vec<ToFill>) {
        if self.to_fill.with_untracked(|current| *current != marks) {
            self.to_fill.set(marks);
        }
    }

    /// Takes away the mark of `section`: the reviewer has said the part
    /// stays empty. The draft keeps that.
    pub fn dismiss_to_fill(self, section: &str) {
        self.to_fill
            .update(|marks| marks.retain(|mark| mark.section != section));
        self.schedule_save();
    }

    /// Says something in the notice area, in `tone`.
    pub fn notify(self, tone: Tone, text: String) {
        let error = tone == Tone::Error;
        self.notice.set(Some(Notice { error, text }));
    }

    /// Clears the notice.
    pub fn dismiss(self) {
        self.notice.set(None);
    }

    /// The latest notice.
    pub fn notice(&self) -> ReadSignal<Option<Notice>> {
        self.notice.read_only()
    }

    /// Where the draft stands.
    pub fn save_state(&self) -> ReadSignal<SaveState> {
        self.save_state.read_only()
    }

    /// The card store this session saves.
    pub fn store(&self) -> CardStore {
        self.store
    }

    /// Where the card's views are.
    pub fn view_state(&self) -> ViewState {
        self.view
    }
}

/// Records which source is open, for the next start.
fn remember_source(source: &CardSource) {
    if let Ok(text) = serde_json::to_string(source) {
        let _ = store_text(LAST_SOURCE_KEY, &text);
    }
}

/// The [`Session`] an ancestor provided.
pub fn expect_session() -> Session {
    expect_context::<Session>()
}
