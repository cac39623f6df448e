//! How wide a table's columns are: a column of free text (a training
//! metric's notes) must be wide enough to read a sentence, a name's to read
//! a name, while numbers and choices take what they need.

use super::node::{FormNode, NodeKind};

/// The width class of a table column, named in its cells' class
/// (`mce-table__col--{name}`) so the stylesheet sizes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnWidth {
    /// Free text of any length (no limit, or over [`NAME_LIMIT`]
    /// characters): room for about forty characters.
    Prose,
    /// A short text (a name, a value of at most [`NAME_LIMIT`]
    /// characters): room for about twenty.
    Name,
    /// A number, a choice or a yes/no: what its control needs.
    Compact,
}

/// The longest text still laid out as a name rather than as prose.
pub const NAME_LIMIT: u64 = 255;

impl ColumnWidth {
    /// The class suffix the stylesheet knows.
    pub fn class(self) -> &'static str {
        match self {
            Self::Prose => "mce-table__col--prose",
            Self::Name => "mce-table__col--name",
            Self::Compact => "mce-table__col--compact",
        }
    }
}

/// The width class of a column editing values of `node`.
pub fn column_width(node: &FormNode) -> ColumnWidth {
    match &node.kind {
        NodeKind::Text(text) if text.options.is_none() => {
            let pattern_limit = text.pattern.as_deref().and_then(|pattern| {
                pattern
                    .strip_prefix(".{1,")?
                    .strip_suffix('}')?
                    .parse()
                    .ok()
            });
            match text.max_length.or(pattern_limit) {
                Some(limit) if limit <= NAME_LIMIT => ColumnWidth::Name,
                _ => ColumnWidth::Prose,
            }
        }
        _ => ColumnWidth::Compact,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::form::card_form;
    use crate::domain::issues::node_at;
    use crate::domain::pointer::JsonPointer;

    fn width(pointer: &str) -> ColumnWidth {
        let card = json!({"training_details": {"training_job_details": {
            "training_metrics": [{}], "hyper_parameters": [{}]}}});
        let node = node_at(
            &card_form().root,
            &card,
            &JsonPointer::parse(pointer).unwrap(),
        )
        .unwrap();
        column_width(node)
    }

    #[test]
    fn notes_read_as_prose_names_as_names_numbers_compact() {
        let metric = "/training_details/training_job_details/training_metrics/0";
        assert_eq!(width(&format!("{metric}/notes")), ColumnWidth::Prose);
        assert_eq!(width(&format!("{metric}/name")), ColumnWidth::Name);
        assert_eq!(width(&format!("{metric}/value")), ColumnWidth::Compact);
        let parameter = "/training_details/training_job_details/hyper_parameters/0";
        assert_eq!(width(&format!("{parameter}/value")), ColumnWidth::Name);
        assert_eq!(ColumnWidth::Prose.class(), "mce-table__col--prose");
    }
}
