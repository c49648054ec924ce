//! Bad news first at every size: on "Where the project stands" the overall
//! colour, every milestone whose promise is at risk, and every reason for
//! the colour are on screen without scrolling, at 80×24 and 100×30, on the
//! laptop and on the projector; late milestones come next as room allows,
//! done milestones and what was accomplished give way first, and long
//! names keep their words.

use crate::common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Meeting, Shared};
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::background::Background;
use resetpoint::tui::follower::{FollowScreen, Following};
use resetpoint::tui::theme::Theme;

/// The demo plan with a done milestone listed first and a pilot whose
/// promise is at risk, its name long and partly Japanese.
fn meeting() -> Meeting {
    let text = include_str!("../../assets/demo.toml").replacen(
        "[[milestones]]",
        "[[milestones]]\nname = \"Oslo go-live\"\nbaseline = 2026-09-01\nforecast = 2026-09-01\npromised = 2026-09-15\ndone = 2026-09-01\n\n\
         [[milestones]]\nname = \"Pilot with the new handheld scanners in Bergen and Trondheim (試験運用)\"\nbaseline = 2026-11-01\nforecast = 2026-12-20\npromised = 2026-12-01\n\n\
         [[milestones]]",
        1,
    );
    let checked = resetpoint::plan::load_bytes("demo.toml", text.as_bytes());
    let report = checked.render();
    let plan = checked.plan.unwrap_or_else(|| panic!("{report}"));
    let mut m = Meeting::new(
        plan,
        AgendaName::ResetPoint,
        resetpoint::meeting::Clock::at(common::meeting_start(), jiff::tz::TimeZone::UTC),
        true,
    );
    common::go_to(&mut m, SectionKind::Status);
    m
}

fn flat(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn projector(m: &Meeting, width: u16, height: u16) -> Terminal<TestBackend> {
    let theme = Theme {
        palette: resetpoint::tui::config::load(None, false, false)
            .unwrap()
            .palette,
    };
    let following = Following::Showing(Box::new(Shared::projector(m)));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let screen = FollowScreen {
        following: &following,
        theme: &theme,
        what: "the meeting",
    };
    terminal
        .draw(|frame| frame.render_widget(&screen, frame.area()))
        .unwrap();
    terminal
}

/// What must be on screen, whatever its size.
fn assert_bad_news(screen: &str, what: &str) {
    // Words broken over lines by wrapping still count.
    let words = screen
        .replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for must in [
        "Overall RED",
        "Scanner integration complete",
        "Pilot with the new handheld",
        "PROMISE AT RISK",
        "is forecast for 4 Dec, after the 27 Nov promised to you",
        "CPI 0.88 is below 0.90",
    ] {
        assert!(
            words.contains(must),
            "{what}: {must:?} is not on screen:\n{screen}"
        );
    }
    // A done milestone, when there is room for it, comes after them all.
    if let (Some(done), Some(risk)) = (words.find("Oslo go-live"), words.rfind("PROMISE AT RISK")) {
        assert!(
            done > risk,
            "{what}: a done milestone before the bad news:\n{screen}"
        );
    }
    assert!(
        !screen.contains("more,  "),
        "{what}: a dangling comma:\n{screen}"
    );
}

#[test]
fn the_laptop_shows_the_bad_news_at_80x24_and_100x30() {
    let m = meeting();
    for (w, h) in [(80, 24), (100, 30)] {
        let terminal = common::screen::render(&m, w, h, Background::Dark);
        let screen = flat(&terminal);
        assert_bad_news(&screen, &format!("laptop {w}x{h}"));
        insta::assert_snapshot!(format!("bad_news_laptop_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn the_projector_shows_the_bad_news_at_80x24_and_100x30() {
    let m = meeting();
    for (w, h) in [(80, 24), (100, 30)] {
        let terminal = projector(&m, w, h);
        let screen = flat(&terminal);
        assert_bad_news(&screen, &format!("projector {w}x{h}"));
        insta::assert_snapshot!(format!("bad_news_projector_{w}x{h}"), terminal.backend());
    }
}
