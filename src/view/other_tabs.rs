//! The same card open in two tabs. Each tab saves its draft under the
//! card's source, so without this the tab that saved last would silently
//! replace the other's draft, and a reload would bring back only one tab's
//! edits. When another tab saves the card this tab is editing (the
//! browser's `storage` event), its changes are merged in, three-way from
//! the last card both tabs held (see [`crate::domain::drafts::TabSaves`];
//! only when both started from the same card): edits to different places
//! are simply taken in (and this tab's merged card is saved, which the
//! other tab takes in the same way), and places both tabs changed are
//! asked about.

use leptos::prelude::*;
use serde_json::Value;

use super::conflicts::{ConflictChoices, ConflictWords};
use super::modal::{Modal, open_while_some};
use super::platform::clock_time;
use super::session::{Session, Tone, expect_session};
use crate::domain::drafts::{Reconciliation, SaveId, decode};
use crate::domain::merge::{Merge, Side, resolve};

/// Another tab's changes that collide with this tab's, awaiting a choice.
#[derive(Clone, Debug, PartialEq)]
struct Clash {
    merge: Merge,
    /// When the other tab saved.
    saved_at_ms: f64,
    /// Which save it was.
    save: Option<SaveId>,
}

/// Reacts to another tab saving (or removing) the draft of this tab's card.
fn on_other_tab_saved(session: Session, clash: RwSignal<Option<Clash>>, text: Option<String>) {
    let store = session.store();
    // A draft being offered back is the user's to decide on first.
    if session.pending_recovery().with_untracked(Option::is_some) {
        return;
    }
    let Some(text) = text else {
        // The other tab discarded the draft or got back to the source:
        // this tab's edits must not go with it.
        session.took_in(None, None);
        if !store.matches_source() {
            session.save_now();
        }
        return;
    };
    let Ok(draft) = decode(&text) else {
        return;
    };
    match session.reconcile_with(&draft) {
        Reconciliation::OtherCard => {}
        Reconciliation::Nothing => session.took_in(draft.lineage.save.clone(), None),
        Reconciliation::SaveMine => {
            session.took_in(draft.lineage.save.clone(), None);
            session.save_now();
        }
        Reconciliation::TakeIn(merged) => {
            let whole = (merged == draft.card).then(|| merged.clone());
            session.took_in(draft.lineage.save.clone(), whole);
            store.replace_card(merged);
            session.notify(
                Tone::Info,
                format!(
                    "Took in the changes another tab saved at {}; this tab's edits are kept. Undo takes them back out.",
                    clock_time(draft.saved_at_ms)
                ),
            );
        }
        Reconciliation::Ask(merge) => clash.set(Some(Clash {
            merge,
            saved_at_ms: draft.saved_at_ms,
            save: draft.lineage.save,
        })),
    }
}

/// Watches for other tabs saving this card, and asks about clashes.
#[component]
pub fn OtherTabs() -> impl IntoView {
    let session = expect_session();
    let store = session.store();
    let clash = RwSignal::new(None::<Clash>);
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        let key = store.source().with_untracked(|source| source.storage_key());
        if event.key().as_deref() == Some(key.as_str()) {
            on_other_tab_saved(session, clash, event.new_value());
        }
    });
    on_cleanup(move || listener.remove());

    // Escape closes the dialog: that is "Keep editing".
    let open = open_while_some(clash);
    let choices = RwSignal::new(Vec::<Side>::new());
    let apply = move |_| {
        let Some(state) = clash.get_untracked() else {
            return;
        };
        session.took_in(state.save.clone(), None);
        store.replace_card(resolve(&state.merge, &choices.get_untracked()));
        session.notify(
            Tone::Info,
            format!(
                "Merged with the other tab's changes: {} of this tab's edits kept as they were, {} {} chosen. Undo takes the merge back.",
                state.merge.applied,
                state.merge.conflicts.len(),
                if state.merge.conflicts.len() == 1 { "place" } else { "places" }
            ),
        );
        clash.set(None);
    };
    let body = move || {
        clash.get().map(|state| {
            let card = store.with_card(Value::clone);
            let words = ConflictWords {
                base: "Before, in both tabs",
                theirs: "In the other tab",
                mine: "In this tab",
                keep_mine: "Keep this tab's",
                take_theirs: "Take the other tab's",
            };
            let count = state.merge.conflicts.len();
            view! {
                <p>
                    {format!(
                        "This card is open in another tab too, which saved it at {}. Its other changes merge with this tab's; {} {} changed in both:",
                        clock_time(state.saved_at_ms),
                        count,
                        if count == 1 { "place was" } else { "places were" }
                    )}
                </p>
                <div data-testid="other-tab-conflicts">
                    <ConflictChoices conflicts=state.merge.conflicts card words choices group="mce-other-tab" />
                </div>
                <p>"Keep editing leaves this tab as it is; its next save then replaces the other tab's draft, and that tab is asked the same."</p>
            }
        })
    };
    view! {
        <Modal open title="This card changed in another tab".to_owned() id="mce-other-tab">
            {body}
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" on:click=apply>"Merge"</button>
                <button type="button" class="mce-button" on:click=move |_| clash.set(None)>"Keep editing"</button>
            </div>
        </Modal>
    }
}
