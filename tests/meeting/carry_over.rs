//! Three meetings of one plan: actions captured in the first are followed
//! up in the second (done, still open with a new date, dropped), and only
//! what is still open reaches the third and the `actions` list.

use crate::common;

use common::{demo_plan as plan, go_to as to, type_line};

use jiff::{Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::left_open::actions::{meetings, meetings_before, rows, still_open};
use resetpoint::meeting::capture::ActionStatus;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

/// Start a status meeting at `at`, with what is open from before it.
fn status_meeting(dir: &std::path::Path, at: &str) -> Meeting {
    let start: Timestamp = at.parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    m.earlier = still_open(&meetings_before(dir, &m.plan, start), &m.plan);
    m
}

fn save(dir: &std::path::Path, stem: &str, m: &Meeting) {
    std::fs::write(dir.join(format!("{stem}.toml")), Record::of(m).to_toml()).unwrap();
}

#[test]
fn open_promises_carry_over_until_they_are_closed() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();

    let mut first = status_meeting(dir, "2026-11-24T14:00:00Z");
    assert!(first.earlier.is_empty());
    to(&mut first, SectionKind::Status);
    type_line(
        &mut first,
        Action::NewAction,
        "Send the revised plan @sam due:2026-12-01",
    );
    type_line(
        &mut first,
        Action::NewAction,
        "Book the UAT rooms @priya due:2026-12-02",
    );
    type_line(
        &mut first,
        Action::NewAction,
        "Call the scanner vendor @priya",
    );
    save(dir, "2026-11-24-1400-status", &first);

    let mut second = status_meeting(dir, "2026-12-01T14:00:00Z");
    let titles: Vec<&str> = second.earlier.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Send the revised plan",
            "Book the UAT rooms",
            "Call the scanner vendor"
        ]
    );
    to(&mut second, SectionKind::Followups);
    assert_eq!(
        second.rows_in_section(),
        3 + 3,
        "three actions, then the customer's three open tasks"
    );
    type_line(&mut second, Action::Select, "done");
    update(&mut second, Action::Down);
    type_line(&mut second, Action::Select, "open due:2026-12-09");
    update(&mut second, Action::Down);
    type_line(&mut second, Action::Select, "dropped");
    // A second answer for the same row replaces the first.
    update(&mut second, Action::Up);
    type_line(&mut second, Action::Select, "still due:2026-12-10");
    to(&mut second, SectionKind::Raid);
    type_line(
        &mut second,
        Action::NewAction,
        "Share the risk log @marcus due:2026-12-08",
    );
    save(dir, "2026-12-01-1400-status", &second);
    let followups = Record::of(&second).followups;
    assert_eq!(followups.len(), 3);

    let found = meetings(dir, "shipment-tracking");
    let open: Vec<(String, Option<jiff::civil::Date>)> = rows(&found, &plan(), false)
        .into_iter()
        .map(|r| (r.title, r.due))
        .collect();
    assert_eq!(
        open,
        [
            (
                "Book the UAT rooms".to_owned(),
                Some(jiff::civil::date(2026, 12, 10))
            ),
            (
                "Share the risk log".to_owned(),
                Some(jiff::civil::date(2026, 12, 8))
            ),
        ]
    );
    let everything = rows(&found, &plan(), true);
    let statuses: Vec<ActionStatus> = everything.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            ActionStatus::Done,
            ActionStatus::Open,
            ActionStatus::Dropped,
            ActionStatus::Open
        ]
    );

    let third = status_meeting(dir, "2026-12-08T14:00:00Z");
    let carried: Vec<(&str, &str)> = third
        .earlier
        .iter()
        .map(|e| (e.id.as_str(), e.title.as_str()))
        .collect();
    assert_eq!(carried.len(), 2);
    assert_eq!(carried[0].1, "Book the UAT rooms");
    assert_eq!(third.earlier[0].meeting, "2026-11-24-1400-status");
    assert_eq!(
        third.earlier[0].due,
        Some(jiff::civil::date(2026, 12, 10)),
        "with its new date"
    );
    assert_eq!(carried[1].1, "Share the risk log");
}

#[test]
fn history_counts_pulse_actions_closed_and_promises_kept() {
    use resetpoint::left_open::history::history;
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut first = status_meeting(dir, "2026-11-24T14:00:00Z");
    to(&mut first, SectionKind::Status);
    type_line(
        &mut first,
        Action::NewAction,
        "Send the plan @sam due:2026-12-01",
    );
    type_line(
        &mut first,
        Action::NewAction,
        "Book rooms @priya due:2026-11-25",
    );
    to(&mut first, SectionKind::Pulse);
    type_line(&mut first, Action::Select, "2 worried");
    update(&mut first, Action::Down);
    type_line(&mut first, Action::Select, "3");
    update(&mut first, Action::Down);
    type_line(&mut first, Action::Select, "6");
    save(dir, "2026-11-24-1400-status", &first);

    let mut second = status_meeting(dir, "2026-11-30T14:00:00Z");
    to(&mut second, SectionKind::Followups);
    type_line(&mut second, Action::Select, "done");
    update(&mut second, Action::Down);
    type_line(&mut second, Action::Select, "done");
    save(dir, "2026-11-30-1400-status", &second);

    let rows = history(&meetings(dir, "shipment-tracking"), &plan(), &TimeZone::UTC);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].pulse, Some(2.5));
    assert_eq!(rows[0].recommend, Some(6));
    assert_eq!(rows[0].actions_opened, 2);
    assert_eq!(
        (rows[0].closed_on_time, rows[0].closed_late),
        (1, 1),
        "closed on 30 Nov: one by its date, one late"
    );
    // The demo's design sign-off was done on 2 Oct, promised 9 Oct.
    assert_eq!(
        (
            rows[0].promises_kept,
            rows[0].promises_due,
            rows[0].promises_broken
        ),
        (1, 1, 0)
    );
    assert_eq!(rows[1].pulse, None);
    // Scanner integration was promised for 27 Nov and is not done by 30 Nov.
    assert_eq!(
        (
            rows[1].promises_kept,
            rows[1].promises_due,
            rows[1].promises_broken
        ),
        (1, 2, 1),
        "a promised date that passed undone is broken, not left out"
    );
}

#[test]
fn the_history_command_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = status_meeting(dir.path(), "2026-11-24T14:00:00Z");
    to(&mut first, SectionKind::Pulse);
    type_line(&mut first, Action::Select, "4");
    save(dir.path(), "2026-11-24-1400-status", &first);
    let plan_path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.toml");
    let records = dir.path().to_str().unwrap();
    let out = common::resetpoint(
        dir.path(),
        &[
            "history",
            plan_path,
            "--records",
            records,
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["meetings"][0]["pulse"], 4.0);
    assert_eq!(report["meetings"][0]["date"], "2026-11-24");
    assert_eq!(report["meetings"][0]["promises_kept"], 1);
    assert_eq!(report["meetings"][0]["promises_broken"], 0);
    let human = common::resetpoint(dir.path(), &["history", plan_path, "--records", records]);
    let text = String::from_utf8(human.stdout).unwrap();
    // The day, the time it started (in this machine's zone), the agenda.
    assert!(
        text.lines()
            .any(|l| l.starts_with("2026-11-24  ") && l[17..].starts_with("  status")),
        "{text}"
    );
}
