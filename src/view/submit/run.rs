//! Running a submit against the server: the steps of the plan in
//! [`crate::domain::submit_plan`] that wait on the network, each saying
//! where it stands beside the bar.

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::review::ApprovalAsked;
use crate::domain::sagemaker::ModelPackage;
use crate::domain::submit_plan::{
    CHECKING, Outcome, SUBMITTING, Submission, SubmitConflict, SubmitMode, card_status_or_default,
    check_server,
};
use crate::view::api::new_client_token;
use crate::view::backend::{Backend, OpenedVersion, failure, version_name};
use crate::view::session::Session;
use crate::view::store::PackageInfo;

/// Submits the card: checks the server first (unless `mode` is
/// [`SubmitMode::Overwrite`]), sends one update under one token, reads the
/// version back. Says how it went in `outcome`; a version changed meanwhile
/// goes to `conflict`.
pub(super) async fn run_submit(
    backend: Backend,
    session: Session,
    approval: Option<ApprovalAsked>,
    conflict: RwSignal<Option<SubmitConflict>>,
    outcome: RwSignal<Option<Outcome>>,
    mode: SubmitMode,
    unconfirmed: Unconfirmed,
) {
    // One submit at a time: a second would race the first under another
    // token.
    if matches!(outcome.get_untracked(), Some(Outcome::Working(_))) {
        return;
    }
    let store = session.store();
    let Some(mut opened) = backend.opened().get_untracked() else {
        return;
    };
    let Some(connection) = backend.connection() else {
        return;
    };
    if mode == SubmitMode::CheckFirst {
        outcome.set(Some(Outcome::Working(CHECKING.to_owned())));
        let current = match connection.describe(&opened.package.model_package_arn).await {
            Ok(current) => current,
            Err(error) => {
                outcome.set(Some(Outcome::Failed(failure("Submitting", &error))));
                return;
            }
        };
        // The last submit was stored but not confirmed: if the version
        // holds it, that change is the reviewer's own, the base from now.
        if let Some(mine) = unconfirmed.0.get_value()
            && mine.arn == current.model_package_arn
            && mine.is_held_by(&current)
        {
            store.rebase(mine.card.clone());
            opened = OpenedVersion {
                package: current.clone(),
                card: mine.card,
            };
            backend.set_opened(Some(opened.clone()));
        }
        unconfirmed.0.set_value(None);
        if let Some(stopped) = stop_if_changed(session, &opened, current, &approval, conflict) {
            outcome.set(Some(stopped));
            return;
        }
    }
    outcome.set(Some(Outcome::Working(SUBMITTING.to_owned())));
    let submission = Submission {
        arn: opened.package.model_package_arn.clone(),
        card: store.with_card(Value::clone),
        status: card_status_or_default(store.package().get_untracked().status),
        approval,
    };
    let token = match new_client_token() {
        Ok(token) => token,
        Err(why) => {
            outcome.set(Some(Outcome::Failed(why)));
            return;
        }
    };
    let input = submission.update_input(token);
    if let Err(error) = connection.update(&input).await {
        outcome.set(Some(Outcome::Failed(failure("Submitting", &error))));
        return;
    }
    match connection.describe(&submission.arn).await {
        Ok(package) => match submission.read_back(&package, &version_name(&package)) {
            Ok(told) => accept(backend, session, submission, package, told, outcome),
            Err(failed) => outcome.set(Some(failed)),
        },
        Err(error) => {
            let said =
                submission.unconfirmed_message(&version_name(&opened.package), &error.explain());
            unconfirmed.0.set_value(Some(submission));
            outcome.set(Some(Outcome::Failed(said)));
        }
    }
}

/// The last submit, when the service stored it but reading the version
/// back failed: the next submit recognises it on the server as the
/// reviewer's own change rather than a conflict. Provided by the submit
/// bar, one per page.
#[derive(Clone, Copy)]
pub(super) struct Unconfirmed(pub StoredValue<Option<Submission>>);

/// Compares the version on the server now (`current`) with the one
/// opened: when it changed, the conflict goes to `conflict` (when its card
/// can be read) and what to say beside the bar comes back; `None` to go on.
fn stop_if_changed(
    session: Session,
    opened: &OpenedVersion,
    current: ModelPackage,
    approval: &Option<ApprovalAsked>,
    conflict: RwSignal<Option<SubmitConflict>>,
) -> Option<Outcome> {
    let store = session.store();
    let version = version_name(&current);
    let my_status = store.package().get_untracked().status;
    let check = store.with_card(|mine| {
        check_server(
            &opened.package,
            &opened.card,
            current,
            mine,
            my_status.as_deref(),
            approval.clone(),
        )
    });
    let said = check.outcome(&version)?;
    if let Some(found) = check.into_conflict() {
        conflict.set(Some(found));
    }
    Some(said)
}

/// The version read back holds the card submitted: it becomes the version
/// the card is edited from, and the draft is saved.
fn accept(
    backend: Backend,
    session: Session,
    submission: Submission,
    package: ModelPackage,
    told: Outcome,
    outcome: RwSignal<Option<Outcome>>,
) {
    let store = session.store();
    store.rebase(submission.card.clone());
    store.set_package(PackageInfo {
        arn: Some(package.model_package_arn.clone()),
        status: Some(submission.status),
    });
    outcome.set(Some(told));
    backend.version_written(&package);
    backend.set_opened(Some(OpenedVersion {
        package,
        card: submission.card,
    }));
    session.save_now();
}
