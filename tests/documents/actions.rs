//! Open actions across meetings, as Markdown, CSV and iCalendar, read back
//! with real parsers.

use crate::common;

use icalendar::{Calendar, CalendarComponent, Component};
use jiff::{Timestamp, tz::TimeZone};
use resetpoint::export::actions::{csv, ics};
use resetpoint::left_open::actions::{meetings, rows};
use resetpoint::meeting::{Action, Clock, Meeting, Origin, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

use common::demo_plan as plan;

/// A status meeting at `start` with these action lines captured.
fn meeting_with(start: &str, lines: &[&str], rehearsal: bool) -> Record {
    let start: Timestamp = start.parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    m.origin = Origin {
        rehearsal,
        ..Origin::default()
    };
    update(&mut m, Action::JumpTo(2));
    for line in lines {
        common::type_line(&mut m, Action::NewAction, line);
        // A second Enter takes an unknown @name as a guest.
        update(
            &mut m,
            Action::Type(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Enter,
            )),
        );
    }
    Record::of(&m)
}

const TRICKY: &str = "Send \"final\" plan, v2; with a very long title that goes on and on past seventy-five octets — ünïcødé 日本語";

fn records() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let later = meeting_with(
        "2026-12-01T14:00:00Z",
        &["Review the risk log @marcus due:2026-12-08"],
        false,
    );
    let earlier = meeting_with(
        "2026-11-24T14:00:00Z",
        &[
            &format!("{TRICKY} @sam due:2026-12-01"),
            "Book UAT rooms @kim",
        ],
        false,
    );
    let rehearsal = meeting_with("2026-11-23T14:00:00Z", &["Practise the apology @sam"], true);
    std::fs::write(
        dir.path().join("2026-12-01-1400-status.toml"),
        later.to_toml(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("2026-11-24-1400-status.toml"),
        earlier.to_toml(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("2026-11-23-1400-status.toml"),
        rehearsal.to_toml(),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.toml"), "not = \"a record\"\n").unwrap();
    dir
}

#[test]
fn open_actions_of_live_meetings_oldest_first() {
    let dir = records();
    let found = meetings(dir.path(), "shipment-tracking");
    assert_eq!(found.len(), 2, "the rehearsal and stray files are left out");
    let rows = rows(&found, &plan(), false);
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, [TRICKY, "Book UAT rooms", "Review the risk log"]);
    assert_eq!(rows[0].owner.as_deref(), Some("Sam Okafor"));
    assert_eq!(
        rows[1].owner.as_deref(),
        Some("kim"),
        "a guest keeps the name typed"
    );
    assert_eq!(rows[0].meeting, "2026-11-24-1400-status");
}

#[test]
fn csv_reads_back_with_a_real_parser() {
    let dir = records();
    let rows = rows(&meetings(dir.path(), "shipment-tracking"), &plan(), false);
    let text = csv(&rows, &jiff::tz::TimeZone::UTC);
    assert!(text.contains("\r\n"), "RFC 4180 lines end in CRLF");
    assert!(
        text.starts_with('\u{feff}'),
        "a byte-order mark, for Excel to read UTF-8"
    );
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "id",
            "title",
            "owner",
            "due",
            "status",
            "meeting",
            "created",
            "side",
            "moved_from"
        ]
    );
    let records: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 3);
    assert_eq!(&records[0][1], TRICKY);
    assert_eq!(&records[0][3], "2026-12-01");
    assert_eq!(&records[1][3], "", "no due date stays empty");
    // When it was raised reads as a date and time in a spreadsheet.
    let created = &records[0][6];
    assert_eq!(created.len(), "2026-11-24 14:05".len(), "{created}");
    assert!(
        created.parse::<jiff::civil::DateTime>().is_ok(),
        "{created} is a date and time"
    );
    assert!(
        records.iter().any(|r| &r[7] == "us" || &r[7] == "customer"),
        "the side of the table: {records:?}"
    );
}

#[test]
fn icalendar_reads_back_with_a_real_parser() {
    let dir = records();
    let rows = rows(&meetings(dir.path(), "shipment-tracking"), &plan(), false);
    let text = ics(&rows, &plan());
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line over 75 octets: {line:?}");
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    let calendar: Calendar = text.parse().unwrap();
    let todos: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Todo(todo) => Some(todo),
            _ => None,
        })
        .collect();
    assert_eq!(todos.len(), 3);
    assert_eq!(
        todos[0].get_summary(),
        Some(format!("{} {TRICKY}", rows[0].id).as_str())
    );
    let due = todos[0].property_value("DUE").unwrap();
    assert_eq!(due, "20261201");
    assert!(todos[1].property_value("DUE").is_none());
    assert_eq!(todos[0].property_value("STATUS"), Some("NEEDS-ACTION"));
}

#[test]
fn the_actions_command_writes_each_format() {
    let dir = records();
    let plan_path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.toml");
    let records = dir.path().to_str().unwrap();
    for (format, start) in [
        ("md", "# Open actions"),
        ("csv", "\u{feff}id,title"),
        ("ics", "BEGIN:VCALENDAR"),
    ] {
        let out = common::resetpoint(
            dir.path(),
            &[
                "actions",
                plan_path,
                "--records",
                records,
                "--format",
                format,
            ],
        );
        assert_eq!(out.status.code(), Some(0));
        assert!(
            String::from_utf8(out.stdout).unwrap().starts_with(start),
            "{format}"
        );
    }
}
