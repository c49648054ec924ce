//! What every fuzz target shares: the demo plan, a meeting over every
//! section kind, and the promise that output never carries a raw control
//! character.

#![allow(dead_code)]

use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use resetpoint::agenda::{DEFAULT_QUESTIONS, Section, SectionKind};
use resetpoint::meeting::{Clock, Meeting};
use resetpoint::plan::model::{AgendaName, Plan};

pub const DEMO: &str = include_str!("../../assets/demo.toml");

/// The demo plan, read once per process: every input starts from it.
pub fn demo_plan() -> Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        resetpoint::plan::load_bytes("demo.toml", DEMO.as_bytes())
            .plan
            .expect("the demo plan is valid")
    })
    .clone()
}

pub fn start() -> Timestamp {
    "2026-11-24T14:00:00Z".parse().expect("a fixed moment")
}

/// A meeting of the demo plan over every section kind, so any input can
/// reach every screen's rules.
pub fn meeting() -> Meeting {
    let sections = SectionKind::ALL
        .iter()
        .map(|&kind| Section {
            kind,
            title: kind.default_title().to_owned(),
            minutes: 5,
            questions: if kind == SectionKind::Listen {
                DEFAULT_QUESTIONS.iter().map(|q| (*q).to_owned()).collect()
            } else {
                Vec::new()
            },
            // The fourth question is sensitive, so its masked answer is reached too.
            sensitive: if kind == SectionKind::Listen { vec![3] } else { Vec::new() },
        })
        .collect();
    Meeting::with_sections(
        demo_plan(),
        AgendaName::Plan,
        sections,
        Clock::at(start(), TimeZone::UTC),
        false,
    )
}

/// Panics (a finding) when `text` holds anything a terminal would act on,
/// other than a newline.
pub fn assert_terminal_safe(text: &str) {
    if let Some(c) = text
        .chars()
        .find(|&c| c != '\n' && resetpoint::text::is_unsafe(c))
    {
        panic!("raw {c:?} in output: {text:?}");
    }
}

/// Draw the meeting at 80×24; a panic in any screen is a finding. Drawing
/// is most of an input's time, so targets draw once, at the end.
pub fn draw(meeting: &Meeting) {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use resetpoint::tui::config::Config;
    use resetpoint::tui::theme::Theme;
    use resetpoint::tui::view::{View, draw};
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let config =
        CONFIG.get_or_init(|| resetpoint::tui::config::load(None, false, false).expect("built-in config"));
    let theme = Theme {
        palette: config.palette,
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let view = View {
        meeting,
        theme: &theme,
        keymap: &config.keymap,
    };
    terminal
        .draw(|frame| draw(frame, &view))
        .expect("drawing to memory");
}
