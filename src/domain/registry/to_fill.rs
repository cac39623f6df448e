//! Parts of a card left to fill for this version. A card started from
//! another version's leaves out what describes that version (its training
//! job details, its evaluations); each part left out is marked, the mark
//! is kept with the draft, and it is shown in its section and in the
//! review until the part holds something again or the reviewer says it
//! stays empty. Whether a mark still stands is read from the card, so
//! filling a part clears its mark and undoing the fill brings it back.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A part of a card that describes one version, not the model.
#[derive(Debug, PartialEq, Eq)]
pub struct VersionPart {
    /// The section: a top-level member of the card.
    pub section: &'static str,
    /// The member of the section that is the part; `None` when the part
    /// is the whole section.
    pub member: Option<&'static str>,
    /// How a sentence names it after "without": "its evaluations".
    pub words: &'static str,
    /// Its name at the start of a line: "Evaluations".
    pub title: &'static str,
    /// How to fill it, ending a sentence.
    pub how: &'static str,
}

/// The version-specific parts: left out when another version's card is
/// the start, and marked to fill.
pub const VERSION_PARTS: [VersionPart; 2] = [
    VersionPart {
        section: "training_details",
        member: Some("training_job_details"),
        words: "its training job details",
        title: "Training job details",
        how: "Fill them from this version's training job, or type them",
    },
    VersionPart {
        section: "evaluation_details",
        member: None,
        words: "its evaluations",
        title: "Evaluations",
        how: "Add this version's from its evaluation reports, or type them",
    },
];

impl VersionPart {
    /// The part at `section`, if that section holds one.
    pub fn of_section(section: &str) -> Option<&'static Self> {
        VERSION_PARTS.iter().find(|part| part.section == section)
    }

    /// The part's value in `card`, if there.
    pub fn value_in<'a>(&self, card: &'a Value) -> Option<&'a Value> {
        let section = card.get(self.section)?;
        match self.member {
            None => Some(section),
            Some(member) => section.get(member),
        }
    }

    /// Whether `card` holds something in the part: a list with an item,
    /// an object with a member, any other value.
    pub fn is_filled_in(&self, card: &Value) -> bool {
        match self.value_in(card) {
            None | Some(Value::Null) => false,
            Some(Value::Array(items)) => !items.is_empty(),
            Some(Value::Object(members)) => !members.is_empty(),
            Some(_) => true,
        }
    }
}

/// A mark: the part in `section` was left out of the card of `from` and
/// is to be filled for this version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToFill {
    /// The section holding the part (a key of [`VERSION_PARTS`]).
    pub section: String,
    /// The version whose card the start was, in words
    /// ("fraud-detector, version 3").
    pub from: String,
}

impl ToFill {
    /// The part marked, unless the section holds none (a mark from a
    /// later or earlier build, which is then ignored).
    pub fn part(&self) -> Option<&'static VersionPart> {
        VersionPart::of_section(&self.section)
    }

    /// What the mark says in its section and in the review.
    pub fn sentence(&self) -> String {
        self.part().map_or_else(String::new, |part| {
            format!(
                "{} to fill for this version: those in the card this one started from ({}) describe that version, so they were left out. {}.",
                part.title, self.from, part.how
            )
        })
    }
}

/// The marks that still stand in `card`: their part is empty.
pub fn standing<'a>(marks: &'a [ToFill], card: &Value) -> Vec<&'a ToFill> {
    marks
        .iter()
        .filter(|mark| mark.part().is_some_and(|part| !part.is_filled_in(card)))
        .collect()
}

/// What the review says of the marks still standing, before their list.
pub fn review_sentence(count: usize) -> String {
    match count {
        1 => "One part that describes a single version is still empty; Submit sends the card without it.".to_owned(),
        n => format!(
            "{n} parts that describe a single version are still empty; Submit sends the card without them."
        ),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn mark(section: &str) -> ToFill {
        ToFill {
            section: section.to_owned(),
            from: "fraud-detector, version 3".to_owned(),
        }
    }

    #[test]
    fn a_mark_stands_while_its_part_is_empty() {
        let marks = [mark("training_details"), mark("evaluation_details")];
        let empty_parts = [
            json!({}),
            json!({"training_details": {"objective_function": {"notes": "x"}}, "evaluation_details": []}),
            json!({"training_details": {"training_job_details": {}}, "evaluation_details": null}),
            json!({"training_details": {"training_job_details": null}}),
        ];
        for card in empty_parts {
            assert_eq!(standing(&marks, &card).len(), 2, "{card}");
        }
        let trained =
            json!({"training_details": {"training_job_details": {"training_arn": "arn:x"}}});
        assert_eq!(standing(&marks, &trained), [&marks[1]]);
        let evaluated = json!({"evaluation_details": [{"name": "Holdout"}]});
        assert_eq!(standing(&marks, &evaluated), [&marks[0]]);
        let both = json!({"training_details": {"training_job_details": {"training_arn": "arn:x"}}, "evaluation_details": [{"name": "Holdout"}]});
        assert!(standing(&marks, &both).is_empty());
    }

    #[test]
    fn a_mark_of_a_part_this_build_does_not_know_is_ignored() {
        let marks = [mark("model_overview")];
        assert!(standing(&marks, &json!({})).is_empty());
        assert_eq!(marks[0].sentence(), "");
    }

    #[test]
    fn marks_say_what_was_left_out_whence_and_how_to_fill_it() {
        assert_eq!(
            mark("training_details").sentence(),
            "Training job details to fill for this version: those in the card this one started from (fraud-detector, version 3) describe that version, so they were left out. Fill them from this version's training job, or type them."
        );
        assert_eq!(
            mark("evaluation_details").sentence(),
            "Evaluations to fill for this version: those in the card this one started from (fraud-detector, version 3) describe that version, so they were left out. Add this version's from its evaluation reports, or type them."
        );
        assert_eq!(
            review_sentence(1),
            "One part that describes a single version is still empty; Submit sends the card without it."
        );
        assert_eq!(
            review_sentence(2),
            "2 parts that describe a single version are still empty; Submit sends the card without them."
        );
    }

    #[test]
    fn marks_round_trip_as_json() {
        let marks = vec![mark("training_details")];
        let text = serde_json::to_string(&marks).unwrap();
        assert_eq!(
            text,
            r#"[{"section":"training_details","from":"fraud-detector, version 3"}]"#
        );
        assert_eq!(serde_json::from_str::<Vec<ToFill>>(&text).unwrap(), marks);
    }
}
