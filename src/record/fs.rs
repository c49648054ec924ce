//! The record's door to the disk: every file the store opens, writes,
//! syncs, truncates or renames goes through `Disk`, so a test can make any
//! one of those operations fail the way a real disk does (full, I/O error,
//! short write, failed sync or rename). The same safe operations serve the
//! commands that write documents: files are created 0600 with unique
//! temporary names, folders 0700, and nothing is ever read, written or
//! followed through a symlink, FIFO or device.

use std::fs::{File, OpenOptions};
use std::io::{self, Read as _, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _};
use std::path::Path;
use std::sync::Arc;

/// One file operation of the store, as a fault can be injected into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    OpenJournal,
    Write,
    Sync,
    Truncate,
    CreateTemporary,
    Rename,
    SyncFolder,
}

/// What a failing disk does to one operation.
#[derive(Debug)]
pub enum Fault {
    /// The operation fails with this error, having done nothing.
    Fail(io::Error),
    /// A write takes only this many bytes, then the disk is full.
    Short(usize),
}

/// Asked before every operation; the real disk never fails on purpose.
pub trait Faults: Send + Sync {
    fn before(&self, op: Op) -> Option<Fault>;
}

struct NoFaults;

impl Faults for NoFaults {
    fn before(&self, _: Op) -> Option<Fault> {
        None
    }
}

/// The disk as the store sees it.
#[derive(Clone)]
pub struct Disk {
    faults: Arc<dyn Faults>,
}

impl Default for Disk {
    fn default() -> Self {
        Disk::real()
    }
}

impl Disk {
    pub fn real() -> Disk {
        Disk {
            faults: Arc::new(NoFaults),
        }
    }

    /// A disk that asks `faults` before every operation.
    pub fn with_faults(faults: Arc<dyn Faults>) -> Disk {
        Disk { faults }
    }

    fn check(&self, op: Op) -> io::Result<Option<usize>> {
        match self.faults.before(op) {
            None => Ok(None),
            Some(Fault::Fail(error)) => Err(error),
            Some(Fault::Short(n)) => Ok(Some(n)),
        }
    }

    /// Open (creating it 0600 if need be) a journal to append to.
    pub fn open_journal(&self, path: &Path) -> io::Result<File> {
        self.check(Op::OpenJournal)?;
        open_private(path, true)
    }

    /// Write all of `bytes` at the end of `file`, or fail part way as a
    /// full disk does.
    pub fn append(&self, mut file: &File, bytes: &[u8]) -> io::Result<()> {
        match self.check(Op::Write)? {
            None => file.write_all(bytes),
            Some(taken) => {
                file.write_all(&bytes[..taken.min(bytes.len())])?;
                Err(io::Error::from_raw_os_error(libc::ENOSPC))
            }
        }
    }

    pub fn sync(&self, file: &File) -> io::Result<()> {
        self.check(Op::Sync)?;
        file.sync_data()
    }

    pub fn truncate(&self, file: &File, length: u64) -> io::Result<()> {
        self.check(Op::Truncate)?;
        file.set_len(length)
    }

    /// Replace `path` with `bytes` so that a reader sees the old file or the
    /// new one, never a part of either, even across a power cut. The
    /// temporary file has a unique name, is created exclusively (never
    /// through a link someone planted) and is readable by its owner only.
    pub fn replace(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        refuse_unless_regular(path)?;
        let folder = folder_of(path);
        let name = path
            .file_name()
            .map_or_else(|| "record".into(), |n| n.to_string_lossy().into_owned());
        self.check(Op::CreateTemporary)?;
        let temporary = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .tempfile_in(folder)?;
        self.append(temporary.as_file(), bytes)?;
        self.check(Op::Sync)?;
        temporary.as_file().sync_all()?;
        self.check(Op::Rename)?;
        temporary.persist(path).map_err(|e| e.error)?;
        self.check(Op::SyncFolder)?;
        File::open(folder)?.sync_all()
    }
}

/// The folder a file is in ("." for a bare name).
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The error for a path that holds something other than a plain file.
fn not_a_file(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{} is a symlink, FIFO or other special file, not a plain file; resetpoint will not read or write through it (remove it, or choose another name)",
            crate::text::visible(&path.display().to_string())
        ),
    )
}

/// Refuse a path that exists but is not a plain file, without opening it
/// (opening a FIFO could wait forever).
pub fn refuse_unless_regular(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => Err(not_a_file(path)),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Open a plain file to read and append, created 0600 when `create`; never
/// through a symlink, never waiting on a FIFO.
pub fn open_private(path: &Path, create: bool) -> io::Result<File> {
    refuse_unless_regular(path)?;
    let file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(create)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                not_a_file(path)
            } else {
                e
            }
        })?;
    // Between the look and the open something else could have been put there.
    if !file.metadata()?.file_type().is_file() {
        return Err(not_a_file(path));
    }
    Ok(file)
}

/// The bytes of a plain file; a symlink, FIFO or device is refused.
pub fn read_plain(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open_plain(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The first `at_most` bytes of a plain file (see `read_plain`), as text
/// up to the last whole character; and whether that is the whole file.
/// Bytes that are not UTF-8 are refused as `read_plain_text` refuses them.
pub fn read_plain_start(path: &Path, at_most: u64) -> io::Result<(String, bool)> {
    let file = open_plain(path)?;
    // Room for what will be read, so it is read in one go: through `take`,
    // `read_to_end` cannot see the size and reads in pieces from 32 bytes.
    let room = file.metadata()?.len().min(at_most) + 1;
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    file.take(at_most).read_to_end(&mut bytes)?;
    let whole = (bytes.len() as u64) < at_most;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if e.utf8_error().error_len().is_some() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the file is not UTF-8 text",
            ));
        }
        // A character cut by the end of what was read.
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            bytes.truncate(valid);
            String::from_utf8(bytes).unwrap_or_default()
        }
    };
    Ok((text, whole))
}

fn open_plain(path: &Path) -> io::Result<std::fs::File> {
    refuse_unless_regular(path)?;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                not_a_file(path)
            } else {
                e
            }
        })?;
    if !file.metadata()?.file_type().is_file() {
        return Err(not_a_file(path));
    }
    Ok(file)
}

/// The text of a plain file (see `read_plain`).
pub fn read_plain_text(path: &Path) -> io::Result<String> {
    String::from_utf8(read_plain(path)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "the file is not UTF-8 text"))
}

/// Create a folder and its parents, each new one readable by its owner only.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn replaced_files_are_private_and_never_written_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "theirs").unwrap();
        let link = dir.path().join("record.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let error = Disk::real().replace(&link, b"ours").unwrap_err();
        assert!(error.to_string().contains("symlink"), "{error}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "theirs");

        let plain = dir.path().join("plain.toml");
        Disk::real().replace(&plain, b"ours").unwrap();
        let mode = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("meeting.toml");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a valid NUL-terminated path and nothing else.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(read_plain(&fifo).is_err());
        assert!(open_private(&fifo, true).is_err());
        assert!(Disk::real().replace(&fifo, b"x").is_err());
    }
}
