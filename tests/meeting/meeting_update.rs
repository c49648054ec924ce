//! The update function without a terminal: navigation, overlays, and every
//! capture the PM can make, and the journal that replays them.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{SignedDuration, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::capture::{ActionStatus, SignoffDecision, Verdict};
use resetpoint::meeting::update::{Change, replay};
use resetpoint::meeting::{Action, Capture, Clock, Effect, Meeting, Overlay, Shared, update};
use resetpoint::plan::model::{AgendaName, Side};

use crate::common;

use common::{agenda_meeting, go_to, meeting_start};

fn meeting() -> Meeting {
    agenda_meeting(AgendaName::ResetPoint)
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Type `text` into the open field, then press `end` (Enter or Esc).
fn type_in(m: &mut Meeting, text: &str, end: KeyCode) -> Vec<Effect> {
    for c in text.chars() {
        update(m, key(KeyCode::Char(c)));
    }
    update(m, key(end))
}

fn last(m: &Meeting) -> &Capture {
    &m.captures.last().expect("something was captured").what
}

#[test]
fn navigation_stays_within_the_agenda() {
    let mut m = meeting();
    update(&mut m, Action::PreviousSection);
    assert_eq!(m.current, 0);
    for _ in 0..20 {
        update(&mut m, Action::NextSection);
    }
    assert_eq!(m.current, m.sections.len() - 1);
    update(&mut m, Action::JumpTo(99));
    assert_eq!(m.current, m.sections.len() - 1);
}

#[test]
fn the_agenda_overlay_jumps_and_help_is_modal() {
    let mut m = meeting();
    update(&mut m, Action::Agenda);
    assert_eq!(m.overlay, Overlay::Agenda { selected: 0 });
    for a in [
        Action::Down,
        Action::Down,
        Action::Up,
        Action::Down,
        Action::Down,
        Action::Select,
    ] {
        update(&mut m, a);
    }
    assert_eq!((m.overlay, m.current), (Overlay::None, 3));
    update(&mut m, Action::Help);
    update(&mut m, Action::NextSection);
    assert_eq!(m.current, 3, "help is modal");
    update(&mut m, Action::Close);
    assert_eq!(m.overlay, Overlay::None);
}

#[test]
fn presenting_hides_internal_plan_items_and_private_captures() {
    let mut m = meeting();
    update(&mut m, Action::PrivateNote);
    type_in(&mut m, "They may cancel", KeyCode::Enter);
    update(&mut m, Action::Note);
    type_in(&mut m, "Agreed to weekly calls", KeyCode::Enter);
    assert_eq!(m.pane_items().len(), 2);
    update(&mut m, Action::Presenting);
    let shared = Shared::of(&m);
    assert!(shared.presenting);
    assert!(shared.plan.issues.iter().all(|i| i.visible));
    assert!(shared.plan.risks.iter().all(|r| r.visible));
    let shown: Vec<String> = m.pane_items().iter().map(|c| c.what.text()).collect();
    assert_eq!(shown, ["Agreed to weekly calls"]);
    let drawn: Vec<String> = shared.pane_items().iter().map(|c| c.what.text()).collect();
    assert_eq!(drawn, shown, "the pane draws what the cursor moves through");
    assert!(!shared.derived.overall_reasons.join(" ").contains("II-1"));
}

#[test]
fn time_is_booked_to_the_section_it_was_spent_in() {
    let mut m = meeting();
    let at = |s| meeting_start() + SignedDuration::from_secs(s);
    update(&mut m, Action::Tick(at(90)));
    update(&mut m, Action::NextSection);
    update(&mut m, Action::Tick(at(150)));
    assert_eq!(m.clock.section_seconds(0, m.current), 90);
    assert_eq!(m.clock.section_seconds(1, m.current), 60);
    update(&mut m, Action::Tick(at(100)));
    assert_eq!(
        m.clock.meeting_seconds(),
        150,
        "the clock never runs backwards"
    );
}

#[test]
fn answers_are_captured_per_question_verbatim_and_multi_line() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Listen);
    update(&mut m, Action::Down);
    update(&mut m, Action::Select);
    type_in(&mut m, "Reports came late", KeyCode::Char('x'));
    update(
        &mut m,
        Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)),
    );
    type_in(&mut m, "and were vague — 日本語 ✅", KeyCode::Enter);
    let Capture::Answer { question, text, .. } = last(&m) else {
        panic!()
    };
    assert_eq!(question, &m.section().questions[1]);
    assert_eq!(text, "Reports came latex\nand were vague — 日本語 ✅");
}

#[test]
fn actions_and_decisions_are_held_back_while_listening_unless_insisted() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Listen);
    update(&mut m, Action::NewAction);
    assert!(m.draft.is_none());
    assert!(
        m.notice
            .as_deref()
            .unwrap()
            .starts_with("Listening first — note it; actions open after the playback")
    );
    update(&mut m, Action::NewAction);
    assert!(m.draft.is_some(), "pressing a again overrides");
    update(&mut m, key(KeyCode::Esc));
    update(&mut m, Action::Decision);
    update(&mut m, Action::Note);
    assert!(m.draft.is_some(), "a note is never held back");
    update(&mut m, key(KeyCode::Esc));
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::Decision);
    assert!(m.draft.is_some(), "after listening, decisions open at once");
}

#[test]
fn quick_capture_of_an_action() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::NewAction);
    let effects = type_in(&mut m, "Send the revised plan @sam due:+3d", KeyCode::Enter);
    assert!(
        effects.contains(&Effect::Save),
        "a commit replaces the record"
    );
    let Capture::Action {
        title,
        owner,
        due,
        side,
        status,
    } = last(&m)
    else {
        panic!()
    };
    assert_eq!(title, "Send the revised plan");
    assert_eq!(owner.as_deref(), Some("sam"));
    assert_eq!(*due, Some(jiff::civil::date(2026, 11, 27)));
    assert_eq!(*side, Some(Side::Us));
    assert_eq!(*status, ActionStatus::Open);
    assert!(m.captures.last().unwrap().id.starts_with("A-"));
}

#[test]
fn an_unknown_owner_is_asked_about_then_taken_as_a_guest() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::NewAction);
    type_in(&mut m, "Book the room @bob", KeyCode::Enter);
    assert!(m.draft.is_some(), "the field stays open");
    assert!(
        m.notice
            .as_deref()
            .unwrap()
            .contains("@bob is not in the plan")
    );
    update(&mut m, key(KeyCode::Enter));
    let Capture::Action { owner, side, .. } = last(&m) else {
        panic!()
    };
    assert_eq!((owner.as_deref(), *side), (Some("bob"), None));
    update(&mut m, Action::NewAction);
    type_in(&mut m, "Book the room @Pryia", KeyCode::Enter);
    assert!(
        m.notice.as_deref().unwrap().contains("Enter: Priya Raman"),
        "a slip of the keys is offered the nearest person first"
    );
}

#[test]
fn a_due_date_that_cannot_be_read_is_not_guessed() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::NewAction);
    type_in(&mut m, "Call Ola due:someday", KeyCode::Enter);
    assert!(m.draft.is_some());
    assert!(m.captures.is_empty());
    // Esc leaves it unsent: never a note the customer sees.
    update(&mut m, key(KeyCode::Esc));
    assert!(m.captures.is_empty() && m.draft.is_none());
    assert_eq!(m.unsent.len(), 1);
    update(&mut m, Action::NewAction);
    assert_eq!(
        m.draft.as_ref().map(|d| d.text()).as_deref(),
        Some("Call Ola due:someday"),
        "the same field brings the unsent text back"
    );
    assert!(m.unsent.is_empty());
}

#[test]
fn risks_and_issues_with_owner_and_visibility() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Raid);
    update(&mut m, Action::Risk);
    type_in(
        &mut m,
        "Vendor may fold @priya #internal p:4 i:3",
        KeyCode::Enter,
    );
    assert_eq!(
        last(&m),
        &Capture::Risk {
            title: "Vendor may fold".into(),
            owner: Some("priya".into()),
            visible: false,
            probability: Some(4),
            impact: Some(3),
        }
    );
    update(&mut m, Action::Issue);
    type_in(&mut m, "Test data missing @Ola", KeyCode::Enter);
    assert_eq!(
        last(&m),
        &Capture::Issue {
            title: "Test data missing".into(),
            owner: Some("ola".into()),
            visible: true
        }
    );
}

#[test]
fn sign_off_of_the_communication_plan_on_rules() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::Signoff);
    assert!(m.draft.is_none(), "sign-off is taken on the rules screen");
    go_to(&mut m, SectionKind::Rules);
    update(&mut m, Action::Signoff);
    type_in(&mut m, "approved @ola", KeyCode::Enter);
    let Capture::Signoff { by, decision, .. } = last(&m) else {
        panic!()
    };
    assert_eq!(
        (by.as_deref(), *decision),
        (Some("ola"), SignoffDecision::Approved)
    );
}

fn buy_ins(m: &Meeting) -> Vec<&Capture> {
    m.captures
        .iter()
        .map(|c| &c.what)
        .filter(|c| matches!(c, Capture::BuyIn { .. }))
        .collect()
}

#[test]
fn buy_in_is_chosen_never_cycled_and_replaces() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Proposals);
    update(&mut m, Action::Down);
    update(&mut m, Action::Select);
    assert!(
        matches!(
            m.draft.as_ref().map(|d| d.kind),
            Some(resetpoint::meeting::DraftKind::BuyIn { row: 1 })
        ),
        "Enter asks which, it does not record anything yet"
    );
    assert!(buy_ins(&m).is_empty());
    type_in(&mut m, "3", KeyCode::Enter);
    update(&mut m, Action::Select);
    type_in(&mut m, "1 @ola", KeyCode::Enter);
    let title = m.plan.proposals[1].title.clone();
    assert_eq!(
        buy_ins(&m),
        [&Capture::BuyIn {
            proposal: title.clone(),
            verdict: Verdict::Agreed,
            changes: String::new(),
            by: Some("ola".into()),
        }],
        "one buy-in per proposal, the one chosen last"
    );
    update(&mut m, Action::Select);
    type_in(&mut m, "7", KeyCode::Enter);
    assert!(m.draft.is_some(), "only 1, 2 or 3");
    assert!(m.notice.as_deref().unwrap().contains("1 agreed"));
}

#[test]
fn agreed_with_changes_asks_what_the_changes_are() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Proposals);
    update(&mut m, Action::Select);
    type_in(&mut m, "2", KeyCode::Enter);
    assert!(
        buy_ins(&m).is_empty(),
        "not recorded before the changes are said"
    );
    assert!(matches!(
        m.draft.as_ref().map(|d| d.kind),
        Some(resetpoint::meeting::DraftKind::Changes { row: 0 })
    ));
    update(&mut m, key(KeyCode::Enter));
    assert!(m.draft.is_some(), "the changes must be said");
    type_in(&mut m, "Weekly demos, not fortnightly", KeyCode::Enter);
    assert_eq!(
        buy_ins(&m),
        [&Capture::BuyIn {
            proposal: m.plan.proposals[0].title.clone(),
            verdict: Verdict::AgreedWithChanges,
            changes: "Weekly demos, not fortnightly".into(),
            by: None,
        }]
    );
    // Or in one line, and changed again with e.
    update(&mut m, Action::Down);
    update(&mut m, Action::Select);
    type_in(
        &mut m,
        "2 only if the budget holds @Marcus Bell",
        KeyCode::Enter,
    );
    assert!(matches!(
        buy_ins(&m)[1],
        Capture::BuyIn { verdict: Verdict::AgreedWithChanges, changes, by: Some(by), .. }
            if changes == "only if the budget holds" && by == "marcus"
    ));
    // Who gave it is said wherever the buy-in is read back.
    let record = resetpoint::record::format::Record::of(&m);
    let minutes = resetpoint::export::minutes::markdown(
        &record,
        Some(&m.plan),
        &[],
        resetpoint::export::minutes::Audience::Customer,
        &jiff::tz::TimeZone::UTC,
    );
    let said = format!(
        "{}: agreed with changes by Marcus Bell: only if the budget holds",
        m.plan.proposals[1].title
    );
    assert!(minutes.contains(&said), "{minutes}");
}

#[test]
fn attendance_is_confirmed_and_guests_added_on_welcome() {
    let mut m = meeting();
    update(&mut m, Action::Select);
    assert_eq!(m.attendees()[0].present, Some(true));
    update(&mut m, Action::Select);
    assert_eq!(m.attendees()[0].present, Some(false));
    let guest_row = m.attendees().len();
    for _ in 0..guest_row {
        update(&mut m, Action::Down);
    }
    update(&mut m, Action::Select);
    type_in(&mut m, "Kim Lee", KeyCode::Enter);
    let last_row = m.attendees().pop().unwrap();
    assert_eq!(
        (last_row.person.as_str(), last_row.guest, last_row.present),
        ("Kim Lee", true, Some(true))
    );
}

#[test]
fn playback_confirmation_or_correction() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Playback);
    update(&mut m, Action::Select);
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(
        last(&m),
        &Capture::Playback {
            confirmed: true,
            correction: String::new()
        }
    );
    update(&mut m, Action::Select);
    type_in(&mut m, "It was July, not June", KeyCode::Enter);
    assert_eq!(
        last(&m),
        &Capture::Playback {
            confirmed: false,
            correction: "It was July, not June".into()
        }
    );
}

#[test]
fn pulse_scores_per_customer_attendee_and_recommend() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Pulse);
    let people = m.customer_attendees();
    assert_eq!(people, ["ola", "marcus"]);
    update(&mut m, Action::Select);
    type_in(&mut m, "9 great", KeyCode::Enter);
    assert!(m.draft.is_some(), "confidence is 1 to 5");
    for _ in 0..8 {
        update(&mut m, key(KeyCode::Backspace));
    }
    type_in(&mut m, "2 still worried", KeyCode::Enter);
    assert_eq!(
        last(&m),
        &Capture::Pulse {
            person: "ola".into(),
            confidence: 2,
            comment: "still worried".into()
        }
    );
    update(&mut m, Action::Down);
    update(&mut m, Action::Down);
    update(&mut m, Action::Select);
    type_in(&mut m, "6", KeyCode::Enter);
    assert_eq!(last(&m), &Capture::Recommend { score: 6 });
}

#[test]
fn edit_reopens_the_text_and_replaces_the_item() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::NewAction);
    type_in(&mut m, "Send plan @sam due:2026-12-01", KeyCode::Enter);
    update(&mut m, Action::Edit);
    assert_eq!(
        m.draft.as_ref().unwrap().text(),
        "Send plan @sam due:2026-12-01"
    );
    for _ in 0.."@sam due:2026-12-01".len() {
        update(&mut m, key(KeyCode::Backspace));
    }
    type_in(&mut m, "@priya", KeyCode::Enter);
    assert_eq!(m.captures.len(), 1, "edited, not added");
    let Capture::Action { owner, due, .. } = last(&m) else {
        panic!()
    };
    assert_eq!((owner.as_deref(), *due), (Some("priya"), None));
}

#[test]
fn delete_asks_first() {
    let mut m = meeting();
    update(&mut m, Action::Note);
    type_in(&mut m, "keep me", KeyCode::Enter);
    update(&mut m, Action::Delete);
    assert_eq!(m.captures.len(), 1);
    assert!(m.notice.as_deref().unwrap().contains("Press x again"));
    update(&mut m, Action::Down);
    update(&mut m, Action::Delete);
    assert_eq!(m.captures.len(), 1, "another key in between keeps it");
    let effects = update(&mut m, Action::Delete);
    assert!(m.captures.is_empty());
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::Journal {
            change: Change::Remove { .. },
            ..
        }
    )));
}

#[test]
fn esc_leaves_a_field_unsent_and_quit_keeps_it_to_resume() {
    let mut m = meeting();
    update(&mut m, Action::Note);
    type_in(&mut m, "said in passing", KeyCode::Esc);
    assert!(m.captures.is_empty(), "Esc sends nothing");
    assert_eq!(m.unsent.len(), 1);
    update(&mut m, Action::Note);
    for c in " — and more".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    let effects = common::quit(&mut m);
    assert!(effects.contains(&Effect::Quit));
    assert!(m.captures.is_empty(), "quitting sends nothing either");
    assert_eq!(
        m.draft.as_ref().map(|d| d.text()).as_deref(),
        Some("said in passing — and more"),
        "it stays a draft, to resume"
    );
    assert!(
        m.ended.is_none(),
        "quitting before the last section leaves the meeting to resume"
    );
}

#[test]
fn at_the_end_unsent_drafts_are_kept_as_private_notes_marked_unsent() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::NewAction);
    type_in(&mut m, "Call Ola due:someday", KeyCode::Esc);
    update(&mut m, Action::JumpTo(99));
    update(&mut m, Action::Note);
    for c in "still typing".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    common::quit(&mut m);
    assert!(m.ended.is_some());
    let notes: Vec<_> = m.captures.iter().map(|c| &c.what).collect();
    assert_eq!(
        notes,
        [
            &Capture::Note {
                text: "Call Ola due:someday".into(),
                private: true,
                unsent: true
            },
            &Capture::Note {
                text: "still typing".into(),
                private: true,
                unsent: true
            }
        ]
    );
    assert!(m.captures.iter().all(|c| !c.what.is_public()));
    assert!(m.draft.is_none() && m.unsent.is_empty());
    use resetpoint::export::minutes::{Audience, markdown};
    let record = resetpoint::record::format::Record::of(&m);
    let ours = markdown(
        &record,
        Some(&m.plan),
        &[],
        Audience::Internal,
        &TimeZone::UTC,
    );
    assert!(ours.contains("never sent"), "{ours}");
    let theirs = markdown(
        &record,
        Some(&m.plan),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    assert!(
        !theirs.contains("still typing") && !theirs.contains("Call Ola"),
        "{theirs}"
    );
}

#[test]
fn quitting_on_the_last_section_ends_the_meeting() {
    let mut m = meeting();
    update(&mut m, Action::JumpTo(99));
    common::quit(&mut m);
    assert!(m.ended.is_some());
}

#[test]
fn a_paste_goes_into_the_field_and_outside_one_starts_a_note() {
    let mut m = meeting();
    update(&mut m, Action::Paste("from the email:\r\nline two".into()));
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(
        last(&m),
        &Capture::Note {
            text: "from the email:\nline two".into(),
            private: false,
            unsent: false,
        }
    );
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::NewAction);
    update(&mut m, Action::Paste("Call\nOla".into()));
    update(&mut m, key(KeyCode::Enter));
    assert!(
        matches!(last(&m), Capture::Action { title, .. } if title == "Call Ola"),
        "one-line fields take no newline"
    );
}

#[test]
fn every_keystroke_in_a_field_is_journaled() {
    let mut m = meeting();
    update(&mut m, Action::Note);
    let effects = update(&mut m, key(KeyCode::Char('h')));
    let Some(Effect::Journal {
        change: Change::Draft { draft: Some(draft) },
        ..
    }) = effects.first()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(draft.text, "h");
}

#[test]
fn replaying_the_journal_rebuilds_the_meeting() {
    let mut live = meeting();
    let mut journal = Vec::new();
    let mut run = |m: &mut Meeting, a: Action| {
        for e in update(m, a) {
            if let Effect::Journal { change, .. } = e {
                journal.push(change);
            }
        }
    };
    run(&mut live, Action::Select);
    run(&mut live, Action::NextSection);
    run(&mut live, Action::Select);
    for c in "We want honesty".chars() {
        run(&mut live, key(KeyCode::Char(c)));
    }
    run(&mut live, key(KeyCode::Enter));
    run(&mut live, Action::Note);
    for c in "not finished".chars() {
        run(&mut live, key(KeyCode::Char(c)));
    }
    let mut restored = meeting();
    for change in journal {
        replay(&mut restored, change);
    }
    assert_eq!(restored.captures, live.captures);
    assert_eq!(restored.current, live.current);
    assert_eq!(
        restored.draft.as_ref().map(|d| d.text()),
        Some("not finished".to_owned())
    );
}

#[test]
fn minutes_are_written_from_the_review_screen() {
    let mut m = meeting();
    let effects = update(&mut m, Action::Minutes);
    assert!(!effects.contains(&Effect::WriteMinutes));
    assert!(m.notice.as_deref().unwrap().contains("review screen"));
    go_to(&mut m, SectionKind::Review);
    let effects = update(&mut m, Action::Minutes);
    assert!(effects.contains(&Effect::WriteMinutes));
    assert!(
        effects.contains(&Effect::Save),
        "the record is current when the minutes are"
    );
}

#[test]
fn a_deferred_sign_off_keeps_who_and_why() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Rules);
    update(&mut m, Action::Signoff);
    type_in(
        &mut m,
        "deferred @Marcus Bell until he has read the escalation path",
        KeyCode::Enter,
    );
    assert_eq!(
        last(&m),
        &Capture::Signoff {
            what: "the communication plan".into(),
            by: Some("marcus".into()),
            decision: SignoffDecision::Deferred,
            reason: "until he has read the escalation path".into(),
        }
    );
    // e brings back the whole line, reason and all.
    update(&mut m, Action::Edit);
    assert_eq!(
        m.draft.as_ref().unwrap().text(),
        "deferred @marcus until he has read the escalation path"
    );
}

#[test]
fn a_sign_off_by_someone_unknown_asks_about_a_guest() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::Rules);
    update(&mut m, Action::Signoff);
    type_in(
        &mut m,
        "deferred @Siobhán until she has read it",
        KeyCode::Enter,
    );
    assert!(m.draft.is_some());
    assert!(
        m.notice
            .as_deref()
            .unwrap()
            .contains("@Siobhán is not in the plan")
    );
    update(&mut m, key(KeyCode::Enter));
    let Capture::Signoff { by, reason, .. } = last(&m) else {
        panic!()
    };
    assert_eq!(
        (by.as_deref(), reason.as_str()),
        (Some("Siobhán"), "until she has read it")
    );
}

#[test]
fn a_full_name_and_a_guest_from_the_welcome_screen_are_matched() {
    let mut m = meeting();
    let guest_row = m.attendees().len();
    for _ in 0..guest_row {
        update(&mut m, Action::Down);
    }
    update(&mut m, Action::Select);
    type_in(&mut m, "Zoë Krüger", KeyCode::Enter);
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::NewAction);
    type_in(
        &mut m,
        "Send the minutes @Zoë Krüger due:+1w",
        KeyCode::Enter,
    );
    assert!(m.draft.is_none(), "a guest is somebody: nothing to ask");
    let Capture::Action { title, owner, .. } = last(&m) else {
        panic!()
    };
    assert_eq!(
        (title.as_str(), owner.as_deref()),
        ("Send the minutes", Some("Zoë Krüger"))
    );
    update(&mut m, Action::NewAction);
    type_in(&mut m, "Book the room @zoë", KeyCode::Enter);
    assert!(matches!(last(&m), Capture::Action { owner: Some(o), .. } if o == "Zoë Krüger"));
    update(&mut m, Action::Issue);
    type_in(&mut m, "Scanner batch faulty @Ola Nordmann", KeyCode::Enter);
    assert!(matches!(
        last(&m),
        Capture::Issue { title, owner: Some(o), .. } if title == "Scanner batch faulty" && o == "ola"
    ));
}

#[test]
fn wide_characters_after_a_relative_date_are_asked_about_not_a_crash() {
    for (open, line, asked) in [
        (
            Action::NewAction,
            "Call Ola due:+3é",
            "due:+3é is not a date",
        ),
        (
            Action::NewAction,
            "Call Ola due:+1日",
            "due:+1日 is not a date",
        ),
        (Action::Risk, "Vendor due:+3w🎉 @ola", "no due date"),
        (Action::Issue, "Rooms due:+🎉", "no due date"),
    ] {
        let mut m = meeting();
        go_to(&mut m, SectionKind::Raid);
        update(&mut m, open);
        type_in(&mut m, line, KeyCode::Enter);
        assert!(m.draft.is_some() && m.captures.is_empty(), "{line}");
        assert!(m.notice.as_deref().unwrap().contains(asked), "{line}");
    }
    // The status agenda follows up the customer's open tasks.
    let mut m = Meeting::new(
        meeting().plan,
        AgendaName::Status,
        Clock::at(meeting_start(), TimeZone::UTC),
        false,
    );
    go_to(&mut m, SectionKind::Followups);
    update(&mut m, Action::Select);
    type_in(&mut m, "open due:+2日", KeyCode::Enter);
    assert!(m.notice.as_deref().unwrap().contains("due:+2日"));
}

#[test]
fn the_customer_accepts_a_task_with_enter_and_t_adds_one() {
    let mut m = meeting();
    go_to(&mut m, SectionKind::CustomerTasks);
    update(&mut m, Action::Down);
    update(&mut m, Action::Select);
    update(&mut m, Action::Select);
    let accepted: Vec<_> = m
        .captures
        .iter()
        .filter(|c| matches!(c.what, Capture::Signoff { .. }))
        .collect();
    assert_eq!(
        accepted.len(),
        1,
        "accepted once, however often Enter is pressed"
    );
    let Capture::Signoff {
        what, by, decision, ..
    } = &accepted[0].what
    else {
        panic!()
    };
    assert!(what.contains("CT-2"), "{what}");
    assert_eq!(
        (by.as_deref(), *decision),
        (Some("lin"), SignoffDecision::Approved)
    );
    assert!(m.accepted("CT-2") && !m.accepted("CT-1"));

    update(&mut m, Action::CustomerTask);
    type_in(
        &mut m,
        "Send the depot list @marcus due:2026-12-04",
        KeyCode::Enter,
    );
    assert_eq!(
        last(&m),
        &Capture::Action {
            title: "Send the depot list".into(),
            owner: Some("marcus".into()),
            due: Some(jiff::civil::date(2026, 12, 4)),
            side: Some(Side::Customer),
            status: ActionStatus::Open,
        }
    );
    assert_eq!(m.new_customer_tasks().len(), 1);
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::CustomerTask);
    assert!(
        m.draft.is_none(),
        "customer tasks are added on their screen"
    );
}

#[test]
fn an_unsent_field_survives_a_resume_and_the_journal() {
    let mut live = meeting();
    let mut journal = Vec::new();
    let mut run = |m: &mut Meeting, a: Action| {
        for e in update(m, a) {
            if let Effect::Journal { change, .. } = e {
                journal.push(change);
            }
        }
    };
    go_to(&mut live, SectionKind::Status);
    run(&mut live, Action::NewAction);
    for c in "Call Ola @ola".chars() {
        run(&mut live, key(KeyCode::Char(c)));
    }
    run(&mut live, key(KeyCode::Esc));
    let record = resetpoint::record::format::Record::of(&live);
    let mut resumed = meeting();
    resetpoint::record::format::restore(&mut resumed, &record);
    assert_eq!(resumed.unsent, live.unsent);
    let mut replayed = meeting();
    for change in journal {
        replay(&mut replayed, change);
    }
    assert_eq!(replayed.unsent, live.unsent);
    go_to(&mut replayed, SectionKind::Status);
    update(&mut replayed, Action::NewAction);
    assert_eq!(replayed.draft.unwrap().text(), "Call Ola @ola");
}
