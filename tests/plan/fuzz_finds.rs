//! What the fuzz targets in `fuzz/` found, kept as regression tests: each
//! input once panicked or let a control character through.

use crate::common;

use jiff::civil::date;
use resetpoint::meeting::Action;
use resetpoint::meeting::typed::{due_date, quick_capture};
use resetpoint::meeting::{Clock, Meeting};
use resetpoint::plan::model::AgendaName;

/// fuzz/artifacts/quick_capture/crash-6caf5973…: a `due:+…` ending in a
/// character of more than one byte was cut inside it, and the meeting
/// stopped on the typed action.
#[test]
fn a_relative_due_date_ending_in_a_wide_character_is_refused_not_a_panic() {
    let today = date(2026, 12, 1);
    for when in ["+F\u{f4}i\u{202e}", "+3日", "+é", "+", "+\u{1f600}"] {
        assert_eq!(due_date(when, today), None, "{when:?}");
    }
    assert_eq!(due_date("+3d", today), Some(date(2026, 12, 4)));
    let quick = quick_capture(
        "Send the plan due:+3日",
        resetpoint::meeting::typed::People::of(&common::demo_plan()),
        today,
    );
    assert_eq!(quick.due, None);
    assert_eq!(
        quick.bad_due.as_deref(),
        Some("+3日"),
        "said back to the PM"
    );
}

#[test]
fn typing_that_action_in_a_meeting_keeps_the_meeting() {
    let start = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        common::demo_plan(),
        AgendaName::Status,
        Clock::at(start, jiff::tz::TimeZone::UTC),
        false,
    );
    resetpoint::meeting::update(&mut m, Action::JumpTo(2));
    common::type_line(&mut m, Action::NewAction, "Send thd +Fôi\u{202e} due:+Fôi");
    common::type_line(&mut m, Action::NewAction, "Book rooms due:+2週");
}
