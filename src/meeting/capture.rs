//! What is captured in the room: answers, notes, actions, decisions, new
//! risks and issues, sign-offs, buy-in, attendance, pulse. Each item has a
//! stable id, the section it was said in and when.

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

impl SignoffDecision {
    pub fn word(self) -> &'static str {
        match self {
            SignoffDecision::Approved => "approved",
            SignoffDecision::Deferred => "deferred",
            SignoffDecision::Rejected => "rejected",
        }
    }
}

/// The customer's buy-in to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Agreed,
    AgreedWithChanges,
    NotAgreed,
}

impl Verdict {
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Agreed => "agreed",
            Verdict::AgreedWithChanges => "agreed with changes",
            Verdict::NotAgreed => "not agreed",
        }
    }

    /// The verdict the PM picks with 1, 2 or 3 (or its first word).
    pub fn chosen(word: &str) -> Option<Verdict> {
        match word.to_lowercase().as_str() {
            "1" | "agreed" | "yes" => Some(Verdict::Agreed),
            "2" | "changes" | "with" => Some(Verdict::AgreedWithChanges),
            "3" | "not" | "no" => Some(Verdict::NotAgreed),
            _ => None,
        }
    }
}

/// One thing captured, without its bookkeeping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Capture {
    Answer {
        question: String,
        text: String,
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
    /// What became of an action or customer task from an earlier meeting.
    Followup {
        /// The action's id or the customer task's id (CT-1).
        item: String,
        /// The record it came from, or "plan" for a customer task.
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
}

/// The customer accepting one of their tasks, recorded as a sign-off of it
/// (Enter on the customer tasks screen), so the minutes list it with the
/// other sign-offs.
pub mod acceptance {
    const LEAD: &str = "acceptance of customer task ";

    /// What the sign-off is about: `acceptance of customer task CT-2: title`.
    pub fn of(task: &str, title: &str) -> String {
        format!("{LEAD}{task}: {title}")
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
    pub fn prefix(&self) -> char {
        match self {
            Capture::Answer { .. } => 'Q',
            Capture::Note { .. } => 'N',
            Capture::Action { .. } => 'A',
            Capture::Decision { .. } => 'D',
            Capture::Risk { .. } => 'R',
            Capture::Issue { .. } => 'I',
            Capture::Signoff { .. } => 'S',
            Capture::BuyIn { .. } => 'B',
            Capture::Attendance { .. } => 'P',
            Capture::Playback { .. } => 'H',
            Capture::Pulse { .. } | Capture::Recommend { .. } => 'C',
            Capture::Followup { .. } => 'F',
        }
    }

    /// Whether the customer may see it: private notes and internal risks
    /// and issues are for the PM alone.
    pub fn is_public(&self) -> bool {
        match self {
            Capture::Note { private, .. } => !private,
            Capture::Risk { visible, .. } | Capture::Issue { visible, .. } => *visible,
            _ => true,
        }
    }

    /// What kind of item it is, in words.
    pub fn kind_words(&self) -> &'static str {
        match self {
            Capture::Answer { .. } => "answer",
            Capture::Note { unsent: true, .. } => "unsent draft",
            Capture::Note { private: true, .. } => "private note",
            Capture::Note { .. } => "note",
            Capture::Action { .. } => "action",
            Capture::Decision { .. } => "decision",
            Capture::Risk { .. } => "new risk",
            Capture::Issue { .. } => "new issue",
            Capture::Signoff { .. } => "sign-off",
            Capture::BuyIn { .. } => "buy-in",
            Capture::Attendance { .. } => "attendance",
            Capture::Playback { .. } => "playback",
            Capture::Pulse { .. } => "pulse",
            Capture::Recommend { .. } => "recommend score",
            Capture::Followup { .. } => "follow-up",
        }
    }

    /// The main text, for lists and for editing.
    pub fn text(&self) -> String {
        match self {
            Capture::Answer { text, .. }
            | Capture::Note { text, .. }
            | Capture::Decision { text } => text.clone(),
            Capture::Action { title, .. }
            | Capture::Risk { title, .. }
            | Capture::Issue { title, .. } => title.clone(),
            Capture::Signoff { what, .. } => what.clone(),
            Capture::BuyIn { proposal, .. } => proposal.clone(),
            Capture::Attendance { person, .. } | Capture::Pulse { person, .. } => person.clone(),
            Capture::Playback { correction, .. } => correction.clone(),
            Capture::Recommend { score } => score.to_string(),
            Capture::Followup { item, .. } => item.clone(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_chosen_never_cycled() {
        assert_eq!(Verdict::chosen("1"), Some(Verdict::Agreed));
        assert_eq!(Verdict::chosen("2"), Some(Verdict::AgreedWithChanges));
        assert_eq!(Verdict::chosen("3"), Some(Verdict::NotAgreed));
        assert_eq!(Verdict::chosen("Not"), Some(Verdict::NotAgreed));
        assert_eq!(Verdict::chosen("4"), None);
        assert_eq!(Verdict::chosen(""), None);
    }
}
