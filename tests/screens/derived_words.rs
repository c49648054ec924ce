//! The status screen says a broken promise in words, from the derived
//! figures: a milestone whose promised date passed without `done` is red,
//! "PROMISE BROKEN", with the reason beside the overall colour.

use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::config;
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::{View, draw};

const PLAN: &str = include_str!("../fixtures/valid/promise_broken.toml");

/// The status screen's cells, row by row, one line per row.
fn status_screen(width: u16, height: u16) -> String {
    let plan = load_bytes("promise_broken.toml", PLAN.as_bytes())
        .plan
        .unwrap();
    let start = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan,
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    let status = m
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Status)
        .unwrap();
    update(&mut m, Action::JumpTo(status));
    let config = config::load(None, false, false).unwrap();
    let theme = Theme {
        palette: config.palette,
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let view = View {
        meeting: &m,
        theme: &theme,
        keymap: &config.keymap,
    };
    terminal.draw(|frame| draw(frame, &view)).unwrap();
    let buffer = terminal.backend().buffer();
    let cells: Vec<&str> = buffer.content().iter().map(|c| c.symbol()).collect();
    cells
        .chunks(usize::from(width))
        .map(|row| row.concat())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_status_screen_says_a_promise_is_broken() {
    let screen = status_screen(120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Pilot depot live") && l.contains("2026-11-01"))
        .unwrap_or_else(|| panic!("the milestone's row:\n{screen}"));
    assert!(row.contains("PROMISE BROKEN"), "{row}");
    assert!(
        screen.contains("promise broken on 1 Nov 2026"),
        "the reason for red:\n{screen}"
    );
}
