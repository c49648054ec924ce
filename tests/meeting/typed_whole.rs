//! Every character typed ends up somewhere: in the title, as the owner, or
//! in a clear question that keeps the field open. "Did you mean" is taken
//! with Enter; a guest is a deliberate Tab. Dates read as a PM says them,
//! and one that lands on a weekend is said to.

use crate::common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Capture, Meeting, update};
use resetpoint::plan::model::AgendaName;
use unicode_width::UnicodeWidthStr as _;

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

fn meeting() -> Meeting {
    let mut m = common::agenda_meeting(AgendaName::Status);
    common::go_to(&mut m, SectionKind::Status);
    m
}

/// Open an action, type `text`, press Enter.
fn action(m: &mut Meeting, text: &str) {
    update(m, Action::NewAction);
    for c in text.chars() {
        update(m, key(KeyCode::Char(c)));
    }
    update(m, key(KeyCode::Enter));
}

fn last_action(m: &Meeting) -> (String, Option<String>, Option<jiff::civil::Date>) {
    match &m.captures.last().expect("an item").what {
        Capture::Action {
            title, owner, due, ..
        } => (title.clone(), owner.clone(), *due),
        other => panic!("not an action: {other:?}"),
    }
}

#[test]
fn an_at_that_is_no_name_is_kept_in_the_title() {
    let mut m = meeting();
    action(&mut m, "@SUM(1+1) then @sam");
    assert_eq!(
        last_action(&m),
        ("@SUM(1+1) then".to_owned(), Some("sam".to_owned()), None)
    );
}

#[test]
fn two_owners_are_asked_about_and_the_field_stays_open() {
    let mut m = meeting();
    action(&mut m, "Call the vendor @sam @priya");
    assert!(m.captures.is_empty(), "nothing saved");
    let notice = m.notice.clone().unwrap();
    assert!(notice.contains("@sam and @priya"), "{notice}");
    assert_eq!(
        m.draft.as_ref().unwrap().text(),
        "Call the vendor @sam @priya"
    );
}

#[test]
fn enter_takes_the_name_offered_and_tab_keeps_a_guest() {
    let mut m = meeting();
    action(&mut m, "Call the vendor @Prya");
    let notice = m.notice.clone().unwrap();
    assert!(notice.contains("Enter: Priya Raman"), "{notice}");
    assert!(notice.contains("Tab: Prya as a guest"), "{notice}");
    assert!(notice.width() <= 80, "{notice} is cut at 80 columns");
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(
        last_action(&m).1,
        Some("priya".to_owned()),
        "the suggestion"
    );

    action(&mut m, "Book the room @Prya");
    update(&mut m, key(KeyCode::Tab));
    assert_eq!(
        last_action(&m).1,
        Some("Prya".to_owned()),
        "a guest, by choice"
    );

    // A key typed after the question changes the line: Tab is a key again.
    action(&mut m, "Send the slides @Prya");
    update(&mut m, key(KeyCode::Backspace));
    update(&mut m, key(KeyCode::Char('a')));
    assert!(m.draft.is_some());
    assert_eq!(m.captures.len(), 2);
}

#[test]
fn tomorrow_is_a_date_and_a_weekend_is_said() {
    // 24 Nov 2026 is a Tuesday: tomorrow the 25th, +4d a Saturday.
    let mut m = meeting();
    action(&mut m, "Send the plan @sam due:tomorrow");
    assert_eq!(last_action(&m).2, Some(jiff::civil::date(2026, 11, 25)));
    action(&mut m, "Send the minutes @sam due:+4d");
    assert_eq!(last_action(&m).2, Some(jiff::civil::date(2026, 11, 28)));
    let notice = m.notice.clone().unwrap();
    assert!(notice.contains("Sat 28 Nov: a weekend day"), "{notice}");
}

#[test]
fn ctrl_u_clears_the_line() {
    let mut m = meeting();
    update(&mut m, Action::Note);
    for c in "wrong words".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    update(
        &mut m,
        Action::Type(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    assert_eq!(m.draft.as_ref().unwrap().text(), "");
}

/// The field is still open with every character of `text`, and nothing
/// was saved: the question in the footer says what to do.
fn still_open(m: &Meeting, text: &str, saved: usize) -> String {
    assert_eq!(m.captures.len(), saved, "nothing more saved");
    assert_eq!(m.draft.as_ref().expect("the field is open").text(), text);
    m.notice.clone().expect("a question")
}

#[test]
fn internal_on_an_action_is_asked_about_not_dropped() {
    let mut m = meeting();
    action(&mut m, "Chase the vendor @sam #internal");
    let notice = still_open(&m, "Chase the vendor @sam #internal", 0);
    assert!(
        notice.contains("#internal is for a new risk or issue"),
        "{notice}"
    );
}

#[test]
fn a_second_due_date_is_asked_about_not_dropped() {
    let mut m = meeting();
    action(&mut m, "Send the plan @sam due:fri due:mon");
    let notice = still_open(&m, "Send the plan @sam due:fri due:mon", 0);
    assert!(notice.contains("due:mon is a second due date"), "{notice}");
}

#[test]
fn a_second_score_is_asked_about_not_dropped() {
    let mut m = common::agenda_meeting(AgendaName::ResetPoint);
    common::go_to(&mut m, SectionKind::Raid);
    update(&mut m, Action::Risk);
    for c in "Vendor may fold @sam p:2 i:3 p:4".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    update(&mut m, key(KeyCode::Enter));
    let notice = still_open(&m, "Vendor may fold @sam p:2 i:3 p:4", 0);
    assert!(notice.contains("p:4: a second probability"), "{notice}");
}

#[test]
fn a_long_typed_name_is_quoted_short_so_the_keys_still_show() {
    let mut m = meeting();
    let long = "Bartholomew-Featherstonehaugh-Cholmondeley-Marjoribanks";
    action(&mut m, &format!("Call the vendor @{long}"));
    let notice = m.notice.clone().unwrap();
    assert!(!notice.contains(long), "quoted short: {notice}");
    assert!(notice.contains("@Bartholomew-Featherston…"), "{notice}");
    // Two rows of the footer at 80 columns at most, whatever was typed.
    assert!(notice.width() <= 2 * 80, "{notice}");
    // The whole name is still what Tab keeps.
    update(&mut m, key(KeyCode::Tab));
    assert_eq!(last_action(&m).1.as_deref(), Some(long));
}

#[test]
fn a_key_that_changes_the_line_takes_the_guest_question_away() {
    let mut m = meeting();
    action(&mut m, "Call the vendor @Prya");
    assert!(
        m.notice
            .as_deref()
            .unwrap()
            .contains("Tab: Prya as a guest")
    );
    // Ctrl-U clears the line: "Tab: Prya as a guest" would now be a lie.
    update(
        &mut m,
        Action::Type(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    assert_eq!(m.draft.as_ref().unwrap().text(), "");
    assert_eq!(m.notice, None, "the question went with its line");
}

/// Answer the first follow-up row with `text`.
fn follow_up(text: &str) -> Meeting {
    let mut m = meeting();
    common::go_to(&mut m, SectionKind::Followups);
    update(&mut m, Action::Select);
    for c in text.chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    update(&mut m, key(KeyCode::Enter));
    m
}

#[test]
fn a_follow_ups_new_date_on_a_weekend_is_said_and_kept() {
    let m = follow_up("open due:+4d");
    let notice = m.notice.clone().unwrap();
    assert!(notice.contains("Sat 28 Nov: a weekend day"), "{notice}");
    match &m.captures.last().expect("saved").what {
        Capture::Followup { due, .. } => assert_eq!(*due, Some(jiff::civil::date(2026, 11, 28))),
        other => panic!("not a follow-up: {other:?}"),
    }
}

#[test]
fn a_follow_up_asks_about_what_it_would_drop() {
    for (line, asked) in [
        ("done #internal", "#internal is for a new risk or issue"),
        ("open @sam @priya", "one owner only"),
        ("open due:fri due:mon", "a second due date"),
    ] {
        let m = follow_up(line);
        let notice = still_open(&m, line, 0);
        assert!(notice.contains(asked), "{line}: {notice}");
    }
}
