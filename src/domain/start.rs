//! The start screen: what the editor offers while no card is open, and
//! when that is. A page that starts on nothing says what the reviewer can
//! do (open a registry version, open a file, paste one, start a new card)
//! rather than showing an empty card with exports that would export
//! nothing.

/// One thing the reviewer can do on the start screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartChoice {
    /// Browse the model registry and open a version's card.
    Registry,
    /// Open a card file.
    File,
    /// Paste a card's JSON.
    Paste,
    /// Start a new, empty card.
    NewCard,
}

impl StartChoice {
    /// The button's text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Registry => "Open a registry version",
            Self::File => "Open a file\u{2026}",
            Self::Paste => "Paste JSON\u{2026}",
            Self::NewCard => "Start a new card",
        }
    }

    /// What it does, in a sentence under the button.
    pub fn description(self) -> &'static str {
        match self {
            Self::Registry => {
                "Browse the model registry's groups and versions, then review and edit a version's card and submit it."
            }
            Self::File => {
                "A card saved as JSON, a ModelCard object, or the output of aws sagemaker describe-model-package. You can also drop a file anywhere on this page."
            }
            Self::Paste => "The same, pasted as text.",
            Self::NewCard => "An empty card, to fill in section by section.",
        }
    }

    /// The button's `data-testid`, for tests.
    pub fn test_id(self) -> &'static str {
        match self {
            Self::Registry => "start-registry",
            Self::File => "start-file",
            Self::Paste => "start-paste",
            Self::NewCard => "start-new-card",
        }
    }
}

/// The choices in the order the start screen offers them: the registry
/// first when a backend is configured (that is where reviewers' cards
/// live), and only then.
pub fn start_choices(registry_available: bool) -> Vec<StartChoice> {
    let mut choices = Vec::with_capacity(4);
    if registry_available {
        choices.push(StartChoice::Registry);
    }
    choices.extend([StartChoice::File, StartChoice::Paste, StartChoice::NewCard]);
    choices
}

/// Whether no card is open: the page is on the new card's slot
/// (`on_new_card_slot`), which holds nothing, and the reviewer has not
/// chosen to start a new card (`started`). Opening any card, or restoring
/// a draft of a new card, is a card.
pub fn nothing_open(on_new_card_slot: bool, started: bool, card_is_empty: bool) -> bool {
    on_new_card_slot && !started && card_is_empty
}

/// Why the export buttons do nothing while no card is open; said to
/// keyboard and screen-reader users as the buttons' description.
pub const NOTHING_TO_EXPORT: &str =
    "There is no card to export yet: open a card or start a new one first.";

/// The header's line naming the card, while none is open.
pub const NO_CARD: &str = "No card open";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_is_offered_first_and_only_with_a_backend() {
        assert_eq!(
            start_choices(true),
            [
                StartChoice::Registry,
                StartChoice::File,
                StartChoice::Paste,
                StartChoice::NewCard
            ]
        );
        assert_eq!(
            start_choices(false),
            [StartChoice::File, StartChoice::Paste, StartChoice::NewCard]
        );
    }

    #[test]
    fn every_choice_says_what_it_does() {
        let choices = start_choices(true);
        let ids: std::collections::BTreeSet<_> = choices.iter().map(|c| c.test_id()).collect();
        assert_eq!(ids.len(), choices.len());
        for choice in choices {
            assert!(!choice.label().is_empty());
            assert!(choice.description().ends_with('.'), "{choice:?}");
        }
        assert_eq!(StartChoice::NewCard.label(), "Start a new card");
    }

    #[test]
    fn nothing_is_open_only_on_an_empty_new_card_not_yet_started() {
        assert!(nothing_open(true, false, true));
        assert!(!nothing_open(true, true, true), "a new card was started");
        assert!(!nothing_open(true, false, false), "a draft was restored");
        assert!(!nothing_open(false, false, true), "a card was opened");
    }
}
