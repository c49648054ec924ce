//! What a rehearsal leaves to read: the pacing report it ends with, and
//! the progress from one rehearsal of an agenda to the next. Documents
//! made from rehearsal records, beside the other documents; the cards
//! and the deck they deal from are the meeting's own (`crate::rehearsal`).

pub mod pacing;
pub mod progress;
pub mod since_last;
