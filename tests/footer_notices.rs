//! Every notice fits the footer at 80×24: one wider than the screen wraps
//! onto a second row, so its last words — the key to go on — are always
//! on screen. Checked for the notices a meeting raises, drawn as a PM
//! would meet them, on the laptop and while presenting.

mod common;

use common::screen::{render, screen_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::background::Background;

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(m: &mut Meeting, open: Action, text: &str) {
    update(m, open);
    for c in text.chars() {
        update(m, key(KeyCode::Char(c)));
    }
    update(m, key(KeyCode::Enter));
}

/// The last words of the notice showing, as they must appear on screen.
fn tail(m: &Meeting) -> String {
    // What this screen shows: a private field's question is hidden while
    // presenting, behind a notice of its own.
    let notice = resetpoint::meeting::Shared::of(m)
        .notice
        .expect("a notice shows");
    let words: Vec<&str> = notice.split_whitespace().collect();
    words[words.len().saturating_sub(3)..].join(" ")
}

fn assert_whole(m: &Meeting, what: &str) {
    let screen = screen_text(&render(m, 80, 24, Background::Dark));
    // The screen text has no line breaks: a wrapped notice reads on.
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let tail = tail(m);
    assert!(
        flat.contains(&tail),
        "{what}: {tail:?} is cut off:\n{screen}"
    );
}

/// Notices a meeting raises, each from a fresh meeting.
fn scenarios() -> Vec<(&'static str, Meeting)> {
    let mut out = Vec::new();
    let fresh = || {
        let mut m = common::agenda_meeting(AgendaName::ResetPoint);
        m.plan.project.name = "Shipment Tracking Rebuild for Northwind Logistics".into();
        m
    };

    let mut m = fresh();
    common::go_to(&mut m, SectionKind::Listen);
    update(&mut m, Action::NewAction);
    out.push(("held back while listening", m));

    let mut m = fresh();
    common::go_to(&mut m, SectionKind::Status);
    typed(&mut m, Action::NewAction, "Call the vendor @Prya");
    out.push(("did you mean", m));

    let mut m = fresh();
    common::go_to(&mut m, SectionKind::Status);
    typed(
        &mut m,
        Action::NewAction,
        "Call the vendor @Bartholomew-Featherstonehaugh",
    );
    out.push(("a guest, with a long name", m));

    let mut m = fresh();
    common::go_to(&mut m, SectionKind::Status);
    typed(
        &mut m,
        Action::NewAction,
        "Call the vendor @sam due:whenever",
    );
    out.push(("not a date", m));

    let mut m = fresh();
    common::go_to(&mut m, SectionKind::Raid);
    typed(&mut m, Action::Risk, "Vendor may fold @sam");
    out.push(("a risk unscored", m));

    let mut m = fresh();
    update(&mut m, Action::Presenting);
    update(&mut m, Action::Presenting);
    out.push(("show internal items?", m));

    let mut m = fresh();
    update(&mut m, Action::Presenting);
    common::go_to(&mut m, SectionKind::Raid);
    update(&mut m, Action::InternalRisk);
    for c in "Margin @Prya p:2 i:2".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    update(&mut m, key(KeyCode::Enter));
    out.push(("a private field's question, presenting", m));

    let mut m = fresh();
    update(&mut m, Action::Quit);
    out.push(("leave now?", m));

    let mut m = fresh();
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    update(&mut m, Action::Quit);
    out.push(("the end of the meeting", m));
    out
}

#[test]
fn every_notice_is_whole_at_80_by_24() {
    for (what, m) in scenarios() {
        assert_whole(&m, what);
    }
}

#[test]
fn the_two_notices_that_were_cut_wrap_onto_a_second_row() {
    for (what, m) in scenarios() {
        let name = match what {
            "held back while listening" => "notice_listening_80x24",
            "a private field's question, presenting" => "notice_private_presenting_80x24",
            _ => continue,
        };
        insta::assert_snapshot!(name, render(&m, 80, 24, Background::Dark).backend());
    }
}
