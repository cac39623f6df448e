//! The card's life in the browser: opening cards (with the offer to recover
//! a draft), saving drafts after every edit, and the notices that say what
//! happened. Components call these intents; storage goes through
//! [`super::platform`].

use leptos::prelude::*;
use serde_json::Value;

use super::api::new_client_token;
use super::platform::{
    StorageProblem, clock_time, date_time, forget, now_ms, store_text, stored_text,
};
use super::store::{CardStore, LoadedCard};
use crate::domain::drafts::{
    CardSource, Draft, LAST_SOURCE_KEY, Reconciliation, Recovery, SaveId, TabSaves, decode, encode,
    reconcile, recovery,
};

/// How long after the last edit a draft is saved (and at the latest when
/// the page is hidden or closed).
const SAVE_DELAY_MS: u64 = 400;

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
}

/// One request to open a card, in the order the user made them. Opening
/// takes time (a link, an example, a file being read); an answer that
/// arrives after a later request began is dropped, so a slow link never
/// replaces the card the user has opened since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenRequest(u64);

impl Session {
    /// A session for `store`; call [`Session::start`] once mounted.
    pub fn new(store: CardStore) -> Self {
        Self {
            store,
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
        }
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
        on_cleanup(move || {
            hide.remove();
            hidden.remove();
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
        self.store.load(loaded);
        remember_source(&source);
        self.notify(false, announcement);
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
                true,
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
    /// history. The card being edited is saved first.
    pub fn open_stored_draft(self, key: &str) {
        let draft = match stored_text(key) {
            Ok(Some(text)) => decode(&text),
            Ok(None) => {
                self.notify(
                    true,
                    "That draft is no longer stored: another tab may have deleted it.".to_owned(),
                );
                return;
            }
            Err(problem) => {
                self.notify(true, format!("Could not read the draft: {problem}."));
                return;
            }
        };
        let draft = match draft {
            Ok(draft) => draft,
            Err(problem) => {
                self.notify(true, format!("Could not open it: {problem}."));
                return;
            }
        };
        // A linked card still on its way does not replace this one.
        self.request_open();
        self.save_now();
        let what = draft.source.describe();
        let saved_at = draft.saved_at_ms;
        let source_card = draft.source_card.clone();
        self.continue_from(draft, source_card);
        self.notify(
            false,
            format!("Opened the draft of {what} saved {}.", date_time(saved_at)),
        );
        self.save_now();
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

    /// Continues from the offered draft.
    pub fn restore_draft(self) {
        let Some(PendingRecovery { offer, source_card }) = self.pending.get_untracked() else {
            return;
        };
        if let Recovery::Offer { draft, .. } = offer {
            let saved_at = draft.saved_at_ms;
            self.continue_from(*draft, source_card);
            self.notify(
                false,
                format!("Restored the draft saved at {}.", clock_time(saved_at)),
            );
        }
        self.pending.set(None);
        self.save_now();
    }

    /// Continues from `draft`, departing from `source_card`: its source is
    /// the one open from now on, and its save the last this tab took in.
    fn continue_from(self, draft: Draft, source_card: Value) {
        remember_source(&draft.source);
        let restored = draft.lineage.save.clone();
        self.tab_saves.update_value(|saves| saves.took_in(restored));
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
        self.notify(false, "Discarded the draft.".to_owned());
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

    /// Says something in the notice area.
    pub fn notify(self, error: bool, text: String) {
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
