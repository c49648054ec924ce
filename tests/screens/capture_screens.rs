//! The screens show what was captured as it was said: an answer's own line
//! breaks and closing quote, a buy-in's changes, a task the customer
//! accepted and a task added in the room.

use crate::common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{Timestamp, tz::TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;

fn meeting() -> Meeting {
    let demo = include_str!("../../assets/demo.toml");
    let plan = load_bytes("demo.toml", demo.as_bytes()).plan.unwrap();
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    )
}

fn to(m: &mut Meeting, kind: SectionKind) {
    let n = m.sections.iter().position(|s| s.kind == kind).unwrap();
    update(m, Action::JumpTo(n));
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Action {
    Action::Type(KeyEvent::new(code, modifiers))
}

/// Type `text`; a `\n` is Alt-Enter, a new line in the field.
fn type_in(m: &mut Meeting, text: &str) {
    for c in text.chars() {
        let action = if c == '\n' {
            key(KeyCode::Enter, KeyModifiers::ALT)
        } else {
            key(KeyCode::Char(c), KeyModifiers::NONE)
        };
        update(m, action);
    }
    update(m, key(KeyCode::Enter, KeyModifiers::NONE));
}

fn render(m: &Meeting, width: u16, height: u16) -> Terminal<TestBackend> {
    common::screen::render(
        m,
        width,
        height,
        resetpoint::tui::background::Background::Unknown,
    )
}

fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}

fn answered() -> Meeting {
    let mut m = meeting();
    to(&mut m, SectionKind::Listen);
    update(&mut m, Action::Select);
    type_in(&mut m, "Three things:\nthe dates slipped\nnobody told us");
    m
}

#[test]
fn a_multi_line_answer_keeps_its_lines_on_the_question_card() {
    let m = answered();
    let screen = rows(&render(&m, 120, 40));
    let at = screen
        .iter()
        .position(|r| r.starts_with("│“Three things:"))
        .expect("the answer's first line");
    assert!(screen[at + 1].contains("the dates slipped"), "{screen:#?}");
    assert!(screen[at + 2].contains("nobody told us”"), "{screen:#?}");
    assert!(
        !screen[at].contains("Three things:”"),
        "closed only at its end"
    );
}

#[test]
fn what_we_heard_closes_the_quote() {
    let mut m = answered();
    to(&mut m, SectionKind::Playback);
    let terminal = render(&m, 120, 40);
    let screen = rows(&terminal);
    assert!(screen.iter().any(|r| r.contains("  “Three things:")));
    assert!(
        screen.iter().any(|r| r.contains("nobody told us”")),
        "{screen:#?}"
    );
    insta::assert_snapshot!("playback_multi_line_120x40", terminal.backend());
}

#[test]
fn a_buy_in_with_changes_shows_the_changes() {
    let mut m = meeting();
    to(&mut m, SectionKind::Proposals);
    update(&mut m, Action::Select);
    type_in(&mut m, "2 weekly demos, not fortnightly @ola");
    update(&mut m, Action::Down);
    update(&mut m, Action::Select);
    type_in(&mut m, "3");
    let terminal = render(&m, 120, 40);
    let screen = rows(&terminal).join("\n");
    assert!(screen.contains("✓ AGREED WITH"), "{screen}");
    assert!(
        screen.contains("Changes: weekly demos, not fortnightly"),
        "{screen}"
    );
    assert!(screen.contains("✗ NOT"), "{screen}");
    assert!(screen.contains("by Ola Nordmann"), "who agreed: {screen}");
    insta::assert_snapshot!("proposals_with_changes_120x40", terminal.backend());
    // Read back before the meeting closes, the changes are what was agreed.
    to(&mut m, SectionKind::Review);
    let review = rows(&render(&m, 120, 40)).join("\n");
    assert!(
        review.contains("weekly demos, not fortnightly"),
        "the read-back leaves out the changes:\n{review}"
    );
    assert!(
        review.contains("by Ola Nordmann"),
        "the read-back leaves out who agreed:\n{review}"
    );
}

#[test]
fn the_chooser_shows_its_three_keys() {
    let mut m = meeting();
    to(&mut m, SectionKind::Proposals);
    update(&mut m, Action::Select);
    let terminal = render(&m, 80, 24);
    let screen = rows(&terminal).join("\n");
    assert!(screen.contains("1 agreed"), "{screen}");
    assert!(screen.contains("3 not agreed"), "{screen}");
    insta::assert_snapshot!("buy_in_chooser_80x24", terminal.backend());
}

#[test]
fn an_accepted_task_and_a_new_one_on_the_tasks_screen() {
    let mut m = meeting();
    to(&mut m, SectionKind::CustomerTasks);
    update(&mut m, Action::Select);
    update(&mut m, Action::CustomerTask);
    type_in(&mut m, "Send the depot list @marcus due:2026-12-04");
    let terminal = render(&m, 120, 40);
    let screen = rows(&terminal);
    let ct1 = screen.iter().find(|r| r.starts_with("│CT-1 ")).unwrap();
    assert!(ct1.contains("✓ accepted"), "{ct1}");
    let new = screen
        .iter()
        .find(|r| r.starts_with("│A-1 ") && r.contains("Marcus Bell"))
        .unwrap_or_else(|| panic!("the new task in the table:\n{}", screen.join("\n")));
    assert!(new.contains("new today"), "{new}");
    insta::assert_snapshot!("customer_tasks_accepted_and_new_120x40", terminal.backend());
}

#[test]
fn a_task_added_with_t_is_on_the_next_meetings_tasks_screen() {
    let mut first = meeting();
    to(&mut first, SectionKind::CustomerTasks);
    update(&mut first, Action::CustomerTask);
    type_in(&mut first, "Send the depot list @marcus due:2026-12-04");
    update(&mut first, Action::NewAction);
    type_in(&mut first, "Book the UAT room @sam due:2026-12-02");
    let earlier = [(
        "2026-11-24-1400-reset-point".to_owned(),
        resetpoint::record::format::Record::of(&first),
    )];

    let start: Timestamp = "2026-12-01T14:00:00Z".parse().unwrap();
    let mut next = Meeting::new(
        first.plan.clone(),
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    next.earlier = resetpoint::left_open::actions::still_open(&earlier, &next.plan);
    to(&mut next, SectionKind::CustomerTasks);
    let terminal = render(&next, 120, 40);
    let screen = rows(&terminal).join("\n");
    let task = screen
        .lines()
        .find(|r| r.contains("Send the depot list"))
        .unwrap_or_else(|| panic!("the task added last time:\n{screen}"));
    for said in ["A-1", "Marcus", "since 24 Nov", "4 Dec, in 3 days", "open"] {
        assert!(task.contains(said), "{said:?} in {task}");
    }
    assert!(
        !screen.contains("Book the UAT room"),
        "our own action is not the customer's task:\n{screen}"
    );
    insta::assert_snapshot!("customer_tasks_from_last_time_120x40", terminal.backend());
}

#[test]
fn the_help_we_offer_is_on_the_tasks_screen_and_the_projector() {
    let demo = include_str!("../../assets/demo.toml").replacen(
        "kind = \"testing\"\n",
        "kind = \"testing\"\nhelp = \"a scenario workshop\"\nhelp_owner = \"priya\"\nhelp_by = 2026-12-03\n",
        1,
    );
    let plan = load_bytes("demo.toml", demo.as_bytes()).plan.unwrap();
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::CustomerTasks);
    for presenting in [false, true] {
        m.presenting = presenting;
        // Wide enough, with who helps and by when.
        let screen = rows(&render(&m, 170, 40)).join("\n");
        for said in ["we help: a", "scenario", "workshop (Priya", "by 3 Dec)"] {
            assert!(
                screen.contains(said),
                "presenting {presenting}, {said:?}:\n{screen}"
            );
        }
        // At 80×24, the help itself, and every task still in view.
        let terminal = render(&m, 80, 24);
        let screen = rows(&terminal).join("\n");
        for said in ["we help: a", "CT-1", "CT-2", "CT-3"] {
            assert!(
                screen.contains(said),
                "presenting {presenting}, {said:?}:\n{screen}"
            );
        }
        assert!(
            !screen.contains("more, ]"),
            "a task behind a scroll:\n{screen}"
        );
        if presenting {
            insta::assert_snapshot!("customer_tasks_with_help_80x24", terminal.backend());
        }
    }
    // The projector gets the plan as text and reads it back whole.
    let shared = resetpoint::meeting::shared::Shared::of(&m);
    let sent = serde_json::to_string(&shared).unwrap();
    let read: resetpoint::meeting::shared::Shared = serde_json::from_str(&sent).unwrap();
    assert_eq!(read.plan.customer_tasks[0].help, "a scenario workshop");
    // Agreed in the room, with `o` on the highlighted task: an action of ours.
    m.presenting = false;
    update(&mut m, Action::TaskHelp);
    type_in(
        &mut m,
        "review their first draft together @priya due:2026-12-01",
    );
    let help = m.captures.last().expect("the help is captured");
    assert!(
        matches!(
            &help.what,
            resetpoint::meeting::Capture::Action { title, side: Some(resetpoint::plan::model::Side::Us), owner: Some(owner), .. }
                if title == "Our help with CT-1: review their first draft together" && owner == "priya"
        ),
        "{help:?}"
    );
}

#[test]
fn the_projector_shows_the_whole_answer_at_80x24() {
    // The PM's reminder is never drawn there, so its rows go to the answer.
    use resetpoint::meeting::Shared;
    use resetpoint::tui::follower::{FollowScreen, Following};
    let m = answered();
    let theme = resetpoint::tui::theme::Theme::for_background(
        resetpoint::tui::background::Background::Dark,
    );
    let following = Following::Showing(Box::new(Shared::projector(&m)));
    let screen = FollowScreen {
        following: &following,
        theme: &theme,
        what: "the meeting",
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&screen, frame.area()))
        .unwrap();
    let screen = rows(&terminal);
    // On the question's own card, not only in the list of what was captured.
    assert!(
        screen.iter().any(|r| r.starts_with("│nobody told us”")),
        "{screen:#?}"
    );
}

#[test]
fn the_heat_map_keeps_its_rows_at_80x24_when_a_note_takes_two_lines() {
    // The capture pane grows by a line. The issues' list shows whole rows
    // only; the lines left at its foot go to the map, which keeps its key,
    // rather than sitting empty above a map cut short.
    let mut m = meeting();
    to(&mut m, SectionKind::Raid);
    update(&mut m, Action::Note);
    type_in(
        &mut m,
        "Kunden vil ha datoene skriftlig før fredag; 上海物流センター venter på svar fra Ødegård",
    );
    let screen = rows(&render(&m, 80, 24));
    assert!(
        screen.iter().any(|r| r.contains("L low")) && screen.iter().any(|r| r.contains("C crit")),
        "the map's key: {screen:#?}"
    );
    let empty = format!("│{}│", " ".repeat(78));
    assert!(
        !screen.contains(&empty),
        "no empty line left in a panel: {screen:#?}"
    );
}

#[test]
fn a_long_question_wraps_to_the_panels_edge_and_its_answer_one_in() {
    let mut m = meeting();
    to(&mut m, SectionKind::Listen);
    for _ in 0..3 {
        update(&mut m, Action::Down);
    }
    update(&mut m, Action::Select);
    type_in(
        &mut m,
        "Two of the depot leads have not been to a single workshop since October, and nobody followed up",
    );
    let screen = rows(&render(&m, 80, 24));
    assert!(
        screen.iter().any(|r| r.starts_with("│concern, and why?")),
        "the question's second line at the border: {screen:#?}"
    );
    assert!(
        screen
            .iter()
            .any(|r| r.starts_with("│ nobody followed up”")),
        "the answer's second line under its text: {screen:#?}"
    );
}
