//! Names for places in a card that people can read: "Evaluation details ›
//! Evaluation 2 › Name" instead of `/evaluation_details/1/name`.

use serde_json::Value;

use super::layout::text;
use super::node::{FormNode, NodeKind};
use crate::domain::card_schema::humanize;
use crate::domain::pointer::JsonPointer;

/// The labels of every step from the root to `pointer`, choosing variants
/// by the values in `document`. Array items are "Evaluation 2" (their
/// list's item label and 1-based position), map entries their key.
pub fn label_path(form: &FormNode, document: &Value, pointer: &JsonPointer) -> Vec<String> {
    let mut labels = Vec::new();
    let mut node = Some(form);
    let mut value = Some(document);
    for token in pointer.tokens() {
        let parent = node;
        node = parent.and_then(|parent| parent.child(token, value));
        let label = match parent.map(|parent| &parent.kind) {
            Some(NodeKind::Array(_)) => {
                let noun = parent.map_or_else(
                    || text::ITEM.to_owned(),
                    |parent| text::noun(parent, text::ITEM),
                );
                match token.parse::<usize>() {
                    Ok(index) => text::item_name(&noun, index),
                    Err(_) => format!("{noun} {token}"),
                }
            }
            Some(NodeKind::Map(_)) => token.clone(),
            _ => node.map_or_else(|| humanize(token), |node| node.label_or(token)),
        };
        labels.push(label);
        value = value.and_then(|value| match value {
            Value::Object(map) => map.get(token),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        });
    }
    labels
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::form::card_form;

    fn path(card: &Value, pointer: &str) -> String {
        label_path(
            &card_form().root,
            card,
            &JsonPointer::parse(pointer).unwrap(),
        )
        .join(" › ")
    }

    #[test]
    fn labels_name_sections_items_and_fields() {
        let card = json!({"evaluation_details": [{}, {"metric_groups": [{"metric_data": [{"type": "matrix"}]}]}]});
        assert_eq!(
            path(&card, "/evaluation_details/1/name"),
            "Evaluation details › Evaluation 2 › Name"
        );
        assert_eq!(
            path(
                &card,
                "/evaluation_details/1/metric_groups/0/metric_data/0/x_axis_name"
            ),
            "Evaluation details › Evaluation 2 › Metric groups › Metric group 1 › Metrics › Metric 1 › Column labels"
        );
        assert_eq!(
            path(&card, "/evaluation_details/0/metadata/team"),
            "Evaluation details › Evaluation 1 › Metadata › team"
        );
        assert_eq!(
            path(&card, "/business_details/owner"),
            "Business details › Owner"
        );
        assert_eq!(path(&card, ""), "");
        assert_eq!(
            path(
                &card,
                "/evaluation_details/1/metric_groups/0/metric_data/0/value/1/0"
            ),
            "Evaluation details › Evaluation 2 › Metric groups › Metric group 1 › Metrics › Metric 1 › Matrix › Row 2 › Column 1"
        );
    }
}
