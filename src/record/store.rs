//! The store: the one thread that writes a meeting to disk, so writes land
//! in order and the screen never waits on the disk. Journal entries are
//! appended and synced as they come; the record is replaced atomically
//! (temporary file, fsync, rename, fsync of the folder). A failed write is
//! reported, kept in memory and tried again every second.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use super::format::Record;
use super::journal::{Entry, line};
use crate::meeting::update::Change;

/// Where a meeting lives on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub record: PathBuf,
    pub journal: PathBuf,
}

impl Paths {
    pub fn for_record(record: PathBuf) -> Paths {
        Paths {
            journal: record.with_extension("journal"),
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
    Lost(String),
}

pub struct Store {
    sender: Sender<Message>,
    thread: JoinHandle<Finished>,
    stem: String,
}

/// How long `finish` keeps trying a failing disk before saving elsewhere.
const FINISH_PATIENCE: Duration = Duration::from_secs(3);
const RETRY_EVERY: Duration = Duration::from_secs(1);

impl Store {
    /// Start writing the meeting at `paths`; `journal` is open and locked.
    pub fn start(paths: Paths, journal: File, report: impl Fn(Health) + Send + 'static) -> Store {
        let (sender, receiver) = channel();
        let stem = paths
            .record
            .file_stem()
            .map_or_else(|| "meeting".into(), |s| s.to_string_lossy().into_owned());
        let thread = std::thread::Builder::new()
            .name("record-store".into())
            .spawn(move || Writer::new(paths, journal, report).run(receiver))
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

    /// Write everything still waiting, then stop.
    pub fn finish(self) -> Finished {
        self.send(Message::Finish);
        self.thread
            .join()
            .unwrap_or_else(|_| Finished::Lost("the record writer stopped unexpectedly".into()))
    }
}

struct Writer<R: Fn(Health)> {
    paths: Paths,
    journal: Option<File>,
    waiting: Vec<Entry>,
    snapshot: Option<Box<Record>>,
    documents: Vec<(String, String)>,
    failing: bool,
    report: R,
}

impl<R: Fn(Health)> Writer<R> {
    fn new(paths: Paths, journal: File, report: R) -> Self {
        Writer {
            paths,
            journal: Some(journal),
            waiting: Vec::new(),
            snapshot: None,
            documents: Vec::new(),
            failing: false,
            report,
        }
    }

    fn run(mut self, receiver: Receiver<Message>) -> Finished {
        let mut finishing = false;
        loop {
            let message = if finishing {
                None
            } else if self.failing {
                match receiver.recv_timeout(RETRY_EVERY) {
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
                // Only the latest text of a field being typed matters.
                let replaces_draft = matches!(entry.change, Change::Draft { .. })
                    && self
                        .waiting
                        .last()
                        .is_some_and(|last| matches!(last.change, Change::Draft { .. }));
                if replaces_draft {
                    self.waiting.pop();
                }
                self.waiting.push(entry);
                false
            }
            Message::Snapshot(record) => {
                self.snapshot = Some(record);
                false
            }
            Message::Document { name, text } => {
                self.documents.push((name, text));
                false
            }
            Message::Finish => true,
        }
    }

    /// Try everything waiting once; report a change of health.
    fn write(&mut self) {
        let result = self
            .write_journal()
            .and_then(|()| self.write_snapshot())
            .and_then(|()| self.write_documents());
        match result {
            Ok(()) if self.failing => {
                self.failing = false;
                (self.report)(Health::Recovered);
            }
            Ok(()) => {}
            Err(error) => {
                if !self.failing {
                    self.failing = true;
                }
                (self.report)(Health::Failing(format!(
                    "Cannot save to {}: {error}. Everything is kept and saving is retried every second.",
                    self.paths.record.display()
                )));
            }
        }
    }

    fn write_journal(&mut self) -> std::io::Result<()> {
        if self.waiting.is_empty() {
            return Ok(());
        }
        if self.journal_unlinked() {
            // The journal was removed under us; a new one starts from a
            // full record, so nothing before it is needed.
            self.journal = None;
        }
        if self.journal.is_none() {
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.paths.journal)?;
            self.journal = Some(file);
            if self.snapshot.is_none() {
                return Err(std::io::Error::other(
                    "the journal was replaced; waiting for a full record",
                ));
            }
        }
        let text: String = self.waiting.iter().map(line).collect();
        let file = self.journal.as_mut().expect("opened above");
        let written = file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_data());
        if let Err(error) = written {
            self.journal = None;
            return Err(error);
        }
        self.waiting.clear();
        Ok(())
    }

    fn journal_unlinked(&self) -> bool {
        use std::os::unix::fs::MetadataExt as _;
        self.journal
            .as_ref()
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.nlink() == 0)
    }

    fn write_snapshot(&mut self) -> std::io::Result<()> {
        let Some(record) = &self.snapshot else {
            return Ok(());
        };
        write_atomically(&self.paths.record, record.to_toml().as_bytes())?;
        self.snapshot = None;
        Ok(())
    }

    fn write_documents(&mut self) -> std::io::Result<()> {
        while let Some((name, text)) = self.documents.first() {
            let path = self.paths.record.with_file_name(name);
            write_atomically(&path, text.as_bytes())?;
            (self.report)(Health::Wrote(path));
            self.documents.remove(0);
        }
        Ok(())
    }

    fn finish(mut self) -> Finished {
        let deadline = std::time::Instant::now() + FINISH_PATIENCE;
        while self.failing && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(200));
            self.write();
        }
        if self.failing {
            return self.save_elsewhere();
        }
        let ended = std::fs::read_to_string(&self.paths.record)
            .ok()
            .and_then(|t| toml::from_str::<Record>(&t).ok())
            .is_some_and(|r| r.meeting.ended.is_some());
        if ended {
            // The record holds everything; the journal has done its job.
            let _ = std::fs::remove_file(&self.paths.journal);
        }
        Finished::Saved
    }

    /// The disk would not take the record: put a copy where it can go.
    fn save_elsewhere(self) -> Finished {
        let Some(record) = self.snapshot else {
            return Finished::Lost("the journal could not be written".into());
        };
        let name = self.paths.record.file_name().map_or_else(
            || "meeting.toml".into(),
            |n| n.to_string_lossy().into_owned(),
        );
        let fallback = std::env::temp_dir().join(format!("resetpoint-unsaved-{name}"));
        match write_atomically(&fallback, record.to_toml().as_bytes()) {
            Ok(()) => Finished::SavedElsewhere(fallback),
            Err(e) => Finished::Lost(format!("{e}")),
        }
    }
}

/// Replace `path` with `bytes` so that a reader sees the old file or the
/// new one, never a part of either, even across a power cut.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "record".into(), |n| n.to_string_lossy().into_owned());
    let temporary = folder.join(format!(".{name}.tmp"));
    let result = (|| {
        let mut file = File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)?;
        File::open(folder)?.sync_all()
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}
