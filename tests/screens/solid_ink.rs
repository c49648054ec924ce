//! Graphics read on a projector: every mark of a chart or gauge is solid
//! ink in its colour (a shade ░ ▒ ▓ mixes ink with the page and measured
//! 1.2:1 in real pixels), critical risks look unlike high ones, and the
//! risk map takes the room it has when there is no risk to list beside it.

use crate::common;

use common::screen::render;
use ratatui::buffer::Buffer;
use resetpoint::agenda::SectionKind;
use resetpoint::tui::background::Background;

const SHADES: [&str; 3] = ["░", "▒", "▓"];

#[test]
fn no_screen_draws_a_shade() {
    for presenting in [false, true] {
        let mut m = common::every_section_meeting(common::demo_plan(), presenting);
        for n in 0..m.sections.len() {
            resetpoint::meeting::update(&mut m, resetpoint::meeting::Action::JumpTo(n));
            for background in [Background::Light, Background::Dark] {
                for (w, h) in [(80, 24), (120, 40)] {
                    let terminal = render(&m, w, h, background);
                    let shade = terminal
                        .backend()
                        .buffer()
                        .content()
                        .iter()
                        .find(|c| SHADES.contains(&c.symbol()));
                    assert!(
                        shade.is_none(),
                        "{:?} at {w}x{h} draws {:?}",
                        m.sections[n].kind,
                        shade.map(|c| c.symbol())
                    );
                }
            }
        }
    }
}

/// The style of the map's cell that shows `letter` (as in "1H").
fn cell_style(buffer: &Buffer, letter: &str) -> ratatui::style::Style {
    let area = buffer.area;
    for y in 0..area.height {
        for x in 1..area.width {
            let (digit, mark) = (&buffer[(x - 1, y)], &buffer[(x, y)]);
            if mark.symbol() == letter
                && digit.symbol().chars().all(|c| c.is_ascii_digit())
                && !digit.symbol().trim().is_empty()
            {
                return mark.style();
            }
        }
    }
    panic!("no map cell shows {letter}");
}

#[test]
fn critical_risks_look_unlike_high_ones() {
    let text = include_str!("../../assets/demo.toml");
    let plan = resetpoint::plan::load_bytes("demo.toml", text.as_bytes())
        .plan
        .unwrap();
    let mut m = common::every_section_meeting(plan, false);
    common::go_to(&mut m, SectionKind::Raid);
    // The demo has high risks (R-1 15, R-2 16) and a critical one (IR-1 20).
    let terminal = render(&m, 120, 40, Background::Dark);
    let buffer = terminal.backend().buffer();
    let high = cell_style(buffer, "H");
    let critical = cell_style(buffer, "C");
    assert_ne!(
        (high.fg, high.bg),
        (critical.fg, critical.bg),
        "high and critical share a look"
    );
}

#[test]
fn with_no_risk_to_list_the_map_takes_the_room() {
    let mut plan = common::demo_plan();
    plan.risks.clear();
    let mut m = common::every_section_meeting(plan, false);
    common::go_to(&mut m, SectionKind::Raid);
    let terminal = render(&m, 120, 40, Background::Dark);
    let screen = common::screen::screen_text(&terminal);
    // The map's axis is drawn "  └────", inside its panel: a space before it.
    let axis = screen
        .split(" └")
        .skip(1)
        .map(|after| after.chars().take_while(|c| *c == '─').count())
        .max()
        .expect("the map's axis is drawn");
    assert!(
        axis > 25,
        "the map's axis is {axis} columns: a 5×5 grid squeezed in an empty panel"
    );
}
