//! The second meeting tells the truth: a follow-up's new date or owner is
//! the latest word on every screen, in the minutes, in `actions` and in the
//! next meeting; a risk raised in the room takes its score and reaches the
//! heat map; a plan person who was not expected comes as themselves; an
//! `@name` that is the start of someone's name offers them.

use crate::common;

use common::{demo_plan as plan, go_to as to, type_line};

use jiff::civil::date;
use jiff::{Timestamp, tz::TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::export::minutes::{Audience, markdown};
use resetpoint::left_open::actions::{meetings, meetings_before, rows, still_open};
use resetpoint::left_open::earlier::carry_over;
use resetpoint::meeting::{Action, Capture, Clock, Meeting, update};
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;
use resetpoint::tui::config;
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::{View, draw};

fn meeting_at(plan: Plan, dir: &std::path::Path, at: &str) -> Meeting {
    let start: Timestamp = at.parse().unwrap();
    let mut m = Meeting::new(
        plan,
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
    let config = config::load(None, false, false).unwrap();
    let theme = Theme {
        palette: config.palette,
    };
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();
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

/// What the heat map's cell at `impact` and `probability` says (a count,
/// or blank).
fn map_cell(screen: &str, impact: usize, probability: usize) -> String {
    let axis = format!("│{impact} │");
    let line = screen
        .lines()
        .find(|l| l.contains(&axis))
        .unwrap_or_else(|| panic!("no heat map row {impact}:\n{screen}"));
    let after: Vec<char> = line.split_once(&axis).unwrap().1.chars().collect();
    let from = (probability - 1) * 5;
    after[from..from + 5]
        .iter()
        .collect::<String>()
        .trim()
        .to_owned()
}

fn minutes_of(m: &Meeting) -> String {
    let record = Record::of(m);
    let earlier = m.earlier.clone();
    markdown(
        &record,
        Some(&m.plan),
        &earlier,
        Audience::Internal,
        &TimeZone::UTC,
    )
}

/// Enter on follow-up row `row`, then the words said of it.
fn follow_up(m: &mut Meeting, row: usize, words: &str) {
    m.selected = row;
    type_line(m, Action::Select, words);
    assert!(m.draft.is_none(), "taken: {:?}", m.notice);
}

fn row_of(m: &Meeting, item: &str) -> usize {
    m.followup_rows()
        .iter()
        .position(|r| r.item == item)
        .unwrap_or_else(|| panic!("{item} is not followed up"))
}

#[test]
fn a_new_date_and_owner_for_a_customer_task_apply_everywhere_and_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut first = meeting_at(plan(), dir, "2026-12-01T09:30:00Z");
    to(&mut first, SectionKind::Followups);
    let ct1 = row_of(&first, "CT-1");
    follow_up(&mut first, ct1, "open @priya due:2026-12-08");
    let said = screen(&first);
    assert!(said.contains("now due Tue 8 Dec"), "{said}");
    assert!(said.contains("moved from Thu 10 Dec"), "{said}");
    assert!(said.contains("now with Priya Raman"), "{said}");
    // The tasks screen of the same meeting.
    to(&mut first, SectionKind::CustomerTasks);
    let tasks = screen(&first);
    let line = tasks.lines().find(|l| l.contains("CT-1")).unwrap();
    assert!(line.contains("8 Dec") && !line.contains("10 Dec"), "{line}");
    assert!(line.contains("Priya Raman"), "{line}");
    // The minutes.
    let minutes = minutes_of(&first);
    assert!(
        minutes.contains(
            "still open, new date Tue 8 Dec 2026 (moved from Thu 10 Dec 2026), now with Priya Raman"
        ),
        "{minutes}"
    );
    let tasks = minutes.split("## Tasks on your side").nth(1).unwrap();
    assert!(
        tasks.contains("— Priya Raman, due Tue 8 Dec 2026 (moved from Thu 10 Dec 2026)"),
        "{tasks}"
    );
    save(dir, "2026-12-01-0930-status", &first);

    // The next meeting follows it up with its new date and owner.
    let mut second = meeting_at(plan(), dir, "2026-12-08T09:30:00Z");
    let row = &second.followup_rows()[row_of(&second, "CT-1")];
    assert_eq!(row.due, Some(date(2026, 12, 8)));
    assert_eq!(row.owner.as_deref(), Some("priya"));
    assert_eq!(row.moved_from, Some(date(2026, 12, 10)));
    to(&mut second, SectionKind::Followups);
    let said = screen(&second);
    assert!(said.contains("moved from Thu 10 Dec"), "{said}");
    to(&mut second, SectionKind::CustomerTasks);
    let tasks = screen(&second);
    let line = tasks.lines().find(|l| l.contains("CT-1")).unwrap();
    assert!(
        line.contains("8 Dec") && line.contains("Priya Raman"),
        "{line}"
    );

    // Its minutes, written by `minutes` from the record, say the same.
    let plans = tempfile::tempdir().unwrap();
    let plan_file = plans.path().join("demo.toml");
    std::fs::write(&plan_file, include_str!("../../assets/demo.toml")).unwrap();
    second.origin.plan_path = plan_file.display().to_string();
    save(dir, "2026-12-08-0930-status", &second);
    let out = common::resetpoint(dir, &["minutes", "2026-12-08-0930-status.toml"]);
    let minutes = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tasks = minutes.split("## Tasks on your side").nth(1).unwrap();
    let tasks = tasks.split("\n## ").next().unwrap();
    assert!(
        tasks.contains("**CT-1** Prepare acceptance test scenarios for the tracking page — Priya Raman, due Tue 8 Dec 2026"),
        "{minutes}"
    );
}

#[test]
fn an_action_moved_in_a_follow_up_is_moved_in_actions_and_the_next_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut first = meeting_at(plan(), dir, "2026-11-24T14:00:00Z");
    to(&mut first, SectionKind::Status);
    type_line(
        &mut first,
        Action::NewAction,
        "Send the revised plan @sam due:2026-12-18",
    );
    save(dir, "2026-11-24-1400-status", &first);

    let mut second = meeting_at(plan(), dir, "2026-12-01T14:00:00Z");
    to(&mut second, SectionKind::Followups);
    let row = row_of(&second, "A-1");
    follow_up(&mut second, row, "open due:2026-12-08 @priya");
    to(&mut second, SectionKind::Review);
    let pane = screen(&second);
    assert!(pane.contains("now with Priya Raman"), "{pane}");
    save(dir, "2026-12-01-1400-status", &second);

    let all = meetings(dir, &plan().project.slug());
    let open = rows(&all, &plan(), false);
    let a1 = open.iter().find(|r| r.id == "A-1").expect("still open");
    assert_eq!(a1.due, Some(date(2026, 12, 8)));
    assert_eq!(a1.moved_from, Some(date(2026, 12, 18)));
    assert_eq!(a1.owner.as_deref(), Some("Priya Raman"));
    let listed = resetpoint::export::actions::markdown(&open, &plan(), false);
    assert!(
        listed.contains("Priya Raman, due 2026-12-08, moved from 2026-12-18"),
        "{listed}"
    );

    let earlier = still_open(&all, &plan());
    let third = earlier.iter().find(|e| e.id == "A-1").unwrap();
    assert_eq!(
        (third.due, third.owner.as_deref()),
        (Some(date(2026, 12, 8)), Some("priya"))
    );
}

#[test]
fn a_scored_risk_is_on_the_heat_map_and_in_the_list_at_once() {
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at("2026-12-01T09:30:00Z".parse().unwrap(), TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Raid);
    let before = map_cell(&screen(&m), 3, 4);
    type_line(&mut m, Action::Risk, "Label printers short @priya p:4 i:3");
    let last = &m.captures.last().unwrap().what;
    assert_eq!(last.risk_score(), Some((4, 3)), "{last:?}");
    assert_eq!(last.text(), "Label printers short");
    let after = screen(&m);
    // A cell reads "1 H" (count and band letter) or "·" when empty.
    let count = |cell: &str| {
        cell.split_whitespace()
            .next()
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    };
    assert_eq!(
        count(&map_cell(&after, 3, 4)),
        count(&before) + 1,
        "{after}"
    );
    let listed = after
        .lines()
        .find(|l| l.contains("Label printers short (raised today)"))
        .unwrap_or_else(|| panic!("in the risks by score:\n{after}"));
    assert!(listed.contains("12 HIGH"), "{listed}");
    let minutes = minutes_of(&m);
    assert!(
        minutes.contains("Label printers short — Priya Raman, score 12 (high"),
        "{minutes}"
    );
}

#[test]
fn an_internal_scored_risk_stays_off_the_map_while_presenting() {
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at("2026-12-01T09:30:00Z".parse().unwrap(), TimeZone::UTC),
        true,
    );
    to(&mut m, SectionKind::Raid);
    let before = map_cell(&screen(&m), 5, 5);
    type_line(&mut m, Action::InternalRisk, "Vendor may fold p:5 i:5");
    assert_eq!(m.captures.last().unwrap().what.risk_score(), Some((5, 5)));
    let shown = screen(&m);
    assert_eq!(map_cell(&shown, 5, 5), before, "{shown}");
    assert!(!shown.contains("Vendor may fold"));
    m.presenting = false;
    assert_ne!(
        map_cell(&screen(&m), 5, 5),
        before,
        "the PM's own view counts it"
    );
}

#[test]
fn a_risk_without_a_score_is_asked_about_then_saved_unscored() {
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at("2026-12-01T09:30:00Z".parse().unwrap(), TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Raid);
    type_line(&mut m, Action::Risk, "Cutover clashes @tomas");
    // First the unknown name, then the missing score: each asked once.
    assert!(
        m.notice
            .as_deref()
            .unwrap()
            .contains("@tomas is not in the plan")
    );
    update(&mut m, Action::Type(enter()));
    assert!(
        m.notice.as_deref().unwrap().contains("p:1-5 i:1-5"),
        "{:?}",
        m.notice
    );
    assert!(m.captures.is_empty() && m.draft.is_some());
    update(&mut m, Action::Type(enter()));
    assert!(m.draft.is_none());
    let saved = &m.captures.last().unwrap().what;
    assert_eq!(saved.risk_score(), None);
    assert!(matches!(saved, Capture::Risk { owner: Some(o), .. } if o == "tomas"));

    for bad in [
        "Vendor folds p:7 i:3",
        "Vendor folds p:4 i:high",
        "Vendor folds p:0 i:1",
    ] {
        type_line(&mut m, Action::Risk, bad);
        let said = m.notice.clone().unwrap_or_default();
        assert!(said.contains("from 1 to 5"), "{bad}: {said}");
        // Enter again does not save a score that cannot be read.
        update(&mut m, Action::Type(enter()));
        assert_eq!(m.captures.len(), 1, "{bad}");
        update(&mut m, Action::Type(esc()));
        m.unsent.clear();
    }
}

fn enter() -> crossterm::event::KeyEvent {
    crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Enter,
        crossterm::event::KeyModifiers::NONE,
    )
}

fn esc() -> crossterm::event::KeyEvent {
    crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Esc,
        crossterm::event::KeyModifiers::NONE,
    )
}

#[test]
fn a_plan_person_not_expected_comes_as_themselves_and_apologies_are_listed() {
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at("2026-12-01T09:30:00Z".parse().unwrap(), TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Welcome);
    let add = m.attendees().len();
    // Marcus sends apologies.
    m.selected = m
        .attendees()
        .iter()
        .position(|a| a.person == "marcus")
        .unwrap();
    update(&mut m, Action::Select);
    update(&mut m, Action::Select);
    m.selected = add;
    type_line(&mut m, Action::Select, "Dana Wu");
    let dana = m.attendees().into_iter().find(|a| a.person == "dana");
    assert!(
        dana.as_ref()
            .is_some_and(|a| !a.guest && a.present == Some(true)),
        "{dana:?}"
    );
    assert!(m.guests().is_empty());
    let welcome = screen(&m);
    let line = welcome.lines().find(|l| l.contains("Dana Wu")).unwrap();
    assert!(!line.contains("guest"), "{line}");
    let minutes = minutes_of(&m);
    let attendees = minutes.split("## Attendees").nth(1).unwrap();
    let attendees = attendees.split("\n## ").next().unwrap();
    assert!(attendees.contains("Dana Wu — VP Delivery"), "{minutes}");
    let away = minutes.split("## Apologies").nth(1).expect("apologies");
    assert!(
        away.split("\n## ").next().unwrap().contains("Marcus Bell"),
        "{minutes}"
    );
}

#[test]
fn the_start_of_a_name_offers_that_person() {
    let text = include_str!("../../assets/demo.toml")
        .replace("\"lin\"", "\"jennifer\"")
        .replace("Lin Chen", "Jennifer Chen");
    let plan = resetpoint::plan::load_bytes("demo.toml", text.as_bytes())
        .plan
        .expect("still a valid plan");
    let mut m = Meeting::new(
        plan,
        AgendaName::Status,
        Clock::at("2026-12-01T09:30:00Z".parse().unwrap(), TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Status);
    type_line(&mut m, Action::NewAction, "Send the codes @jen due:fri");
    let said = m.notice.clone().unwrap_or_default();
    assert!(said.contains("Enter: Jennifer Chen"), "{said}");
    assert!(m.captures.is_empty(), "asked before anything is saved");
}

#[test]
fn editing_a_scored_risk_keeps_its_score() {
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at("2026-12-01T09:30:00Z".parse().unwrap(), TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Raid);
    type_line(&mut m, Action::Risk, "Label printers short @priya p:4 i:3");
    update(&mut m, Action::Edit);
    assert_eq!(
        m.draft.as_ref().map(|d| d.text()).as_deref(),
        Some("Label printers short @priya p:4 i:3")
    );
    update(&mut m, Action::Type(enter()));
    assert_eq!(m.captures.len(), 1);
    assert_eq!(m.captures[0].what.risk_score(), Some((4, 3)));
}
