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
        /// The action's id (A-4) or the customer task's id (CT-1).
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

/// An action's line after quick capture: `Send the plan @sam due:+3d`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickCapture {
    pub text: String,
    /// The `@name` as typed, and the person it matched (if any).
    pub owner: Option<(String, Option<String>)>,
    pub due: Option<Date>,
    /// `#internal` in a risk or issue keeps it off the shared screen.
    pub internal: bool,
    /// A `due:` that could not be read, as typed.
    pub bad_due: Option<String>,
}

/// Who an `@name` can mean: the plan's people, and the guests added in the
/// room (a guest's id is the name they were added with).
#[derive(Debug, Clone, Copy)]
pub struct People<'a> {
    pub plan: &'a Plan,
    pub guests: &'a [String],
}

impl<'a> People<'a> {
    pub fn of(plan: &'a Plan) -> Self {
        People { plan, guests: &[] }
    }

    /// The person whose name or id is nearest to `name`, for "did you
    /// mean …?", when one is close enough to be a slip of the keys.
    pub fn nearest(&self, name: &str) -> Option<String> {
        let name = name.to_lowercase();
        let score = |candidate: &str| strsim::jaro_winkler(&name, &candidate.to_lowercase());
        let plan = self.plan.people.iter().map(|p| {
            let first = p.name.split_whitespace().next().unwrap_or_default();
            let best = [p.id.get_ref().as_str(), p.name.as_str(), first]
                .into_iter()
                .map(score)
                .fold(0.0, f64::max);
            (best, p.name.clone())
        });
        let guests = self.guests.iter().map(|g| (score(g), g.clone()));
        // The start of a name is a shortening, not a slip: `@jen` for
        // `jennifer` is offered whatever the fuzzy score says.
        let starts = |candidate: &str| {
            name.chars().count() >= 2 && candidate.to_lowercase().starts_with(&name)
        };
        let shortened = self.plan.people.iter().find(|p| {
            let first = p.name.split_whitespace().next().unwrap_or_default();
            [p.id.get_ref().as_str(), p.name.as_str(), first]
                .into_iter()
                .any(starts)
        });
        if let Some(person) = shortened {
            return Some(person.name.clone());
        }
        // The same closeness `check` asks for before it says "did you mean".
        plan.chain(guests)
            .filter(|(s, _)| *s >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, name)| name)
    }

    /// The id of the person `name` means: an id, a full name or a first
    /// name, ignoring case; the plan's people before guests.
    pub fn find(&self, name: &str) -> Option<String> {
        let name = name.to_lowercase();
        let first = |full: &str| {
            full.split_whitespace()
                .next()
                .is_some_and(|f| f.to_lowercase() == name)
        };
        let people = &self.plan.people;
        people
            .iter()
            .find(|p| p.id.get_ref().to_lowercase() == name)
            .or_else(|| people.iter().find(|p| p.name.to_lowercase() == name))
            .or_else(|| people.iter().find(|p| first(&p.name)))
            .map(|p| p.id.get_ref().clone())
            .or_else(|| {
                let guests = self.guests;
                guests
                    .iter()
                    .find(|g| g.to_lowercase() == name)
                    .or_else(|| guests.iter().find(|g| first(g)))
                    .cloned()
            })
    }
}

/// The most words a person's name is looked for in after an `@`.
const LONGEST_NAME: usize = 4;

/// The person named at the start of `words` (its first word without the
/// `@`): the most words that name someone, so `@Zoë Krüger` is one person;
/// else the first word alone, unmatched. Returns the words used, the name
/// as typed and the person's id.
fn name_at(words: &[&str], people: People) -> (usize, String, Option<String>) {
    let trim = |w: &str| w.trim_end_matches([',', '.', ';', ':']).to_owned();
    for count in (1..=words.len().min(LONGEST_NAME)).rev() {
        let typed = trim(&words[..count].join(" "));
        // A name does not run on past punctuation: `@ola, then Sam`.
        let runs_on = words[..count - 1]
            .iter()
            .any(|w| w.ends_with([',', '.', ';', ':']));
        if runs_on || typed.is_empty() {
            continue;
        }
        if let Some(id) = people.find(&typed) {
            return (count, typed, Some(id));
        }
    }
    (1, trim(words[0]), None)
}

/// Read `@person`, `due:` and `#internal` out of a typed line.
pub fn quick_capture(line: &str, people: People, today: Date) -> QuickCapture {
    let mut kept = Vec::new();
    let mut quick = QuickCapture {
        text: String::new(),
        owner: None,
        due: None,
        internal: false,
        bad_due: None,
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut at = 0;
    while let Some(&word) = words.get(at) {
        at += 1;
        if let Some(name) = word.strip_prefix('@').filter(|n| !n.is_empty()) {
            let mut named = words[at - 1..].to_vec();
            named[0] = name;
            let (used, typed, id) = name_at(&named, people);
            if !typed.is_empty() {
                at += used - 1;
                quick.owner = Some((typed, id));
                continue;
            }
            kept.push(word);
        } else if let Some(when) = word.strip_prefix("due:") {
            match due_date(when, today) {
                Some(date) => quick.due = Some(date),
                None => quick.bad_due = Some(when.to_owned()),
            }
        } else if word.eq_ignore_ascii_case("#internal") {
            quick.internal = true;
        } else {
            kept.push(word);
        }
    }
    quick.text = kept.join(" ");
    quick
}

/// `2026-12-01`, `+3d`, `+2w`, or a weekday (`fri`, `friday`: the next one).
pub fn due_date(when: &str, today: Date) -> Option<Date> {
    if let Ok(date) = when.parse::<Date>() {
        return Some(date);
    }
    if let Some(n) = when.strip_prefix('+') {
        // The unit is the last character, whatever its width in bytes.
        let unit = n.chars().next_back()?;
        let count = &n[..n.len() - unit.len_utf8()];
        let count: i64 = count.parse().ok().filter(|c| (0..=3650).contains(c))?;
        let days = match unit {
            'd' => count,
            'w' => count * 7,
            _ => return None,
        };
        return today.checked_add(jiff::Span::new().days(days)).ok();
    }
    let lower = when.to_lowercase();
    let weekday = match lower.get(..3)? {
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

/// A sign-off line read: the decision, who gave it (as typed, and the
/// person matched) and why, in their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignoffLine {
    pub decision: SignoffDecision,
    pub by: Option<(String, Option<String>)>,
    pub reason: String,
}

/// Read a sign-off line: `approved @ola`, `rejected by Raj`, `deferred
/// @Siobhán until she has read the escalation path`. The first decision
/// word decides; after it, the same words are part of the reason.
pub fn signoff_line(line: &str, people: People) -> Option<SignoffLine> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut decision = None;
    let mut by = None;
    let mut reason = Vec::new();
    let mut at = 0;
    while let Some(&word) = words.get(at) {
        at += 1;
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches([',', '.', ';', ':']);
        // One-letter answers only count as the whole first word.
        let short = at == 1 && matches!(lower, "a" | "d" | "r");
        let said = match lower {
            "approved" | "approve" | "yes" => Some(SignoffDecision::Approved),
            "deferred" | "defer" | "later" => Some(SignoffDecision::Deferred),
            "rejected" | "reject" | "no" => Some(SignoffDecision::Rejected),
            "a" if short => Some(SignoffDecision::Approved),
            "d" if short => Some(SignoffDecision::Deferred),
            "r" if short => Some(SignoffDecision::Rejected),
            _ => None,
        };
        if decision.is_none() && said.is_some() {
            decision = said;
            continue;
        }
        if by.is_some() {
            reason.push(word);
            continue;
        }
        let after_by = lower == "by" && at < words.len();
        let named = if after_by {
            at += 1;
            Some(&words[at - 1..])
        } else if word.len() > 1 && word.starts_with('@') {
            Some(&words[at - 1..])
        } else {
            None
        };
        if let Some(named) = named {
            let mut named = named.to_vec();
            named[0] = named[0].trim_start_matches('@');
            let (used, typed, id) = name_at(&named, people);
            if !typed.is_empty() {
                at += used - 1;
                by = Some((typed, id));
                continue;
            }
        } else if let Some(id) = people.find(word.trim_end_matches([',', '.', ';', ':'])) {
            // A name without @ before the reason starts: `Ola approved`.
            if reason.is_empty() {
                by = Some((word.to_owned(), Some(id)));
                continue;
            }
        }
        reason.push(word);
    }
    Some(SignoffLine {
        decision: decision?,
        by,
        reason: reason.join(" "),
    })
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
            People::of(&plan()),
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
        assert_eq!(People::of(&plan).find("OLA"), Some("ola".to_owned()));
        assert_eq!(People::of(&plan).find("Priya"), Some("priya".to_owned()));
        let q = quick_capture("Book the room @bob", People::of(&plan), today());
        assert_eq!(
            q.owner,
            Some(("bob".to_owned(), None)),
            "an unknown name is kept, unmatched"
        );
    }

    #[test]
    fn internal_marker_and_bad_due_are_reported() {
        let q = quick_capture(
            "Vendor may fold #internal due:someday",
            People::of(&plan()),
            today(),
        );
        assert!(q.internal);
        assert_eq!(q.bad_due.as_deref(), Some("someday"));
        assert_eq!(q.text, "Vendor may fold");
    }

    #[test]
    fn sign_off_lines() {
        let plan = plan();
        let people = People::of(&plan);
        let read = |line| {
            signoff_line(line, people).map(|s| (s.decision, s.by.and_then(|b| b.1), s.reason))
        };
        assert_eq!(
            read("approved @ola"),
            Some((SignoffDecision::Approved, Some("ola".into()), String::new()))
        );
        assert_eq!(
            read("deferred by Marcus"),
            Some((
                SignoffDecision::Deferred,
                Some("marcus".into()),
                String::new()
            ))
        );
        assert_eq!(read("@ola"), None, "a decision is required");
        assert_eq!(
            read("deferred @Ola Nordmann until she has read the escalation path"),
            Some((
                SignoffDecision::Deferred,
                Some("ola".into()),
                "until she has read the escalation path".into()
            )),
            "a full name, and the reason kept"
        );
        assert_eq!(
            read("d @marcus: not approved until a review, no sooner"),
            Some((
                SignoffDecision::Deferred,
                Some("marcus".into()),
                "not approved until a review, no sooner".into()
            )),
            "decision words in the reason do not change the decision"
        );
    }

    #[test]
    fn verdicts_are_chosen_never_cycled() {
        assert_eq!(Verdict::chosen("1"), Some(Verdict::Agreed));
        assert_eq!(Verdict::chosen("2"), Some(Verdict::AgreedWithChanges));
        assert_eq!(Verdict::chosen("3"), Some(Verdict::NotAgreed));
        assert_eq!(Verdict::chosen("Not"), Some(Verdict::NotAgreed));
        assert_eq!(Verdict::chosen("4"), None);
        assert_eq!(Verdict::chosen(""), None);
    }

    #[test]
    fn full_names_and_guests_are_one_person() {
        let plan = plan();
        let guests = ["Zoë Krüger".to_owned()];
        let people = People {
            plan: &plan,
            guests: &guests,
        };
        let q = quick_capture("Call back @Zoë Krüger due:fri", people, today());
        assert_eq!(q.text, "Call back");
        assert_eq!(
            q.owner,
            Some(("Zoë Krüger".to_owned(), Some("Zoë Krüger".to_owned())))
        );
        let q = quick_capture("Send it @zoë, today", people, today());
        assert_eq!(q.owner.and_then(|o| o.1).as_deref(), Some("Zoë Krüger"));
        assert_eq!(q.text, "Send it today");
        let q = quick_capture("Review @Priya Raman first", people, today());
        assert_eq!(
            (q.text.as_str(), q.owner.and_then(|o| o.1).as_deref()),
            ("Review first", Some("priya"))
        );
    }

    #[test]
    fn a_slip_of_the_keys_offers_the_nearest_person() {
        let plan = plan();
        let people = People::of(&plan);
        assert_eq!(people.nearest("Pryia").as_deref(), Some("Priya Raman"));
        assert_eq!(people.nearest("marcu").as_deref(), Some("Marcus Bell"));
        assert_eq!(people.nearest("bob"), None, "nobody near: no guess");
        assert_eq!(
            people.nearest("pri").as_deref(),
            Some("Priya Raman"),
            "the start of a name"
        );
    }

    #[test]
    fn a_unit_after_any_character_is_no_date() {
        for bad in ["+3é", "+1日", "+3w🎉", "+🎉", "+", "日"] {
            assert_eq!(due_date(bad, today()), None, "{bad}");
        }
    }
}
