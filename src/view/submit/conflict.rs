//! The conflict screen: the version changed on the server since it was
//! opened. It shows what the server changed and the places both sides
//! changed, each with a choice; then merge, overwrite deliberately, or go
//! back to editing. What a merge makes of the card is decided by
//! [`SubmitConflict::resolve`].

use leptos::prelude::*;
use serde_json::Value;

use super::run::{Unconfirmed, run_submit};
use crate::domain::merge::Side;
use crate::domain::review::{ShownValue, StatusMerge, conflict_summary, server_changes};
use crate::domain::submit_plan::{Outcome, SubmitConflict, SubmitMode, entries_between};
use crate::view::backend::{Backend, OpenedVersion, expect_backend, version_name};
use crate::view::conflicts::{
    BesideList, ChangeList, ChangeWords, ConflictChoice, ConflictChoices, ConflictShown,
    ConflictWords,
};
use crate::view::modal::{Modal, open_while_some};
use crate::view::session::expect_session;
use crate::view::store::{CardStore, PackageInfo};

/// The conflict screen, open while `conflict` holds one.
#[component]
pub(super) fn ConflictDialog(
    conflict: RwSignal<Option<SubmitConflict>>,
    outcome: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let backend = expect_backend();
    let session = expect_session();
    let unconfirmed = expect_context::<Unconfirmed>();
    let store: CardStore = session.store();
    // Escape closes the dialog: that is "Keep editing".
    let open = open_while_some(conflict);
    let choices = RwSignal::new(Vec::<Side>::new());
    let status_choice = RwSignal::new(Side::Mine);
    let apply_merge = move |_| {
        let Some(state) = conflict.get_untracked() else {
            return;
        };
        let resolution = state.resolve(&choices.get_untracked(), status_choice.get_untracked());
        rebase_on_theirs(backend, &state);
        store.replace_card(resolution.card);
        if let Some(status) = resolution.status_taken {
            store.set_package(PackageInfo {
                status,
                ..store.package().get_untracked()
            });
        }
        outcome.set(Some(resolution.outcome));
        conflict.set(None);
    };
    let overwrite = move |_| {
        let Some(state) = conflict.get_untracked() else {
            return;
        };
        rebase_on_theirs(backend, &state);
        conflict.set(None);
        leptos::task::spawn_local(run_submit(
            backend,
            session,
            state.approval,
            conflict,
            outcome,
            SubmitMode::Overwrite,
            unconfirmed,
        ));
    };
    let body = move || {
        conflict.get().map(|state| {
            status_choice.set(Side::Mine);
            view! { <ConflictBody state choices status_choice card=store.with_card(Value::clone) /> }
        })
    };
    view! {
        <Modal open title="The version changed on the server".to_owned() id="mce-conflict" wide=true>
            {body}
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" on:click=apply_merge>"Merge"</button>
                <button type="button" class="mce-button mce-button--danger" on:click=overwrite>"Overwrite with my version"</button>
                <button type="button" class="mce-button" on:click=move |_| conflict.set(None)>"Keep editing"</button>
            </div>
        </Modal>
    }
}

/// The server's version becomes the one the card is edited from: the
/// review then compares against it.
fn rebase_on_theirs(backend: Backend, state: &SubmitConflict) {
    backend.set_opened(Some(OpenedVersion {
        package: state.theirs.clone(),
        card: state.theirs_card.clone(),
    }));
}

/// The words of the conflict screen's choices.
const CONFLICT_WORDS: ConflictWords = ConflictWords {
    base: "When you opened it",
    theirs: "On the server now",
    mine: "Your edit",
    keep_mine: "Keep my edit",
    take_theirs: "Take the server's",
};

/// The conflict screen's content: what the server changed (beside the card
/// and in it), then the places both sides changed, each with a choice.
#[component]
fn ConflictBody(
    state: SubmitConflict,
    choices: RwSignal<Vec<Side>>,
    status_choice: RwSignal<Side>,
    card: Value,
) -> impl IntoView {
    let both_changed = state.places_both_changed();
    let status_conflict = status_conflict_choice(&state.status, status_choice);
    view! {
        <p class="mce-review__summary">
            {conflict_summary(&version_name(&state.theirs), state.merge.applied, both_changed)}
        </p>
        <ServerChanges state=state.clone() />
        <section class="mce-review__section" aria-labelledby="mce-conflict-both-heading" hidden=both_changed == 0>
            <h3 id="mce-conflict-both-heading" class="mce-review__heading">"Changed on both sides: choose"</h3>
            <div data-testid="conflicts">
                {status_conflict}
                <ConflictChoices conflicts=state.merge.conflicts.clone() choices card words=CONFLICT_WORDS group="mce-conflict" />
            </div>
        </section>
    }
}

/// The choice for the card status, when both sides changed it
/// differently.
fn status_conflict_choice(status: &StatusMerge, status_choice: RwSignal<Side>) -> Option<AnyView> {
    let StatusMerge::Conflict { base, theirs, mine } = status else {
        return None;
    };
    let conflict = ConflictShown {
        pointer: None,
        place: "Card status".to_owned(),
        base: ShownValue::status(base.as_deref()),
        theirs: ShownValue::status(theirs.as_deref()),
        mine: ShownValue::status(mine.as_deref()),
    };
    let choose = Callback::new(move |side| status_choice.set(side));
    Some(
        view! { <ConflictChoice conflict words=CONFLICT_WORDS name="mce-conflict-status".to_owned() choose /> }
            .into_any(),
    )
}

/// What changed on the server since the version was opened: beside the
/// card, in it, or neither.
#[component]
fn ServerChanges(state: SubmitConflict) -> impl IntoView {
    const CHANGE_WORDS: ChangeWords = ChangeWords {
        before: "When you opened it",
        after: "On the server now",
    };
    let beside = server_changes(&state.opened, &state.theirs);
    let theirs_entries = entries_between(&state.opened_card, &state.theirs_card);
    let nothing_else = beside.is_empty() && theirs_entries.is_empty();
    view! {
        <section class="mce-review__section" aria-labelledby="mce-conflict-theirs-heading">
            <h3 id="mce-conflict-theirs-heading" class="mce-review__heading">"What changed on the server"</h3>
            {(!beside.is_empty()).then(|| view! { <BesideList lines=beside words=CHANGE_WORDS id_prefix="mce-conflict-beside" test_id="conflict-beside" /> })}
            {(!theirs_entries.is_empty()).then(|| view! {
                <ChangeList entries=theirs_entries words=CHANGE_WORDS id_prefix="mce-conflict-change" test_id="conflict-server-changes" />
            })}
            {nothing_else.then(|| view! {
                <p>"Neither the card nor its status or approval: only other details of the version."</p>
            })}
        </section>
    }
}
