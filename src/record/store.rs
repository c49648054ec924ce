//! The store: the one thread that writes a meeting to disk, so writes land
//! in order and the screen never waits on the disk. Journal entries are
//! appended and synced as they come: the journal keeps the promise that
//! what is typed is on disk at once. When the record is written with them
//! (it holds them), their own sync is left out: the record's syncs keep
//! them, and the journal's next sync takes them too. The record is
//! replaced atomically (unique temporary file, fsync, rename, fsync of the
//! folder) only when it is worth it: on a section change, at the end, a
//! few seconds after the last change, and when the journal since it has
//! grown as long as the record, so a long meeting costs no more per word
//! than a short one. Once a record is on disk, a long journal is compacted
//! to what came after it. A failed write is reported, kept in memory and
//! tried again every second; the journal is first cut back to its last
//! whole line, so a full disk that took half a batch never leaves a
//! damaged line in the middle. The meeting's lock is held by this thread
//! until the last write is done, whatever fails.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::format::{Header, Record, header_of};
use super::fs::{Disk, read_plain_text};
use super::journal::{Entry, Writing, opening_line, whole_lines_end};
pub use super::open::Paths;
use super::open::{Lock, read_header};
use crate::meeting::update::{Change, Effect};
use crate::meeting::{Captured, Meeting};

pub enum Message {
    /// Every journal entry of one change of the meeting (one keystroke),
    /// in order: they are written together and kept together (synced, or
    /// held by the record written with them), or not at all, so a kill
    /// can never leave "the field closed" on disk without the item it was
    /// closed into.
    Entries(Vec<Entry>),
    /// The whole record: its items replace those the store holds.
    Snapshot(Box<Record>),
    /// The record without its items ([`Record::frame_of`]), sent after the
    /// journal entries of the same change: the store fills the items in
    /// from the entries, so a commit costs the screen the same in a long
    /// meeting as in a short one.
    Save(Box<Record>),
    /// A document to write beside the record, such as the minutes.
    Document { name: String, text: String },
    /// Answered once everything sent before it is on disk.
    Settled(Sender<()>),
    /// Write what is left and stop; the meeting has ended when the record says so.
    Finish,
}

/// What the store tells the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Failing(String),
    Recovered,
    /// A document was written, at this path.
    Wrote(PathBuf),
}

/// How the store ended: everything written, or where the unsaved copy went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finished {
    /// Everything is on disk; `ended` says whether the record written last
    /// is of a meeting that ended, so nothing need read it back to know.
    Saved {
        ended: bool,
    },
    SavedElsewhere(PathBuf),
    /// Nothing would take the record; its text, for the PM to save by hand.
    Lost {
        why: String,
        record: Option<String>,
    },
}

/// How patient the store is with a failing disk.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub retry_every: Duration,
    /// How long `finish` keeps trying before saving elsewhere.
    pub finish_patience: Duration,
    /// How long after the last change the record is brought up to date.
    pub record_idle: Duration,
    /// A journal this long is compacted once a record holding it is on disk.
    pub compact_after: u64,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            retry_every: Duration::from_secs(1),
            finish_patience: Duration::from_secs(3),
            record_idle: Duration::from_secs(3),
            compact_after: 64 * 1024,
        }
    }
}

/// A record rewrite is paid for by the journal bytes written since the
/// last one: once the journal has grown as long as the record (and at least
/// this long), the record is written again, so over a meeting the record
/// costs no more bytes than the journal.
const JOURNAL_BEFORE_A_RECORD: u64 = 256 * 1024;

/// A record this short is cheap to write: after a pause it is written
/// whatever the journal holds. A longer one waits, after a pause, until the
/// journal since it is as long as the record beyond this, so that even a
/// pause after every commit costs no more record bytes than journal bytes.
const CHEAP_RECORD: u64 = 32 * 1024;

/// What is known of the record on disk, as this store last wrote (or found) it.
#[derive(Debug, Clone, Copy)]
struct OnDisk {
    length: u64,
    section: usize,
    /// How many sections its agenda has; none when not known (a record
    /// found on disk, whose header alone was read).
    sections: Option<usize>,
    ended: bool,
}

pub struct Store {
    sender: Sender<Message>,
    /// The writer's thread, made when the first message is sent: a
    /// meeting's first frame is drawn before that, without waiting for a
    /// thread to be made.
    thread: OnceLock<JoinHandle<Finished>>,
    writer: Mutex<Option<StartWriter>>,
    stem: String,
}

type StartWriter = Box<dyn FnOnce() -> JoinHandle<Finished> + Send>;

impl Store {
    /// Start writing the meeting at `paths`, whose lock this store holds.
    pub fn start(paths: Paths, lock: Lock, report: impl Fn(Health) + Send + 'static) -> Store {
        Store::start_on(Disk::real(), Timing::default(), paths, lock, report)
    }

    /// The same, on a given disk (one a test can make fail).
    pub fn start_on(
        disk: Disk,
        timing: Timing,
        paths: Paths,
        lock: Lock,
        report: impl Fn(Health) + Send + 'static,
    ) -> Store {
        let (sender, receiver) = channel();
        let stem = paths
            .record
            .file_stem()
            .map_or_else(|| "meeting".into(), |s| s.to_string_lossy().into_owned());
        // A resumed meeting keeps the SHA-256 of the plan it started with;
        // only the record's header is needed for that, and its length.
        let found = std::fs::symlink_metadata(&paths.record)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|meta| {
                let header = read_header(&paths.record).or_else(|| {
                    read_plain_text(&paths.record)
                        .ok()
                        .and_then(|text| header_of(&text))
                })?;
                Some((meta.len(), header))
            });
        let plan_at_start = found.as_ref().map(|(_, h)| {
            h.plan_sha256_at_start
                .clone()
                .unwrap_or_else(|| h.plan_sha256.clone())
        });
        let on_disk = found.map(|(length, h)| OnDisk {
            length,
            section: h.current_section,
            sections: None,
            ended: h.ended.is_some(),
        });
        let writer = Writer {
            plan_at_start,
            on_disk,
            journal_since_record: 0,
            last_change: Instant::now(),
            idle_due: false,
            new_generation: None,
            paths,
            disk,
            timing,
            _lock: lock,
            journal: None,
            good_length: 0,
            torn: false,
            needs_opening: false,
            rewrite: false,
            writing: Writing::default(),
            waiting: Vec::new(),
            since_record: Vec::new(),
            header: None,
            snapshot: None,
            held: Held::default(),
            documents: Vec::new(),
            settled: Vec::new(),
            failing: false,
            report,
        };
        let start: StartWriter = Box::new(move || {
            std::thread::Builder::new()
                .name("record-store".into())
                .spawn(move || writer.run(receiver))
                .expect("a thread can be started")
        });
        Store {
            sender,
            thread: OnceLock::new(),
            writer: Mutex::new(Some(start)),
            stem,
        }
    }

    /// The record's file name without `.toml`, for naming documents beside it.
    pub fn stem(&self) -> String {
        self.stem.clone()
    }

    pub fn send(&self, message: Message) {
        self.thread.get_or_init(|| {
            let start = self
                .writer
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            start.expect("the writer is started once")()
        });
        // The writer only stops after Finish, so a send cannot fail before it.
        let _ = self.sender.send(message);
    }

    /// Send what a change of the meeting asks to be written: every journal
    /// entry first, then, when it asks for a save, the record without its
    /// items ([`Message::Save`]), which the store fills in from the entries,
    /// so a commit costs the screen the same in a long meeting as in a
    /// short one. The other effects are handed back, in order.
    pub fn carry_out(&self, meeting: &Meeting, effects: Vec<Effect>) -> Vec<Effect> {
        let mut entries = Vec::new();
        let mut rest = Vec::new();
        for effect in effects {
            match effect {
                Effect::Journal { seq, change } => entries.push(Entry { seq, change }),
                other => rest.push(other),
            }
        }
        if !entries.is_empty() {
            self.send(Message::Entries(entries));
        }
        rest.into_iter()
            .filter(|effect| {
                let save = *effect == Effect::Save;
                if save {
                    self.send(Message::Save(Box::new(Record::frame_of(meeting))));
                }
                !save
            })
            .collect()
    }

    /// Wait up to `patience` for everything sent so far to be on disk.
    pub fn settled(&self, patience: Duration) -> bool {
        let (tx, rx) = channel();
        self.send(Message::Settled(tx));
        rx.recv_timeout(patience).is_ok()
    }

    /// Write everything still waiting, then stop.
    pub fn finish(mut self) -> Finished {
        self.send(Message::Finish);
        let thread = self.thread.take().expect("started by the message above");
        thread.join().unwrap_or_else(|_| Finished::Lost {
            why: "the record writer stopped unexpectedly".into(),
            record: None,
        })
    }
}

struct Writer<R: Fn(Health)> {
    paths: Paths,
    plan_at_start: Option<String>,
    /// The record on disk, none before the first is written.
    on_disk: Option<OnDisk>,
    /// Bytes appended to the journal since the record was last written.
    journal_since_record: u64,
    /// When the last entry or snapshot came.
    last_change: Instant,
    /// A pause after the last change has yet to be waited for.
    idle_due: bool,
    /// A compacted journal was put in place but could not be opened
    /// again: what its writer knows, and its length, to carry on with it.
    new_generation: Option<(Writing, u64)>,
    disk: Disk,
    timing: Timing,
    /// Held, never dropped or reopened, until the writer is done.
    _lock: Lock,
    journal: Option<File>,
    /// The journal's length after its last whole line that is synced or
    /// held by the record.
    good_length: u64,
    /// A write failed after `good_length`: cut back before appending.
    torn: bool,
    /// The journal file is empty: its first line names the meeting.
    needs_opening: bool,
    /// The journal file is new: it needs what the record on disk lacks.
    rewrite: bool,
    /// Edits are written against the field as the journal file last had it.
    writing: Writing,
    waiting: Vec<Entry>,
    /// Entries on disk in the journal but not yet in the record, so a
    /// journal removed under us can be written again in full.
    since_record: Vec<Entry>,
    header: Option<Header>,
    /// The record due to be written, without its items: those are `held`.
    snapshot: Option<Box<Record>>,
    /// The meeting's items as the last whole record and the entries since
    /// leave them.
    held: Held,
    documents: Vec<(String, String)>,
    settled: Vec<Sender<()>>,
    failing: bool,
    report: R,
}

/// Lines written at the end of the journal, not yet known to be kept.
struct Appended {
    length: u64,
    /// The field as those lines leave it.
    writing: Writing,
}

/// Add `entry` to `list`; of a run of field states only the last matters.
fn push_collapsed(list: &mut Vec<Entry>, entry: Entry) {
    let field = |e: &Entry| matches!(e.change, Change::Draft { .. });
    if field(&entry) && list.last().is_some_and(field) {
        list.pop();
    }
    list.push(entry);
}

impl<R: Fn(Health)> Writer<R> {
    fn run(mut self, receiver: Receiver<Message>) -> Finished {
        let mut finishing = false;
        loop {
            let message = if finishing {
                None
            } else {
                match self.patience() {
                    Some(wait) => match receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => Some(Message::Finish),
                    },
                    None => Some(receiver.recv().unwrap_or(Message::Finish)),
                }
            };
            if let Some(message) = message {
                finishing |= self.take(message);
                // Everything already queued goes in the same write.
                while let Ok(message) = receiver.try_recv() {
                    finishing |= self.take(message);
                }
            }
            self.write(finishing);
            if finishing {
                return self.finish();
            }
        }
    }

    /// How long to wait for the next message before writing anyway: the
    /// retry of a failing disk, or the pause after which the record is due.
    fn patience(&self) -> Option<Duration> {
        let idle = (self.idle_due && self.snapshot.is_some()).then(|| {
            self.timing
                .record_idle
                .saturating_sub(self.last_change.elapsed())
        });
        let retry = self.failing.then_some(self.timing.retry_every);
        match (idle, retry) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn take(&mut self, message: Message) -> bool {
        match message {
            Message::Entries(entries) => {
                for entry in entries {
                    self.held.apply(&entry.change);
                    push_collapsed(&mut self.waiting, entry);
                }
                self.changed();
                false
            }
            Message::Snapshot(mut record) => {
                self.held = Held::taken_from(&mut record);
                self.save(record);
                false
            }
            Message::Save(mut frame) => {
                // Its items, if any were sent, are those held already.
                drop(frame.take_captured());
                self.save(frame);
                false
            }
            Message::Document { name, text } => {
                self.documents.push((name, text));
                false
            }
            Message::Settled(answer) => {
                self.settled.push(answer);
                false
            }
            Message::Finish => true,
        }
    }

    /// A record (its items held apart) is due to be written.
    fn save(&mut self, mut record: Box<Record>) {
        if let Some(first) = &self.plan_at_start
            && *first != record.meeting.plan_sha256
        {
            record.meeting.plan_sha256_at_start = Some(first.clone());
        }
        self.header = Some(record.meeting.clone());
        self.snapshot = Some(record);
        self.changed();
    }

    fn changed(&mut self) {
        self.last_change = Instant::now();
        self.idle_due = true;
    }

    /// Try everything waiting once; report a change of health.
    fn write(&mut self, finishing: bool) {
        // Appended now, synced below unless a record is written with them:
        // the record holds them then, and its own syncs keep them, so a
        // change that writes the record costs one sync less.
        let journal = self.append_journal();
        let appended = match &journal {
            Ok(Some(appended)) => appended.length,
            _ => 0,
        };
        let mut record = if finishing || journal.is_err() || self.record_due(appended) {
            self.write_snapshot()
        } else {
            Ok(false)
        };
        let mut journal = match journal {
            Err(error) => Err(error),
            Ok(None) => Ok(()),
            // Nothing is left that the record does not hold.
            Ok(Some(appended))
                if matches!(record, Ok(true))
                    && self.waiting.is_empty()
                    && self.since_record.is_empty() =>
            {
                self.held_by_the_record(appended);
                Ok(())
            }
            Ok(Some(appended)) => self.sync_journal(appended),
        };
        // A journal that could not take its lines (written or synced)
        // leaves them to a record waiting to be written, and is tried once
        // more.
        if journal.is_err() {
            if matches!(record, Ok(false)) {
                record = self.write_snapshot();
            }
            if record.is_ok() {
                journal = self.write_journal();
            }
        }
        if matches!(record, Ok(true)) && journal.is_ok() {
            self.compact_if_long();
        }
        let record = record.map(|_| ());
        if self.idle_due && self.last_change.elapsed() >= self.timing.record_idle {
            self.idle_due = false;
        }
        let result = journal.and(record).and_then(|()| self.write_documents());
        match result {
            Ok(()) => {
                if self.failing {
                    self.failing = false;
                    (self.report)(Health::Recovered);
                }
                for answer in self.settled.drain(..) {
                    let _ = answer.send(());
                }
            }
            Err(error) => {
                self.failing = true;
                (self.report)(Health::Failing(format!(
                    "Cannot save to {}: {error}. Everything is kept and saving is retried every second.",
                    crate::text::visible(&self.paths.record.display().to_string())
                )));
            }
        }
    }

    /// Whether the snapshot waiting should replace the record now. Between
    /// record writes the journal holds every change, so this only decides
    /// how fresh the record is and how much a resume replays.
    /// `appended`: bytes just added to the journal and not yet counted.
    fn record_due(&self, appended: u64) -> bool {
        let Some(snapshot) = &self.snapshot else {
            return false;
        };
        let Some(on_disk) = self.on_disk else {
            // The meeting is on disk from its first moment.
            return true;
        };
        let since = self.journal_since_record + appended;
        let paid = since >= on_disk.length.saturating_sub(CHEAP_RECORD);
        snapshot.meeting.current_section != on_disk.section
            // The journal counts sections as the record does.
            || on_disk.sections.is_some_and(|n| n != snapshot.sections.len())
            || snapshot.meeting.ended.is_some()
            // The minutes written beside the record match it.
            || !self.documents.is_empty()
            || since >= on_disk.length.max(JOURNAL_BEFORE_A_RECORD)
            || (self.last_change.elapsed() >= self.timing.record_idle && paid)
    }

    /// Whether the open journal is no longer the file at its path (removed,
    /// or replaced by something else).
    fn journal_replaced(&self) -> bool {
        use std::os::unix::fs::MetadataExt as _;
        let Some(file) = &self.journal else {
            return false;
        };
        let (Ok(open), on_path) = (
            file.metadata(),
            std::fs::symlink_metadata(&self.paths.journal),
        ) else {
            return true;
        };
        open.nlink() == 0 || !on_path.is_ok_and(|p| p.ino() == open.ino() && p.dev() == open.dev())
    }

    fn open_journal(&mut self) -> std::io::Result<()> {
        let file = self.disk.open_journal(&self.paths.journal)?;
        let length = file.metadata()?.len();
        // A torn last line is cut off before the next is appended.
        self.good_length = whole_lines_end(&file, length)?;
        self.torn = self.good_length < length;
        self.needs_opening = self.good_length == 0;
        self.rewrite = true;
        self.writing = Writing::default();
        // The compacted journal this store put in place holds what it needs.
        if let Some((writing, expected)) = self.new_generation.take()
            && expected == length
        {
            self.rewrite = false;
            self.writing = writing;
        }
        self.journal = Some(file);
        Ok(())
    }

    /// Append what waits to the journal and sync it.
    fn write_journal(&mut self) -> std::io::Result<()> {
        match self.append_journal()? {
            Some(appended) => self.sync_journal(appended),
            None => Ok(()),
        }
    }

    /// Append what waits to the journal, not yet synced; `None` when
    /// nothing waits.
    fn append_journal(&mut self) -> std::io::Result<Option<Appended>> {
        if self.journal_replaced() {
            self.journal = None;
        }
        if self.journal.is_none() {
            self.open_journal()?;
        }
        let mut writing = self.writing.clone();
        let mut text = String::new();
        if self.needs_opening
            && let Some(header) = &self.header
        {
            text.push_str(&opening_line(header));
        }
        if self.rewrite {
            for entry in &self.since_record {
                text.push_str(&writing.line(entry));
            }
        }
        for entry in &self.waiting {
            text.push_str(&writing.line(entry));
        }
        if text.is_empty() {
            return Ok(None);
        }
        let file = self.journal.as_ref().expect("opened above");
        if self.torn {
            self.disk.truncate(file, self.good_length)?;
            self.torn = false;
        }
        if let Err(error) = self.disk.append(file, text.as_bytes()) {
            self.torn = true;
            return Err(error);
        }
        Ok(Some(Appended {
            length: text.len() as u64,
            writing,
        }))
    }

    /// Sync the lines just appended; a failed sync leaves them to be cut
    /// back and written again.
    fn sync_journal(&mut self, appended: Appended) -> std::io::Result<()> {
        let file = self.journal.as_ref().expect("appended to");
        if let Err(error) = self.disk.sync(file) {
            self.torn = true;
            return Err(error);
        }
        self.appended_kept(appended);
        Ok(())
    }

    /// The lines appended are synced: they are the journal's to keep.
    fn appended_kept(&mut self, appended: Appended) {
        self.journal_since_record += appended.length;
        self.writing = appended.writing;
        self.lines_taken(appended.length);
    }

    /// The lines appended are held by the record written after them, and
    /// not synced on their own: the journal's next sync takes them. Until
    /// then a failed sync may leave them off the disk, so the field's next
    /// line is written whole rather than as an edit of what they said.
    fn held_by_the_record(&mut self, appended: Appended) {
        self.writing = Writing::default();
        self.lines_taken(appended.length);
    }

    fn lines_taken(&mut self, length: u64) {
        self.good_length += length;
        self.needs_opening &= self.header.is_none();
        self.rewrite = false;
        for entry in self.waiting.drain(..) {
            push_collapsed(&mut self.since_record, entry);
        }
    }

    /// Write the record due, if one is: whether one was written.
    fn write_snapshot(&mut self) -> std::io::Result<bool> {
        let Some(frame) = &self.snapshot else {
            return Ok(false);
        };
        let record = self.held.record(frame);
        let text = record.to_toml();
        self.disk.replace(&self.paths.record, text.as_bytes())?;
        let header = &record.meeting;
        let last = header.last_seq;
        self.on_disk = Some(OnDisk {
            length: text.len() as u64,
            section: header.current_section,
            sections: Some(record.sections.len()),
            ended: header.ended.is_some(),
        });
        self.since_record.retain(|e| e.seq > last);
        self.waiting.retain(|e| e.seq > last);
        self.snapshot = None;
        self.journal_since_record = 0;
        Ok(true)
    }

    /// After a record is written, a long journal is cut to what came after it.
    fn compact_if_long(&mut self) {
        let journal_whole = self.journal.is_some() && !self.torn && self.waiting.is_empty();
        if journal_whole && self.good_length >= self.timing.compact_after {
            self.compact_journal();
        }
    }

    /// Start a new generation of the journal holding only what came after
    /// the record just written: its opening line names the meeting and the
    /// record's last change. It is written whole beside the old one and
    /// renamed over it, so a kill at any moment leaves either the old
    /// journal (everything) or the new one (everything the record lacks).
    /// A failure leaves the old journal, which still holds everything.
    fn compact_journal(&mut self) {
        let Some(header) = &self.header else {
            return;
        };
        let mut writing = Writing::default();
        let mut text = opening_line(header);
        for entry in &self.since_record {
            text.push_str(&writing.line(entry));
        }
        let length = text.len() as u64;
        let put = self.disk.replace(&self.paths.journal, text.as_bytes());
        if put.is_err() && !self.journal_replaced() {
            return;
        }
        // The new journal is in place: write on from it.
        self.journal = None;
        self.new_generation = Some((writing, length));
        if put.is_ok() {
            let _ = self.open_journal();
        }
    }

    fn write_documents(&mut self) -> std::io::Result<()> {
        while let Some((name, text)) = self.documents.first() {
            let path = self.paths.record.with_file_name(name);
            self.disk.replace(&path, text.as_bytes())?;
            (self.report)(Health::Wrote(path));
            self.documents.remove(0);
        }
        Ok(())
    }

    fn finish(mut self) -> Finished {
        let deadline = Instant::now() + self.timing.finish_patience;
        while self.failing && Instant::now() < deadline {
            std::thread::sleep(self.timing.retry_every.min(Duration::from_millis(200)));
            self.write(true);
        }
        if self.failing && (self.snapshot.is_some() || !self.waiting.is_empty()) {
            return self.save_elsewhere();
        }
        let ended = self.on_disk.is_some_and(|r| r.ended);
        if ended {
            // The record holds everything; the journal has done its job.
            // The lock file goes while it is still held.
            let _ = std::fs::remove_file(&self.paths.journal);
            let _ = std::fs::remove_file(&self.paths.lock);
        }
        Finished::Saved { ended }
    }

    /// The disk would not take the record: put a copy in a private folder
    /// of its own, or failing even that, hand the text back to be printed.
    fn save_elsewhere(self) -> Finished {
        let Some(frame) = &self.snapshot else {
            return Finished::Lost {
                why: "the journal could not be written".into(),
                record: None,
            };
        };
        let text = self.held.record(frame).to_toml();
        let name = self.paths.record.file_name().map_or_else(
            || "meeting.toml".into(),
            |n| n.to_string_lossy().into_owned(),
        );
        match save_privately(&name, &text) {
            Ok(path) => Finished::SavedElsewhere(path),
            Err(e) => Finished::Lost {
                why: e.to_string(),
                record: Some(text),
            },
        }
    }
}

/// The meeting's items as the store knows them: those of the last whole
/// record it was given, with every journal entry since applied the way a
/// resume replays them (an item put again replaces the one with its id, in
/// its place), so a record written from a frame holds what the meeting holds.
#[derive(Debug, Default)]
struct Held {
    items: Vec<Captured>,
    /// Where each id first stands in `items`.
    at: HashMap<String, usize>,
}

impl Held {
    /// The items of `record`, taken out of it.
    fn taken_from(record: &mut Record) -> Held {
        let mut held = Held {
            items: record.take_captured(),
            at: HashMap::new(),
        };
        held.index();
        held
    }

    fn index(&mut self) {
        self.at.clear();
        for (n, item) in self.items.iter().enumerate() {
            self.at.entry(item.id.clone()).or_insert(n);
        }
    }

    fn apply(&mut self, change: &Change) {
        match change {
            Change::Put { item } => match self.at.get(&item.id) {
                Some(&n) => self.items[n] = item.clone(),
                None => {
                    self.at.insert(item.id.clone(), self.items.len());
                    self.items.push(item.clone());
                }
            },
            Change::Remove { id } if self.at.contains_key(id) => {
                self.items.retain(|c| c.id != *id);
                self.index();
            }
            _ => {}
        }
    }

    /// The whole record: `frame` with these items.
    fn record(&self, frame: &Record) -> Record {
        let mut record = frame.clone();
        for item in &self.items {
            record.hold(item.clone());
        }
        record
    }
}

/// Write `text` as `name` in a new folder only its owner can open.
fn save_privately(name: &str, text: &str) -> std::io::Result<PathBuf> {
    let folder = tempfile::Builder::new()
        .prefix("resetpoint-unsaved-")
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()?
        .keep();
    let path = folder.join(name);
    Disk::real().replace(&path, text.as_bytes())?;
    Ok(path)
}

/// Replace `path` with `bytes` so that a reader sees the old file or the
/// new one, never a part of either; never through a symlink, the file
/// readable by its owner only.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    Disk::real().replace(path, bytes)
}
