//! The records folder read once for a plan: every meeting of its project
//! (live and rehearsals, ended or not), and every file that looks like a
//! record but could not be read. Everything that needs earlier meetings
//! (the follow-ups, the pulse trend, ids, `actions`, `history`, the
//! minutes' earlier actions, finding an unfinished meeting) starts here.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::Deserialize;

use super::format::meeting_table;
use super::format::{Mode, Record};
use super::fs::read_plain_text;
use super::open::{OpenError, from_journal, parse_record, read_header, read_record};
use super::store::Paths;

/// One meeting of the plan's project found in the folder.
#[derive(Debug, Clone)]
pub struct Found {
    pub paths: Paths,
    /// The record's file name without `.toml`: how other meetings name it.
    pub stem: String,
    pub record: Record,
    /// The record was missing or unreadable and stands here as its
    /// journal's header, with nothing captured yet: the meeting can be
    /// resumed, but holds nothing an earlier meeting would carry over.
    pub from_journal: bool,
}

/// A file that looks like a record but could not be read.
#[derive(Debug)]
pub struct Unreadable {
    pub error: OpenError,
    /// A journal beside it still holds the meeting, which can be resumed.
    pub journal_holds_it: bool,
}

/// What the records folder holds for one project.
#[derive(Debug, Default)]
pub struct Folder {
    /// Oldest first.
    pub meetings: Vec<Found>,
    pub unreadable: Vec<Unreadable>,
}

impl Folder {
    /// Read every meeting of `project_id` in `dir`. A record of another
    /// project is told apart by its `[meeting]` header alone, so a folder
    /// shared by several projects does not cost a full read of theirs.
    pub fn read(dir: &Path, project_id: &str) -> Folder {
        Folder::read_listed(dir, project_id, &["toml", "journal"], false)
    }

    /// Read only the meetings of `project_id` in `dir` that may not have
    /// ended: those with a journal or a lock beside them, as the folder's
    /// listing shows. A meeting that ends takes both away, so this finds
    /// the meeting to resume without reading years of finished ones (a
    /// record left with neither is seen when the earlier meetings are
    /// read, and named then). Their records hold their header and sections
    /// alone where those can be read so: the rest is read on resuming.
    pub fn read_unfinished(dir: &Path, project_id: &str) -> Folder {
        let mut folder = Folder::read_listed(dir, project_id, &["journal", "lock"], true);
        folder.meetings.retain(|m| m.record.meeting.ended.is_none());
        folder
    }

    /// [`Folder::read_unfinished`] from every record's header, journal and
    /// lock or not: for a PM who asked to resume when none was found by
    /// them (a journal removed by hand, a folder synced without them).
    pub fn read_every_unfinished(dir: &Path, project_id: &str) -> Folder {
        let mut folder = Folder::read_listed(dir, project_id, &["toml", "journal"], true);
        folder.meetings.retain(|m| m.record.meeting.ended.is_none());
        folder
    }

    /// [`Folder::read`] of the records named by files of these `kinds`
    /// (extensions), whole or by their header alone (`header_only`).
    fn read_listed(dir: &Path, project_id: &str, kinds: &[&str], header_only: bool) -> Folder {
        let mut folder = Folder::default();
        let Ok(listing) = std::fs::read_dir(dir) else {
            return folder;
        };
        let mut records: Vec<PathBuf> = listing
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| kinds.iter().any(|k| x == *k)))
            .map(|p| p.with_extension("toml"))
            .collect();
        records.sort();
        records.dedup();
        // A meeting to resume is told by its header; its items are read
        // when it is resumed.
        let read = read_all_if_ours(&records, project_id, header_only);
        for (record_path, read) in records.into_iter().zip(read) {
            let paths = Paths::for_record(record_path);
            let (record, from_journal) = match read {
                Ok(Some(record)) => (record, false),
                Ok(None) => continue,
                Err(error) => {
                    let rebuilt = from_journal(&paths);
                    if paths.record.exists() {
                        folder.unreadable.push(Unreadable {
                            error,
                            journal_holds_it: rebuilt.is_some(),
                        });
                    }
                    match rebuilt {
                        Some(record) => (record, true),
                        None => continue,
                    }
                }
            };
            if record.meeting.project_id != project_id {
                continue;
            }
            let Some(stem) = paths.record.file_stem() else {
                continue;
            };
            folder.meetings.push(Found {
                stem: stem.to_string_lossy().into_owned(),
                paths,
                record,
                from_journal,
            });
        }
        // Stable after the sort by name, so equal start times keep one order.
        folder.meetings.sort_by_key(|m| m.record.meeting.started);
        folder
    }

    /// The live meetings whose records could be read, oldest first, with
    /// their file stems: what `actions`, `history` and carry-over use.
    pub fn live(&self) -> Vec<(String, Record)> {
        self.meetings
            .iter()
            .filter(|m| !m.from_journal && m.record.meeting.mode == Mode::Live)
            .map(|m| (m.stem.clone(), m.record.clone()))
            .collect()
    }

    /// The live meetings that started before `before`, oldest first.
    pub fn live_before(&self, before: Timestamp) -> Vec<(String, Record)> {
        // Chosen before copying: a later meeting is never copied at all.
        self.meetings
            .iter()
            .filter(|m| {
                !m.from_journal
                    && m.record.meeting.mode == Mode::Live
                    && m.record.meeting.started < before
            })
            .map(|m| (m.stem.clone(), m.record.clone()))
            .collect()
    }

    /// The live meetings, as [`Folder::live`], and the unreadable files,
    /// taken out of the folder rather than copied.
    pub fn into_live(self) -> (Vec<(String, Record)>, Vec<Unreadable>) {
        let live = self
            .meetings
            .into_iter()
            .filter(|m| !m.from_journal && m.record.meeting.mode == Mode::Live)
            .map(|m| (m.stem, m.record))
            .collect();
        (live, self.unreadable)
    }

    /// The meetings in `mode` that never ended, oldest first.
    pub fn unfinished(&self, mode: Mode) -> impl Iterator<Item = &Found> {
        self.meetings
            .iter()
            .filter(move |m| m.record.meeting.ended.is_none() && m.record.meeting.mode == mode)
    }
}

/// Just enough of a record's `[meeting]` header to know whose it is.
#[derive(Deserialize)]
struct WhoseHeader {
    project_id: String,
}

/// [`read_if_ours`] for every path, in order. Parsing is most of what
/// reading years of records costs, and each file is parsed on its own, so
/// they are parsed side by side on the cores there are (a few at most).
fn read_all_if_ours(
    paths: &[PathBuf],
    project_id: &str,
    frame_only: bool,
) -> Vec<Result<Option<Record>, OpenError>> {
    const ENOUGH_TO_SHARE: usize = 16;
    // Asked only when there is enough to share: asking reads the cgroup
    // files, on the way to a meeting's first frame.
    let share_between = paths.len() / ENOUGH_TO_SHARE;
    let cores = if share_between > 1 {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        1
    };
    let workers = cores.min(4).min(share_between).max(1);
    if workers == 1 {
        return paths
            .iter()
            .map(|p| read_if_ours(p, project_id, frame_only))
            .collect();
    }
    let share = paths.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let parts: Vec<_> = paths
            .chunks(share)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| read_if_ours(p, project_id, frame_only))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .zip(paths.chunks(share))
            .flat_map(|(part, paths)| {
                // A worker that panicked: its files are read here instead.
                part.join().unwrap_or_else(|_| {
                    paths
                        .iter()
                        .map(|p| read_if_ours(p, project_id, frame_only))
                        .collect()
                })
            })
            .collect()
    })
}

/// The record at `path` when it belongs to `project_id`, none when its
/// header says it is another project's; with `frame_only`, its header and
/// sections alone where they can be read so ([`Record::frame_from_text`]).
fn read_if_ours(
    path: &Path,
    project_id: &str,
    frame_only: bool,
) -> Result<Option<Record>, OpenError> {
    if frame_only && let Some(header) = read_header(path) {
        return Ok((header.project_id == project_id).then(|| Record::empty(header)));
    }
    let text = match read_plain_text(path) {
        Ok(text) => text,
        // The error as a full read would give it, naming the file.
        Err(_) => return read_record(path).map(Some),
    };
    if header_of(&text).is_some_and(|whose| whose != project_id) {
        return Ok(None);
    }
    parse_record(path, &text).map(Some)
}

/// The project id in the `[meeting]` table, read from that table's lines
/// alone; none when it cannot be told that way (the whole record is then
/// read, and any fault in it named by line and column).
fn header_of(text: &str) -> Option<String> {
    toml::from_str::<WhoseHeader>(&meeting_table(text, true)?)
        .ok()
        .map(|w| w.project_id)
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

#[cfg(test)]
mod tests {
    use super::{Folder, header_of};
    use crate::record::format::meeting_table;

    fn record(project_id: &str, day: usize) -> String {
        format!(
            "[meeting]\nproject = \"P\"\nproject_id = \"{project_id}\"\ncustomer = \"C\"\nplan = \"\"\nplan_sha256 = \"\"\nagenda = \"status\"\nmode = \"live\"\nstarted = \"2026-01-{day:02}T09:00:00Z\"\nended = \"2026-01-{day:02}T10:00:00Z\"\nattendees = []\ncurrent_section = 0\nlast_seq = 0\n"
        )
    }

    #[test]
    fn a_large_folder_reads_every_record_in_order_and_names_the_broken_one() {
        let dir = tempfile::tempdir().unwrap();
        // Named against their start, so only the sort by start puts them in order.
        for n in 0..60 {
            let project = if n % 3 == 0 { "other" } else { "ours" };
            let name = format!("{:02}.toml", 59 - n);
            std::fs::write(dir.path().join(name), record(project, 1 + n % 28)).unwrap();
        }
        std::fs::write(
            dir.path().join("30.toml"),
            "[meeting]\nproject_id = \"ours\"\nnot toml",
        )
        .unwrap();
        let folder = Folder::read(dir.path(), "ours");
        assert_eq!(folder.meetings.len(), 39, "40 of ours, one broken");
        assert_eq!(folder.unreadable.len(), 1);
        assert!(folder.unreadable[0].error.to_string().contains("30.toml"));
        let started: Vec<_> = folder
            .meetings
            .iter()
            .map(|m| m.record.meeting.started)
            .collect();
        assert!(started.is_sorted(), "oldest first");
        assert!(
            folder
                .meetings
                .iter()
                .all(|m| m.record.meeting.project_id == "ours")
        );
    }

    #[test]
    fn the_project_is_read_from_the_meeting_table_alone() {
        let text = "[meeting]\nproject = \"A\"\nproject_id = \"a\"\n\n[meeting.ids]\nA = 3\n\n[[notes]]\nthis is not toml\n";
        assert_eq!(header_of(text).as_deref(), Some("a"));
    }

    #[test]
    fn a_table_cut_off_by_the_end_of_what_was_read_is_not_taken() {
        let text = "[meeting]\nproject = \"A\"\nlast_seq = 1";
        assert_eq!(meeting_table(text, false), None, "last_seq may be 12");
        assert!(meeting_table(text, true).is_some_and(|t| t.ends_with("last_seq = 1")));
    }

    #[test]
    fn a_header_that_cannot_be_told_alone_asks_for_a_full_read() {
        assert_eq!(header_of("[[notes]]\nid = 1\n"), None);
        assert_eq!(
            header_of("[meeting]\nproject = \"\"\"A\n[b]\"\"\"\nproject_id = \"a\"\n"),
            None
        );
    }
}
