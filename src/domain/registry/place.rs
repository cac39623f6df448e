//! Where the reviewer is on the registry screen: the group and version
//! chosen, what they typed into the searches, the approval filter and the
//! sort. Kept while they edit a card, so "← Registry" comes back to the
//! same place, with focus on the version's row.

use super::rows::{Sort, version_button_id};
use super::search::VersionFilter;
use crate::domain::sagemaker::{ModelPackage, ModelPackageGroupSummary};

/// The id of the version details' heading: where focus goes back to when
/// the version's row is filtered out of the table.
pub const DETAILS_HEADING_ID: &str = "mce-details-heading";

/// The registry screen's state between visits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegistryPlace {
    /// The chosen group.
    pub group: Option<String>,
    /// The chosen version's ARN.
    pub version: Option<String>,
    /// What was typed into the group search.
    pub group_query: String,
    /// The versions search and approval filter.
    pub filter: VersionFilter,
    /// The versions table's order.
    pub sort: Sort,
}

impl RegistryPlace {
    /// Chooses the first of `groups` when no group is chosen yet.
    pub fn with_first_group(&mut self, groups: &[ModelPackageGroupSummary]) {
        if self.group.is_none() {
            self.group = groups
                .first()
                .map(|group| group.model_package_group_name.clone());
        }
    }

    /// Chooses the group `name`: another group starts with no version
    /// chosen and no version search; the same group stays as it is.
    pub fn choose_group(&mut self, name: &str) {
        if self.group.as_deref() != Some(name) {
            self.group = Some(name.to_owned());
            self.version = None;
            self.filter.query.clear();
        }
    }

    /// Chooses the version `arn` of the chosen group.
    pub fn choose_version(&mut self, arn: &str) {
        self.version = Some(arn.to_owned());
    }

    /// The place of a version whose card was opened in the editor: its
    /// group and it, so the way back leads there.
    pub fn opened(&mut self, package: &ModelPackage) {
        if let Some(group) = &package.model_package_group_name {
            self.choose_group(group);
        }
        self.choose_version(&package.model_package_arn);
    }

    /// Where focus goes when the screen comes back: the chosen version's
    /// row when the table shows it (`shown` are the ARNs it shows), its
    /// details' heading when a filter hides it, nothing when no version is
    /// chosen.
    pub fn focus_on_return<'a>(&self, mut shown: impl Iterator<Item = &'a str>) -> Option<String> {
        let version = self.version.as_deref()?;
        Some(if shown.any(|arn| arn == version) {
            version_button_id(version)
        } else {
            DETAILS_HEADING_ID.to_owned()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registry::rows::tests::group;

    fn package(group: &str, version: u32) -> ModelPackage {
        serde_json::from_value(serde_json::json!({
            "ModelPackageArn": format!("arn:{group}/{version}"),
            "ModelPackageGroupName": group,
            "ModelPackageVersion": version,
        }))
        .unwrap()
    }

    #[test]
    fn the_first_group_is_chosen_only_when_none_is() {
        let mut place = RegistryPlace::default();
        place.with_first_group(&[]);
        assert_eq!(place.group, None);
        place.with_first_group(&[group("churn-model"), group("fraud-detector")]);
        assert_eq!(place.group.as_deref(), Some("churn-model"));
        place.choose_group("fraud-detector");
        place.with_first_group(&[group("churn-model")]);
        assert_eq!(place.group.as_deref(), Some("fraud-detector"));
    }

    #[test]
    fn another_group_starts_afresh_and_the_same_group_stays() {
        let mut place = RegistryPlace::default();
        place.choose_group("fraud-detector");
        place.choose_version("arn:fraud-detector/2");
        place.filter.query = "retrain".into();
        place.filter.approval = Some("Approved".into());
        place.choose_group("fraud-detector");
        assert_eq!(place.version.as_deref(), Some("arn:fraud-detector/2"));
        assert_eq!(place.filter.query, "retrain");
        place.choose_group("churn-model");
        assert_eq!(place.version, None);
        assert_eq!(
            place.filter.query, "",
            "a search of one group's versions is not another's"
        );
        assert_eq!(
            place.filter.approval.as_deref(),
            Some("Approved"),
            "the approval filter stays"
        );
    }

    #[test]
    fn opening_a_versions_card_makes_it_the_place_to_come_back_to() {
        let mut place = RegistryPlace::default();
        place.choose_group("churn-model");
        place.group_query = "churn".into();
        place.opened(&package("fraud-detector", 3));
        assert_eq!(place.group.as_deref(), Some("fraud-detector"));
        assert_eq!(place.version.as_deref(), Some("arn:fraud-detector/3"));
        assert_eq!(place.group_query, "churn", "the group search is kept");
    }

    #[test]
    fn focus_returns_to_the_versions_row_or_else_its_details() {
        let mut place = RegistryPlace::default();
        let shown = ["arn:fraud-detector/1", "arn:fraud-detector/3"];
        assert_eq!(place.focus_on_return(shown.into_iter()), None);
        place.opened(&package("fraud-detector", 3));
        assert_eq!(
            place.focus_on_return(shown.into_iter()).as_deref(),
            Some("mce-version-arn:fraud-detector/3")
        );
        assert_eq!(
            place
                .focus_on_return(["arn:fraud-detector/1"].into_iter())
                .as_deref(),
            Some(DETAILS_HEADING_ID)
        );
    }
}
