//! What a reviewer reads before a submit, and on the conflict screen: the
//! field-level diff ([`super::merge::diff`]) turned into a list of changes
//! a person can check, and the changes beside the card (card status,
//! approval status and description).
//!
//! Every decision the review makes is here, so the view only lays it out:
//! where a change is, in the form's own words, with the names of the items
//! on the way ("Evaluation 1 “November holdout”"); many cells of one matrix,
//! line graph or bar chart changed together are one change listing its
//! cells, each named by its row and column labels; how a value is shown
//! (text in quotation marks, JSON compact) and when it is too long to show
//! whole, so the list stays readable and the whole value is one click away.
//!
//! How a value is shown is in `shown`, where a change is and how grid
//! cells group in `places`, the changes beside the card in `beside`; this
//! file keeps the limits they share and the sentences of the review.

mod beside;
mod places;
mod shown;

use serde_json::Value;

use super::merge::ChangeKind;
pub use beside::{
    ApprovalAsked, BesideLine, StatusMerge, beside_card, merge_card_status, server_card_status,
    server_changes,
};
pub use places::{CellChange, EntryValues, ReviewEntry, review_entries, where_label};
use shown::group_digits;
pub use shown::{ShownValue, shorten, show_value};

/// A value longer than this many characters is shortened in the list.
pub const SHORT_CHARS: usize = 160;
/// A value of more lines than this is shortened in the list.
pub const SHORT_LINES: usize = 6;
/// A grouped change lists this many cells at first; the rest are behind a
/// disclosure (a pasted matrix can change thousands).
pub const CELLS_LISTED: usize = 20;
/// At least this many changed cells of one grid are shown as one change.
pub const GROUP_AT_LEAST: usize = 2;
/// An item's name in a "where" label is cut after this many characters.
const NAME_CHARS: usize = 60;
/// Shortening looks back this far for a space to cut at.
const WORD_BACKTRACK: usize = 30;

/// The word for how a place changed.
pub fn kind_word(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "Added",
        ChangeKind::Removed => "Removed",
        ChangeKind::Changed => "Changed",
    }
}

/// "4 cells changed", said above a grouped change's cells.
pub fn cells_summary(count: usize) -> String {
    match count {
        1 => "1 cell changed".to_owned(),
        n => format!("{} cells changed", group_digits(n)),
    }
}

/// "Show the other 180 cells", the disclosure after the first
/// [`CELLS_LISTED`] cells of a grouped change.
pub fn more_cells(count: usize) -> Option<String> {
    let rest = count.checked_sub(CELLS_LISTED).filter(|rest| *rest > 0)?;
    Some(match rest {
        1 => "Show the other cell".to_owned(),
        n => format!("Show the other {} cells", group_digits(n)),
    })
}

/// Two versions' cards compared field by field, as the review shows a
/// submit's changes: what `newer` changes of `older`.
pub fn compare_cards(older: &Value, newer: &Value) -> Vec<ReviewEntry> {
    let form = &super::form::card_form().root;
    review_entries(form, older, newer, &super::merge::diff(older, newer))
}

/// The heading of a comparison: which two cards and how many changes.
pub fn comparison_heading(older: &str, newer: &str, changes: usize) -> String {
    match changes {
        0 => format!("The cards of {older} and {newer} are the same."),
        1 => format!("From the card of {older} to that of {newer}: 1 change"),
        n => format!("From the card of {older} to that of {newer}: {n} changes"),
    }
}

/// The warning a review gives when the card breaks its schema: the
/// registry may refuse it, but the reviewer may still submit.
pub fn schema_problems_sentence(count: usize) -> String {
    match count {
        1 => "The card has 1 problem; the registry may refuse it until it is fixed.".to_owned(),
        n => format!("The card has {n} problems; the registry may refuse it until they are fixed."),
    }
}

/// "The card: 2 changes", the heading of the card's changes.
pub fn card_changes_heading(count: usize) -> String {
    match count {
        0 => "The card: no changes".to_owned(),
        1 => "The card: 1 change".to_owned(),
        n => format!("The card: {} changes", group_digits(n)),
    }
}

/// The first paragraph of the review: what Submit will do.
pub fn review_summary(version: &str, entries: usize, beside_changes: usize) -> String {
    match (entries, beside_changes) {
        (0, 0) => format!(
            "Nothing differs from {version} as the server holds it; Submit sends the card as it is."
        ),
        (0, _) => format!(
            "The card is the same as on the server; Submit changes what is listed beside it for {version}."
        ),
        _ => format!(
            "Submit sends these changes to {version}. Check each one; long values can be shown whole."
        ),
    }
}

/// The first paragraph of the conflict screen.
pub fn conflict_summary(version: &str, applied: usize, conflicts: usize) -> String {
    let edits = match applied {
        1 => "1 of your edits merges".to_owned(),
        n => format!("{n} of your edits merge"),
    };
    let places = match conflicts {
        0 => "no place was changed by both sides".to_owned(),
        1 => "1 place was changed by both sides".to_owned(),
        n => format!("{n} places were changed by both sides"),
    };
    format!(
        "{version} changed on the server since you opened it. {edits} cleanly with the server's changes; {places}."
    )
}

/// The confirmation beside the submit bar, once the version read back
/// holds the card.
pub fn submitted_message(version: &str, status: &str, approval: Option<&str>) -> String {
    let approval = approval
        .map(|status| format!(" Approval status: {status}."))
        .unwrap_or_default();
    format!("Submitted. {version} now holds this card (status {status}).{approval}")
}

/// What a merge with the server's version did.
pub fn merged_message(applied: usize, conflicts: usize, status_taken: Option<&str>) -> String {
    let resolved = match conflicts {
        1 => "1 conflict resolved".to_owned(),
        n => format!("{n} conflicts resolved"),
    };
    let status = status_taken
        .map(|status| format!(" The card status is the server's: {status}."))
        .unwrap_or_default();
    format!(
        "Merged with the server's version: {applied} of your edits applied, {resolved}.{status} Review and submit again (Undo takes the merge back)."
    )
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::domain::pointer::JsonPointer;
    use crate::domain::sagemaker::ModelPackage;

    #[test]
    fn two_versions_cards_compare_as_the_review_does() {
        let older = json!({"model_overview": {"model_creator": "A"}, "intended_uses": {"risk_rating": "Low"}});
        let newer = json!({"model_overview": {"model_creator": "B"}, "intended_uses": {"risk_rating": "Low"}});
        let changes = compare_cards(&older, &newer);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            changes[0].pointer.to_string(),
            "/model_overview/model_creator"
        );
        assert!(compare_cards(&older, &older).is_empty());
        assert_eq!(
            comparison_heading("version 1", "version 2", 0),
            "The cards of version 1 and version 2 are the same."
        );
        assert_eq!(
            comparison_heading("version 1", "version 2", 3),
            "From the card of version 1 to that of version 2: 3 changes"
        );
    }

    #[test]
    fn the_schema_warning_counts() {
        assert!(schema_problems_sentence(1).starts_with("The card has 1 problem;"));
        assert!(schema_problems_sentence(4).contains("4 problems"));
    }
    use crate::domain::form::card_form;
    use crate::domain::merge::diff;
    use crate::domain::sagemaker::ModelCard;

    fn entries(old: &Value, new: &Value) -> Vec<ReviewEntry> {
        review_entries(&card_form().root, old, new, &diff(old, new))
    }

    fn confusion(value: Value) -> Value {
        json!({"evaluation_details": [{"name": "November holdout", "metric_groups": [{"name": "binary", "metric_data": [
            {"name": "confusion matrix", "type": "matrix", "value": value,
             "x_axis_name": ["predicted legit", "predicted fraud"], "y_axis_name": ["actual legit", "actual fraud"]}
        ]}]}]})
    }

    #[test]
    fn a_change_is_named_with_the_items_on_the_way_and_shows_both_values() {
        let old = json!({"model_overview": {"model_creator": "Fraud team"}, "evaluation_details": [{"name": "Nov", "evaluation_observation": "ok"}]});
        let new = json!({"model_overview": {"model_creator": "Risk team"}, "evaluation_details": [{"name": "Nov", "evaluation_observation": "fine"}]});
        let list = entries(&old, &new);
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].place, "Model overview › Model creator");
        assert_eq!(
            list[0].values,
            EntryValues::One {
                before: ShownValue::text("Fraud team"),
                after: ShownValue::text("Risk team")
            }
        );
        assert_eq!(
            list[1].place,
            "Evaluation details › Evaluation 1 “Nov” › Observations"
        );
        assert_eq!(list[1].kind, ChangeKind::Changed);
    }

    #[test]
    fn a_removed_place_is_named_in_the_card_that_had_it() {
        let old = confusion(json!([[1, 2], [3, 4]]));
        let mut new = old.clone();
        new["evaluation_details"][0]["metric_groups"][0]["metric_data"][0]
            .as_object_mut()
            .unwrap()
            .shift_remove("x_axis_name");
        let list = entries(&old, &new);
        assert_eq!(list[0].kind, ChangeKind::Removed);
        assert!(
            list[0]
                .place
                .ends_with("Metric 1 “confusion matrix” › Column labels"),
            "{}",
            list[0].place
        );
        assert!(matches!(&list[0].values, EntryValues::One { after, .. } if after.absent));
    }

    #[test]
    fn many_cells_of_one_matrix_are_one_change_listing_each_cell_by_its_labels() {
        let list = entries(
            &confusion(json!([[98120, 310], [214, 1356]])),
            &confusion(json!([[98000, 310], [300, 1400]])),
        );
        assert_eq!(list.len(), 1);
        let entry = &list[0];
        assert_eq!(
            entry.pointer.to_string(),
            "/evaluation_details/0/metric_groups/0/metric_data/0/value"
        );
        assert_eq!(
            entry.place,
            "Evaluation details › Evaluation 1 “November holdout” › Metric groups › Metric group 1 “binary” › Metrics › Metric 1 “confusion matrix” › Matrix"
        );
        let EntryValues::Cells(cells) = &entry.values else {
            panic!("a grouped change")
        };
        let labels: Vec<&str> = cells.iter().map(|cell| cell.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Row 1 “actual legit”, column 1 “predicted legit”",
                "Row 2 “actual fraud”, column 1 “predicted legit”",
                "Row 2 “actual fraud”, column 2 “predicted fraud”",
            ]
        );
        assert_eq!(
            (cells[1].before.text.as_str(), cells[1].after.text.as_str()),
            ("214", "300")
        );
        assert_eq!(
            cells[1].pointer.to_string(),
            "/evaluation_details/0/metric_groups/0/metric_data/0/value/1/0"
        );
    }

    #[test]
    fn one_changed_cell_is_a_change_of_its_own_named_by_its_labels() {
        let list = entries(
            &confusion(json!([[1, 2], [3, 4]])),
            &confusion(json!([[1, 2], [3, 5]])),
        );
        assert_eq!(list.len(), 1);
        assert!(
            list[0]
                .place
                .ends_with("› Matrix › Row 2 “actual fraud”, column 2 “predicted fraud”"),
            "{}",
            list[0].place
        );
        assert_eq!(
            list[0].pointer.to_string(),
            "/evaluation_details/0/metric_groups/0/metric_data/0/value/1/1"
        );
    }

    #[test]
    fn unlabelled_rows_and_columns_are_numbered_and_a_grown_row_is_a_row() {
        let mut old = confusion(json!([[1, 2], [3, 4]]));
        let metric = &mut old["evaluation_details"][0]["metric_groups"][0]["metric_data"][0];
        metric["x_axis_name"] = json!([]);
        metric["y_axis_name"] = json!(["", "  "]);
        let mut new = old.clone();
        new["evaluation_details"][0]["metric_groups"][0]["metric_data"][0]["value"] =
            json!([[1, 2, 9], [5, 4]]);
        let list = entries(&old, &new);
        let EntryValues::Cells(cells) = &list[0].values else {
            panic!("a grouped change")
        };
        let labels: Vec<&str> = cells.iter().map(|cell| cell.label.as_str()).collect();
        assert_eq!(labels, ["Row 1", "Row 2, column 1"]);
        assert_eq!(cells[0].after.text, "[1,2,9]");
    }

    #[test]
    fn points_and_bars_are_grouped_and_named_by_their_axes_and_labels() {
        let card = |points: Value, bars: Value| {
            json!({"evaluation_details": [{"metric_groups": [{"metric_data": [
                {"name": "roc", "type": "linear_graph", "value": points, "x_axis_name": "false positive rate", "y_axis_name": "true positive rate"},
                {"name": "recall", "type": "bar_chart", "value": bars, "x_axis_name": ["new", "regular", "premium"]}
            ]}]}]})
        };
        let list = entries(
            &card(json!([[0.0, 0.0], [0.1, 0.7]]), json!([0.7, 0.6, 0.8])),
            &card(json!([[0.0, 0.1], [0.2, 0.7]]), json!([0.7, 0.65, 0.9])),
        );
        assert_eq!(list.len(), 2);
        let labels = |entry: &ReviewEntry| match &entry.values {
            EntryValues::Cells(cells) => cells.iter().map(|cell| cell.label.clone()).collect(),
            EntryValues::One { .. } => Vec::new(),
        };
        assert!(list[0].place.ends_with("Metric 1 “roc” › Points"));
        assert_eq!(
            labels(&list[0]),
            [
                "Point 1, true positive rate",
                "Point 2, false positive rate"
            ]
        );
        assert!(list[1].place.ends_with("Metric 2 “recall” › Bars"));
        assert_eq!(labels(&list[1]), ["Bar 2 “regular”", "Bar 3 “premium”"]);
    }

    #[test]
    fn changes_around_a_grid_are_not_pulled_into_its_group() {
        let old = confusion(json!([[1, 2], [3, 4]]));
        let mut new = confusion(json!([[0, 2], [3, 0]]));
        new["evaluation_details"][0]["metric_groups"][0]["metric_data"][0]["notes"] =
            json!("recounted");
        new["evaluation_details"][0]["name"] = json!("December holdout");
        let list = entries(&old, &new);
        let places: Vec<(&str, bool)> = list
            .iter()
            .map(|entry| {
                (
                    entry.place.rsplit(" › ").next().unwrap_or_default(),
                    matches!(entry.values, EntryValues::Cells(_)),
                )
            })
            .collect();
        assert_eq!(
            places,
            [("Name", false), ("Matrix", true), ("Notes", false)]
        );
        assert_eq!(list[2].kind, ChangeKind::Added);
    }

    #[test]
    fn the_whole_card_and_unknown_places_are_named() {
        let form = &card_form().root;
        assert_eq!(
            where_label(form, &json!({}), &JsonPointer::root()),
            "The whole card"
        );
        assert_eq!(
            where_label(
                form,
                &json!({"legacy_owner": 1}),
                &JsonPointer::parse("/legacy_owner").unwrap()
            ),
            "Legacy owner"
        );
    }

    #[test]
    fn a_long_item_name_is_cut_in_the_where_label() {
        let name = "n".repeat(200);
        let card = json!({"evaluation_details": [{"name": name, "datasets": ["a"]}]});
        let place = where_label(
            &card_form().root,
            &card,
            &JsonPointer::parse("/evaluation_details/0/datasets/0").unwrap(),
        );
        assert_eq!(
            place,
            format!(
                "Evaluation details › Evaluation 1 “{}…” › Datasets › Dataset 1",
                "n".repeat(NAME_CHARS - 1)
            )
        );
    }

    #[test]
    fn values_are_shown_as_a_reviewer_reads_them() {
        assert_eq!(show_value(None), ShownValue::absent());
        assert_eq!(show_value(None).text, "(none)");
        let text = show_value(Some(&json!("<b>bold</b>")));
        assert_eq!(
            (text.text.as_str(), text.quoted, text.full),
            ("<b>bold</b>", true, None)
        );
        assert_eq!(show_value(Some(&json!(""))).text, "");
        let number: Value = serde_json::from_str("1.0").unwrap();
        assert_eq!(show_value(Some(&number)).text, "1.0");
        assert_eq!(show_value(Some(&json!(true))).text, "true");
        assert_eq!(show_value(Some(&json!([1, 2]))).text, "[1,2]");
        assert!(!show_value(Some(&json!({"a": 1}))).quoted);
    }

    #[test]
    fn a_long_text_is_shortened_after_a_word_and_kept_whole_behind_a_disclosure() {
        let long = "word ".repeat(100);
        let shown = show_value(Some(&json!(long)));
        assert!(shown.text.ends_with("word…"), "{}", shown.text);
        assert!(shown.text.chars().count() <= SHORT_CHARS + 1);
        assert_eq!(shown.full.as_deref(), Some(long.as_str()));
        assert_eq!(
            shown.disclosure("Before").as_deref(),
            Some("Show the whole text (Before, 500 characters)")
        );
        assert_eq!(ShownValue::text("short").disclosure("After"), None);
    }

    #[test]
    fn many_lines_are_shortened_to_the_first_lines() {
        let lines = (1..=10).map(|n| format!("line {n}")).collect::<Vec<_>>();
        let shown = ShownValue::text(&lines.join("\n"));
        assert_eq!(shown.text, format!("{}…", lines[..6].join("\n")));
        assert!(shown.full.is_some());
        assert!(ShownValue::text(&lines[..6].join("\n")).full.is_none());
    }

    #[test]
    fn shortening_never_splits_a_character_of_several_code_points() {
        let family = "👩\u{200d}👩\u{200d}👧\u{200d}👦";
        let text = family.repeat(60);
        let short = shorten(&text).unwrap();
        let start = short.trim_end_matches('…');
        assert!(text.starts_with(start));
        assert_eq!(start.chars().count() % family.chars().count(), 0, "{start}");
        let accented = "e\u{301}".repeat(200);
        let short = shorten(&accented).unwrap();
        assert!(!short.starts_with('\u{301}'));
        assert_eq!(short.trim_end_matches('…').chars().count() % 2, 0);
        let rtl = "שלום ".repeat(50);
        assert!(shorten(&rtl).unwrap().starts_with("שלום"));
    }

    #[test]
    fn a_long_list_shows_compact_and_whole_laid_out() {
        let value = json!((0..100).collect::<Vec<_>>());
        let shown = show_value(Some(&value));
        assert!(shown.text.starts_with("[0,1,2,"));
        assert!(shown.text.ends_with('…'));
        assert!(shown.full.as_deref().unwrap().contains("\n  99\n"));
        assert_eq!(
            shown
                .disclosure("After")
                .as_deref()
                .map(|label| label.starts_with("Show the whole value (After, ")),
            Some(true)
        );
    }

    #[test]
    fn counts_are_worded_and_grouped() {
        assert_eq!(cells_summary(1), "1 cell changed");
        assert_eq!(cells_summary(2500), "2,500 cells changed");
        assert_eq!(more_cells(CELLS_LISTED), None);
        assert_eq!(
            more_cells(CELLS_LISTED + 1).as_deref(),
            Some("Show the other cell")
        );
        assert_eq!(
            more_cells(CELLS_LISTED + 1180).as_deref(),
            Some("Show the other 1,180 cells")
        );
        assert_eq!(card_changes_heading(0), "The card: no changes");
        assert_eq!(card_changes_heading(1), "The card: 1 change");
        assert_eq!(card_changes_heading(1234), "The card: 1,234 changes");
        assert_eq!(group_digits(1234567), "1,234,567");
        assert_eq!(group_digits(999), "999");
    }

    fn package(
        card_status: Option<&str>,
        approval: Option<&str>,
        why: Option<&str>,
    ) -> ModelPackage {
        ModelPackage {
            model_package_arn: "arn".to_owned(),
            model_package_group_name: None,
            model_package_version: None,
            model_package_description: None,
            creation_time: None,
            last_modified_time: None,
            model_package_status: None,
            model_approval_status: approval.map(str::to_owned),
            approval_description: why.map(str::to_owned),
            inference_specification: None,
            customer_metadata_properties: None,
            model_card: card_status.map(|status| ModelCard {
                model_card_content: Some("{}".to_owned()),
                model_card_status: Some(status.to_owned()),
            }),
        }
    }

    fn said(lines: &[BesideLine]) -> Vec<String> {
        lines
            .iter()
            .map(|line| match &line.after {
                Some(after) => format!("{}: {} → {}", line.what, line.before.text, after.text),
                None => format!("{}: {}", line.what, line.before.text),
            })
            .collect()
    }

    #[test]
    fn beside_the_card_the_status_changes_and_the_approval_is_left_unless_asked() {
        let server = package(Some("Approved"), Some("Approved"), Some("Reviewed"));
        assert_eq!(
            said(&beside_card(&server, Some("PendingReview"), None)),
            [
                "Card status: Approved → PendingReview",
                "Approval status: Approved"
            ]
        );
        assert_eq!(
            said(&beside_card(&server, Some("Approved"), None)),
            ["Card status: Approved", "Approval status: Approved"]
        );
        let asked = ApprovalAsked {
            status: "Rejected".to_owned(),
            description: "Card incomplete".to_owned(),
        };
        assert_eq!(
            said(&beside_card(&server, None, Some(&asked))),
            [
                "Card status: Approved",
                "Approval status: Approved → Rejected",
                "Approval description: Reviewed → Card incomplete"
            ]
        );
        let lines = beside_card(&server, None, Some(&asked));
        assert!(lines[2].before.quoted);
    }

    #[test]
    fn the_approval_options_start_as_the_server_holds_them() {
        let held = ApprovalAsked::as_held(&package(None, Some("Rejected"), Some("Recall too low")));
        assert_eq!(
            (held.status.as_str(), held.description.as_str()),
            ("Rejected", "Recall too low")
        );
        let server = package(None, Some("Rejected"), Some("Recall too low"));
        assert!(
            beside_card(&server, None, Some(&held))
                .iter()
                .all(|line| line.after.is_none())
        );
        let none = ApprovalAsked::as_held(&package(None, None, None));
        assert_eq!(
            (none.status.as_str(), none.description.as_str()),
            ("Approved", "")
        );
    }

    #[test]
    fn a_version_without_a_card_or_description_says_none() {
        let server = package(None, Some("PendingManualApproval"), None);
        let asked = ApprovalAsked {
            status: "PendingManualApproval".to_owned(),
            description: String::new(),
        };
        assert_eq!(
            said(&beside_card(&server, Some("Draft"), Some(&asked))),
            [
                "Card status: (none) → Draft",
                "Approval status: PendingManualApproval",
                "Approval description: (none)"
            ]
        );
    }

    #[test]
    fn the_server_changes_beside_the_card_are_only_what_differs() {
        let opened = package(Some("Approved"), Some("Approved"), Some("ok"));
        assert!(server_changes(&opened, &opened).is_empty());
        let now = package(Some("Archived"), Some("Rejected"), Some("ok"));
        assert_eq!(
            said(&server_changes(&opened, &now)),
            [
                "Card status: Approved → Archived",
                "Approval status: Approved → Rejected"
            ]
        );
    }

    #[test]
    fn the_card_status_merges_like_a_field() {
        use StatusMerge::*;
        assert_eq!(
            merge_card_status(Some("Draft"), Some("Draft"), Some("Approved")),
            Keep
        );
        assert_eq!(
            merge_card_status(Some("Draft"), Some("Archived"), Some("Draft")),
            TakeTheirs(Some("Archived".to_owned()))
        );
        assert_eq!(
            merge_card_status(None, Some("Draft"), None),
            TakeTheirs(Some("Draft".to_owned()))
        );
        assert_eq!(
            merge_card_status(Some("Draft"), Some("Approved"), Some("Approved")),
            Keep
        );
        assert_eq!(
            merge_card_status(Some("Draft"), Some("Archived"), Some("Approved")),
            Conflict {
                base: Some("Draft".to_owned()),
                theirs: Some("Archived".to_owned()),
                mine: Some("Approved".to_owned())
            }
        );
    }

    #[test]
    fn messages_say_what_happened() {
        assert_eq!(
            submitted_message("fraud-detector, version 1", "PendingReview", None),
            "Submitted. fraud-detector, version 1 now holds this card (status PendingReview)."
        );
        assert_eq!(
            submitted_message("v", "Draft", Some("Approved")),
            "Submitted. v now holds this card (status Draft). Approval status: Approved."
        );
        assert_eq!(
            merged_message(1, 1, None),
            "Merged with the server's version: 1 of your edits applied, 1 conflict resolved. Review and submit again (Undo takes the merge back)."
        );
        assert!(
            merged_message(2, 0, Some("Archived"))
                .contains("0 conflicts resolved. The card status is the server's: Archived.")
        );
        assert_eq!(
            conflict_summary("v", 1, 0),
            "v changed on the server since you opened it. 1 of your edits merges cleanly with the server's changes; no place was changed by both sides."
        );
        assert!(conflict_summary("v", 2, 3).contains("2 of your edits merge cleanly"));
        assert!(review_summary("v", 2, 1).starts_with("Submit sends these changes to v."));
        assert!(review_summary("v", 0, 0).starts_with("Nothing differs"));
    }
}
