//! Bringing a meeting back from disk: its record, then the journal written
//! after it. What comes from disk is untrusted: numbers out of any range a
//! meeting can reach (a section index of 2^64−1, an item id of 2^63) are
//! clamped or the line refused here, so nothing later overflows or indexes
//! out of range.

use jiff::Timestamp;

use super::format::{Record, restore};
use super::journal::Entry;
use crate::meeting::update::{Change, replay};
use crate::meeting::{Clock, Meeting, Origin};
use crate::plan::model::{AgendaName, Plan};

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
