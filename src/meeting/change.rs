//! What the journal records: each change to what the meeting holds, and
//! how a change is played back into a meeting brought back after a crash.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Meeting;
use super::capture::Captured;
use super::draft::{Draft, DraftState};

/// One change to what the meeting holds, as the journal records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// An item added, or replaced when its id is already there.
    Put {
        item: Captured,
    },
    Remove {
        id: String,
    },
    /// The text field as it stands, or none once it is closed.
    Draft {
        draft: Option<DraftState>,
    },
    /// The fields left unsent with Esc, to carry on with later.
    Unsent {
        drafts: Vec<DraftState>,
    },
    /// The section on screen and the seconds spent in each.
    Position {
        current: usize,
        spent: Vec<i64>,
    },
    Ended {
        at: Timestamp,
    },
    /// Presenting mode turned on or off, so a resumed meeting comes back
    /// the way it was left.
    Mode {
        presenting: bool,
    },
    /// The pushback card on the table, or none once it is marked.
    Dealt {
        dealt: Option<crate::rehearsal::Dealt>,
    },
    /// A pushback card answered and marked.
    Card {
        result: crate::rehearsal::CardResult,
    },
    /// The next meeting, as agreed at the end of this one.
    NextMeeting {
        next: Option<crate::meeting::next::NextMeeting>,
    },
}

/// Apply a journaled change, when a meeting is restored after a crash.
pub fn replay(meeting: &mut Meeting, change: Change) {
    match change {
        Change::Put { item } => {
            meeting.ids.saw(&item.id);
            match meeting.captures.iter().position(|c| c.id == item.id) {
                Some(at) => meeting.captures[at] = item,
                None => meeting.captures.push(item),
            }
        }
        Change::Remove { id } => {
            // A deleted item's id is never given to another.
            meeting.ids.saw(&id);
            meeting.captures.retain(|c| c.id != id);
        }
        Change::Draft { draft } => meeting.draft = draft.as_ref().map(Draft::from_state),
        Change::Unsent { drafts } => meeting.unsent = drafts,
        Change::Position { current, spent } => {
            meeting.current = current.min(meeting.sections.len().saturating_sub(1));
            for (slot, seconds) in meeting.clock.spent.iter_mut().zip(spent) {
                *slot = seconds;
            }
        }
        Change::Ended { at } => meeting.ended = Some(at),
        Change::NextMeeting { next } => meeting.next_meeting = next,
        Change::Mode { presenting } => meeting.presenting = presenting,
        Change::Dealt { dealt } => meeting.dealt = dealt,
        Change::Card { result } => {
            if !meeting.cards.contains(&result) {
                meeting.cards.push(result);
            }
        }
    }
}
