//! The header's clock: both sides of "section … / …" and "meeting … / …"
//! in hours and minutes, so an hour and a half can never be misread.

use crate::common;

use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::config;
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::{View, draw};

fn start() -> Timestamp {
    "2026-11-24T14:00:00Z".parse().unwrap()
}

/// The header's second line after `seconds` of a reset-point meeting (85 minutes planned).
fn clock_line(seconds: i64) -> String {
    let mut m = Meeting::new(
        common::demo_plan(),
        AgendaName::ResetPoint,
        Clock::at(start(), TimeZone::UTC),
        false,
    );
    update(
        &mut m,
        Action::Tick(start() + SignedDuration::from_secs(seconds)),
    );
    let config = config::load(None, false, false).unwrap();
    let theme = Theme {
        palette: config.palette,
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let view = View {
        meeting: &m,
        theme: &theme,
        keymap: &config.keymap,
    };
    terminal.draw(|frame| draw(frame, &view)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, 1)].symbol())
        .collect::<String>()
        .trim_end()
        .to_owned()
}

#[test]
fn under_a_minute_both_sides_read_in_hours_and_minutes() {
    let line = clock_line(40);
    assert!(line.contains("section 0:00 / 0:03"), "{line}");
    assert!(line.contains("meeting 0:00 / 1:25"), "{line}");
}

#[test]
fn over_an_hour_the_meeting_reads_against_its_plan_in_one_form() {
    let line = clock_line(92 * 60 + 5);
    assert!(line.contains("section 1:32 / 0:03"), "{line}");
    assert!(
        line.contains("meeting 1:32 / 1:25"),
        "an hour and 32 minutes against an hour and 25: {line}"
    );
}
