//! A restored draft comes back where it was: the view, section and field
//! the reviewer was in (kept in the draft as [`DraftPlace`]), and, for a
//! registry version's card, the version reopened for submitting against
//! what the registry held when the card was opened ([`RegistryBase`]), so
//! that a change made on the server since is still found at submit time
//! rather than silently overwritten. What to focus, which package to
//! submit against, and the sentences that say how it went, decided here.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::import::import_text;
use super::pointer::JsonPointer;
use super::sagemaker::{ModelCard, ModelPackage};

/// Which view of the card the reviewer was in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftView {
    /// The generated form.
    #[default]
    Form,
    /// The JSON text.
    Source,
    /// The read-only, printable card.
    Preview,
}

/// Where the source view's text box was: its selection (a caret is an
/// empty one) and its scroll.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpot {
    /// Start and end of the selection, in UTF-16 offsets (as the browser
    /// counts them).
    pub selection: (u32, u32),
    /// How far the text box was scrolled down and across.
    pub scroll: (i32, i32),
}

/// Where the reviewer was when the draft was saved. Every member has a
/// default, so a draft written before places were kept still loads (and
/// comes back to the top of the form, as it did then).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftPlace {
    /// The view shown.
    #[serde(default)]
    pub view: DraftView,
    /// The section (a top-level member of the card) last worked in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The form field last worked in, as a JSON Pointer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// In the source view, where its text box was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextSpot>,
}

impl DraftPlace {
    /// Notes that focus went to a form element: `path` is the JSON Pointer
    /// of the nearest element carrying one (`data-path`), `section` the key
    /// of the section it lies in. Focus on a section itself (from the
    /// section list) forgets the field of another section.
    pub fn focused(&mut self, path: Option<&str>, section: Option<&str>) {
        let pointer = path.and_then(|path| JsonPointer::parse(path).ok());
        let section = section
            .map(str::to_owned)
            .or_else(|| pointer.as_ref().and_then(|p| p.first().map(str::to_owned)));
        match pointer {
            Some(pointer) if !pointer.is_root() => self.field = Some(pointer.to_string()),
            _ if section != self.section => self.field = None,
            _ => {}
        }
        if section.is_some() {
            self.section = section;
        }
    }

    /// Where focus goes when the draft is restored.
    pub fn focus(&self) -> FocusTarget {
        match self.view {
            DraftView::Source => FocusTarget::SourceText(self.text.unwrap_or_default()),
            DraftView::Preview => FocusTarget::Tab(DraftView::Preview),
            DraftView::Form => {
                let field = self
                    .field
                    .as_deref()
                    .and_then(|field| JsonPointer::parse(field).ok())
                    .filter(|pointer| !pointer.is_root());
                match (field, &self.section) {
                    (Some(pointer), _) => FocusTarget::Field(pointer),
                    (None, Some(section)) => FocusTarget::Section(section.clone()),
                    (None, None) => FocusTarget::Tab(DraftView::Form),
                }
            }
        }
    }
}

/// What takes focus when a draft comes back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The form field at this pointer (or, when it is gone, its nearest
    /// ancestor that is shown).
    Field(JsonPointer),
    /// The section with this key, its heading in view.
    Section(String),
    /// The source view's text box, with this selection and scroll.
    SourceText(TextSpot),
    /// The tab of a view: nothing finer was recorded.
    Tab(DraftView),
}

/// What the registry held for a version when its card was opened (or last
/// merged with the server's), kept in the draft so that a restored draft
/// submits against it: the submit compares the version's
/// `LastModifiedTime` with this one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistryBase {
    /// The version's ARN.
    pub arn: String,
    /// Its `LastModifiedTime` then, in epoch seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<f64>,
    /// Its card's `ModelCardStatus` then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_status: Option<String>,
    /// Its card then, when that is not the draft's `source_card` (after the
    /// server's changes were merged in); usually absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<Value>,
}

impl RegistryBase {
    /// The base of a version opened as `package`, whose card was `card`;
    /// `source_card` is the card the draft departs from.
    pub fn of(package: &ModelPackage, card: &Value, source_card: &Value) -> Self {
        Self {
            arn: package.model_package_arn.clone(),
            last_modified_time: package.last_modified_time,
            card_status: package
                .model_card
                .as_ref()
                .and_then(|card| card.model_card_status.clone()),
            card: (card != source_card).then(|| card.clone()),
        }
    }
}

/// The card a described version holds: empty when it has none, `None`
/// when its text cannot be read.
pub fn registry_card(package: &ModelPackage) -> Option<Value> {
    let content = package
        .model_card
        .as_ref()
        .and_then(|card| card.model_card_content.clone())
        .unwrap_or_default();
    import_text(&json!({ "ModelCardContent": content }).to_string())
        .ok()
        .map(|imported| imported.card)
}

/// A registry version reopened for a restored draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Reopened {
    /// The version to submit against: as described now, but with the
    /// base's `LastModifiedTime` and card, so a change made on the server
    /// since the draft began is found at submit time.
    pub package: ModelPackage,
    /// The card as opened: the review's "before", the merge's base.
    pub card: Value,
    /// Whether the version changed on the server since then.
    pub changed_since: bool,
}

/// The version a restored draft submits against. `described` is the
/// version as the registry describes it now; `base` what the draft kept of
/// it when opened, with `source_card` the card the draft departs from. A
/// draft written before bases were kept has none: its version counts as
/// unchanged only while the registry's card is still the draft's source
/// (otherwise the submit must stop and show the server's changes).
pub fn reopen(
    described: ModelPackage,
    base: Option<&RegistryBase>,
    source_card: &Value,
) -> Reopened {
    let base = base.filter(|base| base.arn == described.model_package_arn);
    let card = base
        .and_then(|base| base.card.clone())
        .unwrap_or_else(|| source_card.clone());
    let (last_modified_time, card_status) = match base {
        Some(base) => (base.last_modified_time, base.card_status.clone()),
        None if registry_card(&described).as_ref() == Some(&card) => (
            described.last_modified_time,
            described
                .model_card
                .as_ref()
                .and_then(|card| card.model_card_status.clone()),
        ),
        None => (None, None),
    };
    let changed_since = described.last_modified_time != last_modified_time;
    let package = ModelPackage {
        last_modified_time,
        model_card: Some(ModelCard {
            model_card_content: Some(card.to_string()),
            model_card_status: card_status,
        }),
        ..described
    };
    Reopened {
        package,
        card,
        changed_since,
    }
}

/// "fraud-detector, version 3" from a model package ARN
/// (`arn:aws:sagemaker:REGION:ACCOUNT:model-package/GROUP/VERSION`), or
/// the ARN itself when it is not of that form.
pub fn version_name_of(arn: &str) -> String {
    let resource = arn.rsplit_once(":model-package/").map(|(_, rest)| rest);
    match resource.and_then(|rest| rest.split_once('/')) {
        Some((group, version)) if version.parse::<u32>().is_ok() => {
            format!("{group}, version {version}")
        }
        _ => arn.to_owned(),
    }
}

/// Why a version cannot be reopened on a page with no registry configured.
pub const NO_REGISTRY_TEXT: &str = "This page has no model registry configured.";

/// Why a version cannot be reopened before the reviewer has signed in (a
/// deployment that signs in the page).
pub const NEEDS_CREDENTIALS_TEXT: &str = "The model registry needs your credentials first: sign in from Model registry, then open the version there.";

/// Said beside the restore action while the version is being reopened.
pub fn reopening_text(arn: &str) -> String {
    format!(
        "Reopening {} from the model registry\u{2026}",
        version_name_of(arn)
    )
}

/// Said once a registry version's draft is restored and the version
/// reopened: where it is, and when the server changed it meanwhile, that
/// the submit will show it.
pub fn reopened_text(name: &str, changed_since: bool) -> String {
    let changed = if changed_since {
        " It changed in the registry since this draft was started: Review and submit shows the registry's changes to merge before anything is sent."
    } else {
        ""
    };
    format!("{name} is open again: Review and submit sends this card to the registry.{changed}")
}

/// Why a version could not be reopened, said beside the restore action:
/// the card is restored all the same, and the draft kept.
pub fn not_reopened_text(arn: &str, reason: &str) -> String {
    format!(
        "Your draft is restored, but {} could not be reopened from the model registry, so it cannot be submitted from here yet. {reason} The draft stays saved in this browser.",
        version_name_of(arn)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn described(last_modified: f64, content: &str, status: &str) -> ModelPackage {
        serde_json::from_value(json!({
            "ModelPackageArn": "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud-detector/1",
            "ModelPackageGroupName": "fraud-detector",
            "ModelPackageVersion": 1,
            "LastModifiedTime": last_modified,
            "ModelApprovalStatus": "Approved",
            "ModelCard": {"ModelCardContent": content, "ModelCardStatus": status}
        }))
        .unwrap()
    }

    fn card() -> Value {
        json!({"model_overview": {"model_creator": "Team"}})
    }

    #[test]
    fn a_place_without_anything_recorded_is_the_form_tab() {
        let place: DraftPlace = serde_json::from_str("{}").unwrap();
        assert_eq!(place, DraftPlace::default());
        assert_eq!(place.focus(), FocusTarget::Tab(DraftView::Form));
    }

    #[test]
    fn focus_on_a_field_records_it_and_its_section() {
        let mut place = DraftPlace::default();
        place.focused(Some("/training_details/training_observations"), None);
        assert_eq!(
            place.field.as_deref(),
            Some("/training_details/training_observations")
        );
        assert_eq!(place.section.as_deref(), Some("training_details"));
        assert_eq!(
            place.focus(),
            FocusTarget::Field(
                JsonPointer::parse("/training_details/training_observations").unwrap()
            )
        );
    }

    #[test]
    fn focus_on_another_section_forgets_the_field_and_lands_on_the_section() {
        let mut place = DraftPlace::default();
        place.focused(
            Some("/model_overview/model_creator"),
            Some("model_overview"),
        );
        place.focused(None, Some("model_overview"));
        assert_eq!(
            place.field.as_deref(),
            Some("/model_overview/model_creator"),
            "the field's own section keeps the field"
        );
        place.focused(None, Some("training_details"));
        assert_eq!(place.field, None);
        assert_eq!(
            place.focus(),
            FocusTarget::Section("training_details".into())
        );
    }

    #[test]
    fn unreadable_pointers_are_not_recorded() {
        let mut place = DraftPlace::default();
        place.focused(Some("no slash"), None);
        place.focused(Some(""), None);
        assert_eq!(place, DraftPlace::default());
    }

    #[test]
    fn the_source_and_preview_views_focus_their_own_places() {
        let spot = TextSpot {
            selection: (40, 45),
            scroll: (120, 0),
        };
        let place = DraftPlace {
            view: DraftView::Source,
            text: Some(spot),
            field: Some("/a".into()),
            ..DraftPlace::default()
        };
        assert_eq!(place.focus(), FocusTarget::SourceText(spot));
        let place = DraftPlace {
            view: DraftView::Preview,
            section: Some("model_overview".into()),
            ..DraftPlace::default()
        };
        assert_eq!(place.focus(), FocusTarget::Tab(DraftView::Preview));
    }

    #[test]
    fn a_place_round_trips_and_leaves_out_what_it_lacks() {
        let place = DraftPlace {
            view: DraftView::Source,
            section: None,
            field: None,
            text: Some(TextSpot {
                selection: (3, 3),
                scroll: (0, 0),
            }),
        };
        let text = serde_json::to_string(&place).unwrap();
        assert_eq!(
            text,
            r#"{"view":"source","text":{"selection":[3,3],"scroll":[0,0]}}"#
        );
        assert_eq!(serde_json::from_str::<DraftPlace>(&text).unwrap(), place);
    }

    #[test]
    fn a_base_keeps_the_time_and_status_and_its_card_only_when_it_differs() {
        let package = described(100.5, &card().to_string(), "PendingReview");
        let base = RegistryBase::of(&package, &card(), &card());
        assert_eq!(base.last_modified_time, Some(100.5));
        assert_eq!(base.card_status.as_deref(), Some("PendingReview"));
        assert_eq!(base.card, None);
        let merged = json!({"model_overview": {"model_creator": "Theirs"}});
        assert_eq!(
            RegistryBase::of(&package, &merged, &card()).card,
            Some(merged)
        );
    }

    #[test]
    fn a_restored_draft_submits_against_its_base_so_a_later_change_is_found() {
        let base = RegistryBase::of(
            &described(100.0, &card().to_string(), "Draft"),
            &card(),
            &card(),
        );
        // Changed on the server since: newer time, other card and status.
        let now = described(
            200.0,
            r#"{"model_overview":{"model_creator":"Theirs"}}"#,
            "Approved",
        );
        let reopened = reopen(now, Some(&base), &card());
        assert_eq!(reopened.package.last_modified_time, Some(100.0));
        assert!(reopened.changed_since);
        assert_eq!(reopened.card, card());
        let model_card = reopened.package.model_card.unwrap();
        assert_eq!(model_card.model_card_status.as_deref(), Some("Draft"));
        assert_eq!(model_card.model_card_content, Some(card().to_string()));
        assert_eq!(
            reopened.package.model_approval_status.as_deref(),
            Some("Approved")
        );
    }

    #[test]
    fn an_unchanged_version_reopens_as_it_is() {
        let package = described(100.0, &card().to_string(), "Draft");
        let base = RegistryBase::of(&package, &card(), &card());
        let reopened = reopen(package.clone(), Some(&base), &card());
        assert!(!reopened.changed_since);
        assert_eq!(reopened.package.last_modified_time, Some(100.0));
    }

    #[test]
    fn after_a_merge_the_base_card_is_the_servers() {
        let theirs = json!({"model_overview": {"model_creator": "Theirs"}});
        let package = described(200.0, &theirs.to_string(), "Draft");
        let base = RegistryBase::of(&package, &theirs, &card());
        let reopened = reopen(package, Some(&base), &card());
        assert_eq!(reopened.card, theirs);
        assert!(!reopened.changed_since);
    }

    #[test]
    fn a_draft_without_a_base_is_unchanged_only_while_the_registry_holds_its_source() {
        let same = reopen(
            described(300.0, &card().to_string(), "Draft"),
            None,
            &card(),
        );
        assert!(!same.changed_since);
        assert_eq!(same.package.last_modified_time, Some(300.0));
        let other = reopen(described(300.0, r#"{"a": 1}"#, "Draft"), None, &card());
        assert!(other.changed_since);
        assert_eq!(
            other.package.last_modified_time, None,
            "no time matches the server's, so the submit stops to show its changes"
        );
    }

    #[test]
    fn a_base_of_another_version_is_not_used() {
        let mut base = RegistryBase::of(&described(1.0, "{}", "Draft"), &card(), &card());
        base.arn = "arn:aws:sagemaker:us-east-2:123456789012:model-package/other/2".into();
        let reopened = reopen(described(5.0, r#"{"a": 1}"#, "Draft"), Some(&base), &card());
        assert_eq!(reopened.package.last_modified_time, None);
    }

    #[test]
    fn a_version_without_a_card_has_an_empty_one() {
        let mut package = described(1.0, "", "Draft");
        package.model_card = None;
        assert_eq!(registry_card(&package), Some(json!({})));
        let reopened = reopen(package, None, &json!({}));
        assert!(!reopened.changed_since);
    }

    #[test]
    fn versions_are_named_as_people_say_them() {
        assert_eq!(
            version_name_of(
                "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud-detector/3"
            ),
            "fraud-detector, version 3"
        );
        assert_eq!(
            version_name_of("arn:aws:sagemaker:us-east-2:123456789012:model-package/unversioned"),
            "arn:aws:sagemaker:us-east-2:123456789012:model-package/unversioned"
        );
        assert_eq!(
            reopening_text("arn:aws:sagemaker:us-east-2:1:model-package/g/1"),
            "Reopening g, version 1 from the model registry\u{2026}"
        );
    }

    #[test]
    fn what_is_said_after_reopening_names_a_change_on_the_server() {
        assert!(!reopened_text("g, version 1", false).contains("changed"));
        assert!(reopened_text("g, version 1", true).contains("changed in the registry"));
        let failed = not_reopened_text(
            "arn:aws:sagemaker:us-east-2:1:model-package/g/1",
            "The endpoint could not be reached.",
        );
        assert!(
            failed.starts_with("Your draft is restored, but g, version 1 could not be reopened")
        );
        assert!(failed.ends_with("The draft stays saved in this browser."));
    }
}
