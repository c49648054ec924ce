//! Everything that can happen in a meeting, and what it changes: a pure
//! function from (meeting, action) to the new meeting and the effects the
//! loop must carry out. No drawing, no I/O.

use jiff::Timestamp;
use serde::Deserialize;

use super::{Meeting, Overlay};
use crate::agenda::SectionKind;

/// What a key (or the loop) asks for. The names are the ones used in the
/// `[keys]` table of the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    NextSection,
    PreviousSection,
    /// Open the agenda to jump to a section.
    Agenda,
    Help,
    /// Toggle presenting mode (internal items hidden).
    Presenting,
    Up,
    Down,
    /// Enter: confirm the highlighted row (in the agenda, jump there).
    Select,
    /// Esc: close whatever is open.
    Close,
    Quit,
    /// The clock moved on (once a second).
    #[serde(skip)]
    Tick(Timestamp),
    /// Go straight to a section.
    #[serde(skip)]
    JumpTo(usize),
}

/// Work for the loop, which owns the terminal and the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

pub fn update(meeting: &mut Meeting, action: Action) -> Vec<Effect> {
    if let Action::Tick(now) = action {
        meeting.clock.tick(now);
        return Vec::new();
    }
    match meeting.overlay {
        Overlay::Help => return help_overlay(meeting, action),
        Overlay::Agenda { selected } => return agenda_overlay(meeting, action, selected),
        Overlay::None => {}
    }
    match action {
        Action::NextSection => go_to(meeting, meeting.current + 1),
        Action::PreviousSection => {
            if meeting.current > 0 {
                go_to(meeting, meeting.current - 1)
            }
        }
        Action::JumpTo(n) => go_to(meeting, n),
        Action::Agenda => {
            meeting.overlay = Overlay::Agenda {
                selected: meeting.current,
            }
        }
        Action::Help => meeting.overlay = Overlay::Help,
        Action::Presenting => meeting.presenting = !meeting.presenting,
        Action::Up => meeting.selected = meeting.selected.saturating_sub(1),
        Action::Down => {
            if meeting.selected + 1 < rows_in_section(meeting) {
                meeting.selected += 1;
            }
        }
        Action::Quit => return vec![Effect::Quit],
        Action::Select | Action::Close | Action::Tick(_) => {}
    }
    Vec::new()
}

fn help_overlay(meeting: &mut Meeting, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::Help | Action::Close | Action::Select => meeting.overlay = Overlay::None,
        _ => {}
    }
    Vec::new()
}

fn agenda_overlay(meeting: &mut Meeting, action: Action, selected: usize) -> Vec<Effect> {
    let last = meeting.sections.len() - 1;
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::Up | Action::PreviousSection => {
            meeting.overlay = Overlay::Agenda {
                selected: selected.saturating_sub(1),
            }
        }
        Action::Down | Action::NextSection => {
            meeting.overlay = Overlay::Agenda {
                selected: (selected + 1).min(last),
            }
        }
        Action::Select => {
            meeting.overlay = Overlay::None;
            go_to(meeting, selected);
        }
        Action::JumpTo(n) => {
            meeting.overlay = Overlay::None;
            go_to(meeting, n);
        }
        Action::Agenda | Action::Close => meeting.overlay = Overlay::None,
        _ => {}
    }
    Vec::new()
}

/// Move to section `n` (bounded to the agenda), booking the time spent.
fn go_to(meeting: &mut Meeting, n: usize) {
    let n = n.min(meeting.sections.len() - 1);
    if n == meeting.current {
        return;
    }
    meeting.clock.leave(meeting.current);
    meeting.current = n;
    meeting.selected = 0;
}

/// How many rows Up/Down move through on this section.
fn rows_in_section(meeting: &Meeting) -> usize {
    let section = meeting.section();
    match section.kind {
        SectionKind::Listen => section.questions.len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::Clock;
    use crate::plan::load_bytes;
    use crate::plan::model::AgendaName;

    fn meeting() -> Meeting {
        let demo = include_str!("../../assets/demo.toml");
        let plan = load_bytes("demo.toml", demo.as_bytes()).plan.unwrap();
        let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
        Meeting::new(
            plan,
            AgendaName::ResetPoint,
            Clock::at(start, jiff::tz::TimeZone::UTC),
            false,
        )
    }

    fn seconds(s: i64) -> Timestamp {
        let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
        start + jiff::SignedDuration::from_secs(s)
    }

    #[test]
    fn navigation_stays_within_the_agenda() {
        let mut m = meeting();
        update(&mut m, Action::PreviousSection);
        assert_eq!(m.current, 0);
        for _ in 0..20 {
            update(&mut m, Action::NextSection);
        }
        assert_eq!(m.current, m.sections.len() - 1);
        update(&mut m, Action::JumpTo(99));
        assert_eq!(m.current, m.sections.len() - 1);
    }

    #[test]
    fn the_agenda_overlay_jumps_to_the_chosen_section() {
        let mut m = meeting();
        update(&mut m, Action::Agenda);
        assert_eq!(m.overlay, Overlay::Agenda { selected: 0 });
        update(&mut m, Action::Down);
        update(&mut m, Action::Down);
        update(&mut m, Action::Up);
        update(&mut m, Action::Down);
        update(&mut m, Action::Down);
        update(&mut m, Action::Select);
        assert_eq!(m.overlay, Overlay::None);
        assert_eq!(m.current, 3);
        update(&mut m, Action::Agenda);
        update(&mut m, Action::Close);
        assert_eq!((m.overlay, m.current), (Overlay::None, 3));
    }

    #[test]
    fn help_opens_and_closes_and_keys_do_not_leak_through() {
        let mut m = meeting();
        update(&mut m, Action::Help);
        assert_eq!(m.overlay, Overlay::Help);
        update(&mut m, Action::NextSection);
        assert_eq!(m.current, 0, "help is modal");
        update(&mut m, Action::Help);
        assert_eq!(m.overlay, Overlay::None);
    }

    #[test]
    fn presenting_toggles_and_hides_internal_items() {
        let mut m = meeting();
        assert!(m.shown_plan().issues.iter().any(|i| !i.visible));
        update(&mut m, Action::Presenting);
        assert!(m.presenting);
        assert!(m.shown_plan().issues.iter().all(|i| i.visible));
        assert!(m.shown_plan().risks.iter().all(|r| r.visible));
        let reasons = m.shown_derived().overall_reasons.join("\n");
        assert!(!reasons.contains("I-3"), "{reasons}");
        update(&mut m, Action::Presenting);
        assert!(!m.presenting);
    }

    #[test]
    fn quit_asks_the_loop_to_quit_from_anywhere() {
        let mut m = meeting();
        assert_eq!(update(&mut m, Action::Quit), [Effect::Quit]);
        update(&mut m, Action::Agenda);
        assert_eq!(update(&mut m, Action::Quit), [Effect::Quit]);
    }

    #[test]
    fn time_is_booked_to_the_section_it_was_spent_in() {
        let mut m = meeting();
        update(&mut m, Action::Tick(seconds(90)));
        update(&mut m, Action::NextSection);
        update(&mut m, Action::Tick(seconds(150)));
        assert_eq!(m.clock.section_seconds(0, m.current), 90);
        assert_eq!(m.clock.section_seconds(1, m.current), 60);
        update(&mut m, Action::PreviousSection);
        update(&mut m, Action::Tick(seconds(160)));
        assert_eq!(m.clock.section_seconds(0, m.current), 100);
        assert_eq!(m.clock.meeting_seconds(), 160);
        update(&mut m, Action::Tick(seconds(100)));
        assert_eq!(
            m.clock.meeting_seconds(),
            160,
            "the clock never runs backwards"
        );
    }

    #[test]
    fn questions_are_stepped_through_in_listen() {
        let mut m = meeting();
        update(&mut m, Action::NextSection);
        assert_eq!(m.section().kind, SectionKind::Listen);
        let n = m.section().questions.len();
        for _ in 0..n + 3 {
            update(&mut m, Action::Down);
        }
        assert_eq!(m.selected, n - 1);
        update(&mut m, Action::NextSection);
        assert_eq!(m.selected, 0, "a new section starts at its top");
    }
}
