//! Drafts: the card being edited, saved in the browser after every edit so
//! that a reload, a closed tab or a crash loses nothing, one draft per card
//! source. What a draft holds, how it is written and read, and when it is
//! offered back, decided here; the browser storage itself is the view's.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::document::HistorySnapshot;
use super::entries::Entry;
use super::json_text::TextStyle;
use super::merge::{FieldChange, Merge, diff, merge};
use super::registry::to_fill::ToFill;
use super::resume::{DraftPlace, RegistryBase};

/// The format version of stored drafts; a draft of another version is
/// ignored rather than misread.
pub const DRAFT_VERSION: u32 = 1;

/// Storage keys of drafts start with this.
pub const DRAFT_KEY_PREFIX: &str = "model-card-editor.draft.";

/// The storage key that remembers which source was open last, so a reload
/// can offer its draft even when that source (a file) is not at hand.
pub const LAST_SOURCE_KEY: &str = "model-card-editor.last-source";

/// How much undo history a draft keeps, at most (approximate bytes).
pub const HISTORY_BUDGET: usize = 512 * 1024;

/// Where the card being edited came from: a draft belongs to one source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum CardSource {
    /// A new card, not from anywhere.
    Scratch,
    /// A file opened (or dropped) by name.
    File(String),
    /// A model package in the registry, by ARN.
    ModelPackage(String),
    /// An example shipped with the app.
    Example(String),
    /// Text pasted in.
    Pasted,
    /// A card named in the page's address (`?card=`).
    Link(String),
}

impl CardSource {
    /// The storage key of this source's draft.
    pub fn storage_key(&self) -> String {
        let id = match self {
            Self::Scratch => "scratch".to_owned(),
            Self::File(name) => format!("file:{name}"),
            Self::ModelPackage(arn) => format!("arn:{arn}"),
            Self::Example(name) => format!("example:{name}"),
            Self::Pasted => "pasted".to_owned(),
            Self::Link(path) => format!("link:{path}"),
        };
        format!("{DRAFT_KEY_PREFIX}{id}")
    }

    /// The source whose draft is stored under `key`, so that a draft that
    /// cannot be read can still be named.
    pub fn from_storage_key(key: &str) -> Option<Self> {
        let id = key.strip_prefix(DRAFT_KEY_PREFIX)?;
        Some(match id {
            "scratch" => Self::Scratch,
            "pasted" => Self::Pasted,
            _ => {
                let (kind, name) = id.split_once(':')?;
                let name = name.to_owned();
                match kind {
                    "file" => Self::File(name),
                    "arn" => Self::ModelPackage(name),
                    "example" => Self::Example(name),
                    "link" => Self::Link(name),
                    _ => return None,
                }
            }
        })
    }

    /// The source in words, for notices.
    pub fn describe(&self) -> String {
        match self {
            Self::Scratch => "the new card".to_owned(),
            Self::File(name) => format!("\u{201c}{name}\u{201d}"),
            Self::ModelPackage(arn) => format!("model package {arn}"),
            Self::Example(name) => format!("the {name} example"),
            Self::Pasted => "the pasted card".to_owned(),
            Self::Link(path) => format!("the card at {path}"),
        }
    }
}

/// A saved draft.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Draft {
    /// [`DRAFT_VERSION`] when written.
    pub version: u32,
    /// Where the card came from.
    pub source: CardSource,
    /// When it was saved, in milliseconds since the epoch.
    pub saved_at_ms: f64,
    /// A fingerprint of the card the source gave, to tell whether the
    /// source has changed since.
    pub source_fingerprint: String,
    /// The card as the source gave it, so the draft can say what changed
    /// even when the source is not at hand (a file, after a reload).
    pub source_card: Value,
    /// The card's model package, when known.
    pub arn: Option<String>,
    /// The card's status as loaded, when known.
    pub status: Option<String>,
    /// The card as edited.
    pub card: Value,
    /// Its indentation, so saving lays it out as loaded.
    pub indent: Option<String>,
    /// Whether its text ended with a newline.
    pub trailing_newline: bool,
    /// Recent undo and redo steps.
    pub history: HistorySnapshot,
    /// Which tab saved it, and which save of another tab's it had taken in
    /// (absent in drafts written before tabs were told apart).
    #[serde(default)]
    pub lineage: Lineage,
    /// Text typed into controls that the card does not hold (a number
    /// written `0,97`), kept so a reload shows it, still as a problem.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,

    // Where the reviewer was, and what the registry held (both absent in
    // drafts written before they were kept): see `super::resume`.
    /// The view, section and field the reviewer was in.
    #[serde(default)]
    pub place: DraftPlace,
    /// For a registry version's card, the version as it was when opened:
    /// a restored draft submits against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry_base: Option<RegistryBase>,
    /// Parts of the card marked to fill for this version (a card started
    /// from another version's), kept until filled or dismissed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_fill: Vec<ToFill>,
}

/// One save of a draft: the tab that made it, and its number there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveId {
    /// The tab, by an id drawn when it started.
    pub tab: String,
    /// The tab's count of its saves.
    pub save: u64,
}

/// Where a draft stands among the tabs editing one card.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineage {
    /// This save.
    pub save: Option<SaveId>,
    /// The other tab's latest save that the saving tab had taken in.
    pub took_in: Option<SaveId>,
}

/// How many of its saves a tab remembers, to know the card it and another
/// tab last held in common.
const REMEMBERED_SAVES: usize = 16;

/// A tab's own saves of its draft. When another tab saves, its draft says
/// which of them it had taken in; that save's card is what both tabs held
/// in common, so a merge starts from there and not from the card as
/// opened. From the card as opened, a value this tab typed, the other tab
/// took in, and this tab then typed further would look changed on both
/// sides: a conflict with itself.
#[derive(Clone, Debug)]
pub struct TabSaves {
    tab: String,
    count: u64,
    recent: VecDeque<(u64, Value)>,
    took_in: Option<SaveId>,
}

impl TabSaves {
    /// The saves of the tab `tab` (an id unlikely to repeat).
    pub fn new(tab: String) -> Self {
        Self {
            tab,
            count: 0,
            recent: VecDeque::new(),
            took_in: None,
        }
    }

    /// Marks `draft` as this tab's next save, remembering its card.
    pub fn stamp(&mut self, draft: &mut Draft) {
        self.count += 1;
        if self.recent.len() == REMEMBERED_SAVES {
            self.recent.pop_front();
        }
        self.recent.push_back((self.count, draft.card.clone()));
        draft.lineage = Lineage {
            save: Some(SaveId {
                tab: self.tab.clone(),
                save: self.count,
            }),
            took_in: self.took_in.clone(),
        };
    }

    /// Notes that this tab's card now holds everything of the save `save`
    /// (another tab's, or none when another card is opened).
    pub fn took_in(&mut self, save: Option<SaveId>) {
        self.took_in = save;
    }

    /// The card this tab and the tab that saved `theirs` last held in
    /// common: the save of this tab's that `theirs` took in, while it is
    /// remembered.
    pub fn common_with(&self, theirs: &Draft) -> Option<&Value> {
        let took_in = theirs.lineage.took_in.as_ref()?;
        if took_in.tab != self.tab {
            return None;
        }
        self.recent
            .iter()
            .find(|(save, _)| *save == took_in.save)
            .map(|(_, card)| card)
    }
}

impl Draft {
    /// The draft's layout.
    pub fn style(&self) -> TextStyle {
        TextStyle {
            indent: self.indent.clone(),
            trailing_newline: self.trailing_newline,
        }
    }
}

#[cfg(test)]
impl Draft {
    /// A draft of `card`, from `source`'s `source_card`, saved at
    /// `saved_at_ms`, with no history: for tests.
    pub(crate) fn for_test(
        source: CardSource,
        source_card: Value,
        card: Value,
        saved_at_ms: f64,
    ) -> Self {
        Self {
            version: DRAFT_VERSION,
            source,
            saved_at_ms,
            source_fingerprint: fingerprint(&source_card),
            source_card,
            arn: None,
            status: None,
            card,
            indent: None,
            trailing_newline: false,
            history: HistorySnapshot::default(),
            lineage: Lineage::default(),
            entries: Vec::new(),
            place: DraftPlace::default(),
            registry_base: None,
            to_fill: Vec::new(),
        }
    }
}

/// Why stored text is not a usable draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// Not a draft at all (damaged, or written by something else).
    Unreadable(String),
    /// A draft of another format version.
    OtherVersion(u32),
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreadable(reason) => write!(f, "the saved draft cannot be read: {reason}"),
            Self::OtherVersion(version) => {
                write!(
                    f,
                    "the saved draft is of another format (version {version})"
                )
            }
        }
    }
}

impl std::error::Error for DraftError {}

/// The draft as stored text.
pub fn encode(draft: &Draft) -> String {
    serde_json::to_string(draft).expect("a draft always serialises")
}

/// How deep stored draft text may nest: a card as deep as the parser
/// takes (128 levels) inside the draft's own wrapping (the draft, its
/// history, an undo step), with room to spare.
const MAX_DRAFT_DEPTH: usize = 128 + 32;

/// A draft from stored text. serde_json's own limit (128 levels) would
/// refuse the draft of a card that import accepted, as deep as it may be,
/// once wrapped in the draft; so that limit is lifted here, and the depth
/// is bounded by [`MAX_DRAFT_DEPTH`] first, which keeps the recursion
/// short.
pub fn decode(text: &str) -> Result<Draft, DraftError> {
    if nesting_depth(text) > MAX_DRAFT_DEPTH {
        return Err(DraftError::Unreadable(format!(
            "it nests deeper than {MAX_DRAFT_DEPTH} levels"
        )));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    let draft = Draft::deserialize(&mut deserializer)
        .and_then(|draft| deserializer.end().map(|()| draft))
        .map_err(|error| DraftError::Unreadable(error.to_string()))?;
    if draft.version != DRAFT_VERSION {
        return Err(DraftError::OtherVersion(draft.version));
    }
    Ok(draft)
}

/// The deepest nesting of arrays and objects in JSON text (brackets in
/// strings not counted); text that is not JSON gives some number, and the
/// parser then says what is wrong with it.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        match (in_string, escaped, byte) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A fingerprint of a card (FNV-1a over its compact JSON): equal cards have
/// equal fingerprints, so a draft can tell whether its source changed.
pub fn fingerprint(card: &Value) -> String {
    let text = serde_json::to_string(card).expect("a JSON value always serialises");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

// ---- Words: a draft lives in this browser ------------------------------
//
// Every sentence that says a draft was saved, restored or opened says
// where, so that "saved" is never read as saved to the model registry.

/// The header's word when the card is as its source gave it.
pub const NOTHING_TO_SAVE_TEXT: &str = "No unsaved changes";

/// The header's word once a draft is saved: "Saved in this browser 14:43".
pub fn saved_text(time: &str) -> String {
    format!("Saved in this browser {time}")
}

/// Said when the draft offered back is restored.
pub fn restored_text(time: &str) -> String {
    format!("Restored the draft saved in this browser at {time}.")
}

/// Said when a draft picked from the list of drafts is opened.
pub fn opened_text(what: &str, date_time: &str) -> String {
    format!("Opened the draft of {what} saved in this browser {date_time}.")
}

/// The offer's first sentence: whose draft, saved where and when, and how
/// much differs.
pub fn offer_text(what: &str, date_time: &str, total: usize, typed: usize) -> String {
    let differences = match total {
        1 => "1 difference from it".to_owned(),
        n => format!("{n} differences from it"),
    };
    let typed = match typed {
        0 => String::new(),
        1 => " and 1 field showing text the card does not hold".to_owned(),
        n => format!(" and {n} fields showing text the card does not hold"),
    };
    format!(
        "There is a draft of {what} saved in this browser {date_time}, with {differences}{typed}:"
    )
}

/// How the recovery offer lists text typed that the card does not hold.
pub fn typed_offer_text(text: &str) -> String {
    format!("typed “{}”, not in the card", super::entries::echo(text))
}

/// The offer's warning when the source changed since the draft began. A
/// registry version's draft is checked against the registry when it is
/// submitted, so restoring it replaces nothing there unseen.
pub fn source_changed_text(source: &CardSource) -> &'static str {
    match source {
        CardSource::ModelPackage(_) => {
            "The version changed in the registry since this draft was started. Restoring keeps your edits; Review and submit then shows the registry's changes to merge before anything is sent."
        }
        _ => {
            "The source has changed since this draft was started; restoring replaces the newer source's content."
        }
    }
}

/// What to do about a stored draft when its source is loaded.
#[derive(Clone, Debug)]
pub enum Recovery {
    /// Nothing: no draft, or it holds exactly the source's card.
    Nothing,
    /// Offer the draft, saying what differs; the user restores or discards.
    Offer {
        /// The draft.
        draft: Box<Draft>,
        /// The differences, at most [`SHOWN_DIFFERENCES`].
        differences: Vec<FieldChange>,
        /// How many differences there are in all.
        total: usize,
        /// Whether the source itself changed since the draft was started
        /// (restoring then overrides the newer source).
        source_changed: bool,
    },
}

/// The most differences a recovery offer lists.
pub const SHOWN_DIFFERENCES: usize = 20;

/// Decides whether to offer `draft` when `source_card` is loaded.
pub fn recovery(draft: Option<Draft>, source_card: &Value) -> Recovery {
    let Some(draft) = draft else {
        return Recovery::Nothing;
    };
    let mut all = diff(source_card, &draft.card);
    // Text typed that the card does not hold is work too.
    if all.is_empty() && draft.entries.is_empty() {
        return Recovery::Nothing;
    }
    let total = all.len();
    all.truncate(SHOWN_DIFFERENCES);
    Recovery::Offer {
        source_changed: draft.source_fingerprint != fingerprint(source_card),
        draft: Box::new(draft),
        differences: all,
        total,
    }
}

/// What to do when another tab saves a draft of the card this tab edits
/// (both save under the card's source, so the later save would replace
/// the other's edits).
#[derive(Clone, Debug, PartialEq)]
pub enum Reconciliation {
    /// Its card is this tab's card.
    Nothing,
    /// It started from another card that has the same source name (two
    /// different pasted cards, two files of one name): nothing to merge.
    OtherCard,
    /// Its changes are all in this tab's card already: the stored draft is
    /// behind, so this tab's should be saved.
    SaveMine,
    /// Take in its changes: this card merges them with this tab's.
    TakeIn(Value),
    /// Both tabs changed the same places: ask which to keep.
    Ask(Merge),
}

/// Reconciles this tab's card (`mine`, edited from `source_card`, whose
/// [`fingerprint`] the tab keeps as `source_fingerprint`) with the draft
/// another tab saved, when both started from the same card: three-way from
/// the card both last held (`common`, see [`TabSaves`]), or else from the
/// source's card.
pub fn reconcile(
    (source_card, source_fingerprint): (&Value, &str),
    common: Option<&Value>,
    theirs: &Draft,
    mine: &Value,
) -> Reconciliation {
    if theirs.source_fingerprint != source_fingerprint {
        return Reconciliation::OtherCard;
    }
    let theirs = &theirs.card;
    if theirs == mine {
        return Reconciliation::Nothing;
    }
    let merge = merge(common.unwrap_or(source_card), theirs, mine);
    if !merge.conflicts.is_empty() {
        Reconciliation::Ask(merge)
    } else if &merge.merged == mine {
        Reconciliation::SaveMine
    } else {
        Reconciliation::TakeIn(merge.merged)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::document::{CardDocument, Coalesce, Edit};
    use crate::domain::merge::ChangeKind;
    use crate::domain::pointer::JsonPointer;

    fn draft_of(source: &Value, card: Value) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            source: CardSource::File("card.json".into()),
            saved_at_ms: 1_795_000_000_000.0,
            source_fingerprint: fingerprint(source),
            source_card: source.clone(),
            arn: None,
            status: None,
            card,
            indent: Some("  ".into()),
            trailing_newline: true,
            history: HistorySnapshot::default(),
            lineage: Lineage::default(),
            entries: Vec::new(),
            place: DraftPlace::default(),
            registry_base: None,
            to_fill: Vec::new(),
        }
    }

    #[test]
    fn a_draft_holding_only_text_typed_is_offered() {
        let source = json!({"model_overview": {"model_creator": "a"}});
        let mut draft = draft_of(&source, source.clone());
        assert!(matches!(
            recovery(Some(draft.clone()), &source),
            Recovery::Nothing
        ));
        draft.entries.push(crate::domain::entries::Entry {
            pointer: JsonPointer::parse("/x").unwrap(),
            kind: crate::domain::entries::EntryKind::Number,
            text: "0,97".into(),
            held: None,
        });
        assert!(matches!(
            recovery(Some(draft), &source),
            Recovery::Offer { total: 0, .. }
        ));
    }

    #[test]
    fn each_source_has_its_own_key() {
        let keys: Vec<String> = [
            CardSource::Scratch,
            CardSource::File("a.json".into()),
            CardSource::ModelPackage("arn:aws:sagemaker:x".into()),
            CardSource::Example("large".into()),
            CardSource::Pasted,
            CardSource::Link("/cards/a.json".into()),
        ]
        .iter()
        .map(CardSource::storage_key)
        .collect();
        assert_eq!(
            keys.iter().collect::<std::collections::BTreeSet<_>>().len(),
            keys.len()
        );
        assert_eq!(keys[1], "model-card-editor.draft.file:a.json");
    }

    #[test]
    fn a_draft_round_trips_with_its_history_and_numbers() {
        let original: Value = serde_json::from_str(r#"{"training": {"value": 1.50}}"#).unwrap();
        let mut document = CardDocument::new(original.clone());
        document
            .apply(
                Edit::Set {
                    pointer: JsonPointer::parse("/training/notes").unwrap(),
                    value: json!("n"),
                },
                Coalesce::Never,
                0.0,
            )
            .unwrap();
        let mut draft = draft_of(&json!({}), document.root().clone());
        draft.history = document.history_snapshot(HISTORY_BUDGET);
        let read = decode(&encode(&draft)).unwrap();
        assert_eq!(
            read.card.to_string(),
            r#"{"training":{"value":1.50,"notes":"n"}}"#
        );
        assert_eq!(read.style(), TextStyle::standard());
        let mut restored = CardDocument::with_history(read.card, read.history);
        restored.undo().unwrap();
        assert_eq!(restored.root().to_string(), original.to_string());
    }

    #[test]
    fn unreadable_and_foreign_drafts_are_refused() {
        assert!(matches!(
            decode("{not json"),
            Err(DraftError::Unreadable(_))
        ));
        let mut draft = draft_of(&json!({}), json!({}));
        draft.version = 99;
        assert_eq!(
            decode(&encode(&draft)).unwrap_err(),
            DraftError::OtherVersion(99)
        );
    }

    #[test]
    fn no_offer_without_a_draft_or_for_an_unchanged_card() {
        let source = json!({"a": 1});
        assert!(matches!(recovery(None, &source), Recovery::Nothing));
        assert!(matches!(
            recovery(Some(draft_of(&source, source.clone())), &source),
            Recovery::Nothing
        ));
    }

    #[test]
    fn an_offer_says_what_differs() {
        let source = json!({"a": 1, "b": {"c": "x", "d": [1, 2]}, "gone": true});
        let edited = json!({"a": 1, "b": {"c": "y", "d": [1, 2, 3]}, "new": 0});
        let Recovery::Offer {
            differences,
            total,
            source_changed,
            ..
        } = recovery(Some(draft_of(&source, edited)), &source)
        else {
            panic!("expected an offer");
        };
        let shown: Vec<(String, ChangeKind)> = differences
            .iter()
            .map(|d| (d.pointer.to_string(), d.kind))
            .collect();
        assert_eq!(
            shown,
            [
                ("/b/c".to_owned(), ChangeKind::Changed),
                ("/b/d".to_owned(), ChangeKind::Changed),
                ("/gone".to_owned(), ChangeKind::Removed),
                ("/new".to_owned(), ChangeKind::Added),
            ]
        );
        assert_eq!(total, 4);
        assert!(!source_changed);
    }

    #[test]
    fn an_offer_says_when_the_source_changed_since() {
        let original = json!({"a": 1});
        let draft = draft_of(&original, json!({"a": 2}));
        let Recovery::Offer { source_changed, .. } = recovery(Some(draft), &json!({"a": 3})) else {
            panic!("expected an offer");
        };
        assert!(source_changed);
    }

    #[test]
    fn a_long_list_of_differences_is_cut_but_counted() {
        let source = json!({"details": {}});
        let details: serde_json::Map<String, Value> =
            (0..50).map(|i| (format!("k{i}"), json!(i))).collect();
        let Recovery::Offer {
            differences, total, ..
        } = recovery(
            Some(draft_of(&source, json!({"details": details}))),
            &source,
        )
        else {
            panic!()
        };
        assert_eq!((differences.len(), total), (SHOWN_DIFFERENCES, 50));
    }

    #[test]
    fn every_word_on_a_draft_says_it_is_in_this_browser() {
        assert_eq!(saved_text("14:43"), "Saved in this browser 14:43");
        assert_eq!(
            restored_text("14:43"),
            "Restored the draft saved in this browser at 14:43."
        );
        assert_eq!(
            opened_text("\u{201c}a.json\u{201d}", "2026-11-25 14:43"),
            "Opened the draft of \u{201c}a.json\u{201d} saved in this browser 2026-11-25 14:43."
        );
        assert_eq!(
            offer_text("the new card", "2026-11-25 14:43", 1, 0),
            "There is a draft of the new card saved in this browser 2026-11-25 14:43, with 1 difference from it:"
        );
        assert!(offer_text("x", "y", 3, 0).ends_with("with 3 differences from it:"));
        assert!(offer_text("x", "y", 0, 1).ends_with(
            "with 0 differences from it and 1 field showing text the card does not hold:"
        ));
        assert_eq!(typed_offer_text("0,97"), "typed “0,97”, not in the card");
    }

    #[test]
    fn a_registry_drafts_changed_source_is_checked_at_submit() {
        assert!(
            source_changed_text(&CardSource::ModelPackage("arn".into()))
                .contains("Review and submit")
        );
        assert!(source_changed_text(&CardSource::Pasted).contains("replaces the newer source"));
    }

    #[test]
    fn a_draft_from_before_places_were_kept_still_loads() {
        let mut stored: Value =
            serde_json::from_str(&encode(&draft_of(&json!({}), json!({"a": 1})))).unwrap();
        let object = stored.as_object_mut().unwrap();
        object.remove("place");
        object.remove("registry_base");
        let read = decode(&stored.to_string()).unwrap();
        assert_eq!(read.place, DraftPlace::default());
        assert_eq!(read.registry_base, None);
    }

    #[test]
    fn a_draft_keeps_where_the_reviewer_was_and_the_registry_base() {
        use crate::domain::resume::{DraftView, TextSpot};
        let mut draft = draft_of(&json!({}), json!({"a": 1}));
        draft.place = DraftPlace {
            view: DraftView::Source,
            section: Some("training_details".into()),
            field: Some("/training_details/training_observations".into()),
            text: Some(TextSpot {
                selection: (10, 12),
                scroll: (300, 0),
            }),
        };
        draft.registry_base = Some(RegistryBase {
            arn: "arn:aws:sagemaker:us-east-2:1:model-package/g/1".into(),
            last_modified_time: Some(1_795_563_115.058),
            card_status: Some("PendingReview".into()),
            card: None,
        });
        let read = decode(&encode(&draft)).unwrap();
        assert_eq!(read.place, draft.place);
        assert_eq!(read.registry_base, draft.registry_base);
    }

    #[test]
    fn fingerprints_tell_cards_apart() {
        assert_eq!(fingerprint(&json!({"a": 1})), fingerprint(&json!({"a": 1})));
        assert_ne!(
            fingerprint(&json!({"a": 1})),
            fingerprint(&json!({"a": 1.0}))
        );
    }

    fn opened() -> Value {
        json!({"model_overview": {"model_creator": "Team"}, "intended_uses": {"risk_rating": "Low"}})
    }

    /// Another tab's draft of `card`, started from `opened()`.
    fn saved(card: Value) -> Draft {
        Draft::for_test(CardSource::Pasted, opened(), card, 0.0)
    }

    /// What this tab does about `theirs`, both tabs having started from the
    /// card as opened.
    fn reconcile_opened(theirs: &Draft, mine: &Value) -> Reconciliation {
        reconcile((&opened(), &fingerprint(&opened())), None, theirs, mine)
    }

    #[test]
    fn another_tab_with_the_same_card_needs_nothing() {
        assert_eq!(
            reconcile_opened(&saved(opened()), &opened()),
            Reconciliation::Nothing
        );
    }

    #[test]
    fn another_card_under_the_same_source_name_is_not_merged() {
        let other = json!({"model_overview": {"model_creator": "Someone else"}});
        let mut draft = saved(other.clone());
        draft.source_card = other.clone();
        draft.source_fingerprint = fingerprint(&other);
        assert_eq!(
            reconcile_opened(&draft, &opened()),
            Reconciliation::OtherCard
        );
    }

    #[test]
    fn another_tabs_edits_elsewhere_are_taken_in() {
        let mut mine = opened();
        mine["model_overview"]["model_creator"] = json!("Mine");
        let mut theirs = opened();
        theirs["intended_uses"]["risk_rating"] = json!("High");
        assert_eq!(
            reconcile_opened(&saved(theirs), &mine),
            Reconciliation::TakeIn(json!({
                "model_overview": {"model_creator": "Mine"},
                "intended_uses": {"risk_rating": "High"}
            }))
        );
    }

    #[test]
    fn another_tabs_draft_behind_this_one_is_saved_over() {
        let mut mine = opened();
        mine["model_overview"]["model_creator"] = json!("Mine");
        mine["intended_uses"]["risk_rating"] = json!("High");
        let mut theirs = opened();
        theirs["intended_uses"]["risk_rating"] = json!("High");
        assert_eq!(
            reconcile_opened(&saved(theirs), &mine),
            Reconciliation::SaveMine
        );
    }

    #[test]
    fn the_same_place_changed_in_both_tabs_is_asked_about() {
        let mut mine = opened();
        mine["model_overview"]["model_creator"] = json!("Mine");
        let mut theirs = opened();
        theirs["model_overview"]["model_creator"] = json!("Theirs");
        let Reconciliation::Ask(merge) = reconcile_opened(&saved(theirs), &mine) else {
            panic!("expected a question");
        };
        assert_eq!(merge.conflicts.len(), 1);
        assert_eq!(
            merge.conflicts[0].pointer.to_string(),
            "/model_overview/model_creator"
        );
    }

    #[test]
    fn what_the_other_tab_took_in_from_this_one_is_not_a_conflict() {
        let mut here = TabSaves::new("here".into());
        // This tab typed "Te" and saved; the other tab took that in, changed
        // the risk rating and saved; meanwhile this tab typed on.
        let mut typed = opened();
        typed["model_overview"]["model_creator"] = json!("Te");
        let mut mine_saved = saved(typed.clone());
        here.stamp(&mut mine_saved);
        let mut theirs = saved(typed);
        theirs.card["intended_uses"]["risk_rating"] = json!("High");
        theirs.lineage = Lineage {
            save: Some(SaveId {
                tab: "there".into(),
                save: 1,
            }),
            took_in: mine_saved.lineage.save.clone(),
        };
        let mut mine = opened();
        mine["model_overview"]["model_creator"] = json!("Team Red");
        let common = here.common_with(&theirs);
        assert!(common.is_some());
        assert_eq!(
            reconcile((&opened(), &fingerprint(&opened())), common, &theirs, &mine),
            Reconciliation::TakeIn(json!({
                "model_overview": {"model_creator": "Team Red"},
                "intended_uses": {"risk_rating": "High"}
            }))
        );
        // From the card as opened, the same drafts would clash.
        assert!(matches!(
            reconcile_opened(&theirs, &mine),
            Reconciliation::Ask(_)
        ));
    }

    #[test]
    fn a_tab_remembers_its_latest_saves_and_only_its_own() {
        let mut here = TabSaves::new("here".into());
        let mut first = saved(opened());
        here.stamp(&mut first);
        assert_eq!(
            first.lineage.save,
            Some(SaveId {
                tab: "here".into(),
                save: 1
            })
        );
        here.took_in(Some(SaveId {
            tab: "there".into(),
            save: 7,
        }));
        for _ in 0..REMEMBERED_SAVES {
            let mut next = saved(opened());
            here.stamp(&mut next);
            assert_eq!(
                next.lineage.took_in,
                Some(SaveId {
                    tab: "there".into(),
                    save: 7
                })
            );
        }
        let mut theirs = saved(opened());
        theirs.lineage.took_in = first.lineage.save.clone();
        assert_eq!(here.common_with(&theirs), None, "save 1 is forgotten");
        theirs.lineage.took_in = Some(SaveId {
            tab: "here".into(),
            save: 2,
        });
        assert!(here.common_with(&theirs).is_some());
        theirs.lineage.took_in = Some(SaveId {
            tab: "elsewhere".into(),
            save: 2,
        });
        assert_eq!(here.common_with(&theirs), None);
    }

    #[test]
    fn stored_text_too_deep_for_any_draft_is_refused_before_it_is_read() {
        assert_eq!(
            nesting_depth(r#"{"a": [1, {"b": "[[[{{"}], "c\\\"[": []}"#),
            3
        );
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(
            matches!(decode(&deep), Err(DraftError::Unreadable(why)) if why.contains("deeper than 160 levels"))
        );
    }
}
