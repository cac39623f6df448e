//! Finding groups and versions by what the reviewer types, and saying how
//! many match. Versions are matched in the page, over the complete list
//! already fetched (by label, number and description). Groups are matched
//! in the page too, at once, and the service is also asked
//! (`NameContains`), which finds groups made since the list was fetched;
//! the two answers are merged and matched again, so the result is the same
//! whether or not a service honours `NameContains` or its case.

use super::rows::{Sort, VersionRow, version_label};
use crate::domain::sagemaker::{ModelPackageGroupSummary, ModelPackageSummary};

/// Text as matched: without surrounding spaces, in lower case.
fn folded(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Whether a group named `name` matches `query` (a part of its name, in
/// any case); an empty query matches every group.
pub fn group_matches(name: &str, query: &str) -> bool {
    name.to_lowercase().contains(&folded(query))
}

/// Whether a version matches `query`: a part of its label ("Version 3"),
/// so of its number, or of its description, in any case.
pub fn version_matches(summary: &ModelPackageSummary, query: &str) -> bool {
    let query = folded(query);
    query.is_empty()
        || version_label(summary).to_lowercase().contains(&query)
        || summary
            .model_package_description
            .as_deref()
            .is_some_and(|description| description.to_lowercase().contains(&query))
}

/// The groups to show for `query`: those listed when the screen opened and
/// those the service found for it (`searched`), once each, matching the
/// query, by name.
pub fn merged_groups(
    listed: &[ModelPackageGroupSummary],
    searched: &[ModelPackageGroupSummary],
    query: &str,
) -> Vec<ModelPackageGroupSummary> {
    let mut shown: Vec<ModelPackageGroupSummary> = Vec::new();
    for group in listed.iter().chain(searched) {
        let seen = shown
            .iter()
            .any(|known| known.model_package_group_name == group.model_package_group_name);
        if !seen && group_matches(&group.model_package_group_name, query) {
            shown.push(group.clone());
        }
    }
    shown.sort_by(|a, b| a.model_package_group_name.cmp(&b.model_package_group_name));
    shown
}

/// How many groups a search shows, said: "3 groups", "1 group matches
/// “fraud”", "No group matches “zzz”" (the total is not said: a search
/// can find groups made since the list was fetched).
pub fn groups_summary(shown: usize, query: &str) -> String {
    let criteria: Vec<Criterion> = (!query.trim().is_empty())
        .then(|| Criterion::matching(query))
        .into_iter()
        .collect();
    match_summary(GROUPS, shown, None, &criteria)
}

/// What narrows the versions table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionFilter {
    /// The text typed into the search.
    pub query: String,
    /// Only this approval status, when chosen.
    pub approval: Option<String>,
}

impl VersionFilter {
    /// Whether `summary` passes.
    pub fn admits(&self, summary: &ModelPackageSummary) -> bool {
        self.approval
            .as_ref()
            .is_none_or(|wanted| summary.model_approval_status.as_ref() == Some(wanted))
            && version_matches(summary, &self.query)
    }

    /// What the filter asks, for [`match_summary`].
    pub fn criteria(&self) -> Vec<Criterion> {
        let mut criteria = Vec::new();
        if !self.query.trim().is_empty() {
            criteria.push(Criterion::matching(&self.query));
        }
        if let Some(approval) = &self.approval {
            criteria.push(Criterion {
                one: format!("is {approval}"),
                many: format!("are {approval}"),
            });
        }
        criteria
    }
}

/// The rows `filter` lets through, in `sort`'s order, as indexes into
/// `rows` (ties keep the listing's order).
pub fn shown_versions(rows: &[VersionRow], filter: &VersionFilter, sort: Sort) -> Vec<usize> {
    let mut shown: Vec<usize> = (0..rows.len())
        .filter(|&index| filter.admits(&rows[index].summary))
        .collect();
    shown.sort_by(|&a, &b| sort.compare(&rows[a], &rows[b]));
    shown
}

/// One thing a search asks, as a verb phrase for one item and for many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// "matches “fraud”".
    pub one: String,
    /// "match “fraud”".
    pub many: String,
}

impl Criterion {
    /// Matching typed text, quoted and isolated, so right-to-left text
    /// does not reorder the sentence around it.
    pub fn matching(query: &str) -> Self {
        let quoted = format!("\u{201c}\u{2068}{}\u{2069}\u{201d}", query.trim());
        Self {
            one: format!("matches {quoted}"),
            many: format!("match {quoted}"),
        }
    }
}

/// What a list holds, named for one and for many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noun {
    /// "version".
    pub one: &'static str,
    /// "versions".
    pub many: &'static str,
}

/// Versions.
pub const VERSIONS: Noun = Noun {
    one: "version",
    many: "versions",
};

/// Model package groups.
pub const GROUPS: Noun = Noun {
    one: "group",
    many: "groups",
};

/// How many are shown, said: "4 versions" unfiltered; "2 of 4 versions
/// match “retrain” and are Approved", "1 group matches “fraud”" (when the
/// total is not known), and "No version matches “xyz”" when none does.
pub fn match_summary(
    noun: Noun,
    shown: usize,
    total: Option<usize>,
    criteria: &[Criterion],
) -> String {
    if criteria.is_empty() {
        return match shown {
            0 => format!("No {}", noun.many),
            1 => format!("1 {}", noun.one),
            n => format!("{n} {}", noun.many),
        };
    }
    // "1 of 4 versions matches", "No version matches", "2 of 4 match".
    let verbs: Vec<&str> = criteria
        .iter()
        .map(|criterion| {
            if shown <= 1 {
                criterion.one.as_str()
            } else {
                criterion.many.as_str()
            }
        })
        .collect();
    let verbs = verbs.join(" and ");
    match (shown, total) {
        (0, _) => format!("No {} {verbs}", noun.one),
        (n, Some(total)) => {
            let noun = if total == 1 { noun.one } else { noun.many };
            format!("{n} of {total} {noun} {verbs}")
        }
        (1, None) => format!("1 {} {verbs}", noun.one),
        (n, None) => format!("{n} {} {verbs}", noun.many),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registry::rows::SortKey;
    use crate::domain::registry::rows::tests::{group, summary};

    fn names(groups: &[ModelPackageGroupSummary]) -> Vec<&str> {
        groups
            .iter()
            .map(|group| group.model_package_group_name.as_str())
            .collect()
    }

    #[test]
    fn groups_match_by_a_part_of_their_name_in_any_case() {
        assert!(group_matches("fraud-detector", "DETECT"));
        assert!(group_matches("fraud-detector", "  fraud "));
        assert!(group_matches("fraud-detector", ""));
        assert!(!group_matches("fraud-detector", "churn"));
        assert!(!group_matches("fraud-detector", "🙂"));
    }

    #[test]
    fn listed_and_searched_groups_merge_once_each_matching_and_by_name() {
        let listed = [group("fraud-detector"), group("churn-model")];
        let searched = [group("fraud-canary"), group("fraud-detector")];
        assert_eq!(
            names(&merged_groups(&listed, &searched, "fraud")),
            ["fraud-canary", "fraud-detector"]
        );
        // A service that ignores NameContains answers every group: the
        // page's own match still applies.
        let everything = [
            group("fraud-detector"),
            group("churn-model"),
            group("new-churn"),
        ];
        assert_eq!(
            names(&merged_groups(&listed, &everything, "churn")),
            ["churn-model", "new-churn"]
        );
        assert_eq!(
            names(&merged_groups(&listed, &[], "")),
            ["churn-model", "fraud-detector"]
        );
        assert!(merged_groups(&listed, &[], "zzz").is_empty());
    }

    #[test]
    fn versions_match_by_label_number_or_description() {
        let version = summary(3, "Approved", "Large evaluation");
        for query in ["", "version 3", "3", "EVALUATION", " large "] {
            assert!(version_matches(&version, query), "{query:?}");
        }
        for query in ["version 4", "retrain", "שלום"] {
            assert!(!version_matches(&version, query), "{query:?}");
        }
        let no_description = ModelPackageSummary {
            model_package_description: None,
            ..version
        };
        assert!(!version_matches(&no_description, "large"));
    }

    #[test]
    fn the_filter_joins_search_and_approval_and_the_sort_orders_what_is_left() {
        let rows: Vec<VersionRow> = [
            summary(1, "Approved", "November retrain"),
            summary(2, "Rejected", "Shallower trees"),
            summary(3, "Approved", "Retrain on December data"),
        ]
        .into_iter()
        .map(VersionRow::listed)
        .collect();
        let search = VersionFilter {
            query: "retrain".into(),
            approval: None,
        };
        assert_eq!(shown_versions(&rows, &search, Sort::default()), [2, 0]);
        let ascending = Sort {
            key: SortKey::Version,
            ascending: true,
        };
        assert_eq!(shown_versions(&rows, &search, ascending), [0, 2]);
        let rejected = VersionFilter {
            query: String::new(),
            approval: Some("Rejected".into()),
        };
        assert_eq!(shown_versions(&rows, &rejected, Sort::default()), [1]);
        let both = VersionFilter {
            query: "retrain".into(),
            approval: Some("Rejected".into()),
        };
        assert!(shown_versions(&rows, &both, Sort::default()).is_empty());
        assert_eq!(
            shown_versions(&rows, &VersionFilter::default(), ascending),
            [0, 1, 2]
        );
    }

    #[test]
    fn the_count_is_said_with_what_was_asked_and_no_match_plainly() {
        let search = |query: &str| VersionFilter {
            query: query.into(),
            approval: None,
        };
        assert_eq!(match_summary(VERSIONS, 4, Some(4), &[]), "4 versions");
        assert_eq!(match_summary(VERSIONS, 1, Some(1), &[]), "1 version");
        assert_eq!(match_summary(VERSIONS, 0, Some(0), &[]), "No versions");
        assert_eq!(
            match_summary(VERSIONS, 2, Some(4), &search("retrain").criteria()),
            "2 of 4 versions match “\u{2068}retrain\u{2069}”"
        );
        assert_eq!(
            match_summary(VERSIONS, 1, Some(4), &search(" retrain ").criteria()),
            "1 of 4 versions matches “\u{2068}retrain\u{2069}”"
        );
        assert_eq!(
            match_summary(VERSIONS, 0, Some(4), &search("zzz").criteria()),
            "No version matches “\u{2068}zzz\u{2069}”"
        );
        let both = VersionFilter {
            query: "retrain".into(),
            approval: Some("Approved".into()),
        };
        assert_eq!(
            match_summary(VERSIONS, 2, Some(4), &both.criteria()),
            "2 of 4 versions match “\u{2068}retrain\u{2069}” and are Approved"
        );
        assert_eq!(
            match_summary(VERSIONS, 0, Some(4), &both.criteria()),
            "No version matches “\u{2068}retrain\u{2069}” and is Approved"
        );
        assert_eq!(
            groups_summary(2, "fraud"),
            "2 groups match “\u{2068}fraud\u{2069}”"
        );
        assert_eq!(
            groups_summary(1, " fraud "),
            "1 group matches “\u{2068}fraud\u{2069}”"
        );
        assert_eq!(
            groups_summary(0, "fraud"),
            "No group matches “\u{2068}fraud\u{2069}”"
        );
        assert_eq!(groups_summary(3, ""), "3 groups");
        assert_eq!(
            groups_summary(3, "  "),
            "3 groups",
            "spaces alone search nothing"
        );
    }
}
