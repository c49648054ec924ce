//! A terminal that goes away without a hangup: its pseudo-terminal closed
//! while the program is not its session's leader, so no SIGHUP comes and
//! every read and write fails. `run` and `follow` notice, leave as on a
//! hangup and exit whole (status 0, no abort, no spinning), and the
//! meeting's record keeps what was typed.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::ExitStatusExt as _;
use std::path::Path;
use std::process::{Child, Command, ExitStatus};
use std::time::{Duration, Instant};

use crate::common::wait_for_journal;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// A pseudo-terminal of 80×24: the side the program gets, and ours.
struct Pty {
    ours: File,
    theirs: OwnedFd,
}

fn open_pty() -> Pty {
    // SAFETY: each call is checked; the descriptors are owned once made.
    unsafe {
        // O_CLOEXEC: a program another test starts meanwhile must not hold
        // our side open.
        let ours = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
        assert!(ours >= 0, "no pseudo-terminal");
        assert_eq!(libc::grantpt(ours), 0);
        assert_eq!(libc::unlockpt(ours), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(ours, name.as_mut_ptr(), name.len()), 0);
        // O_NOCTTY: never the program's controlling terminal, so closing
        // it sends no hangup: the case nothing but the program can notice.
        let theirs = libc::open(
            name.as_ptr(),
            libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
        );
        assert!(theirs >= 0, "the other side of the pseudo-terminal");
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        libc::ioctl(theirs, libc::TIOCSWINSZ, &size);
        libc::fcntl(ours, libc::F_SETFL, libc::O_NONBLOCK);
        Pty {
            ours: File::from_raw_fd(ours),
            theirs: OwnedFd::from_raw_fd(theirs),
        }
    }
}

/// Start `args` on the pseudo-terminal, in `home` (records, runtime
/// folder). `controlling`: as the program's controlling terminal, as a
/// terminal window does: closing our side then hangs the terminal up, and
/// every read the program makes sees the end, at once and for ever.
fn started(pty: &Pty, home: &Path, args: &[&str], controlling: bool) -> Child {
    use std::os::unix::process::CommandExt as _;
    let side = || pty.theirs.try_clone().unwrap();
    let mut command = Command::new(BIN);
    if controlling {
        // SAFETY: setsid and ioctl are async-signal-safe, run in the child
        // between fork and exec, on its own standard input.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // The hangup signal held back, as when it comes while the
                // program is busy elsewhere: only the terminal's end of
                // input says it is gone, and the program must notice.
                let mut held: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut held);
                libc::sigaddset(&mut held, libc::SIGHUP);
                libc::sigprocmask(libc::SIG_BLOCK, &held, std::ptr::null_mut());
                Ok(())
            });
        }
    }
    command
        .args(args)
        .current_dir(home)
        .env("TERM", "xterm-256color")
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home)
        .stdin(side())
        .stdout(side())
        .stderr(side())
        .spawn()
        .unwrap()
}

/// Read what the program draws until `marker` is among it.
fn read_until(pty: &mut Pty, marker: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    while Instant::now() < deadline {
        match pty.ours.read(&mut buf) {
            Ok(n) => seen.extend_from_slice(&buf[..n]),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
        if String::from_utf8_lossy(&seen).contains(marker) {
            return;
        }
    }
    panic!(
        "{marker:?} never drawn:\n{}",
        String::from_utf8_lossy(&seen)
    );
}

/// Close our side, and wait for the program to leave on its own.
fn close_and_wait(pty: Pty, mut child: Child) -> ExitStatus {
    drop(pty);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("still running 20 s after its terminal went away");
}

/// A meeting on the demo plan in its own pty (the pty its controlling
/// terminal when `controlling`), a note typed and in the journal, then the
/// pty closed: how the meeting ended, and where its records are.
fn note_then_lose_terminal(note: &str, controlling: bool) -> (ExitStatus, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo.toml");
    let mut pty = open_pty();
    let args = [
        "run",
        plan.to_str().unwrap(),
        "--records",
        records.to_str().unwrap(),
        "--fresh",
    ];
    let child = started(&pty, home.path(), &args, controlling);
    read_until(&mut pty, "quit");
    pty.ours.write_all(b"n").unwrap();
    read_until(&mut pty, "Note");
    pty.ours.write_all(format!("{note}\r").as_bytes()).unwrap();
    wait_for_journal(&records, note);
    (close_and_wait(pty, child), home)
}

#[test]
fn a_meeting_whose_terminal_goes_away_saves_and_exits_whole() {
    let (status, home) = note_then_lose_terminal("Zoë keeps the 漢字 note", false);
    assert_eq!(status.code(), Some(0), "left as on a hangup: {status:?}");
    let saved = std::fs::read_dir(home.path().join("meetings"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .any(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .contains("Zoë keeps the 漢字 note")
        });
    assert!(saved, "the record holds the note");
}

#[test]
fn a_meeting_whose_terminal_hangs_up_saves_and_exits_whole() {
    let (status, _home) = note_then_lose_terminal("Søren's 漢字 note", true);
    assert!(
        status.code() == Some(0) || status.signal() == Some(libc::SIGHUP),
        "left as on a hangup: {status:?}"
    );
}

/// A follower waiting for a meeting in its own pty (its controlling
/// terminal when `controlling`), then the pty closed: how it ended.
fn follower_loses_terminal(controlling: bool) -> ExitStatus {
    let home = tempfile::tempdir().unwrap();
    let mut pty = open_pty();
    let child = started(&pty, home.path(), &["follow"], controlling);
    read_until(&mut pty, "Waiting for");
    close_and_wait(pty, child)
}

#[test]
fn a_follower_whose_terminal_hangs_up_exits() {
    let status = follower_loses_terminal(true);
    assert!(
        status.code() == Some(0) || status.signal() == Some(libc::SIGHUP),
        "{status:?}"
    );
}

#[test]
fn a_follower_whose_terminal_goes_away_exits_whole() {
    let status = follower_loses_terminal(false);
    assert_eq!(status.code(), Some(0), "left as asked: {status:?}");
}
