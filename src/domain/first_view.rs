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

/// How far the editor's download has come (`src/loading.mjs` records it as
/// Trunk's loader reports it; times in ms on the page's clock, sizes in
/// bytes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EditorDownload {
    /// When the first bytes were reported.
    pub since: f64,
    /// How many bytes had arrived then.
    pub first: f64,
    /// When the latest were reported.
    pub at: f64,
    /// How many bytes have arrived.
    pub current: f64,
    /// The module's size.
    pub total: f64,
}

/// The first view is not worth building for an editor due within this
/// long: about what building it, and the editor replacing it, take on the
/// largest card. (A fast connection does not load the first view at all:
/// `index.html` decides that.)
pub const NOT_WORTH_MS: f64 = 250.0;

/// How long the first view waits, at most, for the editor's download to
/// show its rate, before it is built anyway.
pub const RATE_WAIT_MS: f64 = 60.0;

/// Whether the download has come far enough to tell its rate (two reports
/// of bytes, or all of them).
pub fn has_rate(download: Option<EditorDownload>) -> bool {
    download.is_some_and(|download| {
        download.current >= download.total
            || (download.current > download.first && download.at > download.since)
    })
}

/// Whether the editor, at the rate its download has come so far, will have
/// arrived within [`NOT_WORTH_MS`] of `now`. Without a rate to go by (no
/// download reported, or one report only), it is not expected soon.
pub fn editor_due_soon(download: Option<EditorDownload>, now: f64) -> bool {
    let Some(download) = download else {
        return false;
    };
    if download.total > 0.0 && download.current >= download.total {
        return true;
    }
    let (bytes, time) = (
        download.current - download.first,
        download.at - download.since,
    );
    if bytes <= 0.0 || time <= 0.0 {
        return false;
    }
    let arrives = download.at + (download.total - download.current) * time / bytes;
    arrives - now < NOT_WORTH_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn download(since: f64, first: f64, at: f64, current: f64) -> EditorDownload {
        EditorDownload {
            since,
            first,
            at,
            current,
            total: 400_000.0,
        }
    }

    #[test]
    fn an_editor_already_downloaded_is_due() {
        assert!(editor_due_soon(
            Some(download(100.0, 64_000.0, 120.0, 400_000.0)),
            130.0
        ));
    }

    #[test]
    fn the_editor_is_due_soon_at_the_rate_seen_so_far() {
        // 10 KB/ms since 100 ms, half in at 120 ms: the rest by 140 ms.
        assert!(editor_due_soon(
            Some(download(100.0, 0.0, 120.0, 200_000.0)),
            125.0
        ));
        // 0.2 KB/ms (1.6 Mbit/s): the rest in 1.5 s.
        assert!(!editor_due_soon(
            Some(download(100.0, 0.0, 600.0, 100_000.0)),
            610.0
        ));
    }

    #[test]
    fn without_a_rate_the_editor_is_not_expected_soon() {
        assert!(!editor_due_soon(None, 100.0));
        let one_report = download(100.0, 16_000.0, 100.0, 16_000.0);
        assert!(!has_rate(Some(one_report)));
        assert!(!editor_due_soon(Some(one_report), 100.0));
        assert!(has_rate(Some(download(100.0, 16_000.0, 110.0, 32_000.0))));
        assert!(has_rate(Some(download(100.0, 400_000.0, 100.0, 400_000.0))));
        assert!(!has_rate(None));
    }

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
