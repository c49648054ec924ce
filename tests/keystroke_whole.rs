//! One keystroke is one durable step. Enter on a note closes the field and
//! puts the note; Esc closes it and keeps the text unsent. Both are two
//! journal entries, and a kill between them used to leave "the field is
//! closed" on disk without the note. Here every state the journal passes
//! through on its way to the disk (copied just before each sync, which is
//! what a `kill -9` at that moment would leave) is resumed, and the note
//! must be in every one of them once its typing had reached the disk: in
//! its field, among the unsent ones, or captured.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{Timestamp, tz::TimeZone};
use resetpoint::meeting::{Action, Clock, Meeting, Origin, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use resetpoint::record::fs::{Disk, Fault, Faults, Op};
use resetpoint::record::open::{create, reopen};
use resetpoint::record::resume::resumed;
use resetpoint::record::store::{Message, Paths, Store, Timing};

// A binary of its own: it asserts what the disk holds at every sync of
// the store, and shared with the other meeting tests' threads in one
// process it fails about one run in three (a state copied before a sync
// lacks a note already settled on disk); alone, and under CPU load, it
// has not failed. Why is not found yet; docs/testing.md says so.
#[path = "common/mod.rs"]
mod common;

/// The record's and the journal's bytes, when there were such files.
type OnDisk = (Option<Vec<u8>>, Option<Vec<u8>>);

/// The record and the journal as they stood before each sync.
struct Syncs {
    paths: Paths,
    states: Mutex<Vec<OnDisk>>,
}

impl Faults for Syncs {
    fn before(&self, op: Op) -> Option<Fault> {
        if op == Op::Sync {
            let state = (
                std::fs::read(&self.paths.record).ok(),
                std::fs::read(&self.paths.journal).ok(),
            );
            self.states.lock().unwrap().push(state);
        }
        None
    }
}

fn origin() -> Origin {
    Origin {
        plan_path: "demo.toml".into(),
        plan_sha256: "abc".into(),
        rehearsal: false,
    }
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Does what the loop does with one action: update, then hand its effects
/// to the store in one go.
fn press(store: &Store, m: &mut Meeting, action: Action) {
    let now = m.clock.now;
    let mut effects = update(m, Action::Tick(now));
    effects.extend(update(m, action));
    store.carry_out(m, effects);
}

/// Whether a meeting resumed from these files holds `text` anywhere a
/// typed note can be: its field, the unsent fields, or an item.
fn holds(state: &OnDisk, into: &std::path::Path, text: &str) -> bool {
    let copy = Paths::for_record(into.join("2026-11-24-1400-status.toml"));
    for (bytes, to) in [(&state.0, &copy.record), (&state.1, &copy.journal)] {
        match bytes {
            Some(bytes) => std::fs::write(to, bytes).unwrap(),
            None => {
                let _ = std::fs::remove_file(to);
            }
        }
    }
    let Ok(reopened) = reopen(&copy) else {
        return false;
    };
    let (m, _) = resumed(
        common::demo_plan(),
        &reopened.record,
        origin(),
        &reopened.entries,
        true,
    );
    m.draft.as_ref().is_some_and(|d| d.text().contains(text))
        || m.unsent.iter().any(|d| d.text.contains(text))
        || m.captures.iter().any(|c| c.what.text().contains(text))
}

#[test]
fn a_kill_right_after_enter_or_esc_never_loses_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, lock) = create(dir.path(), "2026-11-24-1400-status").unwrap();
    let syncs = Arc::new(Syncs {
        paths: paths.clone(),
        states: Mutex::new(Vec::new()),
    });
    let store = Store::start_on(
        Disk::with_faults(syncs.clone()),
        Timing::default(),
        paths.clone(),
        lock,
        |_| {},
    );
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        common::demo_plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    m.origin = origin();
    store.send(Message::Snapshot(Box::new(Record::of(&m))));
    press(&store, &mut m, Action::NextSection);
    // The window the race lives in is a few microseconds wide, so the
    // closing key is pressed many times; each time the typing is on disk
    // first, as it is half a second after the last key.
    let mut watched: Vec<(String, usize, usize)> = Vec::new();
    for n in 0..400 {
        let text = format!("Grüße 日本 note {n}");
        press(&store, &mut m, Action::Note);
        for c in text.chars() {
            press(&store, &mut m, key(KeyCode::Char(c)));
        }
        assert!(store.settled(Duration::from_secs(10)));
        let from = syncs.states.lock().unwrap().len();
        let close = if n % 2 == 0 {
            KeyCode::Enter
        } else {
            KeyCode::Esc
        };
        press(&store, &mut m, key(close));
        assert!(store.settled(Duration::from_secs(10)));
        let to = syncs.states.lock().unwrap().len();
        watched.push((text, from, to));
    }
    let states = syncs.states.lock().unwrap().clone();
    let scratch = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for (text, from, to) in &watched {
        for (n, state) in states[*from..*to].iter().enumerate() {
            assert!(
                holds(state, scratch.path(), text),
                "a kill at sync {} after closing {text:?} loses it",
                from + n
            );
            checked += 1;
        }
    }
    assert!(checked >= watched.len(), "every close reached the disk");
    store.finish();
}
