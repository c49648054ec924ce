//! What a screen may draw of the meeting, as plain data: the customer-safe
//! projection (`Shared::presenting`) that the shared screen — and later a
//! `follow` screen on the projector — draws from, or the PM's own private
//! view of the same shape. No UI types, so it can travel over a socket.
//!
//! The rule lives here and only here: presenting, the plan has no internal
//! items, the captures no private ones, and an open private or internal
//! field is its kind and character count, never its text.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::latest::Latest;
use super::section_rows::{Attendee, FollowupRow};
use super::{Capture, Captured, DraftKind, Meeting, Overlay};
use crate::agenda::{Section, SectionKind};
use crate::plan::derive::Derived;
use crate::plan::model::{AgendaName, CustomerTask, Plan};

/// The meeting as one screen draws it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Shared {
    /// True for the customer-safe projection. False only for the PM's
    /// private view, which is never sent anywhere.
    pub presenting: bool,
    #[serde(with = "plan_text")]
    pub plan: Plan,
    pub derived: Derived,
    pub agenda: AgendaName,
    pub sections: Vec<Section>,
    pub current: usize,
    /// The highlighted row of the section (question, person, proposal…).
    pub selected: usize,
    /// How many rows the section's panels are scrolled down.
    pub scroll: usize,
    pub clock: ClockFace,
    /// Everything captured that this screen may show, oldest first.
    pub captures: Vec<Captured>,
    /// The highlighted item in the capture pane.
    pub capture_cursor: usize,
    pub attendees: Vec<Attendee>,
    /// The customer's people in the room, for the pulse.
    pub customer_attendees: Vec<String>,
    /// The follow-ups screen's rows; on the customer tasks screen, the
    /// customer's tasks that earlier meetings added and left open.
    pub followups: Vec<Followup>,
    /// The follow-ups of earlier meetings (never private), for the latest
    /// word on a customer task.
    pub earlier_followups: Vec<Captured>,
    /// How many rows ↑/↓ move through here; 0 means the capture pane.
    pub rows: usize,
    /// Mean customer confidence of earlier meetings, oldest first.
    pub pulse_trend: Vec<f64>,
    /// The earlier meetings are still being read: what they carry over
    /// is not in yet.
    #[serde(default)]
    pub reading_earlier: bool,
    /// What a resumed meeting captured is still being read.
    #[serde(default)]
    pub bringing_back: bool,
    /// Risks and issues raised in earlier meetings, not yet in the plan.
    pub raised_earlier: Vec<RaisedEarlier>,
    pub overlay: Overlay,
    pub field: Option<Field>,
    pub notice: Option<String>,
    pub banner: Option<String>,
    /// A rehearsal, not the live meeting: the header says so.
    #[serde(default)]
    pub rehearsal: bool,
    /// The pushback card on the table in a rehearsal.
    #[serde(default)]
    pub card: Option<CardFace>,
    /// `b`: the projector shows the plan's title alone.
    #[serde(default)]
    pub projector_blank: bool,
}

/// The pushback card on the table, as this view may show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardFace {
    /// What the customer says.
    pub says: String,
    /// Dealt by itself, half the section's time gone.
    pub by_itself: bool,
    /// What the PM answered (empty: said aloud), once they have.
    pub answered: Option<String>,
    /// The prepared answer: only in the PM's private view, and only once
    /// they have answered. Never in the customer-safe projection.
    pub prepared: Option<String>,
}

/// A risk or issue raised in an earlier meeting, with when it was raised
/// already in words ("raised on 23 Nov, not yet in the plan").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RaisedEarlier {
    pub item: Captured,
    pub mark: String,
}

/// The times the header and the agenda show, already worked out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClockFace {
    /// Local time of day, `14:05`.
    pub wall: String,
    pub today: Date,
    /// Seconds spent in each section, the current visit included.
    pub section_seconds: Vec<i64>,
    pub meeting_seconds: i64,
}

/// A follow-up row and what this meeting said of it so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Followup {
    #[serde(flatten)]
    pub row: FollowupRow,
    /// The row after this meeting's word on it, once there is one.
    pub outcome: Option<Latest>,
}

/// The text field that is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub kind: DraftKind,
    /// What the field asks for, as its title says.
    pub title: String,
    pub text: FieldText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "shown", rename_all = "snake_case")]
pub enum FieldText {
    /// What has been typed, line by line.
    Typed { lines: Vec<String> },
    /// A private or internal field on the PM's presenting screen: only
    /// how much, so the PM sees the keys taken. The projector is sent no
    /// field at all ([`Shared::projector`]).
    Masked {
        /// "Private note", "Internal risk", "Internal issue".
        what: String,
        characters: usize,
    },
}

impl Field {
    pub fn masked(&self) -> bool {
        matches!(self.text, FieldText::Masked { .. })
    }
}

/// Said instead of a notice raised by a private field while presenting:
/// the notice may quote what was typed (an unknown `@name`, a date).
pub const PRIVATE_NOTICE: &str = "The private field has a question, hidden while presenting. Enter again accepts what it offers; Esc keeps the text.";

impl Shared {
    /// The customer-safe projection: everything a shared screen draws, and
    /// nothing private.
    pub fn presenting(meeting: &Meeting) -> Shared {
        let mut plan = meeting.public_plan.clone();
        // Rehearsal cards carry prepared answers, never for the customer.
        plan.pushback.clear();
        let captures = meeting
            .captures
            .iter()
            .filter(|c| c.what.is_public())
            .cloned()
            .collect();
        let notice = if meeting.notice_private {
            meeting.notice.as_ref().map(|_| PRIVATE_NOTICE.to_owned())
        } else {
            meeting.notice.clone()
        };
        let mut shared = Shared {
            presenting: true,
            plan,
            derived: meeting.public_derived.clone(),
            captures,
            field: field_of(meeting, true),
            notice,
            ..Shared::common(meeting)
        };
        // A follow screen gets this projection while the PM's own screen
        // is in private view, so it cannot lean on the meeting's mode.
        shared.raised_earlier.retain(|r| r.item.what.is_public());
        // "Not yet in the plan" is the PM's note, not the customer's.
        for raised in &mut shared.raised_earlier {
            raised.mark.clear();
        }
        let internal: std::collections::HashSet<(&str, &str)> = meeting
            .raised_earlier
            .iter()
            .filter(|r| !r.is_public())
            .map(|r| (r.item.id.as_str(), r.meeting.as_str()))
            .collect();
        shared
            .followups
            .retain(|f| !internal.contains(&(f.row.item.as_str(), f.row.meeting.as_str())));
        if shared.section().kind == SectionKind::Followups {
            shared.rows = shared.followups.len();
        }
        shared
    }

    /// What the projector (`follow`) is sent: the customer-safe view with
    /// no sign that anything private is being typed (no masked field, no
    /// notice, no saving banner: those are the PM's).
    pub fn projector(meeting: &Meeting) -> Shared {
        let mut shared = Shared::presenting(meeting);
        if shared.field.as_ref().is_some_and(Field::masked) {
            shared.field = None;
        }
        shared.notice = None;
        shared.banner = None;
        shared
    }

    /// The PM's own screen in private view: everything, internal included.
    pub fn private_view(meeting: &Meeting) -> Shared {
        Shared {
            presenting: false,
            plan: meeting.plan.clone(),
            derived: meeting.derived.clone(),
            captures: meeting.captures.clone(),
            field: field_of(meeting, false),
            notice: meeting.notice.clone(),
            card: card_face(meeting, false),
            ..Shared::common(meeting)
        }
    }

    /// What the screen shows in the mode the meeting is in.
    pub fn of(meeting: &Meeting) -> Shared {
        if meeting.presenting {
            Shared::presenting(meeting)
        } else {
            Shared::private_view(meeting)
        }
    }

    /// The parts that are the same in both views. The plan and captures
    /// here are empty; each view fills in its own.
    fn common(meeting: &Meeting) -> Shared {
        let clock = &meeting.clock;
        // Only the follow-ups screen lists them all, and the tasks screen
        // the customer's tasks earlier meetings added: years of open
        // actions are not copied for every other screen's frame.
        let rows = match meeting.section().kind {
            SectionKind::Followups => meeting.followup_rows(),
            SectionKind::CustomerTasks => meeting.earlier_customer_tasks(),
            _ => Vec::new(),
        };
        let followups = if rows.is_empty() {
            Vec::new()
        } else {
            let said = super::latest::SaidOf::new(&meeting.captures);
            rows.into_iter()
                .map(|row| Followup {
                    outcome: super::section_rows::followup_in(&said, &row),
                    row,
                })
                .collect()
        };
        Shared {
            presenting: meeting.presenting,
            plan: Plan::default(),
            derived: meeting.public_derived.clone(),
            agenda: meeting.agenda,
            sections: meeting.sections.clone(),
            current: meeting.current,
            selected: meeting.selected,
            scroll: meeting.scroll,
            clock: ClockFace {
                wall: clock.wall().strftime("%H:%M").to_string(),
                today: clock.today(),
                section_seconds: (0..meeting.sections.len())
                    .map(|n| clock.section_seconds(n, meeting.current))
                    .collect(),
                meeting_seconds: clock.meeting_seconds(),
            },
            captures: Vec::new(),
            capture_cursor: meeting.capture_cursor,
            // Attendance and the pulse are public; these hold nothing private.
            attendees: meeting.attendees(),
            customer_attendees: meeting.customer_attendees(),
            followups,
            // Only the customer's tasks are shown as follow-ups left them.
            earlier_followups: if meeting.section().kind == SectionKind::CustomerTasks {
                meeting.earlier_followups.clone()
            } else {
                Vec::new()
            },
            rows: meeting.rows_in_section(),
            pulse_trend: meeting.pulse_trend.clone(),
            reading_earlier: meeting.reading_earlier,
            bringing_back: meeting.bringing_back,
            // Only the issues-and-risks screen lists them.
            raised_earlier: if meeting.section().kind == SectionKind::Raid {
                meeting
                    .raised_earlier
                    .iter()
                    .filter(|r| !meeting.presenting || r.is_public())
                    .map(|r| RaisedEarlier {
                        item: r.item.clone(),
                        mark: r.mark(&clock.zone),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            overlay: meeting.overlay,
            field: None,
            notice: None,
            projector_blank: meeting.projector_blank,
            banner: meeting.banner.clone(),
            rehearsal: meeting.origin.rehearsal,
            card: card_face(meeting, true),
        }
    }

    pub fn section(&self) -> &Section {
        &self.sections[self.current.min(self.sections.len().saturating_sub(1))]
    }

    /// Minutes the whole agenda plans for.
    pub fn planned_minutes(&self) -> u32 {
        self.sections.iter().map(|s| s.minutes).sum()
    }

    /// Seconds spent in section `n`.
    pub fn seconds_in(&self, n: usize) -> i64 {
        self.clock.section_seconds.get(n).copied().unwrap_or(0)
    }

    /// A customer task of the plan as it stands now, after every follow-up.
    pub fn task_now(&self, task: &CustomerTask) -> Latest {
        super::latest::task_now(task, &self.earlier_followups, &self.captures)
    }

    /// Whether the customer accepted customer task `id` in this meeting.
    pub fn accepted(&self, id: &str) -> bool {
        super::section_rows::accepted(&self.captures, id)
    }

    /// The customer tasks added in this meeting, oldest first.
    pub fn new_customer_tasks(&self) -> Vec<&Captured> {
        super::section_rows::new_customer_tasks(&self.captures, &self.sections)
    }

    /// The newest capture `pick` accepts, picked apart.
    pub fn latest<T>(&self, pick: impl Fn(&Capture) -> Option<T>) -> Option<T> {
        self.captures.iter().rev().find_map(|c| pick(&c.what))
    }

    /// The items the capture pane lists here, the same list the meeting's
    /// cursor moves through.
    pub fn pane_items(&self) -> Vec<&Captured> {
        super::pane_of(&self.captures, self.section().kind, self.current, false)
    }

    pub fn is_review(&self) -> bool {
        self.section().kind == SectionKind::Review
    }
}

/// The card on the table as this view may show it: its prepared answer
/// only in the private view and only once the PM has answered.
fn card_face(meeting: &Meeting, presenting: bool) -> Option<CardFace> {
    let dealt = meeting.dealt.as_ref()?;
    Some(CardFace {
        says: dealt.card.says.clone(),
        by_itself: dealt.by_itself,
        answered: dealt.answered.clone(),
        prepared: dealt
            .answered
            .as_ref()
            .filter(|_| !presenting)
            .map(|_| dealt.card.answer.clone()),
    })
}

/// The open field as this view may show it.
fn field_of(meeting: &Meeting, presenting: bool) -> Option<Field> {
    let draft = meeting.draft.as_ref()?;
    let text = match draft.private_words() {
        Some(what) if presenting => FieldText::Masked {
            what: what.to_owned(),
            characters: draft.text().chars().filter(|c| *c != '\n').count(),
        },
        _ => FieldText::Typed {
            lines: draft.editor.lines().to_vec(),
        },
    };
    Some(Field {
        kind: draft.kind,
        title: draft.title().to_owned(),
        text,
    })
}

/// The plan travels as the TOML a PM would write, and is read back through
/// the plan's own loader (which keeps the spans its types need).
mod plan_text {
    use serde::{Deserialize, Deserializer, Serializer, de, ser};

    use crate::plan::model::Plan;

    pub fn serialize<S: Serializer>(plan: &Plan, serializer: S) -> Result<S::Ok, S::Error> {
        let text = toml::to_string(plan).map_err(ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Plan, D::Error> {
        let text = String::deserialize(deserializer)?;
        let checked = crate::plan::load_bytes_to_run("shared plan", text.as_bytes());
        match checked.plan {
            Some(plan) => Ok(plan),
            None => Err(de::Error::custom(checked.render())),
        }
    }
}
