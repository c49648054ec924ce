//! The record written from the journal entries: the screen sends each
//! change's entries and, on a save, the meeting without its items; the
//! store fills the items in. Whatever the PM does (capture, edit, delete,
//! move on, present, end), a kill at any moment leaves files that resume
//! to the meeting as it stood, and the record written at the end is the
//! meeting's record exactly.

use std::path::Path;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use resetpoint::meeting::{Action, Captured, Clock, Effect, Meeting, Origin, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;
use resetpoint::record::fs::Disk;
use resetpoint::record::open::{create, read_record, reopen};
use resetpoint::record::resume::resumed;
use resetpoint::record::store::{Finished, Message, Paths, Store, Timing};

fn plan() -> Plan {
    let demo = include_str!("../../assets/demo.toml");
    load_bytes("demo.toml", demo.as_bytes()).plan.unwrap()
}

fn origin() -> Origin {
    Origin {
        plan_path: "demo.toml".into(),
        plan_sha256: "abc".into(),
        rehearsal: false,
    }
}

fn meeting() -> Meeting {
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    m.origin = origin();
    m
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % sides as u64) as usize
    }
}

/// The next few actions of a PM at work, picked by the dice.
fn next_actions(dice: &mut Dice, n: usize) -> Vec<Action> {
    let typed = |open: Action, text: String| {
        let mut actions = vec![open];
        actions.extend(text.chars().map(|c| key(KeyCode::Char(c))));
        actions.push(key(KeyCode::Enter));
        actions
    };
    match dice.roll(10) {
        0..=2 => typed(Action::Note, format!("Said {n}: ünï 日本")),
        3 => typed(Action::NewAction, format!("Send point {n} @sam due:+3d")),
        4 => typed(Action::Decision, format!("Decided {n}")),
        5 => {
            // Edit the selected item: more words at its end.
            let mut actions = vec![Action::Up, Action::Edit];
            actions.extend(" (edited)".chars().map(|c| key(KeyCode::Char(c))));
            actions.push(key(KeyCode::Enter));
            actions
        }
        6 => vec![Action::Down, Action::Delete, Action::Delete],
        7 => vec![Action::NextSection],
        8 => vec![Action::PreviousSection],
        _ => vec![Action::Presenting, key(KeyCode::Char('y'))],
    }
}

/// A store that writes the record at every chance and compacts the
/// journal each time, so frames and compactions happen all along.
fn eager() -> Timing {
    Timing {
        retry_every: Duration::from_millis(20),
        record_idle: Duration::ZERO,
        compact_after: 0,
        ..Timing::default()
    }
}

/// The items of a record, by id: what a resume must bring back.
fn items_of(record: &mut Record) -> Vec<Captured> {
    let mut items = record.take_captured();
    items.sort_by(|a, b| a.id.cmp(&b.id));
    items
}

/// The meeting a kill now would leave: the files copied, then resumed.
fn after_a_kill(paths: &Paths, into: &Path) -> Meeting {
    let copy = Paths::for_record(into.join(paths.record.file_name().unwrap()));
    for (from, to) in [
        (&paths.record, &copy.record),
        (&paths.journal, &copy.journal),
    ] {
        if from.exists() {
            std::fs::copy(from, to).unwrap();
        }
    }
    let reopened = reopen(&copy).unwrap();
    let (m, refused) = resumed(plan(), &reopened.record, origin(), &reopened.entries, false);
    assert_eq!(refused, 0);
    drop(reopened);
    for path in [&copy.record, &copy.journal, &copy.lock] {
        let _ = std::fs::remove_file(path);
    }
    m
}

#[test]
fn a_record_filled_in_from_the_entries_holds_what_the_meeting_holds() {
    let dir = tempfile::tempdir().unwrap();
    let kills = tempfile::tempdir().unwrap();
    let (paths, lock) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start_on(Disk::real(), eager(), paths.clone(), lock, |_| {});
    let mut m = meeting();
    store.send(Message::Snapshot(Box::new(Record::of(&m))));
    let mut dice = Dice(7);
    let (mut edited, mut deleted) = (0, 0);
    for n in 0..120 {
        for action in next_actions(&mut dice, n) {
            let before = m.captures.len();
            let effects = update(&mut m, action);
            edited += usize::from(
                effects.iter().any(|e| matches!(e, Effect::Journal { .. }))
                    && m.captures
                        .iter()
                        .any(|c| c.what.text().ends_with("(edited)")),
            );
            deleted += usize::from(m.captures.len() < before);
            let rest = store.carry_out(&m, effects);
            assert!(
                rest.iter()
                    .all(|e| !matches!(e, Effect::Journal { .. } | Effect::Save)),
                "the store took every entry and save"
            );
        }
        if n % 15 == 14 {
            assert!(store.settled(Duration::from_secs(10)));
            let back = after_a_kill(&paths, kills.path());
            assert_eq!(
                items_of(&mut Record::of(&back)),
                items_of(&mut Record::of(&m)),
                "after step {n}"
            );
            assert_eq!(back.current, m.current, "after step {n}");
            assert_eq!(back.presenting, m.presenting, "after step {n}");
        }
    }
    assert!(
        edited > 0 && deleted > 0,
        "edited {edited}, deleted {deleted}"
    );
    assert!(m.captures.len() > 40, "{} items", m.captures.len());

    // The meeting ends on its last section: the last record is the
    // meeting's own, item for item.
    let last = m.sections.len() - 1;
    let effects = update(&mut m, Action::JumpTo(last));
    store.carry_out(&m, effects);
    // q asks for the next meeting; Enter on empty: none agreed.
    let mut quit = update(&mut m, Action::Quit);
    quit.extend(update(&mut m, key(KeyCode::Enter)));
    let rest = store.carry_out(&m, quit);
    assert_eq!(rest, vec![Effect::WriteMinutes, Effect::Quit]);
    assert!(m.ended.is_some());
    assert_eq!(store.finish(), Finished::Saved { ended: true });
    let on_disk = read_record(&paths.record).unwrap();
    assert_eq!(on_disk, Record::of(&m));
}

#[test]
fn a_save_carries_no_copy_of_the_items() {
    let mut m = meeting();
    for text in ["one", "two", "three"] {
        update(&mut m, Action::Note);
        for c in text.chars() {
            update(&mut m, key(KeyCode::Char(c)));
        }
        update(&mut m, key(KeyCode::Enter));
    }
    let mut frame = Record::frame_of(&m);
    assert!(frame.take_captured().is_empty());
    let mut whole = Record::of(&m);
    assert_eq!(whole.take_captured().len(), 3);
    // Everything else is the same.
    assert_eq!(frame, whole);
}
