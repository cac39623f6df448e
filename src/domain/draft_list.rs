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

impl StoredDraft {
    /// What the list's Card column names: the draft's source or, for a
    /// draft that cannot be read, the source its key names (else the key
    /// itself), so that even a damaged draft can be told apart to delete.
    pub fn card(&self) -> String {
        match &self.content {
            Ok(summary) => summary.source.describe(),
            Err(_) => CardSource::from_storage_key(&self.key).map_or_else(
                || self.key.trim_start_matches(DRAFT_KEY_PREFIX).to_owned(),
                |source| source.describe(),
            ),
        }
    }

    /// What the list's Changes column says: "1 change", "3 changes", or
    /// why the draft cannot be read.
    pub fn changes_text(&self) -> String {
        match &self.content {
            Ok(summary) => match summary.changes {
                1 => "1 change".to_owned(),
                n => format!("{n} changes"),
            },
            Err(DraftError::Unreadable(reason)) => format!("Cannot be read ({reason})"),
            Err(DraftError::OtherVersion(version)) => {
                format!("Of another format (version {version})")
            }
        }
    }
}

/// The list's caption: how many drafts there are and the storage they
/// take ("2 drafts, 96 KB in all."); empty when there are none.
pub fn total_text(drafts: &[StoredDraft]) -> String {
    let bytes = drafts.iter().map(|draft| draft.bytes).sum();
    match drafts.len() {
        0 => String::new(),
        1 => format!("1 draft, {}.", size_text(bytes)),
        n => format!("{n} drafts, {} in all.", size_text(bytes)),
    }
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

    #[test]
    fn a_draft_row_names_its_card_and_its_changes_even_when_it_cannot_be_read() {
        let summary = |changes| DraftSummary {
            source: CardSource::Pasted,
            saved_at_ms: 0.0,
            changes,
        };
        let readable = |changes| StoredDraft {
            key: CardSource::Pasted.storage_key(),
            bytes: 10,
            content: Ok(summary(changes)),
        };
        assert_eq!(readable(1).card(), CardSource::Pasted.describe());
        assert_eq!(readable(1).changes_text(), "1 change");
        assert_eq!(readable(0).changes_text(), "0 changes");
        assert_eq!(readable(3).changes_text(), "3 changes");
        let file = CardSource::File("a.json".into());
        let damaged = StoredDraft {
            key: file.storage_key(),
            bytes: 9,
            content: Err(DraftError::Unreadable("bad".into())),
        };
        assert_eq!(damaged.card(), file.describe());
        assert_eq!(damaged.changes_text(), "Cannot be read (bad)");
        let other = StoredDraft {
            key: format!("{DRAFT_KEY_PREFIX}other:x"),
            bytes: 9,
            content: Err(DraftError::OtherVersion(99)),
        };
        assert_eq!(other.card(), "other:x");
        assert_eq!(other.changes_text(), "Of another format (version 99)");
    }

    #[test]
    fn the_total_counts_the_drafts_and_their_size() {
        let draft = |bytes| StoredDraft {
            key: String::new(),
            bytes,
            content: Err(DraftError::OtherVersion(1)),
        };
        assert_eq!(total_text(&[]), "");
        assert_eq!(total_text(&[draft(96_400)]), "1 draft, 96 KB.");
        assert_eq!(
            total_text(&[draft(96_400), draft(1_000)]),
            "2 drafts, 97 KB in all."
        );
    }
}
