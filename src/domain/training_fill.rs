//! Training details proposed from a training job (`DescribeTrainingJob`),
//! field by field, for the reviewer to keep, replace or merge: what the
//! editor's "Fill from training job" previews and `model-card
//! fill-training` applies. Nothing is cut or dropped to fit the schema: a
//! hyperparameter over 255 characters is proposed as it is, and the
//! preview shows the validator's problem with it. The `user_provided_*`
//! lists are never touched.

pub mod cli;

use serde_json::{Map, Value, json};

use super::form::card_form;
use super::issues::ValidationIssue;
use super::lints::lint_card;
use super::pointer::JsonPointer;
use super::validation::validate_card;

/// Where the training job's details go in the card.
const JOB: [&str; 2] = ["training_details", "training_job_details"];

/// The hyperparameter SageMaker sets on a tuning job's training jobs,
/// naming the tuning objective.
const TUNING_OBJECTIVE: &str = "_tuning_objective_metric";

/// One field the training job can fill.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProposal {
    /// Where in the card.
    pub pointer: JsonPointer,
    /// What the preview calls it.
    pub label: &'static str,
    /// What the card holds there now.
    pub now: Option<Value>,
    /// What the training job says.
    pub proposed: Value,
    /// Whether merging is offered (lists: by name, or by value).
    pub mergeable: bool,
}

/// What the reviewer chose for one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FillChoice {
    /// Leave the card's value.
    Keep,
    /// Take the training job's.
    Replace,
    /// Both lists together: the card's items, those of the same name (or
    /// value) taken from the job, the job's others added after.
    Merge,
}

impl FieldProposal {
    /// The choice offered first: replace what is empty, keep what already
    /// says the same, merge lists that differ, and otherwise replace.
    pub fn suggested(&self) -> FillChoice {
        match &self.now {
            None => FillChoice::Replace,
            Some(now) if *now == self.proposed => FillChoice::Keep,
            Some(Value::Array(items)) if items.is_empty() => FillChoice::Replace,
            Some(_) if self.mergeable => FillChoice::Merge,
            Some(_) => FillChoice::Replace,
        }
    }

    /// The field's own name (the last token of its pointer), as
    /// `fill-training`'s `--keep` and `--replace` name it.
    pub fn field(&self) -> &str {
        self.pointer.tokens().last().map_or("", String::as_str)
    }

    /// What the field holds after `choice`.
    pub fn result(&self, choice: FillChoice) -> Option<Value> {
        match (choice, &self.now) {
            (FillChoice::Keep, now) => now.clone(),
            (FillChoice::Replace, _) | (FillChoice::Merge, None) => Some(self.proposed.clone()),
            (FillChoice::Merge, Some(now)) => Some(merge_lists(now, &self.proposed)),
        }
    }
}

/// Why a file is not a `DescribeTrainingJob` response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FillError {
    /// Not a JSON object.
    NotAnObject,
    /// No `TrainingJobArn` or `TrainingJobName`: not a training job.
    NotATrainingJob,
}

impl std::fmt::Display for FillError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotAnObject => f.write_str("is not a DescribeTrainingJob response (a JSON object)"),
            Self::NotATrainingJob => f.write_str(
                "is not a DescribeTrainingJob response: it has no TrainingJobArn or TrainingJobName (save one with `aws sagemaker describe-training-job --training-job-name NAME`)",
            ),
        }
    }
}

impl std::error::Error for FillError {}

/// The fields `describe` (a `DescribeTrainingJob` response) can fill in
/// `card`, each with what the card holds now. Fields the job has nothing
/// for are not proposed.
pub fn propose(card: &Value, describe: &Value) -> Result<Vec<FieldProposal>, FillError> {
    let job = describe.as_object().ok_or(FillError::NotAnObject)?;
    if !job.contains_key("TrainingJobArn") && !job.contains_key("TrainingJobName") {
        return Err(FillError::NotATrainingJob);
    }
    let at = |tokens: &[&str]| JsonPointer::from_tokens(JOB.iter().chain(tokens).copied());
    let mut proposed = Vec::new();
    let mut add = |pointer: JsonPointer, label, value: Option<Value>, mergeable| {
        if let Some(value) = value {
            let now = pointer.resolve(card).cloned();
            proposed.push(FieldProposal {
                pointer,
                label,
                now,
                proposed: value,
                mergeable,
            });
        }
    };
    add(
        at(&["training_arn"]),
        "Training job ARN",
        job.get("TrainingJobArn").cloned(),
        false,
    );
    add(
        at(&["training_datasets"]),
        "Training datasets",
        datasets(job),
        true,
    );
    let image = job
        .get("AlgorithmSpecification")
        .and_then(|spec| spec.get("TrainingImage"))
        .cloned();
    add(
        at(&["training_environment", "container_image"]),
        "Container image",
        image.map(|image| json!([image])),
        true,
    );
    add(
        at(&["training_metrics"]),
        "Training metrics",
        metrics(job),
        true,
    );
    add(
        at(&["hyper_parameters"]),
        "Hyperparameters",
        hyper_parameters(job),
        true,
    );
    let objective = JsonPointer::from_tokens(["training_details", "objective_function"]);
    add(
        objective,
        "Objective function",
        tuning_objective(job),
        false,
    );
    Ok(proposed)
}

/// The S3 locations of the job's input channels.
fn datasets(job: &Map<String, Value>) -> Option<Value> {
    let uris: Vec<Value> = job
        .get("InputDataConfig")?
        .as_array()?
        .iter()
        .filter_map(|channel| {
            let source = channel.get("DataSource")?;
            let uri = source
                .get("S3DataSource")
                .and_then(|s3| s3.get("S3Uri"))
                .or_else(|| {
                    source
                        .get("FileSystemDataSource")
                        .and_then(|fs| fs.get("DirectoryPath"))
                })?;
            Some(uri.clone())
        })
        .collect();
    (!uris.is_empty()).then_some(Value::Array(uris))
}

/// `FinalMetricDataList` as training metrics.
fn metrics(job: &Map<String, Value>) -> Option<Value> {
    let list: Vec<Value> = job
        .get("FinalMetricDataList")?
        .as_array()?
        .iter()
        .filter_map(|metric| {
            Some(json!({"name": metric.get("MetricName")?, "value": metric.get("Value")?}))
        })
        .collect();
    (!list.is_empty()).then_some(Value::Array(list))
}

/// `HyperParameters` as the card's list, values as the job has them.
fn hyper_parameters(job: &Map<String, Value>) -> Option<Value> {
    let list: Vec<Value> = job
        .get("HyperParameters")?
        .as_object()?
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Value::String(text) => Value::String(text.clone()),
                other => Value::String(other.to_string()),
            };
            json!({"name": name, "value": value})
        })
        .collect();
    (!list.is_empty()).then_some(Value::Array(list))
}

/// The tuning objective, when the job was one of a tuning job's: its
/// metric from the hyperparameter SageMaker sets. Whether it was
/// maximised is in the tuning job, not here, so it is not guessed.
fn tuning_objective(job: &Map<String, Value>) -> Option<Value> {
    let tuning = job.get("TuningJobArn")?.as_str()?;
    let metric = job
        .get("HyperParameters")?
        .get(TUNING_OBJECTIVE)?
        .as_str()?;
    let metric = metric.trim_matches('"');
    Some(json!({
        "function": {"facet": metric},
        "notes": format!("The objective metric of the tuning job {tuning}; whether it was maximized or minimized is in that job's HyperParameterTuningJobObjective."),
    }))
}

/// Two lists together: items named alike (or equal strings) taken from
/// `proposed` in place, the others added after.
fn merge_lists(now: &Value, proposed: &Value) -> Value {
    let (Some(now), Some(proposed)) = (now.as_array(), proposed.as_array()) else {
        return proposed.clone();
    };
    let key = |item: &Value| item.get("name").cloned().unwrap_or_else(|| item.clone());
    let mut merged = now.clone();
    for item in proposed {
        match merged
            .iter_mut()
            .find(|existing| key(existing) == key(item))
        {
            Some(existing) => *existing = item.clone(),
            None => merged.push(item.clone()),
        }
    }
    Value::Array(merged)
}

/// `card` with each proposal's `choices` applied (one choice per
/// proposal, in order).
pub fn apply(card: &Value, proposals: &[FieldProposal], choices: &[FillChoice]) -> Value {
    let mut card = card.clone();
    for (proposal, choice) in proposals.iter().zip(choices) {
        if let Some(value) = proposal.result(*choice) {
            set(&mut card, &proposal.pointer, value);
        }
    }
    card
}

/// The validator's errors and the lints' warnings under each proposal's
/// field once applied (an empty hyperparameter value is an error, one over
/// 255 characters a warning, since the schema's pattern is not anchored),
/// so the preview shows them beside the field: one list per proposal.
pub fn problems(
    card: &Value,
    proposals: &[FieldProposal],
    choices: &[FillChoice],
) -> Vec<Vec<ValidationIssue>> {
    let filled = apply(card, proposals, choices);
    let mut issues = validate_card(&filled);
    issues.extend(lint_card(&card_form().root, &filled));
    proposals
        .iter()
        .map(|proposal| {
            issues
                .iter()
                .filter(|issue| {
                    issue.pointer.starts_with(&proposal.pointer)
                        || issue.field.starts_with(&proposal.pointer)
                })
                .cloned()
                .collect()
        })
        .collect()
}

/// The training job to describe, from what the reviewer typed or the
/// card's `training_arn`: a job's ARN or its name (the API takes the
/// name). Anything else is refused with what a name looks like.
pub fn job_name(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Type the training job's name or ARN.".to_owned());
    }
    let name = match text.strip_prefix("arn:") {
        Some(rest) => {
            let parts: Vec<&str> = rest.splitn(5, ':').collect();
            match parts.as_slice() {
                [_, "sagemaker", _, _, resource] => {
                    resource.strip_prefix("training-job/").ok_or_else(|| {
                        format!(
                            "{text} is not a training job's ARN (it names a {}).",
                            resource.split('/').next().unwrap_or("resource")
                        )
                    })?
                }
                _ => return Err(format!("{text} is not a SageMaker ARN.")),
            }
        }
        None => text,
    };
    let valid = !name.is_empty()
        && name.len() <= 63
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    if valid {
        Ok(name.to_owned())
    } else {
        Err(format!(
            "\u{201c}{name}\u{201d} is not a training job name: names are 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen."
        ))
    }
}

/// The card's training job ARN, to look up first.
pub fn card_job(card: &Value) -> Option<String> {
    card.pointer("/training_details/training_job_details/training_arn")
        .and_then(Value::as_str)
        .filter(|arn| !arn.trim().is_empty())
        .map(str::to_owned)
}

/// `model_overview.model_artifact` proposed from a registry version's
/// containers' `ModelDataUrl`s (in order, each once), when it has any.
pub fn artifact_proposal(card: &Value, model_data_urls: &[String]) -> Option<FieldProposal> {
    let mut urls: Vec<Value> = Vec::new();
    for url in model_data_urls.iter().filter(|url| !url.trim().is_empty()) {
        let url = Value::String(url.clone());
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    if urls.is_empty() {
        return None;
    }
    let pointer = JsonPointer::from_tokens(["model_overview", "model_artifact"]);
    Some(FieldProposal {
        now: pointer.resolve(card).cloned(),
        pointer,
        label: "Model artifact",
        proposed: Value::Array(urls),
        mergeable: true,
    })
}

/// A field's value as the preview lists it, one line per item: a metric
/// or hyperparameter as "name = value", text as it is, anything else as
/// JSON.
pub fn value_lines(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().map(item_line).collect(),
        other => vec![item_line(other)],
    }
}

fn item_line(item: &Value) -> String {
    match item {
        Value::String(text) => text.clone(),
        Value::Object(object) if object.contains_key("name") => {
            let name = object.get("name").map(item_line).unwrap_or_default();
            match object.get("value") {
                Some(value) => format!("{name} = {}", item_line(value)),
                None => item.to_string(),
            }
        }
        other => other.to_string(),
    }
}

/// Sets `value` at `pointer`, making the objects on the way; a value on
/// the way that is not an object is left as it is, and so is the field.
fn set(card: &mut Value, pointer: &JsonPointer, value: Value) {
    let Some((last, parents)) = pointer.tokens().split_last() else {
        return;
    };
    let mut at = card;
    for token in parents {
        let Some(object) = at.as_object_mut() else {
            return;
        };
        at = object
            .entry(token.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Some(object) = at.as_object_mut() {
        object.insert(last.clone(), value);
    }
}

#[cfg(test)]
mod tests;
