//! Every section's screen, drawn with ratatui's TestBackend on the demo
//! plan at 80×24 and 120×40, in the PM's private view and presenting mode.

use crate::common;

use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::{Section, SectionKind};
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::plan::model::Rag;
use resetpoint::tui::background::Background;
use resetpoint::tui::theme::Theme;

const DEMO: &str = include_str!("../../assets/demo.toml");

/// Words that appear only in the demo plan's internal (visible = false) items.
const INTERNAL: [&str; 4] = [
    "Two developers rotated",
    "Margin on this account",
    "Key tech lead leaves",
    "[internal]",
];

fn start() -> Timestamp {
    "2026-11-24T14:00:00Z".parse().unwrap()
}

/// A meeting over every section kind, 95 seconds into its first section.
fn meeting(presenting: bool) -> Meeting {
    common::every_section_meeting(
        load_bytes("demo.toml", DEMO.as_bytes()).plan.unwrap(),
        presenting,
    )
}

fn render(m: &Meeting, width: u16, height: u16) -> Terminal<TestBackend> {
    common::screen::render(m, width, height, Background::Dark)
}

fn go_to(m: &mut Meeting, index: usize) {
    update(m, Action::JumpTo(index));
}

#[test]
fn every_section_at_80x24_and_120x40() {
    for (index, kind) in SectionKind::ALL.iter().enumerate() {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut m = meeting(false);
            go_to(&mut m, index);
            let terminal = render(&m, width, height);
            let text = common::screen::screen_text(&terminal);
            assert!(
                text.contains(kind.default_title()),
                "{kind:?} shows its title"
            );
            assert!(
                text.contains(&format!("{}/13", index + 1)),
                "{kind:?} shows n/m"
            );
            insta::assert_snapshot!(
                format!("{}_{width}x{height}", kind.key()),
                terminal.backend()
            );
        }
    }
}

#[test]
fn presenting_mode_draws_no_internal_item_on_any_screen() {
    for (index, kind) in SectionKind::ALL.iter().enumerate() {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut m = meeting(true);
            go_to(&mut m, index);
            let terminal = render(&m, width, height);
            let text = common::screen::screen_text(&terminal);
            for word in INTERNAL {
                assert!(
                    !text.contains(word),
                    "{kind:?} at {width}x{height} shows {word:?}"
                );
            }
            insta::assert_snapshot!(
                format!("presenting_{}_{width}x{height}", kind.key()),
                terminal.backend()
            );
        }
    }
}

#[test]
fn the_private_view_marks_internal_items() {
    let mut m = meeting(false);
    let raid = SectionKind::ALL
        .iter()
        .position(|k| *k == SectionKind::Raid)
        .unwrap();
    go_to(&mut m, raid);
    let text = common::screen::screen_text(&render(&m, 120, 40));
    assert!(text.contains("[internal] Two developers"), "{text}");
    assert!(text.contains("[internal]"));
}

#[test]
fn overlays_for_help_and_agenda() {
    let mut m = meeting(false);
    update(&mut m, Action::Help);
    let help = render(&m, 80, 24);
    assert!(common::screen::screen_text(&help).contains("presenting mode"));
    insta::assert_snapshot!("help_80x24", help.backend());
    update(&mut m, Action::Close);
    update(&mut m, Action::Agenda);
    update(&mut m, Action::Down);
    let agenda = render(&m, 80, 24);
    insta::assert_snapshot!("agenda_80x24", agenda.backend());
}

#[test]
fn a_small_window_gets_a_polite_notice() {
    let m = meeting(false);
    let terminal = render(&m, 79, 24);
    let text = common::screen::screen_text(&terminal);
    assert!(text.contains("Please make the window larger"), "{text}");
    insta::assert_snapshot!("too_small_79x24", terminal.backend());
}

#[test]
fn no_panic_at_any_size_on_any_screen() {
    let widths = [1, 2, 3, 10, 40, 79, 80, 81, 100, 119, 120, 160, 200, 250];
    let heights = [1, 2, 3, 5, 23, 24, 25, 30, 40, 70];
    for index in 0..SectionKind::ALL.len() {
        let mut m = meeting(false);
        go_to(&mut m, index);
        for &w in &widths {
            for &h in &heights {
                render(&m, w, h);
            }
        }
        update(&mut m, Action::Agenda);
        render(&m, 80, 24);
        render(&m, 250, 70);
    }
}

#[test]
fn the_timebox_goes_amber_then_red_in_the_header() {
    let mut m = meeting(false);
    let dark = Theme::for_background(Background::Dark);
    let amber = dark.colour_of(Rag::Amber).unwrap();
    let red = dark.colour_of(Rag::Red).unwrap();
    let section_timer = |m: &Meeting| {
        let terminal = render(m, 80, 24);
        let buffer = terminal.backend().buffer().clone();
        let text = common::screen::screen_text(&terminal);
        let at = text.find("section ").unwrap() + "section ".len();
        let col = text[..at].chars().count() as u16 % 80;
        buffer[(col, 1)].fg
    };
    update(
        &mut m,
        Action::Tick(start() + SignedDuration::from_secs(240)),
    );
    assert_eq!(section_timer(&m), amber, "4:00 of 5:00 is 80 %");
    update(
        &mut m,
        Action::Tick(start() + SignedDuration::from_secs(301)),
    );
    assert_eq!(section_timer(&m), red, "over the timebox");
}

#[test]
fn every_valid_fixture_plan_draws_every_screen() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        let plan = resetpoint::plan::load_file(&path).unwrap().plan.unwrap();
        let sections: Vec<Section> = SectionKind::ALL
            .iter()
            .map(|&kind| Section {
                kind,
                title: kind.default_title().to_owned(),
                minutes: 5,
                questions: Vec::new(),
                sensitive: Vec::new(),
            })
            .collect();
        for presenting in [false, true] {
            let mut m = Meeting::with_sections(
                plan.clone(),
                AgendaName::Plan,
                sections.clone(),
                Clock::at(start(), TimeZone::UTC),
                presenting,
            );
            for (index, kind) in SectionKind::ALL.iter().enumerate() {
                go_to(&mut m, index);
                for (w, h) in [(80, 24), (120, 40)] {
                    let text = common::screen::screen_text(&render(&m, w, h));
                    assert!(text.contains(kind.default_title()), "{path:?} {kind:?}");
                }
            }
        }
    }
}

#[test]
fn an_open_field_a_notice_and_a_banner_draw_at_every_size() {
    let mut m = meeting(false);
    update(&mut m, Action::Note);
    for c in
        "日本語 ✅ and a long line that wraps around the field more than once, on purpose".chars()
    {
        update(
            &mut m,
            Action::Type(crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            )),
        );
    }
    update(
        &mut m,
        Action::SaveFailed("Cannot save to meetings/x.toml: No space left on device.".into()),
    );
    for (w, h) in [(1, 1), (10, 3), (80, 24), (120, 40), (250, 70)] {
        render(&m, w, h);
    }
    let text = common::screen::screen_text(&render(&m, 80, 24));
    // Wide characters take two cells; the second reads as a space here.
    assert!(text.contains("日 本 語"), "{text}");
    assert!(
        text.contains("Cannot save"),
        "the banner shows while a field is open"
    );
    insta::assert_snapshot!("field_and_banner_80x24", render(&m, 80, 24).backend());
}
