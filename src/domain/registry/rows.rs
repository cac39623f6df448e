//! A version's row in the versions table: the summary `ListModelPackages`
//! gave, and its card status, which only `DescribeModelPackage` carries and
//! so arrives later, row by row. Every describe (a card status read, the
//! details, the answer to a write) makes the row what the server now holds.

use std::cmp::Ordering;

use crate::domain::sagemaker::{ModelPackage, ModelPackageSummary, ServiceError};

/// What a version's card is, as `DescribeModelPackage` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardState {
    /// The version has no card.
    Absent,
    /// A card with this `ModelCardStatus` (`Draft`, `PendingReview`,
    /// `Approved`, `Archived`).
    Status(String),
    /// A card whose status the service did not give.
    Unstated,
}

impl CardState {
    /// The card state of a described version.
    pub fn of(package: &ModelPackage) -> Self {
        let Some(card) = &package.model_card else {
            return Self::Absent;
        };
        match (&card.model_card_status, &card.model_card_content) {
            (Some(status), _) if !status.is_empty() => Self::Status(status.clone()),
            (_, Some(_)) => Self::Unstated,
            _ => Self::Absent,
        }
    }

    /// The words the table and the details show.
    pub fn text(&self) -> String {
        match self {
            Self::Absent => "No card".to_owned(),
            Self::Status(status) => status.clone(),
            Self::Unstated => "Card without a status".to_owned(),
        }
    }
}

/// The card status cell of a row: being read, known, or not read and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardCell {
    /// Its describe is queued or on its way.
    Reading,
    /// Read.
    Known(CardState),
    /// The describe failed; the reason in a few words (the row offers to
    /// try again).
    Failed(String),
}

impl CardCell {
    /// A failed read, said briefly enough for a table cell.
    pub fn failed(error: &ServiceError) -> Self {
        Self::Failed(error.brief().to_owned())
    }

    /// The cell's text.
    pub fn text(&self) -> String {
        match self {
            Self::Reading => "Reading\u{2026}".to_owned(),
            Self::Known(state) => state.text(),
            Self::Failed(reason) => format!("Not read: {reason}"),
        }
    }

    /// Known statuses in alphabetical order, then the ones still being
    /// read, then the failed ones.
    fn order(&self, other: &Self) -> Ordering {
        let rank = |cell: &Self| match cell {
            Self::Known(_) => 0,
            Self::Reading => 1,
            Self::Failed(_) => 2,
        };
        rank(self)
            .cmp(&rank(other))
            .then_with(|| match (self, other) {
                (Self::Known(a), Self::Known(b)) => a.text().cmp(&b.text()),
                _ => Ordering::Equal,
            })
    }
}

/// One row of the versions table.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionRow {
    /// What the listing (or the latest describe) says of the version.
    pub summary: ModelPackageSummary,
    /// Its card status.
    pub card: CardCell,
}

impl VersionRow {
    /// A row as listed: its card status still to be read.
    pub fn listed(summary: ModelPackageSummary) -> Self {
        Self {
            summary,
            card: CardCell::Reading,
        }
    }

    /// The row once `package` (the same version, described after a read or
    /// a write) is what the server holds: its description, status,
    /// approval and card status are taken from it.
    pub fn refreshed(&self, package: &ModelPackage) -> Self {
        let summary = &self.summary;
        Self {
            summary: ModelPackageSummary {
                model_package_group_name: package
                    .model_package_group_name
                    .clone()
                    .or_else(|| summary.model_package_group_name.clone()),
                model_package_version: package
                    .model_package_version
                    .or(summary.model_package_version),
                model_package_arn: summary.model_package_arn.clone(),
                model_package_description: package.model_package_description.clone(),
                creation_time: package.creation_time.unwrap_or(summary.creation_time),
                model_package_status: package
                    .model_package_status
                    .clone()
                    .unwrap_or_else(|| summary.model_package_status.clone()),
                model_approval_status: package.model_approval_status.clone(),
            },
            card: CardCell::Known(CardState::of(package)),
        }
    }
}

/// "Version 3", or the ARN of a version without a number.
pub fn version_label(summary: &ModelPackageSummary) -> String {
    summary.model_package_version.map_or_else(
        || summary.model_package_arn.clone(),
        |number| format!("Version {number}"),
    )
}

/// The id of the button that chooses the version `arn` in its row: where
/// focus goes back to.
pub fn version_button_id(arn: &str) -> String {
    format!("mce-version-{arn}")
}

/// What the approval form says once the server holds the new approval:
/// "The approval status of fraud-detector, version 2 is now Approved."
pub fn approval_confirmation(version: &str, status: Option<&str>) -> String {
    match status {
        Some(status) => format!("The approval status of {version} is now {status}."),
        None => format!("The approval of {version} was updated; the service gives it no status."),
    }
}

/// The columns the versions table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The version number.
    Version,
    /// When it was made.
    Created,
    /// Its package status.
    Status,
    /// Its approval status.
    Approval,
    /// Its card status.
    Card,
}

/// How the versions table is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    /// By which column.
    pub key: SortKey,
    /// Smallest first.
    pub ascending: bool,
}

impl Default for Sort {
    /// Newest version first.
    fn default() -> Self {
        Self {
            key: SortKey::Version,
            ascending: false,
        }
    }
}

impl Sort {
    /// After the header of `key` is pressed: the same column turns round,
    /// another one sorts smallest first.
    pub fn pressed(self, key: SortKey) -> Self {
        if self.key == key {
            Self {
                key,
                ascending: !self.ascending,
            }
        } else {
            Self {
                key,
                ascending: true,
            }
        }
    }

    /// How `a` and `b` compare under this sort.
    pub fn compare(&self, a: &VersionRow, b: &VersionRow) -> Ordering {
        let (x, y) = (&a.summary, &b.summary);
        let order = match self.key {
            SortKey::Version => x.model_package_version.cmp(&y.model_package_version),
            SortKey::Created => x.creation_time.total_cmp(&y.creation_time),
            SortKey::Status => x.model_package_status.cmp(&y.model_package_status),
            SortKey::Approval => x.model_approval_status.cmp(&y.model_approval_status),
            SortKey::Card => a.card.order(&b.card),
        };
        if self.ascending {
            order
        } else {
            order.reverse()
        }
    }

    /// The header's `aria-sort` for the column `key`.
    pub fn aria_sort(&self, key: SortKey) -> &'static str {
        match (self.key == key, self.ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::sagemaker::{ErrorKind, ModelCard};

    /// A listed group of the given name, for tests.
    pub(crate) fn group(name: &str) -> crate::domain::sagemaker::ModelPackageGroupSummary {
        crate::domain::sagemaker::ModelPackageGroupSummary {
            model_package_group_name: name.into(),
            model_package_group_arn: format!("arn:{name}"),
            model_package_group_description: None,
            creation_time: 0.0,
            model_package_group_status: "Completed".into(),
        }
    }

    pub(crate) fn summary(version: u32, approval: &str, description: &str) -> ModelPackageSummary {
        ModelPackageSummary {
            model_package_group_name: Some("fraud-detector".into()),
            model_package_version: Some(version),
            model_package_arn: format!(
                "arn:aws:sagemaker:us-east-2:1:model-package/fraud-detector/{version}"
            ),
            model_package_description: Some(description.into()),
            creation_time: f64::from(version),
            model_package_status: "Completed".into(),
            model_approval_status: Some(approval.into()),
        }
    }

    fn described(card: Option<ModelCard>) -> ModelPackage {
        serde_json::from_value::<ModelPackage>(serde_json::json!({
            "ModelPackageArn": "arn:aws:sagemaker:us-east-2:1:model-package/fraud-detector/2",
            "ModelPackageGroupName": "fraud-detector",
            "ModelPackageVersion": 2,
            "ModelPackageDescription": "Rerun",
            "ModelPackageStatus": "Completed",
            "ModelApprovalStatus": "Approved",
            "CreationTime": 2.0,
        }))
        .map(|package| ModelPackage {
            model_card: card,
            ..package
        })
        .unwrap()
    }

    fn card(content: Option<&str>, status: Option<&str>) -> Option<ModelCard> {
        Some(ModelCard {
            model_card_content: content.map(Into::into),
            model_card_status: status.map(Into::into),
        })
    }

    #[test]
    fn a_card_status_is_read_from_the_description_and_a_missing_card_said() {
        assert_eq!(CardState::of(&described(None)).text(), "No card");
        assert_eq!(
            CardState::of(&described(card(Some("{}"), Some("PendingReview")))).text(),
            "PendingReview"
        );
        assert_eq!(
            CardState::of(&described(card(Some("{}"), None))),
            CardState::Unstated
        );
        assert_eq!(
            CardState::of(&described(card(None, None))),
            CardState::Absent,
            "an empty card object is no card"
        );
        assert_eq!(
            CardState::of(&described(card(None, Some("Draft")))),
            CardState::Status("Draft".into())
        );
    }

    #[test]
    fn cells_say_reading_known_or_why_not_read() {
        assert_eq!(CardCell::Reading.text(), "Reading…");
        assert_eq!(CardCell::Known(CardState::Absent).text(), "No card");
        let failed = CardCell::failed(&ServiceError::local(ErrorKind::Timeout, "slow"));
        assert_eq!(failed.text(), "Not read: no answer in time");
    }

    #[test]
    fn a_refreshed_row_is_what_the_server_now_holds() {
        let row = VersionRow::listed(summary(2, "Rejected", "Shallower trees"));
        assert_eq!(row.card, CardCell::Reading);
        let fresh = row.refreshed(&described(card(Some("{}"), Some("Approved"))));
        assert_eq!(
            fresh.summary.model_approval_status.as_deref(),
            Some("Approved")
        );
        assert_eq!(
            fresh.summary.model_package_description.as_deref(),
            Some("Rerun")
        );
        assert_eq!(
            fresh.summary.model_package_arn,
            row.summary.model_package_arn
        );
        assert_eq!(
            fresh.card,
            CardCell::Known(CardState::Status("Approved".into()))
        );
        let without = row.refreshed(&described(None));
        assert_eq!(without.card.text(), "No card");
    }

    #[test]
    fn rows_are_labelled_and_their_buttons_named_by_arn() {
        let listed = summary(3, "Approved", "");
        assert_eq!(version_label(&listed), "Version 3");
        let unversioned = ModelPackageSummary {
            model_package_version: None,
            ..listed.clone()
        };
        assert_eq!(version_label(&unversioned), listed.model_package_arn);
        assert_eq!(
            version_button_id(&listed.model_package_arn),
            format!("mce-version-{}", listed.model_package_arn)
        );
    }

    #[test]
    fn the_approval_confirmation_names_the_version_and_its_status() {
        assert_eq!(
            approval_confirmation("fraud-detector, version 2", Some("Approved")),
            "The approval status of fraud-detector, version 2 is now Approved."
        );
        assert!(approval_confirmation("v", None).contains("no status"));
    }

    #[test]
    fn sorting_turns_round_on_the_same_column_and_orders_card_cells() {
        let sort = Sort::default();
        assert_eq!((sort.key, sort.ascending), (SortKey::Version, false));
        assert!(sort.pressed(SortKey::Version).ascending);
        assert_eq!(
            sort.pressed(SortKey::Card),
            Sort {
                key: SortKey::Card,
                ascending: true
            }
        );
        assert_eq!(sort.aria_sort(SortKey::Version), "descending");
        assert_eq!(sort.aria_sort(SortKey::Card), "none");
        let mut rows = [
            VersionRow {
                card: CardCell::Failed("refused".into()),
                ..VersionRow::listed(summary(1, "Approved", ""))
            },
            VersionRow::listed(summary(2, "Approved", "")),
            VersionRow {
                card: CardCell::Known(CardState::Status("PendingReview".into())),
                ..VersionRow::listed(summary(3, "Approved", ""))
            },
            VersionRow {
                card: CardCell::Known(CardState::Absent),
                ..VersionRow::listed(summary(4, "Approved", ""))
            },
        ];
        let by_card = Sort {
            key: SortKey::Card,
            ascending: true,
        };
        rows.sort_by(|a, b| by_card.compare(a, b));
        let order: Vec<_> = rows
            .iter()
            .map(|row| row.summary.model_package_version)
            .collect();
        assert_eq!(order, [Some(4), Some(3), Some(2), Some(1)]);
    }
}
