//! The request and response shapes of the operations the editor calls,
//! named and nested as the service model names them.

use serde::{Deserialize, Serialize};

/// `ListModelPackageGroups` input.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListModelPackageGroupsInput {
    /// Only groups whose name contains this (at most 63 characters of
    /// `[a-zA-Z0-9-]`; see [`name_contains_filter`](super::name_contains_filter)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_contains: Option<String>,
    /// Page size, 1 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<u32>,
    /// The page to fetch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `Name` or `CreationTime`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// `Ascending` or `Descending`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<String>,
}

/// One model package group.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ModelPackageGroupSummary {
    /// Its name.
    pub model_package_group_name: String,
    /// Its ARN.
    pub model_package_group_arn: String,
    /// Its description.
    #[serde(default)]
    pub model_package_group_description: Option<String>,
    /// When it was made, in epoch seconds.
    pub creation_time: f64,
    /// Its status.
    pub model_package_group_status: String,
}

/// `ListModelPackageGroups` output.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListModelPackageGroupsOutput {
    /// The groups of this page.
    pub model_package_group_summary_list: Vec<ModelPackageGroupSummary>,
    /// The next page, when there is one.
    #[serde(default)]
    pub next_token: Option<String>,
}

/// `ListModelPackages` input.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListModelPackagesInput {
    /// The group whose versions to list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_package_group_name: Option<String>,
    /// Only versions with this approval status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_approval_status: Option<String>,
    /// `Versioned`, `Unversioned` or `Both`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_package_type: Option<String>,
    /// Page size, 1 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<u32>,
    /// The page to fetch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `Name` or `CreationTime`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    /// `Ascending` or `Descending`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<String>,
}

/// One model package version.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ModelPackageSummary {
    /// Its group.
    #[serde(default)]
    pub model_package_group_name: Option<String>,
    /// Its version number.
    #[serde(default)]
    pub model_package_version: Option<u32>,
    /// Its ARN.
    pub model_package_arn: String,
    /// Its description.
    #[serde(default)]
    pub model_package_description: Option<String>,
    /// When it was made, in epoch seconds.
    pub creation_time: f64,
    /// `Pending`, `InProgress`, `Completed`, `Failed` or `Deleting`.
    pub model_package_status: String,
    /// `Approved`, `Rejected` or `PendingManualApproval`.
    #[serde(default)]
    pub model_approval_status: Option<String>,
}

/// `ListModelPackages` output.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListModelPackagesOutput {
    /// The versions of this page.
    pub model_package_summary_list: Vec<ModelPackageSummary>,
    /// The next page, when there is one.
    #[serde(default)]
    pub next_token: Option<String>,
}

/// `DescribeModelPackage` input.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeModelPackageInput {
    /// A name or an ARN.
    pub model_package_name: String,
}

/// `DescribeTrainingJob` input (its output is read as JSON by
/// `domain::training_fill`, which takes what it needs).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeTrainingJobInput {
    /// The job's name (not its ARN: the API takes the name).
    pub training_job_name: String,
}

/// An inference container.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Container {
    /// The image.
    #[serde(default)]
    pub image: Option<String>,
    /// The image's digest.
    #[serde(default)]
    pub image_digest: Option<String>,
    /// Where the model data is.
    #[serde(default)]
    pub model_data_url: Option<String>,
}

/// How the version is served.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InferenceSpecification {
    /// Its containers.
    #[serde(default)]
    pub containers: Vec<Container>,
    /// Instance types for batch transform.
    #[serde(default)]
    pub supported_transform_instance_types: Vec<String>,
    /// Instance types for real-time inference.
    #[serde(default)]
    pub supported_realtime_inference_instance_types: Vec<String>,
    /// Input content types.
    #[serde(default)]
    pub supported_content_types: Vec<String>,
    /// Output MIME types.
    #[serde(default, rename = "SupportedResponseMIMETypes")]
    pub supported_response_mime_types: Vec<String>,
}

/// A model card as the registry holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ModelCard {
    /// The card as JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_card_content: Option<String>,
    /// `Draft`, `PendingReview`, `Approved` or `Archived`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_card_status: Option<String>,
}

/// `DescribeModelPackage` output: what the version details screen shows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ModelPackage {
    /// Its group.
    #[serde(default)]
    pub model_package_group_name: Option<String>,
    /// Its version number.
    #[serde(default)]
    pub model_package_version: Option<u32>,
    /// Its ARN.
    pub model_package_arn: String,
    /// Its description.
    #[serde(default)]
    pub model_package_description: Option<String>,
    /// When it was made, in epoch seconds.
    #[serde(default)]
    pub creation_time: Option<f64>,
    /// When it last changed, in epoch seconds: the conflict check compares it.
    #[serde(default)]
    pub last_modified_time: Option<f64>,
    /// Its status.
    #[serde(default)]
    pub model_package_status: Option<String>,
    /// Its approval status.
    #[serde(default)]
    pub model_approval_status: Option<String>,
    /// Why it was approved or rejected.
    #[serde(default)]
    pub approval_description: Option<String>,
    /// How it is served.
    #[serde(default)]
    pub inference_specification: Option<InferenceSpecification>,
    /// Key-value metadata.
    #[serde(default)]
    pub customer_metadata_properties: Option<std::collections::BTreeMap<String, String>>,
    /// Its card, when it has one.
    #[serde(default)]
    pub model_card: Option<ModelCard>,
}

impl ModelPackage {
    /// Where its inference containers' model data is, in order: what fills
    /// a card's model artifact.
    pub fn model_data_urls(&self) -> Vec<String> {
        self.inference_specification
            .iter()
            .flat_map(|spec| spec.containers.iter())
            .filter_map(|container| container.model_data_url.clone())
            .collect()
    }
}

/// `UpdateModelPackage` input; fields left out are left unchanged.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateModelPackageInput {
    /// The version.
    pub model_package_arn: String,
    /// A new approval status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_approval_status: Option<String>,
    /// Why (at most 1,024 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval_description: Option<String>,
    /// A new card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_card: Option<ModelCard>,
    /// Makes a retried update apply once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

/// `UpdateModelPackage` output.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateModelPackageOutput {
    /// The version updated.
    pub model_package_arn: String,
}
