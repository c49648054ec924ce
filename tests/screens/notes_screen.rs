//! The notes screen drawn with ratatui's TestBackend at 80×24 and 120×40:
//! empty as it opens, then with who was there and what was captured, in
//! the PM's private view and presenting (a private note not drawn, a
//! private field masked).

use crate::common;

use common::{meeting_start, type_line};
use jiff::{SignedDuration, tz::TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::notes;
use resetpoint::commands::notes::unplanned;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::background::Background;
use resetpoint::tui::config;
use resetpoint::tui::theme::Theme;

const PRIVATE: &str = "Søren sounded unconvinced";

/// Notes with Acme Logistics, two minutes in.
fn opened(presenting: bool) -> Meeting {
    let mut m = Meeting::with_sections(
        unplanned(Some("Acme Logistics")),
        AgendaName::Notes,
        notes("Call with Søren"),
        Clock::at(meeting_start(), TimeZone::UTC),
        presenting,
    );
    update(
        &mut m,
        Action::Tick(meeting_start() + SignedDuration::from_secs(125)),
    );
    m
}

fn captured(presenting: bool) -> Meeting {
    let mut m = opened(presenting);
    type_line(&mut m, Action::Select, "Søren Berg");
    type_line(&mut m, Action::Select, "Dana");
    type_line(
        &mut m,
        Action::NewAction,
        "Send the revised plan @Dana due:2026-12-04",
    );
    type_line(
        &mut m,
        Action::Decision,
        "Weekly written status from now on",
    );
    type_line(&mut m, Action::Note, "They want weekly reports");
    type_line(&mut m, Action::PrivateNote, PRIVATE);
    type_line(&mut m, Action::Risk, "Label printers short @Dana p:4 i:3");
    m
}

fn render(m: &Meeting, width: u16, height: u16) -> Terminal<TestBackend> {
    common::screen::render(m, width, height, Background::Dark)
}

#[test]
fn the_notes_screen_as_it_opens() {
    for (width, height) in [(80, 24), (120, 40)] {
        let terminal = render(&opened(true), width, height);
        let text = common::screen::screen_text(&terminal);
        assert!(text.contains("1/1 Call with Søren"), "{text}");
        assert!(text.contains("Enter: add someone"), "{text}");
        assert!(
            text.contains("@Dana due:fri"),
            "the action's form is shown: {text}"
        );
        insta::assert_snapshot!(format!("notes_opened_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn the_notes_screen_with_captures_in_the_private_view() {
    for (width, height) in [(80, 24), (120, 40)] {
        let terminal = render(&captured(false), width, height);
        let text = common::screen::screen_text(&terminal);
        assert!(text.contains("✓ Søren Berg"), "{text}");
        assert!(
            text.contains("Søren sounded"),
            "the PM's own view shows it: {text}"
        );
        insta::assert_snapshot!(
            format!("notes_captured_{width}x{height}"),
            terminal.backend()
        );
    }
}

#[test]
fn presenting_draws_no_private_note_and_masks_a_private_field() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut m = captured(true);
        let text = common::screen::screen_text(&render(&m, width, height));
        assert!(!text.contains("unconvinced"), "{text}");
        assert!(text.contains("Send the revised plan"), "{text}");

        update(&mut m, Action::PrivateNote);
        for c in "keep this quiet".chars() {
            update(
                &mut m,
                Action::Type(crossterm::event::KeyEvent::from(
                    crossterm::event::KeyCode::Char(c),
                )),
            );
        }
        let terminal = render(&m, width, height);
        let text = common::screen::screen_text(&terminal);
        assert!(!text.contains("quiet"), "{text}");
        assert!(text.contains("15 characters"), "{text}");
        insta::assert_snapshot!(
            format!("notes_presenting_private_field_{width}x{height}"),
            terminal.backend()
        );
    }
}

#[test]
fn no_panic_at_any_size() {
    let m = captured(false);
    for w in [1, 2, 10, 40, 79, 80, 81, 100, 119, 120, 200] {
        for h in [1, 2, 5, 23, 24, 25, 40, 70] {
            render(&m, w, h);
        }
    }
}

#[test]
fn a_follow_screen_gets_the_notes_customer_safe_and_draws_them() {
    use resetpoint::meeting::Shared;
    use resetpoint::share::protocol::{Incoming, read_line, screen_line};
    use resetpoint::tui::follower::{FollowScreen, Following};

    let m = captured(false);
    // What the facilitator sends: the presenting projection, whatever its own view.
    let line = screen_line(&Shared::presenting(&m)).unwrap();
    assert!(!line.contains("unconvinced"), "{line}");
    let Ok(Incoming::Screen(shown)) = read_line(&line) else {
        panic!("the follower reads notes: {line}");
    };
    let following = Following::Showing(shown);
    let theme = Theme {
        palette: config::load(None, false, false).unwrap().palette,
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let screen = FollowScreen {
        following: &following,
        theme: &theme,
        what: "the notes",
    };
    terminal
        .draw(|frame| frame.render_widget(&screen, frame.area()))
        .unwrap();
    let text = common::screen::screen_text(&terminal);
    assert!(text.contains("1/1 · CALL WITH SØREN"), "{text}");
    assert!(text.contains("✓ Søren Berg"), "{text}");
    assert!(text.contains("A-1 Send the revised plan — Dana"), "{text}");
    assert!(text.contains("They want weekly reports"), "{text}");
    assert!(!text.contains("unconvinced"), "{text}");
    assert!(!text.contains("add someone"), "no key to name: {text}");
    insta::assert_snapshot!("notes_followed_120x40", terminal.backend());
}
