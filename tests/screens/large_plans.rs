//! Plans far larger than any real one still load and draw: 65,534 milestones
//! or questions once overflowed a `u16` row count on the status and listen
//! screens (a fuzzing find).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::{View, draw};

const MANY: usize = 65_534;

fn meeting(plan_text: &str) -> Meeting {
    let checked = load_bytes("large.toml", plan_text.as_bytes());
    let report = checked.render();
    let plan = checked
        .plan
        .unwrap_or_else(|| panic!("the plan loads: {report}"));
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    Meeting::new(
        plan,
        AgendaName::Plan,
        Clock::at(start, TimeZone::UTC),
        false,
    )
}

/// Every screen of the meeting, and the agenda overlay, drawn at 80×24.
fn draw_every_screen(m: &mut Meeting) -> Vec<String> {
    let config = resetpoint::tui::config::load(None, false, false).unwrap();
    let theme = Theme {
        palette: config.palette,
    };
    let mut screens = Vec::new();
    for n in 0..m.sections.len().min(20) {
        update(m, Action::JumpTo(n));
        for overlay in [false, true] {
            if overlay {
                update(m, Action::Agenda);
            }
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            let view = View {
                meeting: m,
                theme: &theme,
                keymap: &config.keymap,
            };
            terminal.draw(|frame| draw(frame, &view)).unwrap();
            let text: String = terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol())
                .collect();
            screens.push(text);
            if overlay {
                update(m, Action::Close);
            }
        }
    }
    screens
}

#[test]
fn sixty_five_thousand_milestones_draw() {
    let mut text = String::from(
        "[project]\nname = \"Big\"\ncustomer = \"Acme\"\n\n[[agenda]]\nkind = \"status\"\ntitle = \"Where we are\"\nminutes = 10\n\n",
    );
    for n in 0..MANY {
        text.push_str(&format!(
            "[[milestones]]\nname = \"M{n}\"\nbaseline = 2026-12-07\n"
        ));
    }
    let mut m = meeting(&text);
    assert_eq!(m.section().kind, SectionKind::Status);
    let screens = draw_every_screen(&mut m);
    assert!(screens[0].contains("M0"), "{}", screens[0]);
}

#[test]
fn sixty_five_thousand_questions_and_sections_draw() {
    let questions: Vec<String> = (0..MANY).map(|n| format!("\"Q{n}?\"")).collect();
    let mut text = format!(
        "[project]\nname = \"Big\"\ncustomer = \"Acme\"\n\n[[agenda]]\nkind = \"listen\"\ntitle = \"Your view\"\nminutes = 10\nquestions = [{}]\n\n",
        questions.join(", ")
    );
    for _ in 0..MANY {
        text.push_str("[[agenda]]\nkind = \"review\"\ntitle = \"R\"\nminutes = 1\n");
    }
    let mut m = meeting(&text);
    assert_eq!(m.section().kind, SectionKind::Listen);
    let screens = draw_every_screen(&mut m);
    assert!(screens[0].contains("Q0?"), "{}", screens[0]);
}
