//! Finding, creating and reopening meetings in the records folder, and
//! making sure two resetpoints never write the same meeting: a lock file
//! beside the record, held for the whole meeting, says which process has it.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use super::folder::{Folder, from_journal};
use super::format::{Mode, Record};
use super::fs::{create_private_dir_all, open_private, read_plain, read_plain_text};
use super::journal::{Entry, read};
use super::store::Paths;
use crate::meeting::capture::{ActionStatus, Raised};
use crate::meeting::{Capture, Meeting};
use crate::plan::model::Plan;
use crate::text::visible;

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

/// What a look through the records folder found for one project.
#[derive(Debug, Default)]
pub struct Scan {
    /// Meetings that never ended, oldest first; a record rebuilt from its
    /// journal when the record itself is missing or unreadable.
    pub unfinished: Vec<(Paths, Record)>,
    /// Files that look like records but could not be read, and why.
    pub unreadable: Vec<OpenError>,
}

/// Every unfinished live meeting of this project, and every record that
/// could not be read (one its journal stands in for is resumed instead).
pub fn scan(dir: &Path, project_id: &str) -> Scan {
    let folder = Folder::read(dir, project_id);
    Scan {
        unfinished: folder
            .unfinished(Mode::Live)
            .map(|m| (m.paths.clone(), m.record.clone()))
            .collect(),
        unreadable: folder
            .unreadable
            .into_iter()
            .filter(|u| !u.journal_holds_it)
            .map(|u| u.error)
            .collect(),
    }
}

/// The newest live meeting of this project that never ended.
pub fn unfinished(dir: &Path, project_id: &str) -> Option<(Paths, Record)> {
    scan(dir, project_id).unfinished.pop()
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
}

pub fn reopen(paths: &Paths) -> Result<Reopened, OpenError> {
    let lock = lock(paths)?;
    let bytes = match read_plain(&paths.journal) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(io(&paths.journal)(e)),
    };
    let journal = read(&bytes);
    let (record, rebuilt) = match read_record(&paths.record) {
        Ok(record) => (record, false),
        Err(error) => match from_journal(paths) {
            Some(record) => (record, true),
            None => return Err(error),
        },
    };
    let mut entries = journal.entries;
    entries.retain(|e| e.seq > record.meeting.last_seq);
    Ok(Reopened {
        lock,
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

/// What a meeting takes from the earlier meetings of its plan: the actions
/// still open, the risks and issues raised but not yet in the plan, and
/// the ids they used, so that its own ids go on from the highest per kind.
pub fn carry_over(meeting: &mut Meeting, earlier: &[(String, Record)]) {
    meeting.earlier = crate::export::actions::still_open(earlier, &meeting.plan);
    meeting.raised_earlier = raised_earlier(earlier, &meeting.plan);
    for (_, record) in earlier {
        meeting.ids.merge(&record.meeting.ids);
        for item in record.items() {
            meeting.ids.saw(&item.id);
        }
    }
}

/// The risks and issues raised in these earlier meetings that the plan does
/// not hold yet (by title) and that no later follow-up closed, oldest first.
pub fn raised_earlier(earlier: &[(String, Record)], plan: &Plan) -> Vec<Raised> {
    let in_plan = |title: &str| {
        let title = title.trim().to_lowercase();
        plan.risks
            .iter()
            .map(|r| &r.title)
            .chain(plan.issues.iter().map(|i| &i.title))
            .any(|t| t.trim().to_lowercase() == title)
    };
    let closed = |id: &str, from: &str| {
        let mut status = None;
        let mut followups: Vec<_> = earlier.iter().flat_map(|(_, r)| &r.followups).collect();
        followups.sort_by_key(|f| f.at);
        for f in followups {
            if let Capture::Followup {
                item,
                meeting,
                status: s,
                ..
            } = &f.what
                && item == id
                && meeting == from
            {
                status = Some(*s);
            }
        }
        matches!(status, Some(ActionStatus::Done | ActionStatus::Dropped))
    };
    earlier
        .iter()
        .flat_map(|(stem, record)| {
            // In the order they were raised, risks and issues together.
            let mut raised: Vec<&crate::meeting::Captured> =
                record.risks.iter().chain(&record.issues).collect();
            raised.sort_by_key(|item| (item.order, item.at));
            raised.into_iter().map(move |item| Raised {
                meeting: stem.clone(),
                item: item.clone(),
            })
        })
        .filter(|r| !in_plan(&r.item.what.text()) && !closed(&r.item.id, &r.meeting))
        .collect()
}

/// Create an empty private file, failing if anything at all is there.
fn create_new(path: &Path) -> std::io::Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
        .and_then(|f| f.sync_all())
}
