//! Every notice fits the footer at 80×24: one wider than the screen wraps
//! onto a second row, so its last words — the key to go on — are always
//! on screen. Checked for the notices a meeting raises, drawn as a PM
//! would meet them, on the laptop and while presenting.

use crate::common;

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
    out.extend(every_other_notice(fresh));
    out
}

/// A fresh meeting at the first section of `kind`.
fn at(fresh: fn() -> Meeting, kind: SectionKind) -> Meeting {
    let mut m = fresh();
    common::go_to(&mut m, kind);
    m
}

/// An action typed at the status screen.
fn action_typed(fresh: fn() -> Meeting, line: &str) -> Meeting {
    let mut m = at(fresh, SectionKind::Status);
    typed(&mut m, Action::NewAction, line);
    m
}

/// A risk typed at the risks screen.
fn risk_typed(fresh: fn() -> Meeting, line: &str) -> Meeting {
    let mut m = at(fresh, SectionKind::Raid);
    typed(&mut m, Action::Risk, line);
    m
}

/// Every other place the meeting sets a notice (`meeting.notice = Some`,
/// and the questions a field asks when its line cannot be taken), each
/// reached as a PM reaches it. Where a notice quotes what was typed, it
/// is typed far longer than anyone would.
fn every_other_notice(fresh: fn() -> Meeting) -> Vec<(&'static str, Meeting)> {
    let long = "x".repeat(200);
    let mut out = Vec::new();

    // Questions a field asks about its line.
    out.push((
        "a long name nobody is near",
        action_typed(fresh, &format!("Call the vendor @{long}")),
    ));
    out.push((
        "two owners, long names",
        action_typed(fresh, &format!("Call @{long} @{long}")),
    ));
    out.push((
        "a long date that is not one",
        action_typed(fresh, &format!("Call the vendor @sam due:{long}")),
    ));
    out.push((
        "a second due date",
        action_typed(fresh, &format!("Call the vendor @sam due:fri due:{long}")),
    ));
    out.push((
        "#internal on an action",
        action_typed(fresh, "Call the vendor @sam #internal"),
    ));
    out.push(("an action with no words", action_typed(fresh, "@sam")));
    out.push((
        "a weekend day",
        action_typed(fresh, "Call the vendor @sam due:+4d"),
    ));
    out.push(("a risk with no words", risk_typed(fresh, "@sam p:2 i:2")));
    out.push((
        "a risk with a due date",
        risk_typed(fresh, "Vendor may fold @sam due:fri p:2 i:2"),
    ));
    out.push((
        "a risk's score is no number",
        risk_typed(fresh, &format!("Vendor may fold p:{long}")),
    ));
    out.push((
        "a risk scored twice",
        risk_typed(fresh, &format!("Vendor may fold p:2 i:2 p:{long}")),
    ));
    let mut m = at(fresh, SectionKind::Rules);
    typed(&mut m, Action::Signoff, &long);
    out.push(("a sign-off with no decision", m));
    let mut m = at(fresh, SectionKind::Proposals);
    typed(&mut m, Action::Select, &long);
    out.push(("a buy-in with no verdict", m));
    let mut m = at(fresh, SectionKind::Proposals);
    typed(&mut m, Action::Select, "2");
    out.push(("agreed with changes", m));
    let mut m = at(fresh, SectionKind::Proposals);
    typed(&mut m, Action::Select, "2");
    update(&mut m, key(KeyCode::Char(' ')));
    update(&mut m, key(KeyCode::Enter));
    out.push(("the changes left out", m));
    let mut m = at(fresh, SectionKind::Pulse);
    typed(&mut m, Action::Select, &long);
    out.push(("a pulse with no score", m));
    let last = fresh().sections.len() - 1;
    let mut m = fresh();
    update(&mut m, Action::JumpTo(last));
    update(&mut m, Action::Quit);
    for c in long.chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    update(&mut m, key(KeyCode::Enter));
    out.push(("the next meeting is no date", m));

    // Keys that are not for this screen, or ask first.
    let mut m = fresh();
    update(&mut m, Action::Signoff);
    out.push(("sign-off elsewhere", m));
    let mut m = fresh();
    update(&mut m, Action::CustomerTask);
    out.push(("a customer task elsewhere", m));
    let mut m = fresh();
    update(&mut m, Action::Minutes);
    out.push(("minutes elsewhere", m));
    let mut m = at(fresh, SectionKind::Review);
    update(&mut m, Action::Minutes);
    out.push(("writing the minutes", m));
    let mut m = fresh();
    update(&mut m, Action::DealCard);
    out.push(("cards elsewhere", m));
    let mut m = fresh();
    update(&mut m, Action::BlankProjector);
    out.push(("the projector blank", m));
    let mut m = fresh();
    update(&mut m, Action::BlankProjector);
    update(&mut m, Action::BlankProjector);
    out.push(("the projector back", m));
    let mut m = fresh();
    update(&mut m, Action::Presenting);
    update(&mut m, Action::Presenting);
    update(&mut m, Action::Down);
    out.push(("still presenting", m));
    let mut m = fresh();
    update(&mut m, Action::Quit);
    update(&mut m, key(KeyCode::Esc));
    out.push(("still in the meeting", m));
    let mut m = fresh();
    update(&mut m, Action::Edit);
    out.push(("nothing to edit", m));
    let mut m = fresh();
    update(&mut m, Action::Delete);
    out.push(("nothing to delete", m));
    let mut m = action_typed(fresh, "Call the vendor @sam");
    update(&mut m, Action::Delete);
    out.push(("delete this?", m));
    let mut m = action_typed(fresh, "Call the vendor @sam");
    update(&mut m, Action::Delete);
    update(&mut m, Action::Delete);
    out.push(("deleted", m));
    let mut m = at(fresh, SectionKind::CustomerTasks);
    update(&mut m, Action::Select);
    update(&mut m, Action::Edit);
    out.push(("changed on its row", m));
    let mut m = at(fresh, SectionKind::CustomerTasks);
    update(&mut m, Action::Select);
    out.push(("a task accepted", m));
    let mut m = fresh();
    update(&mut m, Action::Note);
    update(&mut m, key(KeyCode::Char('x')));
    update(&mut m, key(KeyCode::Esc));
    out.push(("left unsent", m));
    let mut m = fresh();
    update(&mut m, Action::Note);
    update(&mut m, key(KeyCode::Char('x')));
    update(&mut m, key(KeyCode::Esc));
    update(&mut m, Action::Note);
    out.push(("unsent text back", m));
    let mut m = fresh();
    update(
        &mut m,
        Action::Wrote(format!("/home/pm/{}/minutes.md", "a".repeat(120))),
    );
    out.push(("a file written", m));
    out
}

#[test]
fn every_notice_is_whole_at_80_by_24() {
    for (what, m) in scenarios() {
        assert_whole(&m, what);
    }
}

#[test]
fn every_notice_is_whole_while_presenting_too() {
    for (what, mut m) in scenarios() {
        m.presenting = true;
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
