//! `q` never drops out of a live meeting: before the last section it asks
//! (one line that fits at 80 columns) and only `y`, or Ctrl-C again,
//! leaves; at the last section it asks when the next meeting is, then ends
//! the meeting, records that date and writes the minutes.

use crate::common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resetpoint::meeting::update::{Change, LEAVE_QUESTION};
use resetpoint::meeting::{Action, DraftKind, Effect, Pending, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(m: &mut resetpoint::meeting::Meeting, text: &str) {
    for c in text.chars() {
        update(m, key(KeyCode::Char(c)));
    }
}

#[test]
fn q_asks_and_any_other_key_keeps_the_meeting_where_it_was() {
    let mut m = common::agenda_meeting(AgendaName::ResetPoint);
    for _ in 0..6 {
        update(&mut m, Action::NextSection);
    }
    let effects = update(&mut m, Action::Quit);
    assert!(!effects.contains(&Effect::Quit), "q alone never leaves");
    assert_eq!(m.pending, Some(Pending::Leave));
    assert_eq!(m.notice.as_deref(), Some(LEAVE_QUESTION));
    assert!(
        unicode_width::UnicodeWidthStr::width(LEAVE_QUESTION) <= 80,
        "the question fits at 80 columns"
    );
    // Esc, another q, a section key: each keeps going, and does nothing else.
    for answer in [
        key(KeyCode::Esc),
        key(KeyCode::Char('q')),
        Action::NextSection,
    ] {
        if m.pending.is_none() {
            update(&mut m, Action::Quit);
        }
        let effects = update(&mut m, answer.clone());
        assert!(!effects.contains(&Effect::Quit), "{answer:?} stays");
        assert_eq!(m.current, 6, "{answer:?} does nothing else");
        assert_eq!(
            m.notice.as_deref(),
            Some("Still in the meeting."),
            "{answer:?}"
        );
    }
    update(&mut m, Action::Quit);
    let effects = update(&mut m, key(KeyCode::Char('y')));
    assert!(effects.contains(&Effect::Quit), "y leaves");
    assert!(m.ended.is_none(), "unfinished, to resume");
    assert!(!effects.contains(&Effect::WriteMinutes));
}

#[test]
fn ctrl_c_asks_too_even_in_a_field_and_ctrl_c_again_leaves() {
    let mut m = common::agenda_meeting(AgendaName::Status);
    update(&mut m, Action::Note);
    type_text(&mut m, "half a thought");
    let effects = update(&mut m, Action::Quit);
    assert!(!effects.contains(&Effect::Quit));
    assert_eq!(m.pending, Some(Pending::Leave));
    // Not typed into the field: the answer is an answer.
    update(&mut m, key(KeyCode::Char('n')));
    assert_eq!(m.draft.as_ref().unwrap().text(), "half a thought");
    update(&mut m, Action::Quit);
    let effects = update(&mut m, Action::Quit);
    assert!(effects.contains(&Effect::Quit));
    assert_eq!(
        m.draft.as_ref().unwrap().text(),
        "half a thought",
        "the field is kept, to resume"
    );
}

#[test]
fn the_end_asks_for_the_next_meeting_records_it_and_writes_the_minutes() {
    let mut m = common::agenda_meeting(AgendaName::ResetPoint);
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    update(&mut m, Action::Quit);
    assert_eq!(
        m.draft.as_ref().map(|d| d.kind),
        Some(DraftKind::NextMeeting),
        "q at the last section asks when the next meeting is"
    );
    let notice = m.notice.clone().unwrap();
    assert!(
        unicode_width::UnicodeWidthStr::width(notice.as_str()) <= 80,
        "{notice}"
    );
    // Esc: the meeting goes on.
    update(&mut m, key(KeyCode::Esc));
    assert!(m.draft.is_none() && m.ended.is_none());
    update(&mut m, Action::Quit);
    // What cannot be read keeps the field open and says how to write it.
    type_text(&mut m, "next week");
    let effects = update(&mut m, key(KeyCode::Enter));
    assert!(!effects.contains(&Effect::Quit));
    assert!(
        m.notice.as_deref().unwrap().contains("fri 10:00"),
        "{:?}",
        m.notice
    );
    for _ in 0.."next week".len() {
        update(&mut m, key(KeyCode::Backspace));
    }
    // 24 Nov 2026 is a Tuesday: fri is the 27th.
    type_text(&mut m, "fri 10:00");
    let effects = update(&mut m, key(KeyCode::Enter));
    assert!(effects.contains(&Effect::Quit));
    assert!(effects.contains(&Effect::WriteMinutes), "{effects:?}");
    assert!(m.ended.is_some());
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::Journal {
            change: Change::NextMeeting { next: Some(_) },
            ..
        }
    )));
    let record = Record::of(&m);
    let next = record
        .meeting
        .next
        .expect("the record holds the next meeting");
    assert_eq!(next.to_string(), "Fri 27 Nov 2026, 10:00");
    let text = record.to_toml();
    assert!(text.contains("next = \"2026-11-27 10:00\""), "{text}");
}

#[test]
fn enter_on_empty_ends_the_meeting_with_no_next_date() {
    let mut m = common::agenda_meeting(AgendaName::Status);
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    update(&mut m, Action::Quit);
    let effects = update(&mut m, key(KeyCode::Enter));
    assert!(effects.contains(&Effect::Quit));
    assert!(m.ended.is_some());
    assert!(m.next_meeting.is_none());
}

#[test]
fn a_document_written_a_moment_late_never_hides_the_question() {
    // The minutes asked for with `m` are written by the store on its own
    // thread; the word that they were can come after `q` has asked.
    let mut m = common::agenda_meeting(AgendaName::ResetPoint);
    for _ in 0..6 {
        update(&mut m, Action::NextSection);
    }
    update(&mut m, Action::Quit);
    update(&mut m, Action::Wrote("/records/minutes.md".into()));
    assert_eq!(m.notice.as_deref(), Some(LEAVE_QUESTION));
    // At the last section: the question of the next meeting stays too.
    update(&mut m, key(KeyCode::Esc));
    while m.current + 1 < m.sections.len() {
        update(&mut m, Action::NextSection);
    }
    update(&mut m, Action::Quit);
    let asked = m.notice.clone();
    assert!(
        asked.as_deref().is_some_and(|n| n.contains("Ending:")),
        "{asked:?}"
    );
    update(&mut m, Action::Wrote("/records/minutes.md".into()));
    assert_eq!(m.notice, asked);
    // With no question asked, the path is told.
    update(&mut m, key(KeyCode::Esc));
    update(&mut m, Action::Wrote("/records/minutes.md".into()));
    assert_eq!(m.notice.as_deref(), Some("Written: /records/minutes.md"));
}
