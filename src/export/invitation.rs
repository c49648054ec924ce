//! The next meeting as an iCalendar invitation (RFC 5545), written beside
//! the record when a meeting ends with the next one agreed: one VEVENT at
//! the agreed day and time, as long as the agenda's timeboxes, with the
//! people who were there (or were expected) as attendees, by their email
//! where the plan has one.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::ical;
use crate::meeting::next::NextMeeting;
use crate::plan::model::{Person, Plan};
use crate::record::format::Record;

/// The file name beside the record: `STEM-next-meeting.ics`.
pub fn file_name(stem: &str) -> String {
    format!("{stem}-next-meeting.ics")
}

/// What the invitation calls a meeting of this agenda.
pub fn agenda_words(agenda: &str) -> &'static str {
    match agenda {
        "kickoff" => "Kickoff meeting",
        "reset-point" => "Reset-point meeting",
        "status" => "Status meeting",
        "notes" => "Next conversation",
        _ => "Meeting",
    }
}

/// The invitation to `next`, agreed at the end of the meeting in `record`
/// (`stem` its file name), in the meeting's time zone.
pub fn invitation(
    plan: &Plan,
    record: &Record,
    stem: &str,
    next: NextMeeting,
    zone: &TimeZone,
) -> String {
    let agreed = record
        .meeting
        .started
        .to_zoned(zone.clone())
        .strftime("%-d %b %Y");
    event(
        &Event {
            uid: format!(
                "{}-{}-next@resetpoint",
                ical::text(&plan.project.slug()),
                ical::text(stem)
            ),
            stamp: record.meeting.ended.unwrap_or(record.meeting.started),
            next,
            minutes: record.sections.iter().map(|s| s.planned_minutes).sum(),
            title: format!(
                "{} — {}",
                agenda_words(&record.meeting.agenda),
                record.meeting.project
            ),
            description: format!(
                "Agreed at the end of our meeting of {agreed}. First: what is still open from it."
            ),
            invited: invited(plan, record),
        },
        zone,
    )
}

/// One meeting as a calendar event: the invitation written at the end of a
/// meeting, and the agenda sent ahead of one.
pub struct Event<'p> {
    pub uid: String,
    /// When the event was written.
    pub stamp: Timestamp,
    pub next: NextMeeting,
    /// How long it runs: its agenda's timeboxes.
    pub minutes: u32,
    pub title: String,
    pub description: String,
    /// Those with an email are its attendees.
    pub invited: Vec<&'p Person>,
}

/// `event` as an iCalendar (RFC 5545) file of one VEVENT, its day and time
/// in `zone`.
pub fn event(event: &Event, zone: &TimeZone) -> String {
    let mut out = String::new();
    let line = |out: &mut String, text: &str| ical::line(out, text);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//resetpoint//next meeting//EN");
    line(&mut out, "BEGIN:VEVENT");
    line(&mut out, &format!("UID:{}", event.uid));
    line(
        &mut out,
        &format!("DTSTAMP:{}", event.stamp.strftime("%Y%m%dT%H%M%SZ")),
    );
    let next = event.next;
    match next.time {
        Some(time) => {
            // The day and time the customer agreed, where they agreed it.
            let start = next
                .date
                .to_datetime(time)
                .to_zoned(zone.clone())
                .map(|z| z.timestamp())
                .unwrap_or(event.stamp);
            line(
                &mut out,
                &format!("DTSTART:{}", start.strftime("%Y%m%dT%H%M%SZ")),
            );
            line(&mut out, &format!("DURATION:PT{}M", event.minutes.max(1)));
        }
        None => line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", next.date.strftime("%Y%m%d")),
        ),
    }
    line(&mut out, &format!("SUMMARY:{}", ical::text(&event.title)));
    line(
        &mut out,
        &format!("DESCRIPTION:{}", ical::text(&event.description)),
    );
    for person in &event.invited {
        let Some(email) = person
            .email
            .as_ref()
            .map(|e| e.get_ref().trim())
            .filter(|e| !e.is_empty())
        else {
            continue;
        };
        line(
            &mut out,
            &format!(
                "ATTENDEE;CN=\"{}\";ROLE=REQ-PARTICIPANT:{}",
                ical::param(&person.name),
                ical::mailto(email)
            ),
        );
    }
    line(&mut out, "END:VEVENT");
    line(&mut out, "END:VCALENDAR");
    out
}

/// Who is invited: who was there, else who was expected, else everyone in
/// the plan.
fn invited<'p>(plan: &'p Plan, record: &Record) -> Vec<&'p Person> {
    let there: Vec<&Person> = record
        .meeting
        .attendees
        .iter()
        .filter_map(|id| plan.person(id))
        .collect();
    if !there.is_empty() {
        return there;
    }
    expected(plan)
}

/// Who a meeting of the plan expects: its `[meeting]` attendees, else
/// everyone in the plan.
pub fn expected(plan: &Plan) -> Vec<&Person> {
    let expected: Vec<&Person> = plan
        .meeting
        .attendees
        .iter()
        .filter_map(|a| plan.person(a.get_ref()))
        .collect();
    if !expected.is_empty() {
        return expected;
    }
    plan.people.iter().collect()
}
