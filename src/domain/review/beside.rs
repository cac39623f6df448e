//! What a submit changes beside the card (its card status, the approval
//! status and description), what changed there on the server meanwhile,
//! and how the card status merges with the server's.

use super::shown::ShownValue;
use crate::domain::sagemaker::{APPROVAL_STATUSES, ModelPackage};

/// One change beside the card (card status, approval status, approval
/// description): before, and after when it changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BesideLine {
    /// What changes: "Card status".
    pub what: &'static str,
    /// As the server holds it.
    pub before: ShownValue,
    /// What it becomes; `None` when it stays as it is.
    pub after: Option<ShownValue>,
}

/// What a submit asks of the approval besides the card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApprovalAsked {
    /// The approval status to set.
    pub status: String,
    /// Why.
    pub description: String,
}

impl ApprovalAsked {
    /// What the approval options start at for `package`: as the server
    /// holds them, so ticking the box proposes no change by itself.
    pub fn as_held(package: &ModelPackage) -> Self {
        Self {
            status: package
                .model_approval_status
                .clone()
                .unwrap_or_else(|| APPROVAL_STATUSES[0].to_owned()),
            description: package.approval_description.clone().unwrap_or_default(),
        }
    }
}

/// The card status a version's card has on the server.
pub fn server_card_status(package: &ModelPackage) -> Option<&str> {
    package
        .model_card
        .as_ref()
        .and_then(|card| card.model_card_status.as_deref())
}

/// An approval description, or "(none)" when empty.
fn description_value(description: Option<&str>) -> ShownValue {
    description
        .filter(|text| !text.is_empty())
        .map_or_else(ShownValue::absent, ShownValue::text)
}

/// A line beside the card, with `after` only when it differs.
fn line(what: &'static str, before: ShownValue, after: ShownValue) -> BesideLine {
    let changes = before != after;
    BesideLine {
        what,
        before,
        after: changes.then_some(after),
    }
}

/// What a submit changes beside the card, against the version as the
/// server holds it (`server`): the card status always, the approval status
/// always (left as it is unless `approval` asks to set it), and the
/// approval description when asked.
pub fn beside_card(
    server: &ModelPackage,
    card_status: Option<&str>,
    approval: Option<&ApprovalAsked>,
) -> Vec<BesideLine> {
    let mut lines = vec![line(
        "Card status",
        ShownValue::status(server_card_status(server)),
        ShownValue::status(card_status.or(server_card_status(server))),
    )];
    let approval_before = ShownValue::status(server.model_approval_status.as_deref());
    match approval {
        None => lines.push(line(
            "Approval status",
            approval_before.clone(),
            approval_before,
        )),
        Some(asked) => {
            lines.push(line(
                "Approval status",
                approval_before,
                ShownValue::word(&asked.status),
            ));
            lines.push(line(
                "Approval description",
                description_value(server.approval_description.as_deref()),
                description_value(Some(&asked.description)),
            ));
        }
    }
    lines
}

/// What changed on the server beside the card between `opened` (the
/// version as it was opened) and `now`: the card status, the approval
/// status and description, each only when it changed.
pub fn server_changes(opened: &ModelPackage, now: &ModelPackage) -> Vec<BesideLine> {
    [
        line(
            "Card status",
            ShownValue::status(server_card_status(opened)),
            ShownValue::status(server_card_status(now)),
        ),
        line(
            "Approval status",
            ShownValue::status(opened.model_approval_status.as_deref()),
            ShownValue::status(now.model_approval_status.as_deref()),
        ),
        line(
            "Approval description",
            description_value(opened.approval_description.as_deref()),
            description_value(now.approval_description.as_deref()),
        ),
    ]
    .into_iter()
    .filter(|line| line.after.is_some())
    .collect()
}

/// How the card status comes out of a merge with the server's version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusMerge {
    /// Keep the status the bar shows: the server did not change it, or
    /// both sides chose the same.
    Keep,
    /// Take the server's: only the server changed it.
    TakeTheirs(Option<String>),
    /// Both sides changed it differently: the reviewer chooses.
    Conflict {
        /// When the card was opened.
        base: Option<String>,
        /// On the server now.
        theirs: Option<String>,
        /// The reviewer's.
        mine: Option<String>,
    },
}

/// The card status after merging: `base` when the card was opened,
/// `theirs` on the server now, `mine` in the bar.
pub fn merge_card_status(
    base: Option<&str>,
    theirs: Option<&str>,
    mine: Option<&str>,
) -> StatusMerge {
    if theirs == base || theirs == mine {
        StatusMerge::Keep
    } else if mine == base || mine.is_none() {
        StatusMerge::TakeTheirs(theirs.map(str::to_owned))
    } else {
        StatusMerge::Conflict {
            base: base.map(str::to_owned),
            theirs: theirs.map(str::to_owned),
            mine: mine.map(str::to_owned),
        }
    }
}
