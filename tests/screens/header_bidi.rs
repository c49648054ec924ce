//! The header row is drawn from the plan's project name and the section
//! title: bidi controls, zero-width characters and a BOM typed there never
//! reach the terminal, as from every other widget.

use crate::common;

use common::screen::render;
use resetpoint::tui::background::Background;

/// Characters that reorder or hide text without being seen.
const HIDDEN: [char; 10] = [
    '\u{202e}', '\u{202c}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200b}', '\u{200d}',
    '\u{feff}', '\u{200f}',
];

fn sneaky(text: &str) -> String {
    let mut out = String::new();
    for (c, hidden) in text.chars().zip(HIDDEN.iter().cycle()) {
        out.push(*hidden);
        out.push(c);
    }
    out
}

#[test]
fn no_hidden_character_reaches_the_header() {
    let mut plan = common::demo_plan();
    plan.project.name = sneaky("Northwind rebuild");
    let mut m = resetpoint::meeting::Meeting::new(
        plan,
        resetpoint::plan::model::AgendaName::Notes,
        resetpoint::meeting::Clock::at(common::meeting_start(), jiff::tz::TimeZone::UTC),
        false,
    );
    m.sections[0].title = sneaky("Call with Søren");
    for presenting in [false, true] {
        m.presenting = presenting;
        let terminal = render(&m, 100, 30, Background::Dark);
        let cells = terminal.backend().buffer().content();
        for cell in cells {
            assert!(
                !cell.symbol().chars().any(|c| HIDDEN.contains(&c)),
                "{:?} drawn in the header",
                cell.symbol()
            );
        }
        let top: String = cells[..100].iter().map(|c| c.symbol()).collect();
        assert!(top.contains("Northwind rebuild"), "{top}");
        assert!(top.contains("Call with Søren"), "{top}");
    }
}
