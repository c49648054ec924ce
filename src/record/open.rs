//! Reading one record, creating and reopening meetings in the records
//! folder (finding them is `folder.rs`), and
//! making sure two resetpoints never write the same meeting: a lock file
//! beside the record, held for the whole meeting, says which process has it.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use super::format::Record;
use super::fs::{
    create_private_dir_all, open_private, read_plain, read_plain_start, read_plain_text,
};
use super::journal::{Entry, read};
use crate::text::visible;

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

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(
        "the meeting {record} is open in another resetpoint, {holder}; finish it there, or start a new one with --fresh"
    )]
    InUse { record: String, holder: String },
    #[error("cannot open {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// `path` is `file:line:col` when the place is known.
    #[error("{path}: not a meeting record resetpoint can read: {message}")]
    Unreadable { path: String, message: String },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OpenError + '_ {
    move |source| OpenError::Io {
        path: visible(&path.display().to_string()),
        source,
    }
}

/// The records folder: the one asked for, else `meetings/` beside the plan.
pub fn records_dir(plan: &Path, asked: Option<&Path>) -> PathBuf {
    match asked {
        Some(dir) => dir.to_path_buf(),
        None => plan
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join("meetings"),
    }
}

/// Read a meeting record; a file that is not one is named with the line
/// and column where it goes wrong.
pub fn read_record(path: &Path) -> Result<Record, OpenError> {
    let text = read_plain_text(path).map_err(io(path))?;
    parse_record(path, &text)
}

/// A record from the text of the file at `path`.
pub fn parse_record(path: &Path, text: &str) -> Result<Record, OpenError> {
    toml::from_str(text).map_err(|e| {
        let place = e.span().map_or(String::new(), |span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!(":{line}:{column}")
        });
        OpenError::Unreadable {
            path: format!("{}{place}", visible(&path.display().to_string())),
            message: visible(e.message()),
        }
    })
}

/// A record made from a journal's first line, when the record is missing
/// or unreadable: every entry of the journal is then replayed onto it.
pub(super) fn from_journal(paths: &Paths) -> Option<Record> {
    let bytes = read_plain(&paths.journal).ok()?;
    let mut header = read(&bytes).meeting?;
    header.last_seq = 0;
    header.ended = None;
    Some(Record::empty(header))
}

/// The meeting's lock, held until dropped: no other resetpoint can open
/// the meeting while it is alive.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Take a meeting's lock; refused, naming the holder, when another
/// resetpoint has it.
pub fn lock(paths: &Paths) -> Result<Lock, OpenError> {
    use std::os::unix::fs::MetadataExt as _;
    loop {
        let mut file = open_private(&paths.lock, true).map_err(io(&paths.lock))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut said = String::new();
                let _ = file.read_to_string(&mut said);
                return Err(OpenError::InUse {
                    record: visible(&paths.record.display().to_string()),
                    holder: holder(&said),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(&paths.lock)(e)),
        }
        // The lock file may have been removed (its meeting ended) between
        // opening and locking it: then lock the file that is there now.
        let held = file.metadata().map_err(io(&paths.lock))?;
        let current = std::fs::symlink_metadata(&paths.lock).ok();
        if current.is_none_or(|c| c.ino() != held.ino() || c.dev() != held.dev()) {
            continue;
        }
        let said = format!(
            "pid {} since {}\n",
            std::process::id(),
            jiff::Timestamp::now()
        );
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(said.as_bytes()))
            .map_err(io(&paths.lock))?;
        return Ok(Lock { _file: file });
    }
}

/// "pid 4242, since 12:27" from what the holder wrote in the lock file.
fn holder(said: &str) -> String {
    let mut words = said.split_whitespace();
    let pid = match (words.next(), words.next()) {
        (Some("pid"), Some(pid)) if pid.chars().all(|c| c.is_ascii_digit()) => pid.to_owned(),
        _ => return "which did not say its process id".into(),
    };
    let since = (words.next() == Some("since"))
        .then(|| words.next()?.parse::<jiff::Timestamp>().ok())
        .flatten()
        .map(|t| {
            t.to_zoned(crate::meeting::clock::local_zone())
                .strftime(", since %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    format!("pid {pid}{since}")
}

/// A meeting reopened: its lock, its record and the journal entries
/// written after it.
pub struct Reopened {
    pub lock: Lock,
    pub record: Record,
    pub entries: Vec<Entry>,
    /// Damaged journal lines that were skipped.
    pub skipped: usize,
    /// Bytes of a torn last journal line that were dropped.
    pub torn: usize,
    /// The record was missing or unreadable and was rebuilt from the journal.
    pub rebuilt: bool,
    /// With [`reopen_frame`]: `record` holds the header and sections
    /// alone, and this the rest, to be read once the meeting is on screen.
    pub rest: Option<Rest>,
}

/// A record's `[meeting]` header, read from the first KiB of its file (a
/// header is a few hundred bytes); none when they do not tell it (a long
/// list of who was there, a file laid out otherwise): read it whole then.
pub fn read_header(path: &Path) -> Option<super::format::Header> {
    const HEADER_AT_MOST: u64 = 8 * 1024;
    let (start, whole) = read_plain_start(path, HEADER_AT_MOST).ok()?;
    super::format::header_at_start(&start, whole)
}

/// What is left to read of a meeting reopened by its frame: its record
/// whole and its journal, read as [`reopen`] reads them.
pub struct Rest {
    paths: Paths,
}

/// What a meeting's files hold: the record (rebuilt from the journal when
/// it cannot be read), the journal entries after it, and what reading the
/// journal had to leave out.
pub struct Contents {
    pub record: Record,
    pub entries: Vec<Entry>,
    pub skipped: usize,
    pub torn: usize,
    pub rebuilt: bool,
}

impl Rest {
    pub fn read(&self) -> Result<Contents, OpenError> {
        contents(&self.paths)
    }
}

/// [`reopen`] as far as the first screen needs: the lock, and the record's
/// header and sections, read from the start of its file, with the rest in
/// [`Reopened::rest`]. A record that cannot be read that way is read whole.
/// The journal is read with the rest: the frame says nothing it could
/// change but the section on screen, which the record keeps up to date.
pub fn reopen_frame(paths: &Paths) -> Result<Reopened, OpenError> {
    // A header and a dozen sections are a few KiB; a longer agenda is
    // read from the whole text.
    const FRAME_AT_MOST: u64 = 16 * 1024;
    let lock = lock(paths)?;
    let frame = read_plain_start(&paths.record, FRAME_AT_MOST)
        .ok()
        .and_then(|(start, whole)| Record::frame_from_start(&start, whole))
        .or_else(|| Record::frame_from_text(&read_plain_text(&paths.record).ok()?));
    let Some(frame) = frame else {
        return with_contents(lock, contents(paths)?);
    };
    Ok(Reopened {
        lock,
        record: frame,
        entries: Vec::new(),
        skipped: 0,
        torn: 0,
        rebuilt: false,
        rest: Some(Rest {
            paths: paths.clone(),
        }),
    })
}

pub fn reopen(paths: &Paths) -> Result<Reopened, OpenError> {
    let lock = lock(paths)?;
    with_contents(lock, contents(paths)?)
}

fn with_contents(lock: Lock, contents: Contents) -> Result<Reopened, OpenError> {
    let Contents {
        record,
        entries,
        skipped,
        torn,
        rebuilt,
    } = contents;
    Ok(Reopened {
        lock,
        record,
        entries,
        skipped,
        torn,
        rebuilt,
        rest: None,
    })
}

fn contents(paths: &Paths) -> Result<Contents, OpenError> {
    let journal = match read_plain(&paths.journal) {
        Ok(bytes) => read(&bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => read(&[]),
        Err(e) => return Err(io(&paths.journal)(e)),
    };
    let (record, rebuilt) = match read_record(&paths.record) {
        Ok(record) => (record, false),
        Err(error) => match from_journal(paths) {
            Some(record) => (record, true),
            None => return Err(error),
        },
    };
    let mut entries = journal.entries;
    entries.retain(|e| e.seq > record.meeting.last_seq);
    Ok(Contents {
        record,
        entries,
        skipped: journal.skipped,
        torn: journal.torn,
        rebuilt,
    })
}

/// Create a new meeting's files under `dir`, named from `stem`, without
/// ever taking the name of an existing meeting; its lock is held.
pub fn create(dir: &Path, stem: &str) -> Result<(Paths, Lock), OpenError> {
    create_private_dir_all(dir).map_err(io(dir))?;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.toml")
        } else {
            format!("{stem}-{n}.toml")
        };
        let paths = Paths::for_record(dir.join(name));
        let taken = [&paths.record, &paths.journal, &paths.lock]
            .iter()
            .any(|p| std::fs::symlink_metadata(p).is_ok());
        if taken {
            continue;
        }
        match create_new(&paths.journal) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io(&paths.journal)(e)),
        }
        return Ok((paths.clone(), lock(&paths)?));
    }
    Err(OpenError::Io {
        path: visible(&dir.display().to_string()),
        source: std::io::Error::other("too many meetings with the same start time"),
    })
}

/// Create an empty private file, failing if anything at all is there.
/// Not synced here, on the way to the first frame: it holds nothing yet,
/// and the store's first write (the record, written aside and renamed,
/// its folder synced) makes the folder's entries durable, this one too.
fn create_new(path: &Path) -> std::io::Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
        .map(drop)
}
