//! The meeting record on disk: round trips, the journal's torn tails and
//! damaged lines, the store's atomic writes and retries, the files it
//! refuses, and the lock between two resetpoints.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::update::Change;
use resetpoint::meeting::{Action, Capture, Effect, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::folder::{scan, unfinished};
use resetpoint::record::format::{Record, restore};
use resetpoint::record::fs::Disk;
use resetpoint::record::journal::{Entry, line, read};
use resetpoint::record::open::{OpenError, create, lock, reopen};
use resetpoint::record::resume::resumed;
use resetpoint::record::store::{Finished, Health, Message, Store, Timing};

use crate::common;

use common::{agenda_meeting, carry_out, type_line};

fn meeting() -> Meeting {
    agenda_meeting(AgendaName::ResetPoint)
}

/// A meeting with one of nearly everything captured, and a field left open.
fn busy_meeting() -> Meeting {
    let mut m = meeting();
    update(&mut m, Action::Select);
    update(&mut m, Action::NextSection);
    type_line(
        &mut m,
        Action::Select,
        "We \"feel\" ignored = [true]\n# not a comment",
    );
    update(&mut m, Action::JumpTo(3));
    type_line(&mut m, Action::NewAction, "Send plan @sam due:2026-12-01");
    type_line(&mut m, Action::Decision, "Weekly reports on Thursdays");
    type_line(
        &mut m,
        Action::Risk,
        "Vendor folds @priya #internal p:2 i:4",
    );
    type_line(&mut m, Action::PrivateNote, "Ola looked unconvinced");
    let rules = m
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Rules)
        .unwrap();
    update(&mut m, Action::JumpTo(rules));
    type_line(&mut m, Action::Signoff, "approved @ola");
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
    fn every_line_whose_crc_holds_is_kept(n in 1usize..30, cut in any::<prop::sample::Index>(), flip in any::<Option<(prop::sample::Index, u8)>>()) {
        let all = entries(n);
        let mut bytes: Vec<u8> = all.iter().map(line).collect::<String>().into_bytes();
        let keep = cut.index(bytes.len() + 1);
        bytes.truncate(keep);
        if let Some((at, mask)) = flip.filter(|_| !bytes.is_empty()) {
            let at = at.index(bytes.len());
            bytes[at] ^= mask.max(1);
        }
        let read_back = read(&bytes);
        // What is read is the written lines, in order, with none made up.
        let mut rest = all.iter();
        for entry in &read_back.entries {
            prop_assert!(rest.any(|e| e == entry), "{entry:?} out of order or made up");
        }
        let mut end = 0;
        let whole = all.iter().filter(|e| { end += line(e).len(); end <= keep }).count();
        if flip.is_none() {
            // Undamaged, every whole line before the cut is kept.
            prop_assert_eq!(read_back.entries.len(), whole);
            prop_assert_eq!(read_back.skipped, 0);
        } else {
            // One damaged byte costs at most the two lines it touches
            // (a newline damaged joins two), never the lines after them.
            prop_assert!(read_back.entries.len() + 2 >= whole, "{} of {whole} kept", read_back.entries.len());
            prop_assert!(read_back.skipped <= 2);
        }
    }

    #[test]
    fn any_bytes_read_as_a_journal_do_not_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let read_back = read(&bytes);
        prop_assert!(read_back.torn <= bytes.len());
        prop_assert!(read_back.entries.len() <= bytes.len());
    }
}

fn wait_for(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_store_writes_the_journal_at_once_and_the_record_on_commit() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start(paths.clone(), held, |_| {});
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
        read(&std::fs::read(&paths.journal).unwrap())
            .entries
            .iter()
            .any(|e| matches!(&e.change, Change::Draft { draft: Some(d) } if d.text == "typed"))
    });
    let effects = update(
        &mut m,
        Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    carry_out(&store, &m, effects);
    assert!(matches!(store.finish(), Finished::Saved { .. }));
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
    let (paths, held) = create(&dir, "2026-11-24-1400-reset-point").unwrap();
    let health = Arc::new(Mutex::new(Vec::new()));
    let seen = health.clone();
    let store = Store::start(paths.clone(), held, move |h| seen.lock().unwrap().push(h));
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    wait_for("the first record", || paths.record.exists());
    // The folder goes away mid-meeting (a pulled USB disk, a synced folder).
    let away = base.path().join("away");
    std::fs::rename(&dir, &away).unwrap();
    let effects = type_line(&mut m, Action::Note, "said while the disk was gone");
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
    assert!(matches!(store.finish(), Finished::Saved { .. }));
    let record: Record = toml::from_str(&std::fs::read_to_string(&paths.record).unwrap()).unwrap();
    assert!(record.notes.iter().any(|n| n.what
        == Capture::Note {
            text: "said while the disk was gone".into(),
            private: false,
            unsent: false,
        }));
}

#[test]
fn a_disk_that_never_recovers_gets_a_copy_in_a_private_folder_of_its_own() {
    use std::os::unix::fs::PermissionsExt as _;
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("meetings");
    let (paths, held) = create(&dir, "2026-11-24-1400-never").unwrap();
    let store = Store::start(paths, held, |_| {});
    let mut m = meeting();
    std::fs::remove_dir_all(&dir).unwrap();
    let effects = type_line(&mut m, Action::Note, "must not be lost");
    carry_out(&store, &m, effects);
    carry_out(&store, &m, vec![Effect::Save]);
    let Finished::SavedElsewhere(copy) = store.finish() else {
        panic!("expected a copy elsewhere")
    };
    let text = std::fs::read_to_string(&copy).unwrap();
    let folder = copy.parent().unwrap().to_path_buf();
    let folder_mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
    let file_mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    std::fs::remove_dir_all(&folder).unwrap();
    assert!(text.contains("must not be lost"));
    assert_eq!((folder_mode, file_mode), (0o700, 0o600));
    assert!(
        folder
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("resetpoint-unsaved-")
            && folder.file_name().unwrap().len() > "resetpoint-unsaved-".len(),
        "a folder with a unique name: {}",
        folder.display()
    );
}

#[test]
fn a_meeting_open_in_one_resetpoint_is_refused_to_another_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    std::fs::write(&paths.record, Record::of(&meeting()).to_toml()).unwrap();
    let Err(refused) = lock(&paths) else {
        panic!("a second lock was given")
    };
    let message = refused.to_string();
    assert!(
        message.contains(&format!(
            "is open in another resetpoint, pid {}, since ",
            std::process::id()
        )),
        "{message}"
    );
    assert!(matches!(reopen(&paths), Err(OpenError::InUse { .. })));
    drop(held);
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

#[test]
fn records_journals_and_folders_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("new").join("meetings");
    let (paths, held) = create(&dir, "2026-11-24-1400-status").unwrap();
    let store = Store::start(paths.clone(), held, |_| {});
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    let effects = type_line(&mut m, Action::Note, "private");
    carry_out(&store, &m, effects);
    carry_out(&store, &m, vec![Effect::Save]);
    assert!(matches!(store.finish(), Finished::Saved { .. }));
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(dir.parent().unwrap()), 0o700);
    for file in [&paths.record, &paths.journal, &paths.lock] {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
}

#[test]
fn a_symlink_or_fifo_where_a_record_or_journal_should_be_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-status").unwrap();
    std::fs::write(&paths.record, Record::of(&meeting()).to_toml()).unwrap();
    // Someone points the journal at a file of theirs.
    let theirs = dir.path().join("theirs.txt");
    std::fs::write(&theirs, "theirs\n").unwrap();
    std::fs::remove_file(&paths.journal).unwrap();
    std::os::unix::fs::symlink(&theirs, &paths.journal).unwrap();
    let health = Arc::new(Mutex::new(Vec::new()));
    let seen = health.clone();
    let quick = Timing {
        retry_every: Duration::from_millis(20),
        finish_patience: Duration::from_millis(100),
        ..Timing::default()
    };
    let store = Store::start_on(Disk::real(), quick, paths.clone(), held, move |h| {
        seen.lock().unwrap().push(h)
    });
    let mut m = meeting();
    let effects = type_line(&mut m, Action::Note, "never into their file");
    carry_out(&store, &m, effects);
    wait_for("the refusal in the banner", || {
        health
            .lock()
            .unwrap()
            .iter()
            .any(|h| matches!(h, Health::Failing(why) if why.contains("symlink")))
    });
    carry_out(&store, &m, vec![Effect::Save]);
    if let Finished::SavedElsewhere(copy) = store.finish() {
        std::fs::remove_dir_all(copy.parent().unwrap()).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "theirs\n");

    // A FIFO named like a record is named, not waited on.
    let fifo = dir.path().join("2026-11-25-0900-status.toml");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path and nothing else.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let found = scan(dir.path(), "shipment-tracking");
    let said: Vec<String> = found.unreadable.iter().map(|e| e.to_string()).collect();
    assert!(
        said.iter()
            .any(|s| s.contains("2026-11-25-0900-status.toml") && s.contains("FIFO")),
        "{said:?}"
    );
}

#[test]
fn an_unreadable_record_is_named_by_line_and_column_or_rebuilt_from_its_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start(paths.clone(), held, |_| {});
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    let effects = type_line(&mut m, Action::Note, "kept by the journal");
    carry_out(&store, &m, effects);
    assert!(store.settled(Duration::from_secs(10)));
    assert!(matches!(store.finish(), Finished::Saved { .. }));
    std::fs::write(
        &paths.record,
        "[meeting]\nproject = \"x\"\nthis is not toml\n",
    )
    .unwrap();
    let (found, _) = unfinished(dir.path(), "shipment-tracking").expect("rebuilt from the journal");
    assert_eq!(found, paths);
    let reopened = reopen(&paths).unwrap();
    assert!(reopened.rebuilt);
    let texts: Vec<String> = reopened
        .entries
        .iter()
        .filter_map(|e| match &e.change {
            Change::Put { item } => Some(item.what.text()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, vec!["kept by the journal".to_owned()]);
    drop(reopened);

    // Without a journal, the record is named with its line and column.
    std::fs::remove_file(&paths.journal).unwrap();
    let found = scan(dir.path(), "shipment-tracking");
    assert!(found.unfinished.is_empty());
    let said = found.unreadable[0].to_string();
    assert!(
        said.contains("2026-11-24-1400-reset-point.toml:3:"),
        "{said}"
    );
}

fn note(id: &str, section: usize) -> resetpoint::meeting::Captured {
    resetpoint::meeting::Captured {
        id: id.into(),
        section,
        at: "2026-11-24T14:05:00Z".parse().unwrap(),
        what: Capture::Note {
            text: format!("note {id}"),
            private: false,
            unsent: false,
        },
        order: 0,
    }
}

fn origin() -> resetpoint::meeting::Origin {
    resetpoint::meeting::Origin {
        plan_path: "demo.toml".into(),
        plan_sha256: "abc".into(),
        rehearsal: false,
    }
}

/// Found by fuzzing: journal lines with a section index of 2^64−1 or an
/// item id of 2^63−1 were replayed as they were, to overflow later.
#[test]
fn journal_lines_with_impossible_numbers_are_clamped_or_refused_on_replay() {
    let start = meeting();
    let last = start.sections.len() - 1;
    let entries = vec![
        Entry {
            seq: 1,
            change: Change::Put {
                item: note("N-1", usize::MAX),
            },
        },
        Entry {
            seq: 2,
            change: Change::Put {
                item: note("A-9223372036854775807", 0),
            },
        },
        Entry {
            seq: 3,
            change: Change::Position {
                current: usize::MAX,
                spent: vec![i64::MAX, i64::MIN, i64::MAX],
            },
        },
        Entry {
            seq: 4,
            change: Change::Draft {
                draft: Some(resetpoint::meeting::DraftState {
                    kind: resetpoint::meeting::DraftKind::Answer {
                        question: usize::MAX,
                    },
                    editing: None,
                    section: usize::MAX,
                    text: "still here".into(),
                    internal: false,
                }),
            },
        },
        Entry {
            seq: u64::MAX,
            change: Change::Remove { id: "N-1".into() },
        },
    ];
    // The journal's own reading keeps them (their CRC holds)...
    let text: String = entries.iter().map(line).collect();
    assert_eq!(read(text.as_bytes()).entries.len(), entries.len());
    // ...and replay brings them within bounds or leaves them out.
    let mut record = Record::of(&start);
    record.meeting.ids = toml::from_str("A = 18446744073709551615").unwrap();
    record.meeting.last_seq = 0;
    let (mut m, refused) = resumed(start.plan.clone(), &record, origin(), &entries, true);
    assert_eq!(refused, 2, "the huge id and the huge sequence number");
    assert_eq!(m.captures.len(), 1);
    assert_eq!(m.captures[0].section, last);
    assert_eq!(m.current, last);
    assert_eq!(
        m.ids.take("A"),
        "A-1",
        "an impossible id number takes nothing"
    );
    assert!(
        m.clock
            .spent
            .iter()
            .all(|s| (0..=7 * 24 * 3600).contains(s))
    );
    let draft = m.draft.as_ref().expect("the field comes back");
    assert_eq!(
        (draft.section, draft.text()),
        (last, "still here".to_owned())
    );
    // The meeting goes on without overflowing anywhere.
    update(
        &mut m,
        Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    type_line(&mut m, Action::Note, "after");
    update(&mut m, Action::PreviousSection);
    let again = Record::of(&m);
    assert!(again.items().iter().any(|c| c.what.text() == "after"));
}

#[test]
fn a_resumed_meeting_keeps_the_plan_it_started_with_beside_the_plan_now() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let mut before = Record::of(&meeting());
    before.meeting.plan_sha256 = "sha-at-start".into();
    std::fs::write(&paths.record, before.to_toml()).unwrap();
    let store = Store::start(paths.clone(), held, |_| {});
    let mut now = Record::of(&meeting());
    now.meeting.plan_sha256 = "sha-now".into();
    store.send(Message::Snapshot(Box::new(now)));
    assert!(matches!(store.finish(), Finished::Saved { .. }));
    let record = resetpoint::record::open::read_record(&paths.record).unwrap();
    assert_eq!(record.meeting.plan_sha256, "sha-now");
    assert_eq!(
        record.meeting.plan_sha256_at_start.as_deref(),
        Some("sha-at-start")
    );
    assert_eq!(record.plan_at_start(), "sha-at-start");
}

#[test]
fn a_record_that_cannot_be_created_still_leaves_its_words_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    // Something is in the record's way: it can never be written.
    std::fs::create_dir(&paths.record).unwrap();
    let quick = Timing {
        retry_every: Duration::from_millis(20),
        finish_patience: Duration::from_millis(100),
        ..Timing::default()
    };
    let store = Store::start_on(Disk::real(), quick, paths.clone(), held, |_| {});
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    let effects = type_line(&mut m, Action::Note, "only in the journal");
    carry_out(&store, &m, effects);
    wait_for("the note in the journal", || {
        read(&std::fs::read(&paths.journal).unwrap())
            .entries
            .iter()
            .any(|e| matches!(&e.change, Change::Put { .. }))
    });
    if let Finished::SavedElsewhere(copy) = store.finish() {
        std::fs::remove_dir_all(copy.parent().unwrap()).unwrap();
    }
    let (found, record) = unfinished(dir.path(), "shipment-tracking").expect("offered for resume");
    assert_eq!(found, paths);
    let reopened = reopen(&paths).unwrap();
    assert!(reopened.rebuilt);
    let (back, _) = resumed(m.plan.clone(), &record, origin(), &reopened.entries, true);
    assert!(
        back.captures
            .iter()
            .any(|c| c.what.text() == "only in the journal")
    );
}

/// A store that writes the record only when it must (never after a pause)
/// and compacts any journal once a record holding it is on disk.
fn patient(compact_after: u64) -> Timing {
    Timing {
        record_idle: Duration::from_secs(3600),
        compact_after,
        ..Timing::default()
    }
}

fn on_disk(path: &std::path::Path) -> Record {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn commits_go_to_the_journal_and_the_record_follows_on_a_section_change() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start_on(Disk::real(), patient(u64::MAX), paths.clone(), held, |_| {});
    let mut m = meeting();
    // A section where a note is only a note.
    update(&mut m, Action::JumpTo(3));
    carry_out(&store, &m, vec![Effect::Save]);
    assert!(store.settled(Duration::from_secs(10)));
    for n in 0..5 {
        let effects = type_line(&mut m, Action::Note, &format!("note {n}"));
        carry_out(&store, &m, effects);
    }
    assert!(store.settled(Duration::from_secs(10)));
    // Every commit is on disk in the journal; the record was not rewritten.
    let journal = read(&std::fs::read(&paths.journal).unwrap());
    let puts = journal
        .entries
        .iter()
        .filter(|e| matches!(e.change, Change::Put { .. }))
        .count();
    assert_eq!(puts, 5);
    assert!(on_disk(&paths.record).notes.is_empty());
    let effects = update(&mut m, Action::NextSection);
    carry_out(&store, &m, effects);
    assert!(store.settled(Duration::from_secs(10)));
    assert_eq!(on_disk(&paths.record).notes.len(), 5);
    assert!(matches!(store.finish(), Finished::Saved { ended: false }));
}

#[test]
fn a_long_journal_brings_the_record_up_to_date_without_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start_on(Disk::real(), patient(u64::MAX), paths.clone(), held, |_| {});
    let mut m = meeting();
    // A section where a note is only a note.
    update(&mut m, Action::JumpTo(3));
    carry_out(&store, &m, vec![Effect::Save]);
    assert!(store.settled(Duration::from_secs(10)));
    let long = "the customer explained at length ".repeat(60);
    for _ in 0..200 {
        let mut effects = update(&mut m, Action::Paste(long.clone()));
        effects.extend(update(
            &mut m,
            Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        ));
        carry_out(&store, &m, effects);
        assert!(store.settled(Duration::from_secs(10)));
    }
    // 200 notes of 2 KB make a journal well past its bound: the record has
    // been written since, in the same section and without a pause.
    let notes = on_disk(&paths.record).notes.len();
    assert!(notes >= 100, "the record holds {notes} notes");
    assert!(matches!(store.finish(), Finished::Saved { .. }));
}

#[test]
fn after_compaction_a_resume_replays_only_what_came_after_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start_on(Disk::real(), patient(0), paths.clone(), held, |_| {});
    let mut m = meeting();
    // A section where a note is only a note.
    update(&mut m, Action::JumpTo(3));
    carry_out(&store, &m, vec![Effect::Save]);
    assert!(store.settled(Duration::from_secs(10)));
    for n in 0..30 {
        let effects = type_line(&mut m, Action::Note, &format!("note {n} — ünï"));
        carry_out(&store, &m, effects);
    }
    // The section change writes the record; the journal then starts again.
    let effects = update(&mut m, Action::NextSection);
    carry_out(&store, &m, effects);
    assert!(store.settled(Duration::from_secs(10)));
    let effects = type_line(&mut m, Action::Note, "after the record");
    carry_out(&store, &m, effects);
    let effects = update(&mut m, Action::Note);
    carry_out(&store, &m, effects);
    for c in "half typed".chars() {
        let effects = update(
            &mut m,
            Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
        carry_out(&store, &m, effects);
    }
    assert!(store.settled(Duration::from_secs(10)));
    // What a kill now would leave.
    let killed = tempfile::tempdir().unwrap();
    let copy = resetpoint::record::store::Paths::for_record(
        killed.path().join(paths.record.file_name().unwrap()),
    );
    std::fs::copy(&paths.record, &copy.record).unwrap();
    std::fs::copy(&paths.journal, &copy.journal).unwrap();
    let journal = read(&std::fs::read(&copy.journal).unwrap());
    let record = on_disk(&copy.record);
    assert_eq!(
        journal.meeting.as_ref().map(|h| h.last_seq),
        Some(record.meeting.last_seq),
        "the new journal's first line names the record it follows"
    );
    let reopened = reopen(&copy).unwrap();
    assert!(
        reopened.entries.len() <= 5,
        "only the tail is replayed: {:?}",
        reopened.entries
    );
    let puts: Vec<String> = reopened
        .entries
        .iter()
        .filter_map(|e| match &e.change {
            Change::Put { item } => Some(item.what.text()),
            _ => None,
        })
        .collect();
    assert_eq!(puts, vec!["after the record".to_owned()]);
    let (back, _) = resumed(
        m.plan.clone(),
        &reopened.record,
        origin(),
        &reopened.entries,
        true,
    );
    assert_eq!(back.captures, m.captures);
    assert_eq!(back.draft.map(|d| d.text()), Some("half typed".to_owned()));
    drop(reopened);
    assert!(matches!(store.finish(), Finished::Saved { ended: false }));
}

#[test]
fn an_ended_meeting_says_so_and_leaves_only_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start_on(Disk::real(), patient(0), paths.clone(), held, |_| {});
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    let effects = type_line(&mut m, Action::Note, "the last word");
    carry_out(&store, &m, effects);
    let last = m.sections.len() - 1;
    let mut effects = update(&mut m, Action::JumpTo(last));
    effects.extend(common::quit(&mut m));
    carry_out(&store, &m, effects);
    assert_eq!(store.finish(), Finished::Saved { ended: true });
    let record = on_disk(&paths.record);
    assert!(record.meeting.ended.is_some());
    assert_eq!(record.notes.len(), 1);
    assert!(!paths.journal.exists() && !paths.lock.exists());
}

#[test]
fn a_journal_left_with_a_torn_last_line_is_cut_back_before_more_is_appended() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    // A power cut left half of the last line on disk.
    let whole: String = entries(2).iter().map(line).collect();
    let torn = &line(&entries(3)[2])[..20];
    std::fs::write(&paths.journal, format!("{whole}{torn}")).unwrap();
    let store = Store::start_on(Disk::real(), patient(u64::MAX), paths.clone(), held, |_| {});
    let next = Entry {
        seq: 4,
        change: Change::Remove { id: "N-4".into() },
    };
    store.send(Message::Entries(vec![next.clone()]));
    assert!(store.settled(Duration::from_secs(10)));
    let journal = read(&std::fs::read(&paths.journal).unwrap());
    assert_eq!((journal.skipped, journal.torn), (0, 0), "no damaged line");
    assert_eq!(journal.entries.last(), Some(&next));
    assert_eq!(journal.entries.len(), 3);
    drop(store);
}
