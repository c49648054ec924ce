//! The meeting record: one TOML file per meeting, named
//! `YYYY-MM-DD-HHMM-AGENDA.toml`, holding everything captured, grouped by kind.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::meeting::{Capture, Captured, DraftState, Meeting};
use crate::rehearsal::{CardResult, Dealt};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Live,
    Rehearsal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub project: String,
    pub project_id: String,
    pub customer: String,
    pub plan: String,
    pub plan_sha256: String,
    /// The plan's SHA-256 when the meeting started, kept when the meeting
    /// was resumed with a changed plan (`plan_sha256` is the plan now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_sha256_at_start: Option<String>,
    pub agenda: String,
    pub mode: Mode,
    pub started: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Timestamp>,
    /// Who was confirmed present.
    pub attendees: Vec<String>,
    /// The section on screen when this was written (0-based).
    pub current_section: usize,
    /// The id numbers taken per kind (a deleted item's too).
    #[serde(default)]
    pub ids: crate::meeting::ids::Ids,
    /// The last journal entry this record includes.
    pub last_seq: u64,
    /// Whether the screen was presenting, so a resume comes back the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenting: Option<bool>,
    /// The next meeting, as agreed at the end of this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<crate::meeting::next::NextMeeting>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionRecord {
    pub kind: String,
    pub title: String,
    pub planned_minutes: u32,
    pub seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub meeting: Header,
    #[serde(default)]
    pub sections: Vec<SectionRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signoffs: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buy_in: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub playback: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pulse: Vec<Captured>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followups: Vec<Captured>,
    /// Points parked for later.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parked: Vec<Captured>,
    /// Sections skipped on purpose, each captured in the section it skips.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Captured>,
    /// A text field that was open, with what had been typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<DraftState>,
    /// Fields left unsent with Esc, restored on resume.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsent: Vec<DraftState>,
    /// A rehearsal's pushback cards, answered and marked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<CardResult>,
    /// The card on the table when this was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dealt: Option<Dealt>,
}

/// The agenda of a record that is no meeting: what `resetpoint update`
/// wrote between meetings (follow-ups only). Read like a meeting for what
/// became of actions and tasks; never counted as a meeting held.
pub const UPDATE: &str = "update";

impl Header {
    /// Whether this is an update between meetings, not a meeting.
    pub fn is_update(&self) -> bool {
        self.agenda == UPDATE
    }
}

impl Record {
    /// Whether this is an update between meetings, not a meeting.
    pub fn is_update(&self) -> bool {
        self.meeting.is_update()
    }

    /// The next meeting as the latest meeting held and ended agreed it;
    /// none when it agreed none.
    pub fn next_agreed<S>(meetings: &[(S, Record)]) -> Option<crate::meeting::next::NextMeeting> {
        Record::held(meetings)
            .rev()
            .find(|(_, r)| r.meeting.ended.is_some())
            .and_then(|(_, r)| r.meeting.next)
    }

    /// The meetings held, updates between them left out.
    pub fn held<S>(meetings: &[(S, Record)]) -> impl DoubleEndedIterator<Item = &(S, Record)> {
        meetings.iter().filter(|(_, r)| !r.is_update())
    }

    /// The record of a meeting as it stands.
    pub fn of(meeting: &Meeting) -> Record {
        let mut record = Record::frame_of(meeting);
        for item in &meeting.captures {
            record.hold(item.clone());
        }
        record
    }

    /// The record of a meeting without its captured items: the header,
    /// the sections' times and the open fields, which cost the same
    /// however much the meeting holds. The store fills in the items from
    /// the journal entries it was given.
    pub fn frame_of(meeting: &Meeting) -> Record {
        let origin = &meeting.origin;
        let header = Header {
            project: meeting.plan.project.name.clone(),
            project_id: meeting.plan.project.slug(),
            customer: meeting.plan.project.customer.clone(),
            plan: origin.plan_path.clone(),
            plan_sha256: origin.plan_sha256.clone(),
            plan_sha256_at_start: None,
            agenda: meeting.agenda.as_str().to_owned(),
            mode: if origin.rehearsal {
                Mode::Rehearsal
            } else {
                Mode::Live
            },
            started: meeting.first_started.unwrap_or(meeting.clock.started),
            ended: meeting.ended,
            attendees: meeting
                .attendees()
                .into_iter()
                .filter(|a| a.present == Some(true))
                .map(|a| a.person)
                .collect(),
            current_section: meeting.current,
            ids: meeting.ids.clone(),
            last_seq: meeting.seq,
            presenting: Some(meeting.presenting),
            next: meeting.next_meeting,
        };
        let sections = meeting
            .sections
            .iter()
            .enumerate()
            .map(|(n, s)| SectionRecord {
                kind: s.kind.key().to_owned(),
                title: s.title.clone(),
                planned_minutes: s.minutes,
                seconds: meeting.clock.section_seconds(n, meeting.current),
            })
            .collect();
        Record {
            sections,
            draft: meeting.draft.as_ref().map(|d| d.state()),
            unsent: meeting.unsent.clone(),
            cards: meeting.cards.clone(),
            dealt: meeting.dealt.clone(),
            ..Record::empty(header)
        }
    }

    /// Add a captured item to the list of its kind.
    pub fn hold(&mut self, item: Captured) {
        self.list_for(&item.what).push(item);
    }

    /// A record with this header and nothing captured yet.
    pub fn empty(meeting: Header) -> Record {
        Record {
            meeting,
            sections: Vec::new(),
            attendance: Vec::new(),
            answers: Vec::new(),
            notes: Vec::new(),
            actions: Vec::new(),
            decisions: Vec::new(),
            risks: Vec::new(),
            issues: Vec::new(),
            signoffs: Vec::new(),
            buy_in: Vec::new(),
            playback: Vec::new(),
            pulse: Vec::new(),
            followups: Vec::new(),
            parked: Vec::new(),
            skipped: Vec::new(),
            draft: None,
            unsent: Vec::new(),
            cards: Vec::new(),
            dealt: None,
        }
    }

    /// The plan the meeting started with.
    pub fn plan_at_start(&self) -> &str {
        self.meeting
            .plan_sha256_at_start
            .as_deref()
            .unwrap_or(&self.meeting.plan_sha256)
    }

    fn list_for(&mut self, capture: &Capture) -> &mut Vec<Captured> {
        match capture {
            Capture::Attendance { .. } => &mut self.attendance,
            Capture::Answer { .. } => &mut self.answers,
            Capture::Note { .. } => &mut self.notes,
            Capture::Action { .. } => &mut self.actions,
            Capture::Decision { .. } => &mut self.decisions,
            Capture::Risk { .. } => &mut self.risks,
            Capture::Issue { .. } => &mut self.issues,
            Capture::Signoff { .. } => &mut self.signoffs,
            Capture::BuyIn { .. } => &mut self.buy_in,
            Capture::Playback { .. } => &mut self.playback,
            Capture::Pulse { .. } | Capture::Recommend { .. } => &mut self.pulse,
            Capture::Followup { .. } => &mut self.followups,
            Capture::Parked { .. } => &mut self.parked,
            Capture::Skipped { .. } => &mut self.skipped,
        }
    }

    /// Every captured item, kind by kind, without copying any.
    pub fn captured(&self) -> impl Iterator<Item = &Captured> {
        [
            &self.attendance,
            &self.answers,
            &self.notes,
            &self.actions,
            &self.decisions,
            &self.risks,
            &self.issues,
            &self.signoffs,
            &self.buy_in,
            &self.playback,
            &self.pulse,
            &self.followups,
            &self.parked,
            &self.skipped,
        ]
        .into_iter()
        .flatten()
    }

    /// Every captured item taken out, kind by kind, leaving the lists empty.
    pub fn take_captured(&mut self) -> Vec<Captured> {
        [
            &mut self.attendance,
            &mut self.answers,
            &mut self.notes,
            &mut self.actions,
            &mut self.decisions,
            &mut self.risks,
            &mut self.issues,
            &mut self.signoffs,
            &mut self.buy_in,
            &mut self.playback,
            &mut self.pulse,
            &mut self.followups,
            &mut self.parked,
            &mut self.skipped,
        ]
        .into_iter()
        .flat_map(std::mem::take)
        .collect()
    }

    /// Every captured item, in the order it was captured.
    pub fn items(&self) -> Vec<Captured> {
        Record::in_capture_order(self.captured().cloned().collect())
    }

    /// These items in the order they were captured.
    pub fn in_capture_order(mut all: Vec<Captured>) -> Vec<Captured> {
        // Older records have no order and one counter for every kind.
        all.sort_by_key(|c| {
            let number =
                c.id.rsplit_once('-')
                    .and_then(|(_, n)| n.parse::<u64>().ok());
            (c.order, number, c.at)
        });
        all
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a record always serializes")
    }

    /// The file name of a meeting started at `started` (local time).
    pub fn file_stem(started: &jiff::Zoned, agenda: &str) -> String {
        format!("{}-{agenda}", started.strftime("%Y-%m-%d-%H%M"))
    }

    /// The day a meeting was held, read back from its file stem
    /// (`2026-11-24-1400-status`); none for a name not made that way.
    pub fn day_of_stem(stem: &str) -> Option<jiff::civil::Date> {
        stem.get(..10)?.parse().ok()
    }
}

/// The lines inside the `[meeting]` table, as a table of their own; none
/// when the text does not show where the table ends (the next table, or
/// the end of a text that is the `whole` file).
pub(crate) fn meeting_table(text: &str, whole: bool) -> Option<String> {
    let mut lines = text.lines().skip_while(|line| line.trim() != "[meeting]");
    lines.next()?;
    let mut table = Vec::new();
    for line in lines {
        if line.trim_start().starts_with('[') {
            return Some(table.join("\n"));
        }
        table.push(line);
    }
    whole.then(|| table.join("\n"))
}

/// The `[meeting]` header of the start of a record's text (the `whole`
/// text or not), from that table's lines alone; none when they do not
/// tell it.
pub fn header_at_start(start: &str, whole: bool) -> Option<Header> {
    toml::from_str(&meeting_table(start, whole)?).ok()
}

/// The `[meeting]` header of a record's text, without building the rest:
/// what the store needs to carry on from a record it did not write.
pub fn header_of(text: &str) -> Option<Header> {
    #[derive(Deserialize)]
    struct HeaderOnly {
        meeting: Header,
    }
    match Record::frame_from_text(text) {
        Some(frame) => Some(frame.meeting),
        None => toml::from_str::<HeaderOnly>(text).ok().map(|r| r.meeting),
    }
}

impl Record {
    /// The record's header and sections, parsed from the text before its
    /// first captured item: all a meeting's first screen needs, at a cost
    /// that does not grow with what the meeting holds. None when that part
    /// has no sections or does not parse: read it whole then. (A record
    /// laid out by hand with sections among its items gives a frame with
    /// fewer; the whole record, read next, is what the meeting becomes.)
    pub fn frame_from_text(text: &str) -> Option<Record> {
        Record::frame_from_start(text, true)
    }

    /// [`Record::frame_from_text`] of the start of a record's file, which
    /// is the `whole` file or not: a frame that runs to the end of a start
    /// may be cut short, and is not taken.
    pub fn frame_from_start(start: &str, whole: bool) -> Option<Record> {
        let cut = frame_length(start);
        if cut == start.len() && !whole {
            return None;
        }
        let frame: Record = toml::from_str(&start[..cut]).ok()?;
        (!frame.sections.is_empty()).then_some(frame)
    }
}

/// Where the record's first table other than `[meeting]`, `[meeting.ids]`
/// and `[[sections]]` begins. A line inside a multi-line string that looks
/// like a table cuts the text inside that string, and the frame then does
/// not parse: it can never parse as something else.
fn frame_length(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let table = line.trim();
        if table.starts_with('[')
            && !matches!(table, "[meeting]" | "[meeting.ids]" | "[[sections]]")
        {
            return at;
        }
        at += line.len();
    }
    at
}

/// Put a record's captures, draft, position and times back into a meeting.
pub fn restore(meeting: &mut Meeting, record: &Record) {
    meeting.captures = record.items();
    meeting.ids.merge(&record.meeting.ids);
    for item in &meeting.captures {
        meeting.ids.saw(&item.id);
    }
    meeting.seq = record.meeting.last_seq;
    meeting.ended = record.meeting.ended;
    meeting.next_meeting = record.meeting.next;
    meeting.current = record
        .meeting
        .current_section
        .min(meeting.sections.len().saturating_sub(1));
    for (slot, section) in meeting.clock.spent.iter_mut().zip(&record.sections) {
        *slot = section.seconds;
    }
    meeting.draft = record.draft.as_ref().map(crate::meeting::Draft::from_state);
    if let Some(presenting) = record.meeting.presenting {
        meeting.presenting = presenting;
    }
    meeting.unsent = record.unsent.clone();
    meeting.cards = record.cards.clone();
    meeting.dealt = record.dealt.clone();
}
