//! The timer says its state in words as well as colour — "1 min left" from
//! 80 % of the timebox, "over by 0:01" from the first second over — and a
//! header too long for the screen is cut with "…", the project name first.
//! Drawn without colour, as `NO_COLOR` asks: the words alone must tell.

use crate::common;

use jiff::SignedDuration;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::background::Background;

/// The header's two rows after `seconds` on the status section (8 min).
fn header(seconds: i64, width: u16, height: u16) -> String {
    let mut m = common::agenda_meeting(AgendaName::ResetPoint);
    m.plan.project.name = "Shipment Tracking Rebuild for Northwind Logistics and its depots".into();
    common::go_to(&mut m, SectionKind::Status);
    update(
        &mut m,
        Action::Tick(common::meeting_start() + SignedDuration::from_secs(seconds)),
    );
    let terminal = common::screen::render(&m, width, height, Background::Unknown);
    let buffer = terminal.backend().buffer();
    (0..2)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_timer_says_amber_and_over_in_words_at_every_size() {
    for (w, h) in [(80, 24), (100, 30)] {
        let calm = header(60, w, h);
        assert!(
            !calm.contains("left") && !calm.contains("over by"),
            "{calm}"
        );
        let amber = header(7 * 60, w, h);
        assert!(amber.contains("1 min left"), "{amber}");
        let over = header(8 * 60 + 1, w, h);
        assert!(over.contains("over by 0:01"), "{over}");
        insta::assert_snapshot!(format!("timer_over_{w}x{h}"), over);
    }
}

#[test]
fn a_long_project_name_gives_way_and_says_it_was_cut() {
    let top = header(60, 80, 24);
    let first = top.lines().next().unwrap();
    assert!(
        first.contains("Where the project stands"),
        "the title whole: {first}"
    );
    assert!(first.contains('…'), "the name cut visibly: {first}");
    insta::assert_snapshot!("header_long_name_80x24", top);
}
