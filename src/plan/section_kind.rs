//! The kinds of section a meeting is made of, as plan files and records
//! name them. Here, under the plan, so that the plan model and the agendas
//! can both use them without needing each other.

use serde::{Deserialize, Serialize};

/// What a section of the meeting is for; each kind has its own screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Welcome,
    Followups,
    Listen,
    Playback,
    Scope,
    Status,
    Financials,
    Raid,
    Rules,
    Proposals,
    CustomerTasks,
    Review,
    Pulse,
    /// Free capture with nothing prepared: notes, actions, decisions,
    /// risks, issues, and who was there.
    Notes,
}

/// The keys of the kinds a plan's agenda is made of, in [`SectionKind::ALL`]'s
/// order: the keys `[speaker_notes]` takes.
pub const KEYS: [&str; 13] = [
    "welcome",
    "followups",
    "listen",
    "playback",
    "scope",
    "status",
    "financials",
    "raid",
    "rules",
    "proposals",
    "customer_tasks",
    "review",
    "pulse",
];

impl SectionKind {
    /// The kinds a plan's own `[[agenda]]` is made of, as its schema
    /// offers them. `Notes` is left out: it is the `notes` agenda's one
    /// section, for conversations nobody planned.
    pub const ALL: [SectionKind; 13] = [
        SectionKind::Welcome,
        SectionKind::Followups,
        SectionKind::Listen,
        SectionKind::Playback,
        SectionKind::Scope,
        SectionKind::Status,
        SectionKind::Financials,
        SectionKind::Raid,
        SectionKind::Rules,
        SectionKind::Proposals,
        SectionKind::CustomerTasks,
        SectionKind::Review,
        SectionKind::Pulse,
    ];

    /// The name used in plan files and records.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Welcome => "welcome",
            SectionKind::Followups => "followups",
            SectionKind::Listen => "listen",
            SectionKind::Playback => "playback",
            SectionKind::Scope => "scope",
            SectionKind::Status => "status",
            SectionKind::Financials => "financials",
            SectionKind::Raid => "raid",
            SectionKind::Rules => "rules",
            SectionKind::Proposals => "proposals",
            SectionKind::CustomerTasks => "customer_tasks",
            SectionKind::Review => "review",
            SectionKind::Pulse => "pulse",
            SectionKind::Notes => "notes",
        }
    }

    /// The title a customer sees when the agenda gives none.
    pub fn default_title(self) -> &'static str {
        match self {
            SectionKind::Welcome => "Welcome and introductions",
            SectionKind::Followups => "Follow-ups from last time",
            SectionKind::Listen => "Your view first",
            SectionKind::Playback => "What we heard",
            SectionKind::Scope => "Objectives and scope",
            SectionKind::Status => "Where the project stands",
            SectionKind::Financials => "Budget and spend",
            SectionKind::Raid => "Issues and risks",
            SectionKind::Rules => "How we will work together",
            SectionKind::Proposals => "The new course of action",
            SectionKind::CustomerTasks => "Tasks on your side",
            SectionKind::Review => "Decisions and actions, read back",
            SectionKind::Pulse => "How confident are you?",
            SectionKind::Notes => "Notes",
        }
    }

    /// Whether the section asks for the customer's word: buy-in to the
    /// proposals, sign-off of how we will work together. Skipped, it is
    /// named again at the end of the meeting.
    pub fn needs_buy_in(self) -> bool {
        matches!(self, SectionKind::Proposals | SectionKind::Rules)
    }

    /// What the section is for, as the agenda sent ahead tells the
    /// customer, so they come prepared.
    pub fn purpose(self) -> &'static str {
        match self {
            SectionKind::Welcome => "Who is here, and what we want from today.",
            SectionKind::Followups => "What each of us promised last time: done, late or dropped.",
            SectionKind::Listen => "Your view of the project, in your words; we listen first.",
            SectionKind::Playback => "We say back what we heard, so you can correct us.",
            SectionKind::Scope => "What the project delivers, and what it does not.",
            SectionKind::Status => "Each milestone against the plan, and what is late.",
            SectionKind::Financials => "The budget, what is spent, and the forecast.",
            SectionKind::Raid => "The open issues and risks, and who handles each.",
            SectionKind::Rules => "How we meet, decide and keep you informed.",
            SectionKind::Proposals => "What we propose to change, for your agreement.",
            SectionKind::CustomerTasks => {
                "The tasks on your side, their dates, and our help with them."
            }
            SectionKind::Review => "Every decision and action of the meeting, read back.",
            SectionKind::Pulse => "How confident you are now, in one number.",
            SectionKind::Notes => "Notes of our conversation.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_speaker_notes_take_are_the_kinds_of_an_agenda() {
        let keys: Vec<&str> = SectionKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(keys, KEYS);
    }
}
