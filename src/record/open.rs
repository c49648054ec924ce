//! Finding, creating and reopening meetings in the records folder, and
//! making sure two resetpoints never write the same meeting.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::format::{Mode, Record};
use super::journal::{Entry, read};
use super::store::Paths;
use crate::meeting::capture::{ActionStatus, Raised};
use crate::meeting::{Capture, Meeting};
use crate::plan::model::Plan;

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(
        "the meeting {0} is open in another resetpoint; finish it there, or start a new one with --fresh"
    )]
    InUse(String),
    #[error("cannot open {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a meeting record resetpoint can read: {message}")]
    Unreadable { path: String, message: String },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OpenError + '_ {
    move |source| OpenError::Io {
        path: path.display().to_string(),
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

/// The newest live meeting of this project that never ended.
pub fn unfinished(dir: &Path, project_id: &str) -> Option<(Paths, Record)> {
    let mut found: Vec<(Paths, Record)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| {
            let record: Record = toml::from_str(&std::fs::read_to_string(&p).ok()?).ok()?;
            let open = record.meeting.ended.is_none()
                && record.meeting.mode == Mode::Live
                && record.meeting.project_id == project_id;
            open.then(|| (Paths::for_record(p), record))
        })
        .collect();
    found.sort_by_key(|(_, r)| r.meeting.started);
    found.pop()
}

/// Open and lock a meeting's journal; refused when another resetpoint holds it.
pub fn lock_journal(paths: &Paths) -> Result<File, OpenError> {
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(&paths.journal)
        .map_err(io(&paths.journal))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(OpenError::InUse(paths.record.display().to_string()))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(io(&paths.journal)(e)),
    }
}

/// A meeting reopened: its record and the journal entries written after it.
pub struct Reopened {
    pub journal: File,
    pub record: Record,
    pub entries: Vec<Entry>,
    /// Bytes of a torn journal tail that were dropped.
    pub dropped: usize,
}

pub fn reopen(paths: &Paths) -> Result<Reopened, OpenError> {
    let journal = lock_journal(paths)?;
    let text = std::fs::read_to_string(&paths.record).map_err(io(&paths.record))?;
    let record: Record = toml::from_str(&text).map_err(|e| OpenError::Unreadable {
        path: paths.record.display().to_string(),
        message: e.message().to_owned(),
    })?;
    let bytes = std::fs::read(&paths.journal).map_err(io(&paths.journal))?;
    let (mut entries, dropped) = read(&bytes);
    entries.retain(|e| e.seq > record.meeting.last_seq);
    Ok(Reopened {
        journal,
        record,
        entries,
        dropped,
    })
}

/// Create a new meeting's files under `dir`, named from `stem`, without
/// ever taking the name of an existing meeting.
pub fn create(dir: &Path, stem: &str) -> Result<(Paths, File), OpenError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.toml")
        } else {
            format!("{stem}-{n}.toml")
        };
        let paths = Paths::for_record(dir.join(name));
        if paths.record.exists() || paths.journal.exists() {
            continue;
        }
        match OpenOptions::new()
            .create_new(true)
            .append(true)
            .read(true)
            .open(&paths.journal)
        {
            Ok(journal) => {
                journal
                    .try_lock()
                    .map_err(|_| OpenError::InUse(paths.record.display().to_string()))?;
                return Ok((paths, journal));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io(&paths.journal)(e)),
        }
    }
    Err(OpenError::Io {
        path: dir.display().to_string(),
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
