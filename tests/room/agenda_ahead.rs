//! `agenda`: the next meeting's agenda sent ahead, through the binary, as
//! Markdown, as a mail draft read back by a real MIME parser (Python's
//! `email`) and as a calendar event read back by a real iCalendar parser:
//! the sections with their timeboxes and questions, what is open from the
//! last meeting, the customer's tasks, the agreed day, and nothing private
//! or internal.

use std::path::Path;
use std::process::{Command, Output};

use icalendar::Component;
use jiff::{SignedDuration, Timestamp, ToSpan, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::next::NextMeeting;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

use super::minutes_eml::{part, plan_text, read_back};
use crate::common::{self, type_line as typed};

/// Three days ago, at 14:00 UTC: the last meeting.
fn last_meeting() -> Timestamp {
    let day = Timestamp::now().to_zoned(TimeZone::UTC).date() - 3.days();
    day.at(14, 0, 0, 0)
        .to_zoned(TimeZone::UTC)
        .unwrap()
        .timestamp()
}

/// The day agreed for the next meeting: in ten days, at 10:00.
fn next_day() -> NextMeeting {
    let date = Timestamp::now().to_zoned(TimeZone::UTC).date() + 10.days();
    NextMeeting::try_from(format!("{date} 10:00")).unwrap()
}

/// A folder with the plan (emails for some of its people) and its last
/// meeting: an action for us, a private note, an internal risk, and the
/// next meeting agreed when `agreed`.
pub(crate) fn project(dir: &Path, agreed: bool) {
    let plan_path = dir.join("plan.toml");
    std::fs::write(&plan_path, plan_text()).unwrap();
    let plan = resetpoint::plan::load_bytes("plan.toml", plan_text().as_bytes())
        .plan
        .expect("the plan with emails is valid");
    let start = last_meeting();
    let mut m = Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    common::go_to(&mut m, SectionKind::Status);
    typed(
        &mut m,
        Action::NewAction,
        "Send the revised plan @sam due:+2w",
    );
    typed(
        &mut m,
        Action::PrivateNote,
        "Søren hinted at a budget freeze",
    );
    common::go_to(&mut m, SectionKind::Raid);
    typed(
        &mut m,
        Action::Risk,
        "Vendor may fold @priya p:3 i:4 #internal",
    );
    update(
        &mut m,
        Action::Tick(start + SignedDuration::from_secs(80 * 60)),
    );
    // At the last section, `q` ends the meeting by asking for the next
    // one's day, as the PM is asked in the room.
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    if agreed {
        typed(&mut m, Action::Quit, &String::from(next_day()));
        assert_eq!(m.next_meeting, Some(next_day()), "the day is taken");
    } else {
        common::quit(&mut m);
    }
    let mut record = Record::of(&m);
    assert!(record.meeting.ended.is_some(), "the meeting ended");
    record.meeting.plan = plan_path.display().to_string();
    let meetings = dir.join("meetings");
    std::fs::create_dir(&meetings).unwrap();
    let name = format!(
        "{}-reset-point.toml",
        start.to_zoned(TimeZone::UTC).strftime("%Y-%m-%d-%H%M")
    );
    std::fs::write(meetings.join(name), toml::to_string(&record).unwrap()).unwrap();
}

fn agenda(dir: &Path, format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resetpoint"))
        .args(["agenda", "plan.toml", "--format", format])
        .current_dir(dir)
        .env("TZ", "UTC")
        .output()
        .expect("the resetpoint binary runs")
}

fn text_of(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Nothing the customer must not read: the private note, the internal
/// risk, the question whose answer goes to our management only.
fn holds_nothing_private(text: &str) {
    for private in [
        "budget freeze",
        "Vendor may fold",
        "specifically causing you concern",
    ] {
        assert!(!text.contains(private), "{private:?} in:\n{text}");
    }
}

#[test]
fn the_agenda_says_what_we_will_cover_what_is_open_and_when() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let text = text_of(&agenda(dir.path(), "md"));
    let next = next_day();
    let day = next.date.strftime("%a %-d %b %Y").to_string();
    assert!(
        text.starts_with(&format!(
            "# Agenda: Shipment Tracking Rebuild — Reset-point meeting, {day} 10:00\n"
        )),
        "{text}"
    );
    // The follow-ups come first after the welcome, with the timeboxes.
    let welcome = text.find("**1. Welcome and introductions (3 minutes)**");
    let followups = text.find("**2. Follow-ups from last time (5 minutes)**");
    assert!(welcome.is_some() && followups > welcome, "{text}");
    assert!(
        text.contains("- We will ask: What is your view of the project's status?"),
        "{text}"
    );
    let open = text.find("## Open from last time").expect("open actions");
    let action = text.find("**A-1** Send the revised plan — Sam Okafor, due ");
    assert!(action > Some(open), "{text}");
    assert!(text.contains("## Your tasks due soon"), "{text}");
    holds_nothing_private(&text);
}

#[test]
fn the_agenda_mail_goes_to_the_customer_with_us_in_copy() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let out = agenda(dir.path(), "eml");
    let mail = read_back(&out.stdout);
    assert_eq!(mail["defects"], serde_json::json!([]), "{mail:#}");
    assert_eq!(mail["unsent"], "1");
    let subject = mail["subject"].as_str().unwrap();
    assert!(
        subject.starts_with("Agenda: Shipment Tracking Rebuild — Reset-point meeting, "),
        "{subject}"
    );
    let to: Vec<&str> = mail["to"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_str().unwrap())
        .collect();
    assert!(to.contains(&"soren@northwind.example"), "{to:?}");
    assert!(to.contains(&"marcus.bell@northwind.example"), "{to:?}");
    assert_eq!(
        mail["cc"],
        serde_json::json!([["Sam Okafor", "sam.okafor@ourfirm.example"]])
    );
    let body = part(&mail, "text/plain");
    assert!(body.contains("Open from last time"), "{body}");
    assert!(body.contains("A-1 Send the revised plan"), "{body}");
    holds_nothing_private(body);
    // Priya is expected and has no email: the PM is told to add her.
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("no email for Priya Raman"), "{said}");
}

#[test]
fn the_agenda_event_is_on_the_agreed_day_with_the_agenda_inside() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let text = text_of(&agenda(dir.path(), "ics"));
    let (event, addresses) = crate::common::one_event(&text);
    assert_eq!(
        event.get_summary(),
        Some("Reset-point meeting — Shipment Tracking Rebuild")
    );
    let next = next_day();
    assert!(
        text.contains(&format!("DTSTART:{}T100000Z", next.date.strftime("%Y%m%d"))),
        "{text}"
    );
    let description = event
        .get_description()
        .expect("the agenda is its description");
    assert!(
        description.contains("We will ask: What worries you most about the weeks ahead?"),
        "{description}"
    );
    assert!(
        description.contains("A-1 Send the revised plan"),
        "{description}"
    );
    holds_nothing_private(description);
    assert!(
        addresses
            .iter()
            .any(|a| a == "mailto:soren@northwind.example"),
        "{addresses:?}"
    );
}

#[test]
fn with_no_day_agreed_the_event_is_refused_and_the_agenda_still_written() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), false);
    let out = agenda(dir.path(), "ics");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.starts_with("error: no day is agreed for the next meeting"),
        "{said}"
    );
    let text = text_of(&agenda(dir.path(), "md"));
    assert!(
        text.starts_with("# Agenda: Shipment Tracking Rebuild — Reset-point meeting\n"),
        "{text}"
    );
}
