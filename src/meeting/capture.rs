//! What is captured in the room: answers, notes, actions, decisions, new
//! risks and issues, sign-offs, buy-in, attendance, pulse. Each item has a
//! stable id, the section it was said in and when. How an item reads in
//! words is `capture_words.rs`; how a typed line becomes one is `typed/`.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::plan::model::Side;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionStatus {
    Open,
    Done,
    Dropped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignoffDecision {
    Approved,
    Deferred,
    Rejected,
}

/// The customer's buy-in to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Agreed,
    AgreedWithChanges,
    NotAgreed,
}

/// One thing captured, without its bookkeeping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Capture {
    Answer {
        question: String,
        text: String,
        /// An answer to a sensitive question: for our management only.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        sensitive: bool,
    },
    Note {
        text: String,
        private: bool,
        /// A draft never sent, kept at the end of the meeting as a private note.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        unsent: bool,
    },
    Action {
        title: String,
        owner: Option<String>,
        due: Option<Date>,
        side: Option<Side>,
        status: ActionStatus,
    },
    Decision {
        text: String,
    },
    Risk {
        title: String,
        owner: Option<String>,
        visible: bool,
        /// 1–5, from `p:4` in the line; None when the PM saved it unscored.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        probability: Option<u8>,
        /// 1–5, from `i:3` in the line.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        impact: Option<u8>,
    },
    Issue {
        title: String,
        owner: Option<String>,
        visible: bool,
    },
    Signoff {
        what: String,
        by: Option<String>,
        decision: SignoffDecision,
        /// Why, in their words: `until she has read the escalation path`.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    BuyIn {
        proposal: String,
        verdict: Verdict,
        /// What the customer asked to change, when agreed with changes.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        changes: String,
        /// Who gave it (`1 @soren`), a person's id or a guest's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    Attendance {
        person: String,
        present: bool,
        guest: bool,
    },
    Playback {
        confirmed: bool,
        correction: String,
    },
    Pulse {
        person: String,
        confidence: u8,
        comment: String,
    },
    Recommend {
        score: u8,
    },
    /// A point raised off the topic, parked for later (`l`): listed in the
    /// minutes and followed up in the next meeting.
    Parked {
        text: String,
        /// Who takes it up, when someone does.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
    },
    /// The section it was captured in, skipped on purpose (`S`), and why.
    Skipped {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    /// What became of an action or customer task from an earlier meeting.
    Followup {
        /// The action's id or the customer task's id (CT-1).
        item: String,
        /// The record it came from, "plan" for a customer task, or
        /// [`OUR_HELP`] for the help we promised with one.
        meeting: String,
        status: ActionStatus,
        due: Option<Date>,
        /// A new owner, when the follow-up handed it to someone else.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
    },
}

/// An action still open from an earlier meeting, to follow up.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    pub id: String,
    /// The earlier meeting's record file name, without `.toml`.
    pub meeting: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
    /// The date it had before a follow-up moved it.
    pub moved_from: Option<Date>,
    /// Whose side it is on: the customer's for a task added with `t`.
    pub side: Option<Side>,
}

/// Where the help we promised with a customer task comes from, for its
/// follow-ups: the plan's `help` on that task (the item is the task's id).
pub const OUR_HELP: &str = "help";

/// The customer accepting one of their tasks, recorded as a sign-off of it
/// (Enter on the customer tasks screen), so the minutes list it with the
/// other sign-offs.
pub mod acceptance {
    const LEAD: &str = "acceptance of customer task ";

    /// What the sign-off is about: `acceptance of customer task CT-2: title`.
    pub fn of(task: &str, title: &str) -> String {
        format!("{LEAD}{task}: {title}")
    }

    /// An acceptance said as what it is: "customer task CT-2, Approve the
    /// pilot plan: accepted as done", never "…pilot plan: approved", which
    /// reads as if the plan itself had been approved. None for another
    /// sign-off.
    pub fn in_words(what: &str, decision: super::SignoffDecision) -> Option<String> {
        let (task, title) = what.strip_prefix(LEAD)?.split_once(": ")?;
        let word = match decision {
            super::SignoffDecision::Approved => "accepted as done",
            super::SignoffDecision::Deferred => "acceptance deferred",
            super::SignoffDecision::Rejected => "not accepted",
        };
        Some(format!("customer task {task}, {title}: {word}"))
    }

    /// The task a sign-off accepts, if it is an acceptance.
    pub fn task(what: &str) -> Option<&str> {
        what.strip_prefix(LEAD)?
            .split_once(':')
            .map(|(task, _)| task)
    }
}

/// A risk or issue raised in an earlier meeting and not yet in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Raised {
    /// The earlier meeting's record file name, without `.toml`.
    pub meeting: String,
    /// The risk or issue as it was captured, with its id and when.
    pub item: Captured,
}

impl Raised {
    /// Whether the customer may see it.
    pub fn is_public(&self) -> bool {
        self.item.what.is_public()
    }

    /// "raised on 23 Nov, not yet in the plan".
    pub fn mark(&self, zone: &jiff::tz::TimeZone) -> String {
        let day = self.item.at.to_zoned(zone.clone()).strftime("%-d %b");
        format!("raised on {day}, not yet in the plan")
    }
}

impl Capture {
    /// A risk's probability × impact, when it was scored.
    pub fn risk_score(&self) -> Option<(u8, u8)> {
        match self {
            Capture::Risk {
                probability: Some(p),
                impact: Some(i),
                ..
            } => Some((*p, *i)),
            _ => None,
        }
    }

    /// The letter of an item's id: N-3 a note, A-4 an action.
    /// The series its id is taken from. What the customer may not see has
    /// a series of its own (`IR-1` an internal risk, `PN-1` a private
    /// note), so the ids the customer sees run on without a gap that
    /// would tell of something hidden.
    pub fn prefix(&self) -> &'static str {
        match self {
            Capture::Answer {
                sensitive: true, ..
            } => "SQ",
            Capture::Answer { .. } => "Q",
            Capture::Note { private: true, .. } => "PN",
            Capture::Note { .. } => "N",
            Capture::Action { .. } => "A",
            Capture::Decision { .. } => "D",
            Capture::Risk { visible: false, .. } => "IR",
            Capture::Risk { .. } => "R",
            Capture::Issue { visible: false, .. } => "II",
            Capture::Issue { .. } => "I",
            Capture::Signoff { .. } => "S",
            Capture::BuyIn { .. } => "B",
            Capture::Attendance { .. } => "P",
            Capture::Playback { .. } => "H",
            Capture::Pulse { .. } | Capture::Recommend { .. } => "C",
            Capture::Followup { .. } => "F",
            Capture::Parked { .. } => "L",
            Capture::Skipped { .. } => "K",
        }
    }

    /// Whether the customer may see it: private notes and internal risks
    /// and issues are for the PM alone.
    pub fn is_public(&self) -> bool {
        match self {
            Capture::Note { private, .. } => !private,
            Capture::Risk { visible, .. } | Capture::Issue { visible, .. } => *visible,
            Capture::Answer { sensitive, .. } => !sensitive,
            _ => true,
        }
    }

    /// An answer to a sensitive question, for our management only.
    pub fn is_sensitive(&self) -> bool {
        matches!(
            self,
            Capture::Answer {
                sensitive: true,
                ..
            }
        )
    }
}

/// A captured item with its id, section and time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Captured {
    pub id: String,
    /// Its place among everything captured in the meeting, so a reopened
    /// meeting lists items in the order they were said (0 in older records).
    #[serde(default)]
    pub order: u64,
    /// Index of the section it was captured in.
    pub section: usize,
    pub at: Timestamp,
    #[serde(flatten)]
    pub what: Capture,
}
