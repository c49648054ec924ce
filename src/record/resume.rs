//! Bringing a meeting back from disk: its record, then the journal written
//! after it. What comes from disk is untrusted: numbers out of any range a
//! meeting can reach (a section index of 2^64−1, an item id of 2^63) are
//! clamped or the line refused here, so nothing later overflows or indexes
//! out of range.

use std::sync::Arc;

use jiff::Timestamp;

use super::format::{Record, restore};
use super::journal::Entry;
use super::open::{OpenError, Rest};
use super::store::Paths;
use crate::meeting::update::{Change, replay};
use crate::meeting::{Clock, Meeting, Origin};
use crate::plan::model::{AgendaName, Plan};
use crate::text::visible;

use crate::meeting::ids::MOST_ITEMS;
/// No meeting journals anywhere near this many changes.
const MOST_CHANGES: u64 = 1 << 48;
/// A week, more than any section of any meeting lasts.
const MOST_SECONDS: i64 = 7 * 24 * 3600;

/// The meeting a record and its later journal entries describe, in the mode
/// it was left in (`presenting` when the record does not say), with how
/// many entries were refused as out of bounds.
pub fn resumed(
    plan: Plan,
    record: &Record,
    origin: Origin,
    entries: &[Entry],
    presenting: bool,
) -> (Meeting, usize) {
    let agenda = match record.meeting.agenda.as_str() {
        "kickoff" => AgendaName::Kickoff,
        "reset-point" => AgendaName::ResetPoint,
        "plan" => AgendaName::Plan,
        "notes" => AgendaName::Notes,
        _ => AgendaName::Status,
    };
    let mut clock = Clock::system();
    // The sections it was started with: a follow-ups section carried into it then stays.
    let carried = record.sections.iter().any(|s| s.kind == "followups");
    let sections = crate::agenda::sections_carrying_over(&plan, agenda, carried);
    let mut meeting = Meeting::with_sections(plan, agenda, sections, clock.clone(), presenting);
    if agenda == AgendaName::Notes {
        // Notes are titled when they start ("Call with Søren"), not by a plan.
        for (section, was) in meeting.sections.iter_mut().zip(&record.sections) {
            section.title.clone_from(&was.title);
        }
    }
    meeting.origin = origin;
    let mut record = bounded_record(record, meeting.sections.len());
    // The items are moved out of the bounded copy, not copied once more.
    let items = Record::in_capture_order(record.take_captured());
    restore(&mut meeting, &record);
    for item in &items {
        meeting.ids.saw(&item.id);
    }
    meeting.captures = items;
    let mut refused = 0;
    for entry in entries {
        match bounded(entry, meeting.sections.len()) {
            Some(entry) => {
                meeting.seq = meeting.seq.max(entry.seq);
                replay(&mut meeting, entry.change);
            }
            None => refused += 1,
        }
    }
    // The pane shows the newest item, as it does on entering a section.
    meeting.capture_cursor = meeting.pane_items().len().saturating_sub(1);
    // The meeting clock carries on from the time already spent.
    let spent: i64 = meeting.clock.spent.iter().sum();
    clock.spent = meeting.clock.spent.clone();
    clock.started = Timestamp::from_second(clock.now.as_second() - spent).unwrap_or(clock.now);
    meeting.clock = clock;
    meeting.started_at(record.meeting.started);
    (meeting, refused)
}

fn last_section(sections: usize) -> usize {
    sections.saturating_sub(1)
}

fn item_number_fits(id: &str) -> bool {
    match id.split_once('-') {
        Some((_, number)) => number.parse::<u64>().is_ok_and(|n| n < MOST_ITEMS),
        // Ids without a number never move the next id.
        None => true,
    }
}

fn seconds(s: i64) -> i64 {
    s.clamp(0, MOST_SECONDS)
}

/// The record with every number brought within what a meeting can hold;
/// items with an impossible id are left out.
pub fn bounded_record(record: &Record, sections: usize) -> Record {
    let mut record = record.clone();
    let header = &mut record.meeting;
    header.last_seq = header.last_seq.min(MOST_CHANGES);
    header.current_section = header.current_section.min(last_section(sections));
    for section in &mut record.sections {
        section.seconds = seconds(section.seconds);
    }
    for list in [
        &mut record.attendance,
        &mut record.answers,
        &mut record.notes,
        &mut record.actions,
        &mut record.decisions,
        &mut record.risks,
        &mut record.issues,
        &mut record.signoffs,
        &mut record.buy_in,
        &mut record.playback,
        &mut record.pulse,
        &mut record.followups,
    ] {
        list.retain(|item| item_number_fits(&item.id));
        for item in list.iter_mut() {
            item.section = item.section.min(last_section(sections));
        }
    }
    if let Some(draft) = &mut record.draft {
        draft.section = draft.section.min(last_section(sections));
    }
    record
}

/// A journal entry brought within bounds, or none when it cannot be.
pub fn bounded(entry: &Entry, sections: usize) -> Option<Entry> {
    if entry.seq > MOST_CHANGES {
        return None;
    }
    let change = match entry.change.clone() {
        Change::Put { mut item } => {
            if !item_number_fits(&item.id) {
                return None;
            }
            item.section = item.section.min(last_section(sections));
            Change::Put { item }
        }
        Change::Draft { draft: Some(mut d) } => {
            d.section = d.section.min(last_section(sections));
            if d.editing.as_deref().is_some_and(|id| !item_number_fits(id)) {
                return None;
            }
            Change::Draft { draft: Some(d) }
        }
        Change::Position { current, spent } => Change::Position {
            current: current.min(last_section(sections)),
            spent: spent.into_iter().take(sections).map(seconds).collect(),
        },
        other => other,
    };
    Some(Entry {
        seq: entry.seq,
        change,
    })
}

/// A resumed meeting's items, read once its first screen is drawn: the
/// record's text parsed whole and the journal replayed onto it. Until then
/// the meeting on screen is its frame (header, sections, position).
pub struct ComingBack {
    rest: Rest,
    origin: Origin,
    presenting: bool,
}

/// The meeting whole, and what the PM should be told of how it came back.
pub type BroughtBack = Result<(Box<Meeting>, Vec<String>), OpenError>;

impl ComingBack {
    pub fn new(rest: Rest, origin: Origin, presenting: bool) -> ComingBack {
        ComingBack {
            rest,
            origin,
            presenting,
        }
    }

    /// Read the rest now, on this thread. An error when the record cannot
    /// be read after all and no journal stands in for it.
    pub fn bring_back(&self, plan: Plan) -> BroughtBack {
        let contents = self.rest.read()?;
        let (meeting, refused) = resumed(
            plan,
            &contents.record,
            self.origin.clone(),
            &contents.entries,
            self.presenting,
        );
        // Said on the meeting's screen, which may be the projector: no path.
        let told = recovered(
            None,
            contents.rebuilt,
            contents.skipped,
            contents.torn,
            refused,
        );
        Ok((Box::new(meeting), told))
    }

    /// Read the rest on a thread of its own; the answer comes on the
    /// returned channel, which closes without one if the thread could
    /// not start (the caller still has this, to read it itself).
    pub fn bring_back_aside(
        self: Arc<Self>,
        plan: Plan,
    ) -> tokio::sync::oneshot::Receiver<BroughtBack> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let _ = std::thread::Builder::new()
            .name("meeting coming back".into())
            .spawn(move || {
                let _ = tx.send(self.bring_back(plan));
            });
        rx
    }
}

/// What recovery had to do, a line each, for the PM: nothing is dropped
/// without a word. The files are named when `paths` are given.
pub fn recovered(
    paths: Option<&Paths>,
    rebuilt: bool,
    skipped: usize,
    torn: usize,
    refused: usize,
) -> Vec<String> {
    let (record, journal) = match paths {
        Some(paths) => (
            format!(
                "the record {}",
                visible(&paths.record.display().to_string())
            ),
            visible(&paths.journal.display().to_string()),
        ),
        None => ("the record".to_owned(), "the journal".to_owned()),
    };
    let mut lines = Vec::new();
    if rebuilt {
        lines.push(format!(
            "{record} could not be read; the meeting was rebuilt from its journal"
        ));
    }
    if skipped > 0 {
        lines.push(format!(
            "{skipped} damaged line(s) of {journal} were skipped; every other line was kept"
        ));
    }
    if torn > 0 {
        lines.push(format!(
            "{torn} bytes of a torn last line of {journal} were dropped"
        ));
    }
    if refused > 0 {
        lines.push(format!(
            "{refused} line(s) of {journal} held impossible values and were left out"
        ));
    }
    lines
}
