//! The durability promise under a failing disk: a scripted meeting is
//! written through a disk that fails (full, I/O error, short write, failed
//! sync, failed rename) at every one of its file operations in turn. After
//! the disk comes back, what a killed process would leave on disk replays
//! to everything captured and the open field, the journal has no damaged
//! line, the final record holds it all, and no other resetpoint could take
//! the meeting at any point. A kill just before each file operation of a
//! meeting whose journal is compacted at every record write leaves files
//! that replay to everything that had reached the disk.

use crate::common;
use common::carry_out;

use std::cell::RefCell;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Effect, Meeting, Origin, update};
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;
use resetpoint::record::fs::{Disk, Fault, Faults, Op};
use resetpoint::record::journal::read;
use resetpoint::record::open::{OpenError, create, lock, read_record, reopen};
use resetpoint::record::resume::resumed;
use resetpoint::record::store::{Finished, Message, Paths, Store, Timing};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Every operation from the point on fails with ENOSPC until the disk returns.
    Full,
    /// The operation at the point fails with EIO, once.
    Io,
    /// The first write from the point on takes a few bytes, then the disk is full.
    Short,
    /// The first sync from the point on fails, once.
    Sync,
    /// The first rename from the point on fails, once.
    Rename,
}

struct Failing {
    kind: Kind,
    at: usize,
    state: Mutex<FailingState>,
}

#[derive(Default)]
struct FailingState {
    seen: usize,
    struck: bool,
    full: bool,
    back: bool,
}

impl Faults for Failing {
    fn before(&self, op: Op) -> Option<Fault> {
        let mut s = self.state.lock().unwrap();
        if s.back {
            return None;
        }
        let n = s.seen;
        s.seen += 1;
        if s.full {
            return Some(Fault::Fail(std::io::Error::from_raw_os_error(libc::ENOSPC)));
        }
        if n < self.at || s.struck {
            return None;
        }
        let error = |code| Some(Fault::Fail(std::io::Error::from_raw_os_error(code)));
        match self.kind {
            Kind::Full => {
                s.full = true;
                error(libc::ENOSPC)
            }
            Kind::Io => {
                s.struck = true;
                error(libc::EIO)
            }
            Kind::Short if op == Op::Write => {
                s.struck = true;
                s.full = true;
                Some(Fault::Short(7))
            }
            Kind::Sync if op == Op::Sync => {
                s.struck = true;
                error(libc::EIO)
            }
            Kind::Rename if op == Op::Rename => {
                s.struck = true;
                error(libc::EIO)
            }
            _ => None,
        }
    }
}

/// Notes the operations of a run on a disk that never fails.
struct Counting(Mutex<Vec<Op>>);

impl Faults for Counting {
    fn before(&self, op: Op) -> Option<Fault> {
        self.0.lock().unwrap().push(op);
        None
    }
}

/// The demo plan, checked once for all the runs.
fn plan() -> Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(common::demo_plan).clone()
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

fn origin() -> Origin {
    Origin {
        plan_path: "demo.toml".into(),
        plan_sha256: "abc".into(),
        rehearsal: false,
    }
}

/// The pace of a person typing: each change has reached the disk before
/// the next, unless the disk is full (then they pile up in memory).
struct Pace<'a> {
    store: &'a Store,
    disk_full: &'a dyn Fn() -> bool,
    /// Told the meeting as it stands once a change has reached the disk.
    on_disk: &'a dyn Fn(&Meeting),
    /// Each record sent is the one of the commit before (kept here), so
    /// the journal holds more than the record, as it does between the
    /// record's writes, and each compaction carries changes over.
    lagging: &'a RefCell<Option<Record>>,
}

fn act(pace: &Pace, m: &mut Meeting, action: Action) {
    let effects = update(m, action);
    let save = effects.contains(&Effect::Save);
    carry_out(
        pace.store,
        m,
        effects.into_iter().filter(|e| *e != Effect::Save).collect(),
    );
    if save && let Some(before) = pace.lagging.replace(Some(Record::of(m))) {
        pace.store.send(Message::Snapshot(Box::new(before)));
    }
    for _ in 0..2500 {
        if (pace.disk_full)() {
            return;
        }
        if pace.store.settled(Duration::from_millis(2)) {
            (pace.on_disk)(m);
            return;
        }
    }
}

fn key(c: char) -> Action {
    Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn enter() -> Action {
    Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

fn type_line(pace: &Pace, m: &mut Meeting, open: Action, text: &str) {
    act(pace, m, open);
    for c in text.chars() {
        act(pace, m, key(c));
    }
    act(pace, m, enter());
}

/// A short meeting with one of most things, ending with a field left open.
fn scripted_meeting(store: &Pace) -> Meeting {
    let mut m = meeting();
    store
        .store
        .send(Message::Snapshot(Box::new(Record::of(&m))));
    act(store, &mut m, Action::NextSection);
    type_line(store, &mut m, Action::Note, "Grüße ok");
    let status = m
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Status)
        .unwrap();
    act(store, &mut m, Action::JumpTo(status));
    type_line(store, &mut m, Action::NewAction, "Call @sam");
    type_line(store, &mut m, Action::Decision, "Weekly");
    type_line(store, &mut m, Action::PrivateNote, "Ola no");
    act(store, &mut m, Action::NextSection);
    act(store, &mut m, Action::Note);
    for c in "half 日本".chars() {
        act(store, &mut m, key(c));
    }
    m
}

fn texts(m: &Meeting) -> (Vec<(String, String)>, Option<String>) {
    let items = m
        .captures
        .iter()
        .map(|c| (c.id.clone(), c.what.text()))
        .collect();
    (items, m.draft.as_ref().map(|d| d.text()))
}

/// What `run --resume` would bring back from these files after a kill:
/// they are copied first, as the live store still holds the meeting.
fn after_a_kill(paths: &Paths, into: &Path) -> (Meeting, usize) {
    let copy = Paths::for_record(into.join(paths.record.file_name().unwrap()));
    for (from, to) in [
        (&paths.record, &copy.record),
        (&paths.journal, &copy.journal),
    ] {
        if from.exists() {
            std::fs::copy(from, to).unwrap();
        }
    }
    let reopened = reopen(&copy).expect("a killed meeting can be reopened");
    let journal = read(&std::fs::read(&copy.journal).unwrap_or_default());
    let (m, _) = resumed(plan(), &reopened.record, origin(), &reopened.entries, true);
    (m, journal.skipped + journal.torn)
}

/// Quick retries, and the record written and the journal compacted at
/// every chance, so that every fault also strikes the compaction.
fn quick() -> Timing {
    Timing {
        retry_every: Duration::from_millis(1),
        finish_patience: Duration::from_secs(5),
        record_idle: Duration::ZERO,
        compact_after: 0,
    }
}

/// One run of the script on a disk that fails as `faults` says.
/// A folder for one run: in memory where the system has one, as the
/// test is about what the store does when the disk fails, not about how
/// fast this disk syncs.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}

fn run_once(
    faults: Arc<dyn Faults>,
    disk_full: &dyn Fn() -> bool,
    back: impl Fn(),
) -> Result<(), String> {
    let dir = scratch();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let store = Store::start_on(
        Disk::with_faults(faults),
        quick(),
        paths.clone(),
        held,
        |_| {},
    );
    let m = scripted_meeting(&Pace {
        store: &store,
        disk_full,
        on_disk: &|_| {},
        lagging: &RefCell::new(None),
    });
    if !matches!(lock(&paths), Err(OpenError::InUse { .. })) {
        return Err("the lock left the first instance while the disk failed".into());
    }
    back();
    if !store.settled(Duration::from_secs(10)) {
        return Err("the store never caught up once the disk was back".into());
    }
    let killed = scratch();
    let (replayed, damaged) = after_a_kill(&paths, killed.path());
    if texts(&replayed) != texts(&m) {
        return Err(format!(
            "after a kill: {:?}, typed: {:?}",
            texts(&replayed),
            texts(&m)
        ));
    }
    if damaged > 0 {
        return Err(format!("{damaged} damaged journal lines or bytes"));
    }
    if !matches!(lock(&paths), Err(OpenError::InUse { .. })) {
        return Err("the lock left the first instance".into());
    }
    store.send(Message::Snapshot(Box::new(Record::of(&m))));
    let finished = store.finish();
    if !matches!(finished, Finished::Saved { .. }) {
        return Err(format!("finished as {finished:?}"));
    }
    let record = read_record(&paths.record).map_err(|e| e.to_string())?;
    let mut from_record = meeting();
    resetpoint::record::format::restore(&mut from_record, &record);
    if texts(&from_record) != texts(&m) {
        return Err(format!("the final record: {:?}", texts(&from_record)));
    }
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    if leftovers > 0 {
        return Err(format!("{leftovers} temporary files left behind"));
    }
    Ok(())
}

#[test]
fn every_fault_at_every_point_of_a_meeting_loses_nothing() {
    let counting = Arc::new(Counting(Mutex::new(Vec::new())));
    run_once(counting.clone(), &|| false, || {}).expect("a clean run");
    let operations = counting.0.lock().unwrap().clone();
    let mut points = 0;
    let mut failures = Vec::new();
    for kind in [Kind::Full, Kind::Io, Kind::Short, Kind::Sync, Kind::Rename] {
        // A fault of one operation is tried where that operation happens.
        let here = |op: Op| match kind {
            Kind::Full | Kind::Io => true,
            Kind::Short => op == Op::Write,
            Kind::Sync => op == Op::Sync,
            Kind::Rename => op == Op::Rename,
        };
        let points_of_kind = operations.iter().enumerate().filter(|(_, op)| here(**op));
        for (at, _) in points_of_kind {
            let failing = Arc::new(Failing {
                kind,
                at,
                state: Mutex::new(FailingState::default()),
            });
            let (full, back) = (failing.clone(), failing.clone());
            points += 1;
            let disk_full = move || full.state.lock().unwrap().full;
            let result = run_once(failing, &disk_full, move || {
                back.state.lock().unwrap().back = true
            });
            if let Err(why) = result {
                failures.push(format!("{kind:?} at operation {at}: {why}"));
            }
        }
    }
    assert!(points >= 200, "only {points} injection points");
    eprintln!("{points} injection points, every one recovered");
    assert!(
        failures.is_empty(),
        "{} of {points} runs lost something:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Ids and texts of a meeting's items.
type Items = Vec<(String, String)>;

/// Before every file operation, copies the meeting's files as a kill at
/// that moment would leave them, with what had reached the disk by then.
struct Killing {
    paths: Paths,
    copies: tempfile::TempDir,
    on_disk: Mutex<Items>,
    kills: Mutex<Vec<(Paths, Items)>>,
}

impl Faults for Killing {
    fn before(&self, _: Op) -> Option<Fault> {
        let mut kills = self.kills.lock().unwrap();
        let folder = self.copies.path().join(kills.len().to_string());
        std::fs::create_dir(&folder).unwrap();
        let copy = Paths::for_record(folder.join(self.paths.record.file_name().unwrap()));
        for (from, to) in [
            (&self.paths.record, &copy.record),
            (&self.paths.journal, &copy.journal),
        ] {
            if from.exists() {
                std::fs::copy(from, to).unwrap();
            }
        }
        kills.push((copy, self.on_disk.lock().unwrap().clone()));
        None
    }
}

#[test]
fn a_kill_at_any_point_of_the_compaction_loses_nothing() {
    let dir = scratch();
    let (paths, held) = create(dir.path(), "2026-11-24-1400-reset-point").unwrap();
    let killing = Arc::new(Killing {
        paths: paths.clone(),
        copies: scratch(),
        on_disk: Mutex::new(Vec::new()),
        kills: Mutex::new(Vec::new()),
    });
    let store = Store::start_on(
        Disk::with_faults(killing.clone()),
        quick(),
        paths.clone(),
        held,
        |_| {},
    );
    let seen = killing.clone();
    let m = scripted_meeting(&Pace {
        store: &store,
        disk_full: &|| false,
        on_disk: &move |m| *seen.on_disk.lock().unwrap() = texts(m).0,
        lagging: &RefCell::new(None),
    });
    assert!(store.settled(Duration::from_secs(10)));
    let everything = texts(&m).0;
    let kills = std::mem::take(&mut *killing.kills.lock().unwrap());
    // Kills that found a compacted journal holding changes the record lacks.
    let mut compacted = 0;
    for (n, (copy, on_disk)) in kills.iter().enumerate() {
        let journal = read(&std::fs::read(&copy.journal).unwrap_or_default());
        if !copy.record.exists() && journal.meeting.is_none() {
            assert!(on_disk.is_empty(), "kill {n}: nothing on disk yet");
            continue;
        }
        assert_eq!(
            journal.skipped + journal.torn,
            0,
            "kill {n}: a damaged line"
        );
        if journal.meeting.as_ref().is_some_and(|h| h.last_seq > 0) && !journal.entries.is_empty() {
            compacted += 1;
        }
        let reopened = reopen(copy).unwrap_or_else(|e| panic!("kill {n}: {e}"));
        let (back, _) = resumed(plan(), &reopened.record, origin(), &reopened.entries, true);
        let back = texts(&back).0;
        for item in on_disk {
            assert!(back.contains(item), "kill {n}: {item:?} lost; {back:?}");
        }
        for item in &back {
            assert!(everything.contains(item), "kill {n}: {item:?} made up");
        }
    }
    eprintln!(
        "{} kill points, {compacted} of them with a tail in a compacted journal",
        kills.len()
    );
    assert!(
        compacted > 10,
        "the journal was compacted along the way ({compacted} of {} kills)",
        kills.len()
    );
    assert!(matches!(store.finish(), Finished::Saved { .. }));
}
