//! Where a running meeting can be found by a follower on this machine, and
//! who may find it: one socket a meeting in a folder only this user can
//! open, named for the plan and the records folder, so `follow PLAN`
//! finds it without reading the plan.

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

/// The user id of this process.
pub fn my_uid() -> u32 {
    // SAFETY: geteuid(2) has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Whether a peer with user id `peer` may follow: only the same user.
pub fn may_follow(peer: u32) -> bool {
    peer == my_uid()
}

/// The folder the sockets live in: `$XDG_RUNTIME_DIR/resetpoint/` (a
/// folder the system already keeps to this user), else
/// `resetpoint-UID` in the temporary folder. It is made 0700 and refused
/// when it is a link, someone else's, or open to others.
pub fn folder() -> io::Result<PathBuf> {
    let folder = match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(runtime) if runtime.is_absolute() && runtime.is_dir() => runtime.join("resetpoint"),
        _ => std::env::temp_dir().join(format!("resetpoint-{}", my_uid())),
    };
    match fs::DirBuilder::new().mode(0o700).create(&folder) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    check_private(&folder)?;
    Ok(folder)
}

/// The folder is a real folder of ours that nobody else can open.
pub fn check_private(folder: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(folder)?;
    let refuse = |why: &str| {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} {why}", folder.display()),
        ))
    };
    if !meta.is_dir() {
        return refuse("is not a folder");
    }
    if meta.uid() != my_uid() {
        return refuse("belongs to another user");
    }
    if meta.mode() & 0o077 != 0 {
        // Ours, but left open (an older umask): close it.
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// What names a meeting for its followers: its plan and its records folder,
/// each as a short hash of the canonical path (no path is written out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingName {
    pub plan: String,
    pub records: String,
}

/// A short, fixed-length stand-in for a path or a label.
pub fn key_of(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..6].iter().map(|b| format!("{b:02x}")).collect()
}

/// The key of a path as it is on disk, so `./plan.toml` and its full path
/// name the same meeting.
pub fn path_key(path: &Path) -> String {
    let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    key_of(&canonical.display().to_string())
}

impl MeetingName {
    pub fn file_name(&self) -> String {
        format!("{}-{}.sock", self.plan, self.records)
    }

    /// The name back from a socket's file name; None for anything else.
    pub fn parse(file_name: &str) -> Option<MeetingName> {
        let stem = file_name.strip_suffix(".sock")?;
        let (plan, records) = stem.split_once('-')?;
        let hex = |s: &str| s.len() == 12 && s.bytes().all(|b| b.is_ascii_hexdigit());
        (hex(plan) && hex(records)).then(|| MeetingName {
            plan: plan.to_owned(),
            records: records.to_owned(),
        })
    }
}

/// Which meetings a follower wants: those of a plan, of a records folder,
/// both, or (neither given) any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wanted {
    pub plan: Option<String>,
    pub records: Option<String>,
}

impl Wanted {
    pub fn matches(&self, name: &MeetingName) -> bool {
        self.plan.as_ref().is_none_or(|p| *p == name.plan)
            && self.records.as_ref().is_none_or(|r| *r == name.records)
    }
}

/// The sockets in `folder` of meetings a follower wants, sorted. A socket
/// may be stale (its facilitator was killed): connecting tells.
pub fn sockets(folder: &Path, wanted: &Wanted) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_str()
                .and_then(MeetingName::parse)
                .is_some_and(|name| wanted.matches(&name))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// What a meeting says of itself beside its socket (`NAME.about`, 0600),
/// so `follow` with no plan can list the meetings running and ask which,
/// and a new meeting can tell a socket left by a killed one, without
/// connecting to any (a connection is a follower to the meeting).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct About {
    /// The plan as the meeting was started with it.
    pub plan: String,
    pub project: String,
    pub agenda: String,
    pub started: jiff::Timestamp,
    pub pid: u32,
}

/// Where a socket's `About` is.
pub fn about_path(socket: &Path) -> PathBuf {
    socket.with_extension("about")
}

/// Write what the meeting serving `socket` says of itself.
pub fn write_about(socket: &Path, about: &About) -> io::Result<()> {
    use std::io::Write as _;
    let text = serde_json::to_string(about).map_err(io::Error::other)?;
    // Whole or absent to a reader (written aside, then renamed), but never
    // synced: it lives in the runtime folder, which a restart empties, and
    // a sync would keep the meeting's first frame waiting on the disk.
    let folder = crate::record::fs::folder_of(socket);
    let mut file = tempfile::Builder::new()
        .prefix(".about.")
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(folder)?;
    file.write_all(text.as_bytes())?;
    file.persist(about_path(socket)).map_err(|e| e.error)?;
    Ok(())
}

/// What the meeting serving `socket` said of itself, if it did.
pub fn read_about(socket: &Path) -> Option<About> {
    let bytes = crate::record::fs::read_plain(&about_path(socket)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Whether the process `pid` is still running.
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill(2) with signal 0 sends nothing; it only checks the pid.
    unsafe { libc::kill(pid, 0) == 0 || *libc::__errno_location() == libc::EPERM }
}

/// The meetings running in `folder`, with what each says of itself, in
/// the order they started.
pub fn running(folder: &Path) -> Vec<(MeetingName, About)> {
    let mut found: Vec<(MeetingName, About)> = sockets(folder, &Wanted::default())
        .into_iter()
        .filter_map(|socket| {
            let name = MeetingName::parse(socket.file_name()?.to_str()?)?;
            let about = read_about(&socket).filter(|a| alive(a.pid))?;
            Some((name, about))
        })
        .collect();
    found.sort_by_key(|(_, about)| about.started);
    found
}

/// Remove the sockets in `folder` left by facilitators that were killed,
/// told by the process their `About` names, never by connecting: a
/// running meeting is not touched. A socket with no `About` is left to
/// its own meeting, which clears it when it starts again. A follower
/// waiting for one of those meetings keeps waiting, and finds it again
/// when it is resumed.
pub fn clear_stale(folder: &Path) {
    for socket in sockets(folder, &Wanted::default()) {
        if read_about(&socket).is_some_and(|a| !alive(a.pid)) {
            let _ = fs::remove_file(&socket);
            let _ = fs::remove_file(about_path(&socket));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_reads_back_from_its_file_name() {
        let name = MeetingName {
            plan: key_of("/plans/northwind.toml"),
            records: key_of("/plans/meetings"),
        };
        assert_eq!(MeetingName::parse(&name.file_name()), Some(name));
        assert_eq!(MeetingName::parse("notes.txt"), None);
        assert_eq!(MeetingName::parse("abc-def.sock"), None);
    }

    #[test]
    fn wanted_matches_by_plan_records_or_both() {
        let name = MeetingName {
            plan: key_of("a"),
            records: key_of("b"),
        };
        assert!(Wanted::default().matches(&name));
        let plan = Some(key_of("a"));
        let wrong = Some(key_of("c"));
        assert!(
            Wanted {
                plan: plan.clone(),
                records: None
            }
            .matches(&name)
        );
        assert!(
            !Wanted {
                plan,
                records: wrong
            }
            .matches(&name)
        );
    }

    #[test]
    fn only_the_same_user_may_follow() {
        assert!(may_follow(my_uid()));
        assert!(!may_follow(my_uid().wrapping_add(1)));
    }

    #[test]
    fn an_open_folder_of_ours_is_closed_to_others() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("open");
        fs::create_dir(&folder).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        check_private(&folder).unwrap();
        let mode = fs::metadata(&folder).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }

    #[test]
    fn sockets_of_meetings_gone_are_cleared_and_live_ones_kept_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let name = |n: &str| MeetingName {
            plan: key_of(n),
            records: key_of(n),
        };
        let about = |pid| About {
            plan: "/p.toml".into(),
            project: "P".into(),
            agenda: "status".into(),
            started: "2026-12-04T09:00:00Z".parse().unwrap(),
            pid,
        };
        // A process that has ended: its pid, once reaped.
        let mut gone = std::process::Command::new("true").spawn().unwrap();
        let gone_pid = gone.id();
        gone.wait().unwrap();
        let stale = dir.path().join(name("stale").file_name());
        drop(std::os::unix::net::UnixListener::bind(&stale).unwrap());
        write_about(&stale, &about(gone_pid)).unwrap();
        // A live one, which a connection would count as a follower: it is
        // told by its process and never connected to.
        let live = dir.path().join(name("live").file_name());
        let listener = std::os::unix::net::UnixListener::bind(&live).unwrap();
        listener.set_nonblocking(true).unwrap();
        write_about(&live, &about(std::process::id())).unwrap();
        let other = dir.path().join("notes.txt");
        fs::write(&other, "kept").unwrap();
        clear_stale(dir.path());
        assert!(!stale.exists() && !about_path(&stale).exists());
        assert!(live.exists() && about_path(&live).exists());
        assert!(other.exists());
        assert!(
            listener.accept().is_err(),
            "nobody connected to the live meeting"
        );
        assert_eq!(running(dir.path()).len(), 1);
    }

    #[test]
    fn a_link_is_never_taken_for_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::create_dir(&real).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(check_private(&link).is_err());
    }
}
