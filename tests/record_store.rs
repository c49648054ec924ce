//! The meeting record on disk: round trips, the journal's torn tails, the
//! store's atomic writes and retries, and the lock between two resetpoints.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{Timestamp, tz::TimeZone};
use proptest::prelude::*;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::update::Change;
use resetpoint::meeting::{Action, Capture, Clock, Effect, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::{Record, restore};
use resetpoint::record::journal::{Entry, line, read};
use resetpoint::record::open::{OpenError, create, lock_journal, reopen, unfinished};
use resetpoint::record::store::{Finished, Health, Message, Store};

fn meeting() -> Meeting {
    let demo = include_str!("../assets/demo.toml");
    let plan = load_bytes("demo.toml", demo.as_bytes()).plan.unwrap();
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    )
}

fn typed(m: &mut Meeting, open: Action, text: &str) -> Vec<Effect> {
    let mut effects = update(m, open);
    for c in text.chars() {
        effects.extend(update(
            m,
            Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        ));
    }
    effects.extend(update(
        m,
        Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    ));
    effects
}

/// A meeting with one of nearly everything captured, and a field left open.
fn busy_meeting() -> Meeting {
    let mut m = meeting();
    update(&mut m, Action::Select);
    update(&mut m, Action::NextSection);
    typed(
        &mut m,
        Action::Select,
        "We \"feel\" ignored = [true]\n# not a comment",
    );
    update(&mut m, Action::JumpTo(3));
    typed(&mut m, Action::NewAction, "Send plan @sam due:2026-12-01");
    typed(&mut m, Action::Decision, "Weekly reports on Thursdays");
    typed(&mut m, Action::Risk, "Vendor folds @priya #internal");
    typed(&mut m, Action::PrivateNote, "Ola looked unconvinced");
    let rules = m
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Rules)
        .unwrap();
    update(&mut m, Action::JumpTo(rules));
    typed(&mut m, Action::Signoff, "approved @ola");
    update(&mut m, Action::Note);
    for c in "half typed — ünïcødé 日本".chars() {
        update(
            &mut m,
            Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
    m
}

#[test]
fn a_record_round_trips_through_toml() {
    let live = busy_meeting();
    let text = Record::of(&live).to_toml();
    let parsed: Record = toml::from_str(&text).unwrap();
    assert_eq!(parsed, Record::of(&live));
    let mut restored = meeting();
    restore(&mut restored, &parsed);
    assert_eq!(restored.captures, live.captures);
    assert_eq!(restored.current, live.current);
    assert_eq!(restored.ids, live.ids);
    assert_eq!(
        restored.draft.map(|d| d.text()),
        Some("half typed — ünïcødé 日本".to_owned())
    );
    assert!(
        text.contains("[[actions]]") && text.contains("[[signoffs]]") && text.contains("[[notes]]")
    );
}

fn entries(n: usize) -> Vec<Entry> {
    (1..=n as u64)
        .map(|seq| Entry {
            seq,
            change: Change::Remove {
                id: format!("N-{seq} ünï \"quoted\"\n"),
            },
        })
        .collect()
}

proptest! {
    #[test]
    fn a_torn_or_damaged_tail_leaves_a_prefix(n in 1usize..30, cut in any::<prop::sample::Index>(), flip in any::<Option<(prop::sample::Index, u8)>>()) {
        let all = entries(n);
        let mut bytes: Vec<u8> = all.iter().map(line).collect::<String>().into_bytes();
        let keep = cut.index(bytes.len() + 1);
        bytes.truncate(keep);
        if let Some((at, mask)) = flip.filter(|_| !bytes.is_empty()) {
            let at = at.index(bytes.len());
            bytes[at] ^= mask.max(1);
        }
        let (read_back, _) = read(&bytes);
        prop_assert!(read_back.len() <= n);
        prop_assert_eq!(&read_back[..], &all[..read_back.len()]);
        // Undamaged, every whole line before the cut is kept.
        if flip.is_none() {
            let mut end = 0;
            let whole = all.iter().filter(|e| { end += line(e).len(); end <= keep }).count();
            prop_assert_eq!(read_back.len(), whole);
        }
    }

    #[test]
    fn any_bytes_read_as_a_journal_do_not_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let (entries, dropped) = read(&bytes);
        prop_assert!(dropped <= bytes.len());
        prop_assert!(entries.len() <= bytes.len());
    }
}

fn wait_for(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Send a meeting's effects to a store, as the loop does.
fn carry_out(store: &Store, m: &Meeting, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Journal { seq, change } => store.send(Message::Entry(Entry { seq, change })),
            Effect::Save => store.send(Message::Snapshot(Box::new(Record::of(m)))),
            Effect::Quit | Effect::WriteMinutes => {}
        }
    }
}

#[test]
fn the_store_writes_the_journal_at_once_and_the_record_on_commit() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, journal) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start(paths.clone(), journal, |_| {});
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    let effects = update(&mut m, Action::Note);
    carry_out(&store, &m, effects);
    for c in "typed".chars() {
        let effects = update(
            &mut m,
            Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
        carry_out(&store, &m, effects);
    }
    // Typing reaches the journal without waiting for a commit.
    wait_for("the draft in the journal", || {
        let (entries, _) = read(&std::fs::read(&paths.journal).unwrap());
        entries
            .iter()
            .any(|e| matches!(&e.change, Change::Draft { draft: Some(d) } if d.text == "typed"))
    });
    let effects = update(
        &mut m,
        Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    carry_out(&store, &m, effects);
    assert_eq!(store.finish(), Finished::Saved);
    let record: Record = toml::from_str(&std::fs::read_to_string(&paths.record).unwrap()).unwrap();
    assert_eq!(record.notes.len(), 1);
    assert!(
        paths.journal.exists(),
        "an unfinished meeting keeps its journal"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn a_failed_write_is_reported_kept_and_retried_until_it_works() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("meetings");
    let (paths, journal) = create(&dir, "2026-11-24-1400-reset-point").unwrap();
    let health = Arc::new(Mutex::new(Vec::new()));
    let seen = health.clone();
    let store = Store::start(paths.clone(), journal, move |h| {
        seen.lock().unwrap().push(h)
    });
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    wait_for("the first record", || paths.record.exists());
    // The folder goes away mid-meeting (a pulled USB disk, a synced folder).
    let away = base.path().join("away");
    std::fs::rename(&dir, &away).unwrap();
    let effects = typed(&mut m, Action::Note, "said while the disk was gone");
    carry_out(&store, &m, effects);
    wait_for("the failure to be reported", || {
        health
            .lock()
            .unwrap()
            .iter()
            .any(|h| matches!(h, Health::Failing(why) if why.contains("Cannot save")))
    });
    std::fs::rename(&away, &dir).unwrap();
    wait_for("saving to work again", || {
        health.lock().unwrap().last() == Some(&Health::Recovered)
    });
    assert_eq!(store.finish(), Finished::Saved);
    let record: Record = toml::from_str(&std::fs::read_to_string(&paths.record).unwrap()).unwrap();
    assert!(record.notes.iter().any(|n| n.what
        == Capture::Note {
            text: "said while the disk was gone".into(),
            private: false,
            unsent: false,
        }));
}

#[test]
fn a_disk_that_never_recovers_gets_a_copy_elsewhere() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("meetings");
    let (paths, journal) = create(&dir, "2026-11-24-1400-never").unwrap();
    let store = Store::start(paths, journal, |_| {});
    let mut m = meeting();
    std::fs::remove_dir_all(&dir).unwrap();
    let effects = typed(&mut m, Action::Note, "must not be lost");
    carry_out(&store, &m, effects);
    let Finished::SavedElsewhere(copy) = store.finish() else {
        panic!("expected a copy elsewhere")
    };
    let text = std::fs::read_to_string(&copy).unwrap();
    std::fs::remove_file(&copy).unwrap();
    assert!(text.contains("must not be lost"));
}

#[test]
fn a_meeting_open_in_one_resetpoint_is_refused_to_another() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, _held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    std::fs::write(&paths.record, Record::of(&meeting()).to_toml()).unwrap();
    assert!(matches!(lock_journal(&paths), Err(OpenError::InUse(_))));
    assert!(matches!(reopen(&paths), Err(OpenError::InUse(_))));
    drop(_held);
    assert!(reopen(&paths).is_ok(), "free once the first lets go");
}

#[test]
fn new_meetings_never_take_an_existing_name_and_unfinished_ones_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let (first, _a) = create(dir.path(), "2026-11-24-1400-status").unwrap();
    let (second, _b) = create(dir.path(), "2026-11-24-1400-status").unwrap();
    assert_ne!(first.record, second.record);
    std::fs::write(&first.record, Record::of(&meeting()).to_toml()).unwrap();
    let (found, record) = unfinished(dir.path(), "shipment-tracking").unwrap();
    assert_eq!(found.record, first.record);
    assert!(record.meeting.ended.is_none());
    assert!(unfinished(dir.path(), "another-project").is_none());
}
