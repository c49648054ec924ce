//! Speaker notes on the PM's laptop: at the foot of the section in the
//! private view, cut short with a mark when long, and absent while
//! presenting; a plan's own agenda gives each section its own.

use crate::common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::tui::background::Background;

const DEMO: &str = include_str!("../../assets/demo.toml");

const LISTEN: &str = "Let Søren finish; do not defend October. 先听后说.";

fn meeting(extra: &str, presenting: bool) -> Meeting {
    let text = format!("{DEMO}{extra}");
    let checked = load_bytes("demo.toml", text.as_bytes());
    let report = checked.render();
    let plan = checked.plan.unwrap_or_else(|| panic!("{report}"));
    common::every_section_meeting(plan, presenting)
}

fn drawn(m: &mut Meeting, kind: SectionKind) -> Terminal<TestBackend> {
    let n = m.sections.iter().position(|s| s.kind == kind).unwrap();
    update(m, Action::JumpTo(n));
    common::screen::render(m, 80, 24, Background::Dark)
}

fn at(m: &mut Meeting, kind: SectionKind) -> String {
    common::screen::screen_text(&drawn(m, kind))
}

#[test]
fn the_notes_are_at_the_foot_of_the_section_in_the_private_view_only() {
    let notes = format!("\n[speaker_notes]\nlisten = \"{LISTEN}\"\n");
    let mut private = meeting(&notes, false);
    let terminal = drawn(&mut private, SectionKind::Listen);
    let text = common::screen::screen_text(&terminal);
    assert!(text.contains("Your notes: Let Søren finish"), "{text}");
    insta::assert_snapshot!("speaker_notes_private_80x24", terminal.backend());
    // A section with none shows none.
    let text = at(&mut private, SectionKind::Status);
    assert!(!text.contains("Your notes"), "{text}");

    let mut presenting = meeting(&notes, true);
    let text = at(&mut presenting, SectionKind::Listen);
    assert!(!text.contains("Your notes"), "{text}");
    assert!(!text.contains("Søren finish"), "{text}");
}

#[test]
fn long_notes_keep_the_section_in_view_and_say_they_go_on() {
    let long = "Open with the apology, then the three facts. ".repeat(12);
    let notes = format!("\n[speaker_notes]\nlisten = \"{long}\"\n");
    let mut private = meeting(&notes, false);
    let text = at(&mut private, SectionKind::Listen);
    let noted: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("apology") || l.contains("facts"))
        .collect();
    assert!(noted.len() <= 3, "at most three rows:\n{text}");
    assert!(text.contains(" …"), "cut short with a mark:\n{text}");
    // The section's own questions are still on screen.
    assert!(text.contains("What is your view of the project"), "{text}");
}

#[test]
fn a_plans_own_agenda_gives_each_section_its_notes() {
    let agenda = "
[[agenda]]
kind = \"welcome\"
notes = \"Introduce Priya first\"

[[agenda]]
kind = \"listen\"
notes = \"Silence is fine\"

[speaker_notes]
listen = \"Not this one: the agenda's own wins\"
welcome = \"Not this one either\"
";
    let checked = load_bytes("demo.toml", format!("{DEMO}{agenda}").as_bytes());
    let plan = checked.plan.expect("valid");
    let mut m = Meeting::new(
        plan,
        resetpoint::plan::model::AgendaName::Plan,
        resetpoint::meeting::Clock::at(common::meeting_start(), jiff::tz::TimeZone::UTC),
        false,
    );
    let text = at(&mut m, SectionKind::Welcome);
    assert!(text.contains("Your notes: Introduce Priya first"), "{text}");
    let text = at(&mut m, SectionKind::Listen);
    assert!(text.contains("Your notes: Silence is fine"), "{text}");
}
