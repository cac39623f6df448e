//! The submit workflow's decisions, apart from the network and the page:
//! whether the version changed on the server since it was opened (and if
//! so, the three-way merge the conflict screen shows), the update the
//! submit sends, whether the version read back holds the card sent, and
//! what a merge on the conflict screen makes of the card and its status.
//!
//! The view (`view/submit/`) runs this plan: it asks the server, hands
//! the answers here, and shows what comes back. Every sentence said beside
//! the submit bar is made here, so each branch is tested natively.

use serde_json::Value;

use super::form::card_form;
use super::import::import_text;
use super::merge::{Merge, Side, diff, merge, resolve};
use super::review::{
    ApprovalAsked, ReviewEntry, StatusMerge, merge_card_status, merged_message, review_entries,
    server_card_status, submitted_message,
};
use super::sagemaker::{ModelCard, ModelPackage, UpdateModelPackageInput};

/// The card status of a card that has none yet: what the bar shows and
/// what a submit sends.
pub const DEFAULT_CARD_STATUS: &str = "Draft";

/// Said while the version is checked on the server.
pub const CHECKING: &str = "Checking the version on the server…";

/// Said while the update is sent.
pub const SUBMITTING: &str = "Submitting…";

/// Said when the server accepted the update but reading the version back
/// shows another card: nothing is taken as submitted.
pub const READ_BACK_DIFFERS: &str = "The server accepted the update, but reading it back shows a different card. Your edits are kept; submit again or check the version.";

/// Whether a submit first checks that the version is unchanged on the
/// server. A type rather than a `bool`, so each call says which it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubmitMode {
    /// Check first: a version changed meanwhile is not overwritten, its
    /// changes are shown on the conflict screen instead.
    CheckFirst,
    /// The reviewer chose, on the conflict screen, to overwrite the
    /// server's changes: send without checking again.
    Overwrite,
}

/// Where a submit stands, said beside the submit bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Under way.
    Working(String),
    /// Done, or what the reviewer should know.
    Told(String),
    /// Failed, and why.
    Failed(String),
}

/// The card status a submit sends: the one chosen in the bar, else
/// [`DEFAULT_CARD_STATUS`].
pub fn card_status_or_default(status: Option<String>) -> String {
    status.unwrap_or_else(|| DEFAULT_CARD_STATUS.to_owned())
}

/// The card a described version holds (empty when it has none), read as
/// an imported card is, so it compares with the card being edited.
pub fn server_card(package: &ModelPackage) -> Result<Value, String> {
    let content = package
        .model_card
        .as_ref()
        .and_then(|card| card.model_card_content.clone())
        .unwrap_or_default();
    import_text(&serde_json::json!({ "ModelCardContent": content }).to_string())
        .map(|imported| imported.card)
        .map_err(|error| format!("the server's card cannot be read: {error}"))
}

/// The changes from `old` to `new` as the review lists them.
pub fn entries_between(old: &Value, new: &Value) -> Vec<ReviewEntry> {
    review_entries(&card_form().root, old, new, &diff(old, new))
}

/// A version that changed on the server since it was opened: everything
/// the conflict screen shows and its choices need.
#[derive(Clone, Debug, PartialEq)]
pub struct SubmitConflict {
    /// The reviewer's edits merged into the server's card.
    pub merge: Merge,
    /// The version as it was opened: what the server changed is against it.
    pub opened: ModelPackage,
    /// Its card as it was opened.
    pub opened_card: Value,
    /// The version on the server now.
    pub theirs: ModelPackage,
    /// Its card.
    pub theirs_card: Value,
    /// How the card status merges.
    pub status: StatusMerge,
    /// The approval the interrupted submit was to set, kept for an
    /// overwrite.
    pub approval: Option<ApprovalAsked>,
}

/// What the check before a submit found.
#[derive(Clone, Debug, PartialEq)]
pub enum ServerCheck {
    /// The version is as it was opened: go on and submit.
    Unchanged,
    /// It changed: not submitted; the conflict screen shows this.
    Changed(Box<SubmitConflict>),
    /// It changed, and its card cannot be read (why, in a phrase): not
    /// submitted.
    Unreadable(String),
}

impl ServerCheck {
    /// What to say beside the bar when the submit stops here (`version` is
    /// the version's name); `None` when it goes on.
    pub fn outcome(&self, version: &str) -> Option<Outcome> {
        match self {
            Self::Unchanged => None,
            Self::Changed(_) => Some(Outcome::Told(format!(
                "Not submitted: {version} changed on the server since you opened it. Your edits are kept."
            ))),
            Self::Unreadable(why) => Some(Outcome::Failed(format!(
                "The version changed on the server, and {why}. Your edits are kept."
            ))),
        }
    }

    /// The conflict to show, when there is one.
    pub fn into_conflict(self) -> Option<SubmitConflict> {
        match self {
            Self::Changed(conflict) => Some(*conflict),
            _ => None,
        }
    }
}

/// Compares the version as it was opened (`opened`, holding `opened_card`)
/// with the version on the server now (`current`): changed when its last
/// modification time differs. A changed version is merged three ways with
/// the reviewer's card (`mine`) and card status (`my_status`); `approval`
/// is kept for an overwrite.
pub fn check_server(
    opened: &ModelPackage,
    opened_card: &Value,
    current: ModelPackage,
    mine: &Value,
    my_status: Option<&str>,
    approval: Option<ApprovalAsked>,
) -> ServerCheck {
    if current.last_modified_time == opened.last_modified_time {
        return ServerCheck::Unchanged;
    }
    match server_card(&current) {
        Ok(theirs_card) => {
            let status = merge_card_status(
                server_card_status(opened),
                server_card_status(&current),
                my_status,
            );
            ServerCheck::Changed(Box::new(SubmitConflict {
                merge: merge(opened_card, &theirs_card, mine),
                opened: opened.clone(),
                opened_card: opened_card.clone(),
                theirs: current,
                theirs_card,
                status,
                approval,
            }))
        }
        Err(why) => ServerCheck::Unreadable(why),
    }
}

/// What a merge on the conflict screen makes of the card and its status.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeResolution {
    /// The card to edit on: the merge, each conflict resolved as chosen.
    pub card: Value,
    /// The server's card status, when it is taken (itself maybe none).
    pub status_taken: Option<Option<String>>,
    /// What to say beside the bar.
    pub outcome: Outcome,
}

impl SubmitConflict {
    /// How many places both sides changed: the card's conflicts, and the
    /// card status when both changed it differently.
    pub fn places_both_changed(&self) -> usize {
        self.merge.conflicts.len()
            + usize::from(matches!(self.status, StatusMerge::Conflict { .. }))
    }

    /// The merge with each card conflict resolved as `choices` say and the
    /// card status as `status_choice` says (when the status conflicts).
    pub fn resolve(&self, choices: &[Side], status_choice: Side) -> MergeResolution {
        let status_taken = match &self.status {
            StatusMerge::TakeTheirs(theirs) => Some(theirs.clone()),
            StatusMerge::Conflict { theirs, .. } if status_choice == Side::Theirs => {
                Some(theirs.clone())
            }
            _ => None,
        };
        let outcome = Outcome::Told(merged_message(
            self.merge.applied,
            self.places_both_changed(),
            status_taken.clone().flatten().as_deref(),
        ));
        MergeResolution {
            card: resolve(&self.merge, choices),
            status_taken,
            outcome,
        }
    }
}

/// What a submit sends: the card, with its status and (when asked) the
/// approval, to the version at `arn`.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    /// The version's ARN.
    pub arn: String,
    /// The card as it is sent.
    pub card: Value,
    /// Its card status.
    pub status: String,
    /// The approval to set besides, when asked.
    pub approval: Option<ApprovalAsked>,
}

impl Submission {
    /// The `UpdateModelPackage` input, under `client_token`: one token for
    /// one submit, so its retries are applied once.
    pub fn update_input(&self, client_token: String) -> UpdateModelPackageInput {
        UpdateModelPackageInput {
            model_package_arn: self.arn.clone(),
            model_card: Some(ModelCard {
                model_card_content: Some(serde_json::to_string(&self.card).unwrap_or_default()),
                model_card_status: Some(self.status.clone()),
            }),
            model_approval_status: self.approval.as_ref().map(|asked| asked.status.clone()),
            approval_description: self
                .approval
                .as_ref()
                .map(|asked| asked.description.clone()),
            client_token: Some(client_token),
        }
    }

    /// Whether `current`, the version as read later, holds this
    /// submission: its card and card status. A submit the service stored
    /// but that could not be read back is then the reviewer's own change,
    /// not someone else's, and the next submit goes on from it.
    pub fn is_held_by(&self, current: &ModelPackage) -> bool {
        server_card(current).ok().as_ref() == Some(&self.card)
            && server_card_status(current) == Some(self.status.as_str())
    }

    /// What to say when the service accepted the update but reading the
    /// version back failed (`reason`): stored, not confirmed.
    pub fn unconfirmed_message(&self, version: &str, reason: &str) -> String {
        format!(
            "Stored, not confirmed: {version} accepted the update, but reading it back failed. {reason} Your edits are kept; the next submit checks the version and goes on from this one if it holds it."
        )
    }

    /// Checks the version read back after the update (`package`, named
    /// `version`): `Ok` with the confirmation when it holds the card sent,
    /// else `Err` with why the submit is not taken as done.
    pub fn read_back(&self, package: &ModelPackage, version: &str) -> Result<Outcome, Outcome> {
        if server_card(package).ok().as_ref() != Some(&self.card) {
            return Err(Outcome::Failed(READ_BACK_DIFFERS.to_owned()));
        }
        Ok(Outcome::Told(submitted_message(
            version,
            &self.status,
            self.approval.as_ref().map(|asked| asked.status.as_str()),
        )))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn package(modified: f64, card: Option<&Value>, status: Option<&str>) -> ModelPackage {
        let mut package: ModelPackage = serde_json::from_value(json!({
            "ModelPackageArn": "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud/3",
            "LastModifiedTime": modified,
        }))
        .expect("a minimal package");
        package.model_card = card.map(|card| ModelCard {
            model_card_content: Some(card.to_string()),
            model_card_status: status.map(str::to_owned),
        });
        package
    }

    fn creator(name: &str) -> Value {
        json!({"model_overview": {"model_creator": name}})
    }

    fn approval() -> ApprovalAsked {
        ApprovalAsked {
            status: "Approved".to_owned(),
            description: "Checked".to_owned(),
        }
    }

    #[test]
    fn a_card_without_a_status_is_submitted_as_a_draft() {
        assert_eq!(card_status_or_default(None), "Draft");
        assert_eq!(
            card_status_or_default(Some("Approved".to_owned())),
            "Approved"
        );
    }

    #[test]
    fn an_unchanged_version_goes_on_to_the_submit() {
        let card = creator("Fraud team");
        let opened = package(10.0, Some(&card), Some("Draft"));
        let current = opened.clone();
        let check = check_server(
            &opened,
            &card,
            current,
            &creator("Risk team"),
            Some("Draft"),
            None,
        );
        assert_eq!(check, ServerCheck::Unchanged);
        assert_eq!(check.outcome("fraud, version 3"), None);
        assert_eq!(check.into_conflict(), None);
    }

    #[test]
    fn a_version_changed_meanwhile_is_a_conflict_with_the_merge() {
        let base =
            json!({"model_overview": {"model_creator": "Fraud team", "model_description": "old"}});
        let theirs =
            json!({"model_overview": {"model_creator": "Fraud team", "model_description": "new"}});
        let mine =
            json!({"model_overview": {"model_creator": "Risk team", "model_description": "old"}});
        let opened = package(10.0, Some(&base), Some("Draft"));
        let current = package(20.0, Some(&theirs), Some("PendingReview"));
        let check = check_server(
            &opened,
            &base,
            current.clone(),
            &mine,
            Some("Draft"),
            Some(approval()),
        );
        assert_eq!(
            check.outcome("fraud, version 3"),
            Some(Outcome::Told(
                "Not submitted: fraud, version 3 changed on the server since you opened it. Your edits are kept.".to_owned()
            ))
        );
        let conflict = check.into_conflict().expect("a conflict");
        assert_eq!(conflict.opened, opened);
        assert_eq!(conflict.opened_card, base);
        assert_eq!(conflict.theirs, current);
        assert_eq!(conflict.theirs_card, theirs);
        assert_eq!(conflict.merge.applied, 1);
        assert!(conflict.merge.conflicts.is_empty());
        assert_eq!(
            conflict.merge.merged,
            json!({"model_overview": {"model_creator": "Risk team", "model_description": "new"}})
        );
        assert_eq!(
            conflict.status,
            StatusMerge::TakeTheirs(Some("PendingReview".to_owned()))
        );
        assert_eq!(conflict.approval, Some(approval()));
        assert_eq!(conflict.places_both_changed(), 0);
    }

    #[test]
    fn a_changed_version_whose_card_cannot_be_read_is_not_submitted() {
        let card = creator("Fraud team");
        let opened = package(10.0, Some(&card), None);
        let mut current = package(20.0, None, None);
        current.model_card = Some(ModelCard {
            model_card_content: Some("{ not json".to_owned()),
            model_card_status: None,
        });
        let check = check_server(&opened, &card, current, &card, None, None);
        let Some(Outcome::Failed(said)) = check.outcome("v") else {
            panic!("a failure, not {check:?}");
        };
        assert!(said.starts_with(
            "The version changed on the server, and the server's card cannot be read: "
        ));
        assert!(said.ends_with(". Your edits are kept."));
        assert_eq!(check.into_conflict(), None);
    }

    #[test]
    fn the_update_sends_the_card_its_status_and_the_approval_under_one_token() {
        let submission = Submission {
            arn: "arn:x".to_owned(),
            card: creator("Risk team"),
            status: "PendingReview".to_owned(),
            approval: Some(approval()),
        };
        let input = submission.update_input("token-1".to_owned());
        assert_eq!(input.model_package_arn, "arn:x");
        let card = input.model_card.expect("a card");
        assert_eq!(
            serde_json::from_str::<Value>(&card.model_card_content.expect("content"))
                .expect("JSON"),
            creator("Risk team")
        );
        assert_eq!(card.model_card_status.as_deref(), Some("PendingReview"));
        assert_eq!(input.model_approval_status.as_deref(), Some("Approved"));
        assert_eq!(input.approval_description.as_deref(), Some("Checked"));
        assert_eq!(input.client_token.as_deref(), Some("token-1"));
    }

    #[test]
    fn without_an_approval_the_update_leaves_it_as_it_is() {
        let submission = Submission {
            arn: "arn:x".to_owned(),
            card: creator("Risk team"),
            status: "Draft".to_owned(),
            approval: None,
        };
        let input = submission.update_input("t".to_owned());
        assert_eq!(input.model_approval_status, None);
        assert_eq!(input.approval_description, None);
    }

    #[test]
    fn a_read_back_holding_the_card_confirms_the_submit() {
        let card = creator("Risk team");
        let submission = Submission {
            arn: "arn:x".to_owned(),
            card: card.clone(),
            status: "Approved".to_owned(),
            approval: Some(approval()),
        };
        let read = package(30.0, Some(&card), Some("Approved"));
        assert_eq!(
            submission.read_back(&read, "fraud, version 3"),
            Ok(Outcome::Told(submitted_message(
                "fraud, version 3",
                "Approved",
                Some("Approved")
            )))
        );
    }

    #[test]
    fn a_read_back_holding_another_card_is_a_failure() {
        let submission = Submission {
            arn: "arn:x".to_owned(),
            card: creator("Risk team"),
            status: "Draft".to_owned(),
            approval: None,
        };
        let read = package(30.0, Some(&creator("Fraud team")), Some("Draft"));
        assert_eq!(
            submission.read_back(&read, "v"),
            Err(Outcome::Failed(READ_BACK_DIFFERS.to_owned()))
        );
        let without_card = package(30.0, None, None);
        assert!(submission.read_back(&without_card, "v").is_err());
    }

    fn status_conflict(status: StatusMerge) -> SubmitConflict {
        let base = creator("Fraud team");
        let theirs = creator("Ops team");
        let mine = creator("Risk team");
        SubmitConflict {
            merge: merge(&base, &theirs, &mine),
            opened: package(10.0, Some(&base), None),
            opened_card: base,
            theirs: package(20.0, Some(&theirs), None),
            theirs_card: theirs,
            status,
            approval: None,
        }
    }

    #[test]
    fn a_merge_resolves_each_conflict_as_chosen() {
        let conflict = status_conflict(StatusMerge::Keep);
        assert_eq!(conflict.places_both_changed(), 1);
        let mine = conflict.resolve(&[Side::Mine], Side::Mine);
        assert_eq!(mine.card, creator("Risk team"));
        assert_eq!(mine.status_taken, None);
        assert_eq!(mine.outcome, Outcome::Told(merged_message(0, 1, None)));
        let theirs = conflict.resolve(&[Side::Theirs], Side::Mine);
        assert_eq!(theirs.card, creator("Ops team"));
    }

    #[test]
    fn a_status_only_the_server_changed_is_taken() {
        let conflict = status_conflict(StatusMerge::TakeTheirs(Some("Approved".to_owned())));
        let resolution = conflict.resolve(&[Side::Mine], Side::Mine);
        assert_eq!(resolution.status_taken, Some(Some("Approved".to_owned())));
        assert_eq!(
            resolution.outcome,
            Outcome::Told(merged_message(0, 1, Some("Approved")))
        );
    }

    #[test]
    fn a_status_both_changed_counts_as_a_place_and_follows_the_choice() {
        let conflict = status_conflict(StatusMerge::Conflict {
            base: Some("Draft".to_owned()),
            theirs: Some("Approved".to_owned()),
            mine: Some("PendingReview".to_owned()),
        });
        assert_eq!(conflict.places_both_changed(), 2);
        let kept = conflict.resolve(&[Side::Mine], Side::Mine);
        assert_eq!(kept.status_taken, None);
        assert_eq!(kept.outcome, Outcome::Told(merged_message(0, 2, None)));
        let taken = conflict.resolve(&[Side::Mine], Side::Theirs);
        assert_eq!(taken.status_taken, Some(Some("Approved".to_owned())));
        assert_eq!(
            taken.outcome,
            Outcome::Told(merged_message(0, 2, Some("Approved")))
        );
    }

    #[test]
    fn a_submission_stored_but_not_confirmed_is_recognised_as_ones_own() {
        let card = json!({"model_overview": {"model_creator": "Mine"}});
        let submission = Submission {
            arn: "arn".into(),
            card: card.clone(),
            status: "PendingReview".into(),
            approval: None,
        };
        assert!(submission.is_held_by(&package(2.0, Some(&card), Some("PendingReview"))));
        assert!(!submission.is_held_by(&package(2.0, Some(&card), Some("Draft"))));
        let theirs = json!({"model_overview": {"model_creator": "Theirs"}});
        assert!(!submission.is_held_by(&package(2.0, Some(&theirs), Some("PendingReview"))));
        assert!(!submission.is_held_by(&package(2.0, None, None)));
        assert_eq!(
            submission.unconfirmed_message("fraud-detector, version 2", "The service failed."),
            "Stored, not confirmed: fraud-detector, version 2 accepted the update, but reading it back failed. The service failed. Your edits are kept; the next submit checks the version and goes on from this one if it holds it."
        );
    }
}
