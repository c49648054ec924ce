//! Keys become actions without a terminal: a text field that has focus
//! takes every key first, and the keymap answers only when nothing does.

use crate::common;

use common::{demo_plan, every_section_meeting};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resetpoint::meeting::{Action, Meeting, Pending, update};
use resetpoint::tui::keymap::{Keymap, key_action};

fn keymap() -> Keymap {
    resetpoint::tui::config::load(None, false, false)
        .unwrap()
        .keymap
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Keys that mean something to the keymap, and that a field must type instead.
const BOUND: [KeyCode; 8] = [
    KeyCode::Char('q'),
    KeyCode::Char('n'),
    KeyCode::Char('g'),
    KeyCode::Char('?'),
    KeyCode::Char('p'),
    KeyCode::Right,
    KeyCode::Tab,
    KeyCode::Esc,
];

/// Every key the keymap knows goes to what has focus, as typed.
fn every_bound_key_is_typed(m: &Meeting, focus: &str) {
    let keys = keymap();
    for code in BOUND {
        assert_eq!(
            key_action(m, &keys, key(code)),
            Some(Action::Type(key(code))),
            "{code:?} goes to {focus}"
        );
    }
}

fn meeting() -> Meeting {
    every_section_meeting(demo_plan(), true)
}

#[test]
fn with_no_field_open_the_keymap_answers() {
    let m = meeting();
    let keys = keymap();
    assert_eq!(
        key_action(&m, &keys, key(KeyCode::Char('q'))),
        Some(Action::Quit)
    );
    assert_eq!(
        key_action(&m, &keys, key(KeyCode::Char('n'))),
        Some(Action::Note)
    );
    assert_eq!(
        key_action(&m, &keys, key(KeyCode::Right)),
        Some(Action::NextSection)
    );
    assert_eq!(key_action(&m, &keys, key(KeyCode::Char('§'))), None);
}

#[test]
fn an_open_text_field_takes_every_key_first() {
    let mut m = meeting();
    update(&mut m, Action::Note);
    assert!(m.draft.is_some(), "n opens the note field");
    every_bound_key_is_typed(&m, "the note field");
}

#[test]
fn ctrl_c_still_quits_from_an_open_field() {
    let mut m = meeting();
    update(&mut m, Action::Note);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(key_action(&m, &keymap(), ctrl_c), Some(Action::Quit));
}

#[test]
fn the_leave_presenting_question_takes_any_key_as_its_answer() {
    let mut m = meeting();
    update(&mut m, Action::Presenting);
    assert_eq!(m.pending, Some(Pending::LeavePresenting));
    every_bound_key_is_typed(&m, "the question");
}
