//! A third audience, our management: the reset-point's fourth question
//! (about people on our team who cause concern) is sensitive, as is any
//! question a plan marks `sensitive = true`. Its answers are typed masked
//! while presenting, never reach the shared screen or the projector, are
//! left out of the customer's and the team's minutes, and appear in
//! `minutes --audience management`.

use crate::common;

use common::{go_to, screen::render, screen::screen_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::tz::TimeZone;
use resetpoint::agenda::{SectionKind, sections};
use resetpoint::export::minutes::{Audience, html, markdown};
use resetpoint::meeting::{Action, Shared, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use resetpoint::tui::background::Background;

const SAID: &str = "Tomás misses every deadline";

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A reset-point meeting, presenting, with the fourth question answered.
fn answered() -> resetpoint::meeting::Meeting {
    let mut m = common::agenda_meeting(AgendaName::ResetPoint);
    update(&mut m, Action::Presenting);
    assert!(m.presenting);
    go_to(&mut m, SectionKind::Listen);
    let listen = m.section().clone();
    assert!(
        listen.questions[3].contains("causing you concern"),
        "{listen:?}"
    );
    assert!(listen.is_sensitive(3) && !listen.is_sensitive(0));
    for _ in 0..3 {
        update(&mut m, Action::Down);
    }
    update(&mut m, Action::Select);
    assert_eq!(
        m.draft.as_ref().and_then(|d| d.private_words()),
        Some("Sensitive answer"),
        "typed masked"
    );
    for c in SAID.chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    let screen = screen_text(&render(&m, 100, 30, Background::Dark));
    assert!(
        !screen.contains("misses every"),
        "typed on the shared screen:\n{screen}"
    );
    update(&mut m, key(KeyCode::Enter));
    m
}

#[test]
fn the_answer_never_reaches_a_shared_screen() {
    let m = answered();
    let answer = m.captures.last().expect("the answer is captured");
    assert!(answer.what.is_sensitive(), "{answer:?}");
    let screen = screen_text(&render(&m, 100, 30, Background::Dark));
    assert!(!screen.contains(SAID), "{screen}");
    let projector = format!("{:?}", Shared::presenting(&m));
    assert!(!projector.contains(SAID), "the follower is sent it");
}

#[test]
fn only_the_management_minutes_hold_it() {
    let mut m = answered();
    common::quit(&mut m);
    let record = Record::of(&m);
    let plan = Some(&m.plan);
    let zone = TimeZone::UTC;
    for audience in [Audience::Customer, Audience::Internal] {
        let md = markdown(&record, plan, &[], audience, &zone);
        assert!(!md.contains(SAID), "{audience:?}:\n{md}");
        assert!(!html(&record, plan, &[], audience, &zone).contains("misses every"));
    }
    let md = markdown(&record, plan, &[], Audience::Management, &zone);
    assert!(md.contains(SAID), "{md}");
    assert!(md.contains("Minutes for our management"), "{md}");
    assert!(html(&record, plan, &[], Audience::Management, &zone).contains("misses every"));
}

#[test]
fn a_plan_marks_its_own_questions_sensitive_and_a_typo_is_named() {
    let text = "[project]\nname = \"P\"\ncustomer = \"C\"\n[[agenda]]\nkind = \"listen\"\nquestions = [\"How is it going?\", { text = \"Who on our team worries you?\", sensitive = true }]\n";
    let checked = resetpoint::plan::load_bytes("p.toml", text.as_bytes());
    let report = checked.render();
    let plan = checked.plan.unwrap_or_else(|| panic!("{report}"));
    let listen = &sections(&plan, AgendaName::Plan)[0];
    assert_eq!(listen.questions[1], "Who on our team worries you?");
    assert!(listen.is_sensitive(1) && !listen.is_sensitive(0));

    let typo = text.replace("sensitive = true", "sensitiv = true");
    let checked = resetpoint::plan::load_bytes("p.toml", typo.as_bytes());
    assert!(
        checked.plan.is_none(),
        "a typo is not taken as a plain question"
    );
    assert!(
        checked.render().contains("p.toml:6"),
        "{}",
        checked.render()
    );
}

#[test]
fn minutes_take_the_management_audience() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = answered();
    common::quit(&mut m);
    let path = dir.path().join("2026-11-24-1400-reset-point.toml");
    std::fs::write(&path, Record::of(&m).to_toml()).unwrap();
    let path = path.to_str().unwrap();
    let out = common::resetpoint(dir.path(), &["minutes", path, "--audience", "management"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains(SAID), "{text}");
    let out = common::resetpoint(dir.path(), &["minutes", path, "--audience", "internal"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains(SAID));
}
