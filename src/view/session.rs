//! The card's life in the browser: opening cards (with the offer to recover
//! a draft, which comes back where the reviewer was and, for a registry
//! version, reopens the version), saving drafts after every edit, and the
//! notices that say what happened. Components call these intents; storage
//! goes through [`super::platform`].

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use serde_json::Value;

use super::api::new_client_token;
use super::backend::{Backend, OpenedVersion, Screen, version_name};
use super::form::rows::focus_later;
use super::platform::{
    StorageProblem, after_next_frame, clock_time, date_time, forget, now_ms, store_text,
    stored_text,
};
use super::store::{CardStore, LoadedCard};
use super::view_state::{TextPlace, ViewMode, ViewState};
use crate::domain::drafts::{
    CardSource, Draft, LAST_SOURCE_KEY, Reconciliation, Recovery, SaveId, TabSaves, decode, encode,
    opened_text, reconcile, recovery, restored_text,
};
use crate::domain::form::values::field_id;
use crate::domain::pointer::JsonPointer;
use crate::domain::resume::{
    DraftPlace, DraftView, FocusTarget, NO_REGISTRY_TEXT, RegistryBase, TextSpot,
    not_reopened_text, reopen, reopened_text, reopening_text,
};

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
            tab_saves: StoredValue::new(TabSaves::new(new_client_token())),
            stored_by_other_tab: StoredValue::new(None),
            drafts_shown: RwSignal::new(false),
            backend: StoredValue::new(None),
            place: StoredValue::new(DraftPlace::default()),
            kept_base: StoredValue::new(None),
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

    /// Offers the stored draft of `source`, comparing it with `source_card`
    /// (the source as just loaded) or, without one, with the draft's copy of
    /// its source.
    fn offer_draft(self, source: &CardSource, source_card: Option<Value>) {
        let stored = match stored_text(&source.storage_key()) {
            Ok(stored) => stored,
            Err(problem) => {
                self.save_state.set(SaveState::Failed(problem));
                return;
            }
        };
        let Some(text) = stored else { return };
        match decode(&text) {
            Ok(draft) => {
                let source_card = source_card.unwrap_or_else(|| draft.source_card.clone());
                let offer = recovery(Some(draft), &source_card);
                if matches!(offer, Recovery::Offer { .. }) {
                    self.pending
                        .set(Some(PendingRecovery { offer, source_card }));
                }
            }
            Err(problem) => self.notify(
                Tone::Error,
                format!("{problem}. It was left in the browser's storage untouched."),
            ),
        }
    }

    /// The draft offered back, if one awaits an answer.
    pub fn pending_recovery(&self) -> ReadSignal<Option<PendingRecovery>> {
        self.pending.read_only()
    }

    /// Whether the list of stored drafts is shown (the drafts dialog).
    pub fn drafts_shown(&self) -> RwSignal<bool> {
        self.drafts_shown
    }

    /// Continues from a stored draft picked from the list, as a reload
    /// does: the card its source gave, with the draft's edits and undo
    /// history, where the reviewer was; a registry version's draft reopens
    /// the version (see [`Session::restore_draft`]). The card being edited
    /// is saved first. `Ok` once the reviewer can be taken to the place
    /// ([`Session::go_to_place`]); otherwise what to say beside the action
    /// (a failed reopening has restored the card all the same).
    pub async fn open_stored_draft(
        self,
        key: &str,
        progress: RwSignal<Resuming>,
    ) -> Result<(), String> {
        let draft = match stored_text(key) {
            Ok(Some(text)) => decode(&text),
            Ok(None) => {
                return Err(
                    "That draft is no longer stored: another tab may have deleted it.".to_owned(),
                );
            }
            Err(problem) => return Err(format!("Could not read the draft: {problem}.")),
        };
        let draft = draft.map_err(|problem| format!("Could not open it: {problem}."))?;
        // A linked card still on its way does not replace this one.
        self.request_open();
        self.save_now();
        let opened = opened_text(&draft.source.describe(), &date_time(draft.saved_at_ms));
        let source_card = draft.source_card.clone();
        let reopened = self.resume(draft, source_card, progress).await?;
        self.notify(Tone::Info, joined(opened, reopened));
        self.save_now();
        Ok(())
    }

    /// Deletes a stored draft the user chose to delete. When drafts could
    /// not be saved for want of space, the card being edited is saved
    /// again into the space freed.
    pub fn delete_stored_draft(self, key: &str) -> Result<(), StorageProblem> {
        forget(key)?;
        if matches!(self.save_state.get_untracked(), SaveState::Failed(_)) {
            self.save_now();
        }
        Ok(())
    }

    /// Continues from the offered draft, where the reviewer was. A
    /// registry version's draft reopens the version as "Edit the card"
    /// does, to submit against what the registry held when it was opened;
    /// when it cannot be reopened, the card is restored all the same,
    /// `progress` says why (beside the action, which may be tried again)
    /// and the draft is kept.
    pub fn restore_draft(self, progress: RwSignal<Resuming>) {
        let Some(PendingRecovery { offer, source_card }) = self.pending.get_untracked() else {
            return;
        };
        let Recovery::Offer { draft, .. } = offer else {
            self.pending.set(None);
            return;
        };
        if progress.with_untracked(Resuming::busy) {
            return;
        }
        leptos::task::spawn_local(async move {
            let restored = restored_text(&clock_time(draft.saved_at_ms));
            if let Ok(reopened) = self.resume(*draft, source_card, progress).await {
                self.pending.set(None);
                self.notify(Tone::Info, joined(restored, reopened));
                self.save_now();
                self.go_to_place();
            }
        });
    }

    /// Goes on with a restored draft whose registry version could not be
    /// reopened: the offer is answered, and the reviewer taken to the place.
    pub fn go_on_without_registry(self, progress: RwSignal<Resuming>) {
        progress.set(Resuming::Idle);
        self.pending.set(None);
        self.save_now();
        self.go_to_place();
    }

    /// Restores `draft` (departing from `source_card`, or for a registry
    /// version's draft from the card it was started from), with the editor
    /// shown; a registry version's draft reopens the version. `Ok` with
    /// what to say of the version, if any; `Err` with why it could not be
    /// reopened (the card is restored all the same).
    async fn resume(
        self,
        draft: Draft,
        source_card: Value,
        progress: RwSignal<Resuming>,
    ) -> Result<Option<String>, String> {
        let backend = self.backend.get_value();
        if let Some(backend) = backend {
            // Once the configuration is known: reading it shows the registry
            // first, which must not cover the card restored.
            backend.settled().await;
        }
        let CardSource::ModelPackage(arn) = draft.source.clone() else {
            self.continue_from(draft, source_card);
            self.leave_registry_version();
            self.show_editor();
            return Ok(None);
        };
        progress.set(Resuming::Reopening(reopening_text(&arn)));
        let described = match backend {
            Some(backend) => backend
                .describe_version(&arn)
                .await
                .map(|described| (backend, described)),
            None => Err(NO_REGISTRY_TEXT.to_owned()),
        };
        let base = draft.registry_base.clone();
        let base_card = draft.source_card.clone();
        self.continue_from(draft, base_card.clone());
        self.show_editor();
        match described {
            Ok((backend, described)) => {
                let reopened = reopen(described, base.as_ref(), &base_card);
                let said = reopened_text(&version_name(&reopened.package), reopened.changed_since);
                backend.set_opened(Some(OpenedVersion {
                    package: reopened.package,
                    card: reopened.card,
                }));
                progress.set(Resuming::Idle);
                Ok(Some(said))
            }
            Err(reason) => {
                self.leave_registry_version();
                let said = not_reopened_text(&arn, &reason);
                progress.set(Resuming::Failed(said.clone()));
                Err(said)
            }
        }
    }

    /// Continues from `draft`, departing from `source_card`: its source is
    /// the one open from now on, and its save the last this tab took in.
    fn continue_from(self, draft: Draft, source_card: Value) {
        remember_source(&draft.source);
        self.place.set_value(draft.place.clone());
        self.kept_base.set_value(draft.registry_base.clone());
        let restored = draft.lineage.save.clone();
        self.tab_saves.update_value(|saves| saves.took_in(restored));
        self.view.forget_card();
        self.store.restore(draft, source_card);
    }

    /// Throws the offered draft away (the user chose to).
    pub fn discard_draft(self) {
        let Some(PendingRecovery { offer, .. }) = self.pending.get_untracked() else {
            return;
        };
        self.pending.set(None);
        if let Recovery::Offer { draft, .. } = offer {
            let _ = forget(&draft.source.storage_key());
        }
        self.notify(Tone::Info, "Discarded the draft.".to_owned());
        self.save_now();
    }

    /// Reconciles this tab's card with the draft of it another tab saved.
    pub fn reconcile_with(self, theirs: &Draft) -> Reconciliation {
        // Cloned first: reading the card may parse text typed in the
        // source view, which changes the store.
        let mine = self.store.with_card(Value::clone);
        self.store.with_source(|card, fingerprint| {
            self.tab_saves.with_value(|saves| {
                reconcile(
                    (card, fingerprint),
                    saves.common_with(theirs),
                    theirs,
                    &mine,
                )
            })
        })
    }

    /// Notes that this tab's card now holds all of another tab's save
    /// `save`; with `stored_card`, that the stored draft (that tab's) is
    /// exactly this tab's card, so the save that follows writes nothing
    /// (writing it back would only make that tab merge its own card).
    pub fn took_in(self, save: Option<SaveId>, stored_card: Option<Value>) {
        self.tab_saves.update_value(|saves| saves.took_in(save));
        self.stored_by_other_tab.set_value(stored_card);
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

impl Session {
    /// Shows the card (not the registry).
    fn show_editor(self) {
        if let Some(backend) = self.backend.get_value() {
            backend.show(Screen::Editor);
        }
    }

    /// Forgets the registry version being edited: the card open now is not
    /// its card.
    fn leave_registry_version(self) {
        if let Some(backend) = self.backend.get_value()
            && backend.opened().with_untracked(Option::is_some)
        {
            backend.set_opened(None);
        }
    }

    /// Notes where focus went in the card: the form field (by its
    /// `data-path`) and the section it is in.
    fn note_focus(self, element: &web_sys::Element) {
        if element.closest(".mce-form").ok().flatten().is_none() {
            return;
        }
        let attribute = |selector: &str, name: &str| {
            element
                .closest(selector)
                .ok()
                .flatten()
                .and_then(|found| found.get_attribute(name))
        };
        let path = attribute("[data-path]", "data-path");
        let section = attribute("[data-section]", "data-section");
        self.place
            .update_value(|place| place.focused(path.as_deref(), section.as_deref()));
    }

    /// Puts where the reviewer is, and the registry version's base, into a
    /// draft about to be saved.
    fn mark_place_and_base(self, draft: &mut Draft) {
        let mode = self.view.mode().get_untracked();
        let mut place = self.place.get_value();
        place.view = view_of(mode);
        place.text = (mode == ViewMode::Source)
            .then(|| source_text_spot().or_else(|| self.view.text_place().map(spot_of)))
            .flatten();
        draft.place = place;
        let CardSource::ModelPackage(arn) = &draft.source else {
            return;
        };
        let from_opened = self.backend.get_value().and_then(|backend| {
            backend.opened().with_untracked(|opened| {
                opened
                    .as_ref()
                    .filter(|opened| &opened.package.model_package_arn == arn)
                    .map(|opened| {
                        RegistryBase::of(&opened.package, &opened.card, &draft.source_card)
                    })
            })
        });
        draft.registry_base =
            from_opened.or_else(|| self.kept_base.get_value().filter(|base| &base.arn == arn));
    }

    /// Takes the reviewer where the restored draft was left: its view (the
    /// editor shown), and focus on its field, its section or the view's
    /// tab, scrolled into view.
    pub fn go_to_place(self) {
        let place = self.place.get_value();
        let view = self.view;
        view.set_mode(mode_of(place.view));
        if let Some(spot) = place.text {
            view.set_text_place(TextPlace {
                scroll: spot.scroll,
                selection: spot.selection,
            });
        }
        self.show_editor();
        leptos::task::spawn_local(async move {
            // Past the frame in which a view shown puts back its own scroll.
            after_next_frame().await;
            match place.focus() {
                FocusTarget::Field(pointer) => view.reveal(pointer),
                FocusTarget::Section(key) => {
                    let id = field_id(&JsonPointer::from_tokens([key]).to_string());
                    if let Some(section) = shown_element(&id).await {
                        focus_section(&section, &format!("{id}-heading"));
                    }
                }
                FocusTarget::SourceText(spot) => {
                    if let Some(text) = shown_element(SOURCE_TEXT_ID).await {
                        focus_text(text, spot);
                    }
                }
                FocusTarget::Tab(view) => focus_later(super::app::tab_id(mode_of(view)).to_owned()),
            }
        });
    }
}

/// The store's view for a draft's.
fn mode_of(view: DraftView) -> ViewMode {
    match view {
        DraftView::Form => ViewMode::Form,
        DraftView::Source => ViewMode::Source,
        DraftView::Preview => ViewMode::Preview,
    }
}

/// A draft's view for the store's.
fn view_of(mode: ViewMode) -> DraftView {
    match mode {
        ViewMode::Form => DraftView::Form,
        ViewMode::Source => DraftView::Source,
        ViewMode::Preview => DraftView::Preview,
    }
}

/// The source view's text box.
const SOURCE_TEXT_ID: &str = "mce-source-text";

/// Where the source view's text box is now, read from it (text typed
/// through an input method moves the caret without a key going up, so the
/// place the view remembers on keys can lag behind).
fn source_text_spot() -> Option<TextSpot> {
    let text = document()
        .get_element_by_id(SOURCE_TEXT_ID)?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    let start = text.selection_start().ok().flatten()?;
    let end = text.selection_end().ok().flatten()?;
    Some(TextSpot {
        selection: (start, end),
        scroll: (text.scroll_top(), text.scroll_left()),
    })
}

/// A draft's text spot for the place the source view remembers.
fn spot_of(place: TextPlace) -> TextSpot {
    TextSpot {
        selection: place.selection,
        scroll: place.scroll,
    }
}

/// The element with `id` once it is on the page (a view being shown is
/// built within a few ticks), or `None` after a few frames.
async fn shown_element(id: &str) -> Option<web_sys::Element> {
    for attempt in 0..12 {
        if let Some(element) = document().get_element_by_id(id) {
            return Some(element);
        }
        if attempt < 8 {
            leptos::task::tick().await;
        } else {
            after_next_frame().await;
        }
    }
    None
}

/// Focuses a form section with its heading at the top of the view (a tall
/// section centred would put its heading out of sight).
fn focus_section(section: &web_sys::Element, heading_id: &str) {
    if let Some(heading) = document().get_element_by_id(heading_id) {
        heading.scroll_into_view_with_bool(true);
    }
    if let Some(section) = section.dyn_ref::<web_sys::HtmlElement>() {
        let _ = section.focus();
    }
}

/// Focuses the source text box with the selection and scroll it had.
fn focus_text(text: web_sys::Element, spot: TextSpot) {
    let Ok(text) = text.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return;
    };
    let (start, end) = spot.selection;
    let _ = text.set_selection_range(start, end);
    let _ = text.focus();
    text.set_scroll_top(spot.scroll.0);
    text.set_scroll_left(spot.scroll.1);
}

/// One notice from a restore's sentence and, when there is one, what it
/// says of the registry version.
fn joined(first: String, second: Option<String>) -> String {
    match second {
        Some(second) => format!("{first} {second}"),
        None => first,
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
