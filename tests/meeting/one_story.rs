//! One meeting tells one story: what a follow-up says applies at once on
//! every screen and in the minutes; risks and issues raised in an earlier
//! meeting come back on the next one's raid screen and follow-ups; ids go
//! on across meetings, kind by kind, and never collide with the plan's.

use crate::common;

use common::{demo_plan as plan, go_to as to, type_line};

use jiff::{Timestamp, tz::TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::export::minutes::{Audience, markdown};
use resetpoint::left_open::actions::meetings_before;
use resetpoint::left_open::earlier::carry_over;
use resetpoint::meeting::{Action, Capture, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use resetpoint::tui::config;
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::{View, draw};

/// A status meeting at `at`, carrying over what the meetings in `dir` left.
fn status_meeting(dir: &std::path::Path, at: &str) -> Meeting {
    let start: Timestamp = at.parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    let before = meetings_before(dir, &m.plan, start);
    carry_over(&mut m, &before);
    m
}

fn save(dir: &std::path::Path, stem: &str, m: &Meeting) {
    std::fs::write(dir.join(format!("{stem}.toml")), Record::of(m).to_toml()).unwrap();
}

fn screen(m: &Meeting) -> String {
    screen_at(m, 160)
}

/// Wide enough that no table cell is cut (wrapping is tested elsewhere).
fn screen_at(m: &Meeting, width: u16) -> String {
    let config = config::load(None, false, false).unwrap();
    let theme = Theme {
        palette: config.palette,
    };
    let mut terminal = Terminal::new(TestBackend::new(width, 50)).unwrap();
    let view = View {
        meeting: m,
        theme: &theme,
        keymap: &config.keymap,
    };
    terminal.draw(|frame| draw(frame, &view)).unwrap();
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect()
}

fn ids_of(m: &Meeting) -> Vec<String> {
    m.captures.iter().map(|c| c.id.clone()).collect()
}

#[test]
fn ids_count_per_kind_across_meetings_and_after_the_plans_own() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut first = status_meeting(dir, "2026-11-24T14:00:00Z");
    to(&mut first, SectionKind::Raid);
    type_line(&mut first, Action::NewAction, "Send the plan @sam");
    type_line(&mut first, Action::Decision, "Weekly reports");
    type_line(&mut first, Action::NewAction, "Book rooms @priya");
    type_line(
        &mut first,
        Action::Risk,
        "Scanner vendor may slip @priya p:3 i:4",
    );
    type_line(&mut first, Action::Issue, "Test data missing @ola");
    assert_eq!(
        ids_of(&first),
        ["A-1", "D-1", "A-2", "R-7", "I-5"],
        "a counter per kind; risks and issues after the plan's R-6 and I-4"
    );
    save(dir, "2026-11-24-1400-status", &first);

    let mut second = status_meeting(dir, "2026-12-01T14:00:00Z");
    to(&mut second, SectionKind::Raid);
    type_line(&mut second, Action::NewAction, "Chase the vendor @dana");
    type_line(
        &mut second,
        Action::Risk,
        "Cutover weekend clashes @sam p:2 i:2",
    );
    assert_eq!(ids_of(&second), ["A-3", "R-8"], "never an id used before");
    save(dir, "2026-12-01-1400-status", &second);

    let all = resetpoint::left_open::actions::rows(
        &resetpoint::left_open::actions::meetings(dir, &second.plan.project.slug()),
        &second.plan,
        true,
    );
    let mut ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "`actions` never shows an id twice");
}

#[test]
fn a_deleted_items_id_is_not_given_again_even_after_a_resume() {
    let mut m = status_meeting(tempfile::tempdir().unwrap().path(), "2026-11-24T14:00:00Z");
    to(&mut m, SectionKind::Status);
    type_line(&mut m, Action::NewAction, "First");
    update(&mut m, Action::Delete);
    update(&mut m, Action::Delete);
    assert!(m.captures.is_empty());
    let record = Record::of(&m);
    let mut resumed = status_meeting(tempfile::tempdir().unwrap().path(), "2026-11-24T14:00:00Z");
    resetpoint::record::format::restore(&mut resumed, &record);
    to(&mut resumed, SectionKind::Status);
    type_line(&mut resumed, Action::NewAction, "Second");
    assert_eq!(ids_of(&resumed), ["A-2"]);
}

#[test]
fn a_follow_up_done_shows_as_done_on_the_tasks_screen_review_and_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = status_meeting(dir.path(), "2026-11-24T14:00:00Z");
    to(&mut m, SectionKind::Followups);
    // No earlier meeting: the rows are the customer's open tasks, CT-1 first.
    assert_eq!(m.followup_rows()[0].item, "CT-1");
    type_line(&mut m, Action::Select, "done");
    update(&mut m, Action::Down);
    type_line(&mut m, Action::Select, "open due:2026-12-18");

    to(&mut m, SectionKind::CustomerTasks);
    let tasks = screen(&m);
    let row = tasks
        .lines()
        .find(|l| l.contains("CT-1"))
        .expect("CT-1 on the tasks screen");
    assert!(row.contains("done"), "{row}");
    assert!(!row.contains("open"), "{row}");
    let moved = tasks.lines().find(|l| l.contains("CT-2")).unwrap();
    assert!(
        moved.contains("18 Dec"),
        "the new date applies at once: {moved}"
    );

    to(&mut m, SectionKind::Review);
    let review = screen(&m);
    assert!(review.contains("Follow-ups (2)"), "{review}");

    let minutes = markdown(
        &Record::of(&m),
        Some(&m.plan),
        &m.earlier,
        Audience::Customer,
        &TimeZone::UTC,
    );
    let tasks_part = minutes
        .split("Tasks on your side")
        .nth(1)
        .expect("the minutes list the customer's tasks");
    let tasks_part = tasks_part.split("\n## ").next().unwrap();
    assert!(
        !tasks_part.contains("acceptance test scenarios"),
        "a task done today is not listed as open:\n{tasks_part}"
    );
    let moved = tasks_part
        .lines()
        .find(|l| l.contains("depot exception codes"))
        .unwrap_or_else(|| panic!("{tasks_part}"));
    assert!(moved.contains("18 Dec 2026"), "{moved}");
}

#[test]
fn risks_raised_earlier_come_back_on_raid_and_in_follow_ups_until_closed() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut first = status_meeting(dir, "2026-11-23T14:00:00Z");
    to(&mut first, SectionKind::Raid);
    type_line(
        &mut first,
        Action::Risk,
        "Label printers short @tomas p:4 i:3",
    );
    // Enter again takes Tomas as a guest.
    update(
        &mut first,
        Action::Type(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Enter,
            crossterm::event::KeyModifiers::NONE,
        )),
    );
    type_line(&mut first, Action::Issue, "Depot wifi drops @lin");
    type_line(
        &mut first,
        Action::Risk,
        "Vendor may fold #internal p:2 i:5",
    );
    save(dir, "2026-11-23-1400-status", &first);

    let mut second = status_meeting(dir, "2026-12-01T14:00:00Z");
    to(&mut second, SectionKind::Raid);
    let raid = screen_at(&second, 250);
    for line in [
        "Label printers short",
        "Depot wifi drops",
        "Vendor may fold",
    ] {
        let row = raid.lines().find(|l| l.contains(line)).unwrap_or_else(|| {
            panic!("{line} missing from the raid screen:\n{raid}");
        });
        assert!(
            row.contains("raised on 23 Nov, not yet in the plan"),
            "{row}"
        );
    }
    update(&mut second, Action::Presenting);
    let presenting = screen(&second);
    assert!(presenting.contains("Label printers short"));
    assert!(
        !presenting.contains("Vendor may fold"),
        "an internal risk stays off the shared screen"
    );
    // Leaving presenting asks first.
    update(&mut second, Action::Presenting);
    update(
        &mut second,
        Action::Type(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char('y'),
        )),
    );
    assert!(!second.presenting);

    to(&mut second, SectionKind::Followups);
    let titles: Vec<String> = second
        .followup_rows()
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert!(
        titles.contains(&"risk: Label printers short".to_owned()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"issue: Depot wifi drops".to_owned()),
        "{titles:?}"
    );
    let row = titles
        .iter()
        .position(|t| t == "risk: Label printers short")
        .unwrap();
    for _ in 0..row {
        update(&mut second, Action::Down);
    }
    type_line(&mut second, Action::Select, "done");
    save(dir, "2026-12-01-1400-status", &second);

    let third = status_meeting(dir, "2026-12-08T14:00:00Z");
    let left: Vec<String> = third
        .raised_earlier
        .iter()
        .map(|r| r.item.what.text())
        .collect();
    assert_eq!(
        left,
        ["Depot wifi drops", "Vendor may fold"],
        "a risk closed in a follow-up does not come back"
    );
}

#[test]
fn a_risk_the_plan_now_holds_is_not_shown_twice() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut first = status_meeting(dir, "2026-11-23T14:00:00Z");
    to(&mut first, SectionKind::Raid);
    let in_plan = first.plan.risks[0].title.clone();
    type_line(&mut first, Action::Risk, &format!("{in_plan} p:2 i:2"));
    save(dir, "2026-11-23-1400-status", &first);
    let second = status_meeting(dir, "2026-12-01T14:00:00Z");
    assert!(second.raised_earlier.is_empty());
    assert!(
        second
            .captures
            .iter()
            .all(|c| !matches!(c.what, Capture::Risk { .. }))
    );
}

#[test]
fn the_pulse_screen_names_the_previous_pulse_when_there_is_a_trend() {
    let mut m = status_meeting(tempfile::tempdir().unwrap().path(), "2026-11-24T14:00:00Z");
    to(&mut m, SectionKind::Pulse);
    assert!(screen(&m).contains("This is the first pulse on record."));
    m.pulse_trend = vec![2.5, 3.5];
    let pulse = screen(&m);
    assert!(!pulse.contains("first pulse"), "{pulse}");
    assert!(pulse.contains("Last time: 3.5 of 5"), "{pulse}");
}
