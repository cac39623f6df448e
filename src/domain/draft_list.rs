//! The drafts kept in this browser, as the drafts dialog lists them: one
//! per card source, newest first, each with what it changed, so a user can
//! go back to an older card's work, keep a copy, or free the storage that
//! a full browser refuses to save into. Drafts are never deleted but by the
//! user's own choice.

use super::drafts::{CardSource, DRAFT_KEY_PREFIX, DraftError, decode};
use super::merge::diff;

/// One stored draft, as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDraft {
    /// Its storage key.
    pub key: String,
    /// The stored text's length in bytes (UTF-8), which is what it takes
    /// of the browser's storage, near enough to compare drafts by.
    pub bytes: usize,
    /// What it holds, or why it cannot be read (it can still be deleted).
    pub content: Result<DraftSummary, DraftError>,
}

/// What a readable draft holds.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSummary {
    /// The card's source.
    pub source: CardSource,
    /// When it was saved, in milliseconds since the epoch.
    pub saved_at_ms: f64,
    /// How many places differ from the card as its source gave it.
    pub changes: usize,
}

/// The drafts among stored `(key, text)` entries (other entries are left
/// out): readable ones newest first, then unreadable ones by key.
pub fn list_drafts(entries: impl IntoIterator<Item = (String, String)>) -> Vec<StoredDraft> {
    let mut drafts: Vec<StoredDraft> = entries
        .into_iter()
        .filter(|(key, _)| key.starts_with(DRAFT_KEY_PREFIX))
        .map(|(key, text)| StoredDraft {
            bytes: text.len(),
            content: decode(&text).map(|draft| DraftSummary {
                changes: diff(&draft.source_card, &draft.card).len(),
                source: draft.source,
                saved_at_ms: draft.saved_at_ms,
            }),
            key,
        })
        .collect();
    drafts.sort_by(|a, b| match (&a.content, &b.content) {
        (Ok(a), Ok(b)) => b.saved_at_ms.total_cmp(&a.saved_at_ms),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.key.cmp(&b.key),
    });
    drafts
}

/// "96 KB", "1.4 MB": a draft's size for people.
pub fn size_text(bytes: usize) -> String {
    const KB: f64 = 1000.0;
    let bytes = bytes as f64;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < KB * KB {
        format!("{:.0} KB", (bytes / KB).max(1.0))
    } else {
        format!("{:.1} MB", bytes / (KB * KB))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::drafts::{DRAFT_VERSION, Draft, LAST_SOURCE_KEY, encode};

    fn draft(source: CardSource, saved_at_ms: f64, card: serde_json::Value) -> (String, String) {
        let source_card = json!({"model_overview": {"model_creator": "Team"}});
        let draft = Draft::for_test(source.clone(), source_card, card, saved_at_ms);
        (source.storage_key(), encode(&draft))
    }

    #[test]
    fn lists_drafts_newest_first_with_their_changes_and_leaves_other_entries_out() {
        let older = draft(
            CardSource::File("fraud.json".into()),
            1_000.0,
            json!({"model_overview": {"model_creator": "Team B"}}),
        );
        let newer = draft(
            CardSource::Pasted,
            2_000.0,
            json!({"model_overview": {"model_creator": "Team C"}, "intended_uses": {"risk_rating": "Low"}}),
        );
        let entries = vec![
            older.clone(),
            (
                LAST_SOURCE_KEY.to_owned(),
                "{\"kind\":\"pasted\"}".to_owned(),
            ),
            ("another-app.setting".to_owned(), "1".to_owned()),
            newer.clone(),
        ];
        let listed = list_drafts(entries);
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].key, newer.0);
        assert_eq!(listed[0].bytes, newer.1.len());
        let summary = listed[0].content.as_ref().unwrap();
        assert_eq!(summary.source, CardSource::Pasted);
        assert_eq!(summary.changes, 2);
        assert_eq!(listed[1].content.as_ref().unwrap().changes, 1);
        assert_eq!(
            listed[1].content.as_ref().unwrap().source,
            CardSource::File("fraud.json".into())
        );
    }

    #[test]
    fn unreadable_drafts_are_listed_last_with_the_reason() {
        let readable = draft(CardSource::Scratch, 5.0, json!({}));
        let damaged = (
            format!("{DRAFT_KEY_PREFIX}file:a.json"),
            "{not json".to_owned(),
        );
        let other_version = (
            format!("{DRAFT_KEY_PREFIX}file:b.json"),
            readable
                .1
                .replace(&format!("\"version\":{DRAFT_VERSION}"), "\"version\":99"),
        );
        let listed = list_drafts(vec![
            other_version.clone(),
            damaged.clone(),
            readable.clone(),
        ]);
        assert_eq!(
            listed.iter().map(|d| d.key.as_str()).collect::<Vec<_>>(),
            [
                readable.0.as_str(),
                damaged.0.as_str(),
                other_version.0.as_str()
            ]
        );
        assert!(matches!(listed[1].content, Err(DraftError::Unreadable(_))));
        assert_eq!(listed[2].content, Err(DraftError::OtherVersion(99)));
    }

    #[test]
    fn a_storage_key_names_its_source_even_when_the_draft_cannot_be_read() {
        for source in [
            CardSource::Scratch,
            CardSource::Pasted,
            CardSource::File("fraud: v2.json".into()),
            CardSource::ModelPackage(
                "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud/3".into(),
            ),
            CardSource::Example("large".into()),
            CardSource::Link("/cards/x.json".into()),
        ] {
            assert_eq!(
                CardSource::from_storage_key(&source.storage_key()),
                Some(source)
            );
        }
        assert_eq!(
            CardSource::from_storage_key("model-card-editor.draft.other:x"),
            None
        );
        assert_eq!(
            CardSource::from_storage_key("another-app.draft.file:x"),
            None
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_text(512), "512 bytes");
        assert_eq!(size_text(1_000), "1 KB");
        assert_eq!(size_text(96_400), "96 KB");
        assert_eq!(size_text(1_400_000), "1.4 MB");
    }
}
