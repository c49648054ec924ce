//! What is captured in the room: answers, notes, actions, decisions, new
//! risks and issues, sign-offs, buy-in, attendance, pulse. Each item has a
//! stable id, the section it was said in and when.

use jiff::Timestamp;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use crate::plan::model::{Plan, Side};

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

    /// The next verdict when Enter is pressed again.
    pub fn next(verdict: Option<Verdict>) -> Verdict {
        match verdict {
            None | Some(Verdict::NotAgreed) => Verdict::Agreed,
            Some(Verdict::Agreed) => Verdict::AgreedWithChanges,
            Some(Verdict::AgreedWithChanges) => Verdict::NotAgreed,
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
    },
    BuyIn {
        proposal: String,
        verdict: Verdict,
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
        /// The action's id (A-4) or the customer task's id (CT-1).
        item: String,
        /// The record it came from, or "plan" for a customer task.
        meeting: String,
        status: ActionStatus,
        due: Option<Date>,
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
}

impl Capture {
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
    /// Index of the section it was captured in.
    pub section: usize,
    pub at: Timestamp,
    #[serde(flatten)]
    pub what: Capture,
}

/// An action's line after quick capture: `Send the plan @sam due:+3d`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickCapture {
    pub text: String,
    /// The `@name` as typed, and the plan person it matched (if any).
    pub owner: Option<(String, Option<String>)>,
    pub due: Option<Date>,
    /// `#internal` in a risk or issue keeps it off the shared screen.
    pub internal: bool,
    /// A `due:` that could not be read, as typed.
    pub bad_due: Option<String>,
}

/// Read `@person`, `due:` and `#internal` out of a typed line.
pub fn quick_capture(line: &str, plan: &Plan, today: Date) -> QuickCapture {
    let mut words = Vec::new();
    let mut quick = QuickCapture {
        text: String::new(),
        owner: None,
        due: None,
        internal: false,
        bad_due: None,
    };
    for word in line.split_whitespace() {
        if let Some(name) = word.strip_prefix('@').filter(|n| !n.is_empty()) {
            let name = name.trim_end_matches([',', '.', ';', ':']);
            quick.owner = Some((name.to_owned(), find_person(plan, name)));
        } else if let Some(when) = word.strip_prefix("due:") {
            match due_date(when, today) {
                Some(date) => quick.due = Some(date),
                None => quick.bad_due = Some(when.to_owned()),
            }
        } else if word.eq_ignore_ascii_case("#internal") {
            quick.internal = true;
        } else {
            words.push(word);
        }
    }
    quick.text = words.join(" ");
    quick
}

/// The id of the person `name` means: an id, a full name or a first name,
/// ignoring case.
pub fn find_person(plan: &Plan, name: &str) -> Option<String> {
    let name = name.to_lowercase();
    plan.people
        .iter()
        .find(|p| p.id.get_ref().to_lowercase() == name)
        .or_else(|| plan.people.iter().find(|p| p.name.to_lowercase() == name))
        .or_else(|| {
            plan.people.iter().find(|p| {
                p.name
                    .split_whitespace()
                    .next()
                    .is_some_and(|f| f.to_lowercase() == name)
            })
        })
        .map(|p| p.id.get_ref().clone())
}

/// `2026-12-01`, `+3d`, `+2w`, or a weekday (`fri`, `friday`: the next one).
pub fn due_date(when: &str, today: Date) -> Option<Date> {
    if let Ok(date) = when.parse::<Date>() {
        return Some(date);
    }
    if let Some(n) = when.strip_prefix('+') {
        let (count, unit) = n.split_at(n.char_indices().next_back()?.0);
        let count: i64 = count.parse().ok().filter(|c| (0..=3650).contains(c))?;
        let days = match unit {
            "d" => count,
            "w" => count * 7,
            _ => return None,
        };
        return today.checked_add(jiff::Span::new().days(days)).ok();
    }
    let weekday = match when.to_lowercase().get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    };
    today.nth_weekday(1, weekday).ok()
}

/// Read a sign-off line: `approved @ola`, `deferred`, `rejected by Raj`.
pub fn signoff_line(line: &str, plan: &Plan) -> Option<(SignoffDecision, Option<String>)> {
    let mut decision = None;
    let mut by = None;
    for word in line.split_whitespace() {
        let lower = word.to_lowercase();
        match lower.as_str() {
            "a" | "approved" | "approve" | "yes" => decision = Some(SignoffDecision::Approved),
            "d" | "deferred" | "defer" | "later" => decision = Some(SignoffDecision::Deferred),
            "r" | "rejected" | "reject" | "no" => decision = Some(SignoffDecision::Rejected),
            "by" => {}
            _ => {
                let name = word.trim_start_matches('@');
                by = Some(find_person(plan, name).unwrap_or_else(|| name.to_owned()));
            }
        }
    }
    decision.map(|d| (d, by))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load_bytes;

    fn plan() -> Plan {
        load_bytes(
            "demo.toml",
            include_str!("../../assets/demo.toml").as_bytes(),
        )
        .plan
        .unwrap()
    }

    fn today() -> Date {
        // A Tuesday.
        jiff::civil::date(2026, 11, 24)
    }

    #[test]
    fn quick_capture_reads_owner_and_due_date() {
        let q = quick_capture(
            "Send the revised plan @sam due:2026-12-01",
            &plan(),
            today(),
        );
        assert_eq!(q.text, "Send the revised plan");
        assert_eq!(q.owner, Some(("sam".to_owned(), Some("sam".to_owned()))));
        assert_eq!(q.due, Some(jiff::civil::date(2026, 12, 1)));
    }

    #[test]
    fn due_dates_in_days_weeks_and_weekdays() {
        assert_eq!(
            due_date("+3d", today()),
            Some(jiff::civil::date(2026, 11, 27))
        );
        assert_eq!(
            due_date("+2w", today()),
            Some(jiff::civil::date(2026, 12, 8))
        );
        assert_eq!(
            due_date("fri", today()),
            Some(jiff::civil::date(2026, 11, 27))
        );
        assert_eq!(
            due_date("Tuesday", today()),
            Some(jiff::civil::date(2026, 12, 1)),
            "the next one, not today"
        );
        assert_eq!(due_date("soon", today()), None);
        assert_eq!(due_date("+d", today()), None);
        assert_eq!(due_date("+99999d", today()), None);
    }

    #[test]
    fn people_are_found_by_id_full_name_or_first_name() {
        let plan = plan();
        assert_eq!(find_person(&plan, "OLA"), Some("ola".to_owned()));
        assert_eq!(find_person(&plan, "Priya"), Some("priya".to_owned()));
        let q = quick_capture("Book the room @bob", &plan, today());
        assert_eq!(
            q.owner,
            Some(("bob".to_owned(), None)),
            "an unknown name is kept, unmatched"
        );
    }

    #[test]
    fn internal_marker_and_bad_due_are_reported() {
        let q = quick_capture("Vendor may fold #internal due:someday", &plan(), today());
        assert!(q.internal);
        assert_eq!(q.bad_due.as_deref(), Some("someday"));
        assert_eq!(q.text, "Vendor may fold");
    }

    #[test]
    fn sign_off_lines() {
        let plan = plan();
        assert_eq!(
            signoff_line("approved @ola", &plan),
            Some((SignoffDecision::Approved, Some("ola".to_owned())))
        );
        assert_eq!(
            signoff_line("deferred by Marcus", &plan),
            Some((SignoffDecision::Deferred, Some("marcus".to_owned())))
        );
        assert_eq!(signoff_line("@ola", &plan), None, "a decision is required");
    }

    #[test]
    fn verdicts_cycle() {
        assert_eq!(Verdict::next(None), Verdict::Agreed);
        assert_eq!(
            Verdict::next(Some(Verdict::Agreed)),
            Verdict::AgreedWithChanges
        );
        assert_eq!(
            Verdict::next(Some(Verdict::AgreedWithChanges)),
            Verdict::NotAgreed
        );
        assert_eq!(Verdict::next(Some(Verdict::NotAgreed)), Verdict::Agreed);
    }
}
