//! The earlier meetings are read once the meeting is on screen: until they
//! are in, the meeting says it is reading them and its agenda is the one
//! it would have with nothing to follow up; once in, a new meeting on a
//! built-in agenda gets its follow-ups section after the welcome, its ids
//! go on from the earlier ones and the welcome shows the pulse trend. A
//! resumed meeting keeps the sections it was started with.

use crate::common;

use common::screen::{render, screen_text};
use common::{Answers, demo_plan as plan, write_earlier_meetings};

use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Origin};
use resetpoint::plan::model::AgendaName;
use resetpoint::session::{Session, SessionOptions, Unfinished};
use resetpoint::tui::background::Background;

fn options(dir: &std::path::Path, unfinished: Unfinished) -> SessionOptions {
    SessionOptions {
        origin: Origin::default(),
        agenda: AgendaName::ResetPoint,
        presenting: false,
        records_dir: dir.to_path_buf(),
        unfinished,
    }
}

fn kinds(session: &Session) -> Vec<SectionKind> {
    session.meeting.sections.iter().map(|s| s.kind).collect()
}

#[test]
fn a_new_meeting_is_on_screen_before_its_earlier_meetings_and_takes_them_in_after() {
    let dir = tempfile::tempdir().unwrap();
    let highest = write_earlier_meetings(dir.path(), 15, 2);
    let session = Session::open(
        plan(),
        options(dir.path(), Unfinished::Ask),
        &mut Answers(true),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(session.meeting.reading_earlier);
    assert!(session.meeting.earlier.is_empty());
    assert!(!kinds(&session).contains(&SectionKind::Followups));
    let before = screen_text(&render(&session.meeting, 100, 30, Background::Dark));
    assert!(before.contains("Reading the earlier meetings…"), "{before}");
    assert!(!before.contains("Follow-ups from last time"), "{before}");

    let mut session = session.whole();
    assert!(!session.meeting.reading_earlier);
    assert_eq!(session.meeting.earlier.len(), 30, "two open actions a week");
    let sections = kinds(&session);
    assert_eq!(
        &sections[..2],
        &[SectionKind::Welcome, SectionKind::Followups]
    );
    assert_eq!(session.meeting.clock.spent.len(), sections.len());
    assert_eq!(session.meeting.current, 0, "still on the welcome");
    let after = screen_text(&render(&session.meeting, 100, 30, Background::Dark));
    assert!(after.contains("Follow-ups from last time"), "{after}");
    // Fifteen pulses: the latest twelve, in one line.
    assert!(after.contains("Pulse, last 12 meetings"), "{after}");
    assert_eq!(session.meeting.pulse_trend.len(), 15);

    // The follow-ups say how many are open, and the year of an old date.
    resetpoint::meeting::update(&mut session.meeting, Action::JumpTo(1));
    let followups = screen_text(&render(&session.meeting, 100, 30, Background::Dark));
    let open = session.meeting.followup_rows().len();
    // Counted without being made, in either view, as they are made.
    for presenting in [false, true] {
        let mut m = session.meeting.clone();
        m.presenting = presenting;
        assert_eq!(m.followup_count(), m.followup_rows().len());
    }
    assert!(
        followups.contains(&format!("Still open from last time ({open})")),
        "{followups}"
    );
    assert!(followups.contains("due Mon 20 Jan 2020"), "{followups}");
    resetpoint::meeting::update(&mut session.meeting, Action::JumpTo(0));

    // The next action goes on from the earlier meetings' ids.
    update_line(&mut session, "Book the depot visit");
    let id = &session.meeting.captures.last().unwrap().id;
    assert_eq!(id, &format!("A-{}", highest + 1));
}

fn update_line(session: &mut Session, text: &str) {
    common::type_line(&mut session.meeting, Action::NewAction, text);
}

#[test]
fn a_resumed_meeting_keeps_its_sections_and_takes_in_the_earlier_meetings() {
    let dir = tempfile::tempdir().unwrap();
    // An unfinished reset-point meeting started before anything was open.
    let first = Session::open(
        plan(),
        options(dir.path(), Unfinished::Ask),
        &mut Answers(true),
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .whole();
    let started_with = kinds(&first);
    assert!(!started_with.contains(&SectionKind::Followups));
    let record = resetpoint::record::format::Record::of(&first.meeting);
    std::fs::write(&first.paths.record, record.to_toml()).unwrap();
    let paths = first.paths.clone();
    drop(first);
    // Earlier meetings that left actions open, from before it started.
    write_earlier_meetings(dir.path(), 3, 1);

    let resumed = Session::open(
        plan(),
        options(dir.path(), Unfinished::Resume),
        &mut Answers(true),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resumed.paths, paths);
    assert!(resumed.meeting.reading_earlier);
    let resumed = resumed.whole();
    assert_eq!(kinds(&resumed), started_with, "its sections as started");
    assert_eq!(resumed.meeting.earlier.len(), 3);
}

#[test]
fn the_welcome_while_the_earlier_meetings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write_earlier_meetings(dir.path(), 2, 1);
    let mut session = Session::open(
        plan(),
        options(dir.path(), Unfinished::Ask),
        &mut Answers(true),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // The clock as the other screen tests have it.
    session.meeting.clock =
        resetpoint::meeting::Clock::at(common::meeting_start(), jiff::tz::TimeZone::UTC);
    session.meeting.clock.start(session.meeting.sections.len());
    insta::assert_snapshot!(
        "welcome_reading_earlier_80x24",
        render(&session.meeting, 80, 24, Background::Dark).backend()
    );
}

#[test]
fn a_projects_first_meeting_has_nothing_to_wait_for_on_its_first_screen() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::open(
        plan(),
        options(dir.path(), Unfinished::Ask),
        &mut Answers(true),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!session.meeting.reading_earlier, "no record to read");
    assert!(session.later.earlier.is_none());
    let first = screen_text(&render(&session.meeting, 100, 30, Background::Dark));
    assert!(!first.contains("Reading the earlier meetings"), "{first}");
    assert!(first.contains("No earlier pulse on record"), "{first}");
}
