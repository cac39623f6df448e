//! Drafts coming back: the offer of a stored draft when a card opens,
//! restoring it (a registry version's draft reopens the version), opening
//! or deleting one from the list of drafts, and taking in what another tab
//! saved.

use leptos::prelude::*;
use serde_json::Value;

use super::{PendingRecovery, Resuming, SaveState, Session, Tone, remember_source};
use crate::domain::drafts::{
    CardSource, Draft, Reconciliation, Recovery, SaveId, decode, opened_text, reconcile, recovery,
    restored_text,
};
use crate::domain::resume::{
    NO_REGISTRY_TEXT, not_reopened_text, reopen, reopened_text, reopening_text,
};
use crate::view::backend::{OpenedVersion, version_name};
use crate::view::platform::{StorageProblem, clock_time, date_time, forget, stored_text};

impl Session {
    /// Offers the stored draft of `source`, comparing it with `source_card`
    /// (the source as just loaded) or, without one, with the draft's copy of
    /// its source.
    pub(super) fn offer_draft(self, source: &CardSource, source_card: Option<Value>) {
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
        self.mark_to_fill(draft.to_fill.clone());
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
}

/// One notice from a restore's sentence and, when there is one, what it
/// says of the registry version.
fn joined(first: String, second: Option<String>) -> String {
    match second {
        Some(second) => format!("{first} {second}"),
        None => first,
    }
}
