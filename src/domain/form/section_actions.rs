//! What a section of the form offers beside its fields: filling it from
//! what the platform already knows. Decided here, once, by the section's
//! key; the form draws the action each names.

/// An action a section offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionAction {
    /// Training details filled from a training job (`DescribeTrainingJob`).
    FillFromTrainingJob,
    /// Evaluations added from report files.
    AddEvaluationFromReport,
    /// The model artifact filled from the registry version's containers
    /// (offered while a registry version is open).
    FillModelArtifact,
}

/// The actions of the section at the card's member `key`.
pub fn section_actions(key: &str) -> &'static [SectionAction] {
    match key {
        "training_details" => &[SectionAction::FillFromTrainingJob],
        "evaluation_details" => &[SectionAction::AddEvaluationFromReport],
        "model_overview" => &[SectionAction::FillModelArtifact],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sections_that_can_be_filled_say_how() {
        assert_eq!(
            section_actions("evaluation_details"),
            [SectionAction::AddEvaluationFromReport]
        );
        assert_eq!(
            section_actions("training_details"),
            [SectionAction::FillFromTrainingJob]
        );
        assert_eq!(
            section_actions("model_overview"),
            [SectionAction::FillModelArtifact]
        );
        assert!(section_actions("intended_uses").is_empty());
    }
}
