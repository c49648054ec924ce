//! Presenting mode without a terminal: the safe default, the keys for
//! internal risks and issues, the question before leaving it, and the mode
//! kept across a crash and a resume.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{Timestamp, tz::TimeZone};
use resetpoint::meeting::shared::{FieldText, PRIVATE_NOTICE};
use resetpoint::meeting::update::{Change, replay};
use resetpoint::meeting::{Action, Capture, Clock, Effect, Meeting, Shared, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::{Record, restore};
use resetpoint::tui::config;

fn start() -> Timestamp {
    "2026-11-24T14:00:00Z".parse().unwrap()
}

fn meeting(presenting: bool) -> Meeting {
    let demo = include_str!("../../assets/demo.toml");
    let plan = load_bytes("demo.toml", demo.as_bytes()).plan.unwrap();
    Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start(), TimeZone::UTC),
        presenting,
    )
}

fn key(c: char) -> Action {
    Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn press(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(m: &mut Meeting, text: &str) {
    for c in text.chars() {
        update(m, key(c));
    }
}

fn masked(m: &Meeting) -> bool {
    Shared::presenting(m)
        .field
        .is_some_and(|f| matches!(f.text, FieldText::Masked { .. }))
}

#[test]
fn capital_r_and_i_open_internal_fields_by_default() {
    let keymap = config::load(None, false, false).unwrap().keymap;
    let shifted = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
    assert_eq!(keymap.action_for(&shifted('R')), Some(Action::InternalRisk));
    assert_eq!(
        keymap.action_for(&shifted('I')),
        Some(Action::InternalIssue)
    );
    let mut m = meeting(true);
    for (open, text) in [
        (Action::InternalRisk, "Vendor may fold @priya p:2 i:4"),
        (Action::InternalIssue, "Two leads leave @sam"),
    ] {
        update(&mut m, open);
        assert!(masked(&m), "masked from the first key");
        type_text(&mut m, text);
        update(&mut m, press(KeyCode::Enter));
    }
    let saved: Vec<&Capture> = m.captures.iter().map(|c| &c.what).collect();
    assert!(
        matches!(saved[0], Capture::Risk { visible: false, title, .. } if title == "Vendor may fold")
    );
    assert!(matches!(saved[1], Capture::Issue { visible: false, .. }));
}

#[test]
fn a_plain_risk_is_shown_as_typed_and_stays_public() {
    let mut m = meeting(true);
    update(&mut m, Action::Risk);
    type_text(&mut m, "Label printers short @priya p:4 i:3");
    assert!(!masked(&m), "a public risk is typed in view");
    update(&mut m, press(KeyCode::Enter));
    assert!(m.captures[0].what.is_public());
}

#[test]
fn typing_the_internal_tag_masks_the_field_for_good() {
    let mut m = meeting(true);
    update(&mut m, Action::Risk);
    type_text(&mut m, "Margin #intern");
    assert!(!masked(&m));
    type_text(&mut m, "al below target");
    assert!(masked(&m), "masked once #internal is typed");
    // Taking the tag out again neither shows the text nor makes it public.
    for _ in 0.."#internal below target".len() {
        update(&mut m, press(KeyCode::Backspace));
    }
    assert_eq!(m.draft.as_ref().unwrap().text(), "Margin ");
    assert!(masked(&m), "still masked");
    type_text(&mut m, "is thin @dana p:3 i:3");
    update(&mut m, press(KeyCode::Enter));
    assert!(
        matches!(&m.captures[0].what, Capture::Risk { visible: false, .. }),
        "{:?}",
        m.captures[0].what
    );
}

#[test]
fn a_notice_from_a_private_field_is_not_quoted_on_a_shared_screen() {
    let mut m = meeting(true);
    update(&mut m, Action::InternalRisk);
    type_text(&mut m, "Vendor may fold @Quentinzz");
    update(&mut m, press(KeyCode::Enter));
    let said = m.notice.clone().expect("asked about the unknown name");
    assert!(said.contains("Quentinzz"), "{said}");
    assert_eq!(
        Shared::presenting(&m).notice.as_deref(),
        Some(PRIVATE_NOTICE)
    );
    assert_eq!(
        Shared::private_view(&m).notice.as_deref(),
        Some(said.as_str())
    );
    // Esc keeps the text; what is saved is still internal.
    update(&mut m, press(KeyCode::Esc));
    assert!(m.captures.iter().all(|c| !c.what.is_public()));
    assert!(
        !Shared::presenting(&m)
            .captures
            .iter()
            .any(|c| { c.what.text().contains("Quentinzz") })
    );
}

#[test]
fn leaving_presenting_asks_and_only_y_says_yes() {
    let mut m = meeting(true);
    let before = m.current;
    update(&mut m, Action::Presenting);
    assert!(m.presenting, "asking first");
    assert_eq!(
        m.notice.as_deref(),
        Some("Show internal items on this screen? y/N")
    );
    update(&mut m, key('n'));
    assert!(m.presenting, "n keeps presenting");
    update(&mut m, Action::Presenting);
    update(&mut m, Action::NextSection);
    assert!(m.presenting, "any other key keeps presenting");
    assert_eq!(m.current, before, "and does nothing else");
    update(&mut m, Action::Presenting);
    update(&mut m, Action::Presenting);
    assert!(m.presenting, "the same key twice is not a yes");
    update(&mut m, Action::Presenting);
    update(&mut m, Action::Quit);
    assert_eq!(
        m.pending,
        Some(resetpoint::meeting::Pending::Leave),
        "Ctrl-C asks to leave"
    );
    let effects = update(&mut m, Action::Quit);
    assert!(effects.contains(&Effect::Quit), "Ctrl-C again leaves");
    assert!(m.presenting);

    update(&mut m, Action::Presenting);
    let effects = update(&mut m, key('y'));
    assert!(!m.presenting, "y leaves presenting");
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::Journal {
            change: Change::Mode { presenting: false },
            ..
        }
    )));
    assert!(effects.contains(&Effect::Save));

    // Back to presenting needs no question.
    let effects = update(&mut m, Action::Presenting);
    assert!(m.presenting);
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::Journal {
            change: Change::Mode { presenting: true },
            ..
        }
    )));
}

#[test]
fn a_resumed_meeting_comes_back_in_the_mode_it_was_left_in() {
    // From the record: left in the private view.
    let mut m = meeting(true);
    update(&mut m, Action::Presenting);
    update(&mut m, key('y'));
    let text = Record::of(&m).to_toml();
    let record: Record = toml::from_str(&text).unwrap();
    let mut resumed = meeting(true);
    restore(&mut resumed, &record);
    assert!(!resumed.presenting, "the record keeps the private view");

    // From the journal written after the record: back to presenting.
    let effects = update(&mut m, Action::Presenting);
    for effect in effects {
        if let Effect::Journal { change, .. } = effect {
            replay(&mut resumed, change);
        }
    }
    assert!(resumed.presenting, "the journal keeps presenting");

    // A record that says nothing (older ones) keeps the safe default.
    let old = text.replace("presenting = false\n", "");
    assert_ne!(old, text);
    let mut resumed = meeting(true);
    restore(&mut resumed, &toml::from_str(&old).unwrap());
    assert!(resumed.presenting);
}

#[test]
fn an_internal_field_is_still_masked_after_a_crash() {
    let mut m = meeting(true);
    let mut journal = update(&mut m, Action::InternalIssue);
    for c in "Two leads leave".chars() {
        journal.extend(update(&mut m, key(c)));
    }
    let mut resumed = meeting(true);
    for effect in journal {
        if let Effect::Journal { change, .. } = effect {
            replay(&mut resumed, change);
        }
    }
    assert_eq!(resumed.draft.as_ref().unwrap().text(), "Two leads leave");
    assert!(masked(&resumed));
    // And in the record's copy of the open field.
    let record: Record = toml::from_str(&Record::of(&m).to_toml()).unwrap();
    let mut resumed = meeting(true);
    restore(&mut resumed, &record);
    assert!(masked(&resumed));
}

#[test]
fn meetings_start_presenting_unless_the_config_says_not() {
    assert!(config::load(None, false, false).unwrap().start_presenting);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "start_presenting = false\n").unwrap();
    assert!(
        !config::load(Some(&file), true, false)
            .unwrap()
            .start_presenting
    );
    std::fs::write(&file, "[keys]\nquit = [\"x\"]\n").unwrap();
    assert!(
        config::load(Some(&file), true, false)
            .unwrap()
            .start_presenting,
        "a file that does not name it keeps the default"
    );
    std::fs::write(&file, "start_presentin = false\n").unwrap();
    let bad = config::load(Some(&file), true, false).unwrap_err();
    assert!(
        bad.render().contains("start_presenting"),
        "{}",
        bad.render()
    );
}

#[test]
fn text_left_by_esc_in_a_private_field_stays_private() {
    let mut m = meeting(true);
    // Esc leaves an internal risk unsent: nothing is captured, nothing shown.
    update(&mut m, Action::InternalRisk);
    type_text(&mut m, "@priya");
    update(&mut m, press(KeyCode::Esc));
    assert!(m.captures.is_empty(), "{:?}", m.captures);
    assert!(m.unsent.iter().any(|u| u.internal && u.text == "@priya"));
    let shown = serde_json::to_string(&Shared::presenting(&m)).unwrap();
    assert!(!shown.contains("@priya"), "{shown}");
    // Opened again, even with `r`, it comes back masked and internal.
    update(&mut m, Action::Risk);
    let draft = m.draft.as_ref().expect("the field is open again");
    assert!(draft.internal && draft.text() == "@priya");
    assert!(
        !serde_json::to_string(&Shared::presenting(&m))
            .unwrap()
            .contains("@priya")
    );
}
