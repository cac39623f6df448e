//! What the first view hands to the editor: the values typed into it.
//!
//! The first view (`src/first_view/`) shows a linked card while the editor's
//! module is still downloading, and takes input. Each field typed into is
//! recorded here by its `data-path`, as the text (or the tick) its control
//! holds, and kept in the browser's storage: the editor replays them through
//! its own controls when it takes over, and a reload before then shows them
//! again instead of losing them.

use serde_json::{Map, Value};

/// The storage key of the first view's edits (one set: the first view
/// shows one card at a time).
pub const FIRST_VIEW_KEY: &str = "model-card-editor.first-view";

/// What a control holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// A text box's or a choice's text.
    Text(String),
    /// A checkbox's tick.
    Checked(bool),
}

/// The edits made in the first view of one linked card, in the order their
/// fields were first typed into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FirstViewEdits {
    /// The link's card address, as `?card=` gives it.
    pub source: String,
    /// Each edited control's `data-path` and what it holds now.
    pub edits: Vec<(String, Typed)>,
}

impl FirstViewEdits {
    /// No edits yet for the card at `source`.
    pub fn new(source: &str) -> Self {
        Self {
            source: source.to_owned(),
            edits: Vec::new(),
        }
    }

    /// Records that the control at `path` now holds `typed`.
    pub fn record(&mut self, path: &str, typed: Typed) {
        match self.edits.iter_mut().find(|(edited, _)| edited == path) {
            Some((_, held)) => *held = typed,
            None => self.edits.push((path.to_owned(), typed)),
        }
    }

    /// What the control at `path` was given, if it was edited.
    pub fn get(&self, path: &str) -> Option<&Typed> {
        self.edits
            .iter()
            .find(|(edited, _)| edited == path)
            .map(|(_, typed)| typed)
    }

    /// The edits as stored: `{"source": …, "edits": [[path, text or tick]…]}`.
    pub fn to_json(&self) -> String {
        let edits = self
            .edits
            .iter()
            .map(|(path, typed)| {
                let held = match typed {
                    Typed::Text(text) => Value::String(text.clone()),
                    Typed::Checked(checked) => Value::Bool(*checked),
                };
                Value::Array(vec![Value::String(path.clone()), held])
            })
            .collect();
        let mut stored = Map::new();
        stored.insert("source".to_owned(), Value::String(self.source.clone()));
        stored.insert("edits".to_owned(), Value::Array(edits));
        Value::Object(stored).to_string()
    }

    /// The stored edits of the card at `source`; `None` when what is stored
    /// is another card's, or cannot be read (it is then only replaced).
    pub fn from_json(text: &str, source: &str) -> Option<Self> {
        let stored: Value = serde_json::from_str(text).ok()?;
        if stored.get("source")?.as_str()? != source {
            return None;
        }
        let mut edits = Self::new(source);
        for edit in stored.get("edits")?.as_array()? {
            let (path, held) = match edit.as_array()?.as_slice() {
                [Value::String(path), held] => (path, held),
                _ => return None,
            };
            let typed = match held {
                Value::String(text) => Typed::Text(text.clone()),
                Value::Bool(checked) => Typed::Checked(*checked),
                _ => return None,
            };
            edits.record(path, typed);
        }
        Some(edits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_typed_into_again_keeps_its_place_and_its_latest_text() {
        let mut edits = FirstViewEdits::new("/cards/a.json");
        edits.record("/model_overview/model_creator", Typed::Text("A".into()));
        edits.record(
            "/intended_uses/explanations_for_risk_rating",
            Typed::Text("x".into()),
        );
        edits.record("/model_overview/model_creator", Typed::Text("AB".into()));
        assert_eq!(
            edits.edits,
            vec![
                (
                    "/model_overview/model_creator".to_owned(),
                    Typed::Text("AB".into())
                ),
                (
                    "/intended_uses/explanations_for_risk_rating".to_owned(),
                    Typed::Text("x".into())
                ),
            ]
        );
        assert_eq!(
            edits.get("/model_overview/model_creator"),
            Some(&Typed::Text("AB".into()))
        );
        assert_eq!(edits.get("/nowhere"), None);
    }

    #[test]
    fn stored_edits_read_back_for_their_own_card_only() {
        let mut edits = FirstViewEdits::new("/cards/a.json");
        edits.record("/a/0", Typed::Text("line one\n\"quoted\" ✓".into()));
        edits.record("/b", Typed::Checked(false));
        edits.record("/c", Typed::Text(String::new()));
        let stored = edits.to_json();
        assert_eq!(
            FirstViewEdits::from_json(&stored, "/cards/a.json"),
            Some(edits)
        );
        assert_eq!(FirstViewEdits::from_json(&stored, "/cards/b.json"), None);
    }

    #[test]
    fn unreadable_stored_edits_are_not_taken_for_any_card() {
        for stored in [
            "",
            "{",
            "[]",
            r#"{"source": "/a"}"#,
            r#"{"source": "/a", "edits": [["/x"]]}"#,
            r#"{"source": "/a", "edits": [["/x", 3]]}"#,
            r#"{"source": "/a", "edits": [[1, "x"]]}"#,
        ] {
            assert_eq!(FirstViewEdits::from_json(stored, "/a"), None, "{stored}");
        }
    }
}
