//! What a change costs the disk in syncs. Journal lines written together
//! with the record are kept by the record's own two syncs (its file, its
//! folder); lines the record does not hold, and lines whose record could
//! not be written, are synced in the journal before the store goes on.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resetpoint::meeting::{Action, Effect, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use resetpoint::record::fs::{Disk, Fault, Faults, Op};
use resetpoint::record::journal::read;
use resetpoint::record::open::{create, read_record};
use resetpoint::record::store::{Health, Message, Paths, Store, Timing};

use crate::common;
use common::carry_out;

/// Notes the store's file operations in order; one of them may fail once
/// (an operation, and how many of its kind come before it), and the
/// writer can be held at one operation while messages queue.
struct Watching {
    ops: Mutex<Vec<Op>>,
    fail_once: Mutex<Option<(Op, usize)>>,
    hold: Mutex<Option<(Receiver<()>, Sender<()>)>>,
}

impl Watching {
    fn new(fail_once: Option<(Op, usize)>) -> std::sync::Arc<Watching> {
        std::sync::Arc::new(Watching {
            ops: Mutex::new(Vec::new()),
            fail_once: Mutex::new(fail_once),
            hold: Mutex::new(None),
        })
    }

    /// The writer's next operation waits until the first is used; the
    /// second says when it has reached it (it has taken its messages).
    fn hold_next(&self) -> (Sender<()>, Receiver<()>) {
        let (go, wait) = channel();
        let (reached, told) = channel();
        *self.hold.lock().unwrap() = Some((wait, reached));
        (go, told)
    }

    fn ops(&self) -> MutexGuard<'_, Vec<Op>> {
        self.ops.lock().unwrap()
    }
}

impl Faults for Watching {
    fn before(&self, op: Op) -> Option<Fault> {
        let held = self.hold.lock().unwrap().take();
        if let Some((wait, reached)) = held {
            let _ = reached.send(());
            let _ = wait.recv();
        }
        let mut ops = self.ops();
        let before = ops.iter().filter(|o| **o == op).count();
        ops.push(op);
        let mut fail = self.fail_once.lock().unwrap();
        if *fail == Some((op, before)) {
            *fail = None;
            return Some(Fault::Fail(std::io::Error::from_raw_os_error(libc::EIO)));
        }
        None
    }
}

/// A store that writes the record only when it must, never after a pause.
fn patient() -> Timing {
    Timing {
        record_idle: Duration::from_secs(3600),
        retry_every: Duration::from_millis(5),
        compact_after: u64::MAX,
        ..Timing::default()
    }
}

fn started(watching: &std::sync::Arc<Watching>) -> (tempfile::TempDir, Paths, Store) {
    let (dir, paths, store, _) = reporting(watching);
    (dir, paths, store)
}

/// A store on a watched disk, and what it reports.
fn reporting(
    watching: &std::sync::Arc<Watching>,
) -> (tempfile::TempDir, Paths, Store, Arc<Mutex<Vec<Health>>>) {
    let dir = tempfile::tempdir().unwrap();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let reports = Arc::new(Mutex::new(Vec::new()));
    let told = reports.clone();
    let store = Store::start_on(
        Disk::with_faults(watching.clone()),
        patient(),
        paths.clone(),
        held,
        move |health| told.lock().unwrap().push(health),
    );
    (dir, paths, store, reports)
}

fn syncs(ops: &[Op]) -> usize {
    ops.iter().filter(|op| **op == Op::Sync).count()
}

/// A meeting at a section where a note is only a note.
fn meeting() -> Meeting {
    let mut m = common::agenda_meeting(AgendaName::ResetPoint);
    update(&mut m, Action::JumpTo(3));
    m
}

#[test]
fn the_meeting_on_disk_from_its_start_costs_the_records_two_syncs() {
    let watching = Watching::new(None);
    let (_dir, paths, store) = started(&watching);
    let m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    assert!(store.settled(Duration::from_secs(10)));
    let ops = watching.ops().clone();
    // The journal's first line and the record, with one sync of the
    // record's file and one of its folder: the journal line is not synced
    // on its own, as the record holds what it says.
    assert_eq!(syncs(&ops), 1, "{ops:?}");
    assert_eq!(ops.iter().filter(|op| **op == Op::SyncFolder).count(), 1);
    let journal = read(&std::fs::read(&paths.journal).unwrap());
    assert!(journal.meeting.is_some(), "the journal names its meeting");
    assert!(read_record(&paths.record).is_ok());
}

#[test]
fn lines_written_with_a_record_that_fails_are_synced_in_the_journal() {
    let watching = Watching::new(Some((Op::Rename, 0)));
    let (_dir, paths, store) = started(&watching);
    let m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    assert!(store.settled(Duration::from_secs(10)));
    let ops = watching.ops().clone();
    let failed = ops.iter().position(|op| *op == Op::Rename).unwrap();
    // The record could not be put in place: the journal's line, which
    // then alone holds the meeting, is synced before anything else.
    assert_eq!(ops.get(failed + 1), Some(&Op::Sync), "{ops:?}");
    // And the record is written once the disk takes it.
    assert!(paths.record.exists());
}

#[test]
fn lines_that_came_after_the_records_frame_are_synced_in_the_journal() {
    let watching = Watching::new(None);
    let (_dir, paths, store) = started(&watching);
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    assert!(store.settled(Duration::from_secs(10)));
    // The writer is held at its first operation for a note while the next
    // batch queues: the next section (the record is due, its frame taken
    // then) and a key typed after that frame.
    let (go, reached) = watching.hold_next();
    let effects = common::type_line(&mut m, Action::Note, "held by the record");
    carry_out(&store, &m, effects);
    reached.recv().unwrap();
    let effects = update(&mut m, Action::NextSection);
    carry_out(&store, &m, effects);
    let effects = update(&mut m, Action::Note);
    carry_out(&store, &m, effects);
    let effects = update(
        &mut m,
        Action::Type(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)),
    );
    carry_out(&store, &m, effects);
    let from = watching.ops().len();
    go.send(()).unwrap();
    assert!(store.settled(Duration::from_secs(10)));
    let ops = watching.ops()[from..].to_vec();
    let last_record = ops.iter().rposition(|op| *op == Op::SyncFolder).unwrap();
    // The key typed after the record's frame is in the journal only, and
    // synced there.
    assert!(
        ops[last_record..].contains(&Op::Sync),
        "no sync of the journal after the record: {ops:?}"
    );
    let on_disk = read(&std::fs::read(&paths.journal).unwrap());
    let typed = on_disk.entries.last().unwrap().seq;
    assert_eq!(typed, m.seq);
}

#[test]
fn a_journal_sync_that_fails_once_leaves_its_lines_to_the_record_and_is_tried_again() {
    // The syncs of the run: the record's at the start, the journal's for
    // the opened field, then the one that fails: the journal's for the
    // note typed and closed.
    let watching = Watching::new(Some((Op::Sync, 2)));
    let (_dir, paths, store, reports) = reporting(&watching);
    let mut m = meeting();
    carry_out(&store, &m, vec![Effect::Save]);
    assert!(store.settled(Duration::from_secs(10)));
    // The writer is held at its write of the opened field while the next
    // batch queues: the note typed and closed, and a frame that waits
    // with it, not yet due on its own.
    let (go, reached) = watching.hold_next();
    let effects = update(&mut m, Action::Note);
    carry_out(&store, &m, effects);
    reached.recv().unwrap();
    let mut effects = Vec::new();
    for key in "said once"
        .chars()
        .map(KeyCode::Char)
        .chain([KeyCode::Enter])
    {
        effects.extend(update(
            &mut m,
            Action::Type(KeyEvent::new(key, KeyModifiers::NONE)),
        ));
    }
    carry_out(&store, &m, effects);
    store.send(Message::Snapshot(Box::new(Record::of(&m))));
    // And a field opened after that frame: the record will not hold it.
    let effects = update(&mut m, Action::Note);
    carry_out(&store, &m, effects);
    go.send(()).unwrap();
    assert!(store.settled(Duration::from_secs(10)));
    let ops = watching.ops().clone();
    let failed = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| **op == Op::Sync)
        .nth(2)
        .unwrap()
        .0;
    // The record is written at once with the note, and the journal tried
    // again with what the record lacks: the failure is never shown.
    assert_eq!(
        ops[failed + 1..],
        [
            Op::CreateTemporary,
            Op::Write,
            Op::Sync,
            Op::Rename,
            Op::SyncFolder,
            Op::Truncate,
            Op::Write,
            Op::Sync
        ],
        "{ops:?}"
    );
    assert!(
        !reports
            .lock()
            .unwrap()
            .iter()
            .any(|h| matches!(h, Health::Failing(_))),
        "{:?}",
        reports.lock().unwrap()
    );
    let record = read_record(&paths.record).unwrap();
    assert_eq!(record.notes.len(), 1);
    let journal = read(&std::fs::read(&paths.journal).unwrap());
    assert_eq!(journal.skipped + journal.torn, 0);
    assert_eq!(journal.entries.last().unwrap().seq, m.seq);
}
