//! Rehearsing a meeting before the real one: the pushback cards a
//! rehearsing PM is dealt, how each was answered, and the pacing report
//! the rehearsal ends with. The meeting itself is the live one's: these
//! types ride along in it and in its record.

pub mod cards;
pub mod deck;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A hard thing the customer may say, with the answer prepared for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// What the customer says, as they would say it.
    pub says: String,
    /// The answer prepared for it: internal, shown to the PM only once
    /// they have answered.
    pub answer: String,
}

/// The card on the table: dealt in a section, answered or not yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dealt {
    pub card: Card,
    /// The section it was dealt in.
    pub section: usize,
    pub at: Timestamp,
    /// Dealt by itself, half the section's timebox gone with none dealt.
    #[serde(default)]
    pub by_itself: bool,
    /// What the PM answered (empty: they said it aloud); none until they
    /// have, and the prepared answer stays hidden until then.
    pub answered: Option<String>,
}

/// How the PM judged their answer once they saw the prepared one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    Handled,
    NeedsWork,
}

impl Mark {
    pub fn words(self) -> &'static str {
        match self {
            Mark::Handled => "handled",
            Mark::NeedsWork => "needs work",
        }
    }
}

/// A card dealt, answered and marked: what the record keeps of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardResult {
    pub says: String,
    pub answer: String,
    /// What the PM typed; empty when the answer was spoken.
    #[serde(default)]
    pub typed: String,
    pub mark: Mark,
    /// The section it was dealt in (0-based).
    pub section: usize,
    #[serde(default)]
    pub by_itself: bool,
    pub at: Timestamp,
}

impl CardResult {
    /// The result of the card on the table, marked.
    pub fn of(dealt: &Dealt, mark: Mark, at: Timestamp) -> CardResult {
        CardResult {
            says: dealt.card.says.clone(),
            answer: dealt.card.answer.clone(),
            typed: dealt.answered.clone().unwrap_or_default(),
            mark,
            section: dealt.section,
            by_itself: dealt.by_itself,
            at,
        }
    }
}
