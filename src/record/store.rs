//! The store: the one thread that writes a meeting to disk, so writes land
//! in order and the screen never waits on the disk. Journal entries are
//! appended and synced as they come; the record is replaced atomically
//! (unique temporary file, fsync, rename, fsync of the folder). A failed
//! write is reported, kept in memory and tried again every second; the
//! journal is first cut back to its last whole line, so a full disk that
//! took half a batch never leaves a damaged line in the middle. The
//! meeting's lock is held by this thread until the last write is done,
//! whatever fails.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::format::{Header, Record};
use super::fs::{Disk, read_plain_text};
use super::journal::{Entry, Writing, opening_line};
use super::open::Lock;
use crate::meeting::update::Change;

/// Where a meeting lives on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub record: PathBuf,
    pub journal: PathBuf,
    /// Held locked by the resetpoint that has the meeting open.
    pub lock: PathBuf,
}

impl Paths {
    pub fn for_record(record: PathBuf) -> Paths {
        Paths {
            journal: record.with_extension("journal"),
            lock: record.with_extension("lock"),
            record,
        }
    }
}

pub enum Message {
    Entry(Entry),
    Snapshot(Box<Record>),
    /// A document to write beside the record, such as the minutes.
    Document {
        name: String,
        text: String,
    },
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
    Saved,
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
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            retry_every: Duration::from_secs(1),
            finish_patience: Duration::from_secs(3),
        }
    }
}

pub struct Store {
    sender: Sender<Message>,
    thread: JoinHandle<Finished>,
    stem: String,
}

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
        // A resumed meeting keeps the SHA-256 of the plan it started with.
        let plan_at_start = super::open::read_record(&paths.record)
            .ok()
            .map(|r| r.plan_at_start().to_owned());
        let writer = Writer {
            plan_at_start,
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
            documents: Vec::new(),
            settled: Vec::new(),
            failing: false,
            report,
        };
        let thread = std::thread::Builder::new()
            .name("record-store".into())
            .spawn(move || writer.run(receiver))
            .expect("a thread can be started");
        Store {
            sender,
            thread,
            stem,
        }
    }

    /// The record's file name without `.toml`, for naming documents beside it.
    pub fn stem(&self) -> String {
        self.stem.clone()
    }

    pub fn send(&self, message: Message) {
        // The writer only stops after Finish, so a send cannot fail before it.
        let _ = self.sender.send(message);
    }

    /// Wait up to `patience` for everything sent so far to be on disk.
    pub fn settled(&self, patience: Duration) -> bool {
        let (tx, rx) = channel();
        self.send(Message::Settled(tx));
        rx.recv_timeout(patience).is_ok()
    }

    /// Write everything still waiting, then stop.
    pub fn finish(self) -> Finished {
        self.send(Message::Finish);
        self.thread.join().unwrap_or_else(|_| Finished::Lost {
            why: "the record writer stopped unexpectedly".into(),
            record: None,
        })
    }
}

struct Writer<R: Fn(Health)> {
    paths: Paths,
    plan_at_start: Option<String>,
    disk: Disk,
    timing: Timing,
    /// Held, never dropped or reopened, until the writer is done.
    _lock: Lock,
    journal: Option<File>,
    /// The journal's length after its last whole, synced line.
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
    snapshot: Option<Box<Record>>,
    documents: Vec<(String, String)>,
    settled: Vec<Sender<()>>,
    failing: bool,
    report: R,
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
            } else if self.failing {
                match receiver.recv_timeout(self.timing.retry_every) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => Some(Message::Finish),
                }
            } else {
                Some(receiver.recv().unwrap_or(Message::Finish))
            };
            if let Some(message) = message {
                finishing |= self.take(message);
                // Everything already queued goes in the same write.
                while let Ok(message) = receiver.try_recv() {
                    finishing |= self.take(message);
                }
            }
            self.write();
            if finishing {
                return self.finish();
            }
        }
    }

    fn take(&mut self, message: Message) -> bool {
        match message {
            Message::Entry(entry) => {
                push_collapsed(&mut self.waiting, entry);
                false
            }
            Message::Snapshot(mut record) => {
                if let Some(first) = &self.plan_at_start
                    && *first != record.meeting.plan_sha256
                {
                    record.meeting.plan_sha256_at_start = Some(first.clone());
                }
                self.header = Some(record.meeting.clone());
                self.snapshot = Some(record);
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

    /// Try everything waiting once; report a change of health.
    fn write(&mut self) {
        let journal = self.write_journal();
        let record = self.write_snapshot();
        // A record written holds what the journal could not take.
        let journal = match journal {
            Err(_) if record.is_ok() => self.write_journal(),
            other => other,
        };
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
        self.good_length = length;
        self.torn = false;
        self.needs_opening = length == 0;
        self.rewrite = true;
        self.writing = Writing::default();
        self.journal = Some(file);
        Ok(())
    }

    fn write_journal(&mut self) -> std::io::Result<()> {
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
            return Ok(());
        }
        let file = self.journal.as_ref().expect("opened above");
        if self.torn {
            self.disk.truncate(file, self.good_length)?;
            self.torn = false;
        }
        let written = self
            .disk
            .append(file, text.as_bytes())
            .and_then(|()| self.disk.sync(file));
        if let Err(error) = written {
            self.torn = true;
            return Err(error);
        }
        self.good_length += text.len() as u64;
        self.writing = writing;
        self.needs_opening &= self.header.is_none();
        self.rewrite = false;
        for entry in self.waiting.drain(..) {
            push_collapsed(&mut self.since_record, entry);
        }
        Ok(())
    }

    fn write_snapshot(&mut self) -> std::io::Result<()> {
        let Some(record) = &self.snapshot else {
            return Ok(());
        };
        self.disk
            .replace(&self.paths.record, record.to_toml().as_bytes())?;
        let last = record.meeting.last_seq;
        self.since_record.retain(|e| e.seq > last);
        self.waiting.retain(|e| e.seq > last);
        self.snapshot = None;
        Ok(())
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
            self.write();
        }
        if self.failing && (self.snapshot.is_some() || !self.waiting.is_empty()) {
            return self.save_elsewhere();
        }
        let ended = read_plain_text(&self.paths.record)
            .ok()
            .and_then(|t| toml::from_str::<Record>(&t).ok())
            .is_some_and(|r| r.meeting.ended.is_some());
        if ended {
            // The record holds everything; the journal has done its job.
            // The lock file goes while it is still held.
            let _ = std::fs::remove_file(&self.paths.journal);
            let _ = std::fs::remove_file(&self.paths.lock);
        }
        Finished::Saved
    }

    /// The disk would not take the record: put a copy in a private folder
    /// of its own, or failing even that, hand the text back to be printed.
    fn save_elsewhere(self) -> Finished {
        let Some(record) = self.snapshot else {
            return Finished::Lost {
                why: "the journal could not be written".into(),
                record: None,
            };
        };
        let text = record.to_toml();
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
