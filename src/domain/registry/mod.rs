//! The registry screen's decisions, kept apart from its components so they
//! are tested natively: what a version's row shows and becomes after a
//! write or a read (`rows`), which groups and versions a search shows and
//! how the screen says so (`search`), and where the reviewer was, so the
//! screen comes back there (`place`); and the card "Write a card" starts
//! from (`start_card`), with the parts left to fill for the version
//! marked (`to_fill`).

pub mod place;
pub mod rows;
pub mod search;
pub mod start_card;
pub mod to_fill;
