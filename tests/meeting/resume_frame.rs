//! `--resume` shows a meeting from its record's header and sections before
//! what it captured is parsed: the frame is on the right section, says it
//! is bringing the items back, and the whole meeting that follows is the
//! one a full read gives. A record whose header reads but whose body does
//! not is never taken for an empty meeting.

use crate::common;

use common::screen::{render, screen_text};
use common::{Answers, demo_plan as plan, go_to, type_line, write_unfinished_with_notes};

use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, Origin};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use resetpoint::record::resume::resumed;
use resetpoint::session::{Session, SessionOptions, Unfinished};
use resetpoint::tui::background::Background;

fn options(dir: &std::path::Path) -> SessionOptions {
    SessionOptions {
        origin: Origin::default(),
        agenda: AgendaName::Status,
        presenting: false,
        records_dir: dir.to_path_buf(),
        unfinished: Unfinished::Resume,
    }
}

#[test]
fn the_frame_is_on_its_section_and_the_whole_meeting_comes_after() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_unfinished_with_notes(dir.path(), 300);
    let session = Session::open(plan(), options(dir.path()), &mut Answers(true))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.paths.record, path);
    let frame = &session.meeting;
    assert!(frame.bringing_back && frame.captures.is_empty());
    assert!(
        frame.presenting,
        "a frame is drawn presenting, whatever the record says"
    );
    assert_eq!(
        frame.section().kind,
        SectionKind::Status,
        "where it was left"
    );
    let screen = screen_text(&render(frame, 100, 30, Background::Dark));
    assert!(
        screen.contains("Bringing back what was captured…"),
        "{screen}"
    );
    assert!(!screen.contains("Nothing yet"), "{screen}");

    // What follows is what a full read gives.
    let session = session.whole();
    let whole = &session.meeting;
    assert!(!whole.bringing_back);
    assert!(!whole.presenting, "the record's private view, once whole");
    assert_eq!(whole.captures.len(), 300);
    assert_eq!(whole.capture_cursor, 299, "the pane shows the newest item");
    let full = Record::of(whole);
    let text = std::fs::read_to_string(&path).unwrap();
    let (expected, _) = resumed(
        plan(),
        &toml::from_str(&text).unwrap(),
        Origin::default(),
        &[],
        false,
    );
    assert_eq!(full.notes, Record::of(&expected).notes);
    assert_eq!(whole.current, expected.current);
}

#[test]
fn the_frame_and_the_whole_record_agree_on_every_header_and_section() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_unfinished_with_notes(dir.path(), 20);
    let text = std::fs::read_to_string(&path).unwrap();
    let whole: Record = toml::from_str(&text).unwrap();
    let frame = Record::frame_from_text(&text).expect("written as this program writes");
    assert_eq!(frame.meeting, whole.meeting);
    assert_eq!(frame.sections, whole.sections);
    assert!(frame.notes.is_empty());
}

#[test]
fn a_record_laid_out_otherwise_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_unfinished_with_notes(dir.path(), 3);
    let text = std::fs::read_to_string(&path).unwrap();
    // Sections moved after the items, as a hand edit might leave them.
    let at = text.find("[[sections]]").unwrap();
    let items = text.find("[[notes]]").unwrap();
    let moved = format!("{}{}\n{}", &text[..at], &text[items..], &text[at..items]);
    assert!(Record::frame_from_text(&moved).is_none());
    // A note whose words look like a table cut inside a string: no frame.
    assert!(Record::frame_from_text("[meeting]\nproject = \"\"\"\n[[notes]]\n\"\"\"\n").is_none());
}

#[test]
fn a_body_that_will_not_parse_is_an_error_never_an_empty_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_unfinished_with_notes(dir.path(), 5);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[[notes]]\nthis is not toml\n");
    std::fs::write(&path, &text).unwrap();
    let mut session = Session::open(plan(), options(dir.path()), &mut Answers(true))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        session.meeting.bringing_back,
        "the header and sections read"
    );
    let back = session.later.coming_back.take().expect("the rest to come");
    let error = back
        .bring_back(plan())
        .expect_err("the body does not parse");
    let said = error.to_string();
    assert!(said.contains("2026-11-24-1400-status.toml:"), "{said}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "left as it was"
    );
}

#[test]
fn what_the_journal_holds_after_the_record_comes_back_with_the_rest() {
    use resetpoint::record::open::create;
    use resetpoint::record::store::{Message, Store};
    let dir = tempfile::tempdir().unwrap();
    let mut m = Meeting::new(plan(), AgendaName::Status, Clock::system(), false);
    go_to(&mut m, SectionKind::Status);
    let (paths, lock) = create(dir.path(), "2026-11-24-1400-status").unwrap();
    let store = Store::start(paths.clone(), lock, |_| {});
    store.send(Message::Snapshot(Box::new(Record::of(&m))));
    for n in 0..30 {
        let effects = type_line(&mut m, Action::Note, &format!("Note {n} from Zoë"));
        store.carry_out(&m, effects);
    }
    // Presenting turned on after the record was last written: journaled.
    let effects = resetpoint::meeting::update(&mut m, Action::Presenting);
    store.carry_out(&m, effects);
    assert!(store.settled(std::time::Duration::from_secs(30)));
    // What a kill at this moment leaves.
    let kept = tempfile::tempdir().unwrap();
    let copy = kept.path().join("2026-11-24-1400-status.toml");
    std::fs::copy(&paths.record, &copy).unwrap();
    std::fs::copy(&paths.journal, copy.with_extension("journal")).unwrap();
    drop(store);

    let session = Session::open(plan(), options(kept.path()), &mut Answers(true))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(session.meeting.bringing_back);
    let whole = session.whole().meeting;
    let texts: Vec<String> = whole.captures.iter().map(|c| c.what.text()).collect();
    let typed: Vec<String> = (0..30).map(|n| format!("Note {n} from Zoë")).collect();
    assert_eq!(texts, typed);
    assert!(whole.presenting, "presenting, as the journal says");
    assert_eq!(whole.section().kind, SectionKind::Status);
}

#[test]
fn a_frame_cut_off_by_the_end_of_what_was_read_is_not_taken() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_unfinished_with_notes(dir.path(), 3);
    let text = std::fs::read_to_string(&path).unwrap();
    let items = text.find("[[notes]]").unwrap();
    // Cut inside the last section: it could read as a shorter agenda.
    let inside_sections = &text[..items - 20];
    assert!(Record::frame_from_start(inside_sections, false).is_none());
    // Cut once the first item begins: the frame is whole.
    let frame = Record::frame_from_start(&text[..items + 5], false).expect("a whole frame");
    assert_eq!(
        frame.sections,
        Record::frame_from_text(&text).unwrap().sections
    );
}
