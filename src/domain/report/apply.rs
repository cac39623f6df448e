//! A converted report put into a card: as a new evaluation, or merged into
//! an existing one. Merging is by name, so adding the same report twice
//! changes nothing the second time: a group of the same name takes the
//! report's metrics in place of those of the same name and keeps the rest;
//! other groups are added after the evaluation's own.

use serde_json::{Map, Value};

/// Where a report's metric groups go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A new evaluation at the end of `evaluation_details`.
    NewEvaluation {
        /// Its name (required by the schema).
        name: String,
        /// The job that produced the report, when known.
        job_arn: Option<String>,
    },
    /// The existing evaluation of this name.
    Into(String),
}

/// Why the groups could not be put in the card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// The card is not a JSON object.
    NotACard,
    /// `evaluation_details` is there but not a list.
    NotAList,
    /// No evaluation of that name to merge into; the names there are.
    NoSuchEvaluation {
        /// The name asked for.
        name: String,
        /// The evaluations' names.
        names: Vec<String>,
    },
    /// A new evaluation needs a name.
    NoName,
    /// The evaluation of this name has `metric_groups` that is not a list.
    GroupsNotAList(String),
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotACard => f.write_str("the card is not a JSON object"),
            Self::NotAList => f.write_str("the card's evaluation_details is not a list"),
            Self::NoName => f.write_str("a new evaluation needs a name"),
            Self::GroupsNotAList(name) => {
                write!(
                    f,
                    "the metric_groups of the evaluation \"{name}\" is not a list"
                )
            }
            Self::NoSuchEvaluation { name, names } if names.is_empty() => {
                write!(
                    f,
                    "the card has no evaluation to merge into (asked for \"{name}\")"
                )
            }
            Self::NoSuchEvaluation { name, names } => {
                let names: Vec<String> = names.iter().map(|name| format!("\"{name}\"")).collect();
                write!(
                    f,
                    "the card has no evaluation named \"{name}\"; it has {}",
                    names.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for ApplyError {}

/// Puts `groups` in `card` at `destination`; returns the index of the
/// evaluation that holds them. On an error the card is as it was.
pub fn add_groups(
    card: &mut Value,
    destination: &Destination,
    groups: Vec<Value>,
) -> Result<usize, ApplyError> {
    let card = card.as_object_mut().ok_or(ApplyError::NotACard)?;
    if card
        .get("evaluation_details")
        .is_some_and(|details| !details.is_array())
    {
        return Err(ApplyError::NotAList);
    }
    match destination {
        Destination::NewEvaluation { name, job_arn } => {
            if name.trim().is_empty() {
                return Err(ApplyError::NoName);
            }
            let mut evaluation = Map::new();
            evaluation.insert("name".to_owned(), Value::String(name.clone()));
            if let Some(arn) = job_arn.as_ref().filter(|arn| !arn.is_empty()) {
                evaluation.insert("evaluation_job_arn".to_owned(), Value::String(arn.clone()));
            }
            evaluation.insert("metric_groups".to_owned(), Value::Array(groups));
            let evaluations = card
                .entry("evaluation_details")
                .or_insert_with(|| Value::Array(Vec::new()))
                .as_array_mut()
                .ok_or(ApplyError::NotAList)?;
            evaluations.push(Value::Object(evaluation));
            Ok(evaluations.len() - 1)
        }
        Destination::Into(name) => {
            let mut none = Vec::new();
            let evaluations = card
                .get_mut("evaluation_details")
                .and_then(Value::as_array_mut)
                .unwrap_or(&mut none);
            let named = |evaluation: &Value| {
                evaluation
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            };
            let Some(index) = evaluations
                .iter()
                .position(|evaluation| named(evaluation).as_deref() == Some(name))
            else {
                let names = evaluations.iter().filter_map(named).collect();
                return Err(ApplyError::NoSuchEvaluation {
                    name: name.clone(),
                    names,
                });
            };
            let not_a_list = || ApplyError::GroupsNotAList(name.clone());
            let evaluation = evaluations[index].as_object_mut().ok_or_else(not_a_list)?;
            let existing = evaluation
                .entry("metric_groups")
                .or_insert_with(|| Value::Array(Vec::new()))
                .as_array_mut()
                .ok_or_else(not_a_list)?;
            for group in groups {
                merge_group(existing, group);
            }
            Ok(index)
        }
    }
}

/// One group into a list of groups: by name, metric by metric.
fn merge_group(groups: &mut Vec<Value>, group: Value) {
    let name = group.get("name").cloned();
    let Some(same) = groups
        .iter_mut()
        .find(|existing| name.is_some() && existing.get("name") == name.as_ref())
    else {
        groups.push(group);
        return;
    };
    let incoming = group
        .get("metric_data")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let Some(metrics) = same.get_mut("metric_data").and_then(Value::as_array_mut) else {
        *same = group;
        return;
    };
    for metric in incoming {
        match metrics
            .iter_mut()
            .find(|existing| existing.get("name") == metric.get("name"))
        {
            Some(existing) => *existing = metric,
            None => metrics.push(metric),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn groups() -> Vec<Value> {
        vec![
            json!({"name": "Quality", "metric_data": [{"name": "auc", "type": "number", "value": 0.9}, {"name": "f1", "type": "number", "value": 0.8}]}),
            json!({"name": "Drift", "metric_data": [{"name": "psi", "type": "number", "value": 0.1}]}),
        ]
    }

    #[test]
    fn a_new_evaluation_goes_last_with_its_name_and_job() {
        let mut card = json!({"model_overview": {}});
        let new = Destination::NewEvaluation {
            name: "Holdout".into(),
            job_arn: Some("arn:aws:sagemaker:eu-west-1:1:processing-job/x".into()),
        };
        assert_eq!(add_groups(&mut card, &new, groups()), Ok(0));
        assert_eq!(card["evaluation_details"][0]["name"], "Holdout");
        assert_eq!(
            card["evaluation_details"][0]["evaluation_job_arn"],
            "arn:aws:sagemaker:eu-west-1:1:processing-job/x"
        );
        assert_eq!(
            card["evaluation_details"][0]["metric_groups"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        let unnamed = Destination::NewEvaluation {
            name: " ".into(),
            job_arn: None,
        };
        assert_eq!(
            add_groups(&mut card, &unnamed, groups()),
            Err(ApplyError::NoName)
        );
    }

    #[test]
    fn merging_replaces_metrics_of_the_same_name_keeps_the_rest_and_adds_new_groups() {
        let mut card = json!({"evaluation_details": [
            {"name": "Other"},
            {"name": "Holdout", "metric_groups": [{"name": "Quality", "metric_data": [
                {"name": "auc", "type": "number", "value": 0.5},
                {"name": "recall", "type": "number", "value": 0.7}
            ]}]}
        ]});
        assert_eq!(
            add_groups(&mut card, &Destination::Into("Holdout".into()), groups()),
            Ok(1)
        );
        let merged = &card["evaluation_details"][1]["metric_groups"];
        assert_eq!(
            merged[0]["metric_data"],
            json!([
                {"name": "auc", "type": "number", "value": 0.9},
                {"name": "recall", "type": "number", "value": 0.7},
                {"name": "f1", "type": "number", "value": 0.8}
            ])
        );
        assert_eq!(merged[1]["name"], "Drift");
        let once = card.clone();
        add_groups(&mut card, &Destination::Into("Holdout".into()), groups()).unwrap();
        assert_eq!(
            card, once,
            "the same report twice changes nothing the second time"
        );
    }

    #[test]
    fn merging_into_a_missing_evaluation_names_those_there_are() {
        let mut card = json!({"evaluation_details": [{"name": "A"}, {"name": "B"}]});
        let error = add_groups(&mut card, &Destination::Into("C".into()), groups()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the card has no evaluation named \"C\"; it has \"A\", \"B\""
        );
        assert_eq!(
            card,
            json!({"evaluation_details": [{"name": "A"}, {"name": "B"}]}),
            "unchanged"
        );
        let mut empty = json!({});
        let error = add_groups(&mut empty, &Destination::Into("C".into()), groups()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the card has no evaluation to merge into (asked for \"C\")"
        );
        assert_eq!(empty, json!({}), "unchanged");
        assert_eq!(
            add_groups(&mut json!([]), &Destination::Into("C".into()), groups()),
            Err(ApplyError::NotACard)
        );
        assert_eq!(
            add_groups(
                &mut json!({"evaluation_details": 3}),
                &Destination::Into("C".into()),
                groups()
            ),
            Err(ApplyError::NotAList)
        );
        let mut odd = json!({"evaluation_details": [{"name": "C", "metric_groups": "x"}]});
        let error = add_groups(&mut odd, &Destination::Into("C".into()), groups()).unwrap_err();
        assert_eq!(error, ApplyError::GroupsNotAList("C".into()));
        assert_eq!(
            odd["evaluation_details"][0]["metric_groups"], "x",
            "kept, not replaced"
        );
    }
}
