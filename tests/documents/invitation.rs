//! The next meeting's invitation: one VEVENT that a real iCalendar parser
//! reads, at the day and time agreed in the meeting's zone, as long as the
//! agenda, with who was there as attendees by their email.

use crate::common;

use icalendar::{Calendar, Component};
use jiff::tz::TimeZone;
use resetpoint::export::invitation::{file_name, invitation};
use resetpoint::meeting::next::NextMeeting;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

fn plan_with_emails() -> resetpoint::plan::model::Plan {
    let text = include_str!("../../assets/demo.toml")
        .replace(
            "name = \"Sam Okafor\"",
            "name = \"Sam Okafor\"\nemail = \"sam@example.com\"",
        )
        .replace(
            "name = \"Ola Nordmann\"",
            "name = \"Ola \\\"the boss\\\" Nordmann\"\nemail = \"ola@nørdmann.example\"",
        );
    let checked = resetpoint::plan::load_bytes("demo.toml", text.as_bytes());
    let report = checked.render();
    checked.plan.unwrap_or_else(|| panic!("{report}"))
}

#[test]
fn the_invitation_reads_in_a_calendar_at_the_agreed_time() {
    let plan = plan_with_emails();
    let oslo = TimeZone::get("Europe/Oslo").unwrap();
    let mut m = Meeting::new(
        plan.clone(),
        AgendaName::Status,
        Clock::at(common::meeting_start(), oslo.clone()),
        false,
    );
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    common::quit(&mut m);
    let record = Record::of(&m);
    let next = NextMeeting::try_from("2026-12-14 10:00".to_owned()).unwrap();
    let text = invitation(&plan, &record, "2026-11-24-1500-status", next, &oslo);
    assert!(
        text.lines().all(|l| l.len() <= 76),
        "folded at 75 octets:\n{text}"
    );
    let (event, addresses) = crate::common::one_event(&text);
    assert_eq!(
        event.get_summary(),
        Some("Status meeting — Shipment Tracking Rebuild")
    );
    // 10:00 in Oslo in December is 09:00 UTC.
    assert!(text.contains("DTSTART:20261214T090000Z"), "{text}");
    let minutes: u32 = record.sections.iter().map(|s| s.planned_minutes).sum();
    assert!(text.contains(&format!("DURATION:PT{minutes}M")), "{text}");
    assert!(
        addresses.iter().any(|a| a == "mailto:sam@example.com"),
        "{addresses:?}"
    );
    assert!(
        addresses
            .iter()
            .any(|a| a == "mailto:ola@n%C3%B8rdmann.example"),
        "{addresses:?}"
    );
    assert_eq!(
        file_name("2026-11-24-1500-status"),
        "2026-11-24-1500-status-next-meeting.ics"
    );
}

#[test]
fn a_day_without_a_time_is_a_day_long() {
    let plan = common::demo_plan();
    let mut m = Meeting::new(
        plan.clone(),
        AgendaName::ResetPoint,
        Clock::at(common::meeting_start(), TimeZone::UTC),
        false,
    );
    common::quit(&mut m);
    let next = NextMeeting::try_from("2027-01-11".to_owned()).unwrap();
    let text = invitation(&plan, &Record::of(&m), "r", next, &TimeZone::UTC);
    assert!(text.contains("DTSTART;VALUE=DATE:20270111"), "{text}");
    assert!(!text.contains("DURATION"), "{text}");
    assert!(text.parse::<Calendar>().is_ok());
}

#[test]
fn the_minutes_and_the_report_say_when_the_next_meeting_is() {
    use resetpoint::export::minutes::{Audience, markdown};
    use resetpoint::export::report::{report, write};
    let plan = common::demo_plan();
    let mut m = Meeting::new(
        plan.clone(),
        AgendaName::Status,
        Clock::at(common::meeting_start(), TimeZone::UTC),
        false,
    );
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    update(&mut m, Action::Quit);
    for c in "2026-12-14 10:00".chars() {
        update(
            &mut m,
            Action::Type(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char(c),
            )),
        );
    }
    update(
        &mut m,
        Action::Type(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Enter,
        )),
    );
    let record = Record::of(&m);
    assert!(record.meeting.ended.is_some());
    let minutes = markdown(
        &record,
        Some(&plan),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    assert!(
        minutes.contains("Agreed for Mon 14 Dec 2026, 10:00."),
        "{minutes}"
    );
    let meetings = [("2026-11-24-1400-status".to_owned(), record)];
    let today = "2026-11-30".parse().unwrap();
    let text = write::markdown(&report(
        &plan,
        &meetings,
        Audience::Customer,
        today,
        &TimeZone::UTC,
    ));
    assert!(
        text.contains("Agreed for Mon 14 Dec 2026, 10:00."),
        "{text}"
    );
    assert!(!text.contains("No date is set"), "{text}");
}
