//! The meeting as it runs: the plan, the agenda, where we are in it, how
//! long each section has taken, and what is on screen. Changed only by
//! `update`; drawn by the screens.

pub mod action;
pub mod capture;
pub mod capture_words;
pub mod carried;
pub mod change;
pub mod clock;
pub mod draft;
pub mod ids;
pub mod latest;
pub mod next;
pub mod section_rows;
pub mod shared;
pub mod typed;
pub mod update;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::agenda::{Section, sections};
use crate::plan::derive::{Derived, derive};
use crate::plan::model::{AgendaName, Plan};

pub use capture::{Capture, Captured};
pub use carried::CarriedOver;
pub use clock::Clock;
pub use draft::{Draft, DraftKind, DraftState};
pub use shared::Shared;
pub use update::{Action, Effect, update};

/// Something that waits for the same key again before it happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// An action or decision held back while listening.
    HeldBack(Action),
    /// The item with this id, to be deleted on a second `x`.
    Delete(String),
    /// "Show internal items on this screen? y/N": only `y` leaves presenting.
    LeavePresenting,
    /// "Leave now? …": only `y` (or Ctrl-C again) leaves an unfinished meeting.
    Leave,
}

/// How this meeting is recorded, for the record's header.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub plan_path: String,
    pub plan_sha256: String,
    pub rehearsal: bool,
}

/// A window drawn over the section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "overlay", rename_all = "snake_case")]
pub enum Overlay {
    None,
    Help,
    /// The agenda, to jump to a section; `selected` is the highlighted row.
    Agenda {
        selected: usize,
    },
    /// A rehearsal's pacing report, its last screen: `q` again ends it.
    Pacing,
}

#[derive(Debug, Clone)]
pub struct Meeting {
    /// The whole plan, internal items included.
    pub plan: Plan,
    pub derived: Derived,
    /// The plan without `visible = false` items, for the shared screen.
    pub public_plan: Plan,
    pub public_derived: Derived,
    pub agenda: AgendaName,
    pub sections: Vec<Section>,
    pub current: usize,
    /// Which question of `listen` is on screen, or which row elsewhere.
    pub selected: usize,
    /// Presenting: private notes and internal items are not drawn at all;
    /// the screen draws `Shared::presenting`, never the meeting itself.
    pub presenting: bool,
    pub overlay: Overlay,
    pub clock: Clock,
    /// Everything captured, oldest first.
    pub captures: Vec<Captured>,
    /// The id numbers taken per kind, by the plan, earlier meetings and this one.
    pub ids: ids::Ids,
    /// The number of the last journal entry made.
    pub seq: u64,
    pub draft: Option<Draft>,
    /// Fields left with Esc before they were sent, to carry on with later.
    pub unsent: Vec<DraftState>,
    pub pending: Option<Pending>,
    /// A one-line message for the PM, cleared by the next key.
    pub notice: Option<String>,
    /// The notice came from a private field and may quote it, so a shared
    /// screen does not show its words.
    pub notice_private: bool,
    /// Shown until saving works again.
    pub banner: Option<String>,
    /// The highlighted item in the capture pane.
    pub capture_cursor: usize,
    /// How many rows the section's panels are scrolled down, where they
    /// have more than fits.
    pub scroll: usize,
    pub ended: Option<Timestamp>,
    /// The next meeting, as agreed at the end of this one.
    pub next_meeting: Option<next::NextMeeting>,
    pub origin: Origin,
    /// When a resumed meeting first started.
    pub first_started: Option<Timestamp>,
    /// Actions still open from earlier meetings, for the follow-ups section.
    pub earlier: Vec<capture::Earlier>,
    /// The follow-ups of earlier meetings, in the order they were said, so
    /// a customer task shows the latest word on it.
    pub earlier_followups: Vec<Captured>,
    /// Risks and issues raised in earlier meetings, not yet in the plan.
    pub raised_earlier: Vec<capture::Raised>,
    /// Mean customer confidence (1–5) of earlier meetings, oldest first.
    pub pulse_trend: Vec<f64>,
    /// The earlier meetings are still being read (after the first frame):
    /// the screens say so rather than show nothing carried over.
    pub reading_earlier: bool,
    /// A resumed meeting shown from its record's header and sections while
    /// what it captured is still read: the pane says so.
    pub bringing_back: bool,
    /// Minutes were written with `m`: they are written again when the
    /// meeting ends, so they do not stop at the review screen.
    pub minutes_written: bool,
    /// How many `follow` screens show the customer-safe view right now.
    pub followers: usize,
    /// `b`: the `follow` screens show the plan's title alone.
    pub projector_blank: bool,
    /// A rehearsal's pushback cards, to deal from (none in a live meeting).
    pub deck: Option<crate::rehearsal::deck::Deck>,
    /// The pushback card on the table, answered or not yet.
    pub dealt: Option<crate::rehearsal::Dealt>,
    /// The cards dealt, answered and marked, oldest first.
    pub cards: Vec<crate::rehearsal::CardResult>,
}

impl Meeting {
    pub fn new(plan: Plan, agenda: AgendaName, clock: Clock, presenting: bool) -> Self {
        let sections = sections(&plan, agenda);
        Meeting::with_sections(plan, agenda, sections, clock, presenting)
    }

    /// A meeting over explicit sections (tests and previews use this).
    pub fn with_sections(
        plan: Plan,
        agenda: AgendaName,
        sections: Vec<Section>,
        mut clock: Clock,
        presenting: bool,
    ) -> Self {
        clock.start(sections.len());
        let public_plan = public_only(&plan);
        Meeting {
            derived: derive(&plan),
            public_derived: derive(&public_plan),
            public_plan,
            ids: ids::Ids::of_plan(&plan),
            plan,
            agenda,
            sections,
            current: 0,
            selected: 0,
            presenting,
            overlay: Overlay::None,
            clock,
            captures: Vec::new(),
            seq: 0,
            draft: None,
            unsent: Vec::new(),
            pending: None,
            notice: None,
            notice_private: false,
            banner: None,
            capture_cursor: 0,
            scroll: 0,
            ended: None,
            next_meeting: None,
            origin: Origin::default(),
            first_started: None,
            earlier: Vec::new(),
            earlier_followups: Vec::new(),
            raised_earlier: Vec::new(),
            pulse_trend: Vec::new(),
            reading_earlier: false,
            bringing_back: false,
            minutes_written: false,
            followers: 0,
            projector_blank: false,
            deck: None,
            dealt: None,
            cards: Vec::new(),
        }
    }

    pub fn section(&self) -> &Section {
        &self.sections[self.current]
    }

    /// The items the capture pane lists here: this section's, or every
    /// item on the review screen; nothing private while presenting.
    pub fn pane_items(&self) -> Vec<&Captured> {
        pane_of(
            &self.captures,
            self.section().kind,
            self.current,
            self.presenting,
        )
    }

    /// The newest capture `pick` accepts, picked apart: the latest buy-in
    /// of a proposal, the latest pulse of a person.
    pub fn latest<T>(&self, pick: impl Fn(&Capture) -> Option<T>) -> Option<T> {
        self.captures.iter().rev().find_map(|c| pick(&c.what))
    }

    /// The item highlighted in the capture pane.
    pub fn selected_capture(&self) -> Option<&Captured> {
        let items = self.pane_items();
        items
            .get(self.capture_cursor.min(items.len().saturating_sub(1)))
            .copied()
    }

    /// Keep the time the meeting first started, for its record, while the
    /// clock counts on from the time already spent.
    pub fn started_at(&mut self, started: Timestamp) {
        self.first_started = Some(started);
    }

    /// Minutes the whole agenda plans for.
    pub fn planned_minutes(&self) -> u32 {
        self.sections.iter().map(|s| s.minutes).sum()
    }
}

/// The items a capture pane lists in section `current`: its own, or every
/// item on the review screen; with `public_only`, nothing private.
pub fn pane_of(
    captures: &[Captured],
    kind: crate::agenda::SectionKind,
    current: usize,
    public_only: bool,
) -> Vec<&Captured> {
    let everything = kind == crate::agenda::SectionKind::Review;
    captures
        .iter()
        .filter(|c| everything || c.section == current)
        .filter(|c| !public_only || c.what.is_public())
        .filter(|c| !matches!(c.what, Capture::Attendance { .. }))
        .collect()
}

/// The plan with every internal (`visible = false`) item removed, so that
/// nothing internal can reach a shared screen, not even through a colour.
pub fn public_only(plan: &Plan) -> Plan {
    let mut public = plan.clone();
    public.issues.retain(|i| i.visible);
    public.risks.retain(|r| r.visible);
    public.milestones.retain(|m| m.visible);
    if public.financials.as_ref().is_some_and(|f| !f.visible) {
        public.financials = None;
    }
    // What the PM means to say is theirs alone.
    public.speaker_notes.clear();
    for item in &mut public.agenda {
        item.notes = None;
    }
    public
}
